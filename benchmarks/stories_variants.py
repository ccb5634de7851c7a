"""Same-story rules tried against the remaining false links (issue 10) and not kept.

Each variant patches `arshif_theme.stories` for one run of `story_groups` on
each corpus, parsed as `stories_eval.py --direct` parses it (no build), and
counts, per labelled set, SAME_TEXT pairs linked and RELATED + DIFFERENT
pairs linked. A variant is worth keeping only if it lowers the second without
lowering the first (SAME_TEXT >= 90 % where it is met today).

    python benchmarks/stories_variants.py [--write-results]
"""

import argparse
import datetime
import os
import platform
import sys
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "benchmarks")]

from arshif_theme import stories  # noqa: E402
from stories_eval import DATA, SETS, read_pairs  # noqa: E402
from stories_sample import egynews, saudinewsnet  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "stories_variants.md"
# What the table does not show: signals read on the linked labelled pairs (with
# throwaway scripts) that did not separate the false links from SAME_TEXT pairs.
NOTE = """
None is kept: each loses more SAME_TEXT links than it removes false ones, or
breaks the 90 % where it is met (story_pairs_heldout3). The false links left
are of three kinds on the SaudiNewsNet sets. An item opening a round-up, or a statement inside a report
adding other reactions (6 pairs), looks to every signal tried like the
SAME_TEXT pairs that set one part of an agency report against the whole (the
cabinet session, a royal order with the court's statement, an admission
notice with its list of papers): the length ratio, the share of the longer
text's rare words missing from the shorter, whether the part of the longer
text not covered by the shorter mentions the shorter's rare words (in 30-word
windows), the headlines' shared words (and the longer headline's words found
in the shorter text), the numbers of the two texts, and the lengths of the
word runs the two share (difflib). One outlet's template filled in on
consecutive days (forecasts, programmes) is the kind the last variant aims at,
but outlets also run their web text again in print the next day, rewritten as
much. Chains (3 pairs) join members that are each one report with a third;
every way tried of asking more of such members cuts more SAME_TEXT chains.
"""


@contextmanager
def patched(**functions):
    """`stories` with some functions replaced, put back afterwards."""
    saved = {name: getattr(stories, name) for name in functions}
    for name, function in functions.items():
        setattr(stories, name, function)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(stories, name, function)


def strict(compatible, same_story, sources):
    """Every two members of a group judged the same report (not only compatible)."""
    return {"compatible": lambda a, b, rare: same_story(a, b, rare)}


def shared_text(compatible, same_story, sources, share=0.5):
    """Two members not judged the same report directly share `share` of one's text."""
    def check(a, b, rare):
        return compatible(a, b, rare) and (
            max(stories.containment(a.shingles, b.shingles)) >= share or same_story(a, b, rare))
    return {"compatible": check}


def names_both_ways(compatible, same_story, sources, share=0.2):
    """Group members near in time hold `share` of each other's rare words, both ways."""
    def check(a, b, rare):
        if not compatible(a, b, rare):
            return False
        if stories.days_apart(a, b) > stories.MAX_DAYS:
            return True
        shorter, longer = (a, b) if len(a.distinct) <= len(b.distinct) else (b, a)
        names = stories.names_agreement(longer, shorter, rare)
        return names is None or names >= share
    return {"compatible": check}


def next_edition(compatible, same_story, sources, length=0.8):
    """One outlet's two texts 1 to MAX_DAYS days apart, alike in length (`length`)
    and not near-copies, are two days' reports (a template filled in again)."""
    def edition(a, b):
        source = sources[a._index]
        if not source or source != sources[b._index] or not 1 <= stories.days_apart(a, b) <= stories.MAX_DAYS:
            return False
        low = min(stories.containment(a.shingles, b.shingles))
        return low < stories.NEAR_COPY and min(a.words, b.words) >= length * max(a.words, b.words)
    return {"same_story": lambda a, b, rare: not edition(a, b) and same_story(a, b, rare),
            "compatible": lambda a, b, rare: not edition(a, b) and compatible(a, b, rare)}


VARIANTS = [
    ("rules as committed", None),
    ("complete linkage on the same-report judgement", strict),
    ("members not judged directly share half of one's text", shared_text),
    ("members near in time hold a fifth of each other's rare words", names_both_ways),
    ("one outlet's texts 1-2 days apart, alike in length, not near-copies: not one report", next_edition),
]


def count(groups, names, pairs):
    """(SAME_TEXT linked, SAME_TEXT, RELATED + DIFFERENT linked, RELATED + DIFFERENT) of labelled pairs."""
    story = {}
    for group in groups:
        members = {names[i] for i in group}
        for name in members:
            story[name] = members
    tally = Counter()
    for pair in pairs:
        kind = {"SAME_TEXT": "same", "RELATED": "wrong", "DIFFERENT": "wrong"}.get(pair["label"])
        if kind:
            tally[kind] += 1
            tally[kind + " linked"] += pair["b"] in story.get(pair["a"], ())
    return tally["same linked"], tally["same"], tally["wrong linked"], tally["wrong"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args()
    rows = {}
    for corpus, load in (("egynews", egynews), ("saudinewsnet", saudinewsnet)):
        articles = list(load())
        items = [("\n".join(a[4]), a[2].toordinal() if a[2] else None) for a in articles]
        names, sources = [a[0] for a in articles], [a[1] for a in articles]
        sets = [(name, read_pairs(DATA / name)[0]) for name, _, source in SETS if source == corpus]
        sketches = stories.Sketches()
        for label, variant in VARIANTS:
            functions = variant(stories.compatible, stories.same_story, sources) if variant else {}
            with patched(**functions):
                groups = stories.story_groups(items, sketches)
            sketches.cached.update(sketches.fresh)
            for name, pairs in sets:
                rows.setdefault(label, []).append((name, count(groups, names, pairs)))
            print(label, corpus, file=sys.stderr)
    names = [name for name, _ in rows[VARIANTS[0][0]]]
    lines = [
        "# Same-story rules tried and not kept (issue 10)",
        "",
        f"Command: `python benchmarks/stories_variants.py{' '.join([''] + sys.argv[1:])}`, run "
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {platform.machine()}, "
        f"{os.cpu_count()} cores shared with other jobs, CPython {platform.python_version()}. "
        "Each cell: SAME_TEXT pairs linked as one story; RELATED + DIFFERENT pairs linked as one story "
        "(the corpora parsed directly, as `stories_eval.py --direct` does).",
        "",
        "| variant | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for label, _ in VARIANTS:
        cells = [f"{a}/{b}; {c}/{d}" for _, (a, b, c, d) in rows[label]]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    text = "\n".join(lines) + "\n" + NOTE
    print(text)
    if args.write_results:
        RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
