"""Turn a decoded seed text into article fields (first cut; replaced by the full parser)."""

import dataclasses
import re
import unicodedata


@dataclasses.dataclass
class ParsedSeed:
    title: str
    kicker: str | None
    title_generated: bool
    author: str | None
    agency: str | None
    place: str | None
    date: object
    paragraphs: list
    summary: str
    word_count: int
    lang: str
    dir: str
    removed: list
    warnings: list


def parse_seed(text, filename):
    text = unicodedata.normalize("NFC", text)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if not ln.startswith("مشاركة")]
    title = lines[0] if lines and len(lines[0]) < 150 else (lines[0][:90] if lines else filename)
    body = lines[1:] if lines and len(lines[0]) < 150 else lines
    words = sum(len(p.split()) for p in body)
    summary = " ".join(" ".join(body).split()[:40])
    return ParsedSeed(title, None, False, None, None, None, None, body, summary, words, "ar", "rtl", [], [])
