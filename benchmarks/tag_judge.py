"""Acceptance rate of judged tags, per corpus: the figure issue 12 asks about.

A judgement file (benchmarks/results/tag_judgements_*.jsonl) holds one line per
tag of every judged article: corpus, id, title, tag, acceptable (an editor's
yes or no: a person, place, organisation, event or salient topic is yes; a
generic word, verb, adjective, fragment or cut name is no) and why. This counts
them per corpus and, given `--sample`, checks that the file judges exactly the
tags that tag_sample.py chose, so the figure belongs to the code it names.

The table goes to stdout and, with `--out`, to a Markdown file.

Usage: .venv/bin/python benchmarks/tag_judge.py FILE.jsonl [FILE.jsonl ...]
       [--sample benchmarks/results/tag_sample.json] [--out benchmarks/results/tag_judgements.md]
"""

import argparse
import collections
import json
import pathlib
import sys


LEGEND = """File names: `before` and `after` judge the fixed sample (tag_sample.py, seed 2013,
40 articles a corpus) with keywords.py before and after issue 12's work; `seedN` judge
`tag_sample.py --seed N --show 20` with the code of the commit that wrote them;
`first_read` was judged before any change was made for what it showed, so it is the
fairest estimate of articles the tagger was never tuned on; `independent` was judged by a
separate reader session given only the criteria above (not the developer who wrote the rules),
on a sample nobody had read. Articles without a tag add no line.
"""


def rates(path):
    """{corpus: (acceptable, judged, articles)} of one judgement file."""
    counts = collections.defaultdict(lambda: [0, 0, set()])
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        entry = counts[row["corpus"]]
        entry[0] += bool(row["acceptable"])
        entry[1] += 1
        entry[2].add(row["id"])
    return {corpus: (ok, n, len(ids)) for corpus, (ok, n, ids) in counts.items()}


def mismatches(path, sample_path):
    """(corpus, id, tag) chosen but not judged, or judged but not chosen."""
    judged = collections.Counter()
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        judged[row["corpus"], row["id"], row["tag"]] += 1
    chosen = collections.Counter((a["corpus"], a["id"], t)
                                 for a in json.loads(pathlib.Path(sample_path).read_text(encoding="utf-8"))
                                 for t in a["tags"])
    return sorted((chosen - judged) + (judged - chosen))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--sample", help="tag_sample.json the (last) file must match")
    parser.add_argument("--out", help="also write the table to this Markdown file")
    args = parser.parse_args()
    lines = ["| judgements | corpus | articles with tags | tags | acceptable | rate |", "|---|---|---|---|---|---|"]
    for path in args.files:
        for corpus, (ok, n, articles) in sorted(rates(path).items()):
            lines.append(f"| {pathlib.Path(path).name} | {corpus} | {articles} | {n} | {ok} | {ok / n:.0%} |")
    print("\n".join(lines))
    if args.out:
        command = " ".join(["python benchmarks/tag_judge.py", *args.files]
                           + (["--sample", args.sample] if args.sample else []) + ["--out", args.out])
        pathlib.Path(args.out).write_text(
            "# Tags judged as an editor would\n\n" + f"Command: `{command}`\n\n" + "\n".join(lines) + "\n\n"
            + LEGEND, encoding="utf-8")
    if args.sample:
        wrong = mismatches(args.files[-1], args.sample)
        for corpus, ident, tag in wrong:
            print(f"not matching the sample: {corpus} {ident} {tag}", file=sys.stderr)
        sys.exit(1 if wrong else 0)


if __name__ == "__main__":
    main()
