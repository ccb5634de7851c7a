"""Keep a Whoosh index of the site's articles in the cache folder.

The index is the build-time store the static export is read from. It is
updated incrementally: each article is keyed by its `source_file` and a hash
of everything indexed from it, so an unchanged article is never analysed or
written again.

Each article is analysed once (`analyzer.tokenize`). The stems go to the
title/kicker/body fields as lists (Whoosh indexes a list as given, so the
fields cost no second analysis). The analysis the export needs (per stem:
term frequency per field, exact forms, encoded positions) is stored with the
document, so the export reads one stored record per document instead of
walking every posting through Whoosh's matchers (several times slower), and
an unchanged article's share of that work is done once.
"""

import hashlib
import html
import logging
import re

from whoosh import fields, index

from .analyzer import StemAnalyzer, tokenize

logger = logging.getLogger(__name__)

TEXT_FIELDS = ("title", "kicker", "body")
# Offsets added to each field's word positions in the stored analysis, so
# that in the one merged stream a phrase never spans two fields.
POSITION_OFFSET = {"title": 0, "kicker": 1 << 10, "body": 1 << 11}

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def make_schema():
    """Whoosh schema: stems per text field, facets, the stored analysis and
    the stored fields shown in results."""
    stem = StemAnalyzer()
    return fields.Schema(
        source_file=fields.ID(stored=True, unique=True),
        content_hash=fields.STORED(),
        title=fields.TEXT(analyzer=stem, phrase=False, stored=True),
        kicker=fields.TEXT(analyzer=stem, phrase=False),
        body=fields.TEXT(analyzer=stem, phrase=False),
        source=fields.ID(stored=True),
        category=fields.ID(stored=True),
        date=fields.ID(stored=True),
        url=fields.STORED(),
        snippet=fields.STORED(),
        analysis=fields.STORED(),
    )


def plain_text(markup):
    """Text of article HTML (one <p> per paragraph, text escaped)."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", markup or ""))).strip()


def snippet_of(text, max_chars):
    """The lead cut at a word boundary, for result lists."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind(" ", 0, max_chars)
    return text[:cut if cut > 0 else max_chars] + "…"


def article_record(article, snippet_chars):
    """The plain data indexed from one Pelican article."""
    meta = article.metadata
    category = getattr(article, "category", None)
    lead = plain_text(getattr(article, "summary", "")) or plain_text(article.content)
    record = {
        "source_file": str(meta.get("source_file") or article.source_path),
        "url": article.url,
        "title": plain_text(article.title),
        "kicker": plain_text(meta.get("kicker", "")),
        "body": plain_text(article.content),
        "snippet": snippet_of(lead, snippet_chars),
        "date": "" if meta.get("undated") else article.date.strftime("%Y-%m-%d"),
        "source": str(meta.get("source") or ""),
        "category": str(category or ""),
    }
    digest = hashlib.sha1(repr(sorted(record.items())).encode("utf-8"))
    record["content_hash"] = digest.hexdigest()
    return record


def varint(n, out):
    """Append `n` as an unsigned LEB128 varint to the bytearray `out`."""
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def encode_positions(positions):
    """Count, then the gaps between increasing positions, as varints."""
    out = bytearray()
    varint(len(positions), out)
    prev = 0
    for p in positions:
        varint(p - prev, out)
        prev = p
    return bytes(out)


def analyse(record):
    """Stems of each text field, and the stored analysis of the record.

    The stored analysis is what the export needs, per document:
    ((field lengths), [(stem, (tf per field), (exact forms), positions)]),
    positions already encoded, offset by field (`POSITION_OFFSET`).
    """
    per_stem = {}
    field_stems = {}
    for f, name in enumerate(TEXT_FIELDS):
        offset = POSITION_OFFSET[name]
        seq = []
        for token in tokenize(record[name]):
            entry = per_stem.get(token.stem)
            if entry is None:
                entry = per_stem[token.stem] = ([0, 0, 0], set(), [])
            entry[0][f] += 1
            entry[1].add(token.text)
            entry[2].append(token.pos + offset)
            seq.append(token.stem)
        field_stems[name] = seq
    entries = [(stem, tuple(tf), tuple(sorted(exacts)), encode_positions(poses))
               for stem, (tf, exacts, poses) in per_stem.items()]
    lengths = tuple(len(field_stems[name]) for name in TEXT_FIELDS)
    return field_stems, (lengths, entries)


def whoosh_document(record):
    """The Whoosh fields of one record, analysed once."""
    doc, doc["analysis"] = analyse(record)
    doc["_stored_title"] = record["title"]
    for name in ("source_file", "content_hash", "source", "category", "date",
                 "url", "snippet"):
        doc[name] = record[name]
    return doc


def open_index(path):
    """The index at `path`, created (or re-created if its schema changed)."""
    path.mkdir(parents=True, exist_ok=True)
    schema = make_schema()
    if index.exists_in(str(path)):
        ix = index.open_dir(str(path))
        if ix.schema.names() == schema.names():
            return ix
        logger.info("arshif_search: index schema changed, rebuilding %s", path)
    return index.create_in(str(path), schema)


def update_index(path, records, limitmb=256):
    """Bring the index at `path` in line with `records`; returns counts.

    Articles whose hash is unchanged are kept; changed and removed ones are
    deleted, new and changed ones are analysed and added.
    """
    ix = open_index(path)
    wanted = {r["source_file"]: r for r in records}
    with ix.reader() as reader:
        indexed = {f["source_file"]: f["content_hash"]
                   for f in reader.all_stored_fields()}
    stale = [sf for sf, h in indexed.items()
             if sf not in wanted or wanted[sf]["content_hash"] != h]
    new = [r for sf, r in wanted.items() if indexed.get(sf) != r["content_hash"]]
    if stale or new:
        writer = ix.writer(limitmb=limitmb)
        for sf in stale:
            writer.delete_by_term("source_file", sf)
        for record in new:
            writer.add_document(**whoosh_document(record))
        writer.commit()
    ix.close()
    return {"added": len(new), "deleted": len(stale),
            "kept": len(indexed) - len(stale)}
