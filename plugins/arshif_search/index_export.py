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
from base64 import urlsafe_b64encode
from array import array
from collections import Counter
from itertools import accumulate

from whoosh import index

from .indexer import ANALYSIS_FIELD, SEP, SUB_SEP, TEXT_FIELDS, varint, varints

logger = logging.getLogger(__name__)

FORMAT_VERSION = 3
SUBDIRS = ("t", "p", "d", "f", "s")


def encode_str(s, out):
    raw = s.encode("utf-8")
    varint(len(raw), out)
    out += raw


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


def _gaps(values):
    return [values[0]] + [b - a for a, b in zip(values, values[1:])]


def _postings_block(docs, weights, exacts):
    """docs (id gaps), weights (one byte each), then the exact forms: each
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


def _invert(analyses, ranking):
    """Stem → (doc ids, quantised BM25F weights, encoded positions, exact
    forms joined per posting), postings in export-id order; compact arrays,
    so that 20,000 articles' postings fit in tens of MB."""
    df, averages = _statistics(analyses)
    n_docs = len(analyses)
    k1 = ranking["k1"]
    b = [ranking["b"][name] for name in TEXT_FIELDS]
    boost = [ranking["field_weight"][name] for name in TEXT_FIELDS]
    # Weights are scaled so that the largest possible one is 255.
    scale = 255 / (k1 + 1) / math.log(1 + (n_docs - 0.5) / 1.5)
    idf = {stem: math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) * scale * (k1 + 1)
           for stem, d in df.items()}
    terms = {}
    # One object per distinct set of exact forms, shared by its postings.
    shared_forms = {}
    for doc, (lengths, stems, exacts, numbers, positions) in enumerate(analyses):
        if not stems:
            continue
        n_t, n_k, n_b = [boost[f] / (1 - b[f] + b[f] * lengths[f] / averages[f])
                         for f in range(3)]
        numbers = array("I", numbers)
        ends = list(accumulate(numbers[3::4]))
        start = 0
        for j, stem, forms, end in zip(range(0, len(numbers), 4), stems.split(SEP),
                                       exacts.split(SEP), ends):
            tf = numbers[j] * n_t + numbers[j + 1] * n_k + numbers[j + 2] * n_b
            weight = int(idf[stem] * tf / (k1 + tf) + 0.5)
            term = terms.get(stem)
            if term is None:
                term = terms[stem] = (array("I"), array("B"), bytearray(), [])
            term[0].append(doc)
            term[1].append(weight if 0 < weight < 256 else (1 if weight < 1 else 255))
            term[2].extend(positions[start:end])
            term[3].append(shared_forms.setdefault(forms, forms))
            start = end
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


def _cut_ranges(sizes, target):
    """Indexes where a new shard starts, cutting the sorted stems (of byte
    sizes `sizes`) into runs of about `target` bytes."""
    starts, total = [0], 0
    for i, size in enumerate(sizes):
        if total and total + size > target:
            starts.append(i)
            total = 0
        total += size
    return starts


def _names(files):
    """{key: name}: each file's name is the start of the URL-safe base64 of
    the SHA-1 of its content, as short as keeps the names of one kind
    distinct (6 characters, 36 bits, unless two files of a kind collide)."""
    digests = {key: urlsafe_b64encode(hashlib.sha1(data).digest()).decode()
               for key, data in files.items()}
    for length in range(6, 28):
        names = {key: digest[:length] for key, digest in digests.items()}
        seen = {}
        if all(seen.setdefault((key[0], name), digests[key]) == digests[key]
               for key, name in names.items()):
            return length, names
    raise ValueError("arshif_search: SHA-1 collision")


def write_atomic(path, data):
    """Write bytes so that a reader (or a killed build) never sees half a file."""
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def listed_files(manifest):
    """Paths (relative to the export folder) of the files a manifest names."""
    length = manifest["name_length"]
    paths = []
    for kind, ext in (("t", "bin"), ("p", "bin"), ("d", "json"), ("s", "json"), ("f", "bin")):
        names = manifest["files"]["t" if kind == "p" else kind]
        paths += [f"{kind}/{names[i:i + length]}.{ext}" for i in range(0, len(names), length)]
    return paths


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
    keep = set(listed_files(manifest)) if manifest else set()
    stray = [path for kind in SUBDIRS if (root / kind).is_dir()
             for path in (root / kind).iterdir() if f"{kind}/{path.name}" not in keep]
    for path in stray:
        path.unlink()
    return len(stray)


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
        return all((out_dir / path).is_file() for path in listed_files(manifest))
    except (OSError, ValueError, KeyError, TypeError):
        return False


