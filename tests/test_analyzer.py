"""Behaviour of the Python Arabic analyzer (the JS side is held to the same vectors)."""
import json
import re
from pathlib import Path

import pytest
from whoosh.fields import Schema, TEXT
from whoosh.filedb.filestore import RamStorage

from arshif_search import analyzer as az
from arshif_search.analyzer import ExactAnalyzer, StemAnalyzer, analyze, normalize, stems, tokenize

ROOT = Path(__file__).resolve().parents[1]
VECTORS = json.loads((ROOT / 'tests/vectors/analyzer_vectors.json').read_text(encoding='utf-8'))


def test_normalize_folds_characters_only():
    assert normalize('أَحْمَدُ إِلَى آمال ٱلرحمن') == 'احمد الي امال الرحمن'
    assert normalize('مستشفى المدرسة') == 'مستشفي المدرسه'
    assert normalize('مسئول مسؤول') == 'مسءول مسءول'
    assert normalize('٢٠١٣ ۱۹ Hello مـــصر\u200f') == '2013 19 hello مصر'
    assert normalize('کتاب یک') == 'كتاب يك'
    assert normalize('«مصر»، 😀') == '«مصر»، 😀'


@pytest.mark.parametrize('word', ['والصين', 'بالصين', 'للصين', 'الصين', 'صين', 'فالصين', 'وبالصين', 'وللصين'])
def test_proclitics_removed(word):
    assert analyze(word) == ['صين']


@pytest.mark.parametrize('word', ['وزير', 'لبنان', 'بريطانيا', 'فرنسا', 'وليد', 'بلال', 'كلية', 'فلسطين',
                                  'كوفيد', 'الله', 'ألمانيا'])
def test_root_letters_survive(word):
    assert analyze(word) == [normalize(word)]


def test_clitic_on_guarded_word_is_still_removed():
    assert analyze('ولبنان وبريطانيا لفلسطين والوزير') == ['لبنان', 'بريطانيا', 'فلسطين', 'وزير']


def test_lam_of_the_word_comes_back_after_lil():
    assert analyze('للجنة اللجنة لجنة') == ['لجنه'] * 3


def test_hamza_alif_words_are_not_given_an_article():
    assert analyze('إلغاء بالغاء الإلغاء') == ['الغاء'] * 3


def test_stems_join_regular_inflections():
    assert stems('الإضرابات اضرابات إضراب') == ['اضراب'] * 3
    assert stems('البترول بترول') == ['بترول'] * 2
    assert len(set(stems('مظاهرات مظاهرة'))) == 1
    assert len(set(stems('ليبيون ليبيين ليبي'))) == 1
    assert len(set(stems('عائلات عائلة'))) == 1
    assert stems('قراراتهم')[0] == stems('قرار')[0]


def test_stems_keep_three_letters():
    assert all(len(s) >= 3 for s in stems('النائية الصين سنوات قوات'))


def test_stop_words_dropped_and_positions_kept():
    toks = tokenize('قال إن الوزير في القاهرة')
    assert [(t.text, t.pos) for t in toks] == [('وزير', 2), ('قاهره', 4)]
    assert [t.stop for t in tokenize('وفي', keep_stops=True)] == [True]


def test_offsets_point_into_original_text():
    text = '«وَالصِّينُ» قالت، مـــصر 😀 COVID-19'
    for t in tokenize(text, keep_stops=True):
        written = text[t.start:t.end]
        assert normalize(written).lower().endswith(t.text[-1])
    assert [text[t.start:t.end] for t in tokenize(text)][:1] == ['وَالصِّينُ']
    assert [t.text for t in tokenize(text)][-2:] == ['covid', '19']


def test_words_split_at_script_change_and_punctuation():
    assert analyze('كوفيد-19 ص25 g20') == ['كوفيد', '19', '25', 'g20']


def test_vectors_match_current_python():
    for group in ('hard', 'words', 'sentences'):
        for v in VECTORS[group]:
            text = v['input']
            got = [[t.text, t.stem, len(text[:t.start].encode('utf-16-le')) // 2,
                    len(text[:t.end].encode('utf-16-le')) // 2, t.pos, t.stop]
                   for t in tokenize(text, keep_stops=True)]
            assert got == v['tokens'], text


def test_js_data_module_matches_python_data():
    js = (ROOT / 'theme/static/js/analyzer-data.js').read_text(encoding='utf-8')
    data = json.loads((ROOT / 'plugins/arshif_search/data/analyzer_data.json').read_text(encoding='utf-8'))
    found = dict(re.findall(r'export const (\w+) = (".*");', js))
    for key in ('possessives', 'suffixes', 'stopwords', 'al_keep', 'keep', 'strip_short', 'k_strip', 'll_lam'):
        assert json.loads(found[key.upper()]).split(' ') == data[key], key


def test_whoosh_analyzers_give_both_terms_at_same_positions():
    text = 'والصين تعلن الإضرابات في القاهرة'
    exact = [(t.text, t.pos, t.startchar, t.endchar) for t in ExactAnalyzer()(text, positions=True, chars=True)]
    stem = [(t.text, t.pos, t.startchar, t.endchar) for t in StemAnalyzer()(text, positions=True, chars=True)]
    assert [e[0] for e in exact] == analyze(text)
    assert [s[0] for s in stem] == stems(text)
    assert [e[1:] for e in exact] == [s[1:] for s in stem]
    assert exact[0][2:] == (0, 6)


def test_whoosh_index_finds_clitic_and_inflected_forms():
    schema = Schema(exact=TEXT(analyzer=ExactAnalyzer()), stem=TEXT(analyzer=StemAnalyzer()))
    ix = RamStorage().create_index(schema)
    with ix.writer() as w:
        w.add_document(exact='مظاهرات بالصين', stem='مظاهرات بالصين')
    with ix.searcher() as s:
        assert list(s.lexicon('exact')) == [t.encode() for t in sorted(['مظاهرات', 'صين'])]
        assert 'مظاهر'.encode() in list(s.lexicon('stem'))


def test_cache_makes_repeated_words_cheap():
    az._analyze_run.cache_clear()
    tokenize('الصين الصين الصين')
    assert az._analyze_run.cache_info().hits == 2


def test_whoosh_analyzers_survive_pickling_with_the_schema(tmp_path):
    from whoosh import index

    schema = Schema(body=TEXT(analyzer=StemAnalyzer(), stored=True))
    ix = index.create_in(str(tmp_path), schema)
    with ix.writer() as w:
        w.add_document(body='الإضرابات في بالفيوم')
    reopened = index.open_dir(str(tmp_path))
    assert reopened.schema['body'].analyzer == StemAnalyzer()
    with reopened.searcher() as s:
        assert sorted(t.decode() for t in s.lexicon('body')) == sorted(stems('اضراب فيوم'))


def test_shipped_files_stay_small():
    import gzip

    data_js = (ROOT / 'theme/static/js/analyzer-data.js').read_bytes()
    assert len(gzip.compress(data_js, 9)) < 50_000
    assert (ROOT / 'tests/vectors/analyzer_vectors.json').stat().st_size < 1_500_000
