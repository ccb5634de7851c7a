"""Stable ASCII slugs from seed file names (never from a transliterated headline)."""

import hashlib
import os
import re

_SAFE = re.compile(r"[a-z0-9][a-z0-9_-]*")


def seed_id(relpath):
    """The seed's id: its path inside the seeds folder, without the extension."""
    return os.path.splitext(relpath.replace(os.sep, "/"))[0]


def seed_slug(relpath):
    """`00001_investigations.txt` → `00001_investigations`.

    Names that are not plain lower-case ASCII (Arabic letters, spaces, capitals,
    sub-folders, leading dots) keep their ASCII part and get a short hash of the
    full name, so two different files never share a slug.
    """
    sid = seed_id(relpath)
    if _SAFE.fullmatch(sid):
        return sid
    ascii_part = re.sub(r"[^a-z0-9]+", "-", sid.lower()).strip("-")[:40]
    digest = hashlib.sha1(relpath.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{ascii_part}-{digest}" if ascii_part else f"seed-{digest}"


def name_slug(name, chosen=None):
    """ASCII slug for a tag, category or source name; a hash keeps different names apart.

    Transliteration alone would give «الصين» and «السين» the same slug, and
    Pelican merges taxonomy entries that share one. `chosen` maps names to
    slugs picked by hand (the ARSHIF_SLUGS setting).
    """
    if chosen and name in chosen:
        return chosen[name]
    if _SAFE.fullmatch(name):
        return name
    from unidecode import unidecode

    ascii_part = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")[:30]
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    return f"{ascii_part}-{digest}" if ascii_part else digest
