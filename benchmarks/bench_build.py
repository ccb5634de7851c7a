"""Build benchmark: Arshif against plain Pelican on the same corpus articles, in one run.

For each N it builds N articles of egynews2013 with Arshif (`invoke build --seeds
--output`) and with plain Pelican 4.12 (the same articles as Markdown with their
manifest metadata, default theme), each in a fresh process, and records wall time,
CPU time, peak memory, output size, bytes per article, and the time to rebuild
after adding one article (content cache on; its wall and CPU time as shares of
the full build's), and for Arshif the share of the search index's bytes that
the +1 rebuild put under new names (what readers and CDNs fetch again). Ratios
within one run are what count: the machine is shared and noisy (the load
average at the start and the end of the run is written with the results).

    python benchmarks/bench_build.py --sizes 1000 5000 20000
"""

import argparse
import csv
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "egynews2013", "articles")
RESULTS = os.path.join(ROOT, "benchmarks", "results")


def corpus_rows(n):
    with open(os.path.join(CORPUS, "manifest.tsv"), encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return rows[: n + 1]


def make_seeds(rows, folder):
    """A seeds folder of copies of corpus files plus their manifest rows (copies: the
    reader never follows a link out of the seeds folder)."""
    os.makedirs(folder)
    for row in rows:
        shutil.copyfile(os.path.join(CORPUS, row["file"]), os.path.join(folder, row["file"]))
    with open(os.path.join(folder, "manifest.tsv"), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def make_markdown(rows, folder):
    """The same articles as plain Pelican Markdown with the manifest metadata."""
    os.makedirs(folder)
    for row in rows:
        with open(os.path.join(CORPUS, row["file"]), encoding="utf-8") as handle:
            lines = [ln.strip() for ln in handle.read().splitlines()]
        body = "\n\n".join(ln for ln in lines[1:] if ln)
        title = row["title"].replace("\n", " ") or row["file"]
        meta = (f"Title: {title}\nDate: {row['date']}\nCategory: {row['category']}\n"
                f"Slug: {os.path.splitext(row['file'])[0]}\nLang: ar\n\n")
        with open(os.path.join(folder, os.path.splitext(row["file"])[0] + ".md"), "w",
                  encoding="utf-8") as handle:
            handle.write(meta + body + "\n")


def run_measured(cmd, cwd):
    """Run a command in a fresh process: wall seconds, CPU seconds, peak RSS in MB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{cmd} failed:\n{err[-3000:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_mb": round(usage.ru_maxrss / 1024, 1)}


def tree_size(folder):
    total = files = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
            files += 1
    return total, files


def search_files(out):
    """{path: size} of the static search index's files (named by their content)."""
    root = os.path.join(out, "search")
    return {os.path.relpath(os.path.join(d, n), root): os.path.getsize(os.path.join(d, n))
            for d, _dirs, names in os.walk(root) for n in names}


def bench_arshif(rows, work):
    seeds, out = os.path.join(work, "seeds"), os.path.join(work, "out")
    make_seeds(rows[:-1], seeds)
    build = [sys.executable, "-m", "invoke", "build", "--seeds", seeds, "--output", out,
             "--cache", os.path.join(work, "cache"), "--report", os.path.join(work, "report.json")]
    full = run_measured(build, ROOT)
    size, files = tree_size(out)
    before = search_files(out)
    shutil.copyfile(os.path.join(CORPUS, rows[-1]["file"]), os.path.join(seeds, rows[-1]["file"]))
    with open(os.path.join(seeds, "manifest.tsv"), "a", encoding="utf-8") as handle:
        handle.write("\t".join(rows[-1].values()) + "\n")
    again = run_measured(build, ROOT)
    after = search_files(out)
    renamed = sum(n for path, n in after.items() if path not in before) / sum(after.values())
    return full, {**again, "search_renamed": round(renamed, 4)}, size, files


def bench_plain(rows, work):
    project = os.path.join(work, "plain")
    content = os.path.join(project, "content")
    make_markdown(rows[:-1], content)
    with open(os.path.join(project, "pelicanconf.py"), "w", encoding="utf-8") as handle:
        handle.write('SITENAME = "plain"\nPATH = "content"\nTIMEZONE = "Africa/Cairo"\n'
                     'DEFAULT_LANG = "ar"\nCACHE_CONTENT = True\nLOAD_CONTENT_CACHE = True\n'
                     'CACHE_PATH = "cache"\n')
    cmd = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "out"]
    full = run_measured(cmd, project)
    size, files = tree_size(os.path.join(project, "out"))
    make_markdown(rows[-1:], os.path.join(project, "content", "added"))
    again = run_measured(cmd, project)
    return full, again, size, files


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args()
    results = []
    args.load = [os.getloadavg()[0]]
    for n in args.sizes:
        rows = corpus_rows(n)
        with tempfile.TemporaryDirectory(prefix=f"bench{n}-") as work:
            plain = bench_plain(rows, work)
            ours = bench_arshif(rows, work)
        for name, (full, again, size, files) in (("plain Pelican", plain), ("Arshif", ours)):
            results.append({
                "n": n, "tool": name, **full, "output_mb": round(size / 1e6, 1), "files": files,
                "bytes_per_article": round(size / n), "rebuild_one_s": again["wall_s"],
                "rebuild_share": round(again["wall_s"] / full["wall_s"], 2),
                "rebuild_cpu_s": again["cpu_s"], "rebuild_cpu_share": round(again["cpu_s"] / full["cpu_s"], 2),
                "search_renamed": again.get("search_renamed"),
            })
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    args.load.append(os.getloadavg()[0])
    write_results(results, args)


def write_results(results, args):
    machine = (f"{platform.node()} {platform.machine()}, {os.cpu_count()} cores shared with other jobs, "
               f"Python {platform.python_version()}")
    lines = [
        "# Build benchmark", "",
        f"Machine: {machine}. Date: {datetime.date.today().isoformat()}. "
        f"Load average (1 min) at the start and the end of the run: {args.load[0]:.1f}, {args.load[1]:.1f}.",
        f"Command: `python benchmarks/bench_build.py --sizes {' '.join(map(str, args.sizes))}` "
        "(or `invoke bench`).", "",
        "| N | tool | wall s | CPU s | peak MB | output MB | bytes/article | rebuild +1 s | rebuild/full "
        "| rebuild +1 CPU s | rebuild/full CPU | search bytes renamed by +1 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        renamed = "—" if r["search_renamed"] is None else f"{r['search_renamed']:.1%}"
        lines.append(f"| {r['n']} | {r['tool']} | {r['wall_s']} | {r['cpu_s']} | {r['peak_mb']} | "
                     f"{r['output_mb']} | {r['bytes_per_article']} | {r['rebuild_one_s']} | "
                     f"{r['rebuild_share']} | {r['rebuild_cpu_s']} | {r['rebuild_cpu_share']} | {renamed} |")
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "build.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    with open(os.path.join(RESULTS, "build.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": machine, "load": args.load, "results": results}, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
