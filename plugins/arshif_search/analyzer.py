"""Arabic analyzer: text -> search terms (exact form + light stem) with offsets.

One job: decide which terms a piece of text contributes to the search index.
theme/static/js/analyzer.js must give exactly the same terms for the same input
(checked by tests/vectors/analyzer_vectors.json in Node and Chromium), so every
rule here is written to be reproducible in plain JavaScript. docs/ANALYZER.md
documents the rules and the API.
"""
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from whoosh.analysis import Filter, Tokenizer
from whoosh.analysis.acore import Token as WhooshToken

_DATA = json.loads((Path(__file__).parent / 'data' / 'analyzer_data.json').read_text(encoding='utf-8'))

# Character classes (BMP only, so Python code points and JS UTF-16 units agree).
_LETTER = ('\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5'
           '\u06ee\u06ef\u06fa-\u06fc\u06ff')
_ALNUM = '0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0660-\u0669\u06f0-\u06f9'
_IGNORABLE = ('\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed'
              '\u0640\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069'
              '\ufeff\u061c')
# A word: a letter, then letters or ignorable marks (so a vocalised word stays whole).
_RUN = re.compile(f'[{_LETTER}][{_LETTER}{_IGNORABLE}]*|[{_ALNUM}][{_ALNUM}{_IGNORABLE}]*')
_DROP = re.compile(f'[{_IGNORABLE}]')
_UPPER = re.compile('[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f]')
_FOLD = str.maketrans({
    'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ٵ': 'ا',
    'ؤ': 'ء', 'ئ': 'ء', 'ٶ': 'ء', 'ٸ': 'ء',
    'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ێ': 'ي',
    'ة': 'ه', 'ۀ': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ۃ': 'ه', 'ە': 'ه',
    'ک': 'ك', 'ڪ': 'ك',
    **{chr(0x660 + i): str(i) for i in range(10)},
    **{chr(0x6f0 + i): str(i) for i in range(10)},
})

STOPWORDS = frozenset(_DATA['stopwords'])
_KEEP = frozenset(_DATA['keep'])            # first letter is part of the word, not a clitic
_STRIP_SHORT = frozenset(_DATA['strip_short'])  # 3-letter words that are clitic + 2 letters
_K_STRIP = frozenset(_DATA['k_strip'])      # ك is rarely a clitic: stripped only for these
_LL_LAM = frozenset(_DATA['ll_lam'])        # لل + word that itself starts with ل (للجنه)
_AL_KEEP = frozenset(_DATA['al_keep'])      # ال that belongs to the word (الله)
_AL = re.compile('[وف]?[بكل]?ال|[وف]?لل')
_POSSESSIVES = tuple(_DATA['possessives'])  # هما هم ها: at most one removed first
_SUFFIXES = tuple(_DATA['suffixes'])        # then at most one of these
_MIN_STEM = 3


class Token(NamedTuple):
    """One word: its exact term, light stem, and where it sits in the original text."""
    text: str
    stem: str
    start: int
    end: int
    pos: int
    stop: bool = False


def normalize(text: str) -> str:
    """Character folding only (NFC, marks removed, letter variants and digits folded)."""
    text = _DROP.sub('', unicodedata.normalize('NFC', text)).translate(_FOLD)
    return _UPPER.sub(lambda m: m.group().lower(), text)


def _fold_run(raw: str) -> str:
    """Fold one word run; per-word NFC is safe because a run never starts with a mark."""
    return _DROP.sub('', unicodedata.normalize('NFC', raw)).translate(_FOLD).lower()


def _strip_proclitics(w: str) -> str:
    """Remove و ف ب ك ل / ال / لل unless the corpus lexicon says the letters are the word's own."""
    if w in _KEEP or w in _AL_KEEP:
        return w
    m = _AL.match(w)
    if m:
        rest = w[m.end():]
        if len(rest) >= (2 if m.end() == 2 and w[0] == 'ا' else 3):
            if 'ال' + rest in _AL_KEEP:
                return 'ال' + rest
            return 'ل' + rest if w in _LL_LAM else rest
    if w[0] in 'وف' and (len(w) > _MIN_STEM or w in _STRIP_SHORT):
        w = w[1:]
        if w in _KEEP:
            return w
    if w[0] in 'بل' and (len(w) > _MIN_STEM or w in _STRIP_SHORT) or w in _K_STRIP:
        return w[1:]
    return w


