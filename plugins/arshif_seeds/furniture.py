"""An archive's furniture, learned from the archive itself.

Every site wraps its articles in the same few lines: a byline or column name
at the top, a link back to the site, a sign-off or an agency stamp at the
bottom. What one archive's seeds have in common at their top and bottom is
that archive's furniture; what recurs nowhere is the article. Counts decide,
not site names, so an outlet never seen before is read as well as a known one.

A habit must be seen in at least MIN_ARTICLES articles that are not copies of
each other (wire copy repeats whole stories: a line that recurs only because
its article does is content) and in at least a share of the archive.
"""

import dataclasses
import functools
import hashlib
import math
import re
from collections import defaultdict

from .dates import numeric_order

TOP_LINES = 3
BOTTOM_LINES = 2
# Furniture lines are short; long lines that recur are copied stories.
LINE_MAX_WORDS = 15
# Openings (`رابط الخبر بصحيفة …: <title>`) are counted on lines up to this long.
OPENING_LINE_MAX_WORDS = 30
OPENING_WORDS = 3
MIN_ARTICLES = 4
LINE_SHARE = 0.005
OPENING_SHARE = 0.02
# A recurring line that reads as a sentence is furniture only when most of
# the archive carries it (a sign-off); otherwise it is a stock phrase of the news.
SENTENCE_SHARE = 0.2
# An opening is furniture when the lines it starts stay short on average and
# most of them are not sentences (`وجرى خلال اللقاء …` is a stock phrase of the news).
OPENING_MEAN_MAX_WORDS = 22
# A word group at the top that stands beside this many different others is a
# place, desk or outlet of the archive's bylines, not a writer.
HUB_PARTNERS = 3
SEGMENT_MAX_WORDS = 4
BYLINE_MAX_WORDS = 14
# A byline prefix (`تبوك: أحمد الحجيري: قال …`) stands within this many characters.
PREFIX_MAX_CHARS = 90
# A line under the headline this short, over a lead this long, sits in a byline's place.
BYLINE_SLOT_WORDS = 10
LEAD_WORDS = 12
# A habit of the archive's layout is trusted when this share of its seeds has it.
HABIT = 0.8

# Words after the last full sentence of a line: a trailer glued to the article's end.
ENDING_MAX_WORDS = 12
_SENTENCE_BREAK = re.compile(r"[.!?؟]\s+")
_DIGITS = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+")
_SENTENCE_END = re.compile(r"[^.][.!?؟]\s*$")
# What separates the parts of a byline: dashes, colons, bars, commas, brackets, quotes.
SEPARATORS = re.compile(r"\s+[-–—ـ_]+\s*|\s*[-–—_]+\s+|[:|،,()\[\]«»“”\"/]|(?<=\S)[-–—]+(?=\S)")


def line_key(line: str) -> str:
    """A line with its numbers folded, so `13:37 ت م` and `18:07 ت م` are one habit."""
    return _DIGITS.sub("0", " ".join(line.split()))


# In a line that may be a headline, quotation marks quote (`مسرحيات «الحريم»`).
HEADLINE_SEPARATORS = re.compile(r"\s+[-–—ـ_]+\s*|\s*[-–—_]+\s+|[:|،,()\[\]]|(?<=\S)[-–—]+(?=\S)")


def segments(line: str, separators=SEPARATORS) -> list[str]:
    """The word groups of a byline-like line, separators dropped."""
    return [" ".join(part.split()) for part in separators.split(line) if part and part.strip()]


def glued_tail(line: str) -> int | None:
    """Where the words after the last full sentence of `line` start
    (`… بالكامل. لمزيد من الأخبار تابعوا صحيفة المرصد`), or None."""
    line = line.rstrip()
    breaks = list(_SENTENCE_BREAK.finditer(line))
    if not breaks:
        return None
    start = breaks[-1].end()
    return start if 2 <= len(line[start:].split()) <= ENDING_MAX_WORDS else None


def is_sentence(line: str) -> bool:
    return len(line.split()) >= 4 and bool(_SENTENCE_END.search(line))


