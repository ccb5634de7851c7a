"""Bylines, agency lines and datelines at the top of an article become metadata.

`كتب - محمد شعبان:`, `(أ ش أ)`, `القاهرة - أ ش أ:`, `واشنطن (رويترز) -`,
`بكين 4 ديسمبر 2021 (شينخوا) -`: who wrote it, which agency, where and when.
They are not body text, so they are taken off the top of the body.
"""

import re

# Arabic letters (no tatweel: names and places are not stretched).
_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_WIRE_NAMES = [
    r"[أا] ?\.? ?ش ?\.? ?[أا]", r"[أا] ?\.? ?ف ?\.? ?ب", r"د ?\.? ?ب ?\.? ?[أا]",
    "رويترز", "فرانس برس", "شينخوا", "واس", "قنا", "وام", "كونا", "بترا", "سانا", "واج",
    "[اأ]لأناضول", "الاناضول", "يو بي [آا]ي", "[أا]سوشيتد برس", "وكالات",
    r"بي ?\.? ?بي ?\.? ?سي", "CNN", "BBC", "AFP", "Reuters", "AP",
]
# News sites that sign their own stories (`عمر إبراهيم – عين اليوم`).
_SITE_NAMES = ["متابعات", "مصراوي", "الوئام", "سبق", "عين اليوم", "بوابة الأهرام", "الشرق الأوسط"]
_AGENCY = "(?:" + "|".join(_WIRE_NAMES + _SITE_NAMES) + ")"
_WIRE = re.compile("^(?:" + "|".join(_WIRE_NAMES) + ")$")
_AGENCY_ONLY = re.compile(f"^{_AGENCY}$")
# "agencies", "follow-ups": a named source next to them is the better one.
_GENERIC_SOURCES = frozenset({"وكالات", "متابعات"})
_DASH = "[-–—ـ_]"
_PLACE = rf"[{_AR}]+(?: [{_AR}]+){{0,2}}"
# A place with its country: `صنعاء، اليمن` or `الموصل (العراق)`.
_PLACE_FULL = rf"{_PLACE}(?:\s*[،,]\s*{_PLACE}|\s*\({_PLACE}\))?"
_DATE = r"\d{1,2}\s+[^\s\d()]+(?:\s+[^\s\d()]+)?\s+\d{4}"

_AUTHOR_LINE = re.compile(
    rf"^(?:(?:كتب|كتبت|كتبه|كتبها|كتبوا|بقلم)\s*(?:{_DASH}+|:)"
    rf"|(?:ترجمة|إعداد|اعداد|تقرير|متابعة|حوار|تصوير)\s*{_DASH}+)"
    rf"\s*(?P<author>[^:\d]{{2,60}}?)\s*:?$"
)
_AUTHOR_PREFIX = re.compile(rf"^(?:كتب|كتبت)\s*{_DASH}+\s*(?P<author>[^:،.]{{2,40}}?)\s*:\s*")
_AGENCY_LINE = re.compile(rf"^[(\[]?\s*(?P<agency>{_AGENCY})\s*[)\]]?\s*:?$")
_PLACE_AGENCY_LINE = re.compile(
    rf"^(?P<place>{_PLACE_FULL})\s*{_DASH}+\s*[(\[]?\s*(?P<agency>{_AGENCY})\s*[)\]]?\s*:?$"
)
_AGENCY_PLACE_LINE = re.compile(
    rf"^(?:Next Previous\s+)?(?P<agency>{_AGENCY})\s*{_DASH}+\s*(?P<place>{_PLACE})\s*:?$"
)
_AUTHOR_AGENCY_LINE = re.compile(
    rf"^(?P<author>[{_AR}]+(?: [{_AR}]+){{1,3}})\s*{_DASH}+\s*(?P<agency>{_AGENCY})"
    rf"(?:\s*{_DASH}+\s*(?P<place>{_PLACE}))?\s*:?$"
)
_NAME = rf"(?!ال)[{_AR}]+(?: [{_AR}]+){{1,2}}"
_PLACE_AUTHOR_LINE = re.compile(
    rf"^(?:(?P<place>{_PLACE})\s*{_DASH}+\s*(?P<author>{_NAME})\s*:"
    rf"|(?P<city>[{_AR}]+)\s*{_DASH}+\s*(?P<writer>{_NAME}))$"
)
# Several writers: `رانا وجدى - إيمان عبدالنبى`.
_AUTHORS_LINE = re.compile(rf"^(?P<author>{_NAME}(?:\s*(?:{_DASH}+|،|,)\s*{_NAME})+)\s*:?$")
# A dateline opening the first paragraph: `واشنطن (رويترز) - قال …`.
_DATELINE_PREFIX = re.compile(
    rf"^(?P<place>{_PLACE_FULL})\s*[،,]?\s*(?:في\s+)?(?P<date>{_DATE})?\s*"
    rf"\(\s*(?P<agency>{_AGENCY})\s*\)\s*(?:{_DASH}+|:)\s*"
)
_PLACE_AGENCY_PREFIX = re.compile(
    rf"^(?P<place>{_PLACE})\s*{_DASH}+\s*\(?\s*(?P<agency>{_AGENCY})\s*\)?\s*:\s*"
)
# Sabq style: `ماجد الرفاعي- سبق- جدة: أعلنت …` or `سبق - محمد أبو شعر: …`.
_AUTHOR_AGENCY_PREFIX = re.compile(
    rf"^(?P<author>[{_AR}]+(?: [{_AR}]+){{1,3}})\s*{_DASH}+\s*(?P<agency>{_AGENCY})"
    rf"(?:\s*{_DASH}+\s*(?P<place>{_PLACE}))?\s*:\s*"
)
_AGENCY_PLACE_PREFIX = re.compile(rf"^(?P<agency>{_AGENCY})\s*{_DASH}+\s*(?P<place>{_PLACE})\s*:\s*")
# A name alone on a line (`مروة على`): two to four words, not a phrase.
_NAME_LINE = re.compile(rf"^(?!ال)[{_AR}]+(?: [{_AR}]+){{1,3}}$")
_NOT_IN_NAMES = frozenset(
    "في فى من إلى الى عن مع بعد قبل حول ضد بين هل لا لم لن ما و أو ثم".split()
)
_LINE_PATTERNS = (
    _AUTHOR_LINE, _AGENCY_LINE, _PLACE_AGENCY_LINE, _AGENCY_PLACE_LINE, _AUTHOR_AGENCY_LINE,
    _PLACE_AUTHOR_LINE, _AUTHORS_LINE,
)
_PREFIX_PATTERNS = (
    _DATELINE_PREFIX, _PLACE_AGENCY_PREFIX, _AUTHOR_PREFIX, _AUTHOR_AGENCY_PREFIX, _AGENCY_PLACE_PREFIX,
)
MAX_BYLINE_LINES = 3
# Bylines and datelines are short: longer text is not scanned for them.
BYLINE_MAX_CHARS = 150
LEAD_MIN_WORDS = 12


