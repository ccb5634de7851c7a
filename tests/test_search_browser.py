"""The search page in real Chromium, on a site built from the project's seeds.

One site build and one server per sub-path; one browser for the session.
"""

import json
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from browser import build_site, new_page, serve

pytest_plugins = ["browser"]

CHINA = "000_90cf851c62d0d665.txt"  # says الصين and والصين, and روسيا
ISRAEL_HAMZA = "02999_cases.txt"  # writes إسرائيل
ISRAEL_BARE = "04817_cases.txt"  # writes اسرائيل
COUNT = re.compile(r"^(لا توجد نتائج|نتيجة واحدة|نتيجتان|\d+ (نتائج|نتيجة))")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = build_site(tmp_path_factory.mktemp("site"))
    with serve(output) as base:
        yield base


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    # A few seeds are enough here: this site checks URLs and digits, not ranking.
    seeds = [CHINA, "19106_world.txt", "13434_politics.txt", ISRAEL_HAMZA, ISRAEL_BARE]
    output = build_site(tmp_path_factory.mktemp("subsite"), seeds=seeds, siteurl="/arshif",
                        ARSHIF_DIGITS="arab")
    with serve(output, prefix="/arshif/") as base:
        yield base


@pytest.fixture
def page(chromium):
    page = new_page(chromium, locale="ar-EG")
    yield page
    context = page.context
    errors, external = page.errors, page.external
    context.close()
    assert errors == [], "console errors or CSP violations"
    assert external == [], "requests left the site"


def open_search(page, base, **params):
    page.goto(f"{base}search/" + (f"?{urlencode(params)}" if params else ""))
    page.evaluate("window.archiveSearch.ready")
    if params.get("q"):
        wait_for(page, params["q"])


def wait_for(page, query):
    """Until the page has rendered the search for *query* (its URL says so and
    the results are no longer busy)."""
    page.wait_for_function(
        """q => new URLSearchParams(location.search).get('q') === q
              && !document.querySelector('.search-results').hasAttribute('aria-busy')
              && document.querySelector('.search-status').textContent !== ''""",
        arg=query,
    )


def type_query(page, text):
    field = page.get_by_label("كلمات البحث")
    field.fill("")
    field.press_sequentially(text)
    wait_for(page, text.strip())


def results(page):
    return page.eval_on_selector_all(
        ".search-result",
        """items => items.map(li => ({
            href: li.querySelector('h2 a').href,
            title: li.querySelector('h2 a').textContent,
            meta: li.querySelector('.search-result-meta').textContent,
            date: li.querySelector('time') && li.querySelector('time').dateTime,
            category: (li.querySelector('.search-result-category') || {}).textContent,
            marks: [...li.querySelectorAll('mark')].map(m => m.textContent),
        }))""",
    )


def api(page, query, limit=50):
    return page.evaluate(
        "([q, limit]) => window.archiveSearch.search(q, {limit})", [query, limit]
    )


def status(page):
    return page.locator(".search-status").text_content()


def total_shown(page):
    """The result count the page announces («55 نتيجة» → 55)."""
    text = status(page)
    return {"لا توجد نتائج": 0, "نتيجة واحدة": 1, "نتيجتان": 2}.get(text) or int(text.split()[0])


def test_api_contract_for_evaluations(site, page):
    open_search(page, site)
    found = api(page, "الصين", limit=5)
    assert 0 < len(found) <= 5
    assert {"url", "title", "source_file", "score"} <= set(found[0])
    scores = [r["score"] for r in found]
    assert scores == sorted(scores, reverse=True)
    assert CHINA in [r["source_file"] for r in found]
    assert all(r["url"].startswith(site) for r in found)


@pytest.mark.parametrize("query", ["الصين", "والصين", "الصِّينُ", "الصّين"])
def test_clitics_and_diacritics_find_the_article(site, page, query):
    open_search(page, site)
    china = {r["source_file"]: r["url"] for r in api(page, "الصين")}[CHINA]
    type_query(page, query)
    assert china in [r["href"] for r in results(page)]
    assert COUNT.match(status(page))


