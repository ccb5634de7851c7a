"""axe-core finds no serious or critical accessibility violation on the main
kinds of page, and no colour-contrast one in the light or the dark scheme.

axe-core comes from npm (package.json; `npm ci`). The pages forbid inline
scripts (CSP meta and header), so the browser context is opened with
bypass_csp=True to let Playwright inject axe as a script tag; the site's own
CSP is tested elsewhere (test_search_browser.py).

axe-core's colour-contrast rule takes Arabic text for an icon-font ligature
(its isIconLigature canvas test) and skips it, so contrast is checked a second
time with every Arabic letter replaced by a Latin one: colours, sizes and
weights stay, and axe measures the text.
"""

import os
from pathlib import Path

import pytest

from browser import build_site, new_page, serve
from sitebuild import ROOT, SEED_ARTICLE, SEEDS

AXE = Path(ROOT) / "node_modules" / "axe-core" / "axe.min.js"
NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[::8][:19] + [SEED_ARTICLE]
PAGES = {
    "front page": "",
    "article": "a/000_90cf851c62d0d665/",
    "month archive": "archives/2013/02/",
    "search results": "search/",
}


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    assert AXE.is_file(), "axe-core is missing: run `npm ci` in the project root"
    output = build_site(tmp_path_factory.mktemp("a11y"), NAMES)
    with serve(output) as url:
        yield url


def show_search_results(page, query="الصين"):
    page.get_by_label("كلمات البحث").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_function(
        """() => document.querySelectorAll('.search-results li').length > 0
                 && !document.querySelector('.search-results').hasAttribute('aria-busy')"""
    )


LATINIZE = r"""() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    node.nodeValue = node.nodeValue.replace(/[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/g, 'x');
  }
}"""


def serious(result, label):
    return [
        {"rule": v["id"], "impact": v["impact"], "where": label, "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]


def serious_violations(page):
    """axe's serious and critical violations: every rule on the page as it is
    (light scheme), then colour contrast on its Latinized text in both schemes."""
    page.add_script_tag(path=str(AXE))
    found = serious(page.evaluate("axe.run(document, {resultTypes: ['violations']})"), "light")
    page.evaluate(LATINIZE)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        contrast = page.evaluate("axe.run(document, {runOnly: ['color-contrast'], resultTypes: ['violations']})")
        found += serious(contrast, scheme + ", Latinized")
    return found


@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_violation(chromium, base, kind):
    page = new_page(chromium, bypass_csp=True, color_scheme="light", locale="ar-EG")
    try:
        page.goto(base + PAGES[kind])
        if kind == "search results":
            show_search_results(page)
        violations = serious_violations(page)
    finally:
        page.context.close()
    assert violations == []
