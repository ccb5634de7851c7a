"""Bad input: every hostile seed file ends as expected.json says, and shows as plain text."""

import json
import re

import pytest
from hypothesis import given, settings, strategies as st

from arshif_seeds.decoding import SeedRejected, decode_seed
from arshif_seeds.ids import display_name
from arshif_seeds.normalize import normalize_text
from arshif_seeds.parse import parse_seed
from arshif_seeds.reader import render_paragraphs
from fixtures.hostile import htmlscan, make_fixtures
from scripts import bad_input_table
from sitebuild import build_site

EXPECTED = make_fixtures.expected()
FIXTURES = {f["file"]: f for f in EXPECTED["fixtures"]}
PUBLISHED = [name for name, f in FIXTURES.items() if f["outcome"] == "published"]
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The hostile fixtures built once: (output folder, report entries by file, report)."""
    tmp = tmp_path_factory.mktemp("hostile")
    seeds = make_fixtures.write(tmp / "seeds")
    build_site(seeds, tmp / "output")
    report = json.loads((tmp / "output-ingest-report.json").read_text(encoding="utf-8"))
    return tmp / "output", {e["file"]: e for e in report["files"]}, report


def page(site, name):
    """The built article page of a published fixture (raw HTML)."""
    output, entries, _ = site
    return (output / entries[name]["url"] / "index.html").read_text(encoding="utf-8")


def text(site, name):
    """The visible text of a published fixture's page."""
    return htmlscan.Page(page(site, name)).text


def base_paragraphs(name):
    """A source article's lines as the reader cleans them."""
    return normalize_text("\n".join(make_fixtures.paragraphs(name))).split("\n")


def test_generator_writes_exactly_the_listed_fixtures():
    made = {display_name(name) for name in make_fixtures.FILES} | set(make_fixtures.SPECIAL)
    assert made | {"manifest.tsv"} == set(FIXTURES)


def test_bad_input_doc_is_up_to_date():
    assert bad_input_table.OUT.read_text(encoding="utf-8") == bad_input_table.table(EXPECTED)
    readme = bad_input_table.README.read_text(encoding="utf-8")
    assert bad_input_table.readme_with(readme, EXPECTED) == readme


def test_report_has_one_entry_per_file(site):
    _, entries, report = site
    assert sorted(e["file"] for e in report["files"]) == sorted(FIXTURES)
    assert sum(report["counts"].values()) == len(FIXTURES)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_outcome(site, name):
    expected, entry = FIXTURES[name], site[1][name]
    assert entry["outcome"] == expected["outcome"], entry
    if "reason" in expected:
        reason = entry.get("reason", "")
        assert expected["reason"].lower() in reason.lower() and "\n" not in reason, entry
    if "merged_into" in expected:
        assert entry["merged_into"] == expected["merged_into"]
        assert entry["url"] == site[1][expected["merged_into"]]["url"]
    warnings = entry.get("warnings", [])
    gists = expected.get("warnings", [])
    assert len(warnings) == len(gists), entry
    for gist in gists:
        assert any(gist.lower() in w.lower() for w in warnings), (gist, warnings)


def test_missing_manifest_file_is_a_manifest_problem(site):
    problems = site[2]["manifest_problems"]
    assert len(problems) == len(EXPECTED["manifest_problems"])
    for expected in EXPECTED["manifest_problems"]:
        assert any(expected["contains"] in p for p in problems), problems


@pytest.mark.parametrize("name", PUBLISHED)
def test_published_page_exists(site, name):
    html = page(site, name)
    assert "<h1>" in html and '<div class="body">' in html


def test_article_pages_are_only_the_published_fixtures(site):
    """A Markdown or HTML file left in the seeds folder never becomes a page.

    The project's own hand-written pages (content/pages, under pages/) are not seeds.
    """
    output, entries, _ = site
    stories = {str(p.parent.relative_to(output)) + "/" for p in output.rglob("index.html")
               if '<article class="story"' in p.read_text(encoding="utf-8")
               and p.relative_to(output).parts[0] != "pages"}
    assert stories == {entries[name]["url"] for name in PUBLISHED}


