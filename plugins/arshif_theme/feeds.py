"""Feed entries: no undated article (it has no date to give), and an author."""


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


def feed_author(context, feed):
    """Atom needs an author per entry or for the feed: the feed gets the site's."""
    if not feed.feed.get("author_name"):
        feed.feed["author_name"] = context.get("SITENAME")
