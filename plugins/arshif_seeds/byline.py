"""Bylines, agency lines and datelines at the top of an article become metadata.

`كتب - محمد شعبان:`, `(أ ش أ)`, `القاهرة - أ ش أ:`, `واشنطن (رويترز) -`,
`تبوك: أحمد الحجيري`, `الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس`,
`الرياض - اللجنة الاعلامية | Tuesday, 11 August 2015 - 13:00 pm`: who wrote
it, which agency, where and when. They are not body text, so they are taken
off the top of the body.

A byline is read as word groups between separators. Each group must be
something a byline holds: a news agency, a place (a gazetteer of cities and
countries), a person (first word a known given name), or a word group the
archive's own bylines repeat beside many others (its desks and outlet, learned
by `furniture`). Only a person becomes the author: never a headline, a place,
a desk or an outlet.
"""

import re

from .dates import DATE_PHRASE, DAY_MONTH, RELATIVE_TIME, WEEKDAY
from .furniture import (BYLINE_SLOT_WORDS, DASH_PREFIX_MAX_WORDS, EMPTY, HEADLINE_SEPARATORS, LEAD_WORDS,
                        PREFIX_DASH, PREFIX_MAX_CHARS, SEPARATORS, is_sentence, segments)
from .lexicon import BYLINE_NAMES, BYLINE_PLACES

# Arabic letters (no tatweel: names and places are not stretched).
_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_WIRE_NAMES = [
    r"[أا] ?\.? ?ش ?\.? ?[أا]", r"[أا] ?\.? ?ف ?\.? ?ب", r"د ?\.? ?ب ?\.? ?[أا]",
    "رويترز", "فرانس برس", "شينخوا", "واس", "قنا", "وام", "كونا", "بترا", "سانا", "و[أا]ج",
    "APS", "MAP", "TAP", "SPA", "QNA", "KUNA", "WAM", "MENA", "INA", "SUNA", "dpa", "DPA", "Xinhua", "EFE",
    "Anadolu",
    "واع", "سونا", "سب[أا] ?نت", "سب[أا]", "وات", r"و ?\.? ?م ?\.? ?ع", "وفا", "بنا", "العمانية", "سبوتنيك",
    "[إا]رنا", "الوكالة الوطنية للإعلام", r"(?:ال)?وكالة (?:ال)?[أا]نباء(?: [\u0621-\u064a]+){1,2}",
    "[اأ]لأناضول", "الاناضول", "يو بي [آا]ي", "[أا]سوشيتد برس", "وكالات", "متابعات",
    r"بي ?\.? ?بي ?\.? ?سي", "CNN", "BBC", "AFP", "Reuters", "AP",
]
AGENCY = "(?:" + "|".join(_WIRE_NAMES) + ")"
_AGENCY = AGENCY
_WIRE = re.compile(f"^{_AGENCY}$")
# "agencies", "follow-ups": a named source next to them is the better one.
_GENERIC_SOURCES = frozenset({"وكالات", "متابعات"})
# A dash between a byline's parts (lead_headline ends a signature at one too).
DASH = "[-–—ـ_]"
# A place is one to three words, none of them `في` (`القاهرة في 12 مارس 2014`).
_PLACE = rf"[{_AR}]+(?: (?!في )[{_AR}]+){{0,2}}"
# A place with its country: `صنعاء، اليمن` or `الموصل (العراق)`.
_PLACE_FULL = rf"{_PLACE}(?:\s*[،,]\s*{_PLACE}|\s*\({_PLACE}\))?"

# `كتب - X:`, `بقلم X`, `ترجمة - X`: the line says who wrote it; `تحرير: X`,
# `تصوير - X` name who edited or photographed it, not its author.
# Titles before a writer's name (`د. فلان`, `الكاتبة فلانة`): not part of it.
_TITLE_WORDS = ("الدكتور|الدكتورة|المهندس|المهندسة|الأستاذ|الاستاذ|الأستاذة|الاستاذة|الشيخ|الكاتب|الكاتبة"
                "|الصحفي|الصحفية|الصحافي|الصحافية|الإعلامي|الإعلامية|الاعلامي|الاعلامية|الزميل|الزميلة")
