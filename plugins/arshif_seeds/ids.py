"""Stable ASCII slugs from seed file names (never from a transliterated headline)."""

import hashlib
import os
import re

_SAFE = re.compile(r"[a-z0-9][a-z0-9_-]*")
# What a hashed slug looks like: a name of that shape is hashed too, so that a
# file named like another file's hashed slug never takes its address.
_HASHED_SEED = re.compile(r"(.*-)?[0-9a-f]{8}")
_HASHED_NAME = re.compile(r"(.*-)?[0-9a-f]{6}")
# The extension a plain slug may drop; any other keeps the name apart
# (`same.txt` and `same.text` are two articles).
PLAIN_EXTENSION = ".txt"


# Characters a file name may hold that would hide or reorder what it shows
# (controls, line breaks, bidi controls, zero-width marks, non-characters).
_HIDDEN_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e"
                              "\u2060-\u2069\ufeff\ufffe\uffff]")


def display_name(name):
    """A file name as text that shows what it is: bytes that are not UTF-8
    (kept by Python as lone surrogates) are written `\\xNN`, hidden or
    reordering characters `\\uNNNN`, so reports, pages and JSON stay valid and
    «\\u202etxt.exe» cannot pass for another name."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _HIDDEN_IN_NAMES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def seed_id(relpath):
    """The seed's id: its path inside the seeds folder, without the extension."""
    return os.path.splitext(relpath.replace(os.sep, "/"))[0]


def seed_slug(relpath):
    """`00001_investigations.txt` → `00001_investigations`.

    Names that are not plain lower-case ASCII `.txt` files (Arabic letters,
    spaces, capitals, sub-folders, leading dots, other extensions, names
    shaped like a hashed slug) keep their ASCII part and get a short hash of
    the full name. The build still checks that no two pages share an address
    (`ingest.unique_addresses`).
    """
    sid = seed_id(relpath)
    plain = relpath.replace(os.sep, "/").endswith(PLAIN_EXTENSION)
    if plain and _SAFE.fullmatch(sid) and not _HASHED_SEED.fullmatch(sid):
        return sid
    ascii_part = re.sub(r"[^a-z0-9]+", "-", sid.lower()).strip("-")[:40]
    digest = hashlib.sha1(relpath.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{ascii_part}-{digest}" if ascii_part else f"seed-{digest}"


def taxonomy_key(name):
    """What tells two source names apart: letters and digits, case folded.

    «أ ش أ» and «أ.ش.أ» are one agency; «الصباح» and «السباح» are two papers.
    Empty for a name with no letter or digit (`..`, emoji only).
    """
    return re.sub(r"[\W_]+", "", name.casefold())


def name_slug(name, chosen=None):
    """ASCII slug for a tag, category or source name; a hash keeps different names apart.

    Transliteration alone would give «الصين» and «السين» the same slug, and
    Pelican merges taxonomy entries that share one. `chosen` maps names to
    slugs picked by hand (the ARSHIF_SLUGS setting); a plain ASCII name keeps
    itself as slug unless a hand-picked slug or a hashed one looks the same
    (a category `news` stays apart from «أخبار» → `news`).
    """
    if chosen and name in chosen:
        return chosen[name]
    if (_SAFE.fullmatch(name) and not _HASHED_NAME.fullmatch(name)
            and name not in (chosen or {}).values()):
        return name
    from unidecode import unidecode

    ascii_part = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")[:30]
    digest = hashlib.sha1(name.encode("utf-8", "surrogateescape")).hexdigest()[:6]
    return f"{ascii_part}-{digest}" if ascii_part else digest
