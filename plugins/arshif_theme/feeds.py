"""Feeds: no undated article (it has no date to give), valid Atom, no empty feeds."""

import logging
import os
import re

from .arabic import is_undated

logger = logging.getLogger(__name__)

CATEGORY_FEEDS = ("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS")
# Characters XML 1.0 forbids: one of them makes the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def drop_undated_entries(context, feed):
    """Take undated articles' entries out of a feed before it is written."""
    undated = {article.url for article in context.get("undated_articles", ())}
    if not undated:
        return
    siteurl = context.get("SITEURL", "")
    feed.items[:] = [
        item for item in feed.items
        if item["link"].removeprefix(siteurl).lstrip("/") not in undated
    ]


def complete_feed(context, feed):
    """What Atom requires and Pelican leaves out.

    An author per entry or for the feed (the feed gets the site's name), an id
    of its own (Pelican gives every feed the site's URL as id), and no
    character that XML forbids.
    """
    if not feed.feed.get("author_name"):
        feed.feed["author_name"] = context.get("SITENAME")
    if feed.feed.get("feed_url"):
        feed.feed["id"] = feed.feed["feed_url"]
    # Seed text and manifest values are cleaned when read; hand-written
    # articles are not, and a feed must stay XML whatever they hold.
    for fields in [feed.feed, *feed.items]:
        for key, value in fields.items():
            if isinstance(value, str) and _NOT_XML.search(value):
                fields[key] = _NOT_XML.sub("", value)


def remove_empty_category_feeds(generator, writer):
    """Delete the feed of a category whose articles are all undated.

    Pelican writes a feed for every category; with its undated entries dropped
    such a feed would be empty, which no reader wants to subscribe to.
    """
    for category, articles in generator.categories:
        if not all(is_undated(article) for article in articles):
            continue
        for name in CATEGORY_FEEDS:
            pattern = generator.settings.get(name)
            path = pattern and os.path.join(generator.output_path, pattern.format(slug=category.slug))
            if path and os.path.exists(path):
                os.remove(path)
                logger.info("No feed for category %r: all its articles are undated", category.name)
