"""The Pelican reader for raw seed files."""

import datetime
import hashlib
import html
import logging
import os

from pelican.contents import Author, Category
from pelican.readers import BaseReader

from . import config, keywords
from .dates import UNDATED
from .decoding import SeedRejected, decode_seed
from .ids import name_slug, seed_slug
from .parse import parse_seed

logger = logging.getLogger(__name__)


def seed_relpath(source_path, settings):
    """The seed's path inside the seeds folder (its name in reports and the manifest)."""
    root = config.seeds_path(settings)
    full = os.path.abspath(source_path)
    if root and os.path.commonpath([root, full]) == root:
        return os.path.relpath(full, root).replace(os.sep, "/")
    return os.path.basename(full)


def content_hash(paragraphs):
    """Hash of the article text with white space folded: equal hashes are exact duplicates."""
    text = " ".join(" ".join(paragraphs).split())
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def render_paragraphs(paragraphs):
    return "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)


def default_category(settings):
    category = Category(config.setting(settings, "SEEDS_DEFAULT_CATEGORY"), settings)
    category.slug = name_slug(category.name)
    return category


class SeedReader(BaseReader):
    """Reads a seed: decodes it, strips boilerplate, extracts metadata."""

    enabled = True
    file_extensions = config.DEFAULTS["SEEDS_EXTENSIONS"]

    def read(self, source_path):
        rel = seed_relpath(source_path, self.settings)
        base = {"source_file": rel, "slug": seed_slug(rel)}
        with open(source_path, "rb") as handle:
            data = handle.read()
        try:
            decoded = decode_seed(data)
        except SeedRejected as err:
            return "", dict(base, status="skip", arshif_reason=err.reason)
        parsed = parse_seed(decoded.text, rel)
        if not parsed.paragraphs:
            return "", dict(
                base, status="skip", arshif_reason="no article text left after removing boilerplate"
            )
        for removed in parsed.removed:
            logger.debug("%s: removed %s: %r", rel, removed.kind, removed.text)
        wpm = config.setting(self.settings, "SEEDS_WORDS_PER_MINUTE")
        metadata = dict(
            base,
            title=parsed.title,
            title_generated=parsed.title_generated,
            summary=html.escape(parsed.summary, quote=False),
            word_count=parsed.word_count,
            reading_time=max(1, round(parsed.word_count / wpm)),
            lang=parsed.lang,
            dir=parsed.dir,
            category=default_category(self.settings),
            content_hash=content_hash(parsed.paragraphs),
            arshif_warnings=list(decoded.warnings) + list(parsed.warnings),
            arshif_removed=len(parsed.removed),
            arshif_terms=keywords.candidates(parsed.title, parsed.paragraphs),
            encoding=decoded.encoding,
        )
        if parsed.date:
            metadata.update(date=_as_datetime(parsed.date), undated=False)
        else:
            metadata.update(date=UNDATED, undated=True)
        if parsed.kicker:
            metadata["kicker"] = parsed.kicker
        if parsed.author:
            metadata["author"] = Author(parsed.author, self.settings)
        if parsed.agency:
            metadata["source"] = parsed.agency
            metadata["agency"] = parsed.agency
        if parsed.place:
            metadata["place"] = parsed.place
        return render_paragraphs(parsed.paragraphs), metadata


def _as_datetime(value):
    if isinstance(value, datetime.datetime):
        return value
    return datetime.datetime(value.year, value.month, value.day)
