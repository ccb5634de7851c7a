// Arshif search engine: queries the static, sharded index in /search/.
// Fetches only the shards of the query's terms and the document chunks of
// the results shown; scores are sums of precomputed integer weights.
// plugins/arshif_search/query.py is the Python counterpart (same parsing,
// scoring and order). Format and API: docs/SEARCH_INDEX.md.
import {normalize, tokenize} from './analyzer.js';

const QUOTES = /[«»“”„]/g;
const PART = /"([^"]*)"?|(\S+)/g;
const UTF8 = new TextDecoder();
const ENCODER = new TextEncoder();

// Proclitics a word being typed may start with (conjunction, preposition,
// article), tried off in turn: the readings of «والرئ» are والرء, الرء, رء.
const PROCLITICS = /^(?:[وف]?[بكل]?(?:ال)?|[وف]?لل)$/;

// Prefixes of dictionary stems that a word being typed may stand for: the
// folded word and the word without each proclitic it may start with. At
// least 3 letters are left after و ف ب ك ل, 2 after the article (and for the
// word as typed).
export function prefixReadings(word) {
  const out = [];
  for (let k = 0; k <= Math.min(4, word.length); k++) {
    const head = word.slice(0, k);
    const rest = word.slice(k);
    const need = k === 0 || head.endsWith('ال') || head.endsWith('لل') ? 2 : 3;
    if (PROCLITICS.test(head) && !out.includes(rest) && rest.length >= need) out.push(rest);
  }
  return out;
}

