"""Export the Whoosh index as the static, sharded index the browser reads.

Format: docs/SEARCH_INDEX.md. The export precomputes quantised BM25F
weights so that a query only adds small integers. Term shards hold
contiguous ranges of the sorted stems, so that the completions of a word being
typed sit in one or two shards. Every file is named by a hash of its own
content: a file whose content did not change keeps its name (and its place in
readers' and CDNs' caches), a page never mixes files of two builds, and the
manifest, written last, is the only file that must change.
"""

import hashlib
import json
import logging
import math
import os
import pickle
from base64 import urlsafe_b64encode
from array import array
from collections import Counter
from itertools import accumulate

from .indexer import ANALYSIS_FIELD, SEP, SUB_SEP, TEXT_FIELDS, storage, varint, varints
from .query import decode_postings

logger = logging.getLogger(__name__)

FORMAT_VERSION = 5
SUBDIRS = ("t", "p", "d", "n", "f", "s")


def encode_str(s, out):
    raw = s.encode("utf-8")
    varint(len(raw), out)
    out += raw


def _order_docs(reader):
    """Live documents, undated first (by name), then dated, oldest first:
    export id → (document number, stored fields). The stored analysis is
    left out but for its field lengths ("lengths"): all documents' analyses
    held at once would be the export's largest use of memory, so `ExportState.add`
    reads them one document at a time.

    Ids in date order make `sort: newest` and the year filter free (a year
    is a range of ids), and oldest first puts a new article at the end: its
    postings are appended to the lists and old document chunks keep their
    content. Same-day documents are in name order (dates are days), which is
    arrival order for seeds named by number or time.
    """
    docs = [(docnum, {**{k: v for k, v in fields.items() if k != ANALYSIS_FIELD},
                      "lengths": fields[ANALYSIS_FIELD][0]})
            for docnum, fields in reader.iter_docs()]
    undated = sorted((d for d in docs if not d[1]["date"]), key=lambda d: d[1]["source_file"])
    dated = sorted((d for d in docs if d[1]["date"]),
                   key=lambda d: (d[1]["date"], d[1]["source_file"]))
    return undated + dated


def _coarse(value, step=1.01):
    """`value` rounded to a power of `step`: corpus statistics that adding
    an article rarely moves, so that old weights keep their bytes."""
    return step ** round(math.log(max(value, 1.0), step))


def _coarse_count(n):
    """The number of documents to two significant digits (for idf): adding
    an article rarely moves it."""
    return max(1, int(float(f"{n:.3g}")))




def _gaps(values):
    return [values[0]] + [b - a for a, b in zip(values, values[1:])]


def _postings_block(docs, weights, exacts):
    """docs (id gaps), tf weights (one byte each), then the exact forms: each
    with its posting count and the gaps between the indexes of its postings
    in this list (left out when the form is in every posting)."""
    forms = {}
    if len(set(exacts)) == 1 and SUB_SEP not in exacts[0]:
        forms[exacts[0]] = None
    else:
        for i, joined in enumerate(exacts):
            for form in joined.split(SUB_SEP):
                forms.setdefault(form, []).append(i)
    out = bytearray(varints(_gaps(docs)))
    out += bytes(weights)
    varint(len(forms), out)
    for form in sorted(forms):
        encode_str(form, out)
        indexes = forms[form]
        if indexes is None or len(indexes) == len(docs):
            varint(len(docs), out)
        else:
            varint(len(indexes), out)
            out += varints(_gaps(indexes))
    return bytes(out)


def _weights(tfs, n_docs, ranking):
    """Quantised BM25F weights (1-255) of a stem's postings from their
    term-frequency parts `tfs`: idf from the stem's df (len(tfs)) and the
    coarse N, scaled so that the largest possible weight is 255.

    A weight depends on its document, its stem's df and the coarse corpus
    statistics, so adding an article changes the weights of its own stems
    only (their shards are rewritten anyway), unless it moves N or an
    average length to the next coarse step."""
    k1, n, df = ranking["k1"], _coarse_count(n_docs), len(tfs)
    scale = 255 / (k1 + 1) / math.log(1 + (n - 0.5) / 1.5)
    idf = math.log(1 + max(n - df + 0.5, 0) / (df + 0.5)) * scale * (k1 + 1)
    return array("B", [min(255, max(1, int(idf * tf / (k1 + tf) + 0.5))) for tf in tfs])


