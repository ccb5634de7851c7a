"""Sidecar metadata (manifest.tsv / .csv / .jsonl) that overrides what is extracted."""

import csv
import dataclasses
import datetime
import json
import logging
import os
import re

logger = logging.getLogger(__name__)

MANIFEST_NAMES = ("manifest.tsv", "manifest.csv", "manifest.jsonl")
# Columns naming the seed file, in order of preference.
FILE_KEYS = ("file", "filename", "source_file", "path", "name", "id")
# Columns with a meaning of their own; any other column is kept as it is.
KNOWN_COLUMNS = {"file", "filename", "source_file", "path", "name", "id",
                 "title", "date", "source", "category", "author", "url"}
# Metadata names Pelican or Arshif give a meaning to: a column never overwrites them.
RESERVED = {"slug", "lang", "status", "template", "save_as", "url", "summary", "tags",
            "translation", "modified", "content_hash", "dir", "kicker", "undated",
            "title_generated", "word_count", "reading_time", "source_file", "original_url"}
DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%d/%m/%Y",
)


@dataclasses.dataclass
class Manifest:
    path: str | None = None
    rows: dict = dataclasses.field(default_factory=dict)
    problems: list = dataclasses.field(default_factory=list)


def parse_date(value):
    """A manifest date as a datetime, or None when it is not a date we can trust."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
        for fmt in DATE_FORMATS:
            try:
                parsed = datetime.datetime.strptime(value, fmt)
                break
            except ValueError:
                continue
    if parsed is None or not 1800 <= parsed.year <= 2100:
        return None
    return parsed


def _rows_from_file(path):
    name = os.path.basename(path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        if name.endswith(".jsonl"):
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as err:
                        yield number, None, f"line {number}: not JSON ({err.msg})"
                        continue
                    if isinstance(row, dict):
                        yield number, row, None
                    else:
                        yield number, None, f"line {number}: not a JSON object"
        else:
            dialect = "excel-tab" if name.endswith(".tsv") else "excel"
            for number, row in enumerate(csv.DictReader(handle, dialect=dialect), 2):
                yield number, row, None


def load_manifest(folder):
    """Read the first manifest found in `folder`; every problem is kept as a message."""
    manifest = Manifest()
    for name in MANIFEST_NAMES:
        path = os.path.join(folder, name)
        if os.path.isfile(path):
            manifest.path = path
            break
    else:
        return manifest
    try:
        for number, row, problem in _rows_from_file(manifest.path):
            if problem:
                manifest.problems.append(f"{name} {problem}")
                continue
            row = {str(k).strip().lower(): ("" if v is None else str(v).strip())
                   for k, v in row.items() if k is not None}
            key = next((row[k] for k in FILE_KEYS if row.get(k)), None)
            if not key:
                manifest.problems.append(f"{name} line {number}: no file name column")
                continue
            key = key.replace("\\", "/")
            if key in manifest.rows:
                manifest.problems.append(f"{name} line {number}: {key} listed twice, later row wins")
            manifest.rows[key] = row
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        manifest.problems.append(f"{name}: cannot be read ({err})")
    return manifest


def apply_row(metadata, row, make_named):
    """Known metadata from a manifest row wins over what was extracted; returns warnings."""
    warnings = []
    if row.get("title"):
        metadata["title"] = row["title"]
        metadata["title_generated"] = False
    if row.get("date"):
        date = parse_date(row["date"])
        if date is None:
            kept = "the article stays undated" if metadata.get("undated") else "kept the date found in the text"
            warnings.append(f"manifest date {row['date']!r} is not a date; {kept}")
        else:
            metadata["date"] = date
            metadata["undated"] = False
    if row.get("source"):
        metadata["source"] = row["source"]
    if row.get("category"):
        metadata["category"] = make_named("category", row["category"])
    if row.get("author"):
        metadata["author"] = make_named("author", row["author"])
    if row.get("url"):
        if re.match(r"https?://[^\s/]+", row["url"], re.I):
            metadata["original_url"] = row["url"]
        else:
            warnings.append(f"manifest url {row['url']!r} is not an http(s) address; left out")
    for column, value in row.items():
        if column not in KNOWN_COLUMNS and value:
            metadata["manifest_" + column if column in RESERVED else column] = value
    return warnings
