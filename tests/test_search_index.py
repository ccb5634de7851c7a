"""The search index: Whoosh at build time, the static export, and its semantics.

Most tests index small hand-made records (no Pelican) and query the export
with `query.StaticIndex`, which ranks exactly as the browser engine does
(parity: tests/test_search_cli.py). One test builds a real site.
"""

import base64
import hashlib
import json
import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "plugins"))

from arshif_search import DEFAULTS, index_export, indexer  # noqa: E402
from arshif_search.analyzer import tokenize  # noqa: E402
from arshif_search.query import StaticIndex, parse_query, prefix_readings  # noqa: E402

FILLER = "وأضاف المصدر أن الاجتماع تناول عددا من الملفات المطروحة خلال الفترة المقبلة"


def record(name, title, body, date="2013-03-01", category="politics", source="shorouk",
           kicker=""):
    rec = {"source_file": name, "url": f"{category}/{name[:-4]}/", "title": title,
           "kicker": kicker, "body": body, "snippet": body[:80], "date": date,
           "source": source, "category": category}
    rec["content_hash"] = hashlib.sha1(repr(sorted(rec.items())).encode()).hexdigest()
    return rec


CORPUS = [
    record("a.txt", "مجلس الشورى يناقش الموازنة", f"ناقش مجلس الشورى اليوم الموازنة. {FILLER}",
           date="2013-05-02"),
    record("b.txt", "اجتماع في المجلس", f"قال عضو في المجلس إن الشورى مبدأ إسلامي. {FILLER}",
           date="2013-04-01", category="egypt"),
    record("c.txt", "توقيع الاتفاقيات التجارية", f"وقعت مصر والصين الاتفاقيات. {FILLER}",
           date="2012-12-30", source="youm7"),
    record("d.txt", "توقيع الاتفاقية التجارية", f"وقعت مصر والصين الاتفاقية. {FILLER}",
           date="2012-11-30", source="youm7"),
    record("e.txt", "أخبار الرياضة", f"فاز الأهلي على الزمالك. {FILLER}", date=""),
    record("f.txt", "الصين والهند", f"زار وفد من الصين الهند. {FILLER} {FILLER}",
           date="2013-01-15", category="world"),
]


def export(tmp_path, records, **overrides):
    settings = dict(DEFAULTS, **overrides)
    by_name = {r["source_file"]: r for r in records}
    counts = indexer.update_index(tmp_path / "whoosh",
                                  {r["source_file"]: r["content_hash"] for r in records},
                                  by_name.__getitem__)
    manifest = index_export.export_index(tmp_path / "whoosh", tmp_path / "search", settings)
    return counts, manifest, StaticIndex(tmp_path / "search")


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    return export(tmp_path_factory.mktemp("ix"), CORPUS, suggest_min_df=1)[2]


