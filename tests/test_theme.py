"""The theme and the arshif_theme plugin: filters, and a small site built for real."""

import datetime
import glob
import html.parser
import json
import os
import re
import shutil
import sys
import types
import urllib.parse

import feedparser
import pytest

from sitebuild import ROOT, SEED_ARTICLE, SEEDS, build_site

sys.path.insert(0, os.path.join(ROOT, "plugins"))

from arshif_theme import DEFAULTS, arabic, byline, jsonld, sitemap, tags  # noqa: E402
from arshif_theme.archives import shape_archives  # noqa: E402
from arshif_theme.sources import group_by_source  # noqa: E402
from pelican.settings import DEFAULT_CONFIG  # noqa: E402

SITEURL = "https://x.github.io/arshif"
ORIGINAL_URL = "https://www.example.com/news/1?a=1&b=2"
DATED = ["00003_investigations.txt", "00006_cases.txt", "00281_politics.txt", "00410_mideast.txt"]
ENGLISH = ("Cairo court adjourns the trial of former officials\n\n"
           "CAIRO - A Cairo criminal court on Monday adjourned the trial of several former "
           "officials to next month, judicial sources said. The defendants face charges "
           "related to the killing of protesters. Lawyers asked for more time.\n")


# --- filters -----------------------------------------------------------------

def test_digits_in_both_systems():
    assert arabic.digits(2013, "arab") == "٢٠١٣"
    assert arabic.digits("١٧ يناير ٢٠١٣", "latn") == "17 يناير 2013"
    assert arabic.digits("صفحة 3", "arab") == "صفحة ٣"


def test_arabic_date_uses_egyptian_months():
    day = datetime.datetime(2013, 1, 17, 21, 11)
    assert arabic.arabic_date(day, "arab") == "١٧ يناير ٢٠١٣"
    assert arabic.arabic_date(datetime.date(2013, 8, 3), "latn") == "3 أغسطس 2013"
    assert arabic.month_name(12) == "ديسمبر"


def test_arabic_date_never_shows_an_undated_sentinel():
    undated = types.SimpleNamespace(date=datetime.datetime(1970, 1, 1), undated=True)
    dated = types.SimpleNamespace(date=datetime.datetime(2013, 2, 5), undated=False)
    assert arabic.arabic_date(undated, "arab") == "غير مؤرخ"
    assert arabic.arabic_date(None) == "غير مؤرخ"
    assert arabic.arabic_date(dated, "arab") == "٥ فبراير ٢٠١٣"


@pytest.mark.parametrize("n, text", [
    (1, "دقيقة واحدة"), (2, "دقيقتان"), (3, "٣ دقائق"), (10, "١٠ دقائق"),
    (11, "١١ دقيقة"), (99, "٩٩ دقيقة"), (100, "١٠٠ دقيقة"), (103, "١٠٣ دقائق"),
    (0, "٠ دقيقة"),
])
def test_minutes_follow_arabic_plural_rules(n, text):
    assert arabic.count(n, "minute", "arab") == text


def test_article_counts_use_accusative_for_eleven_to_ninety_nine():
    assert arabic.count(2, "article") == "مقالان"
    assert arabic.count(5, "article") == "5 مقالات"
    assert arabic.count(25, "article") == "25 مقالًا"
    assert arabic.count(200, "article") == "200 مقال"


def test_byline_ignores_the_site_wide_author():
    settings = {"AUTHOR": "أرشيف"}
    assert byline(types.SimpleNamespace(author="أرشيف"), settings) == ""
    assert byline(types.SimpleNamespace(author="محمد علي"), settings) == "محمد علي"
    assert byline(types.SimpleNamespace(), settings) == ""


