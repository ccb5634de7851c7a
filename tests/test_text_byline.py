"""extract_byline: writers, agencies and datelines become metadata."""

import pytest

from arshif_seeds.byline import extract_byline, split_dateline
from arshif_seeds.furniture import learn

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
    # An outlet the reader does not know states nothing; its place still does.
    ("عين اليوم – الرياض", {"place": "الرياض"}),
    ("الإسكندرية – محمد أحمد:", {"place": "الإسكندرية", "author": "محمد أحمد"}),
    ("المنوفية- محمد الشامي", {"place": "المنوفية", "author": "محمد الشامي"}),
    ("لندن - (بي بي سي):", {"place": "لندن", "agency": "بي بي سي"}),
    ("عين اليوم – متابعات", {"agency": "متابعات"}),
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
    ("ماجد الرفاعي- سبق- جدة: ", {"author": "ماجد الرفاعي", "place": "جدة"}),
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


def _archive(bylines):
    """A profile learned from articles that carry these bylines under their headlines."""
    leads = ["أعلنت الوزارة اليوم عن خطة جديدة لتطوير الخدمات في المدن والقرى خلال العام المقبل.",
             "شهدت الأسواق حركة نشطة مع بداية الأسبوع وسط توقعات بارتفاع الأسعار في الأيام المقبلة.",
             "افتتح أمير المنطقة مشروعا جديدا يخدم آلاف المواطنين ويوفر فرص عمل للشباب في المحافظة."]
    seeds = [f"عنوان الخبر رقم {i}\n{byline}\n{leads[i % 3]} ({i}).\nفقرة ثانية رقم {i}."
             for i, byline in enumerate(bylines)]
    return learn(seeds)


def test_an_outlet_learned_from_the_archive_is_never_the_author():
    profile = _archive(["عمر إبراهيم – عين اليوم", "الرياض – عين اليوم", "جدة – عين اليوم",
                        "سعد الحربي – عين اليوم", "خالد العتيبي – عين اليوم", "الدمام – عين اليوم"])
    assert "عين اليوم" in profile.hubs
    assert extract_byline(["فهد الدوسري – عين اليوم", LEAD], profile) == (
        {"author": "فهد الدوسري"}, [LEAD])


@pytest.mark.parametrize("line, meta", [
    # The shapes issue 12 found left in the body, each read as metadata.
    ("لندن: «الشرق الأوسط أونلاين»", {"place": "لندن"}),
    ("عبدالعزيز مخزوم - الدمام", {"author": "عبدالعزيز مخزوم", "place": "الدمام"}),
    ("الرياض - الرياضية | Tuesday, 11 August 2015 - 16:10 pm",
     {"place": "الرياض", "date_text": "11 August 2015"}),
    ("القاهرة: سوسن أبو حسين", {"place": "القاهرة", "author": "سوسن أبو حسين"}),
    ("حفر الباطن - عبدالله السعيدي:", {"place": "حفر الباطن", "author": "عبدالله السعيدي"}),
    ("لندن - (أ ف ب):", {"place": "لندن", "agency": "أ ف ب"}),
    ("الرياض - نايف الوعيل ، طلحة الأنصاري", {"place": "الرياض", "author": "نايف الوعيل"}),
    ("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس",
     {"place": "الرياض", "agency": "واس", "date_text": "25 شوال 1436 هـ الموافق 10 اغسطس 2015 م"}),
    ("بقلم: محمد السلوم", {"author": "محمد السلوم"}),
])
def test_byline_shapes_of_other_archives(line, meta):
    assert extract_byline([line, LEAD]) == (meta, [LEAD])


@pytest.mark.parametrize("line", ["مكسيكو سيتي", "كلمة اليوم", "داعش العلمانية", "مطار الملك خالد"])
def test_places_desks_and_headlines_are_never_authors(line):
    meta, _ = extract_byline([line, LEAD])
    assert "author" not in meta


def test_a_byline_in_the_archives_byline_place_is_taken_off_even_unnamed():
    profile = _archive([f"{place}: «صحيفة المساء»" for place in
                        ("لوس أنجليس", "أتلانتا", "تل أبيب", "بيروت", "لندن", "باريس", "القاهرة")])
    line = "أتلانتا (ولاية جورجيا): «صحيفة المساء»"
    meta, rest = extract_byline([line, LEAD], profile, under_headline=True)
    assert rest == [LEAD] and "author" not in meta


def test_a_long_unknown_line_in_the_byline_place_is_text():
    """An interview's deck under the headline names no desk or writer: it stays in the body."""
    profile = _archive([f"{place}: «صحيفة المساء»" for place in
                        ("لوس أنجليس", "أتلانتا", "تل أبيب", "بيروت", "لندن", "باريس", "القاهرة")])
    deck = 'د. أحمد عارف المتحدث الرسمى لجماعة الإخوان المسلمين لـ"الحرية والعدالة":'
    assert extract_byline([deck, LEAD], profile, under_headline=True) == ({}, [deck, LEAD])


def test_place_and_writer_before_the_lead():
    assert split_dateline("تبوك: أحمد الحجيري: " + LEAD) == (
        {"place": "تبوك", "author": "أحمد الحجيري"}, LEAD)


@pytest.mark.parametrize("line", ["كتب الرئيس رسالة إلى الشعب", "كتبت الصحيفة عن القضية"])
def test_a_sentence_that_starts_with_wrote_is_not_a_byline(line):
    assert extract_byline([line, LEAD]) == ({}, [line, LEAD])


def test_an_agency_alone_before_the_lead():
    assert split_dateline("(رويترز) - " + LEAD) == ({"agency": "رويترز"}, LEAD)
