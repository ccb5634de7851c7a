"""language.detect: language and direction from the script."""

import pytest

from arshif_seeds.language import detect


@pytest.mark.parametrize("text, expected", [
    ("قال وزير الخارجية إن الصين مستعدة للعمل مع روسيا", ("ar", "rtl")),
    ("قال الوزير (Reuters) إن WHO رحبت بالقرار في جنيف اليوم", ("ar", "rtl")),
    ("The foreign minister said that the country is ready for talks", ("en", "ltr")),
    ("Le ministre a déclaré que la France est prête pour les négociations", ("fr", "ltr")),
    ("El ministro dijo que el gobierno está listo para las negociaciones", ("es", "ltr")),
    ("שר החוץ אמר כי המדינה מוכנה לשיחות", ("he", "rtl")),
    ("وزیر امور خارجه چین گفت که کشورش آماده همکاری است", ("fa", "rtl")),
    ("وزیر خارجہ نے کہا کہ ملک مذاکرات کے لیے تیار ہے", ("ur", "rtl")),
    ("Министр иностранных дел заявил", ("ru", "ltr")),
    ("", ("ar", "rtl")),
    ("12345 !!!", ("ar", "rtl")),
])
def test_detect(text, expected):
    assert detect(text) == expected
