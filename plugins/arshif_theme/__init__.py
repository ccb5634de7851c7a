"""Arshif theme plugin: Arabic Jinja filters, source pages, JSON-LD, and the
rules that keep undated articles out of archives, feeds and the sitemap."""

from functools import partial
from urllib.parse import urlsplit

from arshif_core.settings import apply
from markupsafe import Markup
from pelican import signals

from . import arabic, jsonld, timeline
from .archives import shape_archives
from .feeds import complete_feed, drop_undated_entries, remove_empty_category_feeds
from .neighbours import link_neighbours
from .related import link_related
from .sitemap import fix_sitemap  # noqa: F401  (called last at finalized: arshif_core.LAST)
from .sources import Source, SourcesGenerator
from .stories import link_stories
from .tags import prune_tags


DEFAULTS = {
    "SOURCE_URL": "source/{slug}/",
    "SOURCE_SAVE_AS": "source/{slug}/index.html",
    "SOURCES_URL": "sources/",
    "SOURCES_SAVE_AS": "sources/index.html",
    "ARSHIF_DIGITS": "latn",
    # Article pages show the Hijri (Umm al-Qura) date beside the Gregorian one.
    "ARSHIF_HIJRI_DATES": True,
    # Display names for `source` and category values (manifest ids are ASCII).
    "ARSHIF_SOURCE_NAMES": {},
    "ARSHIF_CATEGORY_NAMES": {},
    # Tags with fewer articles get no page (they stay on articles as text).
    "ARSHIF_TAG_MIN_ARTICLES": 2,
    # Listing pages (tags, sources, categories, archives) chart their articles per month.
    "ARSHIF_TIMELINES": True,
    # Articles that are one report at several outlets list each other («نُشر أيضًا في»).
    "ARSHIF_STORIES": True,
    # Related articles listed on an article page (0: none).
    "ARSHIF_RELATED": 5,
}


def initialized(pelican):
    """One place for this plugin's settings: defaults fill what pelicanconf leaves out, checked."""
    apply(pelican.settings, DEFAULTS)


def byline(article, settings):
    """The article's author, or "" when Pelican filled in the site-wide AUTHOR."""
    author = getattr(article, "author", None)
    name = str(author) if author else ""
    return "" if name == settings.get("AUTHOR") else name


def filters(settings):
    """The Jinja filters, bound to the site settings."""
    system = settings["ARSHIF_DIGITS"]
    names = settings["ARSHIF_SOURCE_NAMES"]
    category_names = settings["ARSHIF_CATEGORY_NAMES"]

    def source_name(source):
        return names.get(source, source)

    def category_name(category):
        return category_names.get(str(category), str(category))

    def article_jsonld(article):
        source = getattr(article, "source", None)
        data = jsonld.news_article(
            article,
            publisher=source_name(source) if source else settings.get("SITENAME"),
            author=byline(article, settings),
        )
        return Markup(jsonld.script_json(data))

    return {
        "arabic_date": partial(arabic.arabic_date, system=system),
        "hijri_date": partial(arabic.hijri_date, system=system),
        "digits": partial(arabic.digits, system=system),
        "count": partial(arabic.count, system=system),
        "month_name": arabic.month_name,
        "undated": arabic.is_undated,
        "byline": partial(byline, settings=settings),
        "source_name": source_name,
        "category_name": category_name,
        "source_url": lambda source: Source(source, settings).url,
        "jsonld": article_jsonld,
        "timeline": partial(timeline.chart, system=system),
    }


def add_filters(generator):
    generator.env.filters.update(filters(generator.settings))
    # Links inside the site are root-relative (SITEURL's path, e.g. "/arshif"):
    # the host would repeat in every link; canonical, og and feeds keep SITEURL.
    generator.env.globals["SITEPATH"] = urlsplit(generator.settings.get("SITEURL", "")).path.rstrip("/")


def on_articles_final(generator):
    """The articles' listings and links, in this order: undated articles out of the
    archives, neighbours, tag pages pruned (related lists link the kept ones),
    same-story groups (which related lists leave out)."""
    shape_archives(generator)
    link_neighbours(generator)
    prune_tags(generator, generator.settings["ARSHIF_TAG_MIN_ARTICLES"])
    link_stories(generator)
    link_related(generator)


def on_feed(context, feed):
    drop_undated_entries(context, feed)
    complete_feed(context, feed)


def get_generators(pelican):
    return SourcesGenerator


def register():
    signals.generator_init.connect(add_filters)
    signals.article_generator_finalized.connect(on_articles_final)
    signals.feed_generated.connect(on_feed)
    signals.article_writer_finalized.connect(remove_empty_category_feeds)
    signals.get_generators.connect(get_generators)
    signals.initialized.connect(initialized)
