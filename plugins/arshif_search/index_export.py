"""Export the Whoosh index as the static, sharded index the browser reads.

Format: docs/SEARCH_INDEX.md. The export precomputes quantised BM25F
weights so that a query only adds small integers, and names every file by a
hash of the export's content so that a deploy never mixes files of two builds.
"""

import hashlib
import json
import logging
import math
from array import array
from collections import Counter
from itertools import accumulate

from whoosh import index

from .indexer import ANALYSIS_FIELD, SEP, SUB_SEP, TEXT_FIELDS, varint, varints

logger = logging.getLogger(__name__)

FORMAT_VERSION = 2
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


def _shard_count(total_bytes, target):
    count = 16
    while count < 4096 and total_bytes / count > target:
        count *= 2
    return count


def _write_files(root, files):
    """Write {(kind, n, ext): bytes} as kind/n-<hash>.ext, hash being the
    first 8 hex digits of a SHA-1 over all the files; delete files of earlier
    exports (the search page itself is kept). Returns the hash.

    One hash for the whole export keeps the manifest small (a per-file hash
    would cost 8 bytes per file, ~50 kB at 20,000 articles), and loses no
    caching: adding one article changes N, hence every weight and every
    document id after it, hence nearly every file anyway.
    """
    digest = hashlib.sha1()
    for key in sorted(files):
        digest.update("/".join(key).encode() + hashlib.sha1(files[key]).digest())
    tag = digest.hexdigest()[:8]
    written = set()
    for (kind, n, ext), data in files.items():
        name = f"{kind}/{n}-{tag}.{ext}"
        written.add(name)
        path = root / name
        if not path.exists():
            path.write_bytes(data)
    for kind in SUBDIRS:
        for path in (root / kind).iterdir():
            if f"{kind}/{path.name}" not in written:
                path.unlink()
    return tag


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
    except (OSError, ValueError):
        return False
    if manifest.get("version") != FORMAT_VERSION or manifest.get("build") != fingerprint:
        return False
    expected = {"t": manifest["shards"], "p": manifest["shards"],
                "d": -(-manifest["docs"] // manifest["chunk_size"])}
    return all(len(list((out_dir / kind).glob(f"*-{manifest['hash']}.*"))) == n
               for kind, n in expected.items())


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
    total = sum(2 * len(t[0]) for t in terms.values())
    n_shards = _shard_count(total, settings["shard_bytes"])
    shards = [[] for _ in range(n_shards)]
    for stem in sorted(terms):
        shards[fnv1a(stem) % n_shards].append(stem)
    for i, stems in enumerate(shards):
        files["t", str(i), "bin"] = _shard_file(
            [(stem, len(terms[stem][0]), _postings_block(*terms[stem][0:2], terms[stem][3]))
             for stem in stems], True)
        files["p", str(i), "bin"] = _shard_file(
            [(stem, 0, bytes(terms[stem][2])) for stem in stems], False)
    n_terms = len(terms)
    del terms

    chunk_size = settings["chunk_size"]
    for start in range(0, n_docs, chunk_size):
        rows = [[f["url"], f["title"], f["date"], f["source"], f["category"],
                 f["source_file"], f["snippet"]]
                for f in stored[start:start + chunk_size]]
        files["d", str(start // chunk_size), "json"] = _compact_json(rows)

    facets, columns = _facets(stored, _years(stored))
    files["f", "facets", "bin"] = columns["category"] + columns["source"]

    buckets = {}
    for word in sorted(w for w, n in suggest.items() if n >= settings["suggest_min_df"]):
        buckets.setdefault(word[0], []).append(word)
    for letter, words in buckets.items():
        files["s", "%04x" % ord(letter), "json"] = _compact_json(
            {"w": words, "n": [suggest[w] for w in words]})

    for subdir in SUBDIRS:
        (out_dir / subdir).mkdir(parents=True, exist_ok=True)
    manifest = {
        "version": FORMAT_VERSION,
        "build": fingerprint,
        "hash": _write_files(out_dir, files),
        "docs": n_docs,
        "terms": n_terms,
        "shards": n_shards,
        "chunk_size": chunk_size,
        "facets": facets,
        "suggest": "".join(sorted(buckets)),
        "ranking": {"exact_weight": settings["ranking"]["exact_weight"],
                    "stem_weight": settings["ranking"]["stem_weight"]},
    }
    data = _compact_json(manifest)
    (out_dir / "manifest.json").write_bytes(data)
    logger.info("arshif_search: exported %d documents, %d terms, %d shards, "
                "%.1f MB to %s", n_docs, n_terms, n_shards,
                sum(map(len, files.values())) / 1e6, out_dir)
    return manifest
