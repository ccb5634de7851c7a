"""Tags as an editor would see them: 40 fixed articles of each development corpus.

There are no gold tags, so tag work is judged by reading. This parses a few
thousand articles of egynews2013 (seeds as they are) and of SaudiNewsNet (each
record's seed text as a scraper leaves it, title and text), chooses tags with
the same tf-idf over each set as a build does, and writes to
benchmarks/results/tag_sample.md the counts (tags per article, multi-word
tags, tags with a page), the time per article, and the headline, lead and tags
of `--show` articles per corpus picked with a fixed seed. The same sample goes
to tag_sample.json, which benchmarks/tag_judge.py checks judgements against.

`--compare REV` also times keywords.py as it was at git revision REV in the
same run (same parsed text, same machine), so a speed change is measured, not
guessed from two runs, and counts the tags the change removes and adds, with
15 changed articles picked with the seed. `--seed N` picks another sample (written to
tag_sample_seedN.*): articles nobody tuned the tagger on, to check that a
judged rate holds beyond the fixed sample.

Usage: .venv/bin/python benchmarks/tag_sample.py [--size 5000] [--show 40] [--compare HEAD] [--seed 2013]
"""

import argparse
import collections
import importlib
import json
import pathlib
import platform
import random
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds import keywords  # noqa: E402
from arshif_seeds.parse import parse_seed  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "benchmarks" / "results"
MIN_PAGE = 5  # ARSHIF_TAG_MIN_ARTICLES in pelicanconf.py
SEED = 2013  # the fixed sample that tag_judgements_*.jsonl judge


def egynews(size):
    """(id, seed text) of `size` egynews2013 articles spread over the whole corpus."""
    files = sorted((CORPORA / "egynews2013" / "articles").glob("*.txt"))
    step = max(1, len(files) // size)
    return [(path.name, path.read_text(encoding="utf-8")) for path in files[::step][:size]]


def saudinewsnet(size):
    """(id, seed text) of `size` SaudiNewsNet records, the seed being title and text."""
    lines = (CORPORA / "saudinewsnet" / "saudinewsnet.jsonl").read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // size)
    records = [json.loads(line) for line in lines[::step][:size]]
    return [(r["id"], (r.get("title") or "") + "\n" + (r.get("text") or "")) for r in records]


def load_revision(rev, repo=ROOT):
    """keywords.py as it was at git revision `rev` of `repo` (with the lexicon it imports), as a module."""
    package = pathlib.Path(tempfile.mkdtemp()) / "keywords_at_rev"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for name in ("keywords", "lexicon"):
        source = subprocess.run(["git", "show", f"{rev}:plugins/arshif_seeds/{name}.py"], cwd=repo,
                                check=True, capture_output=True, text=True).stdout
        (package / f"{name}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(package.parent))
    return importlib.import_module("keywords_at_rev.keywords")


def changes(before, after, seeds, parsed, label, examples=15, seed=SEED):
    """Markdown lines: how many tags `after` removes and adds against `before`, and examples."""
    removed = added = 0
    changed = [i for i, (old, new) in enumerate(zip(before, after)) if old != new]
    for i in changed:
        removed += len(set(before[i]) - set(after[i]))
        added += len(set(after[i]) - set(before[i]))
    total = sum(map(len, before))
    lines = [f"- against {label}: {len(changed)} of {len(before)} articles changed; {removed} of {total} tags "
             f"removed, {added} added", "", f"| id | headline | tags at {label} | tags now |", "|---|---|---|---|"]
    for i in sorted(random.Random(seed).sample(changed, min(examples, len(changed)))):
        lines.append(f"| {seeds[i][0]} | {parsed[i].title.replace('|', '/')} | {'، '.join(before[i])} | "
                     f"{'، '.join(after[i])} |")
    return lines + [""]


def run(module, parsed):
    """Tags of every parsed article and CPU ms/article for candidates and choose_tags.

    CPU time of this process, not wall time: the machine's cores are shared.
    """
    start = time.process_time()
    terms = [module.candidates(p.title, p.paragraphs) for p in parsed]
    middle = time.process_time()
    chosen = module.choose_tags(terms)
    end = time.process_time()
    n = len(parsed)
    return chosen, 1000 * (middle - start) / n, 1000 * (end - middle) / n


def lead(paragraphs, words=30):
    text = " ".join(" ".join(paragraphs).split()[:words])
    return text.replace("|", "/")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--show", type=int, default=40)
    parser.add_argument("--compare", help="git revision of keywords.py to time in the same run")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    stem = "tag_sample" if args.seed == SEED else f"tag_sample_seed{args.seed}"
    old = load_revision(args.compare) if args.compare else None
    command = "python benchmarks/tag_sample.py" + (f" --size {args.size}" if args.size != 5000 else "") + (
        f" --show {args.show}" if args.show != 40 else "") + (f" --compare {args.compare}" if old else "") + (
        f" --seed {args.seed}" if args.seed != SEED else "")
    lines = ["# Tag sample", "", f"Command: `{command}`; machine: {platform.machine()}, "
             f"{platform.python_implementation()} {platform.python_version()}, 2 shared cores.", ""]
    sample = []
    for name, load in (("egynews2013", egynews), ("saudinewsnet", saudinewsnet)):
        seeds = load(args.size)
        parsed = [parse_seed(text, ident) for ident, text in seeds]
        timings = []
        if old:
            before, *spent = run(old, parsed)
            timings.append((f"keywords.py at {args.compare}", spent))
        chosen, *now = run(keywords, parsed)
        timings.append(("keywords.py now", now))
        tags = [t for article in chosen for t in article]
        uses = collections.Counter(tags)
        lines += [f"## {name} ({len(parsed)} articles)", "",
                  f"- tags per article: {len(tags) / len(parsed):.2f}; articles without a tag: "
                  f"{sum(not c for c in chosen)}",
                  f"- multi-word tags: {sum(' ' in t for t in tags) / max(1, len(tags)):.0%}",
                  f"- distinct tags: {len(uses)}; with a page ({MIN_PAGE}+ articles): "
                  f"{sum(n >= MIN_PAGE for n in uses.values())}"]
        lines += [f"- {label}: candidates {cand:.2f} ms/article, choose_tags {choose:.2f} ms/article (CPU)"
                  for label, (cand, choose) in timings]
        if old:
            lines += [""] + changes(before, chosen, seeds, parsed, args.compare, seed=args.seed)
        lines += ["", "| id | headline | lead | tags |", "|---|---|---|---|"]
        for i in sorted(random.Random(args.seed).sample(range(len(parsed)), args.show)):
            ident, p = seeds[i][0], parsed[i]
            sample.append({"corpus": name, "id": ident, "title": p.title, "tags": chosen[i]})
            lines.append(f"| {ident} | {p.title.replace('|', '/')} | {lead(p.paragraphs)} | "
                         f"{'، '.join(chosen[i])} |")
        lines.append("")
    (RESULTS / f"{stem}.md").write_text("\n".join(lines), encoding="utf-8")
    (RESULTS / f"{stem}.json").write_text(
        json.dumps(sample, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print("\n".join(line for line in lines if not line.startswith("|")))


if __name__ == "__main__":
    main()
