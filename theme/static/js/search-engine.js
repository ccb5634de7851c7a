// Arshif search engine: queries the static, sharded index in /search/.
// Fetches only the shards of the query's terms and the document chunks of
// the results shown; scores are sums of precomputed integer weights.
// plugins/arshif_search/query.py is the Python counterpart (same parsing,
// scoring and order). Format and API: docs/SEARCH_INDEX.md.
import {tokenize} from './analyzer.js';

const QUOTES = /[«»“”„]/g;
const PART = /"([^"]*)"?|(\S+)/g;
const UTF8 = new TextDecoder();
const ENCODER = new TextEncoder();

export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const byte of ENCODER.encode(text)) {
    h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  }
  return h;
}

// Units (lists of {exact, stem, pos}: one word or a quoted phrase) and the
// stems excluded with -word. A word repeated in the query counts once.
export function parseQuery(query) {
  const units = [];
  const excluded = [];
  const seen = new Set();
  const words = (text) => tokenize(text).map((t) => ({exact: t.text, stem: t.stem, pos: t.pos}));
  for (const m of query.replace(QUOTES, '"').matchAll(PART)) {
    const [, phrase, plain] = m;
    let groups;
    if (phrase !== undefined) {
      const w = words(phrase);
      groups = w.length > 1 ? [w] : w.map((x) => [x]);
    } else if (plain.startsWith('-') && plain.length > 1) {
      for (const t of tokenize(plain.slice(1))) excluded.push(t.stem);
      continue;
    } else {
      groups = words(plain).map((x) => [x]);
    }
    for (const unit of groups) {
      const key = unit.map((w) => w.stem).join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        units.push(unit);
      }
    }
  }
  return {units, excluded};
}

class Reader {
  constructor(bytes, offset = 0) {
    this.b = bytes;
    this.i = offset;
  }
  varint() {
    let value = 0;
    let mult = 1;
    for (;;) {
      const byte = this.b[this.i++];
      value += (byte & 0x7f) * mult;
      if (byte < 0x80) return value;
      mult *= 128;
    }
  }
  str() {
    const n = this.varint();
    const s = UTF8.decode(this.b.subarray(this.i, this.i + n));
    this.i += n;
    return s;
  }
}

// {term: {df, block}} of a term shard (withDf) or a positions shard.
function parseShard(bytes, withDf) {
  const r = new Reader(bytes);
  const n = r.varint();
  const header = [];
  for (let k = 0; k < n; k++) {
    const term = r.str();
    const df = withDf ? r.varint() : 0;
    header.push([term, df, r.varint()]);
  }
  const terms = new Map();
  for (const [term, df, length] of header) {
    terms.set(term, {df, block: bytes.subarray(r.i, r.i + length)});
    r.i += length;
  }
  return terms;
}

function decodePostings(df, block) {
  const r = new Reader(block);
  const docs = new Array(df);
  let doc = 0;
  for (let k = 0; k < df; k++) docs[k] = doc += r.varint();
  const weights = block.subarray(r.i, r.i + df);
  r.i += df;
  const exacts = new Map();
  const n = r.varint();
  for (let e = 0; e < n; e++) {
    const form = r.str();
    const count = r.varint();
    if (count === df) {
      exacts.set(form, null);  // every posting
      continue;
    }
    const indexes = new Set();
    let k = 0;
    for (let c = 0; c < count; c++) indexes.add(k += r.varint());
    exacts.set(form, indexes);
  }
  return {docs, weights, exacts};
}

function decodePositions(df, block) {
  const r = new Reader(block);
  const out = new Array(df);
  for (let k = 0; k < df; k++) {
    const count = r.varint();
    const poses = new Set();
    let p = 0;
    for (let c = 0; c < count; c++) poses.add(p += r.varint());
    out[k] = poses;
  }
  return out;
}

