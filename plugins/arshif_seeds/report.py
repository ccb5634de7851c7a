"""The ingest report: what happened to every file in the seeds folder."""

import fnmatch
import json
import os

from pelican.log import console

from .ids import display_name

OUTCOMES = ("published", "merged", "rejected", "ignored")


# Files in a seeds folder that are never articles, whatever their extension, with why.
NOT_ARTICLES = (
    ("a file the operating system keeps", (".DS_Store", "Thumbs.db", "desktop.ini", "ehthumbs.db",
                                            "Icon\r", "._*")),
    ("an editor's backup, swap or lock file", ("*~", "#*#", ".#*", "*.swp", "*.swo", "*.swx",
                                               "*.bak", "*.tmp", "~$*")),
    ("a hidden file (its name starts with a dot)", (".*",)),
)
IGNORE_PATTERNS = [pattern for _, patterns in NOT_ARTICLES for pattern in patterns]


def not_an_article(rel):
    """Why the file at `rel` (inside the seeds folder) is not an article, or None."""
    *folders, name = rel.split("/")
    for folder in folders:
        if folder.startswith("."):
            return f"inside a hidden folder ({folder})"
    for reason, patterns in NOT_ARTICLES:
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            return reason
    return None


class IngestReport:
    def __init__(self, seeds_root):
        self.seeds_root = seeds_root
        self.entries = {}
        self.problems = []
        # Per source: the furniture learned from its seeds and how many it touched.
        self.sources = {}
        # Same-story groups (arshif_theme.stories): lists of seed names.
        self.stories = []

    def record(self, source_file, outcome, **details):
        entry = {"file": source_file, "outcome": outcome}
        entry.update({k: v for k, v in details.items() if v not in (None, [], "")})
        self.entries[source_file] = entry

    def account_for_folder(self, reasons_by_name):
        """Every file in the seeds folder that no reader took gets an 'ignored' line."""
        if not self.seeds_root or not os.path.isdir(self.seeds_root):
            return
        for dirpath, dirs, files in os.walk(self.seeds_root):
            dirs.sort()
            for name in files:
                rel = os.path.relpath(os.path.join(dirpath, name), self.seeds_root)
                rel = display_name(rel.replace(os.sep, "/"))
                if rel not in self.entries:
                    reason = (reasons_by_name.get(rel) or not_an_article(rel)
                              or "not a seed file type (no reader for it)")
                    self.record(rel, "ignored", reason=reason)

    def counts(self):
        counts = dict.fromkeys(OUTCOMES, 0)
        for entry in self.entries.values():
            counts[entry["outcome"]] += 1
        return counts

    def warnings(self):
        return [e for e in self.entries.values() if e.get("warnings")]

    def as_dict(self):
        return {
            "seeds": self.seeds_root,
            "counts": self.counts(),
            "manifest_problems": self.problems,
            "sources": self.sources,
            "stories": self.stories,
            "files": [self.entries[k] for k in sorted(self.entries)],
        }

    def write(self, path):
        """Written whole or not at all: a report is never a truncated JSON file."""
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        text = json.dumps(self.as_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        data = text.encode("utf-8", "backslashreplace")
        with open(path + ".tmp", "wb") as handle:
            handle.write(data)
        os.replace(path + ".tmp", path)

    def summary(self, path):
        c = self.counts()
        return (
            f"Seeds: {c['published']} published, {c['merged']} merged as duplicates, "
            f"{c['rejected']} rejected, {len(self.warnings())} with warnings, "
            f"{len(self.problems)} manifest problems, {c['ignored']} other files; "
            f"report: {path}"
        )

    def announce(self, path):
        console.print(self.summary(path))