_WROTE = "كتبوا|كتبها|كتبه|كتبت|كتب|بقلم"
_CREDITED = "ترجمة|إعداد|اعداد|تقرير|متابعة|حوار|[أا]جرى الحوار|[أا]جرت الحوار|حاوره|حاورها|حاورته"
_NOT_WRITTEN = "تحرير|تصوير|مراجعة|تدقيق|المحرر|تنسيق|[إا]خراج"
_AUTHOR_LINE = re.compile(
    rf"^(?:(?:{_WROTE})(?:\s+(?:{_TITLE_WORDS}))?(?P<marked>\s*(?:{DASH}+|:|/))?\s"
    rf"|(?:{_CREDITED}|(?P<credit>{_NOT_WRITTEN}))"
    rf"(?P<dashed>\s*(?:{DASH}+|:)))"
    rf"\s*(?P<author>[^:\d]{{2,60}}?)\s*:?$"
)
# Where the next of several credits on one line starts (`إعداد: X, تصوير : Y`).
_NEXT_CREDIT = re.compile(rf"(?:[\s,،|]|{DASH})+(?=(?:{_WROTE}|{_CREDITED}|{_NOT_WRITTEN})\s*(?:{DASH}+|:))")
# A dash between a byline's parts (not one joining words, nor the tatweel of `لـ`).
_DASHED = re.compile(rf"\s{DASH}+|[-–—_]+\s")
# `By Ahmed Salem`, `Par Karim Bouzid`, `Posted by admin`: a Latin-script byline (its
# author only a name: `admin`, `Rédaction` name nobody).
_BY_LATIN = re.compile(r"^(?:By|Par|(?:Posted|Written|Published|Publié|Rédigé)\s+(?:by|par))\s+"
                       r"(?P<who>[^,|–]{2,40}?)(?:\s*[,|–-]\s*[^,|]{2,40})?$")
