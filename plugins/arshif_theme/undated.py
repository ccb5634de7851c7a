"""Keep undated articles (their date is a sentinel) out of date-based output.

They stay in listings, categories, tags, sources and the sitemap, but are
taken out of ``dates``, the year/month archives and the feeds, and offered to
templates as ``undated_articles`` for the «غير مؤرخ» section of the archives.
"""

from .arabic import is_undated


def split_undated(generator):
    """Remove undated articles from the generator's dates and period archives, in place."""
    undated = [article for article in generator.articles if is_undated(article)]
    generator.context["undated_articles"] = undated
    if not undated:
        return
    generator.dates[:] = [a for a in generator.dates if not is_undated(a)]
    for archives in generator.period_archives.values():
        for archive in archives:
            archive["dates"] = [a for a in archive["dates"] if not is_undated(a)]
            archive["articles"] = [a for a in archive["articles"] if not is_undated(a)]
        archives[:] = [archive for archive in archives if archive["dates"]]


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
