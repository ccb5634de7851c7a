"""The Pelican reader for raw seed files."""

import datetime
import hashlib
import html
import logging
import os

from arshif_core import pelican_compat
from pelican.readers import BaseReader

from . import cachefile, config, ingest, keywords
from .boundary import read_seed
from .dates import UNDATED
from .decoding import SeedRejected, decode_seed
from .ids import display_name, seed_slug
from .furniture import EMPTY
from .parse import parse_seed

logger = logging.getLogger(__name__)
# Pelican's reader cache is keyed by the file's modification time only; every
# parse carries this stamp of the code (and data files) and the settings that shaped
# it, and cached parses with another stamp are dropped before reading (`drop_stale`).
CODE_FINGERPRINT = cachefile.CODE_FINGERPRINT
READER_SETTINGS = ("SEEDS_PATH", "SEEDS_EXTENSIONS", "SEEDS_DEFAULT_CATEGORY",
                   "SEEDS_WORDS_PER_MINUTE", "SEEDS_MAX_BYTES", "ARSHIF_SLUGS")


def seed_relpath(source_path, settings):
    """The seed's path inside the seeds folder (its name in reports and the manifest)."""
    root = config.seeds_path(settings)
    full = os.path.abspath(source_path)
    if root and os.path.commonpath([root, full]) == root:
        return display_name(os.path.relpath(full, root).replace(os.sep, "/"))
    return display_name(os.path.basename(full))


def seed_boundary(source_path, settings):
    """The folder a seed may not lead out of: the seeds folder, else the content folder."""
    root = config.seeds_path(settings)
    full = os.path.abspath(source_path)
    if root and os.path.commonpath([root, full]) == root:
        return root
    return os.path.abspath(settings.get("PATH", "."))


def stamp(settings, profile=EMPTY):
    """What a cached parse must have been made with to be used again: the code, the
    settings and what was learned of the seed's source."""
    used = [(name, config.setting(settings, name)) for name in READER_SETTINGS]
    return hashlib.sha1(repr((CODE_FINGERPRINT, used, profile.stamp)).encode("utf-8")).hexdigest()[:16]


def stamps(settings, archive=None):
    """The function giving a seed's current `stamp` by its name (one a learned Profile)."""
    made = {}

    def current(name):
        profile = archive.profile_of(name) if archive else EMPTY
        key = profile.stamp
        if key not in made:
            made[key] = stamp(settings, profile)
        return made[key]

    return current


def drop_stale(readers, settings, archive=None):
    """Forget cached parses of seeds made by other code or settings; returns how many.

    Pelican has no API to invalidate entries: `pelican_compat.reader_cache`.
    """
    current = stamps(settings, archive)
    cache = pelican_compat.reader_cache(readers)
    stale = [path for path, (_, data) in cache.items()
             if data and isinstance(data[1], dict) and "source_file" in data[1]
             and data[1].get("arshif_reader") != current(data[1]["source_file"])]
    for path in stale:
        del cache[path]
    return len(stale)


def content_hash(paragraphs):
    """Hash of the article text with white space folded: equal hashes are exact duplicates."""
    text = " ".join(" ".join(paragraphs).split())
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def render_paragraphs(paragraphs):
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def unreadable(name, slug, err):
    """The rejection of a seed the reader failed on. It carries no reader stamp, so the
    next build reads the seed again (`drop_stale`)."""
    return {"source_file": name, "slug": slug, "status": "skip",
            "arshif_reason": " ".join(f"could not be read ({type(err).__name__}: {err})".split())}


