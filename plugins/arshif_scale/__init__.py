"""Pelican at archive scale: listing pages in linear time and URLs computed once.

Plain Pelican spends a quadratic share of a 20,000-article build in a few
places (measured, see docs/PERFORMANCE.md): taxonomy pages filter the whole
date list once per tag (`[a for a in self.dates if a in articles]`), period
archives scan a list once per article, and every access to `Content.url`
re-runs path arithmetic. This plugin keeps Pelican's behaviour and output and
removes those costs (the replaced Pelican code is in
`arshif_core.pelican_compat`). On a rebuild it also leaves unchanged article
and listing pages alone (see `incremental`), a damaged cache is discarded, and
the reader cache is saved by a forked child once the seeds are read (the
pickling's time and memory are not the main process's).
"""

import gc

from arshif_core import pelican_compat
from pelican import signals

from .incremental import IncrementalWriter


def on_articles_final(generator):
    """The seeds are read (the reader cache is saved, by a forked child), then each
    article's url and save_as are computed once."""
    pelican_compat.save_reader_cache(generator)
    freeze_urls(generator)


def freeze_urls(generator):
    """Compute each article's url (through Pelican's `override_url` hook) and save_as once."""
    for article in (generator.articles + generator.translations + generator.hidden_articles
                    + generator.hidden_translations + generator.drafts):
        if not hasattr(article, "override_url"):
            article.override_url = article.url
        pelican_compat.freeze_save_as(article)


def freeze_read(generator):
    """article_generator_pretaxonomy: the articles just read live until the build ends, so
    the collector stops walking them (tags, related lists, groups and pages allocate much
    more; a 5,000-article +1 rebuild took 6.7 s instead of 7.9 s, results/gc_freeze_5000.md).
    `finalized` unfreezes them: a long-lived process that rebuilds (livereload) frees them."""
    gc.freeze()


def incremental_writer(pelican):
    """get_writer: the run's writer is kept on the Pelican object, whose `finalized` saves it.

    A build that failed before `finalized` leaves its writer unsaved: the next
    run's writer replaces it.
    """

    class RunWriter(IncrementalWriter):
        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings=settings)
            pelican.arshif_writer = self

    return RunWriter


def save_writer_state(pelican):
    """finalized: the writer's state saved, the reader cache's save waited for, the
    articles given back to the collector."""
    gc.unfreeze()
    pelican_compat.reader_cache_saved()
    writer = getattr(pelican, "arshif_writer", None)
    if writer is not None:
        pelican.arshif_writer = None
        writer.save()


def register():
    pelican_compat.patch_generators()
    pelican_compat.guard_caches()
    pelican_compat.patch_content()
    signals.article_generator_init.connect(pelican_compat.defer_reader_cache)
    signals.article_generator_pretaxonomy.connect(freeze_read)
    signals.article_generator_finalized.connect(on_articles_final)
    signals.get_writer.connect(incremental_writer)
    signals.finalized.connect(save_writer_state)
