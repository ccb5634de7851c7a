"""Tag pages only for tags shared by enough articles.

A tag page listing the one article the reader came from is a page of
chrome for nothing; those tags stay on the article as plain text.
"""


def prune_tags(generator, minimum):
    """Keep tags with at least *minimum* articles; the kept ones go to ``linked_tags``."""
    kept = {tag: articles for tag, articles in generator.tags.items() if len(articles) >= minimum}
    generator.tags = kept
    generator.context["tags"] = list(kept.items())
    generator.context["linked_tags"] = set(kept)