class SeedReader(BaseReader):
    """Reads a seed: decodes it, strips boilerplate, extracts metadata.

    The manifest is applied later, on every build (`ingest`), so that Pelican's
    cache of read seeds stays valid when only the manifest changes.
    """

    enabled = True
    file_extensions = config.DEFAULTS["SEEDS_EXTENSIONS"]
    # A prefetch.Prefetch while the seeds generator reads, else None.
    prefetch = None
    # What each source's seeds taught (learning.Archive), set before reading.
    archive = None

    def read(self, source_path):
        """The parsed seed; any failure is this seed's rejection, never the build's."""
        try:
            if self.prefetch is not None:
                ready = self.prefetch.take(os.path.abspath(source_path))
                if ready is not None:
                    return ready
            return self.parse(source_path)
        except Exception as err:  # noqa: BLE001 - reported as the seed's rejection
            logger.exception("Seed %s could not be read", source_path)
            rel = seed_relpath(source_path, self.settings)
            return "", unreadable(rel, seed_slug(rel), err)

    def parse(self, source_path):
        rel = seed_relpath(source_path, self.settings)
        try:
            data = read_seed(source_path, seed_boundary(source_path, self.settings),
                             config.setting(self.settings, "SEEDS_MAX_BYTES"))
            decoded = decode_seed(data)
        except SeedRejected as err:
            return "", self.rejected(rel, seed_slug(rel), err.reason)
        return self.parse_text(decoded.text, rel, seed_slug(rel), decoded.encoding, decoded.warnings)

    def parse_text(self, text, name, slug, encoding=None, warnings=(), title=None):
        """(content, metadata) of a seed's decoded text: a file's, or a dump record's
        (whose `title` field, when it has one, makes the text the body alone)."""
        profile = self.profile_of(name)
        base = {"source_file": name, "slug": slug, "arshif_reader": stamp(self.settings, profile)}
        parsed = parse_seed(text, name, profile, title=title)
        paragraphs = parsed.paragraphs
        if not paragraphs:
            return "", dict(base, status="skip",
                            arshif_reason="no article text left after removing boilerplate")
        for removed in parsed.removed:
            logger.debug("%s: removed %s: %r", name, removed.kind, removed.text)
        metadata = dict(base, **self.extracted(parsed))
        metadata["content_hash"] = content_hash(paragraphs)
        metadata["arshif_terms"] = keywords.candidates(parsed.title, paragraphs)
        metadata.update(encoding=encoding, arshif_warnings=list(warnings) + parsed.warnings,
                        arshif_removed=sum(r.kind != "byline" for r in parsed.removed),
                        arshif_learned=sum(r.kind == "learned" for r in parsed.removed))
        return render_paragraphs(paragraphs), metadata

    def rejected(self, name, slug, reason):
        return {"source_file": name, "slug": slug, "arshif_reader": stamp(self.settings, self.profile_of(name)),
                "status": "skip", "arshif_reason": reason}

    def profile_of(self, name):
        """What the seed's source taught (nothing before learning)."""
        return self.archive.profile_of(name) if self.archive else EMPTY

    def extracted(self, parsed):
        """Metadata found in the text itself."""
        wpm = config.setting(self.settings, "SEEDS_WORDS_PER_MINUTE")
        metadata = {
            "title": parsed.title,
            "title_generated": parsed.title_generated,
            "summary": html.escape(parsed.summary, quote=False),
            "word_count": parsed.word_count,
            "reading_time": max(1, round(parsed.word_count / wpm)),
            "lang": parsed.lang,
            "dir": parsed.dir,
            "category": self.named("category", config.setting(self.settings, "SEEDS_DEFAULT_CATEGORY")),
            "date": _as_datetime(parsed.date) if parsed.date else UNDATED,
            "undated": not parsed.date,
        }
        if parsed.kicker:
            metadata["kicker"] = parsed.kicker
        if parsed.author:
            metadata["author"] = self.named("author", parsed.author)
        if parsed.agency:
            metadata["source"] = metadata["agency"] = parsed.agency
        if parsed.place:
            metadata["place"] = parsed.place
        return metadata

    def named(self, kind, name):
        return ingest.named(kind, name, self.settings)


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime(value.year, value.month, value.day)
