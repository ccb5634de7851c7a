"""extract_byline: writers, agencies and datelines become metadata."""

import pytest

from arshif_seeds.byline import extract_byline, split_dateline

LEAD = "أكد المستشار إيهاب فهمي، المتحدث الرسمي باسم رئاسة الجمهورية، أن الحكومة تعمل في ظل ظروف بالغة التعقيد."


@pytest.mark.parametrize("line, meta", [
    ("كتب - محمد شعبان:", {"author": "محمد شعبان"}),
    ("كتبت – راتان جميل:", {"author": "راتان جميل"}),
    ("ترجمة ــ منار طارق", {"author": "منار طارق"}),
    ("أ ش أ", {"agency": "أ ش أ"}),
    ("(أ ش أ)", {"agency": "أ ش أ"}),
    ("رويترز", {"agency": "رويترز"}),
    ("وكالات", {"agency": "وكالات"}),
    ("القاهرة - أ ش أ:", {"place": "القاهرة", "agency": "أ ش أ"}),
    ("القاهرة _أ ش أ", {"place": "القاهرة", "agency": "أ ش أ"}),
    ("القاهرة - (أ ش أ):", {"place": "القاهرة", "agency": "أ ش أ"}),
    ("شرم الشيخ - أ ش أ", {"place": "شرم الشيخ", "agency": "أ ش أ"}),
    ("عين اليوم – الرياض", {"agency": "عين اليوم", "place": "الرياض"}),
    ("عمر إبراهيم – عين اليوم", {"author": "عمر إبراهيم", "agency": "عين اليوم"}),
    ("الإسكندرية – محمد أحمد:", {"place": "الإسكندرية", "author": "محمد أحمد"}),
    ("المنوفية- محمد الشامي", {"place": "المنوفية", "author": "محمد الشامي"}),
    ("لندن - (بي بي سي):", {"place": "لندن", "agency": "بي بي سي"}),
    ("عين اليوم – متابعات", {"agency": "عين اليوم"}),
    ("مروة على", {"author": "مروة على"}),
])
def test_byline_lines(line, meta):
    assert extract_byline([line, LEAD]) == (meta, [LEAD])


@pytest.mark.parametrize("prefix, meta", [
    ("واشنطن (رويترز) - ", {"place": "واشنطن", "agency": "رويترز"}),
    ("بكين 4 ديسمبر 2021 (شينخوا) - ", {"place": "بكين", "date_text": "4 ديسمبر 2021", "agency": "شينخوا"}),
    ("صنعاء، اليمن (CNN) -- ", {"place": "صنعاء، اليمن", "agency": "CNN"}),
    ("الموصل (العراق) (ا ف ب) - ", {"place": "الموصل (العراق)", "agency": "ا ف ب"}),
    ("القاهرة - أ ش أ: ", {"place": "القاهرة", "agency": "أ ش أ"}),
    ("كتب - أحمد علي: ", {"author": "أحمد علي"}),
    ("ماجد الرفاعي- سبق- جدة: ", {"author": "ماجد الرفاعي", "agency": "سبق", "place": "جدة"}),
])
def test_dateline_opening_the_first_paragraph(prefix, meta):
    assert extract_byline([prefix + LEAD, "فقرة ثانية."]) == (meta, [LEAD, "فقرة ثانية."])
    assert split_dateline(prefix + LEAD) == (meta, LEAD)


def test_byline_then_agency_lines():
    lines = ["كتب - عاطف سعيد:", "", "(أ ش أ)", LEAD]
    assert extract_byline(lines) == ({"author": "عاطف سعيد", "agency": "أ ش أ"}, [LEAD])


@pytest.mark.parametrize("line", [
    "الغارة الإسرائيلية علي سوريا",   # a subheading, not a name
    "فعل الثورة وفعل الاحتلال",
    "لعبــــــة الملثميـــــن",
    "لقاء مع الرئيس",
    LEAD,
    "قال وزير الخارجية (رويترز) إن المحادثات مستمرة.",
])
def test_body_text_is_left_alone(line):
    assert extract_byline([line, LEAD]) == ({}, [line, LEAD])


def test_name_line_needs_a_paragraph_after_it():
    assert extract_byline(["مروة على", "سطر قصير"]) == ({}, ["مروة على", "سطر قصير"])
