"""normalize_text: one form for every character, no invisible marks, every word kept."""

import re
import unicodedata

from hypothesis import given, strategies as st

from arshif_seeds.normalize import normalize_text


def test_odd_spaces_become_one_plain_space():
    assert normalize_text("مصر\u00a0\u00a0اليوم\u2009و\u202fغدا\u3000\tهنا") == "مصر اليوم و غدا هنا"


def test_direction_and_zero_width_marks_are_dropped():
    # Scrapers leave BOMs, overrides, isolates and zero-width joiners.
    text = "\ufeffقال\u202eعكس\u202c \u2066x\u2069 \u200bز\u200dو\u200cج \u061c يوما\u200f,\u200f"
    assert normalize_text(text) == "قالعكس x زوج يوما,"


def test_direction_mark_standing_for_a_space_becomes_one():
    # Al-Ahram: RLM instead of the space around numbers.
    assert normalize_text("استقالة\u200f150\u200f من اعضائه") == "استقالة 150 من اعضائه"
    assert normalize_text("مرور\u200f057\u200f يوما\u200f.") == "مرور 057 يوما."


def test_line_ends_and_controls():
    assert normalize_text("سطر\r\nثان\rثالث\u2028رابع\x07\x1b") == "سطر\nثان\nثالث\nرابع"


def test_nfc_composes_and_diacritics_and_tatweel_stay():
    assert normalize_text("e\u0301") == "\u00e9"
    assert normalize_text("الصحـة مُصَابٌ") == "الصحـة مُصَابٌ"


def test_edges_of_lines_are_trimmed_but_lines_kept():
    assert normalize_text("  أول  \n\n  ثان ") == "أول\n\nثان"


@given(st.text())
def test_idempotent(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)


@given(st.text(st.characters(whitelist_categories=("Lo", "Nd", "Mn", "Zs")), max_size=200))
def test_every_word_is_kept(text):
    # Presentation forms are the same letters (their NFKC); everything else compares under NFC.
    forms = lambda s: re.sub("[\ufb50-\ufdff\ufe70-\ufefe]+",  # noqa: E731
                             lambda m: unicodedata.normalize("NFKC", m.group()), s)
    words = lambda s: re.findall(r"[^\W_]+", unicodedata.normalize("NFC", forms(s)))  # noqa: E731
    assert words(normalize_text(text)) == words(text)


def test_arabic_presentation_forms_become_letters():
    assert normalize_text("ﻛﺸﻔﺖ ﷲ") == "كشفت الله"
