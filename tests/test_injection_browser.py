"""Nothing injected: hostile seeds and manifest fields never run in Chromium, and every
page carries a strict Content-Security-Policy under which the site still works.

The server sends no CSP header (GitHub Pages sends none): the pages protect themselves.
"""

import json

import pytest

from browser import new_page, serve
from fixtures.hostile import htmlscan, make_fixtures
from sitebuild import build_site

pytest_plugins = ["browser"]

# The 5 MB seed adds nothing here but build time.
NAMES = [name for name in make_fixtures.FILES if name != "huge-5mb.txt"] + ["manifest.tsv"]
HOSTILE_QUERIES = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 7*7 }}",
                   '"><script>alert(1)</script>', "javascript:alert(1)", "\u202eالوزراء"]
TRAPS = """() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
}"""
# What would show that a payload ran or was parsed as markup.
INJECTED = """() => {
  const found = [];
  if (window.__pwned !== undefined) found.push('window.__pwned=' + window.__pwned);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    const ownChart = el.matches('figure[data-role="timeline"] > svg.timeline-chart');
    if (['iframe', 'object', 'embed', 'svg', 'math', 'frame', 'base'].includes(tag) && !ownChart) {
      found.push('<' + tag + '>');
    }
    if (tag === 'script' && !el.src && el.type !== 'application/ld+json') found.push('inline <script>');
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push('<' + tag + ' ' + attr.name + '>');
      if (['href', 'src', 'action', 'formaction'].includes(attr.name)
          && /^\\s*(javascript:|vbscript:|data:text\\/html)/i.test(attr.value)) {
        found.push('<' + tag + ' ' + attr.name + '=' + attr.value + '>');
      }
    }
  }
  return found;
}"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The hostile site, built once and served without a CSP header: (base URL, output, report entries)."""
    tmp = tmp_path_factory.mktemp("injection")
    seeds = make_fixtures.write(tmp / "seeds", NAMES)
    build_site(seeds, tmp / "output", SITEURL="", FEED_DOMAIN="", ARSHIF_TAG_MIN_ARTICLES=1)
    report = json.loads((tmp / "output-ingest-report.json").read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in report["files"]}
    with serve(tmp / "output", csp=None) as base:
        yield base, tmp / "output", entries


@pytest.fixture
def page(chromium):
    page = new_page(chromium)
    page.add_init_script(script=f"({TRAPS})()")
    yield page
    page.context.close()


def html_pages(output):
    return sorted(output.rglob("*.html"))


def url_of(output, path):
    rel = str(path.relative_to(output))
    return rel[: -len("index.html")] if rel.endswith("index.html") else rel


def visit(page, url):
    """Open `url`; return everything that shows injection or a CSP problem on it."""
    dialogs, errors = len(page.dialogs), len(page.errors)
    page.goto(url)
    problems = page.evaluate(INJECTED) + [f"CSP blocked {v}" for v in page.evaluate("window.__csp")]
    return (problems + [f"dialog {d!r}" for d in page.dialogs[dialogs:]]
            + [f"console {e}" for e in page.errors[errors:]])


def test_every_kind_of_page_is_checked(site):
    _, output, entries = site
    urls = {url_of(output, p) for p in html_pages(output)}
    assert {"", "search/", "categories/", "sources/", "tags/", "archives/"} <= urls
    assert entries["manifest-hostile.txt"]["url"] in urls
    for kind in ("tag/", "source/", "category/"):
        assert any(url.startswith(kind) for url in urls), kind


def directives(csp):
    parts = (d.split() for d in (csp or "").split(";"))
    return {p[0]: " ".join(p[1:]) for p in parts if p}


def test_every_page_declares_a_strict_csp(site):
    _, output, _ = site
    bad = {}
    for path in html_pages(output):
        csp = htmlscan.read(path).csp() or ""
        policy = directives(csp)
        if (policy.get("script-src") != "'self'" or policy.get("style-src") != "'self'"
                or policy.get("object-src") != "'none'" or "unsafe" in csp):
            bad[url_of(output, path)] = csp
    assert bad == {}


def test_no_page_holds_inline_script_or_injected_markup(site):
    _, output, _ = site
    found = {url_of(output, p): htmlscan.injected(htmlscan.read(p)) for p in html_pages(output)}
    assert {url: f for url, f in found.items() if f} == {}


def test_no_page_runs_or_shows_an_injected_element_in_chromium(site, page):
    base, output, _ = site
    found = {url_of(output, p): visit(page, base + url_of(output, p)) for p in html_pages(output)}
    assert {url: f for url, f in found.items() if f} == {}


def test_hostile_text_shows_literally(site, page):
    base, _, entries = site
    page.goto(base + entries["html-markup.txt"]["url"])
    assert page.text_content("h1").endswith("<script>alert(1)</script>")
    body = page.text_content(".story .body")
    assert make_fixtures.IMG in body and "</p></div><script>window.__pwned=3</script><p>" in body
    page.goto(base + entries["markdown-jinja.txt"]["url"])
    assert page.text_content("h1").endswith("{{ 7*7 }}")
    assert "[x](javascript:alert(1))" in page.text_content(".story .body")
    page.goto(base + entries["manifest-hostile.txt"]["url"])
    assert page.text_content("h1") == make_fixtures.HOSTILE_MANIFEST["title"]
    assert make_fixtures.HOSTILE_MANIFEST["source"] in page.text_content(".story .meta")
    assert page.dialogs == []


def test_javascript_original_url_is_not_a_link(site, page):
    base, _, entries = site
    page.goto(base + entries["manifest-hostile.txt"]["url"])
    schemes = page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)")
    assert set(schemes) <= {"http:", "https:"}


def test_search_under_the_csp_finds_hostile_titles_as_text(site, page):
    base, _, entries = site
    page.goto(base + "search/")
    page.evaluate("window.archiveSearch.ready")
    query = "مضى زمن التستر على انتهاك المواطن المصري"  # only in manifest-hostile.txt
    results = page.evaluate("q => window.archiveSearch.search(q, {limit: 5})", query)
    titles = {r["source_file"]: r["title"] for r in results}
    assert titles.get("manifest-hostile.txt") == make_fixtures.HOSTILE_MANIFEST["title"], results
    results = page.evaluate("q => window.archiveSearch.search(q, {limit: 20})", "مجلس الوزراء")
    titles = {r["source_file"]: r["title"] for r in results}
    assert titles.get("html-markup.txt", "").endswith("<script>alert(1)</script>"), results
    for hostile in HOSTILE_QUERIES:
        page.evaluate("q => window.archiveSearch.search(q, {limit: 20})", hostile)
    assert visit(page, base + "search/?q=" + query.replace(" ", "+")) == []


@pytest.mark.parametrize("query", HOSTILE_QUERIES + ["مجلس الوزراء"])
def test_typing_queries_injects_nothing_and_search_works_under_the_csp(site, page, query):
    base, _, _ = site
    page.goto(base + "search/")
    page.evaluate("window.archiveSearch.ready")
    field = page.get_by_label("كلمات البحث")
    field.press_sequentially(query)
    field.press("Enter")
    page.wait_for_function(
        """q => new URLSearchParams(location.search).get('q') === q
              && !document.querySelector('.search-results').hasAttribute('aria-busy')
              && document.querySelector('.search-status').textContent !== ''""",
        arg=query.strip())
    if query == "مجلس الوزراء":
        assert page.locator(".search-result").count() >= 2
    assert page.evaluate(INJECTED) == [] and page.evaluate("window.__csp") == []
    assert page.dialogs == [] and page.errors == []
