"""The same story across outlets, measured on pairs labelled by reading, in real builds.

For each labelled set it builds the whole corpus the pairs come from (the 20,000
egynews2013 articles with their manifest; the SaudiNewsNet dump as the seeds),
in this process, with timers around the same-story grouping
(`arshif_theme.link_stories`), the related lists and the timelines, and then
reads what the build gave each labelled pair:

- linked as the same story: both seeds in one group (`article.story`), or
  one merged into the other as an exact copy;
- linked as related: either one in the other's related list.

Targets (issue 10): SAME_TEXT pairs linked as the same story >= 90 %; RELATED
and DIFFERENT pairs linked as the same story <= 5 %; SAME_EVENT pairs linked
as the same story or related >= 60 %; grouping + related + charts <= 15 % of
the 20,000-article build's wall time; the grouping's peak memory under 1 GB
(measured again after the build with tracemalloc, on the built articles).

    python benchmarks/stories_eval.py [--write-results]
    python benchmarks/stories_eval.py --direct   # rules only: no build (see `direct`)
    python benchmarks/stories_eval.py --direct --pairs FILE...   # other labelled files (the corpus
                                                                 # is known from the seed names)

Pairs with an empty label are left out (and counted).
"""

import argparse
import datetime
import json
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

import arshif_theme  # noqa: E402  (the module Pelican will load: plugins/ is on the path)
from arshif_theme import stories  # noqa: E402
from bench_build import corpus_rows, make_seeds  # noqa: E402
from related_bench import build, timed  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results" / "stories.md"
SAUDI = ROOT.parent / "shared" / "corpus" / "saudinewsnet" / "saudinewsnet.jsonl"
# (pairs file, what it is, corpus)
SETS = [
    ("story_pairs.jsonl", "egynews2013, seed 2013: the pairs the rules were set on", "egynews"),
    ("story_pairs_heldout.jsonl", "SaudiNewsNet, seed 31337: held out from the first rule, "
     "then used to set the second (template and linkage rules)", "saudinewsnet"),
    ("story_pairs_heldout2.jsonl", "SaudiNewsNet, seed 99: drawn and read after the second rule "
     "was fixed (held out from it), then looked at to set the third (reissues)", "saudinewsnet"),
    ("story_pairs_heldout3.jsonl", "SaudiNewsNet, seed 4242: drawn and read after the reissue rule "
     "was fixed (held out)", "saudinewsnet"),
    ("story_pairs_heldout3_egy.jsonl", "egynews2013, seed 4243: drawn and read after the reissue rule "
     "was fixed (held out)", "egynews"),
]
LABELS = ("SAME_TEXT", "SAME_EVENT", "RELATED", "DIFFERENT")


def run(corpus, work, totals, docs):
    """Build one corpus; the articles and the build's wall and CPU seconds."""
    kept = []
    if corpus == "egynews":
        seeds = Path(work) / "seeds"
        make_seeds(corpus_rows(docs)[:docs], seeds)
    else:
        seeds = SAUDI
    wall, cpu = build(seeds, Path(work) / "out", totals, kept)
    return kept, wall, cpu


def links(articles):
    """{seed: (story members, related urls, url)} of the built articles; an exact
    copy merged into another (`duplicates`) is read as the article it was merged
    into, whose group it is in by construction."""
    built = {}
    for article in articles:
        if not getattr(article, "source_file", None):
            continue
        names = {article.source_file, *(getattr(article, "duplicates", None) or ())}
        members = set(getattr(article, "story", None) or ()) | names
        related = {r["url"] for r in getattr(article, "related", None) or ()}
        for name in names:
            built[name] = (members, related, article.url)
    return built


def corpus_of(pairs):
    """The corpus a pairs file was drawn from, by its seed names (a dump record's has '#')."""
    return "saudinewsnet" if any("#" in p["a"] for p in pairs) else "egynews"


def read_pairs(path):
    """The labelled pairs of a pairs file, and how many it holds with no label yet."""
    with open(path, encoding="utf-8") as handle:
        pairs = [json.loads(line) for line in handle if line.strip()]
    labelled = [p for p in pairs if p.get("label")]
    unknown = {p["label"] for p in labelled} - set(LABELS)
    if unknown:
        raise SystemExit(f"{path}: unknown labels {sorted(unknown)} (labels: {', '.join(LABELS)})")
    return labelled, len(pairs) - len(labelled)