def _averages(totals, n_docs):
    return [_coarse(total / max(n_docs, 1)) for total in totals]


def _doc_postings(analysis, averages, ranking):
    """(stem, BM25F tf~ (field-weighted, length-normalised), exact forms
    joined, encoded positions) for each stem of one document's stored analysis."""
    lengths, stems, exacts, numbers, positions = analysis
    if not stems:
        return
    b = [ranking["b"][name] for name in TEXT_FIELDS]
    boost = [ranking["field_weight"][name] for name in TEXT_FIELDS]
    n_t, n_k, n_b = [boost[f] / (1 - b[f] + b[f] * lengths[f] / averages[f]) for f in range(3)]
    numbers = array("I", numbers)
    start = 0
    for j, stem, forms, end in zip(range(0, len(numbers), 4), stems.split(SEP),
                                   exacts.split(SEP), accumulate(numbers[3::4])):
        yield (stem, numbers[j] * n_t + numbers[j + 1] * n_k + numbers[j + 2] * n_b,
               forms, positions[start:end])
        start = end


def _joined_forms(df, block):
    """Doc ids and, per posting, its exact forms joined (as _postings_block was given them)."""
    docs, _, exacts = decode_postings(df, block)
    per_posting = [[] for _ in docs]
    for form in sorted(exacts):
        for i in exacts[form]:
            per_posting[i].append(form)
    return docs, [SUB_SEP.join(forms) for forms in per_posting]


class ExportState:
    """What the export keeps in the index folder so that the next export of
    the same documents plus newer ones only rewrites what they change: per
    document its key and result row; per stem its postings' tf~ parts, its
    encoded postings block and positions; field length totals; the count of
    postings of each exact form (for suggestions). A pure function of the
    documents: an export from a state equals one from scratch (tested)."""

    def __init__(self, key, ranking):
        self.key = key
        self.ranking = ranking
        self.docs, self.rows = [], []
        self.totals = [0] * len(TEXT_FIELDS)
        self.stems = {}
        self.suggest = Counter()
        self.averages = None

    def can_append(self, key, docs, lengths):
        """True when `docs` are this state's documents followed by newer ones
        and the coarse statistics stay as they were (`lengths`: every
        document's field lengths)."""
        n_old = len(self.docs)
        if key != self.key or docs[:n_old] != self.docs or len(docs) < n_old:
            return False
        if _coarse_count(len(docs)) != _coarse_count(n_old):
            return False
        totals = list(self.totals)
        for doc_lengths in lengths[n_old:]:
            totals = [t + n for t, n in zip(totals, doc_lengths)]
        return _averages(totals, len(docs)) == self.averages

    def add(self, docs, rows, lengths, analyses):
        """Append documents (newer than all held) with their field lengths and
        their analyses (an iterable, read once, one document at a time)."""
        first = len(self.docs)
        self.docs += docs
        self.rows += rows
        for doc_lengths in lengths:
            self.totals = [t + n for t, n in zip(self.totals, doc_lengths)]
        self.averages = _averages(self.totals, len(self.docs))
        # Compact per-stem arrays: 20,000 articles' postings fit in tens of MB.
        touched, shared_forms, joined_counts = {}, {}, Counter()
        for doc, analysis in enumerate(analyses, first):
            for stem, tf, forms, positions in _doc_postings(analysis, self.averages, self.ranking):
                new = touched.get(stem)
                if new is None:
                    new = touched[stem] = (array("I"), array("d"), [], bytearray())
                new[0].append(doc)
                new[1].append(tf)
                new[2].append(shared_forms.setdefault(forms, forms))
                new[3].extend(positions)
                joined_counts[forms] += 1
        for joined, count in joined_counts.items():
            for form in joined.split(SUB_SEP):
                self.suggest[form] += count
        n_docs = len(self.docs)
        for stem in list(touched):  # each stem's lists are freed once its block is made
            ids, tfs, forms, positions = touched.pop(stem)
            old = self.stems.get(stem)
            if old is not None:
                old_ids, old_forms = _joined_forms(len(old[0]), old[1])
                ids, forms = array("I", old_ids) + ids, old_forms + forms
                tfs, positions = old[0] + tfs, old[2] + positions
            self.stems[stem] = (tfs, _postings_block(ids, _weights(tfs, n_docs, self.ranking),
                                                     forms), bytes(positions))


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


