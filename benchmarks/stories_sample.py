"""Draw article pairs to label by reading, stratified by how much text they share.

The pairs are drawn from every pair of articles within a week of each other
that share at least three word 3-shingles (found through the shingles'
postings, all shingles, no sampling: the grouping's own shortcuts play no part
in what is drawn), bucketed by the lower of the two containments (the share
of each text found in the other), plus pairs where one text holds most of the
other but not the reverse (digests, follow-ups) and same-day pairs that share
little text but two headline words (different write-ups of one event). Each
pair is printed with both headlines and leads for reading; the pairs file
(one JSON object a line) gets `label` and `reason` filled in by the reader.

    python benchmarks/stories_sample.py egynews --seed 2013 --out benchmarks/data/story_pairs.jsonl
    python benchmarks/stories_sample.py saudinewsnet --seed 31337 --out benchmarks/data/story_pairs_heldout.jsonl
    python benchmarks/stories_sample.py saudinewsnet --seed 99 --scale 0.5 \
        --exclude benchmarks/data/story_pairs_heldout.jsonl --out benchmarks/data/story_pairs_heldout2.jsonl
"""

import argparse
import csv
import datetime
import json
import os
import random
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds.decoding import decode_seed  # noqa: E402
from arshif_seeds.dumps import record_name  # noqa: E402
from arshif_seeds.parse import parse_seed  # noqa: E402
from arshif_theme.stories import Vocabulary, containment, shingles, word_hashes  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
# (name, lower containment from, to, pairs drawn)
BUCKETS = [("0.8-1", 0.8, 1.01, 20), ("0.5-0.8", 0.5, 0.8, 25), ("0.3-0.5", 0.3, 0.5, 25),
           ("0.15-0.3", 0.15, 0.3, 25), ("0.05-0.15", 0.05, 0.15, 20)]
ONE_WAY = 15  # one text mostly (≥ 0.7) in the other, the other not (< 0.3): digests, follow-ups
SAME_DAY = 25  # same day, lower containment < 0.05, two headline words in common
DAYS = 7
MAX_DF = 100


def egynews():
    """(name, source, date, headline, paragraphs) of every egynews2013 article."""
    folder = CORPUS / "egynews2013" / "articles"
    with open(folder / "manifest.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        text = decode_seed((folder / row["file"]).read_bytes()).text
        parsed = parse_seed(text, row["file"])
        date = datetime.date.fromisoformat(row["date"][:10]) if row["date"] else None
        yield row["file"], row["source"], date, row["title"] or parsed.title, parsed.paragraphs


def saudinewsnet():
    """The same for the SaudiNewsNet dump (records named as the build names them)."""
    path = CORPUS / "saudinewsnet" / "saudinewsnet.jsonl"
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            record = json.loads(line)
            name = record_name(path.name, n)
            parsed = parse_seed(record["text"], name, title=record["title"])
            date = datetime.date.fromisoformat(record["date"][:10]) if record.get("date") else None
            yield name, record["category"], date, record["title"], parsed.paragraphs


def all_pairs(articles):
    """{(i, j): (lower, higher containment)} of pairs within DAYS sharing ≥ 3 shingles."""
    vocabulary = Vocabulary()
    sets = [shingles(word_hashes("\n".join(a[4]), vocabulary)) for a in articles]
    postings = defaultdict(list)
    for i, s in enumerate(sets):
        for shingle in s:
            postings[shingle].append(i)
    shared = defaultdict(int)
    for members in postings.values():
        if 2 <= len(members) <= MAX_DF:
            for i, j in combinations(members, 2):
                a, b = articles[i][2], articles[j][2]
                if a and b and abs((a - b).days) <= DAYS:
                    shared[(i, j)] += 1
    result = {}
    for (i, j), count in shared.items():
        if count >= 3:
            x, y = containment(sets[i], sets[j])
            result[(i, j)] = (min(x, y), max(x, y))
    return result, sets, vocabulary


def draw(articles, rng, scale=1.0, exclude=frozenset()):
    """The pairs to label: `scale` times each bucket's count, none of `exclude` (names)."""
    pairs, sets, vocabulary = all_pairs(articles)
    ordered = [p for p in sorted(pairs)
               if frozenset((articles[p[0]][0], articles[p[1]][0])) not in exclude]
    chosen = []

    def take(pool, count, bucket):
        return [(p, bucket) for p in rng.sample(pool, min(round(count * scale), len(pool)))]

    for name, low, high, count in BUCKETS:
        chosen += take([p for p in ordered if low <= pairs[p][0] < high], count, name)
    chosen += take([p for p in ordered if pairs[p][1] >= 0.7 and pairs[p][0] < 0.3], ONE_WAY, "one-way")
    # Same day, little shared text: by headline words (three letters or more) in common.
    by_day = defaultdict(list)
    for i, article in enumerate(articles):
        if article[2]:
            by_day[article[2]].append(i)
    titles = [set(word_hashes(a[3] or "", vocabulary)) for a in articles]
    long_words = [{h for w in (a[3] or "").split() if len(w) > 3 for h in word_hashes(w, vocabulary)}
                  for a in articles]
    same_day = []
    for day in sorted(by_day):
        members = by_day[day]
        for i, j in combinations(members, 2):
            if (len(long_words[i] & titles[j]) >= 2
                    and len(sets[i] & sets[j]) < 0.05 * max(1, min(len(sets[i]), len(sets[j])))
                    and frozenset((articles[i][0], articles[j][0])) not in exclude):
                same_day.append((i, j))
    chosen += take(same_day, SAME_DAY, "same-day")
    for (i, j), bucket in chosen:
        x, y = containment(sets[i], sets[j])
        yield {"a": articles[i][0], "b": articles[j][0], "bucket": bucket,
               "containment": [round(x, 3), round(y, 3)], "label": "", "reason": ""}


def show(pair, articles_by_name, words=70):
    """The pair as text to read."""
    lines = [f"## {pair['a']} | {pair['b']} | {pair['bucket']} {pair['containment']}"]
    for name in (pair["a"], pair["b"]):
        _, source, date, title, paragraphs = articles_by_name[name]
        body = " ".join(paragraphs).split()
        lines.append(f"[{source} {date} {len(body)}w] {title}")
        lines.append("  " + " ".join(body[:words]))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", choices=("egynews", "saudinewsnet"))
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scale", type=float, default=1.0, help="times each bucket's count")
    parser.add_argument("--exclude", nargs="*", default=[], help="pairs files whose pairs are not drawn again")
    parser.add_argument("--show", action="store_true", help="print the pairs of --out to read")
    args = parser.parse_args()
    articles = list(egynews() if args.corpus == "egynews" else saudinewsnet())
    if args.show:
        by_name = {a[0]: a for a in articles}
        with open(args.out, encoding="utf-8") as handle:
            for line in handle:
                print(show(json.loads(line), by_name) + "\n")
        return
    rng = random.Random(args.seed)
    exclude = set()
    for name in args.exclude:
        with open(name, encoding="utf-8") as handle:
            exclude |= {frozenset((p["a"], p["b"])) for p in map(json.loads, handle)}
    drawn = list(draw(articles, rng, args.scale, exclude))
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as handle:
        for pair in drawn:
            handle.write(json.dumps(pair, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} pairs written to {args.out}")


if __name__ == "__main__":
    main()