# `كريم بوزيد - Karim Bouzid`: a name and its Latin spelling.
_TRANSLITERATED = re.compile(rf"^(?P<name>[{_AR} ]{{4,40}}?)\s*[-–|/]\s*(?P<latin>[^\u0600-\u06ff]{{4,40}})$")
# `مراسلنا في الرياض`: the outlet's correspondent, a place and nobody named.
_CORRESPONDENT = re.compile(rf"^(?:من\s+)?مراسل(?:نا|تنا|ة|و)?(?:\s+[{_AR}]+)?\s+(?:في|ب)\s*(?P<place>[{_AR} ]{{2,30}})$")
# `(رويترز) - قال …`: the agency alone before the lead.
_AGENCY_PREFIX = re.compile(rf"^[(\[]\s*(?P<agency>{_AGENCY})\s*[)\]]\s*(?:{DASH}+|:)\s*")
_AUTHOR_PREFIX = re.compile(rf"^(?:كتب|كتبت)\s*{DASH}+\s*(?P<author>[^:،.]{{2,40}}?)\s*:\s*")
# A dateline opening the first paragraph: `واشنطن (رويترز) - قال …`, `بكين 4 ديسمبر 2021 (شينخوا) -`.
_DATELINE_PREFIX = re.compile(
    rf"^(?P<place>{_PLACE_FULL})\s*[،,]?\s*(?:في\s+)?(?:(?P<date>{DATE_PHRASE})|{DAY_MONTH})?\s*"
    rf"\(\s*(?P<agency>{_AGENCY})\s*\)\s*(?:{DASH}+|:)\s*"
)
# `الرياض - واس - قال …`, `دبي – (وام) –`: a place and an agency before the lead.
_PLACE_AGENCY_PREFIX = re.compile(
    rf"^(?P<place>{_PLACE_FULL})\s*{DASH}+\s*[(\[]?\s*(?P<agency>{_AGENCY})\s*[)\]]?\s*(?:{DASH}+|:)\s*"
)
# `CAIRO, March 12, 2014 (AFP) -`: an English dateline (a date or an agency in it).
_LATIN_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){{0,2}})\s*(?:,\s*(?P<date>{DATE_PHRASE}))?\s*"
    rf"(?:\(\s*(?P<agency>{_AGENCY})\s*\))?\s*(?:{DASH}+|:)\s*"
)
# `الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس` (a line, or the start of one).
_DATED_PLACE = re.compile(
    rf"^(?P<place>{_PLACE})\s*(?:[،,:]|{DASH}+)?\s*(?:في\s+)?(?:{WEEKDAY}\s*[،,]?\s*)?(?P<date>{DATE_PHRASE})\.?\s*"
    rf"(?:(?:(?:{DASH}+|/)\s*)?[(\[]?\s*(?P<agency>{_AGENCY})\s*[)\]]?)?\s*(?:{DASH}+|:)?\s*"
)
# `(صنعاء - سبأ) - قال …`: place and agency in one pair of brackets.
_BRACKETED_DATELINE = re.compile(
    rf"^[(\[]\s*(?P<place>{_PLACE_FULL})\s*(?:{DASH}+|/|[،,])\s*(?P<agency>{_AGENCY})\s*[)\]]\s*(?:{DASH}+|:)?\s*"
)
# A byline that ends in a publication date: `… | Tuesday, 11 August 2015 - 16:10 pm`.
# (`Par X | Publié le 12/03/2014`, `Posted by X on March 12, 2014`: two words, or `on`/`le`.)
_DATED_TAIL = re.compile(
    rf"(?:\s*[|،,\-–]\s*(?:(?:[A-Za-zÀ-ÿ]+[,:]?\s*){{1,2}}|(?:يوم\s+)?(?:[{_AR}]+\s*[،,:]?\s*){{1,2}})?"
    rf"|\s+(?:on|le)\s+)(?P<date>{DATE_PHRASE})"
    r"(?:\s*[-–,]?\s*(?:à\s*|at\s*)?\d{1,2}[:h]\d{2}(?:\s*(?:[ap]\.?m\.?|ص|م))?)?\s*$",
    re.I,
)
# A relative time closing a byline (`كتب - فلان - منذ 3 ساعات`): cut off, it dates nothing.
_RELATIVE_TAIL = re.compile(rf"\s*[|،,\-–]\s*(?:{RELATIVE_TIME})\s*$", re.I)
# A line that is only a publication date: `نشر في: 10 أغسطس 2015`, `الثلاثاء 11 أغسطس 2015`.
_PUBLISHED = (r"(?:نشر|نُشر|تاريخ النشر|تم النشر|تاريخ الخبر|آخر تحديث|اخر تحديث|تم التحديث|"
              r"Published|Last updated|Updated|Posted|Publié|Mis à jour)(?:\s+(?:في|بتاريخ|on|le))?\s*:?\s*")
# A weekday (or any one word) before a publication line's date: `الأربعاء، 12 مارس 2014`.
_WEEKDAY = rf"(?:[{_AR}A-Za-z]+\s*[،,]?\s*)?"
# A clock time, after the date (`- 10:30 ص`, `الساعة 16:10 pm`) or before it.
# (With its time zone: `10:30 GMT`, `10:30 بتوقيت غرينتش`.)
_CLOCK_AT = (r"(?:(?:الساعة|à|at)\s*)?\d{1,2}(?::|h)\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|صباح[اًا]*|مساء[ًا]*|ص|م)(?![\w]))?"
             r"(?:\s*(?:GMT|UTC|بتوقيت(?:\s+[\u0621-\u064a]+){1,2})(?:\s*[+-]\s*\d{1,2})?)?"
             r"|T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?")
