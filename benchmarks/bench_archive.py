"""The archive as it comes: both corpora in one build, against the egynews2013 build alone.

In one run, Arshif builds (1) the first N egynews2013 articles and (2) every
egynews2013 article with the whole SaudiNewsNet dump read directly as a seed
(about 38,700 articles), each in a fresh process, and records wall and CPU
time, peak memory, output bytes per article (file bytes), search index size,
and the bytes a first search fetches: the search page's scripts, the index
manifest and the index files the query «الصين» reads (found with the Python
engine, which reads the same files as the browser), gzip-compressed.

    python benchmarks/bench_archive.py [--n 20000]
"""

import argparse
import datetime
import gzip
import json
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "plugins"))

from bench_build import RESULTS, corpus_rows, make_seeds, run_measured, tree_size  # noqa: E402
from arshif_search.query import StaticIndex  # noqa: E402

DUMP = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "saudinewsnet.jsonl"
QUERY = "الصين"


class CountingIndex(StaticIndex):
    """The static index, noting every file a search reads."""

    def __init__(self, folder):
        super().__init__(folder)
        self.read = [self.folder / "manifest.json"]

    def _file(self, kind, n, ext):
        self.read.append(self.folder / self.path(kind, n, ext))
        return super()._file(kind, n, ext)


def first_query_bytes(site):
    """gzip bytes of the search page's scripts and what a first query reads of the index."""
    index = CountingIndex(site / "search")
    index.search(QUERY, limit=10)
    scripts = sorted((site / "theme" / "js").glob("*.js")) if (site / "theme" / "js").is_dir() else []
    files = scripts + sorted(set(index.read))
    return sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)


def build(seeds, work):
    out = os.path.join(work, "out")
    report = os.path.join(work, "report.json")
    cmd = [sys.executable, "-m", "invoke", "build", "--seeds", seeds, "--output", out,
           "--cache", os.path.join(work, "cache"), "--report", report]
    measured = run_measured(cmd, str(ROOT))
    with open(report, encoding="utf-8") as handle:
        published = json.load(handle)["counts"]["published"]
    size, files = tree_size(out)
    search, _ = tree_size(os.path.join(out, "search"))
    return {"articles": published, **measured, "output_mb": round(size / 1e6, 1), "files": files,
            "bytes_per_article": round(size / published), "search_mb": round(search / 1e6, 1),
            "first_query_kb_gz": round(first_query_bytes(Path(out)) / 1000, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="egynews2013 articles of the first build")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as work:
        seeds = os.path.join(work, "one", "seeds")
        make_seeds(corpus_rows(args.n)[: args.n], seeds)
        results.append(("egynews2013", build(seeds, os.path.join(work, "one"))))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        shutil.rmtree(os.path.join(work, "one"))
        seeds = os.path.join(work, "both", "seeds")
        make_seeds(corpus_rows(10 ** 6), seeds)
        shutil.copyfile(DUMP, os.path.join(seeds, DUMP.name))
        results.append(("egynews2013 + SaudiNewsNet dump", build(seeds, os.path.join(work, "both"))))
        print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    with open(os.path.join(RESULTS, "archive.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)
    write(results, args)


def write(results, args):
    machine = f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    (_, one), (_, both) = results
    growth = both["wall_s"] / one["wall_s"]
    cpu_growth = both["cpu_s"] / one["cpu_s"]
    scale = both["articles"] / one["articles"]
    lines = [
        "# The archive as it comes: both corpora in one build", "",
        f"Machine: {machine}. Date: {datetime.date.today().isoformat()}.",
        f"Command: `python benchmarks/bench_archive.py --n {args.n}` (part of `invoke bench`).", "",
        "| build | articles | wall s | CPU s | peak MB | output MB | bytes/article | search index MB "
        "| first query kB (gzip) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results:
        lines.append(f"| {name} | {r['articles']:,} | {r['wall_s']} | {r['cpu_s']} | {r['peak_mb']} | "
                     f"{r['output_mb']} | {r['bytes_per_article']} | {r['search_mb']} | "
                     f"{r['first_query_kb_gz']} |")
    lines += ["", f"{scale:.2f}x the articles took {growth:.2f}x the wall time "
              f"({growth / scale:.2f}x linear) and {cpu_growth:.2f}x the CPU time "
              f"({cpu_growth / scale:.2f}x linear); peak memory {both['peak_mb']:.0f} MB.", "",
              f"First query: the search page's scripts, the index manifest and the index files "
              f"the query «{QUERY}» reads, gzip-compressed."]
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "archive.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
