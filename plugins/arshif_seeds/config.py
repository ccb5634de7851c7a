"""The plugin's settings and their defaults, read in one place.

Checked and filled in at `initialized` (`arshif_core.settings.apply`); `setting`
also serves code given a partial settings dict (tests, forked workers).
"""

import os

DEFAULTS = {
    "SEEDS_PATH": "seeds",
    "SEEDS_EXTENSIONS": ["txt", "TXT", "text"],
    "SEEDS_DEFAULT_CATEGORY": "أخبار",
    "SEEDS_MAX_TAGS": 5,
    "SEEDS_WORDS_PER_MINUTE": 180,
    "SEEDS_PROGRESS_EVERY": 2000,
    # Worker processes that parse seeds ahead of Pelican (fewer than 2: none),
    # and the fewest uncached seeds worth starting them for.
    "SEEDS_WORKERS": min(8, os.cpu_count() or 1),
    "SEEDS_PARALLEL_MIN": 500,
    # Larger files are rejected unread: the largest egynews2013 file is 5.1 MB
    # (ten times that leaves room), and a file of gigabytes (or /dev/zero
    # behind a link) would exhaust memory.
    "SEEDS_MAX_BYTES": 50 * 1024 * 1024,
    "INGEST_REPORT_PATH": "ingest-report.json",
    "ARSHIF_STRICT": False,
    "ARSHIF_SLUGS": {"أخبار": "news"},
}


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def seeds_path(settings):
    """SEEDS_PATH as an absolute path; relative ones are taken from the project folder."""
    path = setting(settings, "SEEDS_PATH")
    if not path:
        return None
    if os.path.isabs(path):
        return os.path.normpath(path)
    base = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    return os.path.normpath(os.path.join(base, path))


def report_path(settings):
    path = setting(settings, "INGEST_REPORT_PATH")
    if os.path.isabs(path):
        return path
    base = os.path.dirname(os.path.abspath(settings.get("PATH", ".")))
    return os.path.join(base, path)