@pytest.mark.parametrize("name, base, codec", [
    ("windows-1256.txt", "01907_egypt.txt", "cp1256"),
    ("utf16-le-bom.txt", "02857_politics.txt", "utf-16-le"),
    ("utf16-be-bom.txt", "03807_accidents.txt", "utf-16-be"),
    ("utf8-bom.txt", "04757_world.txt", "utf-8-sig"),
])
def test_encodings_are_decoded(site, name, base, codec):
    shown = text(site, name)
    assert site[1][name]["encoding"] == codec
    assert base_paragraphs(base)[-1] in shown
    assert "\ufeff" not in shown and "\ufffd" not in shown


def test_invalid_bytes_become_replacement_characters_and_the_rest_is_kept(site):
    shown = text(site, "invalid-utf8.txt")
    assert "\ufffd" in shown
    assert base_paragraphs("06657_mideast.txt")[-1] in shown


def test_nul_bytes_are_gone(site):
    assert "\x00" not in page(site, "nul-bytes.txt")
    assert base_paragraphs("00957_accidents.txt")[-1] in text(site, "nul-bytes.txt")


def test_crlf_and_lone_cr_keep_the_paragraphs(site):
    html = page(site, "crlf-and-cr.txt")
    unix = make_fixtures.crlf_and_cr().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    assert "\r" not in html
    assert render_paragraphs(parse_seed(unix, "crlf-and-cr.txt").paragraphs) in html


def test_markup_in_the_body_is_shown_escaped(site):
    html = page(site, "html-markup.txt")
    body = htmlscan.Page(html.split('<div class="body">', 1)[1].split("</div>\n<footer>", 1)[0])
    for shown in (make_fixtures.IMG, "<b>نص عريض</b>", '"><img src=x onerror="window.__pwned=8">',
                  "</p></div><script>window.__pwned=3</script><p>", "&lt;b&gt; &amp; &#60;script&#62;"):
        assert shown in body.text
    assert {tag for tag, _ in body.elements} == {"p"}


def test_markup_in_the_lead_stays_inside_the_meta_description(site):
    scan = htmlscan.Page(page(site, "html-markup.txt"))
    head = scan.elements[:next(i for i, (tag, _) in enumerate(scan.elements) if tag == "body")]
    description = [a["content"] for tag, a in head if tag == "meta" and a.get("name") == "description"]
    assert description and description[0].startswith('"><img src=x onerror="window.__pwned=8">')
    assert [tag for tag, attrs in head
            if tag == "img" or (tag == "script" and attrs.get("type") != "application/ld+json")] == []


def test_markup_in_the_headline_is_shown_escaped(site):
    html = page(site, "html-markup.txt")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert htmlscan.injected(htmlscan.Page(html)) == []


def test_markdown_and_jinja_in_the_text_are_shown_literally(site):
    html = page(site, "markdown-jinja.txt")
    scan = htmlscan.Page(html)
    h1 = html.split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert h1.endswith("{{ 7*7 }}") and "49" not in h1
    for shown in ("**bold**", "[x](javascript:alert(1))", "{% for x in range(3) %}تكرار{% endfor %}",
                  "{{ config }}", "{# تعليق #}", "# "):
        assert shown in scan.text
    # The article's text makes no markup (the page's own sections have headings of their own).
    body = htmlscan.Page(html.split('<div class="body">', 1)[1].split("</div>", 1)[0])
    assert not {"strong", "em", "h2", "img"} & {tag for tag, _ in body.elements}
    assert htmlscan.injected(scan) == []


def test_bidi_controls_are_removed(site):
    assert not BIDI.search(page(site, "bidi-override.txt"))
    shown = text(site, "bidi-override.txt")
    assert base_paragraphs("12357_politics.txt")[0] in shown and "txt.exe" in shown


def test_huge_article_is_published_whole(site):
    html = page(site, "huge-5mb.txt")
    last = make_fixtures.huge().decode("utf-8").rstrip("\n").rsplit("\n", 1)[1]
    assert len(html.encode("utf-8")) > make_fixtures.HUGE_BYTES
    assert html.rstrip().endswith("</html>") and last in htmlscan.Page(html).text