_CLOCK = rf"(?:\s*[-–,|]?\s*(?:{_CLOCK_AT}))?"
# A second stamp after the date (`… - آخر تحديث: 15/03/2014`): the first is the publication.
_UPDATED = r"(?:آخر تحديث|اخر تحديث|تم التحديث|Updated|Last updated|Mis à jour)"
_SECOND_STAMP = (rf"(?:\s*[-–|،,]\s*{_UPDATED}\b(?:\s*(?:في|on|le))?\s*:?\s*"
                 rf"(?:{_WEEKDAY}(?P<updated>{DATE_PHRASE}){_CLOCK}|.{{0,60}}))?")
_DATE_LINE = re.compile(rf"^(?P<stamp>{_PUBLISHED})?(?:(?:{_CLOCK_AT})\s*[-–,|]?\s*)?{_WEEKDAY}(?P<date>{DATE_PHRASE})"
                        rf"{_CLOCK}{_SECOND_STAMP}\s*$", re.I)
_UPDATE_STAMP = re.compile(_UPDATED, re.I)
# A line that says it is the publication date (`نشر في: 10/08/2015`), wherever it stands.
_PUBLICATION_LINE = re.compile(rf"^{_PUBLISHED}{_WEEKDAY}(?P<date>{DATE_PHRASE}){_CLOCK}{_SECOND_STAMP}\s*$", re.I)
# `خاص`, `حصري`: the outlet's own report, a byline word that names nobody.
_EXCLUSIVE = frozenset({"خاص", "حصري", "حصريا", "حصرياً"})
# A desk or a staff, not a person: `كتب - محرر الشؤون المحلية`, `فريق التحرير`.
_STAFF = frozenset("محرر المحرر محررو محررون مراسل المراسل مراسلة مراسلو مراسلون قسم فريق وحدة مكتب "
                   "هيئة أسرة اسرة خدمة إدارة ادارة".split())
_TITLES = re.compile(rf"^(?:د\.|د |م\.|(?:{_TITLE_WORDS})(?!\S))\s*")
_NOT_IN_NAMES = frozenset(
    "في فى من إلى الى عن مع بعد قبل حول ضد بين هل لا لم لن ما و أو ثم".split()
)
# Latin-script words that name a desk, not a person (`By Staff Writer`, `Par la Rédaction`).
_LATIN_STAFF = re.compile(r"\b(?:staff|writer|reporter|editor|editorial|desk|team|correspondent|agencies|news"
                          r"|admin|rédaction|redaction|correspondant|agences?)\b", re.I)
_LATIN_NAME = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ'’.-]+(?: [A-ZÀ-Þ][a-zß-ÿ'’.-]*){1,3}")
_QUOTED = re.compile(r"[«\"“][^»\"”]{1,40}[»\"”]")
MAX_BYLINE_LINES = 3
# Bylines and datelines are short: longer text is not scanned for them.
BYLINE_MAX_CHARS = 150
BYLINE_MAX_WORDS = 14
LEAD_MIN_WORDS = 12
# A line that may be the headline is a byline with an unnamed part only when this short.
STRICT_MAX_WORDS = 6
# An archive where this share of seeds has a short line under the headline puts bylines there.
BYLINE_HABIT = 0.3
# The longest word group of an unrecognised line in the byline place that is taken for a byline.
SLOT_PART_MAX_WORDS = 5
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_TANWEEN = re.compile("[\u064b-\u064d]")
# Diacritics, and tatweel inside a word (`بقلـــم`); a tatweel between words is a dash.
_WORD_MARKS = re.compile(f"[\u064b-\u0652\u0670]|(?<=[{_AR}])\u0640+(?=[{_AR}])")


def is_place(text: str) -> bool:
    return " ".join(text.split()) in BYLINE_PLACES


