"""arshif_search: Arabic full-text search for the static site.

Once the articles are read, a Whoosh index in CACHE_PATH is brought up to
date (incrementally) and exported as the static, sharded index in
OUTPUT_PATH/search/ that the browser engine (theme/static/js/search-engine.js)
and the CLI query. Where the platform can fork, that job runs in a child
process while Pelican writes the pages (the two take about as long), and the
build waits for it before it ends.
"""

import json
import logging
import multiprocessing
import shutil
import time
import traceback
from pathlib import Path

from pelican import signals

from arshif_core.settings import Nested, apply, merged

from . import analyzer, index_export, indexer

logger = logging.getLogger(__name__)

DEFAULTS = {
    # Where the Whoosh index lives, under CACHE_PATH.
    "index_dir": "whoosh",
    # Where the static index goes, under OUTPUT_PATH.
    "output_dir": "search",
    # Characters of the article lead kept as the result snippet.
    "snippet_chars": 160,
    # Documents per document-data chunk fetched for the results shown.
    "chunk_size": 4,
    # The chunks' names are listed in name blocks of this many (fetched for
    # the results shown), so the manifest every query loads grows by one name
    # per block, not per chunk.
    "names_per_block": 64,
    # Target raw size of a term shard (shards hold ranges of the sorted stems).
    "shard_bytes": 8192,
    # A word being typed is completed only from prefixes whose stems span at
    # most this many term shards (a longer list says little and costs bytes).
    "prefix_shards": 4,
    # Exact forms seen in at least this many documents feed "did you mean".
    "suggest_min_df": 2,
    # Whoosh writer memory before it flushes a segment.
    "limitmb": 256,
    # Index and export in a forked process while the pages are written.
    "parallel": True,
    "ranking": {
        "k1": 1.2,
        "b": {"title": 0.3, "kicker": 0.3, "body": 0.75},
        "field_weight": {"title": 5.0, "kicker": 2.0, "body": 1.0},
        # A query word scores exact_weight times its stem's BM25F weight in a
        # document that holds its exact form, else stem_weight times. Not
        # tuned on this formula: docs/ANALYZER.md ("Ranking findings")
        # evaluated a related one (exact-form BM25 added to the stem's at
        # equal weight, multiplicative coordination, b 0.75 in every field);
        # the engine as shipped is measured by benchmarks/bench_search.py.
        "exact_weight": 4,
        "stem_weight": 2,
        # The word being typed, when it is already a word of the archive,
        # keeps its own documents first: a document holding only one of its
        # completions scores completion_weight times the completion's weight
        # (stem_weight when the typed word is no word of the archive).
        "completion_weight": 1,
    },
}


def search_settings(settings):
    """ARSHIF_SEARCH from the Pelican settings, merged key by key over the defaults."""
    return merged("ARSHIF_SEARCH", Nested(DEFAULTS), settings.get("ARSHIF_SEARCH"))


def check_settings(pelican):
    """initialized: a partial ARSHIF_SEARCH keeps the other defaults; a wrong type stops here."""
    apply(pelican.settings, {"ARSHIF_SEARCH": Nested(DEFAULTS)})


def _paths(settings):
    conf = search_settings(settings)
    return (Path(settings["CACHE_PATH"]) / conf["index_dir"],
            Path(settings["OUTPUT_PATH"]) / conf["output_dir"], conf)


def update_index(generator):
    """article_generator_pretaxonomy: index and export, in a child process if possible.

    The articles are final once the seeds plugin (registered before this one)
    has merged duplicates; tags and listings, built after, are not indexed.
    """
    index_dir, out_dir, conf = _paths(generator.settings)
    published = list(generator.articles)

    def index_and_export():
        start = time.perf_counter()
        articles = {indexer.source_file_of(article): article for article in published}
        hashes = {key: indexer.article_hash(article) for key, article in articles.items()}
        counts = indexer.update_index(
            index_dir, hashes,
            lambda key: indexer.article_record(articles[key], conf["snippet_chars"]),
            conf["limitmb"])
        analyzer.forget_words()
        logger.info("arshif_search: index %s: %d added, %d deleted, %d kept in %.1f s",
                    index_dir, counts["added"], counts["deleted"], counts["kept"],
                    time.perf_counter() - start)
        start = time.perf_counter()
        _discard_interrupted_export(out_dir)
        index_export.export_index(index_dir, out_dir, conf)
        logger.info("arshif_search: export took %.1f s", time.perf_counter() - start)

    def job():
        try:
            index_and_export()
        except Exception as err:  # noqa: BLE001 - a damaged index is rebuilt once; a second failure is raised
            if not index_dir.exists():
                raise
            logger.warning("arshif_search: the search index in %s is damaged (%s: %s); "
                           "it is discarded and built again from the articles",
                           index_dir, type(err).__name__, err)
            shutil.rmtree(index_dir)
            index_and_export()

    _abandon()
    if conf["parallel"] and "fork" in multiprocessing.get_all_start_methods():
        # Not a daemon: if the build dies, Python still lets the export finish
        # rather than kill it between writing new files and the manifest.
        child = multiprocessing.get_context("fork").Process(
            target=_in_child, args=(job,), name="arshif-search")
        child.start()
        _jobs.append(child)
    else:
        job()


_jobs = []


def _discard_interrupted_export(out_dir):
    """Delete static index files that the manifest does not name.

    An export killed midway leaves files (and a temporary one) that the
    manifest, written last, does not name yet.
    """
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text("utf-8"))
        index_export.listed_files(out_dir, manifest)
    except (OSError, ValueError, KeyError, TypeError):
        manifest = None
    stray = index_export.remove_unlisted(out_dir, manifest)
    if stray:
        logger.warning("arshif_search: %d files in %s are from an interrupted export; deleted",
                       stray, out_dir)


def _in_child(job):
    """Run the job; a failure is logged with its traceback and ends the child with status 1."""
    try:
        job()
    except BaseException:  # noqa: BLE001 - reported to the parent through the exit status
        logger.error("arshif_search: the search index failed:\n%s", traceback.format_exc())
        raise SystemExit(1) from None


def _joined():
    """Wait for the pending search jobs; their exit statuses."""
    statuses = []
    while _jobs:
        child = _jobs.pop()
        child.join()
        statuses.append(child.exitcode)
    return statuses


def _abandon():
    """Join the child of a build that failed before `finalized` (autoreload runs
    builds in one process); its outcome belongs to that build, not this one."""
    for status in _joined():
        logger.debug("arshif_search: search job of an earlier build ended with status %s", status)


def _wait(pelican=None):
    """finalized: the build is not done until the search index is written."""
    for status in _joined():
        if status != 0:
            raise RuntimeError(
                f"arshif_search: building the search index failed (exit status "
                f"{status}); see the error above")


def register():
    signals.initialized.connect(check_settings)
    signals.article_generator_pretaxonomy.connect(update_index)
    signals.finalized.connect(_wait)