def _light_stem(w: str, groups: tuple = (_POSSESSIVES, _SUFFIXES)) -> str:
    """Drop a possessive (هما هم ها), then one inflectional suffix; keep three letters.

    A final ي is kept: stripping it would join nisba adjectives to unrelated bases
    (اساسي/اساس, صيني/صين) and costs precision without helping the inflection queries.
    """
    for group in groups:
        for suffix in group:
            if w.endswith(suffix) and len(w) - len(suffix) >= _MIN_STEM:
                w = w[:-len(suffix)]
                break
    return w


@lru_cache(maxsize=1 << 20)
def _analyze_run(raw: str) -> tuple[str, str, bool]:
    """(exact, stem, is_stop) of one raw word run; cached because words repeat."""
    w = _fold_run(raw)
    if not ('\u0620' <= w[0] <= '\u06ff'):
        return w, w, False
    if len(w) == 1 or w in STOPWORDS or w[0] in 'وف' and w[1:] in STOPWORDS:
        return w, w, True
    exact = _strip_proclitics(w)
    if exact in STOPWORDS:
        return exact, exact, True
    return exact, _light_stem(exact), False


def forget_words():
    """Drop the cache of analysed words: the search child needs it while it
    indexes, not while it exports (about 80 MB at 20,000 articles)."""
    _analyze_run.cache_clear()


def tokenize(text: str, keep_stops: bool = False) -> list[Token]:
    """Words of text with exact term, stem and offsets into text (Python str indices)."""
    out, make, run = [], tuple.__new__, _analyze_run
    for pos, m in enumerate(_RUN.finditer(text)):
        exact, stem, stop = run(m.group())
        if keep_stops or not stop:
            start, end = m.span()
            out.append(make(Token, (exact, stem, start, end, pos, stop)))
    return out


def terms(text: str) -> list[tuple[str, str, int]]:
    """(exact, stem, position) of the words of text that are not stop words.

    The same terms as `tokenize` without offsets: the indexer's inner loop.
    """
    run = _analyze_run
    return [(exact, stem, pos) for pos, (exact, stem, stop)
            in enumerate(map(run, _RUN.findall(text))) if not stop]


def analyze(text: str) -> list[str]:
    """Exact terms of text, stop words left out."""
    return [t.text for t in tokenize(text)]


def stems(text: str) -> list[str]:
    """Light-stem terms of text, stop words left out."""
    return [t.stem for t in tokenize(text)]


class ArabicTokenizer(Tokenizer):
    """Whoosh tokenizer: one token per word, carrying both terms, positions and offsets."""

    def __call__(self, value, positions=False, chars=False, keeporiginal=False,
                 removestops=True, start_pos=0, start_char=0, tokenize=True, mode='', **kw):
        t = WhooshToken(positions, chars, removestops=removestops, mode=mode, **kw)
        for tok in _tokenize(value, keep_stops=not removestops):
            t.text, t.exact, t.stem, t.stopped, t.boost = tok.text, tok.text, tok.stem, tok.stop, 1.0
            if keeporiginal:
                t.original = value[tok.start:tok.end]
            if positions:
                t.pos = start_pos + tok.pos
            if chars:
                t.startchar, t.endchar = start_char + tok.start, start_char + tok.end
            yield t


class TermFilter(Filter):
    """Whoosh filter choosing which of the token's terms is indexed ('exact' or 'stem')."""

    def __init__(self, which: str):
        self.which = which

    def __eq__(self, other):
        return type(other) is type(self) and other.which == self.which

    def __call__(self, tokens):
        for t in tokens:
            t.text = getattr(t, self.which)
            yield t


_tokenize = tokenize


def ExactAnalyzer():
    """Whoosh analyzer: exact terms (folded, proclitics removed)."""
    return ArabicTokenizer() | TermFilter('exact')


def StemAnalyzer():
    """Whoosh analyzer: light-stem terms."""
    return ArabicTokenizer() | TermFilter('stem')
