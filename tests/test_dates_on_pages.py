"""Publication dates on pages come only from datelines (or the manifest), with the Hijri date beside them."""

import json
import re

from sitebuild import build_site

WIRE = ("عام / الجامعة العربية تنعي المواطن الفلسطيني\n"
        "القاهرة 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\n"
        "نعت جامعة الدول العربية المواطن الفلسطيني الذي توفي متأثرا بإصابته في الحريق.\n"
        "وطالبت الجامعة المحكمة الجنائية الدولية بالتحقيق في الجريمة.\n// انتهى //\n18:07 ت م\n")
STORY = ("انتخابات الاتحاد الدولي لكرة القدم\n"
         "تجرى انتخابات رئاسة الاتحاد الدولي لكرة القدم في 26 فبراير 2016 في زيوريخ بحضور ممثلي الاتحادات.\n"
         "وتغيرت اللوائح منذ 11 سبتمبر 2001 تغيرا كبيرا في المنطقة كلها.\n")
COLUMN = ("داعش العلمانية\n"
          "يتحدث كثيرون عن التنظيم وكأنه ظاهرة دينية خالصة، والحقيقة أن جذوره سياسية قبل أي شيء آخر.\n")


def _build(tmp_path, **settings):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "wire.txt").write_text(WIRE, encoding="utf-8")
    (seeds / "story.txt").write_text(STORY, encoding="utf-8")
    (seeds / "column.txt").write_text(COLUMN, encoding="utf-8")
    build_site(seeds, tmp_path / "out", **settings)
    return tmp_path / "out"


def _page(out, slug):
    return (out / "a" / slug / "index.html").read_text(encoding="utf-8")


def test_dateline_dates_the_page_with_its_hijri_date(tmp_path):
    out = _build(tmp_path)
    page = _page(out, "wire")
    assert '<time datetime="2015-08-11">11 أغسطس 2015</time>' in page
    assert '<span class="hijri">(26 شوال 1436 هـ)</span>' in page
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["datePublished"].startswith("2015-08-11")
    body = page.split('<div class="body">', 1)[1]
    assert "واس" not in body.split("</div>", 1)[0] and "انتهى" not in body


def test_dates_mentioned_in_the_story_never_date_the_page(tmp_path):
    out = _build(tmp_path)
    page = _page(out, "story")
    assert "غير مؤرخ" in page and "datePublished" not in page and "hijri" not in page
    assert "2016" not in page.split('<p class="meta"', 1)[1].split("</p>", 1)[0]


def test_a_headline_that_looks_like_a_name_is_never_the_author(tmp_path):
    out = _build(tmp_path)
    page = _page(out, "column")
    assert "<h1>داعش العلمانية</h1>" in page
    assert '"author"' not in page


def test_the_hijri_date_can_be_turned_off(tmp_path):
    out = _build(tmp_path, ARSHIF_HIJRI_DATES=False)
    assert "hijri" not in _page(out, "wire")