def judge(pairs, built):
    """Per label: pairs, linked as the same story, linked as the same story or related."""
    counts = {label: Counter() for label in LABELS}
    missing = []
    for pair in pairs:
        a, b = built.get(pair["a"]), built.get(pair["b"])
        if a is None or b is None:
            missing.append(pair)
            continue
        same = pair["b"] in a[0]
        related = b[2] in a[1] or a[2] in b[1]
        tally = counts[pair["label"]]
        tally["pairs"] += 1
        tally["same"] += same
        tally["same or related"] += same or related
    return counts, missing


def direct(corpus, docs):
    """{seed: (story members, no related urls, seed)} from `story_groups` run on
    the corpus parsed directly (stories_sample's parse: paragraphs, manifest or
    record date), without a build: a quick check of the rules on the labels,
    seconds instead of minutes. Exact copies are not merged first (the build
    merges them; as near-copies they are grouped here all the same)."""
    from stories_sample import egynews, saudinewsnet
    articles = list(egynews())[:docs] if corpus == "egynews" else list(saudinewsnet())
    items = [("\n".join(a[4]), a[2].toordinal() if a[2] else None) for a in articles]
    start = time.process_time()
    groups = stories.story_groups(items)
    print(f"{corpus}: {len(items):,} texts grouped in {time.process_time() - start:.1f} CPU s, "
          f"{len(groups):,} groups", file=sys.stderr)
    built = {a[0]: ({a[0]}, set(), a[0]) for a in articles}
    for group in groups:
        members = {articles[i][0] for i in group}
        for name in members:
            built[name] = (members, set(), name)
    return built


