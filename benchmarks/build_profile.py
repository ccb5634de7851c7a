"""Where a build's time and bytes go: timelines of a full build and of a one-article
rebuild, and the output's bytes per article by part.

Builds the first N egynews2013 articles (with their manifest rows) in a fresh
process that notes when Pelican's signals fire and when the search job logs the
end of its Whoosh update and of its export (it runs in a forked child), then
adds article N+1 and builds again with the cache (counting the files that
rebuild wrote, by part), then sorts the output's bytes by part. docs/PERFORMANCE.md quotes the result. The machine is shared and noisy:
compare within one run.

To find where a larger archive's time goes, `--dump` adds a JSONL or CSV dump
to the seeds, `--cprofile DIR` writes each build's cProfile stats of the main
process (the forked workers and search child are not in them) and
`--full-only` skips the rebuild; such runs print the timeline and write no result.

    python benchmarks/build_profile.py [--docs 20000] [--corpus DIR] [--write-results]
    python benchmarks/build_profile.py --full-only --cprofile DIR [--dump FILE]
    python benchmarks/build_profile.py --summarize DIR/again.prof …   (the main steps' shares)
"""

import argparse
import csv
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "egynews2013" / "articles"
RESULTS = ROOT / "benchmarks" / "results" / "build_profile.md"

# Pelican signals noted, in the order they fire, with what they mean here.
SIGNALS = [
    ("initialized", "Pelican and the plugins set up"),
    ("article_generator_init", "seeds generator made (sources about to be learned)"),
    ("article_generator_preread", "first seed about to be read"),
    ("article_generator_pretaxonomy", "every seed read (the search job is forked here)"),
    ("article_generator_finalized", "tags and taxonomies built"),
    ("all_generators_finalized", "all generators done; pages about to be written"),
    ("article_writer_finalized", "article pages written"),
    ("finalized", "every page written; the build waits for the search job"),
]
# Log lines of the search job (in the forked child) that end a step.
SEARCH_STEPS = [
    (re.compile(r"arshif_search: index .* in ([\d.]+) s"), "search child: Whoosh update done"),
    (re.compile(r"arshif_search: export took ([\d.]+) s"), "search child: export done"),
]


def run_build(seeds, out, cache, report, events, profile=""):
    """In this process: one Pelican build, appending `seconds<TAB>event` lines to events;
    with `profile`, the build runs under cProfile and its stats are written there."""
    import logging

    from pelican import main as pelican_main
    from pelican import signals

    start = time.time()

    def note(what):
        # Opened per line: the forked search child appends to the same file.
        with open(events, "a", encoding="utf-8") as handle:
            handle.write(f"{time.time() - start:.2f}\t{time.process_time():.2f}\t{what}\n")

    receivers, seen = [], set()
    for name, meaning in SIGNALS:
        def receiver(*args, _meaning=meaning, **kwargs):
            # Some signals fire once per file or generator: the first time is noted.
            if _meaning not in seen:
                seen.add(_meaning)
                note(_meaning)
        receivers.append(receiver)
        getattr(signals, name).connect(receiver)

    class StepHandler(logging.Handler):
        def emit(self, record):
            message = record.getMessage()
            for pattern, meaning in SEARCH_STEPS:
                found = pattern.search(message)
                if found:
                    note(f"{meaning} ({found.group(1)} s)")

    search_log = logging.getLogger("arshif_search")
    search_log.setLevel(logging.INFO)
    search_log.addHandler(StepHandler())
    settings = {"SEEDS_PATH": str(seeds), "CACHE_PATH": str(cache),
                "INGEST_REPORT_PATH": str(report)}
    os.chdir(ROOT)
    argv = ["-s", "pelicanconf.py", "-o", str(out), "-e",
            *[f"{k}={json.dumps(v)}" for k, v in settings.items()]]
    if profile:
        import cProfile

        cProfile.runctx("pelican_main(argv)", globals(), {"pelican_main": pelican_main, "argv": argv},
                        profile)
    else:
        pelican_main(argv)
    note("build ended")


def measured(args):
    """Run this script with args in a fresh process: wall s, CPU s (with children), peak MB."""
    began = time.perf_counter()
    with tempfile.TemporaryFile() as log:  # Pelican logs to stdout, Python's errors go to stderr
        proc = subprocess.Popen([sys.executable, __file__, *args], cwd=ROOT, stdout=log, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - began
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"build failed (exit status {os.waitstatus_to_exitcode(status)}):\n{output[-5000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime,
            "peak_mb": usage.ru_maxrss / 1024}


def timeline(events):
    """(s since start, CPU s of the noting process: the build's main process, or the
    search child for its steps, event) of each line of an events file, in time order."""
    rows = []
    for line in Path(events).read_text(encoding="utf-8").splitlines():
        seconds, cpu, what = line.split("\t", 2)
        rows.append((float(seconds), float(cpu), what))
    return sorted(rows)


