"""Source pages: one listing per ``source`` value and an index of sources."""

from collections import Counter
from functools import partial
import logging

from arshif_seeds.ids import name_slug, taxonomy_key
from pelican.generators import Generator
from pelican.urlwrappers import URLWrapper

logger = logging.getLogger(__name__)


class Source(URLWrapper):
    """A publishing site or agency; URLs come from SOURCE_URL / SOURCE_SAVE_AS.

    The slug hashes the name's letters and digits, as tags do: «الصباح» and
    «السباح» get two pages, «أ ش أ» and «أ.ش.أ» one; a name with no letter or
    digit has no slug (and no page).
    """

    @property
    def slug(self):
        if self._slug is None:
            key = taxonomy_key(self.name)
            self._slug = name_slug(key, self.settings.get("ARSHIF_SLUGS")) if key else ""
        return self._slug

    @slug.setter
    def slug(self, slug):
        self._slug_from_name = False
        self._slug = slug


def group_by_source(articles, settings):
    """``[(Source, [article, …]), …]`` sorted by name, articles kept in order.

    Spellings that share a slug («أ ش أ», «أ.ش.أ») are one source, named by
    its most frequent spelling.
    """
    groups = {}
    for article in articles:
        name = getattr(article, "source", None)
        if name and taxonomy_key(name):
            spellings, items = groups.setdefault(Source(name, settings), (Counter(), []))
            spellings[name] += 1
            items.append(article)
    sources = []
    for source, (spellings, items) in groups.items():
        source.name = spellings.most_common(1)[0][0]
        sources.append((source, items))
    return sorted(sources, key=lambda pair: pair[0].name.casefold())


class SourcesGenerator(Generator):
    """Writes ``source.html`` for every source and ``sources.html`` once."""

    def generate_context(self):
        self.sources = group_by_source(self.context.get("articles", []), self.settings)
        self.context["sources"] = self.sources

    def generate_output(self, writer):
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        template = self.get_template("source")
        for source, articles in self.sources:
            if not source.slug:
                logger.warning("Source %r has no ASCII slug; no page written", source.name)
                continue
            write(
                source.save_as,
                template,
                self.context,
                source=source,
                articles=articles,
                url=source.url,
                template_name="source",
                page_name=source.page_name,
                blog=True,
            )
        save_as = self.settings.get("SOURCES_SAVE_AS")
        if save_as:
            write(
                save_as,
                self.get_template("sources"),
                self.context,
                url=self.settings.get("SOURCES_URL"),
                template_name="sources",
                page_name="sources",
            )
