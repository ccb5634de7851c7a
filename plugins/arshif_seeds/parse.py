"""A decoded seed text turned into the article's fields (pure: no Pelican, no I/O)."""

import dataclasses
import datetime
import re

from .boilerplate import Removed, strip_boilerplate
from .byline import LEAD_MIN_WORDS, byline_fields, extract_byline, publication_line, signature
from .dates import CALENDARS_AGREE_DAYS, find_date
from .furniture import EMPTY, is_sentence
from .headline import extract_headline
from .language import detect
from .lead_headline import make_headline
from .normalize import normalize_text
from .segment import make_paragraphs, split_sentences, word_count

SUMMARY_WORDS = 40
SUMMARY_MAX_WORDS = 55
_STEM = re.compile(r"\.[^.]*$")
_TRAILING_PUNCT = re.compile(r"[\s.،,:;؛\-–—]+$")


@dataclasses.dataclass
class ParsedSeed:
    title: str
    kicker: str | None
    title_generated: bool
    author: str | None
    agency: str | None
    place: str | None
    date: datetime.date | None
    paragraphs: list[str]
    summary: str
    word_count: int
    lang: str
    dir: str
    removed: list[Removed]
    warnings: list[str]


def parse_seed(text: str, filename: str, profile=EMPTY, today=None, title=None) -> ParsedSeed:
    """Headline, byline, date, paragraphs and summary of one seed's text.

    `profile` is what the seed's archive taught about its furniture
    (`furniture.learn`); `today` bounds the dates a dateline may give; `title`,
    when the seed's record gives one, means the text is the body alone (a first
    line that repeats it is dropped).
    """
    lines = normalize_text(text).split("\n")
    kept, removed = strip_boilerplate(lines, profile)
    if title:
        title, kicker, after = " ".join(normalize_text(title).split()), None, kept
    else:
        title, kicker, after = extract_headline(kept, profile)
    after = _without_repeated_title(title, after, removed)
    meta, rest = extract_byline(after, profile, under_headline=title is not None)
    removed.extend(Removed("byline", raw) for raw in _taken_off(after, rest))
    if title and not meta and rest == after:
        meta, rest = _byline_under_deck(after, profile, removed)
    rest = _closing_lines(rest, meta, removed)
    paragraphs = make_paragraphs(rest)
    warnings = []
    generated = title is None
    if generated:
        title = make_headline(" ".join(paragraphs[:3]))
    if not title:
        title = _STEM.sub("", filename.rsplit("/", 1)[-1]) or filename
        warnings.append("no text to make a headline from; the file name is the title")
    body_text = "\n".join(paragraphs)
    date = _publication_date(meta, today or datetime.date.today(), profile.month_first)
    lang, direction = detect(title + "\n" + body_text)
    return ParsedSeed(
        title=title,
        kicker=kicker,
        title_generated=generated,
        author=meta.get("author"),
        agency=meta.get("agency"),
        place=meta.get("place"),
        date=date,
        paragraphs=paragraphs,
        summary=make_summary(paragraphs),
        word_count=sum(word_count(p) for p in paragraphs),
        lang=lang,
        dir=direction,
        removed=removed,
        warnings=warnings,
    )


def _without_repeated_title(title, lines, removed):
    """The body's first line is dropped when it repeats the headline (a scraper took both),
    unless a short line that is no sentence follows (a poem's first verse is its title too)."""
    body = [i for i, line in enumerate(lines) if line.strip()]
    first = body[0] if body else None
    after = lines[body[1]] if len(body) > 1 else ""
    verse = (after and len(after.split()) < LEAD_MIN_WORDS and not is_sentence(after)
             and not byline_fields(after))
    if title and first is not None and " ".join(lines[first].split()) == title and not verse:
        removed.append(Removed("repeated_headline", lines[first].strip()))
        return lines[first + 1:]
    return lines


# A subtitle under the headline is shorter than this.
DECK_MAX_WORDS = 25


def _byline_under_deck(lines, profile, removed):
    """A subtitle under the headline, then the byline (`كتب - فلان`): the byline is read,
    the subtitle stays the body's first line."""
    body = [line for line in lines if line.strip()]
    if len(body) < 3 or is_sentence(body[0]) or len(body[0].split()) > DECK_MAX_WORDS:
        return {}, lines
    meta, rest = extract_byline(body[1:], profile)
    if not meta or rest != body[len(body) - len(rest):]:
        return {}, lines  # nothing, or a prefix of a line (`- فلان: …` in a list of quotes)
    removed.extend(Removed("byline", raw) for raw in _taken_off(body[1:], rest))
    return meta, [body[0], *rest]


# A publication line and a signature may both close an article.
CLOSING_LINES = 2


def _closing_lines(lines, meta, removed):
    """A closing `نشر في: …` line dates the article and a closing signature (`بقلم: فلان`)
    names its writer (when the top did not); neither is body text."""
    body = [line for line in lines if line.strip()]
    for _ in range(CLOSING_LINES):
        if len(body) < 2:
            break
        dated = publication_line(body[-1])
        # A signature stands under the last sentence (a list of names ends in a name too).
        signed = {} if dated or not is_sentence(body[-2]) else signature(body[-1])
        if not (dated or signed):
            break
        removed.append(Removed("publication_line" if dated else "byline", body.pop().strip()))
        if dated:
            dated["closing_text"] = dated.pop("date_text")
        for key, value in (dated or signed).items():
            if key != "byline":
                meta.setdefault(key, value)
        lines = body
    return lines


def _publication_date(meta, today, month_first):
    """The date of the top's dateline or publication line, else of the closing one; none when
    they contradict each other, when it is in the future or later than the last update."""
    def read(key):
        return find_date(meta[key], month_first) if meta.get(key) else None
    top, closing, updated = read("date_text"), read("closing_text"), read("updated_text")
    if top and top == updated and closing:
        top = None  # the top gave only the last update, the closing line the publication
    if top and closing and abs((top - closing).days) > CALENDARS_AGREE_DAYS:  # (a Hijri one may be off)
        return None
    date = top or closing
    if not date or date > today or (updated and date > updated):
        return None
    return date


def make_summary(paragraphs: list[str]) -> str:
    """The first sentences, about SUMMARY_WORDS words, cut at a sentence or word boundary."""
    chosen, words = [], 0
    for sentence in (s for paragraph in paragraphs for s in split_sentences(paragraph)):
        count = word_count(sentence)
        if chosen and words + count > SUMMARY_MAX_WORDS:
            break
        chosen.append(sentence)
        words += count
        if words >= SUMMARY_WORDS:
            break
    if words > SUMMARY_MAX_WORDS:
        return shorten_words(" ".join(chosen), SUMMARY_WORDS)
    return " ".join(chosen)


def shorten_words(text: str, limit: int) -> str:
    """The first `limit` words of `text` with an ellipsis."""
    return _TRAILING_PUNCT.sub("", " ".join(text.split()[:limit])) + "…"


def _taken_off(before, after):
    """The text extract_byline took off the top of the body (whole lines or a prefix)."""
    before = [line for line in before if line.strip()]
    after = [line for line in after if line.strip()]
    cut = len(before) - len(after)
    taken = before[:cut]
    if after and before[cut] != after[0]:
        taken.append(before[cut][: len(before[cut]) - len(after[0])].strip())
    return taken