def _cut_ranges(stems, sizes, target):
    """Indexes where a new shard starts in the sorted stems (of byte sizes
    `sizes`), for shards of about `target` bytes.

    The cuts depend on the stems around them, not on a running count from
    the first stem: a shard starts before a stem whose hash ends in four
    zero bits once the shard holds target/2 bytes (or before a stem that
    would take it past 2 × target). A new article changes the shards that
    hold its stems (and, at worst, the next few), not every later cut."""
    starts, total = [0], 0
    for i, (stem, size) in enumerate(zip(stems, sizes)):
        if total and (total + size > 2 * target or total >= target // 2
                      and hashlib.sha1(stem.encode()).digest()[0] & 15 == 0):
            starts.append(i)
            total = 0
        total += size
    return starts


def _names(files, shortest=6):
    """(length, {key: name}): each file's name is the start of the URL-safe
    base64 of the SHA-1 of its content, as short as keeps the names of one
    kind distinct (6 characters, 36 bits, unless two files of a kind collide)."""
    digests = {key: urlsafe_b64encode(hashlib.sha1(data).digest()).decode()
               for key, data in files.items()}
    for length in range(shortest, 28):
        names = {key: digest[:length] for key, digest in digests.items()}
        seen = {}
        if all(seen.setdefault((key[0], name), digests[key]) == digests[key]
               for key, name in names.items()):
            return length, names
    raise ValueError("arshif_search: SHA-1 collision")


def write_atomic(path, data):
    """Write bytes, or what `data(handle)` writes, so that a reader (or a killed
    build) never sees half a file; a callable streams a large pickle instead of
    holding its bytes in memory beside the object."""
    tmp = path.with_name(f".{path.name}.tmp")
    if callable(data):
        with open(tmp, "wb") as handle:
            data(handle)
    else:
        tmp.write_bytes(data)
    os.replace(tmp, path)


def listed_files(root, manifest):
    """Paths (relative to the export folder `root`) of the files a manifest
    names, directly or through its name blocks."""
    length = manifest["name_length"]
    paths = []
    for kind, ext in (("t", "bin"), ("p", "bin"), ("n", "txt"), ("s", "json"), ("f", "bin")):
        names = manifest["files"]["t" if kind == "p" else kind]
        paths += [f"{kind}/{names[i:i + length]}.{ext}" for i in range(0, len(names), length)]
    chunks = "".join((root / path).read_text("ascii") for path in paths if path[0] == "n")
    return paths + [f"d/{chunks[i:i + length]}.json" for i in range(0, len(chunks), length)]


