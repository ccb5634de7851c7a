"""Dump files: one JSONL or CSV file of many articles, as crawlers often write them.

Each record is a seed named `<dump name>#<n>` (n: the line number in JSONL,
the record number in CSV with the header not counted). Its text goes through
the same reader as a `.txt` seed, and its fields win the way a manifest row's
do. A dump is streamed, never held in memory whole; a bad record is rejected
with its number and reason and nothing else is affected.
"""

import csv
import hashlib
import io
import json
import os

from .ids import seed_slug

DUMP_EXTENSIONS = (".jsonl", ".csv")
# A record's fields under the names crawlers give them; the first present wins.
ALIASES = {
    "title": ("title", "headline", "heading", "عنوان", "العنوان"),
    "text": ("text", "body", "content", "article", "article_body", "نص", "النص", "المحتوى"),
    "date": ("date", "published", "published_at", "publish_date", "pubdate", "datetime",
             "date_published", "time", "التاريخ"),
    "source": ("source", "site", "outlet", "publisher", "newspaper", "المصدر"),
    "category": ("category", "section", "feed", "القسم"),
    "author": ("author", "byline", "writer", "الكاتب"),
    "url": ("url", "link", "original_url", "href"),
    "id": ("id", "guid", "uid", "article_id"),
}
# CSV cells may hold a whole article.
csv.field_size_limit(1 << 30)


def is_dump(name: str) -> bool:
    base = os.path.basename(name).lower()
    return base.endswith(DUMP_EXTENSIONS) and not base.startswith("manifest.")


def records(path):
    """(n, fields, problem) for each record of the dump at `path`, streamed.

    `fields` maps the canonical names (ALIASES) to strings; `problem` is why the
    record cannot be an article (then `fields` is None).
    """
    if path.lower().endswith(".csv"):
        yield from _csv_records(path)
    else:
        yield from _jsonl_records(path)


def record_name(dump_name: str, n: int) -> str:
    return f"{dump_name}#{n}"


def record_slug(dump_name: str, n: int, fields: dict) -> str:
    """From the record's id, else from the dump's name and the record number."""
    if fields.get("id"):
        return seed_slug(fields["id"].strip() + ".txt")
    stem = os.path.splitext(os.path.basename(dump_name))[0]
    return seed_slug(f"{stem}-{n}.txt")


def digest(fields: dict) -> str:
    """Changes when anything the record says changes (its parse is cached by it)."""
    return hashlib.sha1(json.dumps(fields, sort_keys=True, ensure_ascii=False)
                        .encode("utf-8", "surrogatepass")).hexdigest()


def canonical(raw: dict):
    """(fields, problem): the record's known fields as strings, or why it is not an article."""
    folded = {str(key).strip().lower(): value for key, value in raw.items() if key is not None}
    fields = {}
    for name, aliases in ALIASES.items():
        for alias in aliases:
            value = folded.get(alias)
            if value not in (None, ""):
                fields[name] = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                break
    if "text" not in fields:
        if any(alias in folded for alias in ALIASES["text"]):
            return None, "empty text"
        return None, "no text field (" + ", ".join(ALIASES["text"][:4]) + " …)"
    if not fields["text"].strip():
        return None, "empty text"
    return fields, None


def _jsonl_records(path):
    with open(path, "rb") as handle:
        for n, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line.decode("utf-8-sig" if n == 1 else "utf-8"))
            except UnicodeDecodeError:
                yield n, None, "not UTF-8 text"
                continue
            except json.JSONDecodeError as err:
                yield n, None, f"not valid JSON ({err.msg})"
                continue
            if not isinstance(raw, dict):
                yield n, None, "not a JSON object"
                continue
            fields, problem = canonical(raw)
            yield n, fields, problem


def _csv_records(path):
    with open(path, "rb") as handle:
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", errors="strict", newline="")
        reader = csv.DictReader(text)
        n = 0
        while True:
            try:
                raw = next(reader)
            except StopIteration:
                return
            except UnicodeDecodeError:
                yield n + 1, None, "not UTF-8 text (the rest of the file cannot be read)"
                return
            except csv.Error as err:
                yield n + 1, None, f"not valid CSV ({err})"
                return
            n += 1
            if None in raw:
                yield n, None, "more cells than the header has columns"
                continue
            fields, problem = canonical(raw)
            yield n, fields, problem
