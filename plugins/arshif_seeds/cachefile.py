"""Our own caches (the reader's sketches and parsed dump records, the furniture Profiles,
the manifest, the same-story sketches): one pickle each.

A damaged file (a killed build, a full disk) is discarded with a warning and
rebuilt, never trusted; a new one is written whole or not at all.
"""

import logging
import os
import pickle
from pathlib import Path

from arshif_core.fingerprint import files_fingerprint

logger = logging.getLogger(__name__)

# The seed package's code and data (data/*.tsv): what every parse and every cache
# of this package depends on.
CODE_FINGERPRINT = files_fingerprint([*Path(__file__).parent.glob("*.py"),
                                      *Path(__file__).parent.glob("data/*.tsv")])


def load(path) -> dict:
    """The cached dict at `path`, or {} when there is none or it is damaged."""
    try:
        with open(path, "rb") as handle:
            data = pickle.load(handle)
    except FileNotFoundError:
        return {}
    except Exception as err:  # noqa: BLE001 - a damaged cache is rebuilt, never trusted
        logger.warning("Ignoring a damaged cache file %s (%s); it is rebuilt", path, err)
        return {}
    return data if isinstance(data, dict) else {}


def save(path, data: dict):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path + ".tmp", "wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(path + ".tmp", path)


def kept(path, key, make):
    """`make()`, or what it gave the last build that asked with the same `key`
    (kept in the pickle at `path`, with the package's code fingerprint)."""
    key = (CODE_FINGERPRINT, key)
    data = load(path)
    if data.get("key") == key and "value" in data:
        return data["value"]
    value = make()
    save(path, {"key": key, "value": value})
    return value


def files_stamp(paths):
    """(size, mtime in ns) of each path, also of its link when it is one (None when absent):
    a file rewritten or replaced changes it."""
    stamps = []
    for path in paths:
        try:
            link, info = os.lstat(path), os.stat(path)
            stamps.append((link.st_size, link.st_mtime_ns, info.st_size, info.st_mtime_ns, info.st_ino))
        except OSError:
            stamps.append(None)
    return tuple(stamps)