def is_name(text: str) -> bool:
    """Two to five words whose first is a given name (`عبد`/`أبو` + name allowed)."""
    words = _TITLES.sub("", " ".join(_MARKS.sub("", text).split())).split()
    if not 2 <= len(words) <= 5 or _NOT_IN_NAMES.intersection(words):
        return False
    if any(not re.fullmatch(f"[{_AR}]+", word) for word in words) or is_place(" ".join(words)):
        return False
    if _TANWEEN.search(text):
        return False  # `رئيسًا`: an indefinite noun or adverb, never part of a name
    first = words[0]
    return (first in BYLINE_NAMES or (first.startswith("عبد") and len(first) > 4)
            or (first in ("عبد", "أبو", "ابو", "أم", "ام") and len(words) > 2))


def _is_latin_name(text):
    """A name in Latin letters (`Karim Bouzid`), not a desk (`Staff Writer`)."""
    return bool(_LATIN_NAME.fullmatch(text)) and not _LATIN_STAFF.search(text)


def _namelike(part):
    """Up to three words of letters, none a particle: a name of something, not a phrase."""
    words = _MARKS.sub("", part).split()
    return (len(words) <= 3 and not _NOT_IN_NAMES.intersection(words)
            and all(re.fullmatch(f"[{_AR}]+", word) for word in words))


def _kind(part, profile, quoted):
    """What a byline word group is: agency, place, person, desk (learned), or None."""
    if _WIRE.match(part):
        return "agency"
    if part in _EXCLUSIVE:
        return "desk"
    if is_place(part):
        return "place"
    if is_name(part):
        return "person"
    if part in quoted or part in profile.hubs:
        return "desk"
    return None


def byline_fields(line: str, profile=EMPTY, strict=False) -> dict:
    """The fields of `line` when the whole line is a byline, agency or dateline, else {}.

    `strict` (for a line that may be the headline): every word group must be known.
    """
    line = line.strip()
    if len(line) > BYLINE_MAX_CHARS or not line:
        return {}
    whole = line
    fields = {}
    dated = _DATED_PLACE.fullmatch(line)
    if dated and (dated["agency"] or _known_place(dated["place"], profile)):
        return _clean({"place": dated["place"], "date_text": dated["date"], "agency": dated["agency"]})
    only_date = _DATE_LINE.match(line)
    if only_date:
        # An update stamp is no publication date, though the best there may be.
        stamp = only_date["stamp"] or ""
        updated = only_date["date"] if _UPDATE_STAMP.match(stamp) else only_date["updated"]
        return _clean({"date_text": only_date["date"], "updated_text": updated})
    relative = _RELATIVE_TAIL.search(line)
    if relative and relative.start() > 0:
        line = line[: relative.start()]
    tail = _DATED_TAIL.search(line)
    if tail and tail.start() > 0:
        fields["date_text"] = tail["date"]
        line = line[: tail.start()]
    correspondent = _CORRESPONDENT.match(line)
    if correspondent and is_place(correspondent["place"].strip()):
        return {**fields, "place": correspondent["place"].strip()}
    transliterated = _TRANSLITERATED.match(line)
    if transliterated and is_name(transliterated["name"]) and _is_latin_name(transliterated["latin"]):
        return {**fields, "author": " ".join(transliterated["name"].split())}
    by_latin = _BY_LATIN.match(line.strip(" ,"))
    if by_latin:
        who = by_latin["who"].strip()
        if _is_latin_name(who) or is_name(who):
            fields["author"] = who
        return fields or {"byline": line}
    # Tatweel and diacritics (`بقلـــم: مُحمّد`) are dropped to read the credit and the name.
    plain = _WORD_MARKS.sub("", line)
    credits = _NEXT_CREDIT.split(plain)
    if len(credits) > 1:
        found = [byline_fields(credit, profile) for credit in credits]
        if all(found) and all(_AUTHOR_LINE.match(credit) for credit in credits):
            for each in found:
                for key, value in each.items():
                    if key != "byline":
                        fields.setdefault(key, value)
            return fields or {"byline": line}
    marked = _AUTHOR_LINE.match(plain)
    if marked:
        author = " ".join(_TITLES.sub("", marked["author"].strip()).split())
        said = marked["marked"] or marked["dashed"]
        if marked["credit"]:
            return fields or {"byline": line}
        # `كتب - X:` says X wrote it; `كتب X …` may be a sentence, unless X is a name.
        if is_name(author) or _is_latin_name(author) or (said and _namelike(author) and not is_place(author)
                               and not _WIRE.match(author) and author.split()[0] not in _STAFF):
            fields["author"] = author
            return fields
        if said:
            # `كتب - محمد حسن - القاهرة`: the name beside a place or an agency.
            parts = segments(author)
            return _fields(parts, [_kind(p, profile, set()) for p in parts], fields) or {"byline": line}
    if len(line.split()) > BYLINE_MAX_WORDS:
        return {}
    quoted = {" ".join(q.strip("«»\"“” ").split()) for q in _QUOTED.findall(line)}
    parts = [_from_place(p.strip(".")) for p in segments(line, HEADLINE_SEPARATORS if strict else SEPARATORS)
             if p.strip(".")]
    if not parts or any(len(p.split()) > 5 for p in parts):
        return {}
    kinds = [_kind(p, profile, quoted) for p in parts]
    unknown = kinds.count(None)
    known = len(parts) - unknown
    # The archive's own furniture line (`محليات - 12/3/2014` on every seed), before its date is cut.
    recurring = profile.is_line(whole)
    separated = bool(SEPARATORS.search(line))
    if unknown and not recurring:
        # One unnamed group beside a place or an agency (`عين اليوم – الرياض`) is still a
        # byline when it reads as a name (`مصر: 5 قتلى في حادث` is a headline).
        nameless = [p for p, k in zip(parts, kinds) if k is None]
        beside = {"place", "agency"} if strict else {"place", "agency", "desk"}
        if (unknown > 1 or not separated or not beside & set(kinds)
                or not _namelike(nameless[0]) or (strict and len(line.split()) > STRICT_MAX_WORDS)):
            return {}
    if not known and not recurring:
        return {}
    if kinds == ["person"] and not separated and (strict or not recurring):
        return {}  # a name alone is a byline only over a lead (`extract_byline`)
    return _fields(parts, kinds, fields) or {"byline": line}


