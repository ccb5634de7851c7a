"""Keep a Whoosh index of the site's articles in the cache folder.

The index is the build-time store the static export is read from. It is
updated incrementally: each article is keyed by its `source_file` and a hash
of everything indexed from it (and of the analyzer), so an unchanged article
is never analysed or written again.

Each article is analysed once (`analyzer.terms`). Title and kicker stems
are indexed as Whoosh fields (given as lists, so no second analysis); the
body's, like the whole analysis the export needs (per stem: frequency per
field, exact forms, positions), is stored with the document as one compact
record. Indexing body postings in Whoosh would cost more CPU than the whole
search budget (measured: ~3 ms per article) for postings nothing reads: the
export reads one stored record per document, which is also ten times faster
than walking postings through Whoosh's matchers.
"""

import hashlib
import html
import logging
import re
from array import array
from pathlib import Path

from arshif_core.fingerprint import files_fingerprint
from whoosh import fields
from whoosh.filedb.filestore import FileStorage

from . import analyzer
from .analyzer import StemAnalyzer

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "kicker", "body")
# Offsets added to each field's word positions in the stored analysis, so
# that in the one merged stream a phrase never spans two fields.
POSITION_OFFSET = (0, 1 << 10, 1 << 11)
# The stored analysis; its name changes with its layout, so that an index
# written by an older layout is rebuilt (see `open_index`).
ANALYSIS_FIELD = "analysis_v2"
SEP = "\x1e"
SUB_SEP = "\x1f"
# Everything the analyzer's output depends on: part of each article's hash.
ANALYZER_FINGERPRINT = files_fingerprint(
    [Path(analyzer.__file__), *(Path(analyzer.__file__).parent / "data").glob("*")])

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def make_schema():
    """Whoosh schema: title and kicker stems, facets, the stored analysis
    and the stored fields shown in results."""
    stem = StemAnalyzer()
    return fields.Schema(
        source_file=fields.ID(stored=True, unique=True),
        content_hash=fields.STORED(),
        title=fields.TEXT(analyzer=stem, phrase=False, stored=True),
        kicker=fields.TEXT(analyzer=stem, phrase=False),
        source=fields.ID(stored=True),
        category=fields.ID(stored=True),
        date=fields.ID(stored=True),
        url=fields.STORED(),
        snippet=fields.STORED(),
        **{ANALYSIS_FIELD: fields.STORED()},
    )


def markup_text(markup):
    """Text of article HTML (one <p> per paragraph, text escaped): tags become
    spaces, entities are read, white space stays as it is."""
    return html.unescape(_TAG.sub(" ", markup or ""))


def plain_text(markup):
    """Text of article HTML with white space folded."""
    return _SPACE.sub(" ", markup_text(markup)).strip()


def fold_space(text):
    """Titles and kickers are plain text (templates escape them): only white space is folded."""
    return _SPACE.sub(" ", str(text or "")).strip()


