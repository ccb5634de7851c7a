"""Search benchmark: Arshif's static index against Pagefind on the same pages, in one run.

Builds the site for the corpus (`invoke build --seeds --output`), runs Pagefind
1.5.2 over the same generated article pages, and measures both in headless
Chromium: MRR@10 and Success@10 (known-item, inflection and typing queries:
the last word cut as it stands mid-typing), recall,
precision and top-10 precision (clitic probes), index build time, index size
(raw and gzip), bytes fetched by the first query from a cold page and by each
later query (raw and gzip, library included), median and p95 query latency.
Definitions: the README beside the dev query sets (--eval). Ratios within one
run are what count: the machine is shared and noisy.

    python benchmarks/bench_search.py [--docs 2000] [--write-results]
        [--corpus ../shared/corpus/egynews2013/articles] [--eval ../shared/eval]
"""

import argparse
import csv
import datetime
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
# The full corpus and dev query sets sit beside the project (--corpus, --eval).
CORPUS = ROOT.parent / "shared" / "corpus" / "egynews2013" / "articles"
EVAL = ROOT.parent / "shared" / "eval"
RESULTS = ROOT / "benchmarks" / "results" / "search.md"
CHROMIUM = "/usr/bin/chromium"
# Results asked for when measuring recall: more than any probe's relevant set.
RECALL_LIMIT = 3000
# A URL of a page Pagefind must not index is one of these folders.
NOT_ARTICLES = {"category", "tag", "tags", "categories", "archives", "pages", "search",
                "source", "sources", "feeds", "theme", "page", "pagefind", "pf-bench"}


def set_data(corpus, eval_dir):
    """Point the benchmark at another copy of the corpus and the dev sets."""
    global CORPUS, EVAL
    CORPUS, EVAL = Path(corpus).resolve(), Path(eval_dir).resolve()


def load_queries(docs=None):
    """The dev sets (known-item, inflection, clitic, typing), restricted to
    documents in `docs` when given."""
    def read(name):
        with open(EVAL / name, encoding="utf-8") as handle:
            return [json.loads(line) for line in handle if line.strip()]
    known = read("egynews_dev.known_item.jsonl")
    inflect = read("egynews_dev.inflect.jsonl")
    clitic = read("egynews_dev.clitic.jsonl")
    typing = read("egynews_dev.typing.jsonl")
    if docs is not None:
        known = [q for q in known if q["target"] in docs]
        inflect = [q for q in inflect if q["target"] in docs]
        typing = [q for q in typing if q["target"] in docs]
        for probe in clitic:
            probe["relevant"] = [f for f in probe["relevant"] if f in docs]
            probe["relevant_family"] = [f for f in probe["relevant_family"] if f in docs]
        clitic = [p for p in clitic if p["relevant"]]
    return known, inflect, clitic, typing


def known_item_metrics(queries, ranked):
    """MRR@10 and Success@10; `ranked[i]` is the source files of query i, best first."""
    rr = []
    for q, files in zip(queries, ranked):
        wanted = {q["target"], *q.get("also_relevant", [])}
        rank = next((i for i, f in enumerate(files[:10], 1) if f in wanted), None)
        rr.append(1 / rank if rank else 0.0)
    return {"mrr10": sum(rr) / len(rr), "s10": sum(r > 0 for r in rr) / len(rr)}


def clitic_metrics(probes, ranked):
    """Mean recall over `relevant`; precision and P@10 counting relevant and
    relevant_family as right."""
    recall, precision, p10 = [], [], []
    for probe, files in zip(probes, ranked):
        relevant = set(probe["relevant"])
        right = relevant | set(probe["relevant_family"])
        recall.append(len(relevant & set(files)) / len(relevant))
        precision.append(sum(f in right for f in files) / len(files) if files else 0.0)
        top = files[:10]
        p10.append(sum(f in right for f in top) / len(top) if top else 0.0)
    n = len(probes)
    return {"recall": sum(recall) / n, "precision": sum(precision) / n, "p10": sum(p10) / n}


