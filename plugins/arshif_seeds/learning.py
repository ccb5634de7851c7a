"""Before the seeds are read, each source's furniture is learned from all of its seeds.

A source is the manifest's `source` for the seed, else its sub-folder, else
the feed or prefix in its file name (`alweeam_0042.txt`, `00012_youm7.txt`),
else the seeds folder; a dump record's is its `source` field, else its
`category`, else the dump; a source with too few seeds to learn from is learned
with the whole folder. Only the top and bottom of each seed are kept for
learning (`furniture.sketch`), and those sketches are cached by file size and
modification time, so a rebuild reads only the seeds that changed.
"""

import logging
import os
import re
from collections import defaultdict

from . import boundary, cachefile, config, dumps
from .decoding import SeedRejected, decode_seed
from .furniture import EMPTY, learn, sketch
from .normalize import normalize_text

logger = logging.getLogger(__name__)

# A source needs this many seeds to have habits of its own.
MIN_SOURCE_SEEDS = 20
FOLDER = "(folder)"
SKETCH_CACHE = "arshif-sketches.pickle"
DUMP_KEY = "dump:"
_TOKEN = re.compile(r"[^\W_]+")
_LEADING_LETTERS = re.compile(r"^[^\W\d_]{2,}")
_HEXISH = re.compile(r"^[0-9a-f]*[0-9][0-9a-f]*$", re.I)


def name_prefix(rel: str) -> str:
    """The feed or site a file name carries (`alweeam_0042.txt` → `alweeam`), or ""."""
    stem = os.path.splitext(os.path.basename(rel))[0]
    words = []
    for token in _TOKEN.findall(stem):
        if _HEXISH.match(token):
            continue
        letters = _LEADING_LETTERS.match(token)
        if letters:
            words.append(letters.group().lower())
    return "_".join(words)


def source_of(rel: str, row: dict | None) -> str:
    if row and row.get("source"):
        return "source: " + row["source"]
    folder = os.path.dirname(rel)
    if folder:
        return "folder: " + folder
    prefix = name_prefix(rel)
    return "name: " + prefix if prefix else FOLDER


class Archive:
    """The sources of one build's seeds and what each taught (`profile_of`)."""

    def __init__(self, sources, profiles):
        self.sources = sources  # seed name → source
        self.profiles = profiles  # source → Profile

    def profile_of(self, rel):
        return self.profiles.get(self.sources.get(rel, FOLDER), EMPTY)

    def report(self, entries):
        """Per source: what was learned and how many published seeds it took furniture off."""
        touched = defaultdict(int)
        for name, entry in entries.items():
            if entry.get("furniture_removed"):
                touched[self.sources.get(name, FOLDER)] += 1
        return {source: dict(profile.summary(), seeds_touched=touched[source])
                for source, profile in sorted(self.profiles.items())}


def learn_archive(paths, dump_paths, settings, row_of) -> Archive:
    """Learn every source's furniture from the seeds at `paths` and the records of the
    dumps at `dump_paths` ({name: absolute path}); `row_of(name)` is a seed's manifest row."""
    root = config.seeds_path(settings)
    max_bytes = config.setting(settings, "SEEDS_MAX_BYTES")
    cache_path = os.path.join(settings.get("CACHE_PATH", "cache"), SKETCH_CACHE)
    cached = cachefile.load(cache_path)
    sketches, fresh = {}, {}

    def cached_or(name, path, make):
        """The cached entry of `name` while its file is unchanged, else a new one."""
        try:
            info = os.stat(path)
        except OSError:
            return None
        key = (info.st_size, info.st_mtime_ns)
        entry = cached.get(name)
        if not entry or entry[0] != key:
            entry = (key, make(path))
        if entry[1] is not None:
            fresh[name] = entry
        return entry[1]

    def seed_sketch(path):
        try:
            return sketch(normalize_text(decode_seed(boundary.read_seed(path, root, max_bytes)).text))
        except SeedRejected:
            return None  # the reader rejects it with the reason

    for rel, path in sorted(paths.items()):
        text = cached_or(rel, path, seed_sketch)
        if text is not None:
            sketches[rel] = text
    sources = {rel: source_of(rel, row_of(rel)) for rel in sketches}
    for name, path in sorted(dump_paths.items()):
        for record, source, text in cached_or(DUMP_KEY + name, path,
                                              lambda p, name=name: _dump_sketches(name, p)) or ():
            sketches[record] = text
            sources[record] = source
    if fresh != cached:
        cachefile.save(cache_path, fresh)
    members = defaultdict(list)
    for rel, source in sources.items():
        members[source].append(rel)
    for source, rels in list(members.items()):
        if source != FOLDER and len(rels) < MIN_SOURCE_SEEDS:
            del members[source]
            members[FOLDER].extend(rels)
            sources.update(dict.fromkeys(rels, FOLDER))
    profiles = {source: learn(sketches[rel] for rel in sorted(rels))
                for source, rels in members.items()}
    for source, profile in sorted(profiles.items()):
        logger.debug("Learned from %d seeds of %s: %d lines, %d openings, %d byline words",
                     profile.articles, source, len(profile.lines), len(profile.openings),
                     len(profile.hubs))
    return Archive(sources, profiles)


def _dump_sketches(name, path):
    """(record name, source, sketch) of every good record of a dump, streamed."""
    out = []
    for n, fields, problem in dumps.records(path):
        if problem:
            continue
        text = normalize_text(fields["text"])
        if fields.get("title"):
            text = normalize_text(fields["title"]) + "\n" + text
        source = (f"source: {fields['source']}" if fields.get("source")
                  else f"category: {fields['category']}" if fields.get("category") else f"dump: {name}")
        out.append((dumps.record_name(name, n), source, sketch(text)))
    return out