def _name_blocks(files, per_block):
    """Names for every file and the name blocks listing the result chunks'
    names, `per_block` to a block: (length, names, blocks). The blocks' own
    names must fit the same length as the names they hold."""
    length = 6
    while True:
        length, names = _names(files, length)
        chunks = [names[key] for key in sorted(k for k in files if k[0] == "d")]
        blocks = {("n", k // per_block, "txt"): "".join(chunks[k:k + per_block]).encode("ascii")
                  for k in range(0, len(chunks), per_block)}
        block_length, block_names = _names(blocks, length)
        if block_length == length:
            return length, {**names, **block_names}, blocks
        length = block_length


def _write_files(root, files, names):
    """Write {(kind, n, ext): bytes} as kind/<name>.ext; a file already in
    place under its name has that content and is left alone. Returns how
    many were written."""
    for subdir in SUBDIRS:
        (root / subdir).mkdir(parents=True, exist_ok=True)
    written = 0
    for key, data in files.items():
        kind, _, ext = key
        path = root / kind / f"{names[key]}.{ext}"
        if not path.exists():
            write_atomic(path, data)
            written += 1
    return written


def remove_unlisted(root, manifest):
    """Delete the files of earlier or interrupted exports (the search page
    itself is kept); returns how many."""
    keep = set(listed_files(root, manifest)) if manifest else set()
    stray = [path for kind in SUBDIRS if (root / kind).is_dir()
             for path in (root / kind).iterdir() if f"{kind}/{path.name}" not in keep]
    for path in stray:
        path.unlink()
    return len(stray)


def _compact_json(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _row(fields):
    """A document's result row: [url, title, date, source, category, source_file, snippet]."""
    return [fields["url"], fields["title"], fields["date"], fields["source"],
            fields["category"], fields["source_file"], fields["snippet"]]


def _facets(rows):
    """Facet value lists and per-document value indexes (category, source)."""
    facets = {}
    columns = {}
    for name, column in (("category", 4), ("source", 3)):
        counts = Counter(row[column] for row in rows)
        values = sorted((v for v in counts if v), key=lambda v: (-counts[v], v))
        if len(values) > 254:
            logger.warning("arshif_search: %d %s values; only 254 filterable",
                           len(values), name)
            values = values[:254]
        code = {v: i for i, v in enumerate(values)}
        facets[name] = [[v, counts[v]] for v in values]
        columns[name] = bytes(code.get(row[column], 255) for row in rows)
    facets["year"] = _years(rows)
    return facets, columns


def _years(rows):
    """[[year, first id, last id + 1]] for dated documents (ids are date-sorted),
    newest year first."""
    years = []
    for i, row in enumerate(rows):
        if not row[2]:
            continue
        year = int(row[2][:4])
        if years and years[-1][0] == year:
            years[-1][2] = i + 1
        else:
            years.append([year, i, i + 1])
    return years[::-1]


def _fingerprint(stored, settings):
    """Identifies an export: the documents' hashes and the settings that shape it."""
    shaping = {k: v for k, v in settings.items() if k not in ("parallel", "limitmb")}
    digest = hashlib.sha1(json.dumps([FORMAT_VERSION, shaping], sort_keys=True).encode())
    for fields in stored:
        digest.update(f"{fields['source_file']}\x00{fields['content_hash']}\x00".encode())
    return digest.hexdigest()


def _unchanged(out_dir, fingerprint):
    """True when out_dir already holds the export with this fingerprint."""
    try:
        manifest = json.loads((out_dir / "manifest.json").read_text("utf-8"))
        if manifest.get("version") != FORMAT_VERSION or manifest.get("build") != fingerprint:
            return False
        return all((out_dir / path).is_file() for path in listed_files(out_dir, manifest))
    except (OSError, ValueError, KeyError, TypeError):
        return False


STATE = "arshif-export.pickle"


def _load_state(path):
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a missing or damaged state only costs a full export
        return None


def _dump_state(state, handle):
    """Pickle the state without a memo (Pickler.fast): the memo would hold a
    reference to each of its hundreds of thousands of objects, at the search
    child's peak. The state shares few objects (a document's name is in its
    key and its row): without a memo its file is 3 % larger (48.8 against
    47.4 MB for 20,000 articles)."""
    pickler = pickle.Pickler(handle, pickle.HIGHEST_PROTOCOL)
    pickler.fast = True
    pickler.dump(state)


def export_index(index_dir, out_dir, settings):
    """Write the static index of the Whoosh index at `index_dir` into `out_dir`.

    Returns the manifest; does nothing when out_dir already holds the export
    of the same documents and settings. When the documents are those of the
    last export (its state is kept in `index_dir`) followed by newer ones,
    only the new documents are analysed into it.
    """
    ix = storage(index_dir).open_index()
    try:
        with ix.reader() as reader:
            listing = _order_docs(reader)
            stored = [fields for _, fields in listing]
            fingerprint = _fingerprint(stored, settings)
            if _unchanged(out_dir, fingerprint):
                logger.info("arshif_search: static index in %s is up to date", out_dir)
                return json.loads((out_dir / "manifest.json").read_text("utf-8"))
            key = _compact_json([FORMAT_VERSION, {k: v for k, v in settings.items()
                                                  if k not in ("parallel", "limitmb")}])
            docs = [(fields["source_file"], fields["content_hash"]) for fields in stored]
            lengths = [fields["lengths"] for fields in stored]
            state = _load_state(index_dir / STATE)
            if not (isinstance(state, ExportState) and state.can_append(key, docs, lengths)):
                state = ExportState(key, settings["ranking"])
            first = len(state.docs)
            state.add(docs[first:], [_row(fields) for fields in stored[first:]], lengths[first:],
                      (reader.stored_fields(docnum)[ANALYSIS_FIELD] for docnum, _ in listing[first:]))
            del listing, stored
    finally:
        ix.close()
    manifest, written, removed = _write_export(state, fingerprint, out_dir, settings)
    write_atomic(index_dir / STATE, lambda handle: _dump_state(state, handle))
    logger.info("arshif_search: exported %d documents (%d new to the export), %d terms, "
                "%d shards to %s (%d files written, %d removed)", manifest["docs"],
                manifest["docs"] - first, manifest["terms"], len(manifest["ranges"]) + 1,
                out_dir, written, removed)
    return manifest


def _write_export(state, fingerprint, out_dir, settings):
    """The export's files from the state: written where missing, then the
    manifest, then files of earlier exports removed."""
    files = {}
    stems = sorted(state.stems)
    entries = [(stem, len(state.stems[stem][0]), state.stems[stem][1], state.stems[stem][2])
               for stem in stems]
    starts = _cut_ranges(stems, [len(stem.encode()) + len(e[2]) for stem, e in zip(stems, entries)],
                         settings["shard_bytes"])
    for i, (start, end) in enumerate(zip(starts, starts[1:] + [len(entries)])):
        files["t", i, "bin"] = _shard_file([e[:3] for e in entries[start:end]], True)
        files["p", i, "bin"] = _shard_file(
            [(stem, 0, positions) for stem, _, _, positions in entries[start:end]], False)
    del entries

    rows = state.rows
    chunk_size = settings["chunk_size"]
    for start in range(0, len(rows), chunk_size):
        files["d", start // chunk_size, "json"] = _compact_json(rows[start:start + chunk_size])

    facets, columns = _facets(rows)
    files["f", 0, "bin"] = columns["category"] + columns["source"]

    buckets = {}
    suggest = state.suggest
    for word in sorted(w for w, n in suggest.items() if n >= settings["suggest_min_df"]):
        buckets.setdefault(word[0], []).append(word)
    letters = "".join(sorted(buckets))
    for k, letter in enumerate(letters):
        words = buckets[letter]
        files["s", k, "json"] = _compact_json({"w": words, "n": [suggest[w] for w in words]})

    # A term shard and its positions shard share one name, of both contents.
    length, names, blocks = _name_blocks(
        {key: data + files["p", key[1], "bin"] if key[0] == "t" else data
         for key, data in files.items() if key[0] != "p"}, settings["names_per_block"])
    names.update({("p", n, ext): names["t", n, ext] for kind, n, ext in files if kind == "p"})
    files.update(blocks)
    written = _write_files(out_dir, files, names)
    listing = {kind: "".join(names[key] for key in sorted(k for k in files if k[0] == kind))
               for kind in ("t", "n", "s", "f")}
    manifest = {
        "version": FORMAT_VERSION,
        "build": fingerprint,
        "docs": len(rows),
        "undated": sum(1 for row in rows if not row[2]),
        "terms": len(stems),
        "chunk_size": chunk_size,
        "names_per_block": settings["names_per_block"],
        # The first stem of each term shard but the first (shard 0 starts at "").
        "ranges": [stems[start] for start in starts[1:]],
        "prefix_shards": settings["prefix_shards"],
        "name_length": length,
        "files": listing,
        "facets": facets,
        "suggest": letters,
        "ranking": {key: settings["ranking"][key]
                    for key in ("exact_weight", "stem_weight", "completion_weight")},
    }
    write_atomic(out_dir / "manifest.json", _compact_json(manifest))
    return manifest, written, remove_unlisted(out_dir, manifest)