def make_seeds(n, folder):
    """A seeds folder holding copies of the first n corpus files and their manifest
    rows (copies: the seed reader rejects links that lead out of the folder)."""
    with open(CORPUS / "manifest.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))[:n]
    folder.mkdir(parents=True)
    for row in rows:
        shutil.copyfile(CORPUS / row["file"], folder / row["file"])
    with open(folder / "manifest.tsv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter="\t",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return {row["file"] for row in rows}


def timed(cmd, **kwargs):
    """Run cmd under /usr/bin/time: (seconds, peak RSS MB, output)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "MAXRSS %M", *cmd], capture_output=True,
                          text=True, **kwargs)
    seconds = time.perf_counter() - start
    if proc.returncode:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    rss = int(re.findall(r"MAXRSS (\d+)", proc.stderr)[-1]) / 1024
    return seconds, rss, proc.stdout + proc.stderr


def folder_size(path, only=None):
    """(files, raw bytes, gzip bytes) of the files under path."""
    files = raw = gz = 0
    for file in Path(path).rglob("*"):
        if file.is_file() and (only is None or only(file)):
            data = file.read_bytes()
            files += 1
            raw += len(data)
            gz += len(gzip.compress(data, 6))
    return files, raw, gz


def corpus_records(n):
    """Index records of the first n corpus files, without Pelican (title from
    manifest.tsv, body = the file's text), for timing the index alone."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from arshif_search import indexer

    with open(CORPUS / "manifest.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))[:n]
    records = {}
    for row in rows:
        body = (CORPUS / row["file"]).read_text("utf-8")
        record = {"source_file": row["file"], "url": f"{row['category']}/{row['file'][:-4]}/",
                  "title": row["title"], "kicker": "", "body": body,
                  "snippet": indexer.snippet_of(body, 160), "date": row["date"][:10],
                  "source": row["source"], "category": row["category"]}
        record["content_hash"] = str(hash(json.dumps(record, sort_keys=True)))
        records[row["file"]] = record
    return records


def index_timing(n, work):
    """Seconds for a full index + export of n - 1 articles, for a rebuild
    with nothing changed, and for one after adding the n-th; peak RSS."""
    import resource

    sys.path.insert(0, str(ROOT / "plugins"))
    from arshif_search import DEFAULTS, index_export, indexer

    records = corpus_records(n)
    names = list(records)
    subprocess.run(["rm", "-rf", str(work)], check=True)

    def run(keys):
        start = time.perf_counter()
        indexer.update_index(work / "whoosh", {k: records[k]["content_hash"] for k in keys},
                             records.__getitem__)
        middle = time.perf_counter()
        index_export.export_index(work / "whoosh", work / "search", DEFAULTS)
        return middle - start, time.perf_counter() - middle

    def files():
        return {str(p.relative_to(work / "search")): p.stat().st_size
                for p in (work / "search").rglob("*") if p.is_file()}

    full = run(names[:-1])
    same = run(names[:-1])
    before = files()
    added = run(names)
    after = files()
    new = sum(size for name, size in after.items() if name not in before)
    return {"index_s": full[0], "export_s": full[1], "unchanged_s": sum(same),
            "add_one_s": sum(added), "add_one_new_bytes": new / sum(after.values()),
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def time_index_alone(n, work):
    """index_timing in a fresh process (its own peak RSS)."""
    proc = subprocess.run([sys.executable, __file__, "--index-only", "--docs", str(n),
                           "--work", str(work), "--corpus", str(CORPUS)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def build_site(seeds, site, cache):
    # Wide COLUMNS so that Pelican's log lines are not wrapped.
    seconds, rss, log = timed([str(ROOT / ".venv/bin/invoke"), "build", "--seeds", str(seeds),
                               "--output", str(site), "--cache", str(cache),
                               "--report", str(cache.parent / "ingest-report.json"),
                               "--", "--verbose"],
                              cwd=ROOT, env={**os.environ, "COLUMNS": "500"})
    index = re.findall(r"arshif_search: index .* in ([\d.]+) s", log)
    export = re.findall(r"arshif_search: export took ([\d.]+) s", log)
    return {"build_s": seconds, "build_rss_mb": rss,
            "index_s": float(index[-1]) if index else None,
            "export_s": float(export[-1]) if export else None, "log": log}


def article_dirs(site):
    """First path segments of article pages (from the search index's doc chunks)."""
    dirs = set()
    for chunk in (site / "search" / "d").glob("*.json"):
        for row in json.loads(chunk.read_text("utf-8")):
            dirs.add(row[0].strip("/").split("/")[0])
    return sorted(dirs - NOT_ARTICLES)


def build_pagefind(site):
    glob = "{" + ",".join(article_dirs(site)) + "}/*/index.html"
    seconds, rss, log = timed([str(ROOT / ".venv/bin/python"), "-m", "pagefind_bin",
                               "--site", str(site), "--glob", glob, "--force-language", "ar"])
    return {"build_s": seconds, "build_rss_mb": rss, "log": log}


PF_PAGE = """<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"></head><body>
<script type="module">
const pagefind = await import('../pagefind/pagefind.js');
await pagefind.init();
window.archiveSearch = {
  ready: Promise.resolve(),
  async search(query, {limit = 10} = {}) {
    const res = await pagefind.search(query);
    const data = await Promise.all(res.results.slice(0, limit).map((r) => r.data()));
    return data.map((d, i) => ({url: d.url, title: d.meta.title, score: res.results[i].score}));
  },
};
window.benchReady = true;
</script></body></html>"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class Browser:
    """Headless Chromium on a local server over the site."""

    def __init__(self, playwright):
        self.browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"])

    def open(self, url):
        """A fresh (cold) page; returns (page, list of URLs it fetched).

        Only URLs are noted here: fetching a body inside the event handler
        could finish after the query that caused it, and count its bytes
        against the next one. `nbytes` reads the files instead."""
        context = self.browser.new_context()
        page = context.new_page()
        fetched = []
        page.on("response", lambda r: fetched.append(r.url) if r.status == 200 else None)
        page.goto(url)
        page.wait_for_function("window.archiveSearch !== undefined")
        page.evaluate("window.archiveSearch.ready")
        return page, fetched

    def run(self, page, query, limit):
        """(files or urls best first, milliseconds)."""
        return page.evaluate(
            """async ([q, limit]) => {
                 const t = performance.now();
                 const r = await window.archiveSearch.search(q, {limit});
                 return [r.map((x) => x.url), performance.now() - t];
               }""", [query, limit])


def nbytes(site, urls):
    """(raw, gzip) bytes of the fetched URLs: the local server sends the site's
    files as they are, so each body is its file."""
    bodies = []
    for url in urls:
        path = unquote(urlsplit(url).path).lstrip("/")
        if path == "" or path.endswith("/"):
            path += "index.html"
        bodies.append((site / path).read_bytes())
    return sum(len(b) for b in bodies), sum(len(gzip.compress(b, 6)) for b in bodies)


def evaluate(browser, site, url, url_to_file, known, inflect, clitic, typing):
    """Quality metrics (one warm page) and cost metrics (a cold page)."""
    page, fetched = browser.open(url)
    ranked = lambda qs, key, limit: [[url_to_file.get(u.split("#")[0]) for u in
                                      browser.run(page, q[key], limit)[0]] for q in qs]
    out = {"known": known_item_metrics(known, ranked(known, "query", 10)),
           "inflect": known_item_metrics(inflect, ranked(inflect, "query", 10)),
           "typing": known_item_metrics(typing, ranked(typing, "query", 10)),
           "clitic": clitic_metrics(clitic, ranked(clitic, "word", RECALL_LIMIT))}
    page.context.close()

    page, fetched = browser.open(url)
    page_bytes = nbytes(site, fetched)
    times, per_query = [], []
    for k, q in enumerate(known):
        before = len(fetched)
        _, ms = browser.run(page, q["query"], 10)
        times.append(ms)
        if k == 0:
            out["first_query"] = nbytes(site, fetched)
            out["first_query_only"] = nbytes(site, fetched[before:])
        else:
            per_query.append(nbytes(site, fetched[before:]))
    typing_bytes, typing_times = [], []
    for q in typing:
        before = len(fetched)
        _, ms = browser.run(page, q["query"], 10)
        typing_times.append(ms)
        typing_bytes.append(nbytes(site, fetched[before:]))
    page.context.close()
    out["typing_query"] = (statistics.mean(r for r, _ in typing_bytes),
                           statistics.mean(g for _, g in typing_bytes))
    out["typing_latency_median_ms"] = statistics.median(typing_times)
    times.sort()
    out["page_load"] = page_bytes
    out["later_query"] = (statistics.mean(r for r, _ in per_query),
                          statistics.mean(g for _, g in per_query))
    out["later_query_max_gz"] = max(g for _, g in per_query)
    out["latency_median_ms"] = statistics.median(times)
    out["latency_p95_ms"] = times[int(0.95 * (len(times) - 1))]
    return out


def quality_through_python(site):
    """The quality metrics of the export in site/search through query.py, the
    browser engine's Python twin (same order, tested for parity): a fast check
    of a ranking change on an already built site, without a browser."""
    sys.path.insert(0, str(ROOT / "plugins"))
    from arshif_search.query import StaticIndex
    index = StaticIndex(site / "search")
    known, inflect, clitic, typing = load_queries()

    def ranked(queries, key, limit):
        return [[Path(r["source_file"]).name for r in index.search(q[key], limit=limit)["results"]]
                for q in queries]
    return {"known": known_item_metrics(known, ranked(known, "query", 10)),
            "inflect": known_item_metrics(inflect, ranked(inflect, "query", 10)),
            "typing": known_item_metrics(typing, ranked(typing, "query", 10)),
            "clitic": clitic_metrics(clitic, ranked(clitic, "word", RECALL_LIMIT))}


def url_maps(site, base):
    """Maps a result URL (either engine's form) to the seed file name."""
    mapping = {}
    for chunk in (site / "search" / "d").glob("*.json"):
        for row in json.loads(chunk.read_text("utf-8")):
            path = "/" + row[0].lstrip("/")
            for form in (path, base + path.lstrip("/"), path + "index.html",
                         base + path.lstrip("/") + "index.html"):
                mapping[form] = row[5]
    return mapping


def table(rows):
    head = "| metric | Arshif | Pagefind |\n|---|---|---|\n"
    return head + "\n".join(f"| {name} | {a} | {p} |" for name, a, p in rows) + "\n"


def kb(pair):
    return f"{pair[0] / 1024:,.1f} kB raw / {pair[1] / 1024:,.1f} kB gzip"


def report(args, n_docs, site_info, pf_info, sizes, results):
    a, p = results["arshif"], results["pagefind"]
    rows = []
    for name, key in (("known-item", "known"), ("inflection", "inflect"),
                      ("typing", "typing")):
        rows.append((f"{name} MRR@10", f"{a[key]['mrr10']:.3f}", f"{p[key]['mrr10']:.3f}"))
        rows.append((f"{name} Success@10", f"{a[key]['s10']:.3f}", f"{p[key]['s10']:.3f}"))
    for label, key in (("recall", "recall"), ("precision", "precision"), ("P@10", "p10")):
        rows.append((f"clitic {label}", f"{a['clitic'][key]:.3f}", f"{p['clitic'][key]:.3f}"))
    alone = site_info["alone"]
    if site_info["index_s"] is None:
        in_build = f"n/a (not in the log); site build {site_info['build_s']:.1f} s"
    else:
        in_build = (f"{site_info['index_s'] + site_info['export_s']:.1f} s "
                    f"(Whoosh {site_info['index_s']:.1f} s + export "
                    f"{site_info['export_s']:.1f} s) in a {site_info['build_s']:.1f} s "
                    "site build")
    rows += [
        ("index build time, alone", f"{alone['index_s'] + alone['export_s']:.1f} s "
         f"(Whoosh {alone['index_s']:.1f} s + export {alone['export_s']:.1f} s)",
         f"{pf_info['build_s']:.1f} s"),
        ("index build time, in the site build", in_build, "—"),
        ("rebuild: nothing changed / one article added",
         f"{alone['unchanged_s']:.1f} s / {alone['add_one_s']:.1f} s", "—"),
        ("index bytes under a new name after adding one article",
         f"{alone['add_one_new_bytes']:.1%}", "—"),
        ("peak RSS", f"{alone['rss_mb']:.0f} MB index alone; {site_info['build_rss_mb']:.0f} MB "
         "whole site build", f"{pf_info['build_rss_mb']:.0f} MB"),
        ("index on disk", "%d files, %.1f MB raw / %.1f MB gzip" % sizes["arshif"],
         "%d files, %.1f MB raw / %.1f MB gzip" % sizes["pagefind"]),
        ("index per article", f"{sizes['arshif'][1] * 1e6 / n_docs / 1024:.2f} kB",
         f"{sizes['pagefind'][1] * 1e6 / n_docs / 1024:.2f} kB"),
        ("first query, cold page (all fetches)", kb(a["first_query"]), kb(p["first_query"])),
        ("  of which the query itself", kb(a["first_query_only"]), kb(p["first_query_only"])),
        ("later query (mean)", kb(a["later_query"]), kb(p["later_query"])),
        ("later query (max gzip)", f"{a['later_query_max_gz'] / 1024:.1f} kB",
         f"{p['later_query_max_gz'] / 1024:.1f} kB"),
        ("query latency median", f"{a['latency_median_ms']:.1f} ms",
         f"{p['latency_median_ms']:.1f} ms"),
        ("query latency p95", f"{a['latency_p95_ms']:.1f} ms", f"{p['latency_p95_ms']:.1f} ms"),
        ("typing query, after the known-item ones (mean)", kb(a["typing_query"]),
         kb(p["typing_query"])),
        ("typing query latency median", f"{a['typing_latency_median_ms']:.1f} ms",
         f"{p['typing_latency_median_ms']:.1f} ms"),
    ]
    site_files, site_raw, site_gz = sizes["site"]
    return (
        f"# Search benchmark: Arshif vs Pagefind ({n_docs:,} articles)\n\n"
        f"Command: `{args.command}`, run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC.\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores shared with other jobs, "
        f"CPython {platform.python_version()}, Chromium headless (`{CHROMIUM}`), "
        f"Pagefind 1.5.2 (`pagefind-bin`) over the same article pages.\n"
        f"Queries: {len(results['queries'][0])} known-item, {len(results['queries'][1])} "
        f"inflection, {len(results['queries'][2])} clitic probes, {len(results['queries'][3])} "
        f"typing queries (`egynews_dev.*.jsonl`); "
        f"latency and bytes over the known-item queries, limit 10, one cold page "
        f"(then the typing queries on the same page); "
        f"recall with up to {RECALL_LIMIT} results.\n\n"
        + table(rows) +
        f"\nWhole site: {site_files:,} files, {site_raw / 1e6:.1f} MB "
        f"({site_raw / n_docs / 1024:.2f} kB per article; Pagefind's files excluded), "
        f"{site_gz / n_docs / 1024:.2f} kB gzip per article.\n"
        "Bytes are response bodies as served (the test server does not compress; "
        "gzip = each body gzipped at level 6, as GitHub Pages would serve it; "
        "Pagefind's own files are already compressed).\n"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000, help="articles (first N)")
    parser.add_argument("--work", default=str(ROOT / "benchmarks" / "work" / "search"))
    parser.add_argument("--reuse", action="store_true", help="reuse a built site in --work")
    parser.add_argument("--write-results", action="store_true",
                        help=f"write {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--index-only", action="store_true",
                        help="only time the index (Whoosh + export) alone and print JSON")
    parser.add_argument("--corpus", type=Path, default=CORPUS,
                        help="egynews2013 articles folder with its manifest.tsv")
    parser.add_argument("--eval", type=Path, default=EVAL, help="folder of egynews_dev.*.jsonl")
    parser.add_argument("--quality-only", action="store_true",
                        help="only the quality metrics of the site in --work through "
                             "query.py, printed as JSON")
    args = parser.parse_args(argv)
    set_data(args.corpus, args.eval)
    if args.quality_only:
        print(json.dumps(quality_through_python(Path(args.work) / "site")))
        return
    if args.index_only:
        print(json.dumps(index_timing(args.docs, Path(args.work) / "index-only")))
        return
    args.command = "python benchmarks/bench_search.py " + " ".join(argv or sys.argv[1:])
    from playwright.sync_api import sync_playwright

    work = Path(args.work)
    seeds, site, cache = work / "seeds", work / "site", work / "cache"
    if not args.reuse:
        subprocess.run(["rm", "-rf", str(work)], check=True)
        docs = make_seeds(args.docs, seeds)
        site_info = build_site(seeds, site, cache)
        pf_info = build_pagefind(site)
        site_info["alone"] = time_index_alone(args.docs, work)
        json.dump({"site": {k: v for k, v in site_info.items() if k != "log"},
                   "pagefind": {k: v for k, v in pf_info.items() if k != "log"}},
                  open(work / "builds.json", "w"))
    else:
        docs = {p.name for p in seeds.iterdir() if p.suffix == ".txt"}
        saved = json.load(open(work / "builds.json"))
        site_info, pf_info = saved["site"], saved["pagefind"]
        if "alone" not in site_info:
            site_info["alone"] = time_index_alone(args.docs, work)
            json.dump(saved, open(work / "builds.json", "w"))
    n_docs = len(docs)
    (site / "pf-bench").mkdir(exist_ok=True)
    (site / "pf-bench" / "index.html").write_text(PF_PAGE, encoding="utf-8")
    sizes = {
        "arshif": folder_size(site / "search", lambda f: f.name != "index.html"),
        "pagefind": folder_size(site / "pagefind"),
        "site": folder_size(site, lambda f: "pagefind" not in f.parts
                            and "pf-bench" not in f.parts),
    }
    sizes = {k: (v[0], v[1] / 1e6, v[2] / 1e6) if k != "site" else v
             for k, v in sizes.items()}
    known, inflect, clitic, typing = load_queries(docs)
    server = serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    mapping = url_maps(site, base)
    results = {"queries": (known, inflect, clitic, typing)}
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        results["arshif"] = evaluate(browser, site, base + "search/", mapping, known, inflect,
                                     clitic, typing)
        results["pagefind"] = evaluate(browser, site, base + "pf-bench/", mapping, known,
                                       inflect, clitic, typing)
    server.shutdown()
    saved = {k: v for k, v in results.items() if k != "queries"}
    (work / "results.json").write_text(json.dumps(saved, indent=1), encoding="utf-8")
    text = report(args, n_docs, site_info, pf_info, sizes, results)
    print(text)
    if args.write_results:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
