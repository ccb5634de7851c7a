"""Arshif seeds: raw Arabic news files become Pelican articles, with nothing lost.

One receiver per signal. A build's Ingest (manifest, report) lives on the
articles generator (`generator.arshif_ingest`); its report is written once
the article pages are (`article_writer_finalized`), and strict mode judges
that report at the very end of the build (`arshif_core.LAST`).
"""

import logging
import os

from arshif_core import pelican_compat
from arshif_core.settings import apply
from pelican import signals

from . import article_cache, config, dump_articles, dumps, learning, prefetch
from .dates import UNDATED  # noqa: F401  (re-exported for templates and other plugins)
from .ingest import Ingest, check_strict, drop_repeated_title
from .reader import SeedReader, drop_stale, seed_relpath
from .report import IGNORE_PATTERNS

logger = logging.getLogger(__name__)
# The pool of a build that failed while reading: the next build (`pelican -r`
# runs builds in one process, with new generators) must still shut it down.
_left_running = {}


def initialized(pelican):
    """The settings checked and filled, then the seeds folder made an article path."""
    apply(pelican.settings, config.DEFAULTS)
    add_seeds_path(pelican)
    ignore_non_articles(pelican)


def add_seeds_path(pelican):
    """Read the seeds folder as one more article path (it may lie outside PATH)."""
    root = config.seeds_path(pelican.settings)
    if root and os.path.isfile(root) and dumps.is_dump(root):
        return  # one dump file is the seeds: its records are read by dump_articles
    if root and not os.path.isdir(root):
        logger.error("Seeds folder %s does not exist", root)
    elif root and root not in pelican.settings["ARTICLE_PATHS"]:
        pelican.settings["ARTICLE_PATHS"] = list(pelican.settings["ARTICLE_PATHS"]) + [root]


def ignore_non_articles(pelican):
    """Hidden files and folders, editor backups and OS files are never read as articles
    (Pelican's default `**/.*` matches neither a hidden file nor a hidden folder)."""
    ignores = list(pelican.settings.get("IGNORE_FILES") or [])
    pelican.settings["IGNORE_FILES"] = ignores + [p for p in IGNORE_PATTERNS if p not in ignores]


def add_reader(readers):
    for extension in config.setting(readers.settings, "SEEDS_EXTENSIONS"):
        readers.reader_classes[extension] = SeedReader


def before_reading(generator):
    """Learn each source's furniture from all seeds, then start reading them."""
    ingest = generator.arshif_ingest = Ingest(generator.settings)
    paths = prefetch.seed_files(generator, ingest.hazards)
    named = {seed_relpath(path, generator.settings): path for path in paths}
    ingest.dumps = dump_articles.dump_files(generator.settings)
    ingest.archive = learning.learn_archive(named, ingest.dumps, generator.settings, ingest.manifest.row)
    for reader in _seed_readers(generator):
        reader.archive = ingest.archive
    stale = drop_stale(generator.readers, generator.settings, ingest.archive)
    if stale:
        logger.info("%d cached seeds were parsed by other code, settings or habits; reading them again",
                    stale)
    generator.arshif_articles = article_cache.install(generator, ingest)
    start_prefetch(generator, paths)


def _seed_readers(generator):
    return [reader for reader in generator.readers.readers.values() if isinstance(reader, SeedReader)]


def start_prefetch(generator, paths):
    stop_prefetch(generator)  # a build that failed while reading left one behind
    readers = _seed_readers(generator)
    if readers:
        ahead = prefetch.start(generator, readers[0], paths)
        if ahead is not None:
            _left_running["prefetch"] = ahead
            for reader in readers:
                reader.prefetch = ahead


def stop_prefetch(generator):
    ahead = _left_running.pop("prefetch", None)
    if ahead is not None:
        ahead.close()
        for reader in _seed_readers(generator):
            reader.prefetch = None


def on_context(generator, metadata):
    generator.arshif_ingest.on_context(metadata)


def on_content(content):
    drop_repeated_title(content)


def on_pretaxonomy(generator):
    """The final list of articles: dump records added, foreign files and exact copies out.

    Tags are chosen later, by `assign_tags` (see arshif_core.LAST)."""
    stop_prefetch(generator)
    if getattr(generator, "arshif_articles", None) is not None:
        generator.arshif_articles.save()
    ingest = generator.arshif_ingest
    readers = _seed_readers(generator)
    if readers:
        dump_articles.add_dump_articles(generator, readers[0], ingest, ingest.dumps)
    generator.articles = ingest.merge_duplicates(ingest.drop_foreign(generator.articles))
    if generator.settings.get("ARTICLE_ORDER_BY") == "reversed-date":
        # Pelican's order leaves same-date articles in file-system order, which
        # changes from run to run; the seed name settles ties the same way each time.
        generator.articles.sort(key=lambda a: (a.date, getattr(a, "source_file", None)
                                               or a.source_path), reverse=True)


def assign_tags(generator):
    generator.arshif_ingest.assign_tags(generator.articles)


def on_finalized(generator):
    generator.arshif_ingest.collect_urls(generator.articles)


def write_report(generator, writer):
    """The ingest report, once the article pages are written (it says which are)."""
    generator.arshif_ingest.finish()


def enforce_strict(pelican):
    """In strict mode anything rejected, warned about or wrong in the manifest fails the build.

    Raised as an error, not SystemExit: `pelican` exits with status 1. Under
    `pelican -r`, whose loop builds again at once after an error, the problems
    are listed and the loop waits for the next change.
    """
    if not config.setting(pelican.settings, "ARSHIF_STRICT"):
        return
    check_strict(config.report_path(pelican.settings), fail=not pelican_compat.in_autoreload())


def seeds_to_watch(settings):
    """`pelican -r` rebuilds when a seed changes (the seeds folder may lie outside PATH)."""
    return [config.seeds_path(settings)]


def register():
    pelican_compat.watch_too(seeds_to_watch)
    signals.initialized.connect(initialized)
    signals.readers_init.connect(add_reader)
    signals.article_generator_init.connect(before_reading)
    signals.article_generator_context.connect(on_context)
    signals.content_object_init.connect(on_content)
    signals.article_generator_pretaxonomy.connect(on_pretaxonomy)
    signals.article_generator_finalized.connect(on_finalized)
    signals.article_writer_finalized.connect(write_report)
