"""Dates written in the article text: datelines first, then the early text.

Egyptian/Gulf month names (يناير…), Levantine/Iraqi ones (كانون الثاني…) and
Maghrebi ones (جانفي…), Western or Arabic-Indic digits, and d/m/yyyy.
"""

import datetime
import re

# Templates must never show this: an article without a known date gets it.
UNDATED = datetime.datetime(1970, 1, 1)

MIN_YEAR = 1990
MAX_YEAR = 2099
# Dates further into the text are more likely about past events than the
# publication date.
EARLY_CHARS = 1500

_A = "[اأإآ]"
_MONTH_NAMES = {
    1: ["يناير", "كانون الثاني", "جانفي"],
    2: ["فبراير", "شباط", "فيفري"],
    3: ["مارس", f"{_A}ذار"],
    4: [f"{_A}بريل", "نيسان", "أفريل", "افريل"],
    5: ["مايو", f"{_A}يار", "ماي"],
    6: ["يونيو", "يونيه", "حزيران", "جوان"],
    7: ["يوليو", "يوليه", "تموز", "جويلية"],
    8: [f"{_A}غسطس", "آب", "اب", "أوت", "اوت"],
    9: ["سبتمبر", f"{_A}يلول"],
    10: [f"{_A}كتوبر", f"تشرين {_A}?ل{_A}ول", "تشرين اول"],
    11: ["نوفمبر", "تشرين الثاني", "تشرين ثاني"],
    12: ["ديسمبر", f"كانون {_A}?ل{_A}ول", "كانون اول"],
}
_MONTH_PATTERNS = [(month, re.compile(f"^(?:{'|'.join(names)})$")) for month, names in _MONTH_NAMES.items()]
_ANY_MONTH = "|".join(
    sorted((name for names in _MONTH_NAMES.values() for name in names), key=len, reverse=True)
)
# "4 ديسمبر 2021", "4 من ديسمبر/كانون الأول 2021", "4 ديسمبر الجاري 2021".
_NAMED = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?(?:شهر\s+)?({_ANY_MONTH})"
    rf"(?:\s*[/(]\s*(?:{_ANY_MONTH})\s*\)?)?\s*(?:الجاري\s+|الماضي\s+)?[،,]?\s*(?:عام\s+|سنة\s+)?(\d{{4}})(?!\d)"
)
_NUMERIC_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_NUMERIC_YMD = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def find_date(text: str) -> datetime.date | None:
    """The first plausible date written in the early part of `text`, or None."""
    text = text[:EARLY_CHARS].translate(_DIGITS)
    found = []
    for match in _NAMED.finditer(text):
        found.append((match.start(), _date(match[3], _month_number(match[2]), match[1])))
    for match in _NUMERIC_DMY.finditer(text):
        found.append((match.start(), _date(match[3], match[2], match[1])))
    for match in _NUMERIC_YMD.finditer(text):
        found.append((match.start(), _date(match[1], match[2], match[3])))
    dates = [date for _, date in sorted(found, key=lambda item: item[0]) if date]
    return dates[0] if dates else None


def _month_number(name):
    for month, pattern in _MONTH_PATTERNS:
        if pattern.match(name):
            return month
    return 0


def _date(year, month, day):
    year, month, day = int(year), int(month), int(day)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
