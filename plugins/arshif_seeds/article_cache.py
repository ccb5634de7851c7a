"""Seed articles kept whole between builds, so that a rebuild does not make every Article again.

Pelican's reader cache keeps each seed's parse, but every build still makes
an Article of each: Pelican's metadata processing, the manifest row applied
(`Ingest.on_context`), the seed's line in the ingest report, url and save_as
formatted to check them. A kept article is the bytes of that Article as it
was made (before tags, duplicates, related lists and pages touch it) with its
report line, under a key of everything that made it: the file (size and
modification time), the parse's stamp (code, reader settings, what was
learned of its source), its manifest row, the plugins' and theme's code, the
settings and Pelican's version. The bytes leave out the seed's parse the
Article holds: its body and metadata values are the reader cache's objects,
put back when it is loaded (the stamp in the key makes it the same parse), so
the text is not stored or held twice. Anything else is read as before, and
the cache holds this build's seeds only.

Articles whose date is in the future change status with the clock under
WITH_FUTURE_DATES = False: the cache is then off, as Pelican's own is.
"""

import hashlib
import logging
import os

from arshif_core import pelican_compat
from arshif_scale.incremental import code_signature, settings_signature

from . import cachefile, config
from .reader import stamps

logger = logging.getLogger(__name__)

CACHE_NAME = "arshif-articles.pickle"


class ArticleCache:
    """One build's kept articles (`get`), and the ones it made (`put`), saved by `save`."""

    def __init__(self, generator, ingest):
        self.generator = generator
        self.ingest = ingest
        settings = generator.settings
        self.path = os.path.join(settings["CACHE_PATH"], CACHE_NAME)
        self.base = hashlib.sha1(repr((code_signature(settings), settings_signature(settings),
                                       sorted(pelican_compat.installed().items()))).encode()).hexdigest()
        self.stamp_of = stamps(settings, ingest.archive)
        self.extensions = tuple("." + e for e in config.setting(settings, "SEEDS_EXTENSIONS"))
        kept = cachefile.load(self.path) if settings.get("LOAD_CONTENT_CACHE") else {}
        self.kept = kept.get("articles") if kept.get("base") == self.base else None
        self.kept = self.kept if isinstance(self.kept, dict) else {}
        self.fresh = {}
        self.reused = 0

    def _key(self, filename):
        """(seed name, key, its parse in the reader cache) of the seed at `filename`
        (relative to the generator's path); (None, None, None) for a file that is
        no seed, cannot be stat'ed or has no parse in the reader cache."""
        path = os.path.abspath(os.path.join(self.generator.path, filename))
        if not path.endswith(self.extensions):
            return None, None, None
        try:
            info = os.stat(path)
        except OSError:
            return None, None, None
        parsed = self.generator.readers.get_cached_data(path, None)
        if parsed is None or "source_file" not in parsed[1]:
            return None, None, None
        name = parsed[1]["source_file"]
        return name, (info.st_size, info.st_mtime_ns, self.stamp_of(name),
                      repr(self.ingest.manifest.row(name))), parsed

    def get(self, filename):
        """The article kept for `filename`, its report line recorded again; None: read it."""
        entry = self.kept.get(filename)
        if entry is None:
            return None
        name, key, parsed = self._key(filename)
        if entry[0] != key:
            return None
        try:
            article, line = pelican_compat.loads_content(entry[1], self.generator, parsed)
        except Exception as err:  # noqa: BLE001 - a damaged entry is read again, never trusted
            logger.warning("Kept article of %s is damaged (%s); the seed is read again", name, err)
            return None
        self.ingest.report.entries[name] = line
        for warning in line.get("warnings", ()):
            logger.warning("Seed %s: %s", name, warning)
        self.fresh[filename] = entry
        self.reused += 1
        return article

    def put(self, filename, article):
        """Keep an article just made from a seed (valid), with its report line."""
        name, key, parsed = self._key(filename)
        line = self.ingest.report.entries.get(name)
        if name is None or article.metadata.get("reader") != "seed" or line is None:
            return
        self.fresh[filename] = (key, pelican_compat.dumps_content(article, line, self.generator, parsed))

    def save(self):
        """Keep this build's articles (and nothing of seeds that are gone)."""
        if self.fresh.keys() != self.kept.keys() or any(self.kept[f] is not e for f, e in self.fresh.items()):
            cachefile.save(self.path, {"base": self.base, "articles": self.fresh})
        if self.reused:
            logger.info("%d seed articles were taken whole from the cache", self.reused)
        self.kept = self.fresh = {}


def install(generator, ingest):
    """article_generator_init, once the sources are learned: the generator reads through the cache."""
    settings = generator.settings
    if not settings.get("CACHE_CONTENT") or not settings.get("WITH_FUTURE_DATES", True):
        return None
    cache = ArticleCache(generator, ingest)
    pelican_compat.cache_articles(generator, cache.get, cache.put)
    return cache
