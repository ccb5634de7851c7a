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
from itertools import groupby

from whoosh import index

from .indexer import PAIR_SEP

logger = logging.getLogger(__name__)

FORMAT_VERSION = 1
TEXT_FIELDS = ("title", "kicker", "body")
# Offsets added to each field's positions when they are merged into one
# stream, so that a phrase never spans two fields.
POSITION_OFFSET = {"title": 0, "kicker": 1 << 10, "body": 1 << 11}
SUBDIRS = ("t", "p", "d", "f", "s")


def varint(n, out):
    """Append `n` as an unsigned LEB128 varint to the bytearray `out`."""
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


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


def _field_lengths(reader, docnums):
    """Per field: list of lengths in export-id order, and the average."""
    lengths = {}
    for name in TEXT_FIELDS:
        values = [reader.doc_field_length(n, name, 0) or 0 for n in docnums]
        lengths[name] = (values, max(sum(values) / max(len(values), 1), 1.0))
    return lengths


def _postings(reader, name, remap):
    """(term, [(export id, positions)]) of one field, terms in order."""
    if name not in reader.indexed_field_names():
        return
    for term in reader.field_terms(name):
        matcher = reader.postings(name, term)
        items = [(remap[docnum], positions)
                 for docnum, positions in matcher.items_as("positions")]
        if items:
            yield term, name, items


def _exact_groups(reader, remap):
    """(stem, [(exact form, sorted export ids)]) in stem order."""
    if "exact" not in reader.indexed_field_names():
        return

    def pairs():
        for pair in reader.field_terms("exact"):
            stem, exact = pair.split(PAIR_SEP, 1)
            ids = sorted(remap[d] for d in reader.postings("exact", pair).all_ids())
            if ids:
                yield stem, exact, ids

    for stem, group in groupby(pairs(), key=lambda p: p[0]):
        yield stem, [(exact, ids) for _, exact, ids in group]


def _weights(fields, df, n_docs, lengths, ranking):
    """Quantised BM25F weight of one term in each of its documents."""
    k1 = ranking["k1"]
    idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    scale = 255 / (ranking["k1"] + 1) / math.log(1 + (n_docs - 0.5) / 1.5)
    out = {}
    for doc, per_field in fields.items():
        tf = 0.0
        for name, count in per_field.items():
            values, avg = lengths[name]
            norm = 1 - ranking["b"][name] + ranking["b"][name] * values[doc] / avg
            tf += ranking["field_weight"][name] * count / norm
        w = idf * tf * (k1 + 1) / (k1 + tf)
        out[doc] = max(1, min(255, round(w * scale)))
    return out


