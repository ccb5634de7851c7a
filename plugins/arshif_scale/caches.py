"""A damaged Pelican cache is discarded with a warning, not a failed build.

Pelican loads its content caches (pickles in CACHE_PATH) with `pickle.load`
and only expects OSError or PickleError: a file truncated by a killed build
or a full disk raises EOFError (or worse) and every later build fails the
same way, naming no file. The load is wrapped: on any error, or when the
pickle holds something other than Pelican's dict, the file is deleted and
the cache starts empty, so that the build reads everything again.
"""

import logging
import os

from pelican.cache import FileDataCacher

logger = logging.getLogger(__name__)

_pelican_init = FileDataCacher.__init__


def _init(self, settings, cache_name, caching_policy, load_policy):
    try:
        _pelican_init(self, settings, cache_name, caching_policy, load_policy)
        if isinstance(self._cache, dict):
            return
        problem = f"it holds a {type(self._cache).__name__}, not a dict"
    except Exception as err:  # noqa: BLE001 - any damage means the same: start again
        problem = f"{type(err).__name__}: {err}"
    path = os.path.join(settings["CACHE_PATH"], cache_name)
    logger.warning("Cache %s is damaged (%s); discarded, its content is read again", path, problem)
    try:
        os.remove(path)
    except OSError:
        pass
    _pelican_init(self, settings, cache_name, caching_policy, False)


def guard_caches():
    FileDataCacher.__init__ = _init
