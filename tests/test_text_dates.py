"""find_date: dates written in the text."""

import datetime

import pytest
from hypothesis import given, strategies as st

from arshif_seeds.dates import UNDATED, find_date

D = datetime.date


@pytest.mark.parametrize("text, date", [
    ("بكين 4 ديسمبر 2021 (شينخوا) - قال وانغ يي", D(2021, 12, 4)),
    ("القاهرة في 17 يناير 2013 - أعلنت الوزارة", D(2013, 1, 17)),
    ("دمشق ٢٣ كانون الأول ٢٠١٣ (سانا) - ", D(2013, 12, 23)),
    ("بيروت 1 تشرين الثاني 2011", D(2011, 11, 1)),
    ("عمان 3 آذار/مارس 2012", D(2012, 3, 3)),
    ("في 5 شباط 2014 عقد", D(2014, 2, 5)),
    ("يوم 9 أيار 2015", D(2015, 5, 9)),
    ("الجزائر 12 جويلية 2016", D(2016, 7, 12)),
    ("4 ديسمبر/كانون الأول 2021", D(2021, 12, 4)),
    ("الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015م", D(2015, 8, 11)),
    ("بتاريخ 5/3/2013 صدر القرار", D(2013, 3, 5)),
    ("بتاريخ ٥/٣/٢٠١٣ صدر القرار", D(2013, 3, 5)),
    ("نشر في 2013-01-17", D(2013, 1, 17)),
    ("يوم 10 من أبريل 2013", D(2013, 4, 10)),
])
def test_dates(text, date):
    assert find_date(text) == date


@pytest.mark.parametrize("text", [
    "قامت ثورة 23 يوليو 1952 ضد الملكية",   # not a plausible publication year
    "31/2/2013",                             # no such day
    "مات 30 شخصا في 2013",                   # a year alone is not a date
    "1436 هـ",
    "",
])
def test_no_date(text):
    assert find_date(text) is None


def test_the_earliest_date_in_the_text_wins():
    assert find_date("صنعاء 2 مارس 2013 - أشار إلى أحداث 5 يناير 2012") == D(2013, 3, 2)


@pytest.mark.parametrize("text, date", [
    # Umm al-Qura through hijridate: 25 Shawwal 1436 is 10 August 2015.
    ("الرياض 25 شوال 1436 هـ واس", D(2015, 8, 10)),
    ("جدة ٢٥ شوال ١٤٣٦هـ", D(2015, 8, 10)),
    ("مكة المكرمة 1 رمضان 1436 هـ", D(2015, 6, 18)),
    ("10 ذو الحجة 1436 هـ", D(2015, 9, 23)),
    ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م", D(2015, 8, 10)),
    ("Tuesday, 11 August 2015 - 16:10 pm", D(2015, 8, 11)),
])
def test_hijri_and_english_dates(text, date):
    assert find_date(text) == date


def test_hijri_and_gregorian_that_disagree_give_no_date():
    assert find_date("25 شوال 1436 هـ الموافق 10 مارس 2015 م") is None


def test_hijri_out_of_the_calendar_range_is_no_date():
    assert find_date("5 محرم 1300 هـ") is None


def test_undated_sentinel():
    assert UNDATED == datetime.datetime(1970, 1, 1)


@given(st.text(max_size=300))
def test_any_text(text):
    found = find_date(text)
    assert found is None or 1990 <= found.year <= 2099
