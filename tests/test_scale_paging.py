"""Listing pages counted from the oldest end, and save_as kept once final (arshif_scale)."""

from arshif_core import pelican_compat
from arshif_scale.paging import StablePaginator, page_bounds, page_count, page_label
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG


def test_older_pages_keep_their_articles_and_names_as_newer_ones_arrive():
    for count in range(0, 200):
        pages = page_count(count, 40)
        assert pages == max(1, count // 40)
        bounds = [page_bounds(count, 40, n) for n in range(1, pages + 1)]
        assert bounds[0][0] == 0 and bounds[-1][1] == count
        assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # no gap, no overlap
        first = bounds[0][1] - bounds[0][0]
        assert first == count if pages == 1 else 40 <= first < 80
        # Each older page holds the same articles (counted from the oldest) under the same label.
        for n in range(2, pages + 1):
            start, stop = bounds[n - 1]
            assert stop - start == 40
            assert page_label(count, 40, n) - 2 == (count - stop) // 40


def test_page_addresses_carry_the_label_and_readers_count_from_the_newest():
    settings = dict(DEFAULT_CONFIG, PAGINATION_PATTERNS=[
        (1, "{url}", "{save_as}"), (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html")])
    from pelican.settings import configure_settings

    settings = configure_settings(settings)
    articles = list(range(125))  # newest first
    pages = StablePaginator("category/x/index.html", "category/x/", articles, settings, 40)
    assert pages.num_pages == 3
    first, second, last = (pages.page(n) for n in (1, 2, 3))
    assert (first.url, first.save_as) == ("category/x/", "category/x/index.html")
    assert first.object_list == articles[:45] and (first.start_index(), first.end_index()) == (1, 45)
    assert second.url == "category/x/page/3/" and second.object_list == articles[45:85]
    assert last.url == "category/x/page/2/" and last.object_list == articles[85:]
    assert second.has_previous() and second.has_next() and not last.has_next()


def test_save_as_is_kept_once_frozen():
    pelican_compat.patch_content()
    settings = dict(DEFAULT_CONFIG, ARTICLE_SAVE_AS="a/{slug}/index.html")
    article = Article("<p>x</p>", metadata={"title": "t", "slug": "one"}, settings=settings)
    assert article.save_as == "a/one/index.html"
    article.slug = "two"
    assert article.save_as == "a/two/index.html"  # not frozen: Pelican's, computed again
    pelican_compat.freeze_save_as(article)
    article.slug = "three"
    assert article.save_as == "a/two/index.html"


def test_relative_source_path_follows_the_source_path():
    pelican_compat.patch_content()
    settings = dict(DEFAULT_CONFIG, PATH="/site/content")
    article = Article("<p>x</p>", metadata={"title": "t"}, settings=settings,
                      source_path="/site/content/a/one.txt")
    assert article.get_relative_source_path() == "a/one.txt"
    article.source_path = "/site/content/b/two.txt"
    assert article.get_relative_source_path() == "b/two.txt"
    assert article.get_relative_source_path("/site/content/c.txt") == "c.txt"
