"""Sidecar metadata (manifest.tsv / .csv / .jsonl): data about the seeds, never configuration.

Known columns map to article fields; every other column is kept, as text, in
one dict (`manifest_extra`) and can never set one of Pelican's attributes
(`_content`, `override_save_as`, `status`, `timezone`, …). Every value is
cleaned like seed text (NFC, controls, non-characters, bidi controls) and
made one line. A TSV cell is everything between two tabs: quotes are text
(Arabic headlines often open with one), except around a cell a CSV writer
quoted because it held a quote (`_unquoted`).
"""

import csv
import dataclasses
import datetime
import functools
import io
import json
import logging
import os
import posixpath
import re
import unicodedata

from .decoding import SeedRejected, decode_seed
from .normalize import normalize_text

logger = logging.getLogger(__name__)

MANIFEST_NAMES = ("manifest.tsv", "manifest.csv", "manifest.jsonl")
# Columns naming the seed file, in order of preference.
FILE_KEYS = ("file", "filename", "source_file", "path", "name", "id")
# Columns with a meaning of their own; any other goes to `manifest_extra`.
KNOWN_COLUMNS = {"file", "filename", "source_file", "path", "name", "id",
                 "title", "date", "source", "category", "author", "url"}
EXTRA = "manifest_extra"
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
    # Where each row came from ("manifest.tsv line 7"), by file key.
    lines: dict = dataclasses.field(default_factory=dict)

    def row(self, source_file):
        """The row naming the seed `source_file` (its path inside the seeds folder), or None."""
        return self.rows.get(match_key(source_file))


def clean(value):
    """A manifest value as one line of clean text ("" for nothing)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False)
    return _clean_text(value)


@functools.lru_cache(maxsize=256)
def _clean_text(value):
    """Remembered for the values every row repeats (column names, sources,
    categories): cleaning them took a tenth of a 20,000-seed rebuild."""
    return " ".join(normalize_text(value).split())


def match_key(name):
    """How file names are compared: in NFC (file systems differ in the form they keep)."""
    return unicodedata.normalize("NFC", name)


def file_key(name):
    """The path a row names inside the seeds folder (`./a.txt`, `sub//a.txt` and
    `sub/../a.txt` are `a.txt`), or None when it leads out of the folder."""
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return None
    name = posixpath.normpath(name)
    if name in (".", "..") or name.startswith("../"):
        return None
    return match_key(name)


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


def _rows_from_text(name, text):
    """(line number, row or None, problem or None) for every record of the manifest."""
    if name.endswith(".jsonl"):
        for number, line in enumerate(text.split("\n"), 1):
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
        yield from _with_header(_tsv_cells(text) if name.endswith(".tsv") else _csv_cells(text))


def _tsv_cells(text):
    """(line number, cells) of a TSV: tabs split, quotes are text (but `_unquoted`)."""
    for number, line in enumerate(text.split("\n"), 1):
        yield number, [_unquoted(cell) for cell in line.removesuffix("\r").split("\t")]


# A cell that a CSV writer quoted because it held a quote: wrapped in quotes, every quote
# inside doubled, and at least one inside (`"""معا نبنى مصر"" تستهدف …"` is `"معا نبنى مصر"
# تستهدف …`; 3,543 of the 20,000 titles of the development manifest). A cell that only opens
# and closes with a quote (`"مقتبس"`) is text.
_CSV_QUOTED = re.compile(r'"((?:[^"]|"")*""(?:[^"]|"")*)"')


def _unquoted(cell):
    quoted = _CSV_QUOTED.fullmatch(cell)
    return quoted[1].replace('""', '"') if quoted else cell


def _csv_cells(text):
    """(line number, cells) of a CSV, read strictly: an unbalanced quote is an error at the
    end of the file, not rows silently merged."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    for cells in reader:
        yield reader.line_num, cells


def _with_header(numbered_cells):
    """Rows as dicts under the first non-blank row; a row with more cells than columns is a problem."""
    header = None
    for number, cells in numbered_cells:
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            yield number, None, (f"line {number}: {len(cells)} cells for {len(header)} "
                                 "columns; row not applied")
            continue
        yield number, dict(zip(header, cells)), None


def load_manifest(folder, read=None):
    """Read the first manifest found in `folder`; every problem is kept as a message.

    `read(path)` returns the file's bytes (the seeds folder's boundary checks);
    it raises SeedRejected when the file may not be read.
    """
    manifest = Manifest()
    for name in MANIFEST_NAMES:
        path = os.path.join(folder, name)
        if os.path.lexists(path):
            manifest.path = path
            break
    else:
        return manifest
    try:
        decoded = decode_seed((read or _read_bytes)(path))
    except (OSError, SeedRejected) as err:
        manifest.problems.append(f"{name}: cannot be read ({getattr(err, 'reason', err)})")
        return manifest
    manifest.problems += [f"{name}: {warning}" for warning in decoded.warnings]
    try:
        for number, row, problem in _rows_from_text(name, decoded.text):
            if problem:
                manifest.problems.append(f"{name} {problem}")
                continue
            # The file name as written (two spaces are two spaces); every other value cleaned.
            raw = {clean(k).lower(): v for k, v in row.items() if clean(k)}
            named = next((str(raw[k]).strip() for k in FILE_KEYS
                          if isinstance(raw.get(k), (str, int)) and str(raw[k]).strip()), None)
            row = {k: clean(v) for k, v in raw.items()}
            if not named:
                manifest.problems.append(f"{name} line {number}: no file name column; row not applied")
                continue
            key = file_key(named)
            if key is None:
                manifest.problems.append(
                    f"{name} line {number}: {named} is outside the seeds folder; row not applied")
                continue
            if key in manifest.rows:
                manifest.problems.append(f"{name} line {number}: {key} listed twice, later row wins")
            manifest.rows[key] = row
            manifest.lines[key] = f"{name} line {number}"
    except csv.Error as err:
        manifest.problems.append(f"{name}: cannot be read after its last applied row ({err}); "
                                 "the rows from there on are not applied")
    return manifest


def _read_bytes(path):
    with open(path, "rb") as handle:
        return handle.read()


def has_letters(name):
    """A name worth a page: it holds a letter or a digit."""
    return bool(re.search(r"[^\W_]", name))


def apply_row(metadata, row, make_named):
    """Known metadata from a manifest row wins over what was extracted; returns warnings.

    Every other column goes to metadata["manifest_extra"], never to metadata
    of its own (Pelican turns each metadata name into an attribute).
    """
    row = {clean(k).lower(): clean(v) for k, v in row.items() if clean(k)}
    warnings = []
    # A title that is the text's kicker took it for the headline (some sites
    # publish the kicker as the title): the headline found under it stays.
    if row.get("title") and row["title"] != metadata.get("kicker"):
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
    for field, fallback in (("source", "no source is shown"), ("category", "the default category is kept"),
                            ("author", "no author is shown")):
        value = row.get(field)
        if value and not has_letters(value):
            warnings.append(f"manifest {field} {value!r} has no letter or digit; {fallback}")
        elif value and field == "source":
            metadata["source"] = value
        elif value:
            metadata[field] = make_named(field, value)
    if row.get("url"):
        if re.match(r"https?://[^\s/]+", row["url"], re.I):
            metadata["original_url"] = row["url"]
        else:
            warnings.append(f"manifest url {row['url']!r} is not an http(s) address; left out")
    extra = {column: value for column, value in row.items() if column not in KNOWN_COLUMNS and value}
    if extra:
        metadata[EXTRA] = extra
    return warnings