def _from_place(part):
    """`من جدة` after an outlet's name (`«الاقتصادية» من جدة`) is the place."""
    return part[3:] if part.startswith("من ") and is_place(part[3:]) else part


def _fields(parts, kinds, fields):
    """Author, place and agency from a byline's word groups and what each is."""
    for part, kind in zip(parts, kinds):
        if kind == "person":
            fields.setdefault("author", _TITLES.sub("", part))
        elif kind == "place":
            fields.setdefault("place", part)
        elif kind == "agency":
            if fields.get("agency") in _GENERIC_SOURCES or "agency" not in fields:
                fields["agency"] = part
    return fields


def slot_fields(line: str, profile=EMPTY) -> dict:
    """What a short line in the archive's byline place says (its byline may name
    a desk or a place this reader does not know: those parts state nothing)."""
    found = byline_fields(line, profile)
    if found:
        return found
    quoted = {" ".join(q.strip("«»\"“” ").split()) for q in _QUOTED.findall(line)}
    parts = [p.strip(".") for p in segments(line) if p.strip(".")]
    found = _fields(parts, [_kind(p, profile, quoted) for p in parts], {})
    # A desk or an unknown name is a few words; a longer group (`د. أحمد عارف المتحدث الرسمى
    # لجماعة الإخوان المسلمين لـ"الحرية والعدالة":`, an interview's deck) is text: it stays.
    if not found and all(_group_words(part) <= SLOT_PART_MAX_WORDS for part in parts):
        found = {"byline": line}
    return found