def test_long_unspaced_line_is_kept(site):
    lines = make_fixtures.long_line().decode("utf-8").split("\n")
    unspaced = next(line for line in lines if len(line) == make_fixtures.LONG_LINE)
    assert unspaced in text(site, "long-line.txt")


def test_english_article_is_left_to_right(site):
    assert '<article class="story" lang="en" dir="ltr">' in page(site, "english-only.txt")
    assert 'lang="en"' not in page(site, "mixed-arabic-english.txt")


def test_same_headline_gets_two_pages(site):
    one, two = (site[1][f"same-headline-{n}.txt"] for n in (1, 2))
    assert one["title"] == two["title"] and one["url"] != two["url"]


def test_unparseable_manifest_date_leaves_the_article_undated(site):
    assert site[1]["manifest-bad-date.txt"]["undated"] is True
    html = page(site, "manifest-bad-date.txt")
    assert "غير مؤرخ" in html and "1970" not in html and "datePublished" not in html


def test_odd_file_names_get_distinct_ascii_urls(site):
    names = ["name with spaces.txt", "خبر بالعربية.txt", "UPPER-CASE.TXT", "sub/folder/article.txt"]
    urls = [site[1][name]["url"] for name in names]
    assert len(set(urls)) == len(urls)
    assert all(re.fullmatch(r"[a-z0-9/_-]+/", url) for url in urls), urls


