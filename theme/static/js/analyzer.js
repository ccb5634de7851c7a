// Arabic analyzer for the browser and Node: the same terms as
// plugins/arshif_search/analyzer.py (checked against tests/vectors/analyzer_vectors.json).
// Offsets are UTF-16 indices into the input string (Python's are code points; equal for BMP text).
import * as DATA from './analyzer-data.js';

const LETTER = '\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5' +
  '\u06ee\u06ef\u06fa-\u06fc\u06ff';
const ALNUM = '0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0660-\u0669\u06f0-\u06f9';
const IGNORABLE = '\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed' +
  '\u0640\u0300-\u036f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c';
const RUN = new RegExp(`[${LETTER}][${LETTER}${IGNORABLE}]*|[${ALNUM}][${ALNUM}${IGNORABLE}]*`, 'g');
const DROP = new RegExp(`[${IGNORABLE}]`, 'g');
const UPPER = /[A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f]/g;
const FOLD = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ٵ': 'ا',
  'ؤ': 'ء', 'ئ': 'ء', 'ٶ': 'ء', 'ٸ': 'ء',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ۍ': 'ي', 'ێ': 'ي',
  'ة': 'ه', 'ۀ': 'ه', 'ھ': 'ه', 'ہ': 'ه', 'ۃ': 'ه', 'ە': 'ه',
  'ک': 'ك', 'ڪ': 'ك',
};
for (let i = 0; i < 10; i++) {
  FOLD[String.fromCharCode(0x660 + i)] = String(i);
  FOLD[String.fromCharCode(0x6f0 + i)] = String(i);
}
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

const words = (s) => new Set(s ? s.split(' ') : []);
export const STOPWORDS = words(DATA.STOPWORDS);
const KEEP = words(DATA.KEEP);
const STRIP_SHORT = words(DATA.STRIP_SHORT);
const K_STRIP = words(DATA.K_STRIP);
const LL_LAM = words(DATA.LL_LAM);
const AL_KEEP = words(DATA.AL_KEEP);
const POSSESSIVES = DATA.POSSESSIVES.split(' ');
const SUFFIXES = DATA.SUFFIXES.split(' ');
const AL = /^(?:[وف]?[بكل]?ال|[وف]?لل)/;
const MIN_STEM = 3;

const fold = (s) => s.replace(FOLD_RE, (c) => FOLD[c]);

/** Character folding only (NFC, marks removed, letter variants and digits folded). */
export function normalize(text) {
  return fold(text.normalize('NFC').replace(DROP, '')).replace(UPPER, (c) => c.toLowerCase());
}

function foldRun(raw) {
  return fold(raw.normalize('NFC').replace(DROP, '')).toLowerCase();
}

function stripProclitics(w) {
  if (KEEP.has(w) || AL_KEEP.has(w)) return w;
  const m = AL.exec(w);
  if (m) {
    const n = m[0].length;
    const rest = w.slice(n);
    if (rest.length >= (n === 2 && w[0] === 'ا' ? 2 : 3)) {
      if (AL_KEEP.has('ال' + rest)) return 'ال' + rest;
      return LL_LAM.has(w) ? 'ل' + rest : rest;
    }
  }
  if ('وف'.includes(w[0]) && (w.length > MIN_STEM || STRIP_SHORT.has(w))) {
    w = w.slice(1);
    if (KEEP.has(w)) return w;
  }
  if (('بل'.includes(w[0]) && (w.length > MIN_STEM || STRIP_SHORT.has(w))) || K_STRIP.has(w)) {
    return w.slice(1);
  }
  return w;
}

function lightStem(w) {
  for (const group of [POSSESSIVES, SUFFIXES]) {
    for (const suffix of group) {
      if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) {
        w = w.slice(0, -suffix.length);
        break;
      }
    }
  }
  return w;
}

const cache = new Map();

function analyzeRun(raw) {
  let r = cache.get(raw);
  if (r) return r;
  const w = foldRun(raw);
  if (!(w[0] >= '\u0620' && w[0] <= '\u06ff')) r = [w, w, false];
  else if (w.length === 1 || STOPWORDS.has(w) || ('وف'.includes(w[0]) && STOPWORDS.has(w.slice(1)))) {
    r = [w, w, true];
  }
  else {
    const exact = stripProclitics(w);
    r = STOPWORDS.has(exact) ? [exact, exact, true] : [exact, lightStem(exact), false];
  }
  if (cache.size > 100000) cache.clear();
  cache.set(raw, r);
  return r;
}

/** Words of text: {text, stem, start, end, pos, stop}; stop words only with keepStops. */
export function tokenize(text, keepStops = false) {
  const out = [];
  let pos = 0;
  for (const m of text.matchAll(RUN)) {
    const [exact, stem, stop] = analyzeRun(m[0]);
    if (keepStops || !stop) {
      out.push({ text: exact, stem, start: m.index, end: m.index + m[0].length, pos, stop });
    }
    pos += 1;
  }
  return out;
}

/** Exact terms of text, stop words left out. */
export const analyze = (text) => tokenize(text).map((t) => t.text);

/** Light-stem terms of text, stop words left out. */
export const stems = (text) => tokenize(text).map((t) => t.stem);
