"""Tags as an editor would see them: a fixed sample of egynews2013 articles.

There are no gold tags for the corpus, so tag work is judged by reading: this
chooses tags for every `--step`-th article (the same tf-idf over that set as a
build does), writes counts (tags per article, share of multi-word tags, tags
that would get a page) and the headline and tags of `--show` articles picked
with a fixed seed to benchmarks/results/tag_sample.md. Compare two versions of
`plugins/arshif_seeds/keywords.py` by running it before and after a change.

Usage: .venv/bin/python benchmarks/tag_sample.py [--step 4] [--show 40]
"""

import argparse
import collections
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds import keywords  # noqa: E402
from arshif_seeds.parse import parse_seed  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "egynews2013" / "articles"
RESULT = ROOT / "benchmarks" / "results" / "tag_sample.md"
MIN_PAGE = 5  # ARSHIF_TAG_MIN_ARTICLES in pelicanconf.py


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--step", type=int, default=4)
    parser.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[::args.step]
    parsed = [parse_seed(path.read_text(encoding="utf-8"), path.name) for path in files]
    chosen = keywords.choose_tags([keywords.candidates(p.title, p.paragraphs) for p in parsed])
    tags = [t for article in chosen for t in article]
    uses = collections.Counter(tags)
    lines = [
        "# Tag sample", "",
        f"Command: `python benchmarks/tag_sample.py --step {args.step} --show {args.show}` "
        f"({len(files)} egynews2013 articles).", "",
        f"- tags per article: {len(tags) / len(files):.2f}",
        f"- multi-word tags: {sum(' ' in t for t in tags) / len(tags):.0%}",
        f"- distinct tags: {len(uses)}; with a page ({MIN_PAGE}+ articles): "
        f"{sum(n >= MIN_PAGE for n in uses.values())}", "",
        "| headline | tags |", "|---|---|",
    ]
    for i in sorted(random.Random(2013).sample(range(len(files)), args.show)):
        lines.append(f"| {parsed[i].title.replace('|', '/')} | {'، '.join(chosen[i])} |")
    RESULT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:8]))


if __name__ == "__main__":
    main()
