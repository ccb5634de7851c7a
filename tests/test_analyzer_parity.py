"""Python and JS analyzers agree on random Arabic-heavy text (one Node process for all examples)."""
import json
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from arshif_search.analyzer import _DATA, normalize, tokenize

ROOT = Path(__file__).resolve().parents[1]
ANALYZER_URL = (ROOT / 'theme/static/js/analyzer.js').as_uri()
# Reads one JSON string per line, answers one JSON line: normalize + tokens with stops.
WORKER = f"""
import {{ normalize, tokenize }} from '{ANALYZER_URL}';
import readline from 'node:readline';
const rl = readline.createInterface({{ input: process.stdin }});
for await (const line of rl) {{
  const text = JSON.parse(line);
  const tokens = tokenize(text, true).map((t) => [t.text, t.stem, t.start, t.end, t.pos, t.stop]);
  process.stdout.write(JSON.stringify([normalize(text), tokens]) + '\\n');
}}
"""

ARABIC = [chr(c) for c in range(0x0620, 0x064B)] + list('ٱىیکۀھةؤئءآأإ') + ['ال'] * 5
MARKS = [chr(c) for c in range(0x064B, 0x0660)] + ['\u0670', '\u0640', '\u200c', '\u200f', '\u06d6', '\u0301']
OTHER = list(' ' * 8 + '.,«»-:؛،؟!"()\n') + list('0123456789٠١٢٣٤٥٦٧٨٩۴۵abcXYZéÉİ') + ['😀', '🇪🇬', '\U0001d400']
PROCLITICS = ['', '', 'و', 'ف', 'ب', 'ك', 'ل', 'ال', 'وال', 'بال', 'كال', 'فال', 'لل', 'ولل', 'وب', 'فب']
LEXICON = sorted(set(_DATA['keep'][::7] + _DATA['strip_short'] + _DATA['k_strip'][::3] + _DATA['ll_lam']
                     + _DATA['al_keep'] + _DATA['stopwords'][::3]
                     + ['صين', 'وزير', 'لبنان', 'مظاهرات', 'ليبيين', 'سياراتهم', 'جنه', 'غاء', 'منظماتهما']))

clitic_word = st.tuples(st.sampled_from(PROCLITICS), st.sampled_from(LEXICON)).map(''.join)
noise = st.lists(st.sampled_from(ARABIC + MARKS + OTHER), max_size=12).map(''.join)
any_bmp = st.text(st.characters(max_codepoint=0xFFFF, exclude_categories=('Cs', 'Cn')), max_size=6)
texts = st.lists(st.one_of(clitic_word, clitic_word, noise, any_bmp), max_size=12).map(' '.join) | noise


@pytest.fixture(scope='module')
def node():
    proc = subprocess.Popen(['node', '--input-type=module', '-e', WORKER], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, encoding='utf-8')
    yield proc
    proc.stdin.close()
    proc.wait(timeout=10)


def js(node, text):
    node.stdin.write(json.dumps(text) + '\n')
    node.stdin.flush()
    return json.loads(node.stdout.readline())


def u16(s, i):
    return len(s[:i].encode('utf-16-le')) // 2


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_python_and_js_agree(node, text):
    expected = [[t.text, t.stem, u16(text, t.start), u16(text, t.end), t.pos, t.stop]
                for t in tokenize(text, keep_stops=True)]
    assert js(node, text) == [normalize(text), expected]
