"""The archive as it comes: both corpora in one build, against the egynews2013 build alone.

In one run, Arshif builds (1) the first N egynews2013 articles, (2) every
other egynews2013 article with every other record of the SaudiNewsNet dump
(half of each corpus, the same mix as 3) and (3) every egynews2013 article
with the whole SaudiNewsNet dump read directly as a seed (about 38,700
articles), each in a fresh process, and records wall and CPU time, peak
memory (the build's largest process, and the main process's and its largest
forked process's own peaks), the seeds' text bytes, output bytes per article (file bytes), search
index size, and the bytes a first search fetches: the search page's scripts,
the index manifest and the index files the query «الصين» reads (found with the
Python engine, which reads the same files as the browser), gzip-compressed.

Growth is time per article at (3) over time per article at (1), the target
of issue 11. SaudiNewsNet articles are longer than egynews2013's, so (3) has
more text per article than (1); (2) against (3) compares like with like (the
same articles' mix at half and whole size), and time per text byte is given too.
Peak memory is projected to issue 11's 50,000 articles on the line through (2)
and (3).

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
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "plugins"))

from bench_build import RESULTS, corpus_rows, make_seeds, run_measured, tree_size  # noqa: E402
from build_profile import code_version  # noqa: E402
from arshif_search.query import StaticIndex  # noqa: E402

DUMP = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "saudinewsnet.jsonl"
QUERY = "الصين"
HALF = "half of each corpus (every other article and record)"
BOTH = "egynews2013 + SaudiNewsNet dump"
# Issue 11's scale: peak memory under 2 GB with this many articles.
TARGET_ARTICLES = 50000


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


def text_bytes(seeds):
    """UTF-8 bytes of the seeds' text: each seed file's, and each dump record's title and text."""
    total = 0
    for name in os.listdir(seeds):
        path = os.path.join(seeds, name)
        if name.endswith(".txt"):
            total += os.path.getsize(path)
        elif name.endswith(".jsonl"):
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    record = json.loads(line)
                    total += sum(len((record.get(key) or "").encode("utf-8")) for key in ("title", "text"))
    return total


def every_other_line(source, target):
    with open(source, encoding="utf-8") as lines, open(target, "w", encoding="utf-8") as out:
        out.writelines(line for n, line in enumerate(lines) if n % 2 == 0)


class ProcessPeaks(threading.Thread):
    """Polls the peak resident set (VmHWM) of every process whose command line
    names `marker` until stopped: the build's main process and the processes
    it forks (the search index's child, the parse workers) carry its command line."""

    def __init__(self, marker):
        super().__init__(daemon=True)
        self.marker, self.peaks, self.parents = marker.encode(), {}, {}
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(0.2):
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    with open(f"/proc/{pid}/cmdline", "rb") as handle:
                        if self.marker not in handle.read():
                            continue
                    with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
                        status = dict(line.split(":", 1) for line in handle if ":" in line)
                except OSError:
                    continue
                if "VmHWM" in status:
                    self.peaks[pid] = max(self.peaks.get(pid, 0), int(status["VmHWM"].split()[0]) / 1024)
                    self.parents[pid] = status["PPid"].strip()

    def split(self):
        """(peak MB of the main process, of its largest forked child); None when not seen."""
        main = [pid for pid in self.peaks if self.parents[pid] not in self.peaks]
        forked = [self.peaks[pid] for pid in self.peaks if pid not in main]
        return (round(max((self.peaks[pid] for pid in main), default=0), 1) or None,
                round(max(forked, default=0), 1) or None)


