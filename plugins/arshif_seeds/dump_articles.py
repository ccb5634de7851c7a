"""Articles from the dump files of the seeds folder (or a dump given as the seeds).

Pelican reads one article a file, so the records of dumps are made into
articles here, after Pelican has read the `.txt` seeds and before duplicates
are merged. Records are parsed by the same reader (in worker processes when
there are many), and each parse is cached by the record's content, so a
rebuild parses only records that changed.
"""

import concurrent.futures
import logging
import multiprocessing
import os

from pelican.contents import Article

from . import boundary, cachefile, config, dumps
from .reader import stamp, unreadable

logger = logging.getLogger(__name__)

CACHE_NAME = "arshif-dump-records.pickle"
BATCH = 2000


def dump_files(settings) -> dict:
    """{name in reports: path} of every dump to read: the seeds path itself when it is a
    dump file, else the dumps inside the seeds folder (no link followed out of it)."""
    root = config.seeds_path(settings)
    if not root:
        return {}
    if os.path.isfile(root):
        return {os.path.basename(root): root} if dumps.is_dump(root) else {}
    found = {}
    hazards = boundary.hazards(root, None)  # links out, pipes, devices: reported, never read
    for dirpath, dirs, files in os.walk(root):  # links are not followed: nothing leads out
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            relative = os.path.relpath(path, root)
            if (dumps.is_dump(name) and not name.startswith(".") and relative not in hazards
                    and not os.path.islink(path)):
                found[relative.replace(os.sep, "/")] = path
    return found


def add_dump_articles(generator, reader, ingest, files):
    """Append the articles of the records of `files` (`dump_files`) to `generator.articles`;
    report each record."""
    if not files:
        return
    cache_path = os.path.join(generator.settings.get("CACHE_PATH", "cache"), CACHE_NAME)
    cached, fresh = cachefile.load(cache_path), {}
    workers = config.setting(generator.settings, "SEEDS_WORKERS") or 0
    pool = None
    try:
        for name, path in files.items():
            total = 0
            for batch in _batches(dumps.records(path)):
                todo = []
                for n, fields, problem in batch:
                    record = dumps.record_name(name, n)
                    total += 1
                    if problem:
                        logger.warning("Dump record %s rejected: %s", record, problem)
                        ingest.report.record(record, "rejected", reason=problem)
                        continue
                    key = (dumps.digest(fields), stamp(generator.settings, reader.profile_of(record)))
                    hit = cached.get(record)
                    parsed = hit[1] if hit and hit[0] == key else None
                    todo.append((record, fields, key, parsed, dumps.record_slug(name, n, fields)))
                missing = [(rec, f["text"], slug, f.get("title")) for rec, f, _, parsed, slug in todo
                           if parsed is None]
                if len(missing) >= config.setting(generator.settings, "SEEDS_PARALLEL_MIN") and \
                        workers >= 2 and "fork" in multiprocessing.get_all_start_methods():
                    pool = pool or _pool(reader, workers)
                    results = dict(pool.map(_parse, missing, chunksize=64))
                else:
                    results = dict(map(_parse_with(reader), missing))
                for record, fields, key, parsed, _ in todo:
                    parsed = parsed or results[record]
                    if "arshif_reader" in parsed[1]:  # a failed parse is tried again next build
                        fresh[record] = (key, parsed)
                    _publish(generator, ingest, path, record, fields, parsed)
            ingest.report.record(name, "ignored", reason=f"a dump file: its {total} records are "
                                 f"listed one by one as {name}#n")
    finally:
        if pool is not None:
            pool.shutdown()
    if fresh != cached:
        cachefile.save(cache_path, fresh)


def _publish(generator, ingest, path, record, fields, parsed):
    content, metadata = parsed
    metadata = dict(metadata, reader="seed")
    row = {key: value for key, value in fields.items() if key not in ("text", "id")}
    ingest.on_context(metadata, row=row)
    if metadata.get("status") == "skip":
        return
    article = Article(content, metadata=metadata, settings=generator.settings,
                      source_path=f"{path}#{record.rsplit('#', 1)[1]}", context=generator.context)
    generator.articles.append(article)


def _batches(items):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


_worker = {}


def _pool(reader, workers):
    return concurrent.futures.ProcessPoolExecutor(
        max_workers=workers, mp_context=multiprocessing.get_context("fork"),
        initializer=_worker.__setitem__, initargs=("reader", reader))


def _parse_with(reader):
    def parse(item):
        """A record's parse; a failure is that record's rejection, never the build's."""
        record, text, slug, title = item
        try:
            return record, reader.parse_text(text, record, slug, title=title)
        except Exception as err:  # noqa: BLE001 - reported as the record's rejection
            logger.exception("Dump record %s could not be read", record)
            return record, ("", unreadable(record, slug, err))
    return parse


def _parse(item):
    return _parse_with(_worker["reader"])(item)