def snapshot(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def files(result):
    return [r["source_file"] for r in result["results"]]


def name_of(data, length):
    return base64.urlsafe_b64encode(hashlib.sha1(data).digest()).decode()[:length]


def test_files_are_named_by_their_content_and_nothing_else_is_left(index, tmp_path):
    m = index.manifest
    assert m["docs"] == len(CORPUS)
    on_disk = sorted(str(p.relative_to(index.folder)) for p in index.folder.rglob("*.*")
                     if p.name != "manifest.json")
    listed = index_export.listed_files(index.folder, m)
    assert on_disk == sorted(listed)
    chunks = -(-m["docs"] // m["chunk_size"])
    assert len(listed) == 2 * (len(m["ranges"]) + 1) + chunks \
        + -(-chunks // m["names_per_block"]) + 1 + len(m["suggest"])
    for path in listed:
        kind, name = path.split("/")
        data = (index.folder / path).read_bytes()
        if kind in "tp":  # a term shard and its positions share the name of both
            data = (index.folder / "t" / name).read_bytes() + (index.folder / "p" / name).read_bytes()
        assert name.split(".")[0] == name_of(data, m["name_length"]), path
    # The same documents give the same files; a file's name changes only with its content.
    _, same, _ = export(tmp_path / "same", CORPUS, suggest_min_df=1)
    assert same == m
    # Without the newest (last) document, only the last result chunk changes.
    _, other, _ = export(tmp_path / "other", CORPUS[1:], suggest_min_df=1)
    chunks = lambda folder, manifest: [p for p in index_export.listed_files(folder, manifest)
                                       if p[0] == "d"]
    assert chunks(tmp_path / "other" / "search", other)[:-1] == chunks(index.folder, m)[:-1]
    assert chunks(tmp_path / "other" / "search", other)[-1] != chunks(index.folder, m)[-1]


def test_adding_the_newest_article_renames_only_the_files_it_changes(tmp_path, monkeypatch):
    # N and the average lengths are coarse (three digits, 1 % steps): at
    # archive scale one article rarely moves them. Held fixed here, so that
    # seven documents behave like twenty thousand.
    monkeypatch.setattr(index_export, "_coarse_count", lambda n: 20000)
    monkeypatch.setattr(index_export, "_coarse", lambda value: 1.0)
    added = []
    monkeypatch.setattr(index_export.ExportState, "add", lambda self, docs, *rest, add=(
        index_export.ExportState.add): added.append(len(docs)) or add(self, docs, *rest))
    *_, old = export(tmp_path, CORPUS, shard_bytes=64)
    first_chunk = old.chunk_path(0)
    newest = record("g.txt", "الهند تستورد القمح", "استوردت الهند القمح", date="2013-06-01")
    *_, new = export(tmp_path, CORPUS + [newest], shard_bytes=64)
    size = new.manifest["name_length"]
    # Only the new article was analysed into the kept export state, and the
    # export is the one made from scratch.
    *_, scratch = export(tmp_path / "scratch", CORPUS + [newest], shard_bytes=64)
    assert added == [6, 1, 7]
    assert new.manifest == scratch.manifest and snapshot(new.folder) == snapshot(scratch.folder)

    def names(ix, kind):
        listing = ix.manifest["files"][kind]
        return [listing[i:i + size] for i in range(0, len(listing), size)]
    assert new.manifest["docs"] == 7 and new.manifest["undated"] == 1
    assert files(new.search("القمح")) == ["g.txt"] and new.doc(6)["source_file"] == "g.txt"
    # Old documents keep their ids: the first chunk is unchanged.
    assert new.chunk_path(0) == first_chunk
    # Term shards are renamed where the new article's stems are (and where
    # their growth moved the next cuts), not from the first of them on.
    touched = {new.shard_of(t.stem) for t in tokenize(newest["title"] + " " + newest["body"])}
    kept = set(names(old, "t"))
    renamed = {i for i, name in enumerate(names(new, "t")) if name not in kept}
    assert touched <= renamed and len(renamed) < len(names(new, "t"))


def test_term_shards_hold_ranges_of_sorted_stems(tmp_path):
    *_, ix = export(tmp_path, CORPUS, shard_bytes=64)
    ranges = ix.manifest["ranges"]
    assert len(ranges) > 2 and ranges == sorted(ranges)
    stems = [stem for i in range(len(ranges) + 1) for stem in ix._shard("t", i)]
    assert stems == sorted(stems) and len(stems) == ix.manifest["terms"]
    for i in range(len(ranges) + 1):
        assert all(ix.shard_of(stem) == i for stem in ix._shard("t", i))


def test_word_being_typed_matches_its_completions_after_proclitics(index):
    assert prefix_readings("والرء") == ["والرء", "الرء", "رء"]
    assert prefix_readings("بيا") == ["بيا"]  # ب + 2 letters is too short to be a reading
    for query in ("الصي", "والصي", "بالصي", "صي"):
        assert set(files(index.search(query))) == {"c.txt", "d.txt", "f.txt"}, query
    assert files(index.search("الصي ")) == []  # a space ends the word
    found = index.search("مصر الاتفاق")
    assert files(found)[:2] == ["c.txt", "d.txt"] and found["results"][0]["matched"] == 2
    assert "اتفاقي" in found["terms"] and not found["suggestions"]
    # A whole word keeps its own documents' scores; its completions only add documents.
    assert index.search("اتفاقيات")["results"][:2] == index.search("اتفاقيات ")["results"][:2]


def test_proclitic_forms_all_match_the_bare_word(index):
    for query in ("الصين", "صين", "والصين", "بالصين"):
        assert set(files(index.search(query))) == {"c.txt", "d.txt", "f.txt"}


def test_exact_form_ranks_before_other_inflections_of_the_stem(index):
    assert tokenize("الاتفاقيات")[0].stem == tokenize("الاتفاقية")[0].stem
    assert files(index.search("اتفاقيات"))[:2] == ["c.txt", "d.txt"]
    assert files(index.search("اتفاقيه"))[:2] == ["d.txt", "c.txt"]


def test_documents_matching_more_words_come_first_without_requiring_all(index):
    found = index.search("الصين الهند")
    assert files(found)[0] == "f.txt"
    assert found["results"][0]["matched"] == 2
    assert set(files(found)) == {"c.txt", "d.txt", "f.txt"}
    assert [r["matched"] for r in found["results"]] == [2, 1, 1]


def test_title_words_weigh_more_than_body_words(index):
    # a.txt has مجلس الشورى in its title, b.txt only in its body.
    assert files(index.search("الشورى"))[0] == "a.txt"


def test_quoted_phrase_needs_adjacent_words(index):
    assert set(files(index.search("مجلس الشورى"))) == {"a.txt", "b.txt"}
    assert files(index.search('"مجلس الشورى"')) == ["a.txt"]
    assert files(index.search("«مجلس الشورى»")) == ["a.txt"]
    assert files(index.search('"الشورى مجلس"')) == []


def test_minus_word_excludes(index):
    assert set(files(index.search("الصين -الهند"))) == {"c.txt", "d.txt"}
    assert files(index.search("-الصين")) == []


def test_filters_and_newest_first(index):
    assert files(index.search("الصين", category="world")) == ["f.txt"]
    assert set(files(index.search("الصين", source="youm7"))) == {"c.txt", "d.txt"}
    assert set(files(index.search("الصين", year=2012))) == {"c.txt", "d.txt"}
    assert files(index.search("وقعت الصين", sort="newest")) == ["c.txt", "d.txt", "f.txt"]
    years = {name: count for name, _, count in
             [(y, s, e - s) for y, s, e in index.manifest["facets"]["year"]]}
    assert years == {2013: 3, 2012: 2}


def test_paging_and_total(index):
    first = index.search("الصين", limit=2)
    second = index.search("الصين", limit=2, offset=2)
    assert first["total"] == second["total"] == 3
    assert files(first) + files(second) == files(index.search("الصين"))


def test_did_you_mean(index):
    found = index.search("الاتفاقيتت")
    assert found["total"] == 0
    assert found["suggestions"][0]["suggestion"] in {"اتفاقيات", "اتفاقيه"}


def test_results_carry_display_data(index):
    top = index.search("الرياضة")["results"][0]
    assert top["source_file"] == "e.txt"
    assert top["undated"] and top["date"] == ""
    assert top["url"] == "politics/e/"
    assert top["title"] == "أخبار الرياضة"


def test_parse_query():
    units, excluded, prefix = parse_query('مصر "مجلس الشورى" -الهند مصر')
    stem = {w: tokenize(w)[0].stem for w in ("مصر", "مجلس", "الشورى", "الهند")}
    assert [[w[1] for w in u] for u in units] == [[stem["مصر"]], [stem["مجلس"], stem["الشورى"]]]
    assert [w[2] for w in units[1]] == [0, 1]
    assert excluded == [stem["الهند"]]
    # The last word, a repeat, is the one being typed: it completes its unit.
    assert prefix == (["مصر"], 0)
    for ended in ('مصر ', 'مصر.', '"مصر"', 'مصر -الهند', 'مصر في'):
        assert parse_query(ended)[2] is None, ended


def test_incremental_update_only_indexes_changes(tmp_path):
    counts, first, _ = export(tmp_path, CORPUS)
    assert counts == {"added": 6, "deleted": 0, "kept": 0}
    counts, again, _ = export(tmp_path, CORPUS)
    assert counts == {"added": 0, "deleted": 0, "kept": 6}
    assert again == first
    changed = [record("a.txt", "مجلس النواب", "نص جديد")] + CORPUS[1:5]
    counts, _, ix = export(tmp_path, changed + [record("g.txt", "خبر جديد", "نص")])
    assert counts == {"added": 2, "deleted": 2, "kept": 4}
    assert files(ix.search("النواب")) == ["a.txt"]
    assert files(ix.search("الهند")) == []  # f.txt is gone
    assert files(ix.search("الشورى")) == ["b.txt"]
    # The export equals one made from scratch (the kept state was not appended to).
    _, _, scratch = export(tmp_path / "scratch", changed + [record("g.txt", "خبر جديد", "نص")])
    assert snapshot(ix.folder) == snapshot(scratch.folder)
    # Files of the earlier export are removed.
    assert sorted(str(p.relative_to(tmp_path / "search")) for p in (tmp_path / "search").rglob("*.*")
                  if p.name != "manifest.json") == sorted(index_export.listed_files(ix.folder,
                                                                                     ix.manifest))


def test_site_build_exports_the_index(tmp_path):
    from sitebuild import SEED_ARTICLE, SEEDS, build_site, copy_seeds

    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:6]
    if SEED_ARTICLE not in names:
        names.append(SEED_ARTICLE)
    seeds = copy_seeds(names, tmp_path / "seeds")
    build_site(seeds, tmp_path / "output")
    ix = StaticIndex(tmp_path / "output" / "search")
    docs = [ix.doc(i) for i in range(ix.manifest["docs"])]
    assert sorted(d["source_file"] for d in docs) == sorted(names)
    for d in docs:
        assert (tmp_path / "output" / d["url"] / "index.html").exists()
    found = ix.search("والصين")
    assert SEED_ARTICLE in files(found)
    assert json.loads((tmp_path / "output" / "search" / "manifest.json").read_text())["docs"] \
        == len(names)


def test_whoosh_index_is_searchable_by_title_with_the_analyzer(tmp_path):
    from whoosh import index as whoosh_index
    from whoosh.qparser import QueryParser

    export(tmp_path, CORPUS)
    ix = whoosh_index.open_dir(str(tmp_path / "whoosh"))
    with ix.searcher() as searcher:
        query = QueryParser("title", ix.schema).parse("والاتفاقيات")
        hits = {hit["source_file"] for hit in searcher.search(query)}
    ix.close()
    assert hits == {"c.txt", "d.txt"}