// Units (lists of {exact, stem, pos}: one word or a quoted phrase), the
// stems excluded with -word, and the prefix: null, or {readings, unit} of the
// word being typed when the query ends in a plain word (no space, quote or
// punctuation after it). A word repeated in the query counts once.
export function parseQuery(query) {
  const units = [];
  const excluded = [];
  const seen = new Set();
  let last = null;
  let lastText = '';
  const words = (tokens) => tokens.map((t) => ({exact: t.text, stem: t.stem, pos: t.pos}));
  const text = query.replace(QUOTES, '"');
  for (const m of text.matchAll(PART)) {
    const [, phrase, plain] = m;
    last = null;
    let groups;
    if (phrase !== undefined) {
      const w = words(tokenize(phrase));
      groups = w.length > 1 ? [w] : w.map((x) => [x]);
    } else if (plain.startsWith('-') && plain.length > 1) {
      for (const t of tokenize(plain.slice(1))) excluded.push(t.stem);
      continue;
    } else {
      const tokens = tokenize(plain, true);
      const end = tokens[tokens.length - 1];
      if (end && end.end === plain.length && !end.stop && m.index + m[0].length === text.length) {
        last = end;
        lastText = plain.slice(end.start, end.end);
      }
      groups = words(tokens.filter((t) => !t.stop)).map((x) => [x]);
    }
    for (const unit of groups) {
      const key = unit.map((w) => w.stem).join(' ');
      if (!seen.has(key)) {
        seen.add(key);
        units.push(unit);
      }
    }
  }
  let prefix = null;
  if (last !== null) {
    const unit = units.findIndex((u) => u.length === 1 && u[0].stem === last.stem);
    const readings = prefixReadings(normalize(lastText));
    if (readings.length) prefix = {readings, unit};
  }
  return {units, excluded, prefix};
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
        if (kind === 'json') return res.json();
        return kind === 'text' ? res.text() : res.arrayBuffer().then((b) => new Uint8Array(b));
      });
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
    }
    return this.cache.get(path);
  }

  // Files are named by their content (docs/SEARCH_INDEX.md); a positions
  // shard has its term shard's name.
  file(kind, n, ext) {
    const size = this.manifest.name_length;
    const names = this.manifest.files[kind === 'p' ? 't' : kind];
    return `${kind}/${names.slice(n * size, (n + 1) * size)}.${ext}`;
  }

  // The term shard whose range holds `term` (ranges: first stem of each
  // shard but the first, sorted by code point).
  shardOf(term) {
    const ranges = this.manifest.ranges;
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[mid] <= term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async shard(kind, i) {
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
    const entry = (await this.shard('t', this.shardOf(stem))).get(stem);
    return entry ? decodePostings(entry.df, entry.block) : EMPTY;
  }

  async positions(stem) {
    const i = this.shardOf(stem);
    const df = (await this.shard('t', i)).get(stem).df;
    return decodePositions(df, (await this.shard('p', i)).get(stem).block);
  }

  // Stems that start with one of the readings (but the typed word's own
  // stem), in order. A reading whose stems span more than prefix_shards
  // term shards (a prefix too short to say much) is skipped, not fetched.
  async completions(readings, own) {
    const out = [];
    for (const reading of readings) {
      const first = this.shardOf(reading);
      const last = this.shardOf(reading + '\uffff');
      if (last - first >= this.manifest.prefix_shards) continue;
      const shards = [];
      for (let i = first; i <= last; i++) shards.push(this.shard('t', i));
      for (const shard of await Promise.all(shards)) {
        for (const stem of shard.keys()) {
          if (stem.startsWith(reading) && stem !== own && !out.includes(stem)) out.push(stem);
        }
      }
    }
    return out;
  }

  // Map doc → [weight, stem] of the documents holding a completion of the
  // word being typed: the weight of its best completion (search() scales it).
  async completed(readings, own) {
    const best = new Map();
    const stems = await this.completions(readings, own);
    const lists = await Promise.all(stems.map((stem) => this.postings(stem)));
    stems.forEach((stem, k) => {
      const {docs, weights} = lists[k];
      for (let i = 0; i < docs.length; i++) {
        const s = weights[i];
        const had = best.get(docs[i]);
        if (had === undefined || s > had[0]) best.set(docs[i], [s, stem]);
      }
    });
    return best;
  }

  // A result chunk's path: its name is in a name block (the manifest names the blocks).
  async chunkFile(chunk) {
    const {names_per_block: perBlock, name_length: size} = this.manifest;
    const block = await this.fetchFile(this.file('n', Math.floor(chunk / perBlock), 'txt'), 'text');
    const k = chunk % perBlock;
    return `d/${block.slice(k * size, (k + 1) * size)}.json`;
  }

  async doc(id) {
    const size = this.manifest.chunk_size;
    const chunk = Math.floor(id / size);
    const rows = await this.fetchFile(await this.chunkFile(chunk), 'json');
    const [url, title, date, source, category, sourceFile, snippet] = rows[id % size];
    return {id, url: new URL(url, this.siteRoot).pathname, title, date, undated: !date,
      source, category, source_file: sourceFile, snippet};
  }

  async facetCodes() {
    const n = this.manifest.docs;
    const raw = await this.fetchFile(this.file('f', 0, 'bin'), 'bin');
    return {category: raw.subarray(0, n), source: raw.subarray(n, 2 * n)};
  }

  async search(query, {limit = 10, offset = 0, category = null, source = null, year = null,
    sort = 'relevance'} = {}) {
    const {units, excluded, prefix} = parseQuery(query);
    const {exact_weight: exactW, stem_weight: stemW} = this.manifest.ranking;
    const allStems = [...new Set([...units.flat().map((w) => w.stem), ...excluded])];
    const [lists, completed] = await Promise.all([
      Promise.all(allStems.map(async (s) => [s, await this.postings(s)])).then((l) => new Map(l)),
      prefix ? this.completed(prefix.readings, units[prefix.unit][0].stem) : new Map(),
    ]);
    const completedBy = new Map();
    const coord = new Map();
    const score = new Map();
    for (let u = 0; u < units.length; u++) {
      const unit = units[u];
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
      if (prefix && prefix.unit === u) {
        // The word being typed: a document without its stem may hold a
        // completion, scored lower when the typed word is itself a word.
        const weight = unitScores.size ? this.manifest.ranking.completion_weight : stemW;
        for (const [doc, [s, stem]] of completed) {
          if (!unitScores.has(doc)) {
            unitScores.set(doc, s * weight);
            completedBy.set(doc, stem);
          }
        }
      }
      for (const [doc, s] of unitScores) {
        coord.set(doc, (coord.get(doc) || 0) + 1);
        score.set(doc, (score.get(doc) || 0) + s);
      }
    }
    for (const stem of excluded) for (const doc of lists.get(stem).docs) coord.delete(doc);
    const docs = await this.filter([...coord.keys()], category, source, year);
    // 0 for the newest document; undated ones (the first ids) after the oldest.
    const {docs: nDocs, undated} = this.manifest;
    const age = (doc) => (doc >= undated ? nDocs - 1 - doc : nDocs - undated + doc);
    if (sort === 'newest') {
      docs.sort((a, b) => coord.get(b) - coord.get(a) || age(a) - age(b));
    } else {
      docs.sort((a, b) => coord.get(b) - coord.get(a) || score.get(b) - score.get(a)
        || age(a) - age(b));
    }
    const shown = docs.slice(offset, offset + limit);
    const results = await Promise.all(shown.map(async (id) => {
      const result = await this.doc(id);
      result.score = score.get(id);
      result.matched = coord.get(id);
      return result;
    }));
    const terms = [...new Set([...units.flat().flatMap((w) => [w.exact, w.stem]),
      ...shown.filter((d) => completedBy.has(d)).map((d) => completedBy.get(d))])].sort();
    const suggestions = [];
    for (const [u, unit] of units.entries()) {
      for (const {exact, stem} of unit) {
        if (!lists.get(stem).docs.length && !(prefix && prefix.unit === u && completedBy.size)) {
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
    const letter = this.manifest.suggest.indexOf(exact[0]);
    if (letter < 0) return [];
    const data = await this.fetchFile(this.file('s', letter, 'json'), 'json');
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
