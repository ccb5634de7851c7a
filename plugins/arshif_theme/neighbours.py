"""Previous/next links within the archive, in listing order (newest first)."""


def link_neighbours(generator):
    """Give every listed article ``newer_article`` and ``older_article`` (or None)."""
    articles = generator.articles
    for index, article in enumerate(articles):
        article.newer_article = articles[index - 1] if index else None
        article.older_article = articles[index + 1] if index + 1 < len(articles) else None
