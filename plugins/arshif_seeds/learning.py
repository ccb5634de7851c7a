"""Before the seeds are read, each source's furniture is learned from all of its seeds.

A source is the manifest's `source` for the seed, else its sub-folder, else
the feed or prefix in its file name (`alweeam_0042.txt`, `00012_youm7.txt`),
else the seeds folder; a dump record's is its `source` field, else its
`category`, else the dump; a source with too few seeds to learn from is learned
with the whole folder. Only the top and bottom of each seed are kept for
learning (`furniture.sketch`), and those sketches are cached by file size and
modification time, so a rebuild reads only the seeds that changed; each source's
Profile is cached under a digest of its sketches, so a rebuild learns again
only the sources whose seeds changed.
"""

import hashlib
import logging
import os
import re
from collections import defaultdict

from . import boundary, cachefile, config, dumps, prefetch
from .decoding import SeedRejected, decode_seed
from .furniture import EMPTY, Profile, learn, sketch
from .cachefile import CODE_FINGERPRINT
from .normalize import normalize_text

logger = logging.getLogger(__name__)

# A source needs this many seeds to have habits of its own.
MIN_SOURCE_SEEDS = 20
FOLDER = "(folder)"
SKETCH_CACHE = "arshif-sketches.pickle"
# Each source's Profile, under a digest of the sketches it was learned from.
PROFILE_CACHE = "arshif-profiles.pickle"
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
    dumps at `dump_paths` ({name: absolute path}); `row_of(name)` is a seed's manifest row.

    Sketches are made in worker processes when many are not cached (a cold build),
    so each seed is read once here and once by the reader, both in parallel.
    """
    root = config.seeds_path(settings)
    max_bytes = config.setting(settings, "SEEDS_MAX_BYTES")
    cache_path = os.path.join(settings.get("CACHE_PATH", "cache"), SKETCH_CACHE)
    cached = cachefile.load(cache_path)
    fresh = {}
    seeds = _still_cached(cached, fresh, paths.items())
    dumped = _still_cached(cached, fresh, ((DUMP_KEY + name, path) for name, path in dump_paths.items()))

    def seed_sketch(path):
        try:
            return sketch(normalize_text(decode_seed(boundary.read_seed(path, root, max_bytes)).text))
        except SeedRejected:
            return None  # the reader rejects it with the reason

    made = prefetch.mapped(seed_sketch, [path for _, path, _ in seeds], settings)
    for (rel, _, key), text in zip(seeds, made, strict=True):  # strict: the workers are ended
        if text is not None:
            fresh[rel] = (key, text)
    for name, path, key in dumped:
        records = prefetch.mapped(_record_sketch(name[len(DUMP_KEY):]), dumps.records(path), settings)
        fresh[name] = (key, [record for record in records if record is not None])
    if fresh != cached:
        cachefile.save(cache_path, fresh)
    sketches = {rel: fresh[rel][1] for rel in sorted(paths) if rel in fresh}
    sources = {rel: source_of(rel, row_of(rel)) for rel in sketches}
    for name in sorted(dump_paths):
        for record, source, text in fresh.get(DUMP_KEY + name, (None, ()))[1]:
            sketches[record] = text
            sources[record] = source
    members = defaultdict(list)
    for rel, source in sources.items():
        members[source].append(rel)
    for source, rels in list(members.items()):
        if source != FOLDER and len(rels) < MIN_SOURCE_SEEDS:
            del members[source]
            members[FOLDER].extend(rels)
            sources.update(dict.fromkeys(rels, FOLDER))
    profiles = _learned({source: [sketches[rel] for rel in sorted(rels)] for source, rels in members.items()},
                        os.path.join(settings.get("CACHE_PATH", "cache"), PROFILE_CACHE))
    for source, profile in sorted(profiles.items()):
        logger.debug("Learned from %d seeds of %s: %d lines, %d openings, %d byline words",
                     profile.articles, source, len(profile.lines), len(profile.openings),
                     len(profile.hubs))
    return Archive(sources, profiles)


def _learned(texts_of, cache_path):
    """{source: Profile} learned from each source's sketches (in order), taken from
    the last build's when exactly the same sketches and code made it.

    `learn` is a pure function of the sketches; a new seed changes its own
    source's sketches, so only that source is learned again.
    """
    cached = cachefile.load(cache_path)
    cached = cached.get("profiles") if cached.get("code") == CODE_FINGERPRINT else None
    cached = cached if isinstance(cached, dict) else {}
    digests = {source: _digest(texts) for source, texts in texts_of.items()}
    profiles = {}
    for source, texts in texts_of.items():
        profile = cached.get(digests[source])
        profiles[source] = profile if isinstance(profile, Profile) else learn(texts)
    if set(cached) != set(digests.values()):
        cachefile.save(cache_path, {"code": CODE_FINGERPRINT,
                                    "profiles": {digests[s]: p for s, p in profiles.items()}})
    return profiles


def _digest(texts):
    sha = hashlib.sha1()
    for text in texts:
        data = text.encode("utf-8", "surrogatepass")
        sha.update(b"%d:" % len(data))
        sha.update(data)
    return sha.hexdigest()


def _still_cached(cached, fresh, named_paths):
    """[(name, path, file key)] of the files whose cached entry is stale or missing; the
    entries still good go to `fresh`. A file that cannot be stat'ed is left out."""
    todo = []
    for name, path in sorted(named_paths):
        try:
            info = os.stat(path)
        except OSError:
            continue
        key = (info.st_size, info.st_mtime_ns)
        entry = cached.get(name)
        if entry and entry[0] == key:
            fresh[name] = entry
        else:
            todo.append((name, path, key))
    return todo


def _record_sketch(name):
    """The function giving (record name, source, sketch) of a record of the dump `name`."""
    def record_sketch(record):
        n, fields, problem = record
        if problem:
            return None  # the record is rejected when its articles are made
        text = normalize_text(fields["text"])
        if fields.get("title"):
            text = normalize_text(fields["title"]) + "\n" + text
        source = (f"source: {fields['source']}" if fields.get("source")
                  else f"category: {fields['category']}" if fields.get("category") else f"dump: {name}")
        return dumps.record_name(name, n), source, sketch(text)
    return record_sketch
