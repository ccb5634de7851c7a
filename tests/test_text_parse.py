"""parse_seed on the seed article, on corpus samples, and on any string."""

import collections
import csv
import datetime
import json
import pathlib
import re

import pytest
from hypothesis import given, settings, strategies as st

from arshif_seeds.lead_headline import MADE_MAX_CHARS, WHOLE_SLACK_CHARS
from arshif_seeds.normalize import normalize_text
from arshif_seeds.parse import ParsedSeed, make_summary, parse_seed

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "text"
EGYNEWS = FIXTURES / "egynews2013"
SEED_NAME = "seed_000_90cf851c62d0d665.txt"
_WORD = re.compile(r"[^\W_]+")


def _manifest():
    with open(EGYNEWS / "manifest.tsv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def _words(*texts):
    return collections.Counter(word for text in texts if text for word in _WORD.findall(text))


def _accounted_words(parsed):
    """Every word parse_seed kept somewhere: headline lines, body, removed text."""
    title = None if parsed.title_generated else parsed.title
    return _words(title, parsed.kicker, *parsed.paragraphs, *(r.text for r in parsed.removed))


def test_seed_article():
    text = (FIXTURES / SEED_NAME).read_text(encoding="utf-8")
    parsed = parse_seed(text, SEED_NAME)
    assert parsed.title == (
        "وانغ يي: الصين مستعدة للعمل مع روسيا لدعم التعددية ومعارضة «الدوائر الصغيرة» و«الديمقراطية الزائفة»"
        " و«الحرب الباردة الجديدة»"
    )
    assert parsed.title_generated and parsed.kicker is None
    assert parsed.date is None
    assert (parsed.lang, parsed.dir) == ("ar", "rtl")
    assert [(r.kind, r.text) for r in parsed.removed] == [("share", "مشاركة :")]
    assert 5 <= len(parsed.paragraphs) <= 10
    assert all(40 <= len(p.split()) <= 160 for p in parsed.paragraphs)
    assert parsed.word_count == len(text.split()) - 2
    assert parsed.summary.startswith("قال عضو مجلس الدولة وزير الخارجية الصيني وانغ يي")
    assert parsed.summary.endswith('"الحرب الباردة الجديدة".')
    # A generated headline is a normal outcome (title_generated says so), not a warning.
    assert parsed.warnings == []


def test_dateline_gives_place_agency_and_date():
    text = "بكين 4 ديسمبر 2021 (شينخوا) - قال وزير الخارجية الصيني وانغ يي إن الصين مستعدة للعمل مع روسيا.\nمشاركة :"
    parsed = parse_seed(text, "x.txt")
    assert (parsed.place, parsed.agency, parsed.date.isoformat()) == ("بكين", "شينخوا", "2021-12-04")
    assert parsed.title == "وانغ يي: الصين مستعدة للعمل مع روسيا"
    assert parsed.paragraphs == ["قال وزير الخارجية الصيني وانغ يي إن الصين مستعدة للعمل مع روسيا."]


def test_empty_text_gets_the_file_name_as_title():
    parsed = parse_seed("\u200f \n .", "folder/0042_sports.txt")
    assert parsed.title == "0042_sports"
    assert parsed.paragraphs == [] and parsed.word_count == 0 and parsed.summary == ""


def test_summary_is_cut_at_a_sentence_or_a_word():
    short = ["جملة أولى من عشر كلمات تقريبا في هذا الخبر القصير هنا.", "جملة ثانية."]
    assert make_summary(short) == "جملة أولى من عشر كلمات تقريبا في هذا الخبر القصير هنا. جملة ثانية."
    long_sentence = " ".join(["كلمة"] * 80) + "."
    summary = make_summary([long_sentence])
    assert summary.endswith("…") and len(summary.split()) == 40


@pytest.mark.parametrize("row", _manifest(), ids=lambda row: row["file"])
def test_corpus_samples(row):
    text = (EGYNEWS / row["file"]).read_text(encoding="utf-8")
    parsed = parse_seed(text, row["file"])
    real = normalize_text(row["title"]).strip()
    assert real in (parsed.title, parsed.kicker)
    assert not parsed.title_generated
    assert parsed.paragraphs and (parsed.lang, parsed.dir) == ("ar", "rtl")
    assert 0 < parsed.word_count <= int(row["words"])
    assert 10 <= len(parsed.summary.split()) <= 56
    assert _accounted_words(parsed) == _words(normalize_text(text))


@pytest.mark.parametrize("name, expected", [
    ("02466_world.txt", {"agency": "رويترز", "place": "واشنطن", "author": None}),
    ("14992_politics.txt", {"agency": "أ ش أ", "place": "القاهرة", "author": None}),
    ("02003_egypt.txt", {"agency": None, "place": None, "author": "اية حمروشي"}),
    ("12581_accidents.txt", {"agency": None, "place": None, "author": "مصطفى ياقوت وعمر علي"}),
    ("04547_mideast.txt", {"agency": "CNN", "place": "القاهرة، مصر", "author": None}),
])
def test_corpus_bylines(name, expected):
    parsed = parse_seed((EGYNEWS / name).read_text(encoding="utf-8"), name)
    assert {key: getattr(parsed, key) for key in expected} == expected


@pytest.mark.parametrize("text", [
    # The examples: dates mentioned in the story are not publication dates.
    "عنوان الخبر\nقال المسؤول إن القرار يطبق ابتداء من يوم 7 سبتمبر (أيلول) عام 2020 في كل المدارس.",
    "عنوان الخبر\nتغيرت السياسة الأمريكية منذ 11 سبتمبر (أيلول) 2001 تغيرا كبيرا في المنطقة كلها.",
    "انتخابات الفيفا\nتجرى انتخابات رئاسة الاتحاد الدولي لكرة القدم في 26 فبراير 2016 في زيوريخ.",
])
def test_a_date_in_the_story_is_not_a_publication_date(text):
    assert parse_seed(text, "x.txt").date is None


def test_the_agency_dateline_dates_the_article_and_leaves_the_body():
    text = ("الجامعة العربية تنعي المواطن\nالقاهرة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\n"
            "نعت جامعة الدول العربية المواطن الفلسطيني الذي توفي متأثرا بإصابته.\n// انتهى //\n18:07 ت م")
    parsed = parse_seed(text, "x.txt")
    assert parsed.date.isoformat() == "2015-08-11"
    assert (parsed.place, parsed.agency) == ("القاهرة", "واس")
    assert parsed.paragraphs == ["نعت جامعة الدول العربية المواطن الفلسطيني الذي توفي متأثرا بإصابته."]
    assert "واس" not in parsed.summary


def test_a_dateline_in_the_future_is_not_believed():
    text = "عنوان\nالرياض 10 أغسطس 2015 (واس) - أعلنت الوزارة عن خطة جديدة لتطوير الخدمات."
    assert parse_seed(text, "x.txt", today=datetime.date(2015, 8, 9)).date is None
    assert parse_seed(text, "x.txt", today=datetime.date(2015, 8, 10)).date.isoformat() == "2015-08-10"


def test_paragraph_breaks_made_of_non_breaking_spaces_are_kept():
    text = "عنوان\nالجملة الأولى في الخبر.\u00a0\u00a0 الجملة الثانية في الخبر. \u00a0 الجملة الثالثة."
    assert parse_seed(text, "x.txt").paragraphs == [
        "الجملة الأولى في الخبر.", "الجملة الثانية في الخبر.", "الجملة الثالثة."]


def test_corpus_youm7_kicker():
    parsed = parse_seed((EGYNEWS / "00268_articles.txt").read_text(encoding="utf-8"), "00268_articles.txt")
    assert parsed.kicker == "خلال اجتماعه الشهرى..."
    assert parsed.title == "محافظ الجيزة يناقش الأحداث السياسية وملفات الصحة والتعليم والتموين"


def test_saudinewsnet_samples():
    records = [json.loads(line) for line in (FIXTURES / "saudinewsnet.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {record["id"]: parse_seed(record["text"], record["id"]) for record in records}
    assert {r.kind for r in by_id["snn00001"].removed} == {"source_link"}
    # An outlet's own name in its byline is not an agency, nor anything else it states.
    assert (by_id["snn07170"].agency, by_id["snn07170"].place) == (None, "الرياض")
    # Published 2015-08-07; "11 أغسطس 2015" in its text is a deadline, not the date.
    assert by_id["snn23818"].date is None
    assert {r.kind for r in by_id["snn04192"].removed} == {"footer"}
    for record in records:
        parsed = by_id[record["id"]]
        # A generated headline is at most ~120 characters, 170 to end its clause (`lead_headline`).
        assert parsed.title_generated and len(parsed.title) <= MADE_MAX_CHARS + WHOLE_SLACK_CHARS
        assert _accounted_words(parsed) == _words(normalize_text(record["text"]))


_ARTICLE_PARTS = st.sampled_from([
    "مشاركة :", "اقرأ أيضًا", "أخبار متعلقة:", "(انتهى)", ".", "أ ش أ", "كتب - محمد علي:",
    "واشنطن (رويترز) - ", "بكين 4 ديسمبر 2021 (شينخوا) -", "خلال اجتماعه..", "\n", "\r\n", " ",
    "قال الوزير إن الحكومة مستعدة.", "وأضاف أن البلدين شريكان", "\u200f", "\u00a0", "ـ", "...",
])
_TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(_ARTICLE_PARTS, st.text(max_size=20))).map("".join))


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_any_string_parses_and_no_word_is_lost(text):
    parsed = parse_seed(text, "any.txt")
    assert isinstance(parsed, ParsedSeed) and parsed.title
    assert _accounted_words(parsed) == _words(normalize_text(text))
    assert parsed.word_count == sum(len(p.split()) for p in parsed.paragraphs)


@pytest.mark.parametrize("text, date", [
    ("عنوان الخبر\nالرياض - 10 أغسطس 2015: أعلنت الوزارة عن خطة جديدة لتطوير الخدمات.", "2015-08-10"),
    ("عنوان الخبر\nأعلنت الوزارة عن خطة جديدة لتطوير الخدمات.\nنشر في: 10/08/2015", "2015-08-10"),
    ("عنوان الخبر\nتاريخ النشر: 9 أغسطس 2015 - 16:10\nأعلنت الوزارة عن خطة جديدة لتطوير الخدمات.", "2015-08-09"),
])
def test_publication_lines_and_dashed_datelines(text, date):
    parsed = parse_seed(text, "x.txt")
    assert parsed.date.isoformat() == date
    assert parsed.paragraphs == ["أعلنت الوزارة عن خطة جديدة لتطوير الخدمات."]


def test_a_given_headline_is_not_repeated_as_the_first_paragraph():
    text = "الحكومة تعلن خطة جديدة\nأعلنت الحكومة اليوم عن خطة جديدة لتطوير الخدمات في المدن."
    parsed = parse_seed(text, "dump.jsonl#1", title="الحكومة تعلن  خطة جديدة")
    assert parsed.title == "الحكومة تعلن خطة جديدة" and not parsed.title_generated
    assert parsed.paragraphs == ["أعلنت الحكومة اليوم عن خطة جديدة لتطوير الخدمات في المدن."]
