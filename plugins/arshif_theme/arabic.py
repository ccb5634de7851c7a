"""Dates, digits and counts written the way Arabic readers expect.

Pure functions: the Jinja filters in this plugin are these, bound to settings.
"""

import datetime

from hijridate import Gregorian

# Egyptian (Gregorian transliterated) month names, the ones the corpus uses.
MONTHS = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
)
UNDATED = "غير مؤرخ"
_ARAB = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_LATN = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")

# Noun forms by CLDR Arabic plural category: one, two, few (3–10),
# many (11–99, accusative singular) and other (0, 100, 101…, genitive singular).
NOUNS = {
    "minute": ("دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة", "دقيقة"),
    "article": ("مقال واحد", "مقالان", "مقالات", "مقالًا", "مقال"),
    "page": ("صفحة واحدة", "صفحتان", "صفحات", "صفحة", "صفحة"),
}


def digits(value, system="latn"):
    """Write the digits of *value* in *system*: "arab" (٠١٢) or "latn" (012)."""
    return str(value).translate(_ARAB if system == "arab" else _LATN)


def is_undated(value):
    """True for None and for content marked ``undated`` (its date is a sentinel)."""
    return value is None or bool(getattr(value, "undated", False))


def arabic_date(value, system="latn"):
    """«١٧ يناير ٢٠١٣» for a date, datetime or article; «غير مؤرخ» when undated."""
    if is_undated(value):
        return UNDATED
    date = value if isinstance(value, datetime.date) else value.date
    return digits(f"{date.day} {MONTHS[date.month - 1]} {date.year}", system)


def hijri_date(value, system="latn"):
    """«٢٥ شوال ١٤٣٦ هـ» (Umm al-Qura) for a dated item; "" when undated or out of range."""
    if is_undated(value):
        return ""
    date = value if isinstance(value, datetime.date) else value.date
    try:
        hijri = Gregorian(date.year, date.month, date.day).to_hijri()
    except (OverflowError, ValueError):
        return ""
    return digits(f"{hijri.day} {hijri.month_name('ar')} {hijri.year} هـ", system)


def month_name(month):
    """Egyptian name of month number *month* (1–12)."""
    return MONTHS[int(month) - 1]


def plural_category(n):
    """CLDR plural category index of *n* for Arabic (0 one … 4 other)."""
    if n == 1:
        return 0
    if n == 2:
        return 1
    if 3 <= n % 100 <= 10:
        return 2
    if 11 <= n % 100 <= 99:
        return 3
    return 4


def count(n, noun, system="latn"):
    """«دقيقة واحدة», «دقيقتان», «٣ دقائق», «١١ دقيقة» for *n* of *noun* (a NOUNS key)."""
    n = int(n)
    category = plural_category(n)
    form = NOUNS[noun][category]
    return form if category < 2 else digits(f"{n} {form}", system)
