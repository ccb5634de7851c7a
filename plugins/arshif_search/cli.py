"""Command-line search over a built site's static index (`invoke search`).

Ranks exactly as the browser does (`query.StaticIndex` mirrors
search-engine.js), so it can be used to check what a reader would see.
"""

import argparse
import json
import sys

from .query import StaticIndex


def format_results(found):
    """Plain-text lines: rank, score, title, url, source file."""
    lines = [f"{found['total']} results"]
    for rank, r in enumerate(found["results"], 1):
        lines.append(f"{rank:>3}. [{r['score']}] {r['title']}")
        lines.append(f"     {r['url']}  ({r['source_file']})")
    for s in found["suggestions"]:
        lines.append(f"did you mean: {s['suggestion']} (for {s['word']})")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query")
    parser.add_argument("--index", default="output/search",
                        help="folder holding manifest.json (default: output/search)")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--category")
    parser.add_argument("--source")
    parser.add_argument("--year", type=int)
    parser.add_argument("--sort", choices=("relevance", "newest"), default="relevance")
    parser.add_argument("--json", action="store_true", help="print the result object as JSON")
    args = parser.parse_args(argv)
    found = StaticIndex(args.index).search(
        args.query, limit=args.limit, offset=args.offset, category=args.category,
        source=args.source, year=args.year, sort=args.sort)
    if args.json:
        print(json.dumps(found, ensure_ascii=False, indent=1))
    else:
        print(format_results(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
