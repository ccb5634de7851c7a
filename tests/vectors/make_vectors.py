"""Generate analyzer_vectors.json: inputs and the tokens Python's analyzer gives for them.

Why: the JS analyzer must reproduce Python exactly; these vectors are the contract checked
in Node (tests/js/analyzer.test.mjs) and Chromium (tests/test_analyzer_browser.py).
Words and sentences come from egynews2013 (ibraaaa/news-credibility, Apache-2.0; the
text belongs to its publishers). Run:
  .venv/bin/python tests/vectors/make_vectors.py ../shared/corpus/egynews2013/articles
"""
import collections
import json
import pickle
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / 'plugins'))
from arshif_search.analyzer import _RUN, normalize, tokenize  # noqa: E402

CACHE = Path('/tmp/arshif_raw_counts.pkl')
HARD = [
    'وزير', 'لبنان', 'بريطانيا', 'فرنسا', 'وليد', 'بلال', 'كلية', 'فلسطين', 'والصين', 'بالصين',
    'للصين', 'الصين', 'صين', 'البترول', 'بترول', 'الإضرابات', 'اضرابات', 'إضراب', 'النائية',
    'كوفيد-19', 'COVID-19', 'مصر 😀 اليوم', '👍🏽 بالصين 🇪🇬 والصين', 'کتاب ی', 'فارسی', 'مـــصـــر',
    '«الأهرام»', '"القاهرة"', 'كِتَابٌ', 'الْقُرْآنُ الكَرِيمُ', 'ٱلرَّحْمَٰنِ', 'مسئول مسؤول',
    'رئيس رئيسي الرئاسة', 'المصريين المصريون مصري مصرية', 'اللجنة للجنة واللجنة', 'للاعبين',
    'الله والله بالله', 'إلغاء الغاء بالغاء', 'ألمانيا المانيا', 'إلى على علي في وفي', 'والد والده',
    '٢٠١٣ ۱۹۹۹ 2013', 'ص٢٥ 25ص', 'Hello WORLD Ünïcödé İstanbul', 'كَـــتَـــبَ', 'و ب ل',
    'مستشفى مستشفي', 'مدرسة مدرسه', 'آمال أمال امال', 'ٱلحمد', 'ب\u200cالصين', 'بال\u200dصين',
    '\u202bالصين\u202c', '\ufeffالصين', 'الصين\u0640', 'ا\u0654', 'و\u0654', 'ي\u0654',
    'السَّلاَمُ عَلَيْكُمْ', 'قال: «لا»!', 'وزيرة الخارجية', 'الوزراء', 'والوزير وبالوزير',
    'كالعادة', 'كرئيس', 'كوكب', 'فلسطينيين فلسطيني', 'مظاهرات مظاهرة', 'عائلات عائلة',
    'ليبيون ليبي ليبيين', 'انفجارات انفجار', 'لقاء إلقاء', '', '   ', '...', 'a', '1', 'ﷲ',
]


def raw_counts(articles: Path) -> collections.Counter:
    if CACHE.exists():
        return pickle.loads(CACHE.read_bytes())
    c = collections.Counter()
    for f in sorted(articles.glob('*.txt')):
        c.update(m.group() for m in _RUN.finditer(f.read_text(encoding='utf-8', errors='replace')))
    CACHE.write_bytes(pickle.dumps(c))
    return c


def sample_words(counts, rnd):
    """Deterministic sample over frequency bands and character classes."""
    ranked = [w for w, _ in counts.most_common()]
    picks = []
    for lo, hi, n in [(0, 1000, 600), (1000, 10000, 1000), (10000, 50000, 1000), (50000, len(ranked), 1000)]:
        picks += rnd.sample(ranked[lo:hi], min(n, len(ranked[lo:hi])))
    classes = {
        'vocalised': re.compile('[\u064b-\u0652\u0670]'), 'hamza': re.compile('[أإآؤئء]'),
        'clitic': re.compile('^(?:وال|بال|فال|كال|لل|و|ف|ب|ك|ل)'), 'digits': re.compile('[0-9٠-٩۰-۹]'),
        'latin': re.compile('[A-Za-z]'), 'tatweel': re.compile('\u0640'),
        'final': re.compile('[ىة]$'), 'persian': re.compile('[یکۀھ]'),
    }
    for rx in classes.values():
        pool = sorted(w for w in ranked[:200000] if rx.search(w))
        picks += rnd.sample(pool, min(300, len(pool)))
    return sorted(set(picks), key=picks.index)


def sample_sentences(articles: Path, rnd, n=200):
    files = sorted(articles.glob('*.txt'))
    out = []
    for f in rnd.sample(files, n * 2):
        parts = [p.strip() for p in re.split(r'(?<=[.!؟?])\s+|\n+', f.read_text(encoding='utf-8')) if 20 < len(p.strip()) < 300]
        if parts:
            out.append(rnd.choice(parts))
        if len(out) == n:
            break
    return out


def u16(s: str, i: int) -> int:
    """Python code-point offset -> JS UTF-16 offset."""
    return len(s[:i].encode('utf-16-le')) // 2


def entry(text: str, with_norm: bool) -> dict:
    e = {'input': text, 'tokens': [[t.text, t.stem, u16(text, t.start), u16(text, t.end), t.pos, t.stop]
                                   for t in tokenize(text, keep_stops=True)]}
    if with_norm:
        e['normalize'] = normalize(text)
    return e


def main(articles):
    articles = Path(articles)
    rnd = random.Random(20131)
    words = sample_words(raw_counts(articles), rnd)
    sentences = sample_sentences(articles, rnd)
    data = {'source': 'tests/vectors/make_vectors.py; egynews2013 (ibraaaa/news-credibility, Apache-2.0, '
                      'text belongs to its publishers)',
            'fields': ['text', 'stem', 'start', 'end', 'pos', 'stop'],
            'offsets': 'UTF-16 code units (JS string indices)',
            'hard': [entry(t, True) for t in HARD],
            'words': [entry(w, False) for w in words],
            'sentences': [entry(s, True) for s in sentences]}
    out = Path(__file__).with_name('analyzer_vectors.json')
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(',', ':')), encoding='utf-8')
    print(len(words), 'words', len(sentences), 'sentences', out.stat().st_size, 'bytes')


if __name__ == '__main__':
    main(sys.argv[1])
