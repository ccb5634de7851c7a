"""Unicode clean-up of seed text: one form for every character, no invisible marks.

Scraped Arabic news carries non-breaking spaces, RLM/LRM marks around digits,
zero-width joiners, stray BOMs and bidi overrides. The overrides in particular
would scramble the right-to-left page, and the invisible marks split words for
search. Diacritics and tatweel are kept: they are part of the display text.
"""

import re
import unicodedata

# Spaces of every width, tabs, vertical tab and form feed become one plain space.
_ODD_SPACE = re.compile("[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Invisible marks: soft hyphen, ALM, Mongolian vowel separator, zero-width
# space/joiners, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and
# invisible operators, BOM; then the C0/C1 controls except the newline, lone
# surrogates (they cannot be written out as UTF-8) and the 66 non-characters
# (U+FDD0..U+FDEF, U+FFFE/U+FFFF of every plane: XML, hence the Atom feeds,
# forbids U+FFFE and U+FFFF).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane << 16 | 0xfffe)}{chr(plane << 16 | 0xffff)}" for plane in range(17))
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
    "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + _NONCHARACTERS + "]"
)
# Al-Ahram puts RLM where a space belongs (`استقالة\u200f150\u200f من`): between two
# letters or digits a direction mark becomes a space, elsewhere it is dropped.
_MARK_AS_SPACE = re.compile(r"(?<=[^\W_])[\u200e\u200f\u061c]+(?=[^\W_])")
_LINE_BREAK = re.compile("[\r\u2028\u2029\x85]")
# Some sites mark paragraph breaks with non-breaking spaces only: a run of them
# after a sentence end (`… نرويها.\u00a0\u00a0 كما`), or three or more anywhere.
_NBSP_BREAK = re.compile(
    "(?<=[.!?\u061f:\u00bb\u201d\"])[ \t]*(?:\u00a0[ \t]*){1,}(?<=[\u00a0 \t]{2})"
    "|[ \t]*(?:\u00a0[ \t]*){3,}"
)
# A line whose every non-breaking space follows a sentence end (two at least) or an initial
# (`د.\u00a0محمد`, kept a space) uses them as paragraph breaks (`… سرير.\u00a0وقال …`).
# (Not after an initial: `د.\u00a0محمد`.)
_NBSP_AFTER_END = re.compile("(?:(?<=\\w\\w[.!?\u061f])|(?<=[.!?\u061f][\u00bb\u201d\"]))[ \t]*\u00a0[ \t]*")
_NBSP_AFTER_INITIAL = re.compile("(?<!\\w)\\w\\.[ \t]*\u00a0")
_SPACE_RUN = re.compile("  +")
# Arabic presentation forms (`ﻛﺸﻔﺖ`, the ligature `ﷲ`) from old PDF and web text: their
# compatibility decomposition is the ordinary letters (NFKC for these alone).
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")


def normalize_text(text: str) -> str:
    """Return `text` in NFC with plain spaces, \\n line ends and no invisible marks.

    Idempotent: normalize_text(normalize_text(t)) == normalize_text(t).
    """
    text = _LINE_BREAK.sub("\n", text.replace("\r\n", "\n"))
    text = _NBSP_BREAK.sub("\n", text)
    if "\u00a0" in text:
        text = "\n".join(_sentence_breaks(line) for line in text.split("\n"))
    text = _ODD_SPACE.sub(" ", text)
    text = _MARK_AS_SPACE.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACE_RUN.sub(" ", text)
    return "\n".join(line.strip(" ") for line in text.split("\n"))


def _sentence_breaks(line):
    """The line cut at its non-breaking spaces when they end sentences (`_NBSP_AFTER_END`)."""
    ends = len(_NBSP_AFTER_END.findall(line))
    if ends >= 2 and ends + len(_NBSP_AFTER_INITIAL.findall(line)) == line.count("\u00a0"):
        return _NBSP_AFTER_END.sub("\n", line)
    return line
