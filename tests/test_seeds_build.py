"""Build a small real site from seeds and check what comes out, file by file."""

import json
import os
import re
import shutil

import pytest

from arshif_seeds.lead_headline import MADE_MAX_CHARS, WHOLE_SLACK_CHARS
from sitebuild import SEED_ARTICLE, SEEDS, build_site, copy_seeds

CORPUS_SAMPLE = ["00006_cases.txt", "00019_cases.txt"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("site")
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[:8]
    seeds = copy_seeds(names + [SEED_ARTICLE], tmp / "seeds")
    # An exact duplicate under another name, a file no reader takes, a manifest
    # row for a file that is not there, and an empty seed.
    shutil.copy(seeds / names[1], seeds / "zz_copy_of_second.txt")
    (seeds / "notes.odt").write_bytes(b"PK\x03\x04 not a seed")
    (seeds / "empty.txt").write_bytes(b"")
    with open(seeds / "manifest.tsv", "a", encoding="utf-8") as handle:
        handle.write("gone.txt\tnowhere\tworld\t2013-01-01 10:00:00\t10\tعنوان\tx\n")
    out = tmp / "output"
    build_site(seeds, out)
    report = json.loads((tmp / "output-ingest-report.json").read_text(encoding="utf-8"))
    return {"out": out, "seeds": seeds, "names": names, "report": report}


def page_for(site, source_file):
    entry = next(e for e in site["report"]["files"] if e["file"] == source_file)
    url = entry["url"]
    return (site["out"] / url / "index.html").read_text(encoding="utf-8")


def test_every_file_is_accounted_for(site):
    files = {e["file"]: e for e in site["report"]["files"]}
    assert set(files) == set(os.listdir(site["seeds"]))
    assert files["empty.txt"]["outcome"] == "rejected"
    assert files["empty.txt"]["reason"]
    assert files["notes.odt"]["outcome"] == "ignored"
    assert files["manifest.tsv"]["outcome"] == "ignored"
    assert files[SEED_ARTICLE]["outcome"] == "published"
    counts = site["report"]["counts"]
    assert counts["published"] == len(site["names"]) + 1
    assert any("gone.txt" in p for p in site["report"]["manifest_problems"])


def test_exact_duplicate_is_merged_not_lost(site):
    files = {e["file"]: e for e in site["report"]["files"]}
    dup = files["zz_copy_of_second.txt"]
    assert dup["outcome"] == "merged"
    assert dup["merged_into"] == site["names"][1]
    assert site["report"]["counts"]["merged"] == 1


def test_seed_article_page(site):
    html = page_for(site, SEED_ARTICLE)
    assert 'dir="rtl"' in html
    assert "مشاركة :" not in html
    entry = next(e for e in site["report"]["files"] if e["file"] == SEED_ARTICLE)
    assert entry["title_generated"] is True
    assert entry["undated"] is True
    title = entry["title"]
    assert 10 <= len(title) <= MADE_MAX_CHARS + WHOLE_SLACK_CHARS
    assert title.split()[0] in html
    # The reader is told the headline is the software's, not the outlet's.
    assert 'data-role="title-generated"' in html
    # Every sentence of the seed is on the page.
    text = (SEEDS_DIR := site["seeds"]).joinpath(SEED_ARTICLE).read_text(encoding="utf-8")
    body = text.split("مشاركة :")[0]
    page_text = re.sub(r"<[^>]+>", " ", html).replace("&#34;", '"').replace("&quot;", '"')
    page_words = " ".join(page_text.split())
    for sentence in re.split(r"(?<=\.)\s+", body.strip()):
        probe = " ".join(sentence.split()[:6])
        assert probe in page_words, probe


def test_manifest_metadata_wins(site):
    import csv

    with open(site["seeds"] / "manifest.tsv", encoding="utf-8") as handle:
        rows = {r["file"]: r for r in csv.DictReader(handle, delimiter="\t")}
    name = site["names"][0]
    html = page_for(site, name)
    assert rows[name]["title"].replace('"', "&#34;").split()[0] in html
    entry = next(e for e in site["report"]["files"] if e["file"] == name)
    assert entry["title"] == rows[name]["title"]
    assert 'data-role="title-generated"' not in html
    assert entry.get("undated") is not True


def test_slugs_are_ascii_and_from_the_seed_id(site):
    for entry in site["report"]["files"]:
        if entry["outcome"] == "published":
            assert entry["url"].isascii()
            stem = os.path.splitext(entry["file"])[0]
            assert stem in entry["url"]