def corpus_rows(corpus, n):
    with open(corpus / "manifest.tsv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))[: n + 1]


def write_manifest(rows, folder):
    with open(folder / "manifest.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


BODY = re.compile(rb'<div class="body">\n(.*?)\n</div>', re.S)
DESCRIPTION = re.compile(rb'<meta name="description" content="[^"]*">')


def part_of(rel):
    """Which part of the site an output file belongs to."""
    top = rel.parts[0]
    if top == "a":
        return "article pages"
    if top == "search" and len(rel.parts) > 2:
        return {"t": "search index: term shards (t)", "p": "search index: positions (p)",
                "d": "search index: result data (d)"}.get(rel.parts[1],
                                                         "search index: suggestions, facets")
    if rel.as_posix() == "search/manifest.json":
        return "search index: suggestions, facets"
    if top in ("tag", "tags"):
        return "tag pages and the tags index"
    if top in ("category", "categories", "source", "sources", "archives", "page") \
            or rel.as_posix() == "index.html":
        return "category, source, front-page and period-archive listings"
    if top == "feeds" or rel.name.startswith("sitemap"):
        return "sitemap, feeds"
    return "theme, hand-written pages, search page, 404, robots.txt"


def bytes_by_part(out):
    """Bytes per part; article pages split into the article's text (its body
    HTML), the meta description (the lead again) and the rest of the page."""
    parts = {}
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(out)
        part = part_of(rel)
        size = path.stat().st_size
        if part == "article pages":
            page = path.read_bytes()
            for pattern, name in ((BODY, "article pages: text (body HTML)"),
                                  (DESCRIPTION, "article pages: meta description")):
                found = pattern.search(page)
                taken = len(found.group(0 if pattern is DESCRIPTION else 1)) if found else 0
                parts[name] = parts.get(name, 0) + taken
                size -= taken
            part = "article pages: the rest (head, header, dateline, tags, neighbours)"
        parts[part] = parts.get(part, 0) + size
    return parts


def code_version():
    """The commit measured, and whether tracked files differed from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip()
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + (" with uncommitted changes" if dirty else "")


def stamps(out):
    """{relative path: mtime in ns} of every file of the output."""
    return {path.relative_to(out): path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}


def rewritten(before, after):
    """{part: [files written again or new, files deleted]} between two `stamps`."""
    counts = {}
    for rel in set(before) | set(after):
        if before.get(rel) == after.get(rel):
            continue
        counts.setdefault(part_of(rel), [0, 0])[rel not in after] += 1
    return counts


def report(args, n, full, again, parts, articles):
    def lines_of(name, measured_run, events):
        out = [f"### {name}", "",
               f"Wall {measured_run['wall_s']:.1f} s, CPU {measured_run['cpu_s']:.1f} s "
               f"(with the forked workers and search child), peak RSS "
               f"{measured_run['peak_mb']:.0f} MB (largest process).", "",
               "| s since start | CPU s of the process that noted it | event |", "|---|---|---|"]
        out += [f"| {seconds:.1f} | {cpu:.1f} | {what} |" for seconds, cpu, what in events]
        return out + [""]

    total = sum(parts.values())
    text = [
        f"# Build profile ({n:,} articles)", "",
        f"Command: `{args.command}`, run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC.",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other jobs, "
        f"CPython {platform.python_version()}. Corpus: the first {n:,} egynews2013 articles "
        f"with their manifest rows; the rebuild adds the next one. Code: {args.version}.", "",
        *lines_of("Full build (empty cache and output)", full["run"], full["events"]),
        *lines_of("Rebuild after adding one article", again["run"], again["events"]),
        "Files the rebuild wrote (or deleted), by part (file times before and after it):", "",
        "| part | written | deleted | files of the part after |", "|---|---|---|---|",
        *(f"| {part} | {written:,} | {deleted:,} | {again['files'].get(part, 0):,} |"
          for part, (written, deleted) in sorted(again["rewritten"].items())),
        "",
        f"### Output bytes per article ({articles:,} article pages, "
        f"{total / articles:,.0f} bytes per article in all)", "",
        "| part | bytes per article |", "|---|---|",
    ]
    text += [f"| {part} | {size / articles:,.0f} |"
             for part, size in sorted(parts.items(), key=lambda kv: -kv[1])]
    return "\n".join(text) + "\n"


# Steps of a build's main process: (label, file, function) whose cumulative time
# is the step's, with the line for Pelican's own nested same-name functions (the
# pinned Pelican's lines; ours change with the code); `summarize` reads them.
STEPS = [
    ("the whole run", "pelican/__init__.py", "run"),
    ("seeds read through Pelican's reader cache", "pelican/readers.py", "read_file"),
    ("  manifest row applied to each seed", "arshif_seeds/ingest.py", "on_context"),
    ("  Article objects made", "pelican/contents.py:592", "__init__"),
    ("  save_as checked (is_valid)", "pelican/contents.py", "is_valid"),
    ("seed articles taken whole from the article cache", "arshif_seeds/article_cache.py", "get"),
    ("seed articles made kept in the article cache", "arshif_seeds/article_cache.py", "put"),
    ("before reading (arshif_seeds.before_reading)", "arshif_seeds/__init__.py", "before_reading"),
    ("  manifest loaded (load_manifest)", "arshif_seeds/manifest.py", "load_manifest"),
    ("  furniture learned (learn_archive)", "arshif_seeds/learning.py", "learn_archive"),
    ("  seeds folder walked (seed_files)", "arshif_seeds/prefetch.py", "seed_files"),
    ("same-story groups (link_stories)", "arshif_theme/stories.py", "link_stories"),
    ("tags (assign_tags)", "arshif_seeds/ingest.py", "assign_tags"),
    ("related lists (link_related)", "arshif_theme/related.py", "link_related"),
    ("pages written (generate_output)", "pelican/generators.py", "generate_output"),
    ("  article page keys (article_fingerprint)", "arshif_scale/incremental.py", "article_fingerprint"),
    ("  files rendered (Pelican's _write_file)", "pelican/writers.py", "_write_file"),
    ("url and save_as formatted (Content._expand_settings)", "pelican/contents.py:245", "_expand_settings"),
    ("Pelican's file walks (_include_path)", "pelican/generators.py", "_include_path"),
    ("sitemap (pelican-sitemap)", "sitemap/sitemap.py", "finalize"),
    ("ingest report written (Ingest.finish)", "arshif_seeds/ingest.py", "finish"),
    ("pickle dump (reader and other caches)", "~", "<built-in method _pickle.dump>"),
    ("pickle load (reader and other caches)", "~", "<built-in method _pickle.load>"),
]


def summarize(path):
    """Markdown table of STEPS in one cProfile file: cumulative seconds, calls and
    share of the whole run (a step's time is in the steps that contain it too)."""
    import pstats

    stats = pstats.Stats(str(path)).stats
    found = {}
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.items():
        for label, ending, function in STEPS:
            if name == function and (filename.endswith(ending) or f"{filename}:{line}".endswith(ending)):
                seconds, count = found.get(label, (0.0, 0))
                found[label] = (seconds + cumulative, count + calls)
    whole = found.get(STEPS[0][0], (0.0, 0))[0] or 1.0
    rows = ["| step | cumulative s | calls | share of the run |", "|---|---|---|---|"]
    for label, _, _ in STEPS:
        if label in found:
            seconds, calls = found[label]
            rows.append(f"| {label} | {seconds:.1f} | {calls:,} | {seconds / whole:.1%} |")
    return "\n".join(rows) + "\n"


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--run-build"]:
        run_build(*argv[1:])
        return
    if argv[:1] == ["--summarize"]:
        for path in argv[1:]:
            print(f"### {path}\n\n{summarize(path)}")
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000, help="articles (first N)")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="egynews2013 articles folder with its manifest.tsv")
    parser.add_argument("--dump", type=Path, help="a JSONL or CSV dump put in the seeds folder too")
    parser.add_argument("--cprofile", type=Path,
                        help="folder for the cProfile stats of each build's main process")
    parser.add_argument("--full-only", action="store_true", help="no rebuild after the full build")
    parser.add_argument("--write-results", action="store_true",
                        help=f"write {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)
    if args.write_results and (args.dump or args.full_only):
        parser.error("--write-results measures the egynews2013 articles alone, built twice")
    args.command = "python benchmarks/build_profile.py " + " ".join(argv)
    args.version = code_version()
    corpus = args.corpus.resolve()
    rows = corpus_rows(corpus, args.docs)
    with tempfile.TemporaryDirectory(prefix="build-profile-") as work:
        work = Path(work)
        seeds, out, cache, report_path = (work / "seeds", work / "out", work / "cache",
                                          work / "report.json")
        seeds.mkdir()
        # Copies: the seed reader rejects links that lead out of the seeds folder.
        for row in rows[:-1]:
            shutil.copyfile(corpus / row["file"], seeds / row["file"])
        write_manifest(rows[:-1], seeds)
        if args.dump:
            shutil.copyfile(args.dump, seeds / args.dump.name)
        if args.cprofile:
            args.cprofile.mkdir(parents=True, exist_ok=True)
        runs = {}
        for name in ("full",) if args.full_only else ("full", "again"):
            if name == "again":
                shutil.copyfile(corpus / rows[-1]["file"], seeds / rows[-1]["file"])
                write_manifest(rows, seeds)
                before = stamps(out)
            events = work / f"{name}.events"
            stats = str(args.cprofile.resolve() / f"{name}.prof") if args.cprofile else ""
            run = measured(["--run-build", str(seeds), str(out), str(cache), str(report_path),
                            str(events), stats])
            runs[name] = {"run": run, "events": timeline(events)}
            if name == "again":
                after = stamps(out)
                runs[name]["rewritten"] = rewritten(before, after)
                runs[name]["files"] = {}
                for rel in after:
                    runs[name]["files"][part_of(rel)] = runs[name]["files"].get(part_of(rel), 0) + 1
        if args.full_only:
            print(json.dumps(runs["full"], indent=1))
            return
        parts = bytes_by_part(out)
        articles = sum(1 for _ in (out / "a").glob("*/index.html"))
    text = report(args, args.docs, runs["full"], runs["again"], parts, articles)
    print(text)
    if args.write_results:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