// Levenshtein distance, or limit + 1 when it exceeds limit.
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] !== b[j - 1] ? 1 : 0)));
    }
    if (Math.min(...cur) > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

const EMPTY = {docs: [], weights: new Uint8Array(0), exacts: new Map()};

export class SearchEngine {
  constructor(base, manifest) {
    this.base = base;
    this.manifest = manifest;
    this.siteRoot = new URL('..', base).href;
    this.cache = new Map();
    const f = manifest.facets;
    this.facets = {
      category: f.category.map(([name, count]) => ({name, count})),
      source: f.source.map(([name, count]) => ({name, count})),
      year: f.year.map(([name, start, end]) => ({name, count: end - start})),
    };
  }

  // indexBaseUrl: the folder holding manifest.json (absolute or relative to the page).
  static async load(indexBaseUrl) {
    const base = new URL(indexBaseUrl.endsWith('/') ? indexBaseUrl : indexBaseUrl + '/',
      globalThis.location ? globalThis.location.href : undefined).href;
    const res = await fetch(base + 'manifest.json', {cache: 'no-cache'});
    if (!res.ok) throw new Error(`search index: ${res.status} for manifest.json`);
    return new SearchEngine(base, await res.json());
  }

  // One fetch per file, shared by concurrent callers.
  fetchFile(path, kind) {
    if (!this.cache.has(path)) {
      const p = fetch(this.base + path).then((res) => {
        if (!res.ok) throw new Error(`search index: ${res.status} for ${path}`);
        return kind === 'json' ? res.json() : res.arrayBuffer().then((b) => new Uint8Array(b));
      });
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
    }
    return this.cache.get(path);
  }

  file(kind, n, ext) {
    return `${kind}/${n}-${this.manifest.hash}.${ext}`;
  }

  async shard(kind, term) {
    const m = this.manifest;
    const i = fnv1a(term) % m.shards;
    const path = this.file(kind, i, 'bin');
    const key = 'parsed:' + path;
    if (!this.cache.has(key)) {
      const parsed = this.fetchFile(path, 'bin').then((b) => parseShard(b, kind === 't'));
      parsed.catch(() => this.cache.delete(key));
      this.cache.set(key, parsed);
    }
    return this.cache.get(key);
  }

  async postings(stem) {
    const entry = (await this.shard('t', stem)).get(stem);
    return entry ? decodePostings(entry.df, entry.block) : EMPTY;
  }

  async positions(stem) {
    const df = (await this.shard('t', stem)).get(stem).df;
    return decodePositions(df, (await this.shard('p', stem)).get(stem).block);
  }

  async doc(id) {
    const size = this.manifest.chunk_size;
    const chunk = Math.floor(id / size);
    const rows = await this.fetchFile(this.file('d', chunk, 'json'), 'json');
    const [url, title, date, source, category, sourceFile, snippet] = rows[id % size];
    return {id, url: new URL(url, this.siteRoot).pathname, title, date, undated: !date,
      source, category, source_file: sourceFile, snippet};
  }

  async facetCodes() {
    const n = this.manifest.docs;
    const raw = await this.fetchFile(this.file('f', 'facets', 'bin'), 'bin');
    return {category: raw.subarray(0, n), source: raw.subarray(n, 2 * n)};
  }

  async search(query, {limit = 10, offset = 0, category = null, source = null, year = null,
    sort = 'relevance'} = {}) {
    const {units, excluded} = parseQuery(query);
    const {exact_weight: exactW, stem_weight: stemW} = this.manifest.ranking;
    const allStems = [...new Set([...units.flat().map((w) => w.stem), ...excluded])];
    const lists = new Map(await Promise.all(allStems.map(async (s) => [s, await this.postings(s)])));
    const coord = new Map();
    const score = new Map();
    for (const unit of units) {
      let unitScores = null;
      for (const {exact, stem} of unit) {
        const {docs, weights, exacts} = lists.get(stem);
        const exactSet = exacts.has(exact) ? exacts.get(exact) : new Set();
        const word = new Map();
        for (let i = 0; i < docs.length; i++) {
          word.set(docs[i], weights[i] * (exactSet === null || exactSet.has(i) ? exactW : stemW));
        }
        if (unitScores === null) {
          unitScores = word;
        } else {
          const next = new Map();
          for (const [d, s] of unitScores) if (word.has(d)) next.set(d, s + word.get(d));
          unitScores = next;
        }
      }
      if (unit.length > 1 && unitScores.size) unitScores = await this.phraseFilter(unit, unitScores, lists);
      for (const [doc, s] of unitScores) {
        coord.set(doc, (coord.get(doc) || 0) + 1);
        score.set(doc, (score.get(doc) || 0) + s);
      }
    }
    for (const stem of excluded) for (const doc of lists.get(stem).docs) coord.delete(doc);
    const docs = await this.filter([...coord.keys()], category, source, year);
    if (sort === 'newest') {
      docs.sort((a, b) => coord.get(b) - coord.get(a) || a - b);
    } else {
      docs.sort((a, b) => coord.get(b) - coord.get(a) || score.get(b) - score.get(a) || a - b);
    }
    const results = await Promise.all(docs.slice(offset, offset + limit).map(async (id) => {
      const result = await this.doc(id);
      result.score = score.get(id);
      result.matched = coord.get(id);
      return result;
    }));
    const terms = [...new Set(units.flat().flatMap((w) => [w.exact, w.stem]))].sort();
    const suggestions = [];
    for (const unit of units) {
      for (const {exact, stem} of unit) {
        if (!lists.get(stem).docs.length) {
          const found = await this.suggest(exact);
          if (found.length) suggestions.push({word: exact, suggestion: found[0]});
        }
      }
    }
    return {total: docs.length, results, terms, suggestions};
  }

  // Keep the candidates where the unit's words stand at their query
  // distances from each other (stems, in order).
  async phraseFilter(unit, candidates, lists) {
    const docsOf = await Promise.all(unit.map(async ({stem}) => {
      const positions = await this.positions(stem);
      const map = new Map();
      lists.get(stem).docs.forEach((doc, i) => map.set(doc, positions[i]));
      return map;
    }));
    const base = unit[0].pos;
    const kept = new Map();
    for (const [doc, s] of candidates) {
      for (const p of docsOf[0].get(doc)) {
        if (unit.every((w, k) => k === 0 || docsOf[k].get(doc).has(p + w.pos - base))) {
          kept.set(doc, s);
          break;
        }
      }
    }
    return kept;
  }

  async filter(docs, category, source, year) {
    if (category !== null || source !== null) {
      const codes = await this.facetCodes();
      for (const [value, name] of [[category, 'category'], [source, 'source']]) {
        if (value === null) continue;
        const code = this.manifest.facets[name].findIndex(([v]) => v === value);
        docs = docs.filter((d) => codes[name][d] === code);
      }
    }
    if (year !== null) {
      const ranges = this.manifest.facets.year.filter(([y]) => y === Number(year));
      docs = docs.filter((d) => ranges.some(([, start, end]) => start <= d && d < end));
    }
    return docs;
  }

  // Dictionary words nearest `word` by edit distance, then most frequent.
  async suggest(word, limit = 5) {
    const tokens = tokenize(word);
    if (!tokens.length) return [];
    const exact = tokens[0].text;
    if (!this.manifest.suggest.includes(exact[0])) return [];
    const name = exact.charCodeAt(0).toString(16).padStart(4, '0');
    const data = await this.fetchFile(this.file('s', name, 'json'), 'json');
    const limitD = exact.length <= 4 ? 1 : 2;
    const scored = [];
    data.w.forEach((w, i) => {
      if (w === exact) return;
      const d = editDistance(exact, w, limitD);
      if (d <= limitD) scored.push([d, -data.n[i], w]);
    });
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    return scored.slice(0, limit).map((x) => x[2]);
  }

  // Segments of `text` with the words whose exact form or stem is in
  // `terms` marked, for rendering with textContent (never as HTML).
  highlight(text, terms) {
    const wanted = new Set(terms);
    const out = [];
    let last = 0;
    for (const t of tokenize(text)) {
      if (!wanted.has(t.text) && !wanted.has(t.stem)) continue;
      if (t.start > last) out.push({text: text.slice(last, t.start), hit: false});
      out.push({text: text.slice(t.start, t.end), hit: true});
      last = t.end;
    }
    if (last < text.length) out.push({text: text.slice(last), hit: false});
    return out;
  }
}
