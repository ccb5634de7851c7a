"""Dates in datelines and publication lines: Gregorian, Hijri (Umm al-Qura) or both.

Only a phrase the reader already knows to be a dateline or a publication line
is read here: a date mentioned in the story is about the story, not about when
it was published, so the body is never searched for one.

Egyptian/Gulf month names (يناير…), Levantine/Iraqi ones (كانون الثاني…),
Maghrebi ones (جانفي…), English ones (`Tuesday, 11 August 2015`, `March 12, 2014`), French
ones (`12 mars 2014`), Hijri months
with `هـ` (`25 شوال 1436 هـ`, converted with hijridate), Western or
Arabic-Indic digits, d/m/yyyy and yyyy-mm-dd (or yyyy/mm/dd).
"""

import datetime
import re

from hijridate import Hijri

# Templates must never show this: an article without a known date gets it.
UNDATED = datetime.datetime(1970, 1, 1)

MIN_YEAR = 1990
MAX_YEAR = 2099
# A Hijri and a Gregorian date written together must agree this closely.
CALENDARS_AGREE_DAYS = 2

_A = "[اأإآ]"
_MONTH_NAMES = {
    1: ["يناير", "كانون الثاني", "جانفي", "January", "Jan", "janvier"],
    2: ["فبراير", "شباط", "فيفري", "February", "Feb", "février", "fevrier"],
    3: ["مارس", f"{_A}ذار", "March", "Mar", "mars"],
    4: [f"{_A}بريل", "نيسان", "أفريل", "افريل", "April", "Apr", "avril"],
    5: ["مايو", f"{_A}يار", "ماي", "May", "mai"],
    6: ["يونيو", "يونيه", "حزيران", "جوان", "June", "Jun", "juin"],
    7: ["يوليو", "يوليه", "تموز", "جويلية", "July", "Jul", "juillet"],
    8: [f"{_A}غسطس", "آب", "اب", "أوت", "اوت", "August", "Aug", "août", "aout"],
    9: ["سبتمبر", f"{_A}يلول", "September", "Sept", "Sep", "septembre"],
    10: [f"{_A}كتوبر", f"تشرين {_A}?ل{_A}ول", "تشرين اول", "October", "Oct", "octobre"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني", "November", "Nov", "novembre"],
    12: ["ديسمبر", f"كانون {_A}?ل{_A}ول", "كانون اول", "December", "Dec", "décembre", "decembre"],
}
_HIJRI_NAMES = {
    1: ["محرم"], 2: ["صفر"], 3: [f"ربيع {_A}?ل{_A}ول", "ربيع اول"],
    4: [f"ربيع (?:{_A}?ل{_A}خر|{_A}?لثاني)", "ربيع ثاني"],
    5: [f"جمادى? {_A}?ل{_A}ولى?", "جمادى? اولى"], 6: [f"جمادى? (?:{_A}?ل{_A}خرة?|{_A}?لثاني[ةه]?)"],
    7: ["رجب"], 8: ["شعبان"], 9: ["رمضان"], 10: ["شوال"],
    11: ["ذو القعد[ةه]", "ذي القعد[ةه]"], 12: ["ذو الحج[ةه]", "ذي الحج[ةه]"],
}


def _alternatives(names):
    return "|".join(sorted((n for ns in names.values() for n in ns), key=len, reverse=True))


def _numbering(names):
    patterns = [(month, re.compile(f"^(?:{'|'.join(ns)})$", re.I)) for month, ns in names.items()]

    def number(name):
        return next((month for month, pattern in patterns if pattern.match(name)), 0)
    return number


_ANY_MONTH = _alternatives(_MONTH_NAMES)
_ENGLISH_MONTH = "|".join(sorted((n for ns in _MONTH_NAMES.values() for n in ns if n.isascii()),
                                 key=len, reverse=True))
_ANY_HIJRI = _alternatives(_HIJRI_NAMES)
_gregorian_month = _numbering(_MONTH_NAMES)
_hijri_month = _numbering(_HIJRI_NAMES)

# What marks a Hijri year: `هـ` (however stretched), `ه`, `للهجرة`, `هجري`.
_HIJRI_MARK = r"(?:هـ+|ه|للهجرة|هجري[ةه]?)(?![\w])"
# "4 ديسمبر 2021", "4 من ديسمبر/كانون الأول 2021", "11 August 2015", "2015م".
GREGORIAN = (
    rf"(?<!\d)\d{{1,2}}\s*(?:من\s+)?(?:شهر\s+)?(?:{_ANY_MONTH})"
    rf"(?:\s*[/(]\s*(?:{_ANY_MONTH})\s*\)?)?\s*(?:الجاري\s+|الماضي\s+)?[،,]?\s*(?:عام\s+|سنة\s+)?\d{{4}}(?!\d)"
    r"(?:\s*م(?![\w]))?"
    rf"|\b(?:{_ENGLISH_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}(?!\d)"
    r"|(?:(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)|(?<!\d)\d{4}[/.-]\d{1,2}[/.-]\d{1,2}(?!\d))"
    rf"(?!\s*{_HIJRI_MARK})(?:\s*م(?![\w]))?"
)
HIJRI = (rf"(?<!\d)\d{{1,2}}\s*(?:من\s+)?(?:{_ANY_HIJRI})\s*(?:عام\s+|سنة\s+)?\d{{4}}\s*{_HIJRI_MARK}"
         rf"|(?<!\d)(?:\d{{4}}[/.-]\d{{1,2}}[/.-]\d{{1,2}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}})\s*{_HIJRI_MARK}")
# A date as it stands in a dateline: Hijri, Gregorian, or both (`… هـ الموافق … م`).
DATE_PHRASE = (rf"(?:(?:{HIJRI})(?:\s*[،,\-–/|(]?\s*(?:الموافق|الموافق ل|م\.?)?\s*(?:{GREGORIAN})\)?)?"
               rf"|(?:{GREGORIAN}))")
# A day and month with no year (`5 آب`): part of a dateline, but no date (the year is unknown).
DAY_MONTH = rf"(?<!\d)\d{{1,2}}\s*(?:{_ANY_MONTH})(?!\s*[،,]?\s*\d)"
# A time relative to when the page was saved (`منذ 3 ساعات`, `قبل يومين`, `3 hours ago`): never a date.
_UNITS = (r"(?:ثانية|ثوان[يٍ]?|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|[أا]يام|[أا]سبوع|[أا]سبوعين"
          r"|[أا]سابيع|شهر|شهرين|[أا]شهر|شهور|سنة|سنتين|سنوات|عام|عامين|[أا]عوام)(?:\s+واحد[ةه]?)?")
RELATIVE_TIME = (rf"(?:منذ|قبل)\s+(?:\d+\s*)?{_UNITS}(?:\s*و\s*(?:\d+\s*)?{_UNITS})?"
                 r"|(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
                 r"|الآن|قبل قليل|منذ قليل"
                 r"|(?:اليوم|[أا]مس|البارحة)\s*[،,-]?\s*(?:الساعة\s*)?\d{1,2}:\d{2}(?:\s*(?:ص|م|صباح[اًا]*|مساء[ًا]*)(?![\w]))?")
# A weekday before a date: `الأربعاء 12 مارس 2014`, `يوم الأربعاء،`.
WEEKDAY = r"(?:يوم\s+)?(?:ال)?(?:أحد|احد|[إا]ثنين|ثلاثاء|[أا]ربعاء|خميس|جمعة|سبت)"

_NAMED = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({_ANY_MONTH})"
    rf"(?:\s*[/(]\s*(?:{_ANY_MONTH})\s*\)?)?\s*(?:الجاري\s+|الماضي\s+)?[،,]?\s*(?:عام\s+|سنة\s+)?(\d{{4}})(?!\d)",
    re.I,
)
# `March 12, 2014`: English month first.
_ENGLISH_NAMED = re.compile(rf"\b({_ENGLISH_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I)
_HIJRI_DATE = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_ANY_HIJRI})\s*(?:عام\s+|سنة\s+)?(\d{{4}})\s*{_HIJRI_MARK}")
# `1435/5/12هـ`, `12/5/1435هـ`.
_HIJRI_YMD = re.compile(rf"(?<!\d)(\d{{4}})[/.-](\d{{1,2}})[/.-](\d{{1,2}})\s*{_HIJRI_MARK}")
_HIJRI_DMY = re.compile(rf"(?<!\d)(\d{{1,2}})[/.-](\d{{1,2}})[/.-](\d{{4}})\s*{_HIJRI_MARK}")
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def find_date(text: str, month_first: bool = False) -> datetime.date | None:
    """The date written in a dateline or publication-line phrase, or None.

    When a Hijri and a Gregorian date are both written they must agree, else
    neither is trusted. `month_first`: the archive writes numeric dates m/d/yyyy
    (`numeric_order`), else d/m/yyyy.
    """
    text = text.translate(_DIGITS)
    gregorian = _first_gregorian(text, month_first)
    hijri = _first_hijri(text)
    if gregorian and hijri:
        agree = abs((gregorian - hijri).days) <= CALENDARS_AGREE_DAYS
        return gregorian if agree else None
    return gregorian or hijri