def export_index(index_dir, out_dir, settings):
    """Write the static index of the Whoosh index at `index_dir` into `out_dir`.

    Returns the manifest; does nothing when out_dir already holds the export
    of the same documents and settings.
    """
    ix = index.open_dir(str(index_dir))
    with ix.reader() as reader:
        ordered = _order_docs(reader)
    ix.close()
    stored = [fields for _, fields in ordered]
    del ordered
    fingerprint = _fingerprint(stored, settings)
    if _unchanged(out_dir, fingerprint):
        logger.info("arshif_search: static index in %s is up to date", out_dir)
        return json.loads((out_dir / "manifest.json").read_text("utf-8"))
    n_docs = len(stored)
    terms = _invert([fields.pop(ANALYSIS_FIELD) for fields in stored], settings["ranking"])
    files = {}

    joined_counts = Counter()
    for _, _, _, forms in terms.values():
        joined_counts.update(forms)
    suggest = Counter()
    for joined, count in joined_counts.items():
        for form in joined.split(SUB_SEP):
            suggest[form] += count
    stems = sorted(terms)
    entries = [(stem, len(terms[stem][0]), _postings_block(*terms[stem][0:2], terms[stem][3]),
                bytes(terms[stem][2])) for stem in stems]
    n_terms = len(terms)
    del terms
    starts = _cut_ranges([len(stem.encode()) + len(block) for stem, _, block, _ in entries],
                         settings["shard_bytes"])
    for i, (start, end) in enumerate(zip(starts, starts[1:] + [len(entries)])):
        files["t", i, "bin"] = _shard_file([e[:3] for e in entries[start:end]], True)
        files["p", i, "bin"] = _shard_file(
            [(stem, 0, positions) for stem, _, _, positions in entries[start:end]], False)
    del entries

    chunk_size = settings["chunk_size"]
    for start in range(0, n_docs, chunk_size):
        rows = [[f["url"], f["title"], f["date"], f["source"], f["category"],
                 f["source_file"], f["snippet"]]
                for f in stored[start:start + chunk_size]]
        files["d", start // chunk_size, "json"] = _compact_json(rows)

    facets, columns = _facets(stored, _years(stored))
    files["f", 0, "bin"] = columns["category"] + columns["source"]

    buckets = {}
    for word in sorted(w for w, n in suggest.items() if n >= settings["suggest_min_df"]):
        buckets.setdefault(word[0], []).append(word)
    letters = "".join(sorted(buckets))
    for k, letter in enumerate(letters):
        words = buckets[letter]
        files["s", k, "json"] = _compact_json({"w": words, "n": [suggest[w] for w in words]})

    # A term shard and its positions shard share one name, of both contents.
    length, names = _names({key: data + files["p", key[1], "bin"] if key[0] == "t" else data
                            for key, data in files.items() if key[0] != "p"})
    names.update({("p", n, ext): names["t", n, ext] for kind, n, ext in files if kind == "p"})
    written = _write_files(out_dir, files, names)
    listing = {kind: "".join(names[key] for key in sorted(k for k in files if k[0] == kind))
               for kind in ("t", "d", "s", "f")}
    manifest = {
        "version": FORMAT_VERSION,
        "build": fingerprint,
        "docs": n_docs,
        "terms": n_terms,
        "chunk_size": chunk_size,
        # The first stem of each term shard but the first (shard 0 starts at "").
        "ranges": [stems[start] for start in starts[1:]],
        "prefix_shards": settings["prefix_shards"],
        "name_length": length,
        "files": listing,
        "facets": facets,
        "suggest": letters,
        "ranking": {"exact_weight": settings["ranking"]["exact_weight"],
                    "stem_weight": settings["ranking"]["stem_weight"]},
    }
    write_atomic(out_dir / "manifest.json", _compact_json(manifest))
    removed = remove_unlisted(out_dir, manifest)
    logger.info("arshif_search: exported %d documents, %d terms, %d shards, "
                "%.1f MB to %s (%d files written, %d removed)", n_docs, n_terms, len(starts),
                sum(map(len, files.values())) / 1e6, out_dir,
                written, removed)
    return manifest