def extract_byline(lines: list[str]) -> tuple[dict, list[str]]:
    """Metadata (author, agency, place, date_text) from the top of `lines`, and the rest."""
    meta = {}
    index, seen = 0, 0
    while index < len(lines) and seen < MAX_BYLINE_LINES:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        seen += 1
        found = _whole_line(line, lines[index + 1 :], first=seen == 1)
        if not found:
            rest = _strip_prefix(line, meta)
            if rest is not None:
                return meta, [rest, *lines[index + 1 :]] if rest else lines[index + 1 :]
            break
        for key, value in found.items():
            meta.setdefault(key, value)
        index += 1
    return meta, lines[index:]


def split_dateline(text: str) -> tuple[dict, str]:
    """A dateline or byline at the start of `text` as metadata, and the text after it."""
    meta = {}
    rest = _strip_prefix(text, meta)
    return meta, text if rest is None else rest


def _whole_line(line, following, first):
    found = byline_fields(line)
    if found:
        return found
    if first and is_name(line) and _lead_follows(following):
        return {"author": line}
    return {}


def byline_fields(line: str) -> dict:
    """The fields of `line` when the whole line is a byline, agency or dateline, else {}."""
    if len(line) > BYLINE_MAX_CHARS:
        return {}
    for pattern in _LINE_PATTERNS:
        match = pattern.match(line)
        if match:
            return _who_and_where(_clean(match.groupdict()))
    return {}


def _strip_prefix(line, meta):
    for pattern in _PREFIX_PATTERNS:
        match = pattern.match(line[:BYLINE_MAX_CHARS])
        if match:
            for key, value in _who_and_where(_clean(match.groupdict())).items():
                meta.setdefault(key, value)
            return line[match.end() :]
    return None


def _clean(groups):
    names = {"date": "date_text", "city": "place", "writer": "author"}
    return {names.get(key, key): " ".join(value.split()) for key, value in groups.items() if value}


def _who_and_where(found):
    """`X - site` names the writer when X is a name rather than a one-word city."""
    for key in ("place", "author"):
        value = found.get(key, "")
        if _AGENCY_ONLY.match(value):
            del found[key]
            if found.get("agency") in _GENERIC_SOURCES:
                found["agency"] = value
    place = found.get("place", "")
    if " " in place and "author" not in found and not _WIRE.match(found.get("agency", "")):
        found["author"] = found.pop("place")
    return found


def is_name(line: str) -> bool:
    """Two to four words that can be a person's name, nothing else."""
    words = line.split()
    return (
        bool(_NAME_LINE.match(line))
        and not _NOT_IN_NAMES.intersection(words)
        and not any(word.startswith("و") for word in words[1:])
    )


def _lead_follows(following):
    for line in following:
        if line.strip():
            return len(line.split()) >= LEAD_MIN_WORDS
    return False