def build(seeds, work):
    out = os.path.join(work, "out")
    report = os.path.join(work, "report.json")
    cache = os.path.join(work, "cache")
    cmd = [sys.executable, "-m", "invoke", "build", "--seeds", seeds, "--output", out,
           "--cache", cache, "--report", report]
    peaks = ProcessPeaks(cache)
    peaks.start()
    try:
        measured = run_measured(cmd, str(ROOT))
    finally:
        peaks.done.set()
        peaks.join()
    measured["main_peak_mb"], measured["child_peak_mb"] = peaks.split()
    with open(report, encoding="utf-8") as handle:
        published = json.load(handle)["counts"]["published"]
    size, files = tree_size(out)
    search, _ = tree_size(os.path.join(out, "search"))
    return {"articles": published, **measured, "text_mb": round(text_bytes(seeds) / 1e6, 1),
            "output_mb": round(size / 1e6, 1), "files": files,
            "bytes_per_article": round(size / published), "search_mb": round(search / 1e6, 1),
            "first_query_kb_gz": round(first_query_bytes(Path(out)) / 1000, 1)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000, help="egynews2013 articles of the first build")
    args = parser.parse_args()
    args.version = code_version()
    results = []
    every = corpus_rows(10 ** 6)
    with tempfile.TemporaryDirectory(prefix="bench-archive-") as work:
        for name, rows, dump in (("egynews2013", corpus_rows(args.n)[: args.n], None),
                                 (HALF, every[::2], every_other_line),
                                 (BOTH, every, shutil.copyfile)):
            folder = os.path.join(work, "build")
            seeds = os.path.join(folder, "seeds")
            make_seeds(rows, seeds)
            if dump:
                dump(DUMP, os.path.join(seeds, DUMP.name))
            results.append((name, build(seeds, folder)))
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
            shutil.rmtree(folder)
    with open(os.path.join(RESULTS, "archive.json"), "w", encoding="utf-8") as handle:
        json.dump(results, handle, ensure_ascii=False, indent=1)
    write(results, args)


def growth(small, large):
    """Per article and per text byte, how much more wall and CPU time `large` took than `small`."""
    scale = large["articles"] / small["articles"]
    text = large["text_mb"] / small["text_mb"]
    wall, cpu = large["wall_s"] / small["wall_s"], large["cpu_s"] / small["cpu_s"]
    return (f"{scale:.2f}x the articles ({text:.2f}x the text) took {wall:.2f}x the wall time and "
            f"{cpu:.2f}x the CPU time: per article {wall / scale:.2f}x wall, {cpu / scale:.2f}x CPU; "
            f"per text byte {wall / text:.2f}x wall, {cpu / text:.2f}x CPU.")


def projected_peak(half, both, articles=TARGET_ARTICLES):
    """Peak memory (MB) at `articles`, on the line through the half and whole
    builds (the same mix of the two corpora)."""
    slope = (both["peak_mb"] - half["peak_mb"]) / (both["articles"] - half["articles"])
    return both["peak_mb"] + slope * (articles - both["articles"])


def write(results, args):
    machine = f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    runs = dict(results)
    one, half, both = runs["egynews2013"], runs[HALF], runs[BOTH]
    lines = [
        "# The archive as it comes: both corpora in one build", "",
        f"Machine: {machine}, shared with other jobs while it ran (compare within this run). "
        f"Date: {datetime.date.today().isoformat()}.",
        f"Command: `python benchmarks/bench_archive.py --n {args.n}` (part of `invoke bench`). "
        f"Code: {args.version}.", "",
        "| build | articles | text MB | wall s | CPU s | peak MB | main / largest forked peak MB "
        "| output MB | bytes/article | search index MB | first query kB (gzip) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results:
        lines.append(f"| {name} | {r['articles']:,} | {r['text_mb']} | {r['wall_s']} | {r['cpu_s']} | "
                     f"{r['peak_mb']} | {r.get('main_peak_mb')} / {r.get('child_peak_mb')} | {r['output_mb']} | {r['bytes_per_article']} | {r['search_mb']} | "
                     f"{r['first_query_kb_gz']} |")
    lines += ["", f"Both corpora against egynews2013 alone (issue 11's measure): {growth(one, both)} "
              f"Peak memory {both['peak_mb']:.0f} MB.", "",
              f"Peak memory projected to {TARGET_ARTICLES:,} articles of the same mix, on the line through "
              f"the half and whole builds: {projected_peak(half, both):.0f} MB (target: under 2,000 MB). "
              "Peak: the largest resident set of the build's processes (getrusage); main / largest "
              "forked: the VmHWM of the main process and of the largest process it forked (the "
              "search index's child, whose resident set includes the pages it shares with the main "
              "process), polled every 0.2 s.", "",
              f"Like with like, both corpora whole against half of each: {growth(half, both)}", "",
              "Text: the UTF-8 bytes of the seed files and of the dump records' titles and texts. "
              "SaudiNewsNet articles are longer than egynews2013's, so per article the both-corpora "
              "build has more text to read, clean, index and write than the egynews2013 build.", "",
              f"First query: the search page's scripts, the index manifest and the index files "
              f"the query «{QUERY}» reads, gzip-compressed."]
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "archive.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