def _encode_term(items, exacts, n_docs, lengths, ranking):
    """Postings block and positions block of one stem term."""
    per_doc = {}
    positions = {}
    for name, postings in items:
        for doc, poses in postings:
            per_doc.setdefault(doc, {})[name] = len(poses)
            offset = POSITION_OFFSET[name]
            positions.setdefault(doc, []).extend(p + offset for p in poses)
    docs = sorted(per_doc)
    weights = _weights(per_doc, len(docs), n_docs, lengths, ranking)
    block = bytearray()
    prev = 0
    for doc in docs:
        varint(doc - prev, block)
        prev = doc
    block += bytes(weights[d] for d in docs)
    index_of = {d: i for i, d in enumerate(docs)}
    varint(len(exacts), block)
    for exact, ids in exacts:
        encode_str(exact, block)
        varint(len(ids), block)
        prev = 0
        for i in sorted(index_of[d] for d in ids):
            varint(i - prev, block)
            prev = i
    pos_block = bytearray()
    for doc in docs:
        poses = sorted(positions[doc])
        varint(len(poses), pos_block)
        prev = 0
        for p in poses:
            varint(p - prev, pos_block)
            prev = p
    return len(docs), bytes(block), bytes(pos_block)


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
        name = f"{subdir}/{stem}-{short_hash(data)}.{ext}"
        path = self.root / name
        if not path.exists():
            path.write_bytes(data)
        self.written.add(name)
        self.bytes += len(data)
        return name

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
    ranking = settings["ranking"]
    for subdir in SUBDIRS:
        (out_dir / subdir).mkdir(parents=True, exist_ok=True)
    writer = _Writer(out_dir)
    ix = index.open_dir(str(index_dir))
    with ix.reader() as reader:
        ordered = _order_docs(reader)
        stored = [fields for _, fields in ordered]
        remap = {docnum: i for i, (docnum, _) in enumerate(ordered)}
        n_docs = len(stored)
        lengths = _field_lengths(reader, [docnum for docnum, _ in ordered])

        streams = [_postings(reader, name, remap) for name in TEXT_FIELDS]
        merged = heapq.merge(*streams, key=lambda item: item[0])
        exact_iter = _exact_groups(reader, remap)
        pending = next(exact_iter, None)
        terms = []
        suggest = {}
        for stem, group in groupby(merged, key=lambda item: item[0]):
            items = [(name, postings) for _, name, postings in group]
            while pending and pending[0] < stem:
                pending = next(exact_iter, None)
            exacts = pending[1] if pending and pending[0] == stem else []
            df, block, pos_block = _encode_term(items, exacts, n_docs,
                                                lengths, ranking)
            terms.append((stem, df, block, pos_block))
            for exact, ids in exacts:
                if len(ids) >= settings["suggest_min_df"]:
                    suggest[exact] = suggest.get(exact, 0) + len(ids)
    ix.close()

    total = sum(len(t[2]) for t in terms)
    n_shards = _shard_count(total, settings["shard_bytes"])
    shards = [[] for _ in range(n_shards)]
    for term in terms:
        shards[fnv1a(term[0]) % n_shards].append(term)
    term_files, pos_files = [], []
    for i, entries in enumerate(shards):
        name = writer.write("t", str(i), "bin", _shard_file(
            [(t, df, block) for t, df, block, _ in entries], with_df=True))
        term_files.append(name.split("-")[-1].split(".")[0])
        name = writer.write("p", str(i), "bin", _shard_file(
            [(t, df, pos) for t, df, _, pos in entries], with_df=False))
        pos_files.append(name.split("-")[-1].split(".")[0])

    chunk_size = settings["chunk_size"]
    chunk_files = []
    for start in range(0, n_docs, chunk_size):
        rows = [[f["url"], f["title"], f["date"], f["source"], f["category"],
                 f["source_file"], f["snippet"]]
                for f in stored[start:start + chunk_size]]
        name = writer.write("d", str(start // chunk_size), "json", _compact_json(rows))
        chunk_files.append(name.split("-")[-1].split(".")[0])

    facets, columns = _facets(stored, _years(stored))
    facet_file = writer.write("f", "facets", "bin",
                              columns["category"] + columns["source"])

    buckets = {}
    for word in sorted(suggest):
        buckets.setdefault(word[0], []).append(word)
    suggest_files = {}
    for letter, words in sorted(buckets.items()):
        data = _compact_json({"w": words, "n": [suggest[w] for w in words]})
        suggest_files[letter] = writer.write("s", "%04x" % ord(letter), "json", data)

    manifest = {
        "version": FORMAT_VERSION,
        "docs": n_docs,
        "terms": len(terms),
        "shards": n_shards,
        "term_shards": "".join(term_files),
        "position_shards": "".join(pos_files),
        "chunk_size": chunk_size,
        "chunks": "".join(chunk_files),
        "facet_file": facet_file,
        "facets": facets,
        "suggest": suggest_files,
        "ranking": {"exact_weight": ranking["exact_weight"],
                    "stem_weight": ranking["stem_weight"]},
    }
    data = _compact_json(manifest)
    (out_dir / "manifest.json").write_bytes(data)
    writer.remove_stale()
    logger.info("arshif_search: exported %d documents, %d terms, %d shards, "
                "%.1f MB to %s", n_docs, len(terms), n_shards,
                (writer.bytes + len(data)) / 1e6, out_dir)
    return manifest