@dataclasses.dataclass(frozen=True)
class Profile:
    """What one source's seeds have taught: the lines and openings that are furniture."""

    articles: int = 0
    # Whole lines (by `line_key`) that are furniture at the top or bottom.
    lines: frozenset = frozenset()
    # (zone, first OPENING_WORDS words) of furniture lines, zone "top" or "bottom".
    openings: frozenset = frozenset()
    # Word groups that recur in top lines beside many others: places, desks, outlets.
    hubs: frozenset = frozenset()
    # First lines (by `line_key`) on a HABIT share of the seeds: the site's masthead,
    # which says nothing about any one article (a column name recurs in fewer).
    masthead: frozenset = frozenset()
    # Trailers (by `line_key`) glued after the last sentence of many seeds (`glued_tail`).
    endings: frozenset = frozenset()
    # The archive writes numeric dates month first (03/25/2014): its short top and
    # bottom lines show more dates that can only be m/d than ones that can only be d/m.
    month_first: bool = False
    # Share of seeds whose first line is short and not a sentence: a headline.
    headline_first: float = 0.0
    # Share of seeds whose second line is short, not a sentence, over a long
    # paragraph: the archive puts a byline under its headlines.
    byline_second: float = 0.0

    def is_line(self, line: str) -> bool:
        return line_key(line) in self.lines

    def is_masthead(self, line: str) -> bool:
        return line_key(line) in self.masthead

    def ending(self, line: str) -> int | None:
        """Where a learned trailer glued to `line` starts, or None."""
        start = glued_tail(line)
        return start if start is not None and line_key(line[start:]) in self.endings else None

    def opening(self, line: str, zone: str) -> bool:
        words = line_key(line).split()
        return (len(words) <= OPENING_LINE_MAX_WORDS
                and (zone, " ".join(words[:OPENING_WORDS])) in self.openings)

    @functools.cached_property
    def stamp(self) -> str:
        """Changes exactly when what was learned changes (cached parses depend on it)."""
        text = repr((sorted(self.lines), sorted(self.openings), sorted(self.hubs), sorted(self.masthead),
                     sorted(self.endings),
                     self.headline_first >= HABIT, self.byline_second >= HABIT, self.month_first))
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    def summary(self) -> dict:
        return {"articles": self.articles, "furniture_lines": sorted(self.lines),
                "furniture_openings": sorted(f"{zone}: {opening} …" for zone, opening in self.openings),
                "byline_words": sorted(self.hubs), "masthead": sorted(self.masthead),
                "furniture_endings": sorted(f"… {ending}" for ending in self.endings),
                "month_first": self.month_first,
                "headline_first": round(self.headline_first, 3),
                "byline_second": round(self.byline_second, 3)}


EMPTY = Profile()


