"""The article's headline: the real one from the top of the text, or one made from the lead.

Most seeds start with their headline; Youm7 puts a short kicker ending in `..`
above it. A seed without one (a scraped paragraph) gets a headline written from
its lead (`lead_headline`).
"""

import re

from .byline import byline_fields, extract_byline
from .lead_headline import make_headline
from .segment import split_sentences

HEADLINE_MAX_WORDS = 35
HEADLINE_MAX_CHARS = 250
# A line ending in a full stop is a sentence unless it is this short.
STOPPED_HEADLINE_MAX_WORDS = 9
# Headlines rarely have commas; a longer line with one is a sentence.
COMMA_HEADLINE_MAX_WORDS = 9
KICKER_MAX_WORDS = 15

_KICKER_END = re.compile(r"(?:\.\.+|…)\s*$")
_STOP_END = re.compile(r"(?<!\.)\.\s*$")
_COMMA = re.compile(r"،|,(?!\d)")
_LETTER = re.compile(r"[^\W\d_]")


def extract_headline(lines: list[str]) -> tuple[str, str | None, bool, list[str]]:
    """(title, kicker, generated, body_lines) from the article's lines."""
    lines = [line.strip() for line in lines if line.strip()]
    if len(lines) < 2:
        return make_headline(" ".join(lines)), None, True, lines
    first, second = lines[0], lines[1]
    if (
        len(lines) > 2
        and _KICKER_END.search(first)
        and len(first.split()) <= KICKER_MAX_WORDS
        and is_headline(second)
    ):
        return second, first, False, lines[2:]
    meta, body = extract_byline(lines)
    if is_headline(first) and not meta:
        return first, None, False, lines[1:]
    return make_headline(" ".join(body[:3])), None, True, lines


def is_headline(line: str) -> bool:
    """Short, not a sentence, not a byline: what a headline line looks like."""
    words = len(line.split())
    if not _LETTER.search(line) or words > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return False
    if _STOP_END.search(line) and (words > STOPPED_HEADLINE_MAX_WORDS or len(split_sentences(line)) > 1):
        return False
    if words > COMMA_HEADLINE_MAX_WORDS and _COMMA.search(line):
        return False
    return not byline_fields(line)

