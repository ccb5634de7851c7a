"""The CLI ranks exactly as the browser engine: same results, scores and order.

A small site is built from the committed corpus sample (the target articles of
the committed dev queries, tests/fixtures/eval/) and 40 other articles from
seeds/; every committed dev query (known-item, inflection and typing, plus
phrase, exclusion, filter, sort and prefix variants) is run through `query.StaticIndex` and through
theme/static/js/search-engine.js in Node, whose `fetch` reads the output
folder. This is the only check that the two rank alike.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from arshif_search import cli  # noqa: E402
from arshif_search.query import StaticIndex  # noqa: E402
from sitebuild import SAMPLE, SEEDS, build_site, copy_seeds  # noqa: E402

EVAL = ROOT / "tests" / "fixtures" / "eval"

RUNNER = r"""
import {readFile} from 'node:fs/promises';
import {pathToFileURL} from 'node:url';
const [engine, root, queriesFile] = process.argv.slice(2);
globalThis.fetch = async (url) => {
  try {
    const data = await readFile(decodeURIComponent(new URL(url).pathname));
    return {ok: true, status: 200, json: async () => JSON.parse(data.toString('utf8')),
      text: async () => data.toString('utf8'),
      arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)};
  } catch { return {ok: false, status: 404}; }
};
const {SearchEngine} = await import(pathToFileURL(engine).href);
const e = await SearchEngine.load(pathToFileURL(root).href + '/');
const out = [];
for (const [q, opts] of JSON.parse(await readFile(queriesFile, 'utf8'))) {
  const r = await e.search(q, opts);
  out.push({total: r.total, terms: r.terms, suggestions: r.suggestions,
    results: r.results.map((x) => [x.source_file, x.score, x.matched, x.title, x.date])});
}
console.log(JSON.stringify(out));
"""


def dev_queries(names=("egynews_dev.known_item.jsonl", "egynews_dev.inflect.jsonl")):
    rows = []
    for name in names:
        with open(EVAL / name, encoding="utf-8") as handle:
            rows += [json.loads(line) for line in handle if line.strip()]
    return rows


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    sample = sorted(n for n in os.listdir(SAMPLE) if n.endswith(".txt"))
    assert {r["target"] for r in dev_queries()} <= set(sample)
    others = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n not in sample)[:40]
    seeds = copy_seeds(sample, tmp / "seeds", source=SAMPLE)
    copy_seeds(others, seeds)
    build_site(seeds, tmp / "output")
    return tmp / "output" / "search"


def test_cli_prints_ranked_results(site, capsys):
    target = dev_queries()[0]
    assert cli.main([target["query"], "--index", str(site), "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].endswith("results")
    assert f"({target['target']})" in out.splitlines()[2]
    assert cli.main([target["query"], "--index", str(site), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["results"][0]["source_file"] == target["target"]


def test_cli_and_browser_engine_rank_the_same(site, tmp_path):
    index = StaticIndex(site)
    typing = dev_queries(["egynews_dev.typing.jsonl"])
    queries = [[q["query"], {"limit": 20}] for q in dev_queries() + typing]
    headline = dev_queries()[0]["headline"].split()
    queries += [
        ['"' + " ".join(headline[:2]) + '"', {"limit": 20}],
        [" ".join(headline[:3]) + " -" + headline[1], {"limit": 20}],
        ["مصر", {"limit": 15, "offset": 5, "sort": "newest"}],
        ["مصر الحكومة", {"limit": 50, "category": index.manifest["facets"]["category"][0][0]}],
        ["مصر", {"limit": 50, "source": index.manifest["facets"]["source"][0][0], "year": 2013}],
        ["الحكومه المصريه", {"limit": 10}],
        ["والرئ", {"limit": 20}],
        ["الرئ ", {}],
        ["مصر «الحكو", {}],
        ["مصر -الحكو", {}],
        ["الحكومه مص", {"limit": 30, "sort": "newest"}],
        ["الخارجيع", {}],
    ]
    (tmp_path / "q.json").write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "run.mjs").write_text(RUNNER, encoding="utf-8")
    proc = subprocess.run(
        ["node", str(tmp_path / "run.mjs"), str(ROOT / "theme/static/js/search-engine.js"),
         str(site), str(tmp_path / "q.json")],
        capture_output=True, text=True, check=True)
    browser = json.loads(proc.stdout)
    assert len(browser) == len(queries)
    found = []
    for (query, opts), js in zip(queries, browser):
        py = index.search(query, **opts)
        expected = {"total": py["total"], "terms": py["terms"], "suggestions": py["suggestions"],
                    "results": [[r["source_file"], r["score"], r["matched"], r["title"],
                                 r["date"]] for r in py["results"]]}
        assert js == expected, query
        found.append([r["source_file"] for r in py["results"]])
    # The comparison is made on rankings that hold the articles sought.
    hits = sum(q["target"] in files for q, files in zip(dev_queries() + typing, found))
    assert hits >= 0.9 * len(dev_queries() + typing), hits
    variants = found[len(dev_queries() + typing):]
    assert all(variants[:7]) and browser[-1]["suggestions"], "variants find something"


def test_word_being_typed_finds_its_completions(site):
    """The last word, unfinished, matches the stems it starts (after its
    proclitics) like an inflection; once a space follows it is a whole word."""
    index = StaticIndex(site)
    typed = index.search("والحكو", limit=50)
    assert typed["results"] and all(r["matched"] == 1 for r in typed["results"])
    assert any(t.startswith("حكوم") for t in typed["terms"])
    assert index.search("والحكو ", limit=50)["total"] == 0
    # Documents holding the whole word keep their scores; completions add documents.
    whole = index.search("الحكومه ", limit=1000)
    typing = {r["source_file"]: r["score"] for r in index.search("الحكومه", limit=1000)["results"]}
    assert whole["total"] and {r["source_file"]: r["score"] for r in whole["results"]}.items() \
        <= typing.items()


def test_word_being_typed_that_is_a_word_keeps_its_own_documents_first(site):
    """Completions of a typed word that is already a word of the archive count
    completion_weight times their weight, not stem_weight times: its own
    documents stay ahead; an unfinished word's completions are unaffected."""
    index = StaticIndex(site)
    rank = index.manifest["ranking"]
    assert rank["completion_weight"] < rank["stem_weight"]

    def scores(query, weight):
        rank["completion_weight"] = weight
        return {r["source_file"]: r["score"] for r in index.search(query, limit=1000)["results"]}
    own = set(scores("مصر ", 1))
    low, high = scores("مصر", 1), scores("مصر", rank["stem_weight"])
    assert set(low) > own
    assert all(low[f] == high[f] for f in own)
    assert all(low[f] * rank["stem_weight"] == high[f] for f in set(low) - own)
    assert scores("والحكو", 1) == scores("والحكو", rank["stem_weight"])
