"""decode_seed: encodings found from evidence, non-articles rejected."""

import pytest
from hypothesis import assume, given, strategies as st

from arshif_seeds.decoding import SeedRejected, decode_seed

ARTICLE = "قال وزير الخارجية إن الصين مستعدة للعمل مع روسيا.\nوأضاف أن البلدين شريكان."


def test_plain_utf8():
    decoded = decode_seed(ARTICLE.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warnings) == (ARTICLE, "utf-8", [])


def test_utf8_bom_is_dropped():
    decoded = decode_seed(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert decoded.text == ARTICLE
    assert decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec, bom, name", [
    ("utf-16-le", b"\xff\xfe", "utf-16-le"),
    ("utf-16-be", b"\xfe\xff", "utf-16-be"),
])
def test_utf16_with_bom(codec, bom, name):
    decoded = decode_seed(bom + ARTICLE.encode(codec))
    assert decoded.text == ARTICLE
    assert decoded.encoding == name


def test_utf16_without_bom_is_recognised_from_its_zero_and_arabic_high_bytes():
    decoded = decode_seed(ARTICLE.encode("utf-16-le"))
    assert decoded.text == ARTICLE
    assert decoded.encoding == "utf-16-le"


def test_windows_1256_is_detected_with_a_warning():
    decoded = decode_seed(ARTICLE.encode("cp1256"))
    assert decoded.text == ARTICLE
    assert decoded.encoding == "cp1256"
    assert any("cp1256" in warning for warning in decoded.warnings)


def test_latin_legacy_text_is_not_read_as_arabic():
    decoded = decode_seed("Le ministre a déclaré à la presse qu'il était prêt.".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert "déclaré" in decoded.text


def test_bad_bytes_inside_utf8_are_replaced_and_counted():
    good = ARTICLE.encode("utf-8")
    decoded = decode_seed(good[:40] + b"\xff\xfe\xfd" + good[40:])
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ["replaced 3 invalid UTF-8 byte(s)"]
    assert decoded.text.replace("\ufffd", "") == ARTICLE


def test_nul_bytes_are_stripped_with_a_warning():
    decoded = decode_seed(ARTICLE.encode("utf-8").replace(b"\n", b"\x00\n"))
    assert decoded.text == ARTICLE
    assert decoded.warnings == ["removed 1 NUL character(s)"]


def test_crlf_and_lone_cr_become_newlines():
    decoded = decode_seed("سطر أول\r\nسطر ثان\rسطر ثالث\r\n".encode("utf-8"))
    assert decoded.text == "سطر أول\nسطر ثان\nسطر ثالث\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b" \r\n\t \n", "empty"),
    (b"\xff\xfe", "no text"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"\xff\xd8\xff\xe0" + bytes(200), "JPEG"),
    (bytes(100) + b"abc", "NUL"),
])
def test_rejected(data, reason):
    with pytest.raises(SeedRejected) as raised:
        decode_seed(data)
    assert reason in raised.value.reason


def test_random_bytes_are_rejected_as_binary():
    data = bytes((i * 7919 + 13) % 256 for i in range(4096))
    with pytest.raises(SeedRejected):
        decode_seed(data)


def test_large_article_and_long_unspaced_line():
    big = (ARTICLE + "\n") * 60000
    assert len(big.encode()) > 5_000_000
    assert decode_seed(big.encode("utf-8")).text == big
    assert decode_seed(big.encode("cp1256")).encoding == "cp1256"
    line = "ب" * 20000
    assert decode_seed(line.encode("utf-8")).text == line


@given(st.binary(max_size=2000))
def test_any_bytes_decode_or_are_rejected(data):
    try:
        decoded = decode_seed(data)
    except SeedRejected as rejected:
        assert rejected.reason
    else:
        assert decoded.text.strip()
        assert "\x00" not in decoded.text and "\r" not in decoded.text


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=300))
def test_utf8_text_round_trips(text):
    # A leading U+FEFF is read as a BOM, not as text.
    assume(text.strip("\ufeff").strip() and not text.startswith(("\ufeff", "GIF8", "%PDF", "RIFF")))
    assert decode_seed(text.encode("utf-8")).text == text