def test_hamza_variants_find_both_spellings(site, page):
    open_search(page, site)
    bare = {r["source_file"] for r in api(page, "اسرائيل")}
    hamza = {r["source_file"] for r in api(page, "إسرائيل")}
    assert {ISRAEL_HAMZA, ISRAEL_BARE} <= bare
    assert bare == hamza


def test_results_show_metadata_highlights_and_count(site, page):
    open_search(page, site, q="الصين")
    assert page.get_by_label("كلمات البحث").input_value() == "الصين"  # ?q= prefill
    shown = results(page)
    assert shown and all(r["title"] for r in shown)
    # Snippets and titles mark the query's word whatever its clitics.
    marked = [m for r in shown for m in r["marks"]]
    assert marked and all("صين" in m for m in marked)
    dated = [r for r in shown if r["date"]]
    assert dated and re.search(r"\d+ \w+ 20\d\d", dated[0]["meta"])  # «24 فبراير 2013»
    # A query from the URL is finished: its last word is not completed.
    assert total_shown(page) == len(api(page, "الصين ", limit=500))
    assert page.locator(".search-status").get_attribute("aria-live") == "polite"


def test_word_being_typed_is_completed(site, page):
    open_search(page, site)
    type_query(page, "والصي")
    typed = {r["source_file"] for r in api(page, "والصي", limit=500)}
    whole = {r["source_file"] for r in api(page, "الصين ", limit=500)}
    assert whole and whole <= typed
    assert total_shown(page) == len(typed)


def test_phrase_and_exclusion_reach_the_engine(site, page):
    open_search(page, site)
    loose = {r["source_file"] for r in api(page, "الدوائر الصغيرة")}
    type_query(page, '"الدوائر الصغيرة"')
    assert len(results(page)) == 1 < len(loose)
    assert {r["source_file"] for r in api(page, '"الدوائر الصغيرة"')} == {CHINA}
    type_query(page, "الصين -روسيا")
    excluded = {r["source_file"] for r in api(page, "الصين -روسيا")}
    assert CHINA not in excluded and excluded
    assert len(results(page)) == len(excluded)


def test_filters_and_sort_are_applied_and_linkable(site, page):
    open_search(page, site, q="مصر")
    everything = total_shown(page)
    options = page.locator("select[name=category] option").all_text_contents()
    assert len(options) > 2  # «كل الأقسام» and the categories from the engine
    page.select_option("select[name=category]", index=1)
    wait_for(page, "مصر")
    category, label = page.eval_on_selector(
        "select[name=category]", "s => [s.value, s.selectedOptions[0].textContent]")
    name = label.rsplit(" (", 1)[0]  # «حوادث (17)»: the reader-facing name
    assert name != category  # shown under its name from ARSHIF_CATEGORY_NAMES
    filtered = results(page)
    assert filtered and len(filtered) <= total_shown(page) < everything
    assert all(r["category"] == name for r in filtered)
    assert parse_qs(urlsplit(page.url).query)["category"] == [category]

    page.select_option("select[name=sort]", "newest")
    wait_for(page, "مصر")
    newest = results(page)
    dates = [r["date"] for r in newest if r["date"]]
    assert dates == sorted(dates, reverse=True)
    assert parse_qs(urlsplit(page.url).query)["sort"] == ["newest"]

    # The URL alone restores the same search.
    linked = page.url
    page.goto("about:blank")
    page.goto(linked)
    wait_for(page, "مصر")
    assert page.eval_on_selector("select[name=category]", "s => s.value") == category
    assert page.eval_on_selector("select[name=sort]", "s => s.value") == "newest"
    assert results(page) == newest


def test_year_filter_keeps_only_that_year(site, page):
    open_search(page, site, q="الصين")
    years = page.locator("select[name=year] option").evaluate_all("os => os.map(o => o.value)")
    year = next(y for y in years if y)
    page.select_option("select[name=year]", year)
    wait_for(page, "الصين")
    dates = [r["date"] for r in results(page)]
    assert dates and all(d and d.startswith(year) for d in dates)