def numeric_order(text: str) -> int:
    """What the numeric dates in `text` show of their order: +1 for each that can only be
    d/m (`25/03/2014`), -1 for each that can only be m/d (`03/25/2014`)."""
    votes = 0
    for match in _NUMERIC_DMY.finditer(text):  # int() reads Arabic-Indic digits too
        first, second = int(match[1]), int(match[2])
        votes += (first > 12 >= second) - (second > 12 >= first)
    return votes


def _first_gregorian(text, month_first=False):
    found = []
    for match in _NAMED.finditer(text):
        found.append((match.start(), _date(match[3], _gregorian_month(match[2]), match[1])))
    for match in _ENGLISH_NAMED.finditer(text):
        found.append((match.start(), _date(match[3], _gregorian_month(match[1]), match[2])))
    for match in _NUMERIC_DMY.finditer(text):
        day, month = (match[2], match[1]) if month_first else (match[1], match[2])
        found.append((match.start(), _date(match[3], month, day)))
    for match in _NUMERIC_YMD.finditer(text):
        found.append((match.start(), _date(match[1], match[3], match[4])))
    dates = [date for _, date in sorted(found, key=lambda item: item[0]) if date]
    return dates[0] if dates else None


def _first_hijri(text):
    found = [(m.start(), m[3], _hijri_month(m[2]), m[1]) for m in _HIJRI_DATE.finditer(text)]
    found += [(m.start(), m[1], m[2], m[3]) for m in _HIJRI_YMD.finditer(text)]
    found += [(m.start(), m[3], m[2], m[1]) for m in _HIJRI_DMY.finditer(text)]
    for _, year, month, day in sorted(found):
        try:
            date = Hijri(int(year), int(month), int(day)).to_gregorian()
        except (OverflowError, ValueError):
            continue
        date = datetime.date(date.year, date.month, date.day)
        if MIN_YEAR <= date.year <= MAX_YEAR:
            return date
    return None


def _date(year, month, day):
    year, month, day = int(year), int(month), int(day)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