def snippet_of(text, max_chars):
    """The lead cut at a word boundary, for result lists."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars)
    return text[:cut if cut > 0 else max_chars] + "…"


def source_file_of(article):
    """The key of an article in the index: the seed file it came from."""
    return str(article.metadata.get("source_file") or article.source_path)


def article_hash(article):
    """Hash of everything indexed from an article, and of the analyzer."""
    meta = article.metadata
    parts = [source_file_of(article), article.url,
             article.title, str(meta.get("kicker", "")), article.content,
             str(getattr(article, "summary", "")), str(meta.get("undated", "")),
             article.date.isoformat(), str(meta.get("source") or ""),
             str(getattr(article, "category", "")), ANALYZER_FINGERPRINT]
    return hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()


def article_record(article, snippet_chars):
    """The plain data indexed from one Pelican article."""
    meta = article.metadata
    category = getattr(article, "category", None)
    lead = plain_text(getattr(article, "summary", "")) or plain_text(article.content)
    return {
        "source_file": source_file_of(article),
        "content_hash": article_hash(article),
        "url": article.url,
        "title": fold_space(article.title),
        "kicker": fold_space(meta.get("kicker", "")),
        "body": plain_text(article.content),
        "snippet": snippet_of(lead, snippet_chars),
        "date": "" if meta.get("undated") else article.date.strftime("%Y-%m-%d"),
        "source": str(meta.get("source") or ""),
        "category": str(category or ""),
    }


def varint(n, out):
    """Append `n` as an unsigned LEB128 varint to the bytearray `out`."""
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def varints(values):
    """Unsigned LEB128 varints of a list of ints (one byte each when all are small)."""
    if not values or max(values) < 0x80:
        return bytes(values)
    out = bytearray()
    for value in values:
        varint(value, out)
    return bytes(out)


def encode_positions(positions):
    """Count, then the gaps between increasing positions, as varints."""
    out = bytearray()
    varint(len(positions), out)
    varint(positions[0], out)
    out += varints([b - a for a, b in zip(positions, positions[1:])])
    return bytes(out)


def analyse(record):
    """Stems of title and kicker, and the stored analysis of the record.

    The stored analysis is what the export needs, per document, compactly:
    (field lengths, stems joined by SEP, per stem its exact forms joined by
    SUB_SEP (joined by SEP), per stem its frequency in each field and the
    length of its encoded positions (uint32 ×4), the encoded positions,
    offset by field, concatenated).
    """
    per_stem = {}
    lengths = []
    field_stems = []
    for f, name in enumerate(TEXT_FIELDS):
        offset = POSITION_OFFSET[f]
        words = analyzer.terms(record[name])
        lengths.append(len(words))
        if f < 2:
            field_stems.append([stem for _, stem, _ in words])
        for exact, stem, pos in words:
            entry = per_stem.get(stem)
            if entry is None:
                counts = [0, 0, 0]
                counts[f] = 1
                per_stem[stem] = (counts, {exact}, [pos + offset])
            else:
                entry[0][f] += 1
                entry[1].add(exact)
                entry[2].append(pos + offset)
    numbers = array("I")
    exacts = []
    positions = []
    for counts, forms, places in per_stem.values():
        encoded = encode_positions(places)
        counts.append(len(encoded))
        numbers.extend(counts)
        exacts.append(SUB_SEP.join(sorted(forms)) if len(forms) > 1 else next(iter(forms)))
        positions.append(encoded)
    stored = (tuple(lengths), SEP.join(per_stem), SEP.join(exacts), numbers.tobytes(),
              b"".join(positions))
    return field_stems[0], field_stems[1], stored


def whoosh_document(record):
    """The Whoosh fields of one record, analysed once."""
    title, kicker, stored = analyse(record)
    doc = {"title": title, "kicker": kicker, ANALYSIS_FIELD: stored,
           "_stored_title": record["title"]}
    for name in ("source_file", "content_hash", "source", "category", "date",
                 "url", "snippet"):
        doc[name] = record[name]
    return doc


def storage(path):
    """The index folder at `path`, read without mmap: a mapped index file stays
    in the process's resident memory once every document is read through it."""
    return FileStorage(str(path), supports_mmap=False)


def open_index(path):
    """The index at `path`, created (or re-created if its schema changed)."""
    path.mkdir(parents=True, exist_ok=True)
    schema = make_schema()
    folder = storage(path)
    if folder.index_exists():
        ix = folder.open_index()
        if ix.schema.names() == schema.names():
            return ix
        logger.info("arshif_search: index schema changed, rebuilding %s", path)
    return folder.create_index(schema)


def update_index(path, hashes, make_record, limitmb=256):
    """Bring the index at `path` in line with the articles; returns counts.

    `hashes` maps each article's source_file to its content hash;
    `make_record(source_file)` gives the record of a new or changed one.
    Unchanged articles are kept; changed and removed ones are deleted, new
    and changed ones are analysed and added.
    """
    ix = open_index(path)
    with ix.reader() as reader:
        indexed = {f["source_file"]: f["content_hash"]
                   for f in reader.all_stored_fields()}
    stale = [sf for sf, h in indexed.items() if hashes.get(sf) != h]
    new = [sf for sf, h in hashes.items() if indexed.get(sf) != h]
    if stale or new:
        writer = ix.writer(limitmb=limitmb)
        for sf in stale:
            writer.delete_by_term("source_file", sf)
        for sf in new:
            writer.add_document(**whoosh_document(make_record(sf)))
        writer.commit()
    ix.close()
    return {"added": len(new), "deleted": len(stale),
            "kept": len(indexed) - len(stale)}
