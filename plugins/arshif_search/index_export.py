"""Export the Whoosh index as the static, sharded index the browser reads.

Format: docs/SEARCH_INDEX.md. The export precomputes quantised BM25F
weights so that a query only adds small integers, and names every file by a
hash of its content so that a deploy never mixes files of two builds.
"""

import hashlib
import heapq
import json
import logging
import math
from collections import Counter

from whoosh import index

from .indexer import ANALYSIS_FIELD, SEP, TEXT_FIELDS, read_analysis, varint

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
SUBDIRS = ("t", "p", "d", "f", "s")


def encode_str(s, out):
    raw = s.encode("utf-8")
    varint(len(raw), out)
    out += raw


def fnv1a(text):
    """32-bit FNV-1a of the UTF-8 bytes: picks a term's shard (same in JS)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def short_hash(data):
    return hashlib.sha1(data).hexdigest()[:8]


def _order_docs(reader):
    """Live documents, newest first (undated last): export id → stored fields.

    Ids in date order make `sort: newest` and the year filter free: newest
    first is id order and a year is a range of ids.
    """
    docs = list(reader.iter_docs())
    docs.sort(key=lambda d: d[1]["source_file"])
    docs.sort(key=lambda d: d[1]["date"], reverse=True)
    return docs


def _statistics(analyses):
    """Document frequency of each stem and average length of each field."""
    df = Counter()
    totals = [0] * len(TEXT_FIELDS)
    for lengths, stems, *_ in analyses:
        if stems:
            df.update(stems.split(SEP))
        totals = [t + n for t, n in zip(totals, lengths)]
    n_docs = max(len(analyses), 1)
    return df, [max(total / n_docs, 1.0) for total in totals]


class _Term:
    """Encoded postings of one stem, appended to in document order."""

    __slots__ = ("docs", "weights", "positions", "exacts", "count", "last")

    def __init__(self):
        self.docs = bytearray()
        self.weights = bytearray()
        self.positions = bytearray()
        self.exacts = {}
        self.count = 0
        self.last = 0

    def add(self, doc, weight, positions, exacts):
        gap = doc - self.last
        if gap < 0x80:
            self.docs.append(gap)
        else:
            varint(gap, self.docs)
        self.last = doc
        self.weights.append(weight)
        self.positions += positions
        for exact in exacts:
            entry = self.exacts.get(exact)
            if entry is None:
                entry = self.exacts[exact] = [bytearray(), 0, 0]
            gap = self.count - entry[1]
            if gap < 0x80:
                entry[0].append(gap)
            else:
                varint(gap, entry[0])
            entry[1] = self.count
            entry[2] += 1
        self.count += 1

    def block(self):
        """docs (id deltas), weights (one byte each), then the exact forms:
        each with the indexes (deltas) of its postings in this list."""
        out = bytearray(self.docs)
        out += self.weights
        varint(len(self.exacts), out)
        for exact in sorted(self.exacts):
            encoded, _, count = self.exacts[exact]
            encode_str(exact, out)
            varint(count, out)
            out += encoded
        return bytes(out)


def _invert(analyses, ranking):
    """Stem → _Term with quantised BM25F weights, in export-id order."""
    df, averages = _statistics(analyses)
    n_docs = len(analyses)
    k1 = ranking["k1"]
    b = [ranking["b"][name] for name in TEXT_FIELDS]
    boost = [ranking["field_weight"][name] for name in TEXT_FIELDS]
    # Weights are scaled so that the largest possible one is 255.
    scale = 255 / (k1 + 1) / math.log(1 + (n_docs - 0.5) / 1.5)
    idf = {stem: math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) * scale
           for stem, d in df.items()}
    terms = {}
    for doc, stored in enumerate(analyses):
        lengths, entries = read_analysis(stored)
        n_t, n_k, n_b = [boost[f] / (1 - b[f] + b[f] * lengths[f] / averages[f])
                         for f in range(3)]
        for stem, (tf_t, tf_k, tf_b), exacts, positions in entries:
            tf = tf_t * n_t + tf_k * n_k + tf_b * n_b
            weight = round(idf[stem] * tf * (k1 + 1) / (k1 + tf))
            term = terms.get(stem)
            if term is None:
                term = terms[stem] = _Term()
            term.add(doc, max(1, min(255, weight)), positions, exacts)
    return terms


def _shard_file(entries, with_df):
    """One shard: a header of (term, [df,] block length) then the blocks."""
    out = bytearray()
    varint(len(entries), out)
    for term, df, block in entries:
        encode_str(term, out)
        if with_df:
            varint(df, out)
        varint(len(block), out)
    for _, _, block in entries:
        out += block
    return bytes(out)


def _shard_count(total_bytes, target):
    count = 16
    while count < 4096 and total_bytes / count > target:
        count *= 2
    return count


class _Writer:
    """Writes content-hashed files under the index folder and remembers them."""

    def __init__(self, root):
        self.root = root
        self.written = set()
        self.bytes = 0

    def write(self, subdir, stem, ext, data):
        digest = short_hash(data)
        name = f"{subdir}/{stem}-{digest}.{ext}"
        path = self.root / name
        if not path.exists():
            path.write_bytes(data)
        self.written.add(name)
        self.bytes += len(data)
        return digest

    def remove_stale(self):
        """Delete files of earlier exports (the search page itself is kept)."""
        for subdir in SUBDIRS:
            for path in (self.root / subdir).iterdir():
                if f"{subdir}/{path.name}" not in self.written:
                    path.unlink()


def _compact_json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _facets(stored, years_from_ids):
    """Facet value lists and per-document value indexes (category, source)."""
    facets = {}
    columns = {}
    for name in ("category", "source"):
        counts = {}
        for fields in stored:
            counts[fields[name]] = counts.get(fields[name], 0) + 1
        values = sorted((v for v in counts if v), key=lambda v: (-counts[v], v))
        if len(values) > 254:
            logger.warning("arshif_search: %d %s values; only 254 filterable",
                           len(values), name)
            values = values[:254]
        code = {v: i for i, v in enumerate(values)}
        facets[name] = [[v, counts[v]] for v in values]
        columns[name] = bytes(code.get(f[name], 255) for f in stored)
    facets["year"] = years_from_ids
    return facets, columns


def _years(stored):
    """[[year, first id, last id + 1]] for dated documents (ids are date-sorted)."""
    years = []
    for i, fields in enumerate(stored):
        if not fields["date"]:
            break
        year = int(fields["date"][:4])
        if years and years[-1][0] == year:
            years[-1][2] = i + 1
        else:
            years.append([year, i, i + 1])
    return years


def export_index(index_dir, out_dir, settings):
    """Write the static index of the Whoosh index at `index_dir` into `out_dir`."""
    for subdir in SUBDIRS:
        (out_dir / subdir).mkdir(parents=True, exist_ok=True)
    writer = _Writer(out_dir)
    ix = index.open_dir(str(index_dir))
    with ix.reader() as reader:
        ordered = _order_docs(reader)
    ix.close()
    stored = [fields for _, fields in ordered]
    del ordered

    n_docs = len(stored)
    terms = _invert([fields.pop(ANALYSIS_FIELD) for fields in stored], settings["ranking"])

    suggest = Counter()
    for term in terms.values():
        for exact, (_, _, count) in term.exacts.items():
            suggest[exact] += count
    total = sum(len(t.docs) + len(t.weights) for t in terms.values())
    n_shards = _shard_count(total, settings["shard_bytes"])
    shards = [[] for _ in range(n_shards)]
    for stem in sorted(terms):
        shards[fnv1a(stem) % n_shards].append(stem)
    term_files, pos_files = [], []
    for i, stems in enumerate(shards):
        entries = [(stem, terms[stem].count, terms[stem].block()) for stem in stems]
        term_files.append(writer.write("t", str(i), "bin", _shard_file(entries, True)))
        entries = [(stem, 0, bytes(terms[stem].positions)) for stem in stems]
        pos_files.append(writer.write("p", str(i), "bin", _shard_file(entries, False)))
    n_terms = len(terms)
    del terms

    chunk_size = settings["chunk_size"]
    chunk_files = []
    for start in range(0, n_docs, chunk_size):
        rows = [[f["url"], f["title"], f["date"], f["source"], f["category"],
                 f["source_file"], f["snippet"]]
                for f in stored[start:start + chunk_size]]
        chunk_files.append(writer.write("d", str(start // chunk_size), "json",
                                        _compact_json(rows)))

    facets, columns = _facets(stored, _years(stored))
    facet_hash = writer.write("f", "facets", "bin",
                              columns["category"] + columns["source"])

    buckets = {}
    for word in sorted(w for w, n in suggest.items() if n >= settings["suggest_min_df"]):
        buckets.setdefault(word[0], []).append(word)
    suggest_files = {}
    for letter, words in sorted(buckets.items()):
        data = _compact_json({"w": words, "n": [suggest[w] for w in words]})
        suggest_files[letter] = writer.write("s", "%04x" % ord(letter), "json", data)

    manifest = {
        "version": FORMAT_VERSION,
        "docs": n_docs,
        "terms": n_terms,
        "shards": n_shards,
        "term_shards": "".join(term_files),
        "position_shards": "".join(pos_files),
        "chunk_size": chunk_size,
        "chunks": "".join(chunk_files),
        "facet_file": facet_hash,
        "facets": facets,
        "suggest": suggest_files,
        "ranking": {"exact_weight": settings["ranking"]["exact_weight"],
                    "stem_weight": settings["ranking"]["stem_weight"]},
    }
    data = _compact_json(manifest)
    (out_dir / "manifest.json").write_bytes(data)
    writer.remove_stale()
    logger.info("arshif_search: exported %d documents, %d terms, %d shards, "
                "%.1f MB to %s", n_docs, n_terms, n_shards,
                (writer.bytes + len(data)) / 1e6, out_dir)
    return manifest
