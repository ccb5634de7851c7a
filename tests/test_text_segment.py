"""split_sentences and make_paragraphs."""

import pathlib

from hypothesis import given, strategies as st

from arshif_seeds.segment import make_paragraphs, split_sentences

SEED = pathlib.Path(__file__).parent / "fixtures" / "text" / "seed_000_90cf851c62d0d665.txt"


def test_sentences_end_at_arabic_and_latin_marks():
    assert split_sentences("وصل الوفد. هل انتهى؟ نعم! ثم غادر") == ["وصل الوفد.", "هل انتهى؟", "نعم!", "ثم غادر"]


def test_closing_quotes_stay_with_their_sentence():
    assert split_sentences('قال: «انتهى الأمر.» ثم خرج.') == ['قال: «انتهى الأمر.»', "ثم خرج."]


def test_no_split_at_initials_abbreviations_or_decimals():
    text = "قال د. محمد إن «خالد. ح» هرب بمبلغ 3.5 مليون جنيه. ثم عاد."
    assert split_sentences(text) == ["قال د. محمد إن «خالد. ح» هرب بمبلغ 3.5 مليون جنيه.", "ثم عاد."]


def test_the_seed_line_becomes_paragraphs_of_a_few_sentences():
    line = SEED.read_text(encoding="utf-8").split("\n")[0]
    paragraphs = make_paragraphs([line])
    sizes = [len(p.split()) for p in paragraphs]
    assert len(paragraphs) >= 5
    assert all(40 <= size <= 160 for size in sizes), sizes
    assert " ".join(paragraphs).split() == line.split()


def test_real_line_structure_is_kept():
    lines = ["فقرة أولى قصيرة.", "", "فقرة ثانية. فيها جملتان."]
    assert make_paragraphs(lines) == ["فقرة أولى قصيرة.", "فقرة ثانية. فيها جملتان."]


def test_long_unspaced_line_is_one_paragraph():
    line = "ب" * 20000
    assert make_paragraphs([line]) == [line]


@given(st.text(max_size=500))
def test_sentences_keep_every_word(text):
    assert " ".join(split_sentences(text)).split() == text.split()
