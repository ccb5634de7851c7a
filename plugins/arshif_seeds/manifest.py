"""Sidecar metadata (manifest.tsv / .csv / .jsonl) that overrides what is extracted."""

import csv
import dataclasses
import datetime
import json
import logging
import os

logger = logging.getLogger(__name__)

MANIFEST_NAMES = ("manifest.tsv", "manifest.csv", "manifest.jsonl")
# Columns naming the seed file, in order of preference.
FILE_KEYS = ("file", "filename", "source_file", "path", "name", "id")
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
