"""The article's real headline, from the top of the text.

Most seeds start with their headline; some sites put a short kicker ending in
`..` or a column name above it. A seed without one (a scraped paragraph) gets
a headline written from its lead (`lead_headline`), decided in `parse`.
"""

import re

from .byline import LEAD_MIN_WORDS, byline_fields, is_name
from .furniture import EMPTY, HABIT
from .segment import split_sentences

HEADLINE_MAX_WORDS = 35
HEADLINE_MAX_CHARS = 250
# A line ending in a full stop is a sentence unless it is this short.
STOPPED_HEADLINE_MAX_WORDS = 9
# Headlines rarely have commas; a longer line with one is a sentence.
COMMA_HEADLINE_MAX_WORDS = 9
KICKER_MAX_WORDS = 15
# A headline printed under a byline or date has this many words, fewer than the line after it
# (a lead broken after its first word has one; an unpunctuated lead paragraph has more).
OVER_HEADLINE_MIN_WORDS = 3
OVER_HEADLINE_MAX_WORDS = 20

_KICKER_END = re.compile(r"(?:\.\.+|…)\s*$")
# A label over the headline (`عاجل`, `بالفيديو`): never a headline of its own.
_LABEL = re.compile(r"^(?:عاجل|خاص|حصري|بالفيديو|بالصور|فيديو|صور|تقرير|تحقيق|تحليل|حوار|رأي|breaking|exclusive)"
                    r"\s*[:!|\-–]?$", re.I)
_STOP_END = re.compile(r"(?<!\.)\.\s*$")
_COMMA = re.compile(r"،|,(?!\d)")
_LETTER = re.compile(r"[^\W\d_]")
# A headline broken over lines by a scraper: its line ends in a word no headline ends in
# (`افتتاح مستشفى جديد في` / `المنطقة الشرقية`). A short line under a whole headline is a
# caption or a name (`من جولات مكتب العمل`, `أوباما`), never joined.
_BROKEN_END = re.compile(r"(?:^|\s)(?:في|من|على|إلى|الى|عن|مع|و|أو|او|ثم|بين|لدى|عبر|خلال|حول|ضد|أن|ان|إن"
                         r"|التي|الذي|الذين|لـ|بـ)$")
BROKEN_LINE_MAX_WORDS = 10


def extract_headline(lines: list[str], profile=EMPTY) -> tuple[str | None, str | None, list[str]]:
    """(headline, kicker, the lines after them) from the article's top; (None, None, lines)
    when the text starts with its body (the caller writes a headline from the lead).

    A short line that recurs at the top of the archive's articles is a column
    name or a byline, not a headline; a line seen once is the headline.
    """
    lines = [line.strip() for line in lines if line.strip()]
    if len(lines) < 2:
        return None, None, lines
    lines = _joined_headline(lines, profile)
    first = lines[0]
    under = _joined_headline(lines[1:], profile)
    second = under[0]
    if len(under) > 1 and is_headline(second, profile) and (
        (_KICKER_END.search(first) and len(first.split()) <= KICKER_MAX_WORDS)
        or _LABEL.match(first) or (profile.is_line(first) and not _states(first, profile))
    ):
        return second, first, under[1:]
    if _headline_first(first, profile) and not _byline_over_lead(first, lines[1:], profile):
        return first, None, lines[1:]
    if (len(lines) > 2 and _states(first, profile)
            and OVER_HEADLINE_MIN_WORDS <= len(second.split()) <= OVER_HEADLINE_MAX_WORDS
            and len(second.split()) < len(lines[2].split())
            and is_headline(second, profile) and not _STOP_END.search(second)):
        # A byline or date printed over the headline: it is read with the lines under it.
        return second, None, [first, *lines[2:]]
    return None, None, lines


def _joined_headline(lines, profile):
    """`lines` with a headline broken over its first lines joined, when a lead follows it."""
    broken = 1
    while broken < len(lines) - 1 and _continues(lines[broken - 1], lines[broken], profile):
        broken += 1
    if broken == 1 or len(lines[broken].split()) < LEAD_MIN_WORDS:
        return lines
    joined = " ".join(lines[:broken])
    if not is_headline(joined, profile) or _states(lines[0], profile):
        return lines
    return [joined, *lines[broken:]]


def _continues(line, after, profile):
    """Whether `after` is the rest of the headline line `line` (both short, `line` broken)."""
    return (bool(_BROKEN_END.search(line)) and len(line.split()) <= BROKEN_LINE_MAX_WORDS
            and len(after.split()) <= BROKEN_LINE_MAX_WORDS and not _states(after, profile))


def _headline_first(line, profile):
    """In an archive whose seeds open with their headline, a long one with commas still is one."""
    if profile.headline_first >= HABIT:
        return (bool(_LETTER.search(line)) and len(line.split()) <= HEADLINE_MAX_WORDS
                and len(line) <= HEADLINE_MAX_CHARS and not _states(line, profile))
    return is_headline(line, profile)


def _byline_over_lead(first, rest, profile):
    """A writer's name alone over the lead, in an archive whose seeds do not start with headlines."""
    return (profile.headline_first < HABIT and is_name(first)
            and len(rest[0].split()) >= LEAD_MIN_WORDS)


def is_headline(line: str, profile=EMPTY) -> bool:
    """Short, not a sentence, not a byline: what a headline line looks like."""
    words = len(line.split())
    if not _LETTER.search(line) or words > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if _STOP_END.search(line) and (words > STOPPED_HEADLINE_MAX_WORDS or len(split_sentences(line)) > 1):
        return False
    if words > COMMA_HEADLINE_MAX_WORDS and _COMMA.search(line):
        return False
    return not _states(line, profile)


def _states(line, profile):
    """Whether `line` is a byline or dateline that says who, where or when.

    A recurring line that says none of that (a column name) may still be a title.
    """
    return bool(set(byline_fields(line, profile, strict=True)) - {"byline"})

