"""What each tag rule does to tags that independent readers already judged.

Re-runs the tagger as tag_sample.py does (the same 5,000 articles of each
corpus, parsed as seeds, candidates and `choose_tags` over each set) and
compares the tags of every article of the judged samples
(tag_sample_seedN.json) with the readers' verdicts
(tag_judgements_seedN_independent.jsonl). For each rule in `RULES` it runs
`choose_tags` once more with that rule switched off (its parameter set to
the value that disables it) and counts, against the run with every rule on,
the rejected tags the rule removes, the accepted tags it loses and the
unjudged tags it adds or removes, per corpus; `--base REV` counts the same
for keywords.py as it was at REV (every change since, rules in `candidates`
included, on the same parsed texts). Also: acceptance of the judged
tags that remain, tags per sampled article and the share of sampled articles
without a tag, and the same two figures over all 5,000 articles.

These samples were read before the rules were written, so the figures are a
developer's measure on a development set, not a held-out one.

Usage: .venv/bin/python benchmarks/tag_rules.py [--seeds 4343 5353 6363 7373] [--out benchmarks/results/tag_rules.md]
       [--base f983c09 [--repo /path/to/checkout]] [--cache benchmarks/work] [--commit HASH]
"""

import argparse
import hashlib
import json
import pathlib
import pickle
import platform
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from arshif_seeds import keywords  # noqa: E402
from arshif_seeds.parse import parse_seed  # noqa: E402
from tag_sample import RESULTS, egynews, load_revision, saudinewsnet  # noqa: E402

SEEDS = (4343, 5353, 6363, 7373)
# Each rule: the `choose_tags` arguments that switch it off. (A rule applied in
# `candidates`, where there is no switch, counts in `--base`.)
RULES = {
    "capital or other name beside its country": {"countries": {}},
    "common description never in headlines": {"min_description_share": 0},
    "place after an institution is its name": {"place_heads": False},
    "institution of «the» institution": {"anaphoric": False},
    "verbal noun (تفعيل) alone": {"verbal_nouns": False},
    "continent not in the headline": {"continents": ()},
}


def parsed_texts(name, load, cache):
    """(ids, [(headline, paragraphs)]) of a corpus's 5,000 articles; kept in `cache` (a folder)
    under a digest of the reader's code other than keywords.py, to try rules quickly."""
    sources = sorted(path for path in (ROOT / "plugins" / "arshif_seeds").glob("*.py") if path.name != "keywords.py")
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:16]
    path = cache and pathlib.Path(cache) / f"tag_rules_{name}_{digest}.pickle"
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    seeds = load(5000)
    parsed = [parse_seed(text, ident) for ident, text in seeds]
    found = [ident for ident, _ in seeds], [(p.title, p.paragraphs) for p in parsed]
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(found))
    return found


def verdicts(seeds):
    """{(corpus, id, tag): acceptable} and {(corpus, id)} of the judged samples."""
    judged, articles = {}, set()
    for seed in seeds:
        for article in json.loads((RESULTS / f"tag_sample_seed{seed}.json").read_text(encoding="utf-8")):
            articles.add((article["corpus"], article["id"]))
        path = RESULTS / f"tag_judgements_seed{seed}_independent.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            judged[row["corpus"], row["id"], row["tag"]] = bool(row["acceptable"])
    return judged, articles


def score(tags, corpus, ids, judged, articles):
    """(accepted, rejected, unjudged, tags, articles, articles without a tag) over the sampled articles."""
    counts = [0, 0, 0, 0, 0, 0]
    for ident, chosen in zip(ids, tags):
        if (corpus, ident) not in articles:
            continue
        counts[4] += 1
        counts[5] += not chosen
        counts[3] += len(chosen)
        for tag in chosen:
            verdict = judged.get((corpus, ident, tag))
            counts[0 if verdict else 1 if verdict is False else 2] += 1
    return counts


