"""Our own caches (the reader's sketches and parsed dump records, the same-story sketches): one pickle each.

A damaged file (a killed build, a full disk) is discarded with a warning and
rebuilt, never trusted; a new one is written whole or not at all.
"""

import logging
import os
import pickle

logger = logging.getLogger(__name__)


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