# Words a name's length does not count: `بن`, `آل`, `د.` (`د. محمد بن فهد بن عبدالعزيز الفريح`).
_NAME_JOINERS = frozenset("بن ابن بنت آل أبو ابو د د. أ. م. .".split())


def _group_words(part):
    return sum(word not in _NAME_JOINERS for word in part.split())


# `- أحمد سالم` closing the article: the writer's signature.
_SIGNED = re.compile(rf"^{DASH}+\s*(?P<name>[^\d:]{{4,40}})$")


def signature(line: str, profile=EMPTY) -> dict:
    """What a line closing the article states when it signs it (`بقلم: فلان` at the end,
    as Maghrebi papers do; `- فلان`, `الجزائر: فلان`, a name alone; `تحرير: فلان`, which
    names no author), else {}."""
    if len(line) > BYLINE_MAX_CHARS:
        return {}
    plain = _WORD_MARKS.sub("", line.strip())
    if _AUTHOR_LINE.match(plain):
        return byline_fields(plain, profile)
    signed = _SIGNED.match(plain)
    name = signed["name"] if signed else plain
    if is_name(name):
        return {"author": _TITLES.sub("", " ".join(name.split()))}
    found = byline_fields(plain, profile)
    return found if "author" in found and set(found) <= {"author", "place"} else {}


def publication_line(line: str) -> dict:
    """The dates (`date_text`, `updated_text`) of a line that says it is the publication
    date (`نشر في …`) or the last update's, else {}."""
    match = _PUBLICATION_LINE.match(line.strip())
    if not match:
        return {}
    updated = match["date"] if _UPDATE_STAMP.match(line.strip()) else match["updated"]
    return _clean({"date_text": match["date"], "updated_text": updated})


def declared_author(value: str, profile=EMPTY) -> dict:
    """What an `author` field of a manifest or dump states: a byline in it
    (`الرياض - الوئام :`) is read like one, so only a person becomes the author,
    never a place, desk or outlet (`كلمة اليوم`)."""
    value = " ".join(value.split()).strip(" :")
    if not SEPARATORS.search(value) and (is_name(value) or _LATIN_NAME.fullmatch(value)):
        return {"author": value}
    fields = byline_fields(value, profile) or slot_fields(value, profile)
    return {key: fields[key] for key in ("author", "place", "agency") if key in fields}


def extract_byline(lines: list[str], profile=EMPTY, under_headline=False) -> tuple[dict, list[str]]:
    """Metadata (author, agency, place, date_text) from the top of `lines`, and the rest.

    `under_headline`: the lines follow the headline, where the archive may
    habitually put its bylines (`Profile.byline_second`).
    """
    meta = {}
    index, seen = 0, 0
    while index < len(lines) and seen < MAX_BYLINE_LINES:
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        seen += 1
        if seen == 1 and under_headline and _in_byline_place(line, lines[index + 1:], profile):
            found = slot_fields(line, profile)
        else:
            found = byline_fields(line, profile)
        if not found and seen == 1 and is_name(line) and _lead_follows(lines[index + 1:]):
            found = {"author": _TITLES.sub("", line)}
        if not found and len(line.split()) <= BYLINE_MAX_WORDS and (
                profile.is_line(line) or profile.opening(line, "top")):
            found = {"byline": line}  # the archive's own furniture: taken off, nothing stated
        if not found:
            rest = _strip_prefix(line, meta, profile)
            if rest is not None:
                return _done(meta), [rest, *lines[index + 1:]] if rest else lines[index + 1:]
            break
        for key, value in found.items():
            meta.setdefault(key, value)
        index += 1
    return _done(meta), lines[index:]


def split_dateline(text: str, profile=EMPTY) -> tuple[dict, str]:
    """A dateline or byline at the start of `text` as metadata, and the text after it."""
    meta = {}
    rest = _strip_prefix(text, meta, profile)
    return _done(meta), text if rest is None else rest


