"""schema.org ``NewsArticle`` data for an article page, safe inside <script>."""

import json

from .arabic import is_undated


def news_article(article, publisher, author=None):
    """The JSON-LD dict of *article*; no ``datePublished`` when it is undated.

    *publisher* and *author* are display names chosen by the caller (the
    source's name or the site's; the byline, never the site-wide AUTHOR).
    Kept to what the page does not already say in its own tags (canonical URL,
    lang): it is repeated on every article page.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "isBasedOn": getattr(article, "original_url", None),
    }
    if not is_undated(article):
        data["datePublished"] = article.date.isoformat()
    if author:
        data["author"] = {"@type": "Person", "name": author}
    data["publisher"] = {"@type": "Organization", "name": publisher}
    # The same article as other outlets published it (exact copies merged into this page).
    same = [copy["url"] for copy in getattr(article, "copies", None) or () if copy.get("url")]
    if same:
        data["sameAs"] = same
    return {key: value for key, value in data.items() if value is not None}


def script_json(data):
    """JSON text that cannot end its <script> element early (``</`` and ``<!--`` escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
