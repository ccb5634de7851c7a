"""Pelican at archive scale: listing pages in linear time and URLs computed once.

Plain Pelican spends a quadratic share of a 20,000-article build in a few
places (measured, see docs/PERFORMANCE.md): taxonomy pages filter the whole
date list once per tag (`[a for a in self.dates if a in articles]`), period
archives scan a list once per article, and every access to `Content.url`
re-runs path arithmetic. This plugin keeps Pelican's behaviour and output and
removes those costs. On a rebuild it also leaves unchanged article and listing
pages alone (see `incremental`), and a damaged cache is discarded (`caches`).
"""

from pelican import signals
from pelican.generators import ArticlesGenerator

from .caches import guard_caches
from .incremental import IncrementalWriter

def _taxonomy_writer(kind, template_name, items):
    """A generate_tags/categories/authors that hands the template the same context."""

    def generate(self, write):
        template = self.get_template(template_name)
        position = {id(a): i for i, a in enumerate(self.dates)}
        for obj, articles in items(self):
            if not obj.save_as:
                continue
            write(
                obj.save_as,
                template,
                self.context,
                url=obj.url,
                articles=articles,
                # The tag's articles in the archive's date order, as Pelican gives them.
                dates=sorted((a for a in articles if id(a) in position), key=lambda a: position[id(a)]),
                template_name=template_name,
                blog=True,
                page_name=obj.page_name,
                all_articles=self.articles,
                **{kind: obj},
            )

    generate.__doc__ = f"Generate {template_name} pages (linear time)."
    return generate


_pelican_period_archives = ArticlesGenerator._build_period_archives


def _build_period_archives(self, sorted_articles, articles, settings):
    """Pelican's period archives, with each period's articles found in linear time.

    Pelican fills `archive["articles"]` with `[a for a in articles if a in dates]`,
    a list scan per article: 20,000 × 20,000 steps for a one-year archive.
    """
    archives = _pelican_period_archives(self, sorted_articles, [], settings)
    order = {id(a): i for i, a in enumerate(articles)}
    for periods in archives.values():
        for archive in periods:
            listed = [a for a in archive["dates"] if id(a) in order]
            archive["articles"] = sorted(listed, key=lambda a: order[id(a)])
    return archives


def patch_generators():
    ArticlesGenerator.generate_tags = _taxonomy_writer("tag", "tag", lambda g: g.tags.items())
    ArticlesGenerator.generate_categories = _taxonomy_writer("category", "category", lambda g: g.categories)
    ArticlesGenerator.generate_authors = _taxonomy_writer("author", "author", lambda g: g.authors)
    ArticlesGenerator._build_period_archives = _build_period_archives


def freeze_urls(generator):
    """Compute each article's url once, through Pelican's `override_url` hook.

    save_as is left alone: setting override_save_as would also switch off the
    writer's check that two articles never write the same file.
    """
    for article in (generator.articles + generator.translations + generator.hidden_articles
                    + generator.hidden_translations + generator.drafts):
        if not hasattr(article, "override_url"):
            article.override_url = article.url


def incremental_writer(pelican):
    return IncrementalWriter


def save_writer_state(pelican):
    IncrementalWriter.save_all()


def register():
    patch_generators()
    guard_caches()
    signals.article_generator_finalized.connect(freeze_urls)
    signals.get_writer.connect(incremental_writer)
    signals.finalized.connect(save_writer_state)