def test_jsonld_cannot_close_its_script_element():
    text = jsonld.script_json({"headline": "a</script><script>alert(1)</script> & <!--"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["headline"] == "a</script><script>alert(1)</script> & <!--"


def test_jsonld_has_no_date_for_undated_articles():
    article = types.SimpleNamespace(
        title="عنوان", url="a/b/", undated=True, date=datetime.datetime(1970, 1, 1))
    data = jsonld.news_article(article, publisher="الشروق")
    assert "datePublished" not in data and data["publisher"]["name"] == "الشروق"
    article.undated = False
    assert jsonld.news_article(article, "x")["datePublished"] == "1970-01-01T00:00:00"


def test_sitemap_keeps_only_real_dates_as_lastmod():
    clock = "2026-11-25T13:58:39-00:00"
    xml = ("<url>\n<loc>a</loc>\n<lastmod>1970-01-01T00:00:00+02:00</lastmod>\n</url>\n"
           "<url>\n<loc>b</loc>\n<lastmod>2013-01-24T21:11:37+02:00</lastmod>\n</url>\n"
           f"<url>\n<loc>c</loc>\n<lastmod>{clock}</lastmod>\n</url>\n")
    fixed = sitemap.without_false_lastmod(xml, clock)
    assert fixed.count("<lastmod>") == 1 and "2013-01-24T21:11:37" in fixed
    assert fixed.count("<url>") == 3


def test_spellings_of_one_source_share_its_page():
    articles = [types.SimpleNamespace(source=name) for name in ("أ ش أ", "أ.ش.أ", "أ.ش.أ", "fjp", None)]
    sources = group_by_source(articles, dict(DEFAULT_CONFIG, **DEFAULTS))
    assert [(s.name, s.url, len(items)) for s, items in sources] == [
        ("fjp", "source/fjp/", 1), ("أ.ش.أ", "source/sh-ac6e8e/", 3)]


def test_only_shared_tags_get_pages():
    generator = types.SimpleNamespace(
        tags={"common": [1, 2, 3], "pair": [1, 2], "rare": [3]}, context={})
    tags.prune_tags(generator, 2)
    assert set(generator.tags) == {"common", "pair"} == generator.context["linked_tags"]
    assert dict(generator.context["tags"]) == {"common": [1, 2, 3], "pair": [1, 2]}


def test_year_archives_list_months_and_lose_undated_articles():
    dated = types.SimpleNamespace(date=datetime.datetime(2013, 2, 1), undated=False)
    undated = types.SimpleNamespace(date=datetime.datetime(1970, 1, 1), undated=True)

    def archive(*articles):
        return {"dates": list(articles), "articles": list(articles)}

    generator = types.SimpleNamespace(
        articles=[dated, undated], dates=[dated, undated], context={},
        period_archives={"year": [archive(dated), archive(undated)],
                         "month": [archive(dated), archive(undated)]})
    shape_archives(generator)
    assert generator.dates == [dated] and generator.context["undated_articles"] == [undated]
    (year,) = generator.period_archives["year"]
    assert year["dates"] == [dated] and year["articles"] == []
    (month,) = generator.period_archives["month"]
    assert month["articles"] == [dated]


# --- a small site, built for real --------------------------------------------

def make_seeds(target):
    """A few dated seeds with their manifest rows (one with a url), plus the undated one."""
    os.makedirs(target)
    for name in DATED + [SEED_ARTICLE]:
        shutil.copy(os.path.join(SEEDS, name), target)
    with open(os.path.join(SEEDS, "manifest.tsv"), encoding="utf-8") as handle:
        header, *rows = handle.read().splitlines()
    rows = [row for row in rows if row.split("\t", 1)[0] in DATED]
    rows[0] += "\t" + ORIGINAL_URL
    rows[1:] = [row + "\t" for row in rows[1:]]
    with open(os.path.join(target, "manifest.tsv"), "w", encoding="utf-8") as handle:
        handle.write("\n".join([header + "\turl"] + rows) + "\n")
    with open(os.path.join(target, "en_court.txt"), "w", encoding="utf-8") as handle:
        handle.write(ENGLISH)
    return target


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("theme")
    seeds = make_seeds(str(base / "seeds"))
    build_site(seeds, str(base / "out"), SITEURL=SITEURL, FEED_DOMAIN=SITEURL,
               ARSHIF_DIGITS="arab", ARSHIF_TAG_MIN_ARTICLES=1)
    return base / "out"


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("theme-subpath")
    seeds = make_seeds(str(base / "seeds"))
    build_site(seeds, str(base / "out"), SITEURL="/arshif", FEED_DOMAIN="/arshif")
    return base / "out"


class Page(html.parser.HTMLParser):
    """Tags, attributes and inline scripts of one HTML page."""

    def __init__(self, path):
        super().__init__()
        self.tags, self.scripts, self._script = [], [], None
        with open(path, encoding="utf-8") as handle:
            self.text = handle.read()
        self.feed(self.text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "script" and "src" not in attrs:
            self._script = [attrs.get("type"), ""]

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]

    def ld_json(self):
        return [json.loads(body) for kind, body in self.scripts if kind == "application/ld+json"]


def pages(out):
    return sorted(glob.glob(os.path.join(out, "**", "*.html"), recursive=True))


def article_page(out, stem):
    matches = glob.glob(os.path.join(out, "*", stem, "index.html"))
    assert len(matches) == 1, matches
    return Page(matches[0])


def test_every_page_is_rtl_arabic_under_the_csp(site):
    assert len(pages(site)) > 20
    for path in pages(site):
        page = Page(path)
        assert page.find("html", lang="ar", dir="rtl"), path
        csp = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
        assert csp and "script-src 'self'" in csp[0]["content"], path
        assert "default-src 'self'" in csp[0]["content"]
        for tag, attrs in page.tags:
            assert "style" not in attrs and not any(k.startswith("on") for k in attrs), (path, tag)
            assert tag != "style", path
        assert all(kind == "application/ld+json" for kind, _ in page.scripts), path
        search = page.find("form", role="search")
        assert search and search[0]["action"] == "/arshif/search/", path
        assert page.find("input", type="search", name="q"), path


def test_no_page_links_to_other_hosts(site):
    allowed = {ORIGINAL_URL}
    for path in pages(site):
        page = Page(path)
        for tag, attrs in page.tags:
            if tag == "meta" or (tag == "link" and attrs.get("rel") == "canonical"):
                continue
            for key in ("href", "src", "action"):
                value = attrs.get(key)
                if value and value not in allowed and not value.startswith("data:"):
                    assert value.startswith(("/arshif/", SITEURL + "/", "#")), (path, value)
        for canonical in page.find("link", rel="canonical") + page.find("meta", property="og:url"):
            url = canonical.get("href") or canonical.get("content")
            assert url.startswith(SITEURL + "/"), (path, url)


def test_subpath_site_uses_siteurl_everywhere(subpath_site):
    for path in pages(subpath_site):
        for tag, attrs in Page(path).tags:
            for key in ("href", "src", "action"):
                value = attrs.get(key)
                if value and not value.startswith(("#", "data:", "http")):
                    assert value.startswith("/arshif/"), (path, value)
    assert os.path.exists(subpath_site / "theme" / "css" / "main.css")


@pytest.mark.parametrize("build", ["site", "subpath_site"])
def test_every_link_inside_the_site_resolves(build, request):
    out = request.getfixturevalue(build)
    for path in pages(out):
        for tag, attrs in Page(path).tags:
            value = attrs.get("href") or attrs.get("src") or ""
            if value.startswith("/arshif/") and tag != "form":
                target = os.path.join(out, urllib.parse.unquote(value[len("/arshif/"):]))
                if target.endswith("/"):
                    target += "index.html"
                assert os.path.isfile(target), (path, value)


def test_article_page_shows_headline_date_and_metadata(site):
    page = article_page(site, "00003_investigations")
    assert "<h1>لقاء مع الرئيس</h1>" in page.text
    assert '<time datetime="2013-01-24">٢٤ يناير ٢٠١٣</time>' in page.text
    assert "الحرية والعدالة" in page.text  # source display name
    assert re.search(r"قراءة في (دقيقة واحدة|دقيقتان|[٠-٩]+ دقائق|[٠-٩]+ دقيقة)", page.text)
    link = page.find("a", href=ORIGINAL_URL)
    assert link and link[0]["rel"] == "noopener nofollow"
    assert ">المصدر الأصلي</a>" in page.text
    (data,) = page.ld_json()
    assert data["@type"] == "NewsArticle" and data["headline"] == "لقاء مع الرئيس"
    assert data["datePublished"].startswith("2013-01-24T21:11:37")
    assert page.find("link", rel="canonical")[0]["href"] == SITEURL + "/a/00003_investigations/"
    assert page.find("meta", property="og:title")[0]["content"] == "لقاء مع الرئيس"
    assert page.find("nav", **{"aria-label": "التنقل في الأرشيف"})


def test_undated_article_has_no_date_anywhere(site):
    page = article_page(site, SEED_ARTICLE[:-4])
    assert "غير مؤرخ" in page.text and "1970" not in page.text and "١٩٧٠" not in page.text
    (data,) = page.ld_json()
    assert "datePublished" not in data
    assert not page.find("meta", property="article:published_time")
    assert not page.find("time")


def test_article_in_another_language_gets_its_own_lang_and_dir(site):
    page = article_page(site, "en_court")
    assert page.find("article", lang="en", dir="ltr")
    assert page.find("p", lang="ar", dir="rtl")  # the site's labels stay Arabic
    assert page.find("html", lang="ar", dir="rtl")
    links = [a for a in Page(site / "index.html").find("a", lang="en", dir="ltr")]
    assert [a["href"].rsplit("/", 2)[-2] for a in links] == ["en_court"]


def test_feed_is_valid_atom_without_undated_entries(site):
    feed = feedparser.parse(str(site / "feeds" / "all.atom.xml"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10" and feed.feed.author
    links = [entry.link for entry in feed.entries]
    assert len(links) == len(DATED)
    assert not any(SEED_ARTICLE[:-4] in link for link in links)
    assert all(link.startswith(SITEURL + "/") for link in links)
    category_feeds = glob.glob(str(site / "feeds" / "category" / "*.atom.xml"))
    assert len(category_feeds) == 4  # the undated articles' category has no (empty) feed
    for path in category_feeds:
        assert feedparser.parse(path).entries, path


def test_archives_list_undated_under_their_own_heading(site):
    page = Page(site / "archives" / "index.html")
    heading = page.text.index('<h2 id="undated">غير مؤرخ')
    assert page.text.index(SEED_ARTICLE[:-4]) > heading
    assert page.find("a", href="/arshif/archives/2013/01/")
    assert os.path.exists(site / "archives" / "2013" / "01" / "index.html")
    assert not os.path.exists(site / "archives" / "1970")
    month = Page(site / "archives" / "2013" / "01" / "index.html")
    assert "يناير ٢٠١٣" in month.text and "00003_investigations" in month.text
    year = Page(site / "archives" / "2013" / "index.html")
    assert year.find("a", href="/arshif/archives/2013/01/")
    assert "00003_investigations" not in year.text  # a year lists months, not articles


def test_source_pages_and_index(site):
    sources = Page(site / "sources" / "index.html")
    assert sources.find("a", href="/arshif/source/fjp/")
    page = Page(site / "source" / "fjp" / "index.html")
    assert "الحرية والعدالة" in page.text and "00003_investigations" in page.text
    assert "00006_cases" not in page.text


def test_index_lists_newest_first_then_undated(site):
    text = Page(site / "index.html").text
    positions = [text.index(stem) for stem in
                 ("00281_politics", "00006_cases", "00003_investigations", SEED_ARTICLE[:-4])]
    assert positions == sorted(positions)


def test_sitemap_lists_every_article_once_without_fake_lastmod(site):
    with open(site / "sitemap.xml", encoding="utf-8") as handle:
        xml = handle.read()
    for stem in DATED + [SEED_ARTICLE]:
        assert xml.count(stem[:-4] + "/</loc>") == 1, stem
    entry = re.search(r"<url>\s*<loc>[^<]*%s/</loc>(.*?)</url>" % SEED_ARTICLE[:-4], xml, re.S)
    assert "<lastmod>" not in entry.group(1)
    assert "1970" not in xml
    assert "404.html" not in xml
    with open(site / "robots.txt", encoding="utf-8") as handle:
        assert f"Sitemap: {SITEURL}/sitemap.xml" in handle.read()


def test_not_found_page_and_taxonomy_indexes(site):
    page = Page(site / "404.html")
    assert "الصفحة غير موجودة" in page.text and page.find("meta", name="robots")
    article = article_page(site, "00003_investigations")
    tag_links = [a["href"] for a in article.find("a") if "/tag/" in a["href"]]
    assert tag_links
    tags_index = Page(site / "tags" / "index.html")
    assert all(tags_index.find("a", href=href) for href in tag_links)
    categories = Page(site / "categories" / "index.html")
    assert categories.find("a", href="/arshif/category/investigations/")
    assert ">تحقيقات</a>" in categories.text  # ARSHIF_CATEGORY_NAMES
