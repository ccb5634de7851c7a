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

To read a pairs file (its corpus is known from the seed names): each pair's
two headlines, outlets, dates and lengths, and both texts trimmed (the first
--words words and the last --tail), one under the other in the terminal, or
side by side in an HTML page (--html):

    python benchmarks/stories_sample.py --show benchmarks/data/story_pairs_heldout4.unlabelled.jsonl
    python benchmarks/stories_sample.py --show FILE --html pairs.html
"""

import argparse
import csv
import datetime
import html
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


def egynews(only=None):
    """(name, source, date, headline, paragraphs) of every egynews2013 article
    (of those named in `only`, a set, when given)."""
    folder = CORPUS / "egynews2013" / "articles"
    with open(folder / "manifest.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        if only is not None and row["file"] not in only:
            continue
        text = decode_seed((folder / row["file"]).read_bytes()).text
        parsed = parse_seed(text, row["file"])
        date = datetime.date.fromisoformat(row["date"][:10]) if row["date"] else None
        yield row["file"], row["source"], date, row["title"] or parsed.title, parsed.paragraphs


def saudinewsnet(only=None):
    """The same for the SaudiNewsNet dump (records named as the build names them)."""
    path = CORPUS / "saudinewsnet" / "saudinewsnet.jsonl"
    with open(path, encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            name = record_name(path.name, n)
            if only is not None and name not in only:
                continue
            record = json.loads(line)
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


def trimmed(paragraphs, words, tail):
    """The text's first `words` words and its last `tail` (what lies between left out, counted)."""
    body = " ".join(paragraphs).split()
    if len(body) <= words + tail:
        return " ".join(body)
    return f"{' '.join(body[:words])} […{len(body) - words - tail} words…] {' '.join(body[-tail:])}"


def sides(pair, articles_by_name, words, tail):
    """((heading, text) of a, (heading, text) of b) of a pair."""
    shown = []
    for name in (pair["a"], pair["b"]):
        _, source, date, title, paragraphs = articles_by_name[name]
        length = len(" ".join(paragraphs).split())
        shown.append((f"{name} · {source} · {date or 'undated'} · {length} words — {title}",
                      trimmed(paragraphs, words, tail)))
    return shown


def show(number, pair, articles_by_name, words, tail):
    """The pair as text to read."""
    (head_a, text_a), (head_b, text_b) = sides(pair, articles_by_name, words, tail)
    return (f"## pair {number}: {pair['a']} | {pair['b']}\n[A] {head_a}\n    {text_a}\n"
            f"[B] {head_b}\n    {text_b}")


def show_html(pairs, articles_by_name, words, tail):
    """The pairs as one HTML page, the two texts of a pair side by side (right to left)."""
    rows = []
    for number, pair in enumerate(pairs, 1):
        cells = "".join(f"<td><b>{html.escape(head)}</b><p>{html.escape(text)}</p></td>"
                        for head, text in sides(pair, articles_by_name, words, tail))
        rows.append(f"<tr><th colspan=2>pair {number}: {html.escape(pair['a'])} | "
                    f"{html.escape(pair['b'])}</th></tr><tr>{cells}</tr>")
    return ("<!doctype html><meta charset=utf-8><title>pairs</title><style>td{vertical-align:top;width:50%;"
            "border:1px solid #999;padding:.5em}</style><table dir=rtl lang=ar>" + "".join(rows) + "</table>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", choices=("egynews", "saudinewsnet"))
    parser.add_argument("--seed", type=int)
    parser.add_argument("--out")
    parser.add_argument("--scale", type=float, default=1.0, help="times each bucket's count")
    parser.add_argument("--exclude", nargs="*", default=[], help="pairs files whose pairs are not drawn again")
    parser.add_argument("--show", metavar="FILE", help="print the pairs of a pairs file to read")
    parser.add_argument("--html", metavar="OUT", help="with --show: write them side by side to this HTML file")
    parser.add_argument("--words", type=int, default=200, help="with --show: first words of each text")
    parser.add_argument("--tail", type=int, default=60, help="with --show: last words of each text")
    args = parser.parse_args()
    if args.show:
        with open(args.show, encoding="utf-8") as handle:
            pairs = [json.loads(line) for line in handle]
        names = {n for p in pairs for n in (p["a"], p["b"])}
        load = saudinewsnet if any("#" in n for n in names) else egynews
        by_name = {a[0]: a for a in load(names)}
        if args.html:
            Path(args.html).write_text(show_html(pairs, by_name, args.words, args.tail), encoding="utf-8")
            print(f"{len(pairs)} pairs written to {args.html}")
        else:
            for number, pair in enumerate(pairs, 1):
                print(show(number, pair, by_name, args.words, args.tail) + "\n")
        return
    if not (args.corpus and args.seed is not None and args.out):
        parser.error("a draw needs the corpus, --seed and --out")
    articles = list(egynews() if args.corpus == "egynews" else saudinewsnet())
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