def difference(now, without, corpus, ids, judged, articles):
    """(rejected removed, accepted lost, unjudged removed, unjudged added, examples) by a rule."""
    removed_bad = lost_good = gone = added = 0
    examples = []
    for ident, on, off in zip(ids, now, without):
        if (corpus, ident) not in articles:
            continue
        for tag in set(off) - set(on):
            verdict = judged.get((corpus, ident, tag))
            removed_bad += verdict is False
            lost_good += verdict is True
            gone += verdict is None
            examples.append(f"−{tag} ({'rejected' if verdict is False else 'ACCEPTED' if verdict else 'unjudged'})")
        for tag in set(on) - set(off):
            verdict = judged.get((corpus, ident, tag))
            added += 1
            examples.append(f"+{tag} ({'rejected' if verdict is False else 'accepted' if verdict else 'unjudged'})")
    return removed_bad, lost_good, gone, added, examples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=list(SEEDS))
    parser.add_argument("--out", default=str(RESULTS / "tag_rules.md"))
    parser.add_argument("--base", help="git revision of keywords.py to compare with on the same parsed texts")
    parser.add_argument("--repo", default=str(ROOT), help="the git checkout --base is read from (a snapshot has none)")
    parser.add_argument("--cache", help="a folder to keep parsed texts in between runs (development)")
    parser.add_argument("--commit", default="", help="the commit measured, written into the results")
    args = parser.parse_args()
    judged, articles = verdicts(args.seeds)
    old = load_revision(args.base, args.repo) if args.base else None
    lines = ["# Tag rules on judged samples", "",
             f"Command: `python benchmarks/tag_rules.py --seeds {' '.join(map(str, args.seeds))}"
             + (f" --base {args.base}" if args.base else "") + "`"
             + (f"; code: {args.commit}" if args.commit else "")
             + f"; machine: {platform.machine()}, CPython {platform.python_version()}, 2 cores shared with "
             "other work. Developer-measured on samples whose verdicts the rules were written after: "
             "no held-out figure.", ""]
    summary = ["| corpus | run | judged tags kept | accepted | rate | unjudged | tags/article (sample) "
               "| sample articles without a tag | tags/article (all) | all without a tag |",
               "|---|---|---|---|---|---|---|---|---|---|"]
    table = ["| corpus | rule | rejected removed | accepted lost | unjudged removed | added |",
             "|---|---|---|---|---|---|"]
    details = []
    for corpus, load in (("egynews2013", egynews), ("saudinewsnet", saudinewsnet)):
        ids, parsed = parsed_texts(corpus, load, args.cache)
        terms = [keywords.candidates(title, paragraphs) for title, paragraphs in parsed]
        runs = {"every rule": keywords.choose_tags(terms)}
        off_all = {}
        for rule, off in RULES.items():
            off_all.update(off)
            runs[f"without {rule}"] = keywords.choose_tags(terms, **off)
        runs["without the switchable rules"] = keywords.choose_tags(terms, **off_all)
        if old:
            runs[f"keywords.py at {args.base}"] = old.choose_tags(
                [old.candidates(title, paragraphs) for title, paragraphs in parsed])
        for label, tags in runs.items():
            ok, bad, unjudged, count, n, bare = score(tags, corpus, ids, judged, articles)
            total = sum(map(len, tags))
            summary.append(f"| {corpus} | {label} | {ok + bad} | {ok} | {ok / max(1, ok + bad):.1%} | {unjudged} "
                           f"| {count / n:.2f} | {bare / n:.0%} | {total / len(tags):.2f} "
                           f"| {sum(not t for t in tags) / len(tags):.0%} |")
        now = runs["every rule"]
        against = [(rule, f"without {rule}") for rule in RULES]
        against += [(f"all changes since {args.base}", f"keywords.py at {args.base}")] if old else []
        for rule, run in against:
            bad, good, gone, added, examples = difference(now, runs[run], corpus, ids, judged, articles)
            table.append(f"| {corpus} | {rule} | {bad} | {good} | {gone} | {added} |")
            details += [f"- {corpus}, {rule}: " + "، ".join(examples)] if examples else []
    lines += ["## Judged tags with and without each rule", "", *summary, "",
              "## What each rule changes (against every rule on)", "", *table, "", "## The changed tags", "",
              *details, ""]
    pathlib.Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
