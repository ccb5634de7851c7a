"""Tag, source, category and archives pages chart their articles per month (per
week over a short span): inline SVG, right to left, with its counts in text."""

import datetime
import re
from collections import Counter
from types import SimpleNamespace

import html5lib
import pytest

from arshif_theme import timeline
from sitebuild import build_site

BODY = ("قال المتحدث باسم الوزارة إن اللجنة ناقشت خطة تطوير الموانئ والطرق في المحافظات.\n"
        "وأضاف أن الخطة تشمل مشروعات جديدة للنقل البحري خلال الفترة المقبلة.\n")
# name: (headline, date or "" for undated, source, category)
SEEDS = {
    "s1.txt": ("وزير النقل يتفقد ميناء الإسكندرية", "2013-01-05", "صحيفة الصباح", "economy"),
    "s2.txt": ("وزير النقل يبحث تطوير ميناء دمياط", "2013-01-20", "صحيفة الصباح", "economy"),
    "s3.txt": ("وزير النقل يفتتح طريقا جديدا في الصعيد", "2013-03-02", "صحيفة الصباح", "economy"),
    "s4.txt": ("وزير النقل يعلن خطة الموانئ للعام الجديد", "2013-06-10", "صحيفة الصباح", "economy"),
    "s5.txt": ("وزير النقل يلتقي رؤساء هيئات الموانئ", "", "صحيفة الصباح", "economy"),
    "m1.txt": ("ميناء الإسكندرية يستقبل سفينة حاويات عملاقة", "2013-01-05", "صحيفة المساء", "ports"),
    "m2.txt": ("ميناء الإسكندرية يسجل رقما قياسيا في الحاويات", "2013-01-07", "صحيفة المساء", "ports"),
    "m3.txt": ("ميناء الإسكندرية يطلق خدمة إلكترونية للحاويات", "2013-01-14", "صحيفة المساء", "ports"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("timelines")
    seeds = tmp / "seeds"
    seeds.mkdir()
    rows = ["file\ttitle\tdate\tsource\tcategory"]
    for name, (headline, date, source, category) in SEEDS.items():
        (seeds / name).write_text(f"{headline}\n{BODY}", encoding="utf-8")
        rows.append(f"{name}\t\t{date}\t{source}\t{category}")
    (seeds / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = tmp / "out"
    build_site(seeds, out, ARSHIF_TAG_MIN_ARTICLES=2)
    return out


def figure(page):
    html = page.read_text(encoding="utf-8")
    found = re.search(r'<figure class="timeline" data-role="timeline">.*?</figure>', html, re.S)
    assert found, f"no timeline on {page}"
    return found.group(0)


def desc(fig):
    return re.search(r"<desc[^>]*>(.*?)</desc>", fig, re.S).group(1)


def page_named(out, folder, name):
    """The listing page under `folder` whose headline is `name`."""
    for page in sorted((out / folder).glob("*/index.html")):
        if re.search(rf"<h1>{re.escape(name)} <small>", page.read_text(encoding="utf-8")):
            return page
    raise AssertionError(f"no {folder} page for {name}")


def test_a_long_span_is_charted_per_month_with_undated_counted_apart(site):
    fig = figure(page_named(site, "source", "صحيفة الصباح"))
    assert "عدد المقالات في كل شهر" in fig
    assert desc(fig) == "يناير 2013: 2، مارس 2013: 1، يونيو 2013: 1، و 1 غير مؤرخ"
    assert "و 1 غير مؤرخ" in re.search(r"<figcaption>(.*?)</figcaption>", fig).group(1)
    # Every month from January to June has its place: six slots, three bars (empty months have none).
    assert len(re.findall(r'class="timeline-bar"', fig)) == 3
    labels = re.findall(r'class="timeline-label"[^>]*>([^<]+)<', fig)
    assert labels[:2] == ["يناير", "2013"] and "يونيو" in labels and "أبريل" in labels


def test_a_short_span_is_charted_per_week(site):
    fig = figure(page_named(site, "source", "صحيفة المساء"))
    assert "عدد المقالات في كل أسبوع" in fig
    # Weeks start on Saturday: 5 and 7 January share one, 14 January is in the next.
    assert desc(fig) == "أسبوع 5 يناير 2013: 2، أسبوع 12 يناير 2013: 1"


def test_time_runs_right_to_left(site):
    fig = figure(page_named(site, "source", "صحيفة الصباح"))
    xs = [float(x) for x in re.findall(r'class="timeline-bar" x="([\d.]+)"', fig)]
    assert xs == sorted(xs, reverse=True) and len(xs) == 3  # oldest first in the markup, rightmost


def test_the_chart_is_an_accessible_image(site):
    fig = figure(site / "archives" / "index.html")
    svg = re.search(r"<svg[^>]*>", fig).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="timeline-title"' in svg
    assert '<title id="timeline-title">' in fig and '<desc id="timeline-desc">' in fig
    assert "style=" not in fig  # the CSP allows no inline style: classes only
    html5lib.HTMLParser(strict=True).parse((site / "archives" / "index.html").read_text(encoding="utf-8"))


def test_archives_and_category_pages_count_every_article(site):
    fig = figure(site / "archives" / "index.html")
    assert desc(fig) == "يناير 2013: 5، مارس 2013: 1، يونيو 2013: 1، و 1 غير مؤرخ"
    ports = figure(page_named(site, "category", "ports"))
    assert desc(ports) == "أسبوع 5 يناير 2013: 2، أسبوع 12 يناير 2013: 1"


def test_tag_pages_count_what_they_list(site):
    pages = sorted((site / "tag").glob("*/index.html"))
    assert pages, "the fixture should give at least one tag page"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        months, undated = Counter(), 0
        for url in re.findall(r'<li><a href="/(a/[^"]+)"', html):
            article = (site / url / "index.html").read_text(encoding="utf-8")
            found = re.search(r'<p class="meta"[^>]*>\s*<time datetime="(\d{4})-(\d\d)', article)
            if found:
                months[(int(found.group(1)), int(found.group(2)))] += 1
            else:
                undated += 1
        fig = figure(page)
        dated = sum(months.values())
        assert re.search(r"<figcaption>(.*?)</figcaption>", fig).group(1).startswith(
            f"{dated} مقال" if dated > 2 else ("مقالان" if dated == 2 else "مقال واحد"))
        text = desc(fig)
        assert text.endswith(f"و {undated} غير مؤرخ") == bool(undated)
        assert sum(int(n) for n in re.findall(r": (\d+)", text)) == dated


def test_charts_can_be_turned_off(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "one.txt").write_text(f"{SEEDS['s1.txt'][0]}\n{BODY}", encoding="utf-8")
    build_site(seeds, tmp_path / "out", ARSHIF_TIMELINES=False)
    assert 'data-role="timeline"' not in (tmp_path / "out" / "archives" / "index.html").read_text(encoding="utf-8")


def _article(day):
    return SimpleNamespace(date=datetime.datetime(*day) if day else datetime.datetime(1970, 1, 1),
                           undated=day is None)


def test_periods_keep_empty_months_and_weeks_start_on_saturday():
    unit, bins = timeline.periods([datetime.date(2013, 1, 31), datetime.date(2013, 5, 15)])
    assert unit == "month"
    assert bins == [(datetime.date(2013, m, 1), 1 if m in (1, 5) else 0) for m in range(1, 6)]
    unit, bins = timeline.periods([datetime.date(2013, 1, 4), datetime.date(2013, 1, 5)])
    assert unit == "week"
    assert bins == [(datetime.date(2012, 12, 29), 1), (datetime.date(2013, 1, 5), 1)]


def test_the_sites_digits_are_used():
    fig = timeline.chart([_article((2013, 2, 1)), _article((2013, 9, 3)), _article(None)], system="arab")
    assert "فبراير ٢٠١٣: ١، سبتمبر ٢٠١٣: ١، و ١ غير مؤرخ" in fig
    assert "2013" not in re.sub(r"<[^>]*>", "", str(fig))


def test_nothing_dated_draws_nothing():
    assert timeline.chart([_article(None)]) == ""
