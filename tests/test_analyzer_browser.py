"""analyzer.js in headless Chromium reproduces every Python vector (served under /arshif/)."""
import shutil
from pathlib import Path

from browser import new_page, serve

pytest_plugins = ['browser']
ROOT = Path(__file__).resolve().parents[1]

CHECK = """async () => {
  const { tokenize, normalize } = await import('./js/analyzer.js');
  const vectors = await (await fetch('./analyzer_vectors.json')).json();
  const bad = [];
  let n = 0;
  for (const group of ['hard', 'words', 'sentences']) {
    for (const v of vectors[group]) {
      n += 1;
      const got = tokenize(v.input, true).map((t) => [t.text, t.stem, t.start, t.end, t.pos, t.stop]);
      if (JSON.stringify(got) !== JSON.stringify(v.tokens)) bad.push(v.input);
      if ('normalize' in v && normalize(v.input) !== v.normalize) bad.push('normalize: ' + v.input);
    }
  }
  return { n, bad };
}"""


def test_chromium_reproduces_all_vectors(chromium, tmp_path):
    (tmp_path / 'js').mkdir()
    for name in ('analyzer.js', 'analyzer-data.js'):
        shutil.copy(ROOT / 'theme/static/js' / name, tmp_path / 'js' / name)
    shutil.copy(ROOT / 'tests/vectors/analyzer_vectors.json', tmp_path)
    (tmp_path / 'index.html').write_text('<!doctype html><html lang="ar" dir="rtl"><title>t</title></html>',
                                         encoding='utf-8')
    page = new_page(chromium)
    with serve(tmp_path, prefix='/arshif/') as base:
        page.goto(base + 'index.html')
        result = page.evaluate(CHECK)
    assert result['n'] > 5000
    assert result['bad'] == []
    assert page.errors == [] and page.external == []