def test_two_spellings_of_an_agency_do_not_crash_the_build(tmp_path):
    """«أ ش أ» and «أ.ش.أ» (both in the corpus) transliterate to the same ASCII slug."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("01907_egypt.txt", "19007_accidents.txt"):
        (seeds / name).write_bytes((make_fixtures.ARTICLES / name).read_bytes())
    build_site(seeds, tmp_path / "output")
    report = json.loads((tmp_path / "output-ingest-report.json").read_text(encoding="utf-8"))
    assert report["counts"]["published"] == 2


# Properties of the reader's text functions beyond tests/test_decoding.py,
# test_text_normalize.py and test_text_parse.py: seed-shaped bytes, the whole
# decode → parse → render chain, and what normalize_text leaves out.

_PARTS = st.sampled_from([
    "قال الوزير إن الحكومة مستعدة.", "\n", "\r\n", "\r", " ", "<script>alert(1)</script>",
    "{{ 7*7 }}", "**x**", "\u202e", "\u2066", "\u200f", "\x00", "\ufeff", "&amp;", "<p>", "مشاركة :",
])
_TEXT = st.lists(st.one_of(_PARTS, st.text(max_size=10)), max_size=40).map("".join)
_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]), st.binary(max_size=600))
    .map(b"".join),
    st.tuples(_TEXT, st.sampled_from(["utf-8", "utf-16-le", "utf-16-be", "cp1256"]), st.binary(max_size=8))
    .map(lambda t: t[0].encode(t[1], "ignore") + t[2]),
)
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\x00\r\ud800-\udfff]")


@settings(max_examples=300, deadline=None)
@given(_BYTES)
def test_decode_parse_render_never_crash_and_escape_everything(data):
    try:
        decoded = decode_seed(data)
    except SeedRejected as rejected:
        assert rejected.reason and "\n" not in rejected.reason
        return
    parsed = parse_seed(decoded.text, "x.txt")
    html = render_paragraphs(parsed.paragraphs)
    html.encode("utf-8")
    assert re.sub(r"</?p>", "", html).count("<") == 0
    for field in [parsed.title, *parsed.paragraphs]:
        assert not _INVISIBLE.search(field)


@given(st.text(st.characters(whitelist_categories=("Cs", "Cf", "Cc", "Lo", "Zs", "Zl", "Zp", "Mn", "Po")),
               max_size=200))
def test_normalize_leaves_no_invisible_mark_or_lone_surrogate(text):
    once = normalize_text(text)
    assert not _INVISIBLE.search(once)
    assert normalize_text(once) == once
    once.encode("utf-8")


def test_search_index_holds_exactly_the_published_articles(site):
    """Merged duplicates and rejected files are not searchable (the index is
    built after duplicates are merged)."""
    output, entries, _ = site
    manifest = json.loads((output / "search" / "manifest.json").read_text(encoding="utf-8"))
    indexed = []
    for chunk in sorted((output / "search" / "d").glob("*.json")):
        indexed += [row[5] for row in json.loads(chunk.read_text(encoding="utf-8"))]
    published = sorted(n for n, e in entries.items() if e["outcome"] == "published")
    assert manifest["docs"] == len(indexed)
    assert sorted(indexed) == published
    assert "duplicate-b.txt" not in indexed


# The second round (issue 8): the manifest is data, the seeds folder a boundary.

def _all_text(output):
    """Every file of the built site, as text."""
    return {path: path.read_bytes().decode("utf-8", "replace") for path in output.rglob("*") if path.is_file()}


def test_manifest_columns_never_set_pelican_attributes(site):
    output, entries, _ = site
    assert entries["manifest-pelican-columns.txt"]["url"] == "a/manifest-pelican-columns/"
    assert not (output.parent / "escaped.html").exists() and not (output / "escaped.html").exists()
    home = (output / "index.html").read_text(encoding="utf-8")
    assert '<article class="story"' not in home and "أعمدة بأسماء إعدادات بليكان" in home
    html = page(site, "manifest-pelican-columns.txt")
    assert 'lang="xx"' not in html and "refresh" not in html
    for path, content in _all_text(output).items():
        assert "__pwned=9" not in content and "__pwned=10" not in content, path
        assert "__pwned=11" not in content, path


def test_manifest_values_are_cleaned_like_seed_text(site):
    entry = site[1]["manifest-unclean.txt"]
    assert entry["title"] == make_fixtures.UNCLEAN_TITLE_SHOWN
    html = page(site, "manifest-unclean.txt")
    assert f"<h1>{make_fixtures.UNCLEAN_TITLE_SHOWN}</h1>" in html
    assert not BIDI.search(html) and not re.search("[\x01\x7f\ufffe\uffff\u200b]", html)


def test_atom_feeds_are_well_formed_xml(site):
    import xml.dom.minidom

    feeds = sorted((site[0] / "feeds").rglob("*.xml"))
    assert feeds
    for feed in feeds:
        xml.dom.minidom.parse(str(feed))
    text = "".join(_all_text(site[0]).values())
    assert not re.search("[\ufffe\uffff\ufdd0]", text)
    assert "noncharacters" in (site[0] / "feeds" / "all.atom.xml").read_text(encoding="utf-8")


def test_tsv_quotes_are_text(site):
    entries = site[1]
    assert entries["manifest-quote.txt"]["title"] == make_fixtures.QUOTED_TITLE
    assert entries["manifest-after-quote.txt"]["title"] == make_fixtures.AFTER_QUOTE_TITLE


def test_manifest_file_names_are_normalised(site):
    rows = {row["file"]: row for row in make_fixtures.MANIFEST_ROWS}
    assert site[1]["manifest-dot-slash.txt"]["title"] == rows["./manifest-dot-slash.txt"]["title"]
    assert site[1]["manifest-dot-dot.txt"]["title"] == rows["folder//../manifest-dot-dot.txt"]["title"]


def test_similar_source_names_get_their_own_pages(site):
    output, entries, _ = site
    links = set()
    for name, source in zip(("source-sabah.txt", "source-sabbah.txt"), make_fixtures.SOURCES):
        link = re.search(r'<a href="/(source/[^"]+/)">' + source + "</a>", page(site, name)).group(1)
        listing = (output / link / "index.html").read_text(encoding="utf-8")
        assert entries[name]["url"] in listing
        links.add(link)
    assert len(links) == 2


def test_category_named_like_a_default_slug_gets_its_own_page(site):
    output, entries, _ = site
    news = (output / "category" / "news" / "index.html").read_text(encoding="utf-8")
    assert entries["category-news.txt"]["url"] not in news
    assert entries["clean-article.txt"]["url"] in news
    pages = [p for p in (output / "category").glob("*/index.html")
             if entries["category-news.txt"]["url"] in p.read_text(encoding="utf-8")]
    assert len(pages) == 1 and pages[0].parent.name != "news"


def test_punctuation_only_names_fall_back(site):
    output, entries, _ = site
    html = page(site, "punctuation-names.txt")
    assert "/source//" not in "".join(_all_text(output).values())
    assert entries["punctuation-names.txt"]["url"] in (output / "category" / "news" / "index.html").read_text(
        encoding="utf-8")
    assert "\U0001F600" not in html and "!!" not in html


def test_mixed_encoding_keeps_the_utf8_lines(site):
    shown = text(site, "mixed-encoding.txt")
    lines = make_fixtures.paragraphs("18057_egypt.txt")
    for line in lines[:4]:
        assert normalize_text(line) in shown
    assert site[1]["mixed-encoding.txt"]["title"] == normalize_text(lines[0])


def test_names_that_could_share_a_slug_get_distinct_urls(site):
    names = ["same.txt", "same.text", "name with spaces.txt", make_fixtures.hashed_slug_name("name with spaces.txt"),
             make_fixtures.UNDECODABLE_SHOWN, make_fixtures.BIDI_NAME_SHOWN, make_fixtures.NEWLINE_NAME_SHOWN]
    urls = [site[1][name]["url"] for name in names]
    assert len(set(urls)) == len(urls) and all(url.isascii() for url in urls)


def test_nothing_from_outside_the_seeds_folder_is_published(site):
    text = "".join(_all_text(site[0]).values())
    assert make_fixtures.SECRET_TEXT not in text
    assert "root:x:0:0" not in text


def test_feed_fields_lose_characters_xml_forbids():
    import types

    from arshif_theme.feeds import complete_feed

    feed = types.SimpleNamespace(feed={"title": "عنوان\ufffe", "feed_url": "f"},
                                 items=[{"title": "خبر\x01\uffff", "description": "نص\x0b"}])
    complete_feed({"SITENAME": "s"}, feed)
    assert feed.feed["title"] == "عنوان" and feed.items == [{"title": "خبر", "description": "نص"}]


def test_reading_a_seed_never_blocks_or_leaves_the_folder(tmp_path):
    import os

    from arshif_seeds import boundary

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (tmp_path / "secret.txt").write_text("سر", encoding="utf-8")
    os.mkfifo(seeds / "pipe.txt")
    os.symlink(tmp_path / "secret.txt", seeds / "out.txt")
    os.symlink("..", seeds / "up")
    (seeds / "big.txt").write_bytes(b"x" * 101)
    (seeds / "ok.txt").write_text("خبر", encoding="utf-8")
    reasons = {}
    for name in ("pipe.txt", "out.txt", "big.txt", "up/secret.txt"):
        with pytest.raises(SeedRejected) as rejected:
            boundary.read_seed(str(seeds / name), str(seeds), 100)
        reasons[name] = rejected.value.reason
    assert "named pipe" in reasons["pipe.txt"] and "leading out" in reasons["out.txt"]
    assert "too large" in reasons["big.txt"] and "leading out" in reasons["up/secret.txt"]
    assert boundary.read_seed(str(seeds / "ok.txt"), str(seeds), 100) == "خبر".encode()
    found = boundary.hazards(str(seeds), 100)
    assert set(found) == {"pipe.txt", "out.txt", "up", "big.txt"}


def test_clashing_slugs_get_distinct_addresses():
    from arshif_seeds.ingest import unique_addresses

    class Article:
        def __init__(self, slug, source_file=None):
            self.slug, self.metadata, self.source_path = slug, {"slug": slug}, f"/x/{slug}"
            if source_file:
                self.source_file = source_file

        @property
        def save_as(self):
            return f"a/{self.slug}/index.html"

    hand_written = Article("same")
    seeds = [Article("same", "same.txt"), Article("same", "b.txt"), Article("other", "other.txt")]
    unique_addresses(seeds + [hand_written])
    assert hand_written.slug == "same" and seeds[2].slug == "other"
    slugs = [a.slug for a in seeds + [hand_written]]
    assert len(set(slugs)) == 4 and all(s.startswith("same-") for s in slugs[:2])
    assert seeds[0].metadata["slug"] == seeds[0].slug
