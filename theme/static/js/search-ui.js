// Search page: wires the form in search.html to the static search engine.
// Everything from the query or the index is inserted as text nodes (never as
// HTML) so that the page stays safe under a strict CSP with hostile input.
import {normalize, tokenize} from './analyzer.js';
import {SearchEngine} from './search-engine.js';

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 200;
const FILTERS = ['category', 'source', 'year'];
// Same month names and digit handling as the theme's Python date filter.
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو',
  'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

const root = document.getElementById('search');
const form = root.querySelector('form');
const input = form.elements.q;
const status = root.querySelector('.search-status');
const suggestBox = root.querySelector('.search-suggest');
const emptyBox = root.querySelector('.search-empty');
const list = root.querySelector('.search-results');
const moreButton = root.querySelector('.search-more');
const digitSystem = root.dataset.digits;
// Reader-facing names of the index's raw category and source values.
const displayNames = {
  category: JSON.parse(root.dataset.categoryNames || '{}'),
  source: JSON.parse(root.dataset.sourceNames || '{}'),
};

const enginePromise = SearchEngine.load(new URL(root.dataset.index, location.href).href);

// The public API used by evaluations and benchmarks: plain ranked results.
window.archiveSearch = {
  ready: enginePromise.then(() => undefined),
  async search(query, {limit = 10} = {}) {
    const engine = await enginePromise;
    const res = await engine.search(query, {limit});
    return res.results.map((r) => ({...r, url: resultUrl(r.url)}));
  },
};

function digits(value) {
  const text = String(value);
  return digitSystem === 'arab' ? text.replace(/[0-9]/g, (d) => '٠١٢٣٤٥٦٧٨٩'[d]) : text;
}

// «نتيجة واحدة», «نتيجتان», «٣ نتائج», «١١ نتيجة» (Arabic plural categories).
function countText(n) {
  if (n === 0) return 'لا توجد نتائج';
  if (n === 1) return 'نتيجة واحدة';
  if (n === 2) return 'نتيجتان';
  const rest = n % 100;
  return `${digits(n)} ${rest >= 3 && rest <= 10 ? 'نتائج' : 'نتيجة'}`;
}

function displayName(facet, value) {
  const names = displayNames[facet];
  return names && Object.hasOwn(names, value) ? names[value] : digits(value);
}

function dateText(iso) {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return digits(`${day} ${MONTHS[month - 1]} ${year}`);
}

