"""How well the seed reader finds and makes headlines, measured on egynews2013.

1. Found: on the articles as they are, the share whose real headline (the
   manifest `title`) is extracted as the title, or as the kicker when a Youm7
   kicker sits above the headline (comparison on normalised words).
2. Made: on the same articles with their first line removed, word overlap
   (precision/recall/F1 of normalised words) between the headline made from
   the lead and the real one; beside it a naive baseline, the text's first
   90 characters cut at a word.

Usage: .venv/bin/python benchmarks/headline_eval.py [--corpus DIR] [--sample N] [--all]
"""

import argparse
import csv
import pathlib
import random
import re
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_seeds.lead_headline import shorten  # noqa: E402
from arshif_seeds.parse import parse_seed  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "egynews2013" / "articles"
SEED = 2013
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_FOLD = str.maketrans("أإآٱىةؤئ", "اااايهوي")
_WORD = re.compile(r"\w+")


def words(text):
    """Normalised words: no diacritics or tatweel, one alef, ى→ي, ة→ه, no punctuation."""
    return _WORD.findall(_MARKS.sub("", text).translate(_FOLD).lower())


def overlap(made, real):
    made_words, real_words = words(made), words(real)
    common = sum(min(made_words.count(w), real_words.count(w)) for w in set(made_words))
    precision = common / len(made_words) if made_words else 0.0
    recall = common / len(real_words) if real_words else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return precision, recall, f1


def load(corpus):
    with open(corpus / "manifest.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [row for row in rows if row["title"].strip()]


def found(parsed, real):
    real_words = words(real)
    return real_words in (words(parsed.title), words(parsed.kicker or ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=pathlib.Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--all", action="store_true", help="measure 'found' on every article too")
    args = parser.parse_args()
    rows = load(args.corpus)
    sample = random.Random(SEED).sample(rows, min(args.sample, len(rows)))

    texts = {row["file"]: (args.corpus / row["file"]).read_text(encoding="utf-8") for row in sample}
    started = time.process_time()
    hits = strict = 0
    misses = []
    for row in sample:
        parsed = parse_seed(texts[row["file"]], row["file"])
        hits += found(parsed, row["title"])
        strict += words(parsed.title) == words(row["title"])
        if not found(parsed, row["title"]):
            misses.append((row["file"], row["title"], parsed.title))
    parse_ms = (time.process_time() - started) * 1000 / len(sample)

    scores, naive, generated = [], [], 0
    for row in sample:
        text = texts[row["file"]].split("\n", 1)[-1]
        parsed = parse_seed(text, row["file"])
        generated += parsed.title_generated
        scores.append(overlap(parsed.title, row["title"]))
        naive.append(overlap(shorten(" ".join(text.split())), row["title"]))

    print(f"articles: {len(sample)} (random.Random({SEED}).sample of {len(rows)})")
    print(f"found (title or kicker): {100 * hits / len(sample):.1f}%  title only: {100 * strict / len(sample):.1f}%")
    print(f"parse_seed: {parse_ms:.2f} ms CPU/article")
    print(f"first line removed: generated {generated}/{len(sample)}")
    for label, results in (("made", scores), ("naive first 90 chars", naive)):
        print(f"  {label}:")
        for name, index in (("precision", 0), ("recall", 1), ("F1", 2)):
            values = [score[index] for score in results]
            print(f"    {name}: mean {statistics.mean(values):.3f}  median {statistics.median(values):.3f}")
    for file, real, title in misses[:10]:
        print(f"  miss {file}: real «{real}» got «{title}»")
    if args.all:
        hits = sum(
            found(parse_seed((args.corpus / row["file"]).read_text(encoding="utf-8"), row["file"]), row["title"])
            for row in rows
        )
        print(f"found on all {len(rows)} articles: {100 * hits / len(rows):.2f}%")


if __name__ == "__main__":
    main()
