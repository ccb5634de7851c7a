"""Cost of related coverage and timelines inside a real build, against its wall time.

Builds the first N egynews2013 articles (with their manifest rows) once, in
this process, with timers around `arshif_theme.link_related` (the related
lists of every article) and `arshif_theme.timeline.chart` (every chart drawn
by the templates), and records both (wall and CPU seconds) beside the build's in the same
run. Rendering the related section in article pages is not in the timers
(a few lines of template per page). Also writes, for a few articles chosen by
a fixed seed, their related headlines, to judge what the lists look like.

    python benchmarks/related_bench.py [--docs 20000] [--write-results]
"""

import argparse
import datetime
import os
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

import arshif_theme  # noqa: E402  (the module Pelican will load: plugins/ is on the path)
from bench_build import corpus_rows, make_seeds  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "related.md"


def timed(function, totals, name):
    def wrapper(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[name] = totals.get(name, 0.0) + time.perf_counter() - start
            totals[name + " cpu"] = totals.get(name + " cpu", 0.0) + time.process_time() - cpu
            totals[name + " calls"] = totals.get(name + " calls", 0) + 1
    return wrapper


def build(seeds, out, totals, kept):
    from pelican import Pelican
    from pelican.settings import read_settings

    arshif_theme.timeline.chart = timed(arshif_theme.timeline.chart, totals, "timelines")
    link = timed(arshif_theme.link_related, totals, "related")

    def link_and_keep(generator):
        link(generator)
        kept.extend(generator.articles)

    arshif_theme.link_related = link_and_keep
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "SEEDS_PATH": str(seeds), "OUTPUT_PATH": str(out),
        "CACHE_PATH": str(out) + "-cache", "INGEST_REPORT_PATH": str(out) + "-report.json"})
    os.chdir(ROOT)
    start, cpu = time.perf_counter(), _cpu()
    Pelican(settings).run()
    return time.perf_counter() - start, _cpu() - cpu


def _cpu():
    """CPU seconds of this process and of its waited-for children (the reader's workers, the search job)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--samples", type=int, default=8)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    totals, kept = {}, []
    with tempfile.TemporaryDirectory() as work:
        seeds = Path(work) / "seeds"
        make_seeds(corpus_rows(args.docs)[: args.docs], seeds)
        wall, cpu = build(seeds, Path(work) / "out", totals, kept)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    listed = [a for a in kept if getattr(a, "related", None)]
    lines = [
        f"# Related coverage and timelines: cost in a {len(kept):,}-article build",
        "",
        f"Command: `python benchmarks/related_bench.py --docs {args.docs}"
        f"{' --write-results' if args.write_results else ''}`, run "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other jobs, "
        f"CPython {platform.python_version()}. Corpus: the first {args.docs:,} egynews2013 articles.",
        "",
        "| part | wall s | share of the build's wall time | CPU s | share of the build's CPU time |",
        "|---|---|---|---|---|",
        f"| whole build | {wall:.1f} | 100 % | {cpu:.1f} | 100 % |",
    ]
    for name, what in (("related", "related lists (`link_related`, all articles)"),
                       ("timelines", f"timelines ({totals.get('timelines calls', 0):,} charts drawn)")):
        lines.append(f"| {what} | {totals.get(name, 0):.2f} | {100 * totals.get(name, 0) / wall:.1f} % "
                     f"| {totals.get(name + ' cpu', 0):.2f} | {100 * totals.get(name + ' cpu', 0) / cpu:.1f} % |")
    lines += [
        "",
        f"Articles with at least one related article: {len(listed):,} of {len(kept):,} "
        f"({100 * len(listed) / max(len(kept), 1):.0f} %); related articles listed: "
        f"{sum(len(a.related) for a in listed):,}. Peak RSS of this process: {peak:.0f} MB.",
        "",
        f"## {args.samples} articles drawn at random (seed 10) and their related lists",
        "",
    ]
    for article in random.Random(10).sample(kept, min(args.samples, len(kept))):
        date = "غير مؤرخ" if getattr(article, "undated", False) else f"{article.date:%Y-%m-%d}"
        lines.append(f"- **{article.title}** ({getattr(article, 'source', '') or '–'}, {date})")
        for item in getattr(article, "related", None) or ():
            when = f"{item['date']:%Y-%m-%d}" if item["date"] else "غير مؤرخ"
            lines.append(f"  - {item['title']} ({item['source'] or '–'}, {when})")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write_results:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
