"""Seed bytes to text: finds the encoding, rejects what is not an article.

Seeds come from scrapers and old archives: UTF-8 with or without BOM, UTF-16
from Windows tools, Windows-1256 from older Arabic sites, and now and then an
image or an empty file saved under a .txt name. The encoding is detected from
evidence in the bytes, never guessed blindly.
"""

import dataclasses
import re

# File signatures of formats that are sometimes saved under a .txt name.
_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"RIFF": "RIFF media file",
}
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SURROGATE_RUN = re.compile("[\udc80-\udcff]+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_LETTER = re.compile(r"[^\W\d_]")
_NEWLINES = re.compile("\r\n?")
_HIGH_BYTES = bytes(range(0x80, 0x100))

SAMPLE = 65536
MAX_NUL_SHARE = 0.05
MAX_CONTROL_SHARE = 0.02
# Share of non-ASCII bytes that may be invalid before UTF-8 is doubted.
MAX_BAD_UTF8_SHARE = 0.3
MIN_SCRIPT_SHARE = 0.6


class SeedRejected(Exception):
    """The seed is not a readable text article; `reason` says why."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclasses.dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str]


def decode_seed(data: bytes) -> Decoded:
    """Decode a seed file's bytes, with \\n line ends and no NUL characters."""
    if not data.strip():
        raise SeedRejected("empty file")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise SeedRejected(f"binary file ({kind})")
    warnings = []
    encoding = _bom_encoding(data) or _bomless_utf16(data)
    if encoding:
        text = _decode_utf16_or_bom(data, encoding)
    else:
        _reject_binary(data)
        text, encoding, warnings = _decode_8bit(data)
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        warnings.append(f"removed {nuls} NUL character(s)")
    text = _NEWLINES.sub("\n", text)
    sample = text[:SAMPLE]
    if len(_CONTROL_CHARS.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise SeedRejected("binary file (many control characters)")
    if not text.strip():
        raise SeedRejected("no text after decoding")
    return Decoded(text, encoding, warnings)


def _bom_encoding(data):
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _bomless_utf16(data):
    """UTF-16 without BOM: every other byte is 0x00 (ASCII) or 0x06 (Arabic)."""
    sample = data[:SAMPLE]
    if len(sample) < 8 or len(sample) % 2:
        return None
    for offset, encoding in ((1, "utf-16-le"), (0, "utf-16-be")):
        high = sample[offset::2]
        if sum(high.count(b) for b in (0, 6)) >= 0.95 * len(high) and high.count(0) < len(high):
            return encoding
    return None


def _decode_utf16_or_bom(data, encoding):
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SeedRejected(f"invalid {encoding}: {exc.reason}") from None
    return text.removeprefix("\ufeff")


def _reject_binary(data):
    sample = data[:SAMPLE]
    if sample.count(0) > MAX_NUL_SHARE * len(sample):
        raise SeedRejected("binary file (many NUL bytes)")
    if len(_CONTROL_BYTES.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise SeedRejected("binary file (many control bytes)")


def _decode_8bit(data):
    """UTF-8, else a legacy code page whose letters make sense, else UTF-8 with repairs.

    Decided line by line: a file pasted together from a UTF-8 and a
    Windows-1256 source keeps its UTF-8 lines (the headline often among them).
    """
    text = data.decode("utf-8", "surrogateescape")
    if not _SURROGATE_RUN.search(text):
        return text, "utf-8", []
    lines = data.split(b"\n")
    foreign = [i for i, line in enumerate(lines) if _mostly_invalid(line)]
    legacy = None
    if foreign:
        sample = b"\n".join(lines[i] for i in foreign)
        legacy = next((encoding for encoding, letters in (("cp1256", _ARABIC_LETTER),
                                                           ("cp1252", _LATIN_LETTER))
                       if _script_text(sample, encoding, letters) is not None), None)
        if legacy is None:
            if _mostly_invalid(data):
                raise SeedRejected("undecodable: not UTF-8, UTF-16, Windows-1256 or Windows-1252")
            foreign = []
    foreign = set(foreign)
    parts, bad = [], 0
    for i, line in enumerate(lines):
        if i in foreign:
            parts.append(line.decode(legacy))
            continue
        part = line.decode("utf-8", "surrogateescape")
        bad += sum(m.end() - m.start() for m in _SURROGATE_RUN.finditer(part))
        parts.append(_SURROGATE_RUN.sub("\ufffd", part))
    warnings = []
    if foreign and any(line.translate(None, _HIGH_BYTES) != line
                       for i, line in enumerate(lines) if i not in foreign):
        encoding = f"utf-8+{legacy}"
        warnings.append(f"decoded {len(foreign)} line(s) as {legacy} (not valid UTF-8); "
                        "the other lines are UTF-8")
    elif foreign:
        encoding = legacy
        warnings.append(f"decoded as {legacy} (not valid UTF-8)")
    else:
        encoding = "utf-8"
    if bad:
        warnings.append(f"replaced {bad} invalid UTF-8 byte(s)")
    return "\n".join(parts), encoding, warnings


def _mostly_invalid(data):
    """More than MAX_BAD_UTF8_SHARE of the non-ASCII bytes are not UTF-8."""
    text = data.decode("utf-8", "surrogateescape")
    bad = sum(m.end() - m.start() for m in _SURROGATE_RUN.finditer(text))
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))
    return bad > MAX_BAD_UTF8_SHARE * non_ascii


def _script_text(data, encoding, letters):
    """`data` decoded as `encoding` if most of its letters are in the expected script."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    sample = text[:SAMPLE]
    all_letters = len(_LETTER.findall(sample))
    if all_letters and len(letters.findall(sample)) >= MIN_SCRIPT_SHARE * all_letters:
        return text
    return None