def grouping_peak(articles):
    """Peak MB allocated while grouping the built articles (tracemalloc)."""
    items = [stories.item_of(a) for a in articles]
    tracemalloc.start()
    stories.story_groups(items)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def share(part, whole):
    return f"{100 * part / whole:.1f} %"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20000, help="egynews2013 articles built (a trial run: fewer)")
    parser.add_argument("--corpora", nargs="+", default=["egynews", "saudinewsnet"])
    parser.add_argument("--write-results", action="store_true")
    parser.add_argument("--direct", action="store_true",
                        help="no build: group the parsed texts and print the same-story figures only")
    parser.add_argument("--show-wrong", action="store_true", help="with --direct: the pairs judged wrongly")
    parser.add_argument("--pairs", nargs="+", metavar="FILE",
                        help="labelled pairs files to measure instead of the committed sets")
    args = parser.parse_args()
    sets = [(DATA / name, what, source) for name, what, source in SETS]
    if args.pairs and args.write_results:
        parser.error("--write-results writes the committed sets' figures: not with --pairs")
    if args.pairs:
        sets = []
        for path in args.pairs:
            with open(path, encoding="utf-8") as handle:
                sets.append((Path(path), f"given on the command line ({path})",
                             corpus_of([json.loads(line) for line in handle if line.strip()])))
        args.corpora = [c for c in args.corpora if any(source == c for _, _, source in sets)]
    if args.direct:
        for corpus in args.corpora:
            built = direct(corpus, args.docs)
            for path, what, source in sets:
                if source != corpus:
                    continue
                pairs, unlabelled = read_pairs(path)
                name = path.name
                counts, missing = judge(pairs, built)
                wrong = counts["RELATED"] + counts["DIFFERENT"]
                print(f"{name}: SAME_TEXT {counts['SAME_TEXT']['same']}/{counts['SAME_TEXT']['pairs']}, "
                      f"RELATED+DIFFERENT {wrong['same']}/{wrong['pairs']}, "
                      f"SAME_EVENT same {counts['SAME_EVENT']['same']}/{counts['SAME_EVENT']['pairs']}, "
                      f"missing {len(missing)}, unlabelled {unlabelled}")
                if args.show_wrong:
                    for pair in pairs:
                        same = pair["b"] in built.get(pair["a"], ({},))[0]
                        if same != (pair["label"] == "SAME_TEXT") and pair["label"] != "SAME_EVENT":
                            print("  ", "linked" if same else "missed", json.dumps(pair, ensure_ascii=False))
        return
    # The functions related_bench.build wraps, put back before each build.
    originals = (stories.link_stories, arshif_theme.link_related, arshif_theme.timeline.chart)
    results, costs = [], {}
    for corpus in args.corpora:
        totals = {}
        arshif_theme.link_related, arshif_theme.timeline.chart = originals[1:]
        arshif_theme.link_stories = timed(originals[0], totals, "stories")
        with tempfile.TemporaryDirectory() as work:
            articles, wall, cpu = run(corpus, work, totals, args.docs)
            built = links(articles)
            groups = {tuple(sorted(a.story)) for a in articles if getattr(a, "story", None)}
            peak = grouping_peak(articles) if corpus == "egynews" else None
        costs[corpus] = (len(articles), wall, cpu, totals, len(groups), sum(map(len, groups)), peak)
        for path, what, source in sets:
            if source == corpus:
                results.append((path.name, what, judge(read_pairs(path)[0], built)))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lines = [
        "# The same story across outlets: labelled pairs and cost",
        "",
        f"Command: `python benchmarks/stories_eval.py{' '.join([''] + sys.argv[1:])}`, run "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. Machine: {platform.machine()}, "
        f"{os.cpu_count()} cores shared with other jobs (timings are noisy; CPU seconds are the steadier "
        f"comparison), CPython {platform.python_version()}.",
        "",
        "Each set is measured on a real build of its whole corpus. Pairs were drawn by "
        "`benchmarks/stories_sample.py` (its docstring says how) and labelled by reading both texts: "
        "SAME_TEXT (one text is a copy or an edit of the other's: the same agency text or release, "
        "shortened, lengthened, reworded or republished), SAME_EVENT (the same event written up "
        "separately), RELATED (same topic, another event or angle: follow-ups, reactions, a round-up "
        "or digest holding one of them, a template filled in for another day), DIFFERENT.",
        "",
        "| set | label | pairs | linked as the same story | same story or related | target |",
        "|---|---|---|---|---|---|",
    ]
    for name, what, (counts, missing) in results:
        for label in LABELS:
            tally = counts[label]
            if not tally["pairs"]:
                continue
            target = {"SAME_TEXT": "same story >= 90 %", "SAME_EVENT": "same story or related >= 60 %",
                      "RELATED": "same story <= 5 %", "DIFFERENT": "same story <= 5 %"}[label]
            lines.append(f"| {name} | {label} | {tally['pairs']} | {tally['same']} ({share(tally['same'], tally['pairs'])}) "
                         f"| {tally['same or related']} ({share(tally['same or related'], tally['pairs'])}) | {target} |")
        wrong = counts["RELATED"] + counts["DIFFERENT"]
        lines.append(f"| {name} | RELATED + DIFFERENT | {wrong['pairs']} | {wrong['same']} "
                     f"({share(wrong['same'], max(wrong['pairs'], 1))}) | | same story <= 5 % |")
        if missing:
            lines.append(f"| {name} | not published by the build | {len(missing)} | | | |")
    lines += ["", "Sets:", ""] + [f"- `benchmarks/data/{name}`: {what}." for name, what, _ in results]
    lines += [
        "",
        "## Cost in the same builds",
        "",
        "| corpus | articles | build wall s | same-story grouping wall s (CPU s) | related lists wall s "
        "| timelines wall s | grouping + related + charts, share of wall (of CPU) | groups (articles in them) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for corpus, (count, wall, cpu, totals, groups, members, peak) in costs.items():
        parts = sum(totals.get(n, 0) for n in ("stories", "related", "timelines"))
        parts_cpu = sum(totals.get(n + " cpu", 0) for n in ("stories", "related", "timelines"))
        lines.append(f"| {corpus} | {count:,} | {wall:.1f} | {totals.get('stories', 0):.2f} "
                     f"({totals.get('stories cpu', 0):.2f}) | {totals.get('related', 0):.2f} "
                     f"| {totals.get('timelines', 0):.2f} | {share(parts, wall)} ({share(parts_cpu, cpu)}) "
                     f"| {groups:,} ({members:,}) |")
    if "egynews" in costs:
        count, peak = costs["egynews"][0], costs["egynews"][6]
        lines += ["", f"Peak memory of the grouping on the {count:,} egynews2013 articles (tracemalloc, "
                  f"after the build): {peak:.0f} MB."]
    lines += [f"Peak RSS of this whole process ({len(costs)} builds): {rss:.0f} MB."]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write_results:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