def test_no_results_shows_empty_state_and_did_you_mean(site, page):
    open_search(page, site)
    type_query(page, "الصبن")  # الصين mistyped
    assert results(page) == []
    assert status(page) == "لا توجد نتائج"
    assert page.locator(".search-empty").is_visible()
    assert page.locator(".search-more").is_hidden()
    suggestion = page.locator(".search-suggest a")
    assert "هل تقصد" in page.locator(".search-suggest").text_content()
    suggestion.click()
    fixed = suggestion.text_content()
    wait_for(page, fixed)
    assert results(page) and page.locator(".search-empty").is_hidden()
    assert page.evaluate("() => document.activeElement.id") == "search-q"


def test_more_button_appends_and_moves_focus(site, page):
    open_search(page, site, q="مصر")
    first = results(page)
    more = page.get_by_role("button", name="نتائج أخرى")
    if not more.is_visible():
        pytest.skip("fewer results than one page")
    more.click()
    page.wait_for_function("n => document.querySelectorAll('.search-result').length > n",
                           arg=len(first))
    assert page.evaluate("() => document.activeElement.closest('.search-result') !== null")
    hrefs = [r["href"] for r in results(page)]
    assert len(hrefs) == len(set(hrefs))


@pytest.mark.parametrize("attack", [
    "<img src=x onerror=alert(1)>",
    '"><script>alert(1)</script>',
    "<svg/onload=alert(document.domain)>",
])
def test_hostile_queries_stay_text(site, page, attack):
    open_search(page, site, q=attack)
    assert page.get_by_label("كلمات البحث").input_value() == attack
    if api(page, attack):
        assert results(page)
    else:  # the empty state quotes the query, as text
        assert page.locator(".search-empty-query").text_content() == attack
    type_query(page, "الصين " + attack)
    assert results(page)
    assert page.locator("#search img, #search svg, #search script").count() == 0
    assert page.locator("script:not([src])").count() == 0
    assert page.dialogs == []


def test_sub_path_site_works_offline(subpath_site, page):
    assert subpath_site.endswith("/arshif/")
    open_search(page, subpath_site, q="الصين")
    shown = results(page)
    assert shown and all(urlsplit(r["href"]).path.startswith("/arshif/") for r in shown)
    assert all(r["url"].startswith(subpath_site) for r in api(page, "والصين"))
    # This site writes Arabic-Indic digits: the count and dates follow.
    assert re.match(r"^[٠-٩]+ (نتائج|نتيجة)$", status(page))
    dates = [r["meta"] for r in shown if r["date"]]
    assert dates and re.search(r"[٠-٩]+ \w+ ٢٠١٣", dates[0])
    response = page.goto(shown[0]["href"])
    assert response.status == 200


def test_without_javascript_says_so(site, chromium):
    page = new_page(chromium, java_script_enabled=False)
    page.goto(f"{site}search/")
    assert "يحتاج إلى تفعيل JavaScript" in page.locator("main").inner_text()
    page.context.close()


def test_keyboard_only_search(site, page):
    open_search(page, site)
    assert page.evaluate("() => document.activeElement.id") == "search-q"
    page.keyboard.type("والصين")
    page.keyboard.press("Enter")
    wait_for(page, "والصين")
    assert urlsplit(page.url).path.endswith("/search/")  # no reload, same page
    assert results(page)
    page.keyboard.press("Tab")  # the search button, then the filters
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.search-options') !== null")


SCREENS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_layout_fits_the_screen(site, chromium, screen, scheme):
    page = new_page(chromium, viewport=SCREENS[screen], color_scheme=scheme, locale="ar-EG")
    open_search(page, site, q="الصين")
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    # Set ARSHIF_SCREENSHOTS=DIR to keep the pictures for a human to look at.
    if os.environ.get("ARSHIF_SCREENSHOTS"):
        folder = Path(os.environ["ARSHIF_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"search-{screen}-{scheme}.png", full_page=True)
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    page.context.close()
