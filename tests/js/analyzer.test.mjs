// The JS analyzer reproduces every Python vector (run: node --test tests/js/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, normalize, stems, tokenize } from '../../theme/static/js/analyzer.js';

const vectors = JSON.parse(readFileSync(new URL('../vectors/analyzer_vectors.json', import.meta.url), 'utf8'));
const asRow = (t) => [t.text, t.stem, t.start, t.end, t.pos, t.stop];

for (const group of ['hard', 'words', 'sentences']) {
  test(`vectors: ${group}`, () => {
    assert.ok(vectors[group].length > 0);
    for (const v of vectors[group]) {
      assert.deepEqual(tokenize(v.input, true).map(asRow), v.tokens, v.input);
      if ('normalize' in v) assert.equal(normalize(v.input), v.normalize, v.input);
    }
  });
}

test('words are at least 5000 and sentences 200', () => {
  assert.ok(vectors.words.length >= 5000);
  assert.equal(vectors.sentences.length, 200);
});

test('clitic forms share the exact term; guarded names keep their first letter', () => {
  assert.deepEqual(analyze('والصين بالصين للصين الصين'), ['صين', 'صين', 'صين', 'صين']);
  assert.deepEqual(analyze('وزير لبنان بريطانيا فرنسا وليد بلال كلية فلسطين'),
    ['وزير', 'لبنان', 'بريطانيا', 'فرنسا', 'وليد', 'بلال', 'كليه', 'فلسطين']);
  assert.deepEqual(stems('الإضرابات اضرابات'), ['اضراب', 'اضراب']);
});

test('offsets select the word as written, also after an emoji', () => {
  const text = '😀 وَالصِّينُ';
  const [t] = tokenize(text);
  assert.equal(text.slice(t.start, t.end), 'وَالصِّينُ');
});

test('stop words are dropped unless asked for, positions keep counting', () => {
  assert.deepEqual(tokenize('في القاهرة').map((t) => [t.text, t.pos]), [['قاهره', 1]]);
  assert.equal(tokenize('في القاهرة', true)[0].stop, true);
});
