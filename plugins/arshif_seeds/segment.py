"""Sentences and paragraphs: a seed saved as one long line becomes readable paragraphs.

Real paragraph breaks in a seed are kept; only a very long line is cut, at
sentence ends, into paragraphs of a few sentences.
"""

import re

# A sentence end: terminal punctuation, optional closing quotes/brackets, a space.
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”’)\]]*(?=\s)")
# No split after a one-letter abbreviation (`د. محمد`) or before an initial («خالد. ح»).
_NEXT_IS_INITIAL = re.compile(r"\s+[^\W\d](?:[.»\"”]|\s|$)")

PARAGRAPH_MIN_WORDS = 60
# A line longer than this is cut into paragraphs; a seed whose body is a single
# line is cut from SINGLE_LINE_SPLIT_WORDS.
LONG_LINE_WORDS = 250
SINGLE_LINE_SPLIT_WORDS = 120
TAIL_MIN_WORDS = 25


def split_sentences(text: str) -> list[str]:
    """Split `text` after sentence-final punctuation; the pieces rejoin to the text."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and (
            _is_initial(text, start, match.start()) or _NEXT_IS_INITIAL.match(text, end)
        ):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def make_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs from the body's lines: each line kept, overlong lines cut at sentence ends."""
    lines = [line.strip() for line in lines if line.strip()]
    limit = SINGLE_LINE_SPLIT_WORDS if len(lines) == 1 else LONG_LINE_WORDS
    paragraphs = []
    for line in lines:
        if word_count(line) > limit:
            paragraphs.extend(_group_sentences(split_sentences(line)))
        else:
            paragraphs.append(line)
    return paragraphs


def word_count(text: str) -> int:
    return len(text.split())


def _is_initial(text, start, stop):
    """True when the token just before `stop` is a single letter."""
    token = text[max(start, text.rfind(" ", start, stop) + 1) : stop]
    return len(token) == 1 and token.isalpha()


def _group_sentences(sentences):
    groups, current, words = [], [], 0
    for sentence in sentences:
        current.append(sentence)
        words += word_count(sentence)
        if words >= PARAGRAPH_MIN_WORDS:
            groups.append(current)
            current, words = [], 0
    if current:
        if groups and words < TAIL_MIN_WORDS:
            groups[-1].extend(current)
        else:
            groups.append(current)
    return [" ".join(group) for group in groups]
