"""Shape the date archives: undated articles out, one article listing per month.

Undated articles (their date is a sentinel) stay in listings, categories,
tags, sources and the sitemap, but leave ``dates`` and the period archives;
templates get them as ``undated_articles`` for the «غير مؤرخ» section.
Year pages list their months, so their article lists are emptied: that keeps
Pelican from paginating a year into pages that would repeat the month pages.
"""

from .arabic import is_undated


def shape_archives(generator):
    """Remove undated articles from dates and period archives; empty year listings."""
    undated = [article for article in generator.articles if is_undated(article)]
    generator.context["undated_articles"] = undated
    if undated:
        generator.dates[:] = [a for a in generator.dates if not is_undated(a)]
    for granularity, archives in generator.period_archives.items():
        for archive in archives:
            if undated:
                archive["dates"] = [a for a in archive["dates"] if not is_undated(a)]
                archive["articles"] = [a for a in archive["articles"] if not is_undated(a)]
        archives[:] = [archive for archive in archives if archive["dates"]]
        if granularity == "year":
            for archive in archives:
                archive["articles"] = []