// The engine gives paths from the server root (sub-path included).
function resultUrl(url) {
  return new URL(url, location.href).href;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Text with the query's matches wrapped in <mark>, built node by node.
function highlighted(node, engine, text, terms) {
  for (const {text: part, hit} of engine.highlight(text, terms)) {
    node.append(hit ? el('mark', '', part) : document.createTextNode(part));
  }
  return node;
}

function renderResult(engine, result, terms) {
  const item = el('li', 'search-result');
  const title = el('h2', 'search-result-title');
  const link = el('a');
  link.href = resultUrl(result.url);
  title.append(highlighted(link, engine, result.title, terms));
  const meta = el('p', 'search-result-meta');
  if (result.undated || !result.date) {
    meta.append(el('span', 'search-result-date', 'غير مؤرخ'));
  } else {
    const time = el('time', 'search-result-date', dateText(result.date));
    time.dateTime = result.date.slice(0, 10);
    meta.append(time);
  }
  for (const facet of ['source', 'category']) {
    if (result[facet]) {
      meta.append(el('span', `search-result-${facet}`, displayName(facet, result[facet])));
    }
  }
  item.append(title, meta);
  if (result.snippet) {
    item.append(highlighted(el('p', 'search-result-snippet'), engine, result.snippet, terms));
  }
  return item;
}

function fillFacets(engine, wanted) {
  for (const name of FILTERS) {
    const select = form.elements[name];
    for (const {name: value, count} of engine.facets[name] || []) {
      const option = el('option', '', `${displayName(name, value)} (${digits(count)})`);
      option.value = String(value);
      select.append(option);
    }
    select.value = wanted.get(name) || '';
  }
}

// The state lives in the URL so that any search can be linked and reloaded.
// `typed` keeps a trailing space: without one, the last word is still being
// typed and the engine completes it.
function readState() {
  const state = {q: input.value.trim(), typed: input.value.trimStart(),
    sort: form.elements.sort.value};
  for (const name of FILTERS) state[name] = form.elements[name].value;
  return state;
}

function stateQuery(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

function engineOptions(state, offset) {
  return {
    limit: PAGE_SIZE,
    offset,
    category: state.category || null,
    source: state.source || null,
    year: state.year ? Number(state.year) : null,
    sort: state.sort,
  };
}

// The query with each unmatched word replaced by the engine's suggestion (a
// folded dictionary word), keeping the proclitics the reader typed (الصبن →
// الصين when the suggestion for صبن is صين).
function correctedQuery(query, suggestions) {
  const fixes = new Map(suggestions.map(({word, suggestion}) => [word, suggestion]));
  let out = '';
  let last = 0;
  for (const token of tokenize(query, true)) {
    if (!fixes.has(token.text)) continue;
    const folded = normalize(query.slice(token.start, token.end));
    const clitics = folded.endsWith(token.text) ? folded.slice(0, -token.text.length) : '';
    out += query.slice(last, token.start) + clitics + fixes.get(token.text);
    last = token.end;
  }
  return out + query.slice(last);
}

// «هل تقصد: …» linking to the corrected search.
function renderSuggestions(state, suggestions) {
  suggestBox.replaceChildren();
  suggestBox.hidden = suggestions.length === 0;
  if (!suggestions.length) return;
  const fixed = correctedQuery(state.q, suggestions);
  const link = el('a', '', fixed);
  link.href = stateQuery({...state, q: fixed});
  link.addEventListener('click', (event) => {
    event.preventDefault();
    input.value = fixed;
    input.focus();
    run(true);
  });
  suggestBox.append('هل تقصد: ', link, '؟');
}

let generation = 0;
let shown = 0;
let searched = '';

// finished: the query is complete (submitted, or from a link), its last word too.
async function run(finished = false) {
  const state = readState();
  searched = finished ? `${state.q} ` : state.typed;
  const mine = ++generation;
  history.replaceState(null, '', stateQuery(state));
  if (!state.q) {
    list.replaceChildren();
    status.textContent = '';
    emptyBox.hidden = suggestBox.hidden = moreButton.hidden = true;
    return;
  }
  list.setAttribute('aria-busy', 'true');
  try {
    const engine = await enginePromise;
    const res = await engine.search(searched, engineOptions(state, 0));
    if (mine !== generation) return; // a newer search has started
    shown = res.results.length;
    list.replaceChildren(...res.results.map((r) => renderResult(engine, r, res.terms)));
    status.textContent = countText(res.total);
    emptyBox.hidden = res.total > 0;
    emptyBox.querySelector('.search-empty-query').textContent = state.q;
    moreButton.hidden = shown >= res.total;
    renderSuggestions(state, res.suggestions || []);
  } catch (error) {
    if (mine !== generation) return;
    list.replaceChildren();
    status.textContent = 'تعذر البحث الآن. حاول مرة أخرى.';
    console.error(error);
  } finally {
    if (mine === generation) list.removeAttribute('aria-busy');
  }
}

async function more() {
  const state = readState();
  const mine = generation;
  const engine = await enginePromise;
  const res = await engine.search(searched, engineOptions(state, shown));
  if (mine !== generation || !res.results.length) return;
  const items = res.results.map((r) => renderResult(engine, r, res.terms));
  list.append(...items);
  shown += items.length;
  moreButton.hidden = shown >= res.total;
  status.textContent = `${countText(res.total)}، معروض منها ${digits(shown)}`;
  // Keyboard users continue from the first new result rather than the top.
  items[0].querySelector('a').focus();
}

let timer;
input.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => run(), DEBOUNCE_MS);
});
form.addEventListener('change', (event) => {
  if (event.target !== input) run(searched.endsWith(' '));
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run(true);
});
moreButton.addEventListener('click', more);

// Prefill from the URL (?q=…&category=…) once the facets are known.
const params = new URLSearchParams(location.search);
input.value = params.get('q') || '';
form.elements.sort.value = params.get('sort') === 'newest' ? 'newest' : 'relevance';
// Filters start folded on small screens unless the URL already uses them.
root.querySelector('.search-options').open = matchMedia('(min-width: 40rem)').matches
  || [...FILTERS, 'sort'].some((name) => params.has(name));
enginePromise.then((engine) => {
  fillFacets(engine, params);
  form.classList.add('is-ready');
  if (input.value) run(true);
  else input.focus(); // a bare search page is there to be typed into
}, (error) => {
  status.textContent = 'تعذر تحميل فهرس البحث.';
  console.error(error);
});
