"""Exact copies merge without loss; the same text under another headline is another publication."""

import json
import re

from sitebuild import build_site

HEADLINE = "الحكومة تعلن خطة جديدة لتطوير الخدمات"
BODY = ("أعلنت الحكومة اليوم عن خطة جديدة لتطوير الخدمات في المدن والقرى خلال العام المقبل.\n"
        "وقال المتحدث إن الخطة تشمل التعليم والصحة والطرق في كل المحافظات.\n")
MANIFEST = (
    "file\ttitle\tdate\tsource\turl\n"
    "late.txt\t\t2013-01-05\tصحيفة الصباح\thttps://example.com/sabah/1\n"
    "early.txt\t\t2013-01-03\tصحيفة المساء\thttps://example.com/masaa/7\n"
    "plain.txt\t\t\t\t\n"
    "other-headline.txt\t\t2013-01-04\tصحيفة الفجر\thttps://example.com/fajr/2\n"
)


def _build(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("late.txt", "early.txt", "plain.txt"):
        (seeds / name).write_text(f"{HEADLINE}\n{BODY}", encoding="utf-8")
    (seeds / "other-headline.txt").write_text(f"خطة حكومية للخدمات في كل المحافظات\n{BODY}", encoding="utf-8")
    (seeds / "manifest.tsv").write_text(MANIFEST, encoding="utf-8")
    out = tmp_path / "out"
    build_site(seeds, out)
    report = json.loads((tmp_path / "out-ingest-report.json").read_text(encoding="utf-8"))
    return out, {entry["file"]: entry for entry in report["files"]}


def test_the_earliest_copy_is_published_and_names_every_other(tmp_path):
    out, report = _build(tmp_path)
    assert report["early.txt"]["outcome"] == "published"
    assert report["late.txt"]["outcome"] == "merged" and report["late.txt"]["merged_into"] == "early.txt"
    assert report["plain.txt"]["merged_into"] == "early.txt"
    page = (out / "a" / "early" / "index.html").read_text(encoding="utf-8")
    copies = page.split('data-role="copies"', 1)[1].split("</section>", 1)[0]
    assert "صحيفة الصباح" in copies and "5 يناير 2013" in copies
    assert 'href="https://example.com/sabah/1"' in copies
    assert "مصدر غير مذكور" in copies and "غير مؤرخ" in copies  # the bare copy, said as it is
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["datePublished"].startswith("2013-01-03")
    assert data["sameAs"] == ["https://example.com/sabah/1"]


def test_the_same_text_under_another_headline_is_published_on_its_own(tmp_path):
    out, report = _build(tmp_path)
    assert report["other-headline.txt"]["outcome"] == "published"
    page = (out / "a" / "other-headline" / "index.html").read_text(encoding="utf-8")
    assert "<h1>خطة حكومية للخدمات في كل المحافظات</h1>" in page and 'data-role="copies"' not in page
