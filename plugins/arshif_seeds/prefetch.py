"""Parse seeds in worker processes ahead of Pelican's one-file-at-a-time reading.

Pelican reads articles one by one in a single process; parsing a seed is pure
(bytes in, content and metadata out), so the seeds that are not in Pelican's
reader cache are parsed by a pool of forked workers in the order Pelican will
ask for them, and `SeedReader.read` takes each result as it comes. The other
pure work on every seed (learning's sketches, the parse of dump records) goes
through `mapped`, in the same kind of workers when there is enough of it.
"""

import collections
import concurrent.futures
import itertools
import logging
import multiprocessing
import os

from . import boundary, config

logger = logging.getLogger(__name__)


class Prefetch:
    """Results of seeds parsed ahead, handed out once each."""

    def __init__(self, reader, paths, workers):
        self.pending = set(paths)
        self.ready = {}
        self.pool = concurrent.futures.ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork"),
            initializer=_use_reader, initargs=(reader,))
        chunk = max(1, min(64, len(paths) // (workers * 8)))
        self.results = self.pool.map(_parse, paths, chunksize=chunk)

    def take(self, path):
        """The parsed seed at `path`, or None when it was not parsed ahead."""
        if path not in self.pending:
            return None
        self.pending.discard(path)
        while path not in self.ready:
            done, outcome = next(self.results)
            self.ready[done] = outcome
        outcome = self.ready.pop(path)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


_worker = {}


def _use_reader(reader):
    """Pool initializer: the reader reaches the forked worker without being pickled."""
    _worker["reader"] = reader


def _parse(path):
    try:
        return path, _worker["reader"].parse(path)
    except Exception as err:  # noqa: BLE001 - raised again in the parent for Pelican to report
        return path, err


def mapped(function, items, settings, counts=lambda item: True, window=2000):
    """`function(item)` for each of `items` (an iterable, streamed), in order: in forked
    worker processes once a window of items holds at least SEEDS_PARALLEL_MIN that
    `counts` (the ones that are real work), else in this process. The function
    reaches the workers by fork, never pickled (a closure will do)."""
    workers = config.setting(settings, "SEEDS_WORKERS") or 0
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return map(function, items)
    return _windows(function, iter(items), settings, counts, workers, window)


def _windows(function, items, settings, counts, workers, window):
    """`mapped` a window at a time, so that a rebuild with little to do (a dump whose
    records are cached) is streamed too."""
    least = config.setting(settings, "SEEDS_PARALLEL_MIN")
    while True:
        ahead = list(itertools.islice(items, max(window, least)))
        if not ahead:
            return
        if sum(1 for item in ahead if counts(item)) >= least:
            yield from _forked(function, itertools.chain(ahead, items), workers)
            return
        yield from map(function, ahead)


def _forked(function, items, workers, chunk=64):
    """`mapped` in `workers` forked processes. A few chunks a worker are in flight, so a
    streamed input (a dump's records) is never held whole and the workers compute
    while the caller uses the results it has."""
    pool = concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"),
        initializer=_worker.__setitem__, initargs=("function", function))
    try:
        pending = collections.deque()
        for part in chunks(items, chunk):
            pending.append(pool.submit(_apply, part))
            if len(pending) >= workers * 4:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _apply(part):
    return [_worker["function"](item) for item in part]


def chunks(items, size):
    """Lists of `size` items (the last one shorter) from an iterable, streamed."""
    part = []
    for item in items:
        part.append(item)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def seed_files(generator, hazards):
    """Every seed file Pelican will read (absolute paths), the folder's `hazards`
    (`Ingest.hazards`) kept out.

    Called once per build before Pelican lists its articles: that listing
    (which follows links) is first kept inside the seeds folder's boundary.
    """
    root = config.seeds_path(generator.settings)
    extensions = tuple(config.setting(generator.settings, "SEEDS_EXTENSIONS"))
    if root and os.path.isdir(root):
        boundary.keep_out(generator, root, hazards)
    paths = []
    for relative in generator.get_files(generator.settings["ARTICLE_PATHS"],
                                        exclude=generator.settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, relative))
        if os.path.splitext(path)[1][1:] in extensions:
            paths.append(path)
    return paths


def start(generator, reader, paths):
    """A Prefetch of the uncached seeds among `paths`, or None when not worth it."""
    workers = config.setting(generator.settings, "SEEDS_WORKERS") or 0
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    paths = [path for path in paths if generator.readers.get_cached_data(path, None) is None]
    if len(paths) < config.setting(generator.settings, "SEEDS_PARALLEL_MIN"):
        return None
    logger.debug("Parsing %d seeds in %d worker processes", len(paths), workers)
    return Prefetch(reader, paths, workers)
