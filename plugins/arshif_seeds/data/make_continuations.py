"""Build continuations.tsv: how Arabic news prose goes on after a word, for `lead_headline`.

A headline cut right after a word that writers almost never end a clause on, or before
the preposition the word governs (`تفكر في`, `إحالة … إلى`, `حمّل … المسؤولية … عن`),
leaves the word without its complement. Whether a word wants one is general language
knowledge (valency), learnt here from running text, not written as a word list:

- `n`: occurrences of the word (as `keywords.fold` spells it, punctuation stripped);
- `end`: share of them that end a clause (punctuation or the paragraph's end right after);
- `next`, `next_share`: the preposition that most often comes right after the word, and its share;
- `gov`, `gov_share`: the preposition that most often comes within the next
  GOVERNED_WINDOW words of the same clause, and the share of the word's clauses that have it;
- `after_prep`: share of the occurrences right after a preposition (a word with an
  accusative ending, `شخصا`, almost never comes there: a preposition takes the genitive);
- `opens`: share of the occurrences that open a sentence (a line's first word, or the first after
  a sentence end): news sentences open with their verb (`اجتمع`, `أطلق`, `تم`), so a word that opens
  many of them starts a clause wherever it comes (and a lead that opens with it is verb-initial).

Only words seen MIN_COUNT times or more that some rule of `lead_headline` could use
are written (see `_useful`), most frequent first. Input: the development corpora
(egynews2013 text files, the SaudiNewsNet JSONL dump); the build never reads them.

Usage: .venv/bin/python plugins/arshif_seeds/data/make_continuations.py [CORPUS_DIR]
"""

import collections
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from arshif_seeds.keywords import fold  # noqa: E402
from arshif_seeds.lead_headline import (  # noqa: E402
    ACCUSATIVE_MAX_AFTER_PREPOSITION,
    GOVERNED_MIN_SHARE,
    GOVERNED_WINDOW,
    LEAD_VERB_MIN_SHARE,
    NEXT_MIN_SHARE,
    OPEN_MAX_END,
    preposition,
)

CORPUS = HERE.parents[3] / "shared" / "corpus"
OUTPUT = HERE / "continuations.tsv"
MIN_COUNT = 40
# A governed preposition is that much more frequent in the word's clauses than in all clauses.
GOV_MIN_LIFT = 2.0
MAX_WORDS = 20000

_CLAUSE_PUNCT = re.compile(r"[.،,؛;:!?؟]\W*$")
_SENTENCE_PUNCT = re.compile(r"[.!?؟]\W*$")
_STRIP = "«»“”\"()[]'.،,؛;:!?؟-–—…"
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


def texts(corpus):
    """The articles' texts: every egynews2013 file, every SaudiNewsNet record's `text`."""
    for path in sorted((corpus / "egynews2013" / "articles").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    with open(corpus / "saudinewsnet" / "saudinewsnet.jsonl", encoding="utf-8") as handle:
        for line in handle:
            yield json.loads(line).get("text") or ""


def count(corpus):
    """Per folded word: occurrences, clause ends, occurrences after a preposition, the prepositions right
    after it and within its clause; and each preposition's share of all clause windows (its base rate)."""
    n, end, after_prep = collections.Counter(), collections.Counter(), collections.Counter()
    opens = collections.Counter()
    following, governed = collections.defaultdict(collections.Counter), collections.defaultdict(collections.Counter)
    clauses_with = collections.Counter()  # for the base rate of each preposition in a window
    windows = 0
    for text in texts(corpus):
        for line in text.split("\n"):
            tokens = line.split()
            words = [fold(_MARKS.sub("", token).strip(_STRIP)) for token in tokens]
            ends = [bool(_CLAUSE_PUNCT.search(token)) for token in tokens]
            stops = [bool(_SENTENCE_PUNCT.search(token)) for token in tokens]
            preps = [preposition(word) for word in words]
            for i, word in enumerate(words):
                if not word or not word[0].isalpha():
                    continue
                n[word] += 1
                if not i or stops[i - 1]:
                    opens[word] += 1
                if i and preps[i - 1] and not ends[i - 1]:
                    after_prep[word] += 1
                if ends[i] or i + 1 == len(words):
                    end[word] += 1
                    continue
                if preps[i + 1]:
                    following[word][preps[i + 1]] += 1
                seen = set()
                for j in range(i + 1, min(len(words), i + 1 + GOVERNED_WINDOW)):
                    if preps[j]:
                        seen.add(preps[j])
                    if ends[j]:
                        break
                windows += 1
                for prep in seen:
                    governed[word][prep] += 1
                    clauses_with[prep] += 1
    return n, end, after_prep, opens, following, governed, {p: c / windows for p, c in clauses_with.items()}


def rows(n, end, after_prep, opens, following, governed, base):
    """The table's rows, most frequent word first (a governed share is of the word's non-final occurrences)."""
    for word, total in n.most_common():
        if total < MIN_COUNT:
            break
        open_ = total - end[word]
        # Ties go to the preposition first in spelling order, so that the table is reproducible.
        next_prep, next_count = (_by_count(following[word]) or [("-", 0)])[0]
        gov_prep, gov_share = "-", 0.0
        for prep, seen in _by_count(governed[word]):
            share = seen / open_ if open_ else 0.0
            if share >= GOVERNED_MIN_SHARE and share >= GOV_MIN_LIFT * base[prep]:
                gov_prep, gov_share = prep, share
                break
        row = (word, total, end[word] / total, next_prep, next_count / total, gov_prep, gov_share,
               after_prep[word] / total, opens[word] / total)
        if _useful(row):
            yield row


def _by_count(counter):
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def _useful(row):
    """What `lead_headline` reads: an open word before its usual preposition, a governor, an accusative,
    a clause opener."""
    word, _total, end, _next, next_share, gov, _gov_share, after_prep, opens = row
    return end <= OPEN_MAX_END and (next_share >= NEXT_MIN_SHARE or gov != "-") or (
        word.endswith("ا") and after_prep <= ACCUSATIVE_MAX_AFTER_PREPOSITION
    ) or opens >= LEAD_VERB_MIN_SHARE


def main():
    corpus = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    table = list(rows(*count(corpus)))[:MAX_WORDS]
    with open(OUTPUT, "w", encoding="utf-8") as handle:
        handle.write("word\tn\tend\tnext\tnext_share\tgov\tgov_share\tafter_prep\topens\n")
        for word, total, end, next_prep, next_share, gov, gov_share, after_prep, opens in table:
            handle.write(f"{word}\t{total}\t{end:.3f}\t{next_prep}\t{next_share:.3f}\t{gov}\t{gov_share:.3f}"
                         f"\t{after_prep:.3f}\t{opens:.3f}\n")
    print(f"{len(table)} words written to {OUTPUT}")


if __name__ == "__main__":
    main()
