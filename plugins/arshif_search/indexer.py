"""Keep a Whoosh index of the site's articles in the cache folder.

The index is the build-time store the static export is read from. It is
updated incrementally: each article is keyed by its `source_file` and a hash
of everything indexed from it, so an unchanged article is never analysed or
written again. Each article is analysed once (`analyzer.tokenize`) and the
fields receive lists of terms (Whoosh indexes a list as given, positions
counting the terms), so the four term fields cost one analysis, not four.
Stop words are left out, so phrase positions count the words that are kept.
"""

import hashlib
import html
import logging
import re

from whoosh import fields, index

from .analyzer import ExactAnalyzer, StemAnalyzer, tokenize

logger = logging.getLogger(__name__)

# Joins a stem and one of its exact forms in the `exact` field's terms, so the
# export knows which stem each exact form belongs to.
PAIR_SEP = "\x1f"

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def make_schema():
    """Whoosh schema: stems with positions per text field, exact forms,
    facets, and the stored fields the export needs for results."""
    stem = StemAnalyzer()
    return fields.Schema(
        source_file=fields.ID(stored=True, unique=True),
        content_hash=fields.STORED(),
        title=fields.TEXT(analyzer=stem, phrase=True, stored=True),
        kicker=fields.TEXT(analyzer=stem, phrase=True),
        body=fields.TEXT(analyzer=stem, phrase=True),
        exact=fields.TEXT(analyzer=ExactAnalyzer(), phrase=False),
        source=fields.ID(stored=True),
        category=fields.ID(stored=True),
        date=fields.ID(stored=True),
        url=fields.STORED(),
        snippet=fields.STORED(),
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


def _terms(text, exact_pairs):
    """Stems of `text`; adds its (stem, exact form) pairs to the set."""
    stems = []
    for token in tokenize(text):
        stems.append(token.stem)
        exact_pairs.add(token.stem + PAIR_SEP + token.text)
    return stems


def whoosh_document(record):
    """The Whoosh fields of one record, analysed once."""
    pairs = set()
    doc = {
        "title": _terms(record["title"], pairs),
        "kicker": _terms(record["kicker"], pairs),
        "body": _terms(record["body"], pairs),
    }
    doc["exact"] = sorted(pairs)
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