def sketch(text: str) -> str:
    """The lines of a normalised text that `learn` looks at: its top and bottom, and its
    longest line (which tells copies apart). Short texts are kept whole."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) <= TOP_LINES + BOTTOM_LINES + 1:
        return "\n".join(lines)
    longest = max(lines[TOP_LINES:-BOTTOM_LINES], key=len)
    return "\n".join(lines[:TOP_LINES] + [longest] + lines[-BOTTOM_LINES:])


# A spaced dash (`الخرطوم (ومن) - قال …`) may end a byline before the lead too.
PREFIX_DASH = re.compile(r"(?<=[^\s\d])\s+[-–—ـ_]+\s+")
DASH_PREFIX_MAX_WORDS = 6


def _prefix(line):
    """What stands before a lead's first colon (`فلان- صحيفة- جدة: …`), when byline-short,
    else before its last spaced dash among its opening words (`الخرطوم (ومن) - …`)."""
    colon = line.find(":", 0, PREFIX_MAX_CHARS)
    if colon > 0 and len(line[:colon].split()) <= BYLINE_MAX_WORDS:
        return line[:colon]
    heads = [line[:dash.start()] for dash in PREFIX_DASH.finditer(line[:PREFIX_MAX_CHARS])]
    heads = [head for head in heads if 0 < len(head.split()) <= DASH_PREFIX_MAX_WORDS]
    return heads[-1] if heads else ""


def learn(texts) -> Profile:
    """Learn one source's furniture from its seeds' normalised texts (an iterable)."""
    line_support = defaultdict(set)
    first_support = defaultdict(set)
    ending_support = defaultdict(set)
    opening_support = defaultdict(set)
    opening_words = defaultdict(int)
    opening_lines = defaultdict(int)
    opening_sentences = defaultdict(int)
    # Byline word groups, apart for the first line (a headline, where the archive has them).
    segment_support = (defaultdict(set), defaultdict(set))
    partners = (defaultdict(set), defaultdict(set))
    count = headline_first = byline_second = date_order = 0
    for text in texts:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if not lines:
            continue
        count += 1
        first = lines[0]
        headline_first += len(first.split()) <= 35 and not is_sentence(first)
        byline_second += (len(lines) > 2 and len(lines[1].split()) <= BYLINE_SLOT_WORDS
                          and not is_sentence(lines[1]) and len(lines[2].split()) >= LEAD_WORDS)
        # Copies of one story count once: the article is known by its longest line.
        copy = hash(max(lines, key=len))
        if len(first.split()) <= LINE_MAX_WORDS:
            first_support[line_key(first)].add(copy)
        tail = glued_tail(lines[-1]) if len(lines) > 1 else None
        if tail is not None:
            ending_support[line_key(lines[-1][tail:])].add(copy)
        top = range(min(TOP_LINES, len(lines)))
        # A short article's last lines are both: its top and its bottom.
        bottom = range(max(1, len(lines) - BOTTOM_LINES), len(lines))
        for zone, indexes in (("top", top), ("bottom", bottom)):
            for index in indexes:
                key = line_key(lines[index])
                words = key.split()
                if len(words) <= OPENING_LINE_MAX_WORDS:  # bylines and stamps, not the story
                    date_order += numeric_order(lines[index])
                if len(words) <= LINE_MAX_WORDS:
                    line_support[key].add(copy)
                if OPENING_WORDS < len(words) <= OPENING_LINE_MAX_WORDS:
                    opening = (zone, " ".join(words[:OPENING_WORDS]))
                    opening_support[opening].add(copy)
                    opening_words[opening] += len(words)
                    opening_lines[opening] += 1
                    opening_sentences[opening] += is_sentence(key)
                byline = lines[index] if len(words) <= BYLINE_MAX_WORDS else _prefix(lines[index])
                if zone == "top" and byline:
                    parts = [p for p in segments(byline) if len(p.split()) <= SEGMENT_MAX_WORDS]
                    first_line = index == 0
                    for part in parts:
                        segment_support[first_line][part].add(copy)
                        partners[first_line][part].update(p for p in parts if p != part)
    if not count:
        return EMPTY

    def often(support, share):
        return len(support) >= max(MIN_ARTICLES, math.ceil(share * count))

    lines = frozenset(
        key for key, support in line_support.items()
        if often(support, SENTENCE_SHARE if is_sentence(key) else LINE_SHARE)
    )
    openings = frozenset(
        opening for opening, support in opening_support.items()
        if often(support, OPENING_SHARE)
        and opening_words[opening] / opening_lines[opening] <= OPENING_MEAN_MAX_WORDS
        and opening_sentences[opening] * 2 < opening_lines[opening]
    )
    headlines = headline_first / count >= HABIT
    hubs = frozenset(
        part for first_line in ((False,) if headlines else (False, True))
        for part, support in segment_support[first_line].items()
        if often(support, LINE_SHARE) and len(partners[first_line][part]) >= HUB_PARTNERS
    )
    masthead = frozenset(key for key, support in first_support.items() if often(support, HABIT))
    endings = frozenset(key for key, support in ending_support.items()
                        if often(support, SENTENCE_SHARE if is_sentence(key) else OPENING_SHARE))
    return Profile(articles=count, lines=lines, openings=openings, hubs=hubs, masthead=masthead,
                   month_first=date_order < 0, endings=endings,
                   headline_first=headline_first / count, byline_second=byline_second / count)
