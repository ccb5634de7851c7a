"""The manifest is data: its columns never configure Pelican, its values are clean text."""

import datetime
import json
import os

from arshif_seeds import manifest
from arshif_seeds.ingest import Ingest


def apply(row):
    metadata = {"title": "من النص", "title_generated": True, "undated": True, "slug": "s"}
    warnings = manifest.apply_row(metadata, row, lambda kind, name: (kind, name))
    return metadata, warnings


def test_unknown_columns_go_to_one_namespaced_place():
    row = {"file": "a.txt", "title": "حقيقي", "_content": "<meta http-equiv=refresh>",
           "override_save_as": "../x.html", "override_url": "javascript:x", "status": "draft",
           "timezone": "Mars/Olympus", "settings": "x", "authors": "y", "slug": "evil", "words": "120"}
    metadata, warnings = apply(row)
    assert warnings == []
    assert metadata["title"] == "حقيقي" and metadata["slug"] == "s"
    assert set(metadata) == {"title", "title_generated", "undated", "slug", manifest.EXTRA}
    assert metadata[manifest.EXTRA] == {k: v for k, v in row.items()
                                        if k not in manifest.KNOWN_COLUMNS}


def test_values_are_cleaned_like_seed_text():
    metadata, _ = apply({"title": "\u202eعنوان\x00 \x01مزيف\ufffe\uffff\u200b\nبالكامل ",
                         "date": "2013-01-06\x00", "source": "\u202bالشروق\u202c",
                         "weird\x00column": "قيمة\ufdd0"})
    assert metadata["title"] == "عنوان مزيف بالكامل"
    assert metadata["date"] == datetime.datetime(2013, 1, 6)
    assert metadata["source"] == "الشروق"
    assert metadata[manifest.EXTRA] == {"weirdcolumn": "قيمة"}


def test_values_that_are_not_strings_become_text():
    assert manifest.clean(None) == ""
    assert manifest.clean(12) == "12"
    assert manifest.clean({"a": ["ب"]}) == '{"a": ["ب"]}'
    metadata, _ = apply({"title": 2013, "tags": ["a", "b"]})
    assert metadata["title"] == "2013" and metadata[manifest.EXTRA] == {"tags": '["a", "b"]'}


def test_names_without_letters_fall_back_with_a_warning():
    metadata, warnings = apply({"source": "..", "category": "\U0001F600", "author": "!!"})
    assert "source" not in metadata and "category" not in metadata and "author" not in metadata
    assert len(warnings) == 3 and all("no letter or digit" in w for w in warnings)


def test_file_keys_are_normalised_and_kept_inside():
    assert manifest.file_key("./a.txt") == "a.txt"
    assert manifest.file_key("sub//a.txt") == "sub/a.txt"
    assert manifest.file_key("sub/../a.txt") == "a.txt"
    assert manifest.file_key("sub\\a.txt") == "sub/a.txt"
    assert manifest.file_key("a\u0301.txt") == "\u00e1.txt"
    for outside in ("../a.txt", "/etc/passwd", "sub/../../a.txt", "C:/x.txt", ".", ".."):
        assert manifest.file_key(outside) is None, outside


def test_tsv_quotes_are_text_and_rows_stay_rows(tmp_path):
    (tmp_path / "manifest.tsv").write_text(
        'file\ttitle\n'
        'a.txt\t"عاجل: الحكومة تعلن\n'
        'b.txt\tعنوان ب\n'
        './c.txt\t"مقتبس" كاملا\n'
        'd.txt\tx\ty\n'
        '../e.txt\tخارج\n'
        'f.txt\t"""معا نبنى مصر"" تستهدف علاج مليون مريض"\n'
        'g.txt\t"مقتبس"\n', encoding="utf-8")
    loaded = manifest.load_manifest(str(tmp_path))
    assert loaded.rows["a.txt"]["title"] == '"عاجل: الحكومة تعلن'
    assert loaded.rows["b.txt"]["title"] == "عنوان ب"
    assert loaded.rows["c.txt"]["title"] == '"مقتبس" كاملا'
    # A cell a CSV writer quoted (it held a quote) loses the writer's quotes; a quoted word stays.
    assert loaded.rows["f.txt"]["title"] == '"معا نبنى مصر" تستهدف علاج مليون مريض'
    assert loaded.rows["g.txt"]["title"] == '"مقتبس"'
    assert set(loaded.rows) == {"a.txt", "b.txt", "c.txt", "f.txt", "g.txt"}
    assert len(loaded.problems) == 2
    assert "line 5" in loaded.problems[0] and "not applied" in loaded.problems[0]
    assert "../e.txt" in loaded.problems[1] and "outside" in loaded.problems[1]


