"""Dump files (JSONL, CSV) as seeds: every record an article or a rejection with its number."""

import json
import pathlib
import shutil

import pytest

from arshif_seeds import dumps
from arshif_seeds.reader import SeedReader
from sitebuild import build_site

DUMPS = pathlib.Path(__file__).parent / "fixtures" / "dumps"


def _report(out):
    report = json.loads(pathlib.Path(str(out) + "-ingest-report.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in report["files"]}


def test_records_are_streamed_with_their_numbers_and_problems():
    found = [(n, problem) for n, _, problem in dumps.records(str(DUMPS / "records.jsonl"))]
    assert found == [(1, None), (2, None), (3, None), (4, None), (5, "empty text"),
                     (6, "not valid JSON (Expecting value)"), (8, "not a JSON object"),
                     (9, "no text field (text, body, content, article …)")]
    rows = list(dumps.records(str(DUMPS / "records.csv")))
    assert [(n, problem) for n, _, problem in rows] == [(1, None), (2, None), (3, "empty text")]
    assert rows[0][1]["title"] == "وزارة الصحة تعلن خطة جديدة" and rows[0][1]["date"] == "2015-08-10"


def test_a_jsonl_dump_in_the_seeds_folder(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DUMPS / "records.jsonl", seeds / "papers.jsonl")
    out = tmp_path / "out"
    build_site(seeds, out)
    report = _report(out)
    assert report["papers.jsonl#1"]["outcome"] == "published"
    assert report["papers.jsonl#5"] == {"file": "papers.jsonl#5", "outcome": "rejected", "reason": "empty text"}
    assert report["papers.jsonl#6"]["reason"] == "not valid JSON (Expecting value)"
    assert report["papers.jsonl"]["outcome"] == "ignored"
    # The slug comes from the record's id; its title, date and url win.
    page = (out / "a" / "snn00001" / "index.html").read_text(encoding="utf-8")
    assert "<h1>طيران ناس تكرم طاقم طائرة عاد من المدرج لاخذ علاج راكبة</h1>" in page
    assert '<time datetime="2015-07-21">' in page
    assert "alweeam.com.sa" in page
    # A byline in the author field: its place is shown, and nobody is named the author.
    assert '"author"' not in page and "الرياض - الوئام" not in page


def test_a_dump_given_as_the_seeds(tmp_path):
    out = tmp_path / "out"
    build_site(DUMPS / "records.csv", out)
    report = _report(out)
    assert [report[f"records.csv#{n}"]["outcome"] for n in (1, 2, 3)] == ["published", "published", "rejected"]
    pages = {p.parent.name: p.read_text(encoding="utf-8") for p in (out / "a").glob("*/index.html")}
    assert len(pages) == 2
    health = next(page for page in pages.values() if "وزارة الصحة تعلن خطة جديدة" in page)
    assert "أحمد الحجيري" in health and "تبوك" in health and "صحيفة المساء" in health
    project = next(page for page in pages.values() if "افتتاح مشروع جديد" in page)
    assert "كلمة اليوم" not in project  # a column name is never an author


def test_an_unchanged_record_is_not_parsed_again(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DUMPS / "records.jsonl", seeds / "papers.jsonl")
    build_site(seeds, tmp_path / "out", SEEDS_WORKERS=1)
    parsed = []
    original = SeedReader.parse_text

    def counting(self, text, name, *args, **kwargs):
        parsed.append(name)
        return original(self, text, name, *args, **kwargs)

    monkeypatch.setattr(SeedReader, "parse_text", counting)
    build_site(seeds, tmp_path / "out", SEEDS_WORKERS=1)
    assert parsed == []
    lines = (seeds / "papers.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["title"] = "عنوان جديد للخبر"
    lines[1] = json.dumps(record, ensure_ascii=False)
    (seeds / "papers.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_site(seeds, tmp_path / "out", SEEDS_WORKERS=1)
    assert parsed == ["papers.jsonl#2"]


@pytest.mark.parametrize("name, expected", [("x.jsonl", True), ("x.CSV", True), ("manifest.csv", False),
                                            ("x.txt", False)])
def test_what_is_a_dump(name, expected):
    assert dumps.is_dump(name) is expected


def test_a_record_the_reader_failed_on_is_read_again_next_build(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DUMPS / "records.jsonl", seeds / "papers.jsonl")
    original = SeedReader.parse_text

    def failing(self, text, name, *args, **kwargs):
        if name == "papers.jsonl#2":
            raise ValueError("boom")
        return original(self, text, name, *args, **kwargs)

    monkeypatch.setattr(SeedReader, "parse_text", failing)
    build_site(seeds, tmp_path / "out", SEEDS_WORKERS=1)
    entry = _report(tmp_path / "out")["papers.jsonl#2"]
    assert entry["outcome"] == "rejected" and "could not be read (ValueError: boom)" in entry["reason"]
    monkeypatch.setattr(SeedReader, "parse_text", original)
    build_site(seeds, tmp_path / "out", SEEDS_WORKERS=1)
    assert _report(tmp_path / "out")["papers.jsonl#2"]["outcome"] == "published"


def test_records_parsed_by_workers_give_the_same_site(tmp_path, monkeypatch):
    """Learning's sketches and the records' parses made in forked workers (streamed,
    in order) publish what one process does, rejections included."""
    from arshif_seeds import prefetch
    from test_reproducible import differences, snapshot

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(DUMPS / "records.jsonl", seeds / "papers.jsonl")
    build_site(seeds, tmp_path / "serial", SEEDS_WORKERS=0, ARSHIF_SEARCH={"parallel": False})
    forked = []
    real = prefetch._forked
    monkeypatch.setattr(prefetch, "_forked", lambda *args, **kw: forked.append(1) or real(*args, **kw))
    build_site(seeds, tmp_path / "parallel", SEEDS_WORKERS=2, SEEDS_PARALLEL_MIN=1,
               ARSHIF_SEARCH={"parallel": False})
    assert len(forked) == 2  # the dump's sketches, then its records' parses
    assert differences(snapshot(tmp_path / "serial"), snapshot(tmp_path / "parallel")) == []
    assert _report(tmp_path / "serial") == _report(tmp_path / "parallel")