def _strip_prefix(line, meta, profile):
    """A dateline or byline standing before the first sentence of a paragraph."""
    head = line[:BYLINE_MAX_CHARS + 60]
    for pattern in (_DATELINE_PREFIX, _DATED_PLACE, _PLACE_AGENCY_PREFIX, _BRACKETED_DATELINE, _LATIN_DATELINE,
                    _AGENCY_PREFIX, _AUTHOR_PREFIX):
        match = pattern.match(head)
        if not match or match.end() >= len(line) or not _word_boundary(line, match.end()):
            continue
        groups = match.groupdict()
        if pattern is _DATED_PLACE and not (groups.get("agency") or _known_place(groups["place"], profile)):
            continue  # `في 5 شباط 2014 عقد …` starts a sentence, not a dateline
        if pattern is _LATIN_DATELINE and not (groups["date"] or groups["agency"]):
            continue
        if "date" in groups:
            groups["date_text"] = groups.pop("date")
        author = groups.get("author")
        if author and (is_place(author) or _WIRE.match(author.strip())):
            groups.pop("author")
        for key, value in _clean(groups).items():
            meta.setdefault(key, value)
        return line[match.end():]
    # `تبوك: أحمد الحجيري:` or `الرياض - الوئام :` before the lead: a byline ended by a
    # colon; the longest such opening wins.
    colons = [i for i, char in enumerate(line[:PREFIX_MAX_CHARS]) if char == ":"]
    for colon in reversed(colons):
        found = byline_fields(line[:colon], profile)
        # A byline that states nothing goes too when its parts stand between dashes
        # (`المكلا - خاص:`; `«الطب الشرعي» يؤكد:` is the lead's own words).
        stated = found and ("byline" not in found or _DASHED.search(line[:colon]))
        if stated and line[colon + 1:].strip() and _word_boundary(line, colon + 1):
            for key, value in found.items():
                meta.setdefault(key, value)
            return line[colon + 1:].lstrip()
    # `الخرطوم (ومن) - قال …`, `عمان ـ «الصحيفة» ـ`: a byline ended by a dash, every word group
    # of it known (a place, an agency, a quoted outlet, or what the archive's bylines repeat).
    # The last such dash among the opening words ends it (`الخرطوم - ومن -`: both groups or none).
    dashes = [dash for dash in PREFIX_DASH.finditer(line[:PREFIX_MAX_CHARS])
              if len(line[:dash.start()].split()) <= DASH_PREFIX_MAX_WORDS]
    found = _known_byline(line[:dashes[-1].start()], profile) if dashes else {}
    if found and _word_boundary(line, dashes[-1].end()):
        for key, value in found.items():
            meta.setdefault(key, value)
        return line[dashes[-1].end():]
    return None


def _known_byline(text, profile):
    """The fields of `text` when each of its word groups is a known byline part, else {}."""
    found = byline_fields(text, profile)
    quoted = {" ".join(q.strip("«»\"“” ").split()) for q in _QUOTED.findall(text)}
    parts = [p.strip(".") for p in segments(text) if p.strip(".")]
    if "byline" in found or not parts or not all(_kind(part, profile, quoted) for part in parts):
        return {}
    return found


def _word_boundary(line, end):
    """A prefix taken off ends between words, never inside one."""
    return line[end - 1].isspace() or line[end].isspace()


def _known_place(place, profile):
    return is_place(place) or place in profile.hubs


def _clean(groups):
    return {key: " ".join(value.split()) for key, value in groups.items() if value}


def _done(meta):
    meta.pop("byline", None)
    return meta


def _in_byline_place(line, following, profile):
    return (profile.byline_second >= BYLINE_HABIT and len(line.split()) <= BYLINE_SLOT_WORDS
            and not is_sentence(line) and _lead_follows(following, LEAD_WORDS))


def _lead_follows(following, words=LEAD_MIN_WORDS):
    for line in following:
        if line.strip():
            return len(line.split()) >= words
    return False
