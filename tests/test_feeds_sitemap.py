"""The deployed build's Atom feeds and sitemap.xml are valid, list the right
articles with their real dates, and never show the undated article."""

import csv
import json
import os
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
import pytest

from sitebuild import SEED_ARTICLE, SEEDS, build_site, copy_seeds

NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[::8][:19] + [SEED_ARTICLE]
SITEURL = "https://example.github.io/arshif"
ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ARABIC = re.compile(r"[\u0600-\u06ff]")
# An Atom id is an absolute IRI; ours must be plain ASCII URIs.
URI = re.compile(r"^(tag:[a-z0-9.-]+,\d{4}(-\d\d){0,2}:|https?://)[\x21-\x7e]+$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("feeds")
    seeds = copy_seeds(NAMES, tmp / "seeds")
    settings = build_site(seeds, tmp / "output", settings_file="publishconf.py", SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    report = json.loads((tmp / "output-ingest-report.json").read_text(encoding="utf-8"))
    published = {f["file"]: f for f in report["files"] if f["outcome"] == "published"}
    with open(seeds / "manifest.tsv", encoding="utf-8", newline="") as handle:
        manifest = {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}
    return tmp / "output", published, manifest, ZoneInfo(settings["TIMEZONE"])


def feeds(output):
    return sorted((output / "feeds").rglob("*.atom.xml"))


def parse_date(text):
    return datetime.fromisoformat(text)


def test_feeds_exist(site):
    output = site[0]
    names = {p.relative_to(output).as_posix() for p in feeds(output)}
    assert "feeds/all.atom.xml" in names
    assert any(n.startswith("feeds/category/") for n in names)


def test_feedparser_reads_every_feed_without_complaint(site):
    for path in feeds(site[0]):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10", path
        assert parsed.entries, path


def test_feeds_have_the_required_atom_elements(site):
    output = site[0]
    feed_ids = []
    for path in feeds(output):
        feed = ET.parse(path).getroot()
        assert feed.tag == ATOM + "feed", path
        feed_ids.append(feed.findtext(ATOM + "id") or "")
        assert URI.match(feed_ids[-1]), (path, feed_ids[-1])
        assert ARABIC.search(feed.findtext(ATOM + "title") or ""), path
        updated = parse_date(feed.findtext(ATOM + "updated"))
        entry_dates = [parse_date(e.findtext(ATOM + "updated")) for e in feed.iter(ATOM + "entry")]
        # The feed changed when its newest entry did (not when it was built).
        assert entry_dates and updated == max(entry_dates), (path, updated)
        assert feed.find(ATOM + "author/" + ATOM + "name") is not None or all(
            e.find(ATOM + "author/" + ATOM + "name") is not None for e in feed.iter(ATOM + "entry")
        ), path
        ids = []
        for entry in feed.iter(ATOM + "entry"):
            entry_id = entry.findtext(ATOM + "id") or ""
            assert URI.match(entry_id), (path, entry_id)
            ids.append(entry_id)
            assert ARABIC.search(entry.findtext(ATOM + "title") or ""), (path, entry_id)
            parse_date(entry.findtext(ATOM + "updated"))
            links = [l.get("href") for l in entry.iter(ATOM + "link") if l.get("rel", "alternate") == "alternate"]
            assert len(links) == 1 and links[0].startswith(SITEURL + "/"), (path, links)
            assert ARABIC.search(entry.findtext(ATOM + "content") or ""), (path, entry_id)
        assert len(ids) == len(set(ids)), path
    assert len(feed_ids) == len(set(feed_ids)), f"feeds share an id: {feed_ids}"


def entries_by_url(path):
    """{article URL relative to the site: published datetime} of one feed."""
    feed = ET.parse(path).getroot()
    result = {}
    for entry in feed.iter(ATOM + "entry"):
        href = entry.find(ATOM + "link").get("href")
        result[href.removeprefix(SITEURL + "/")] = parse_date(entry.findtext(ATOM + "published") or entry.findtext(ATOM + "updated"))
    return result


def test_feeds_list_the_dated_articles_with_their_real_dates(site):
    output, published, manifest, zone = site
    dated = {f["url"]: name for name, f in published.items() if not f["undated"]}
    undated = {f["url"] for f in published.values() if f["undated"]}
    assert published[SEED_ARTICLE]["undated"], "the seed article is undated"
    every = entries_by_url(output / "feeds" / "all.atom.xml")
    assert set(every) == set(dated)  # the sample is smaller than FEED_MAX_ITEMS
    for url, when in every.items():
        expected = datetime.fromisoformat(manifest[dated[url]]["date"]).replace(tzinfo=zone)
        assert when == expected, url
    for path in feeds(output):
        entries = entries_by_url(path)
        assert not undated & set(entries), path
        assert all(when.year > 1970 for when in entries.values()), path
    for path in (output / "feeds" / "category").glob("*.atom.xml"):
        category = path.name.removesuffix(".atom.xml")
        assert set(entries_by_url(path)) == {u for u, name in dated.items()
                                             if manifest[name]["category"] == category}, path


def test_sitemap_lists_every_article_once(site):
    output, published, _, _ = site
    root = ET.parse(output / "sitemap.xml").getroot()
    assert root.tag == SM + "urlset"
    locs = [u.findtext(SM + "loc") for u in root.iter(SM + "url")]
    assert all(loc.startswith(SITEURL + "/") for loc in locs), locs
    for f in published.values():
        assert locs.count(f"{SITEURL}/{f['url']}") == 1, f["url"]


def test_sitemap_dates_are_real(site):
    output, published, _, _ = site
    undated = {f"{SITEURL}/{f['url']}" for f in published.values() if f["undated"]}
    root = ET.parse(output / "sitemap.xml").getroot()
    for url in root.iter(SM + "url"):
        loc, lastmod = url.findtext(SM + "loc"), url.findtext(SM + "lastmod")
        if loc in undated:
            assert lastmod is None, loc
        elif lastmod is not None:
            assert parse_date(lastmod).year > 1970, loc


def test_robots_txt_points_at_the_sitemap(site):
    output = site[0]
    lines = (output / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines
