"""Quick BM25 harness: how well the analyzer's exact and stem terms retrieve egynews2013.

Why: S2 builds the static index; this measures which scoring of the two terms works,
on ../shared/eval/*.jsonl (metrics defined in its README), before it is built.
Run: .venv/bin/python benchmarks/analyzer_eval.py [--corpus DIR] [--eval DIR] [--out FILE]
The tokenised corpus is cached in /tmp (keyed by the analyzer's code and data).
"""
import argparse
import collections
import csv
import hashlib
import json
import math
import pickle
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The shared development data beside the project (../shared).
SHARED = ROOT.parent / 'shared'
sys.path.insert(0, str(ROOT / 'plugins'))
from arshif_search import analyzer  # noqa: E402

K1, B = 1.2, 0.75


def load_docs(corpus: Path):
    with open(corpus / 'manifest.tsv', encoding='utf-8') as f:
        rows = list(csv.DictReader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
    return [(r['file'], r['title'], (corpus / r['file']).read_text(encoding='utf-8', errors='replace'))
            for r in rows]


def build(docs):
    """Per field ('title', 'body') and kind ('exact', 'stem'): term -> {doc: tf}; doc lengths."""
    analyzer._analyze_run.cache_clear()
    t0 = time.process_time()
    words = sum(len(analyzer.tokenize(text)) for _, title, body in docs for text in (title, body))
    secs = time.process_time() - t0
    post = {(f, k): collections.defaultdict(dict) for f in ('title', 'body') for k in ('exact', 'stem')}
    lens = {'title': [], 'body': []}
    for i, (_, title, body) in enumerate(docs):
        for field, text in (('title', title), ('body', body)):
            toks = analyzer.tokenize(text)
            lens[field].append(len(toks))
            for t in toks:
                for kind, term in (('exact', t.text), ('stem', t.stem)):
                    p = post[field, kind][term]
                    p[i] = p.get(i, 0) + 1
    return {k: dict(v) for k, v in post.items()}, lens, words, secs


class Scorer:
    """BM25F: field tfs length-normalised, weighted, summed, saturated once; idf per kind."""

    def __init__(self, post, lens, title_weight):
        self.post, self.n, self.tw = post, len(lens['body']), title_weight
        self.avg = {f: sum(v) / len(v) for f, v in lens.items()}
        self.norm = {f: [1 - B + B * l / self.avg[f] for l in v] for f, v in lens.items()}

    def weights(self, kind, term):
        """doc -> BM25F weight of term in the given kind of terms."""
        t = self.post['title', kind].get(term, {})
        b = self.post['body', kind].get(term, {})
        docs = set(t) | set(b)
        if not docs:
            return {}
        idf = math.log(1 + (self.n - len(docs) + 0.5) / (len(docs) + 0.5))
        out = {}
        for d in docs:
            tf = self.tw * t.get(d, 0) / self.norm['title'][d] + b.get(d, 0) / self.norm['body'][d]
            out[d] = idf * tf * (K1 + 1) / (tf + K1)
        return out

    def search(self, query, match, exact_boost, coord):
        """Rank docs holding any query word's `match` term; exact-form matches add exact_boost×."""
        toks = analyzer.tokenize(query)
        scores, hits = collections.Counter(), collections.Counter()
        for tok in toks:
            mw = self.weights(match, tok.text if match == 'exact' else tok.stem)
            ew = self.weights('exact', tok.text) if exact_boost and match == 'stem' else {}
            for d, w in mw.items():
                scores[d] += w + exact_boost * ew.get(d, 0.0)
                hits[d] += 1
        if coord and toks:
            for d in scores:
                scores[d] *= (hits[d] / len(toks)) ** coord
        return [d for d, _ in sorted(scores.items(), key=lambda x: (-x[1], x[0]))]


def known_item(scorer, queries, names, variant):
    rr, s10 = [], []
    for q in queries:
        want = {q['target'], *q['also_relevant']}
        ranked = [names[d] for d in scorer.search(q['query'], *variant)[:10]]
        rank = next((i for i, n in enumerate(ranked) if n in want), None)
        rr.append(0 if rank is None else 1 / (rank + 1))
        s10.append(rank is not None)
    return sum(rr) / len(rr), sum(s10) / len(s10)


def clitic(scorer, probes, names, variant):
    rec, prec = [], []
    for p in probes:
        ranked = [names[d] for d in scorer.search(p['word'], *variant)]
        rel, fam = set(p['relevant']), set(p['relevant_family'])
        rec.append(len(rel & set(ranked)) / len(rel))
        top = ranked[:10]
        prec.append(sum(n in rel or n in fam for n in top) / max(1, len(top)))
    return sum(rec) / len(rec), sum(prec) / len(prec)


VARIANTS = [  # name, (match, exact_boost, coord), title_weight
    ('exact only', ('exact', 0, 0), 1),
    ('exact only, title×3', ('exact', 0, 0), 3),
    ('stem only', ('stem', 0, 0), 1),
    ('stem only, title×3', ('stem', 0, 0), 3),
    ('stem + exact×1', ('stem', 1, 0), 1),
    ('stem + exact×1, title×3', ('stem', 1, 0), 3),
    ('stem + exact×1, coord 1, title×3', ('stem', 1, 1), 3),
    ('stem + exact×1, coord 2, title×3', ('stem', 1, 2), 3),
    ('stem + exact×2, coord 2, title×3', ('stem', 2, 2), 3),
    ('stem + exact×1, coord 2, title×5', ('stem', 1, 2), 5),
    ('stem + exact×0.5, coord 2, title×3', ('stem', 0.5, 2), 3),
    ('stem + exact×1, coord 2, title×8', ('stem', 1, 2), 8),
    ('stem + exact×1, coord 3, title×5', ('stem', 1, 3), 5),
    ('stem + exact×0.5, coord 2, title×5', ('stem', 0.5, 2), 5),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--corpus', default=SHARED / 'corpus' / 'egynews2013' / 'articles', type=Path)
    ap.add_argument('--eval', default=SHARED / 'eval', type=Path)
    ap.add_argument('--prefix', default='egynews_dev', help='query files are PREFIX.{known_item,inflect,clitic}.jsonl')
    ap.add_argument('--out', default=ROOT / 'benchmarks/results/analyzer_eval.md', type=Path)
    a = ap.parse_args()
    docs = load_docs(a.corpus)
    names = [d[0] for d in docs]
    key = hashlib.sha1((ROOT / 'plugins/arshif_search/analyzer.py').read_bytes()
                       + (ROOT / 'plugins/arshif_search/data/analyzer_data.json').read_bytes()).hexdigest()[:12]
    cache = Path(f'/tmp/arshif_eval_{key}.pkl')
    if cache.exists():
        post, lens, words, secs = pickle.loads(cache.read_bytes())
    else:
        post, lens, words, secs = build(docs)
        cache.write_bytes(pickle.dumps((post, lens, words, secs)))
    ev = {n: [json.loads(l) for l in open(a.eval / f'{a.prefix}.{n}.jsonl', encoding='utf-8')]
          for n in ('known_item', 'inflect', 'clitic')}
    rows = []
    for name, variant, tw in VARIANTS:
        s = Scorer(post, lens, tw)
        rows.append((name, *known_item(s, ev['known_item'], names, variant),
                     *known_item(s, ev['inflect'], names, variant), *clitic(s, ev['clitic'], names, variant)))
        print(f'{name:40s}' + ' '.join(f'{x:.3f}' for x in rows[-1][1:]), flush=True)
    stems = {t for (f, k), p in post.items() if k == 'stem' for t in p}
    exact = {t for (f, k), p in post.items() if k == 'exact' for t in p}
    lines = [
        '# Analyzer retrieval evaluation (egynews2013, 20,000 articles)', '',
        f'Command: `{" ".join([".venv/bin/python benchmarks/analyzer_eval.py", *sys.argv[1:]])}`'
        f' — machine: {platform.machine()}, '
        f'{platform.python_implementation()} {platform.python_version()}, 2 shared cores.',
        f'Queries: {len(ev["known_item"])} known-item, {len(ev["inflect"])} inflection, '
        f'{len(ev["clitic"])} clitic probes ({a.eval}/{a.prefix}.*.jsonl). BM25F k1={K1}, b={B}; '
        'a query matches a document holding any query word (OR).', '',
        f'Tokenising title+body of all articles: {words:,} words in {secs:.1f} s of CPU time '
        f'= {words / secs:,.0f} words/s (`tokenize` only, per-word cache cold at start, one process). '
        f'Distinct exact terms {len(exact):,}, stems {len(stems):,}.', '',
        '| variant | known MRR@10 | known S@10 | infl MRR@10 | infl S@10 | clitic recall | clitic P@10 |',
        '|---|---|---|---|---|---|---|',
        *[f'| {r[0]} | ' + ' | '.join(f'{x:.3f}' for x in r[1:]) + ' |' for r in rows],
        '', 'Targets: known MRR ≥ 0.88, S@10 ≥ 0.96; inflection MRR ≥ 0.75, S@10 ≥ 0.88; '
        'clitic recall ≥ 0.95, P@10 ≥ 0.95.', '',
    ]
    a.out.write_text('\n'.join(lines), encoding='utf-8')


if __name__ == '__main__':
    main()
