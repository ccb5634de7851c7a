"""Articles from the dump files of the seeds folder (or a dump given as the seeds).

Pelican reads one article a file, so the records of dumps are made into
articles here, after Pelican has read the `.txt` seeds and before duplicates
are merged. Records are parsed by the same reader (in worker processes when
there are many), and each parse is cached by the record's content, so a
rebuild parses only records that changed.
"""

import collections
import logging
import os

from pelican.contents import Article

from . import boundary, cachefile, config, dumps, prefetch
from .reader import stamp, unreadable

logger = logging.getLogger(__name__)

CACHE_NAME = "arshif-dump-records.pickle"


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
    report each record. Records are parsed ahead in worker processes while the
    articles of those already parsed are made here."""
    if not files:
        return
    cache_path = os.path.join(generator.settings.get("CACHE_PATH", "cache"), CACHE_NAME)
    cached, fresh = cachefile.load(cache_path), {}
    parse = _parse_with(reader)
    for name, path in files.items():
        known, total = collections.deque(), 0
        jobs = _jobs(name, path, generator.settings, reader, cached, known)
        for made in prefetch.mapped(parse, jobs, generator.settings, counts=bool):
            record, fields, key, parsed, problem = known.popleft()
            total += 1
            if problem:
                logger.warning("Dump record %s rejected: %s", record, problem)
                ingest.report.record(record, "rejected", reason=problem)
                continue
            parsed = parsed or made
            if "arshif_reader" in parsed[1]:  # a failed parse is tried again next build
                fresh[record] = (key, parsed)
            _publish(generator, ingest, path, record, fields, parsed)
        ingest.report.record(name, "ignored", reason=f"a dump file: its {total} records are "
                             f"listed one by one as {name}#n")
    if fresh != cached:
        cachefile.save(cache_path, fresh)


def _jobs(name, path, settings, reader, cached, known):
    """Each record's parse job for `mapped`: (record, text, slug, title), or None when the
    record is rejected or its parse is cached. What the articles need of each record
    (record, fields, cache key, cached parse, problem) is appended to `known` as it is read."""
    for n, fields, problem in dumps.records(path):
        record = dumps.record_name(name, n)
        if problem:
            known.append((record, None, None, None, problem))
            yield None
            continue
        key = (dumps.digest(fields), stamp(settings, reader.profile_of(record)))
        hit = cached.get(record)
        parsed = hit[1] if hit and hit[0] == key else None
        known.append((record, fields, key, parsed, None))
        yield None if parsed else (record, fields["text"], dumps.record_slug(name, n, fields), fields.get("title"))


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


def _parse_with(reader):
    def parse(job):
        """A job's parse (None for no job); a failure is that record's rejection, never the build's."""
        if job is None:
            return None
        record, text, slug, title = job
        try:
            return reader.parse_text(text, record, slug, title=title)
        except Exception as err:  # noqa: BLE001 - reported as the record's rejection
            logger.exception("Dump record %s could not be read", record)
            return "", unreadable(record, slug, err)
    return parse