def test_csv_keeps_quote_semantics(tmp_path):
    (tmp_path / "manifest.csv").write_text('file,title\na.txt,"عنوان, بفاصلة"\n', encoding="utf-8")
    assert manifest.load_manifest(str(tmp_path)).rows["a.txt"]["title"] == "عنوان, بفاصلة"


def test_jsonl_values_are_cleaned(tmp_path):
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"File": "./a.txt", "Title": "\u202eعنوان", "n": 3}) + "\n", encoding="utf-8")
    row = manifest.load_manifest(str(tmp_path)).rows["a.txt"]
    assert row["title"] == "عنوان" and row["n"] == "3"


def test_every_unapplied_row_is_reported(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "rejected.txt").write_bytes(b"")
    (seeds / "published.txt").write_text("x", encoding="utf-8")
    (seeds / "manifest.tsv").write_text("file\ttitle\nrejected.txt\tا\npublished.txt\tب\ngone.txt\tج\n",
                                        encoding="utf-8")
    settings = {"SEEDS_PATH": str(seeds), "INGEST_REPORT_PATH": str(tmp_path / "report.json"),
                "OUTPUT_PATH": str(tmp_path / "out"), "PATH": str(tmp_path)}
    ingest = Ingest(settings)
    ingest.report.record("rejected.txt", "rejected", reason="empty file")
    ingest.report.record("published.txt", "published", title="ب")
    ingest.finish()
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    problems = report["manifest_problems"]
    assert any("rejected.txt not applied" in p and "empty file" in p for p in problems)
    assert any("gone.txt not applied" in p for p in problems)
    # published.txt was recorded as published, but Pelican made no page of it.
    entry = next(e for e in report["files"] if e["file"] == "published.txt")
    assert entry["outcome"] == "rejected" and "no article" in entry["reason"]
    assert any("published.txt not applied" in p for p in problems)


def test_file_names_are_taken_as_written(tmp_path):
    (tmp_path / "manifest.tsv").write_text("file\ttitle\n two  spaces.txt \tعنوان\n", encoding="utf-8")
    assert set(manifest.load_manifest(str(tmp_path)).rows) == {"two  spaces.txt"}


def test_csv_with_an_unbalanced_quote_is_reported(tmp_path):
    (tmp_path / "manifest.csv").write_text('file,title\na.txt,عنوان\nb.txt,"عاجل\nc.txt,x\n',
                                           encoding="utf-8")
    loaded = manifest.load_manifest(str(tmp_path))
    assert set(loaded.rows) == {"a.txt"}
    assert len(loaded.problems) == 1 and "not applied" in loaded.problems[0]


def test_a_manifest_that_is_a_pipe_or_a_link_out_is_not_read(tmp_path):
    for kind in ("pipe", "link"):
        seeds = tmp_path / kind
        seeds.mkdir()
        if kind == "pipe":
            os.mkfifo(seeds / "manifest.tsv")
        else:
            (tmp_path / "secret.tsv").write_text("file\ttitle\na.txt\tسر\n", encoding="utf-8")
            os.symlink(tmp_path / "secret.tsv", seeds / "manifest.tsv")
        ingest = Ingest({"SEEDS_PATH": str(seeds), "PATH": str(tmp_path)})
        assert ingest.manifest.rows == {}
        assert len(ingest.manifest.problems) == 1
        assert ("named pipe" if kind == "pipe" else "leading out") in ingest.manifest.problems[0]


def test_a_manifest_title_that_is_the_kicker_leaves_the_headline():
    """Some sites give the kicker as the title; the headline found under it stays (decided in apply_row alone)."""
    metadata = {"title": "العنوان تحت العنوان الصغير", "kicker": "عنوان صغير", "title_generated": False}
    manifest.apply_row(metadata, {"title": " عنوان صغير "}, lambda kind, name: name)
    assert metadata["title"] == "العنوان تحت العنوان الصغير"
    manifest.apply_row(metadata, {"title": "عنوان آخر"}, lambda kind, name: name)
    assert metadata["title"] == "عنوان آخر"
