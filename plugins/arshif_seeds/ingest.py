"""What the build does with every seed: manifest overrides, duplicates, tags, the report."""

import hashlib
import html
import json
import logging
import os
import re
from collections import defaultdict

from arshif_core import pelican_compat
from pelican.contents import Author, Category, Tag
from pelican.log import console

from . import boundary, cachefile, config, keywords
from .ids import display_name, name_slug
from .byline import declared_author
from .furniture import EMPTY
from .manifest import MANIFEST_NAMES, Manifest, apply_row, has_letters, load_manifest, match_key
from .normalize import normalize_text
from .report import IngestReport

logger = logging.getLogger(__name__)
MANIFEST_CACHE = "arshif-manifest.pickle"

class Ingest:
    """One build's state: the seeds folder, its manifest and the report."""

    def __init__(self, settings):
        self.settings = settings
        self.root = config.seeds_path(settings)
        max_bytes = config.setting(settings, "SEEDS_MAX_BYTES")
        inside = self.root and os.path.isdir(self.root)
        # Entries of the seeds folder no reader may open, with why (see boundary).
        extensions = tuple("." + e for e in config.setting(settings, "SEEDS_EXTENSIONS"))
        self.hazards = boundary.hazards(self.root, max_bytes, extensions) if inside else {}
        # Read again only when a manifest file changed (cleaning 20,000 rows was a tenth of a rebuild).
        self.manifest = cachefile.kept(
            os.path.join(settings.get("CACHE_PATH", "cache"), MANIFEST_CACHE),
            (self.root, max_bytes, cachefile.files_stamp(os.path.join(self.root, n) for n in MANIFEST_NAMES)),
            lambda: load_manifest(self.root, lambda path: boundary.read_seed(path, self.root, max_bytes))
        ) if inside else Manifest()
        self.report = IngestReport(self.root)
        self.report.problems.extend(self.manifest.problems)
        self.seen = 0
        self.urls = {}
        self.tags = {}
        # What each source's seeds taught (learning.Archive) and the dump files to read
        # ({name: path}), both set before reading.
        self.archive = None
        self.dumps = {}

    def on_context(self, metadata, row=None):
        """Apply the seed's manifest row (or a dump record's fields, `row`) and report it."""
        if metadata.get("reader") != "seed":
            return
        self.seen += 1
        every = config.setting(self.settings, "SEEDS_PROGRESS_EVERY")
        if every and self.seen % every == 0:
            console.print(f"Read {self.seen} seeds…")
        source_file = metadata["source_file"]
        if metadata.get("status") == "skip":
            logger.warning("Seed %s rejected: %s", source_file, metadata["arshif_reason"])
            self.report.record(source_file, "rejected", reason=metadata["arshif_reason"])
            return
        warnings = list(metadata.get("arshif_warnings", []))
        row = row if row is not None else self.manifest.row(source_file)
        if row and row.get("author") and has_letters(row["author"]):
            row = self.declared_author(metadata, row)
        if row:
            generated = metadata.get("title_generated")
            try:
                warnings += apply_row(metadata, row, lambda kind, name: named(kind, name, self.settings))
            except Exception as err:  # noqa: BLE001 - the seed's rejection, not the build's failure
                logger.exception("Seed %s: manifest row could not be applied", source_file)
                reason = " ".join(f"its manifest row could not be applied ({err})".split())
                metadata["status"] = "skip"
                self.report.record(source_file, "rejected", reason=reason)
                return
            metadata["arshif_title_in_body"] = bool(generated and row.get("title"))
        for warning in warnings:
            logger.warning("Seed %s: %s", source_file, warning)
        self.report.record(
            source_file, "published", warnings=warnings, title=metadata["title"],
            title_generated=metadata.get("title_generated"), undated=metadata.get("undated"),
            encoding=metadata.get("encoding"), boilerplate_removed=metadata.get("arshif_removed"),
            furniture_removed=metadata.get("arshif_learned"),
        )

    def declared_author(self, metadata, row):
        """The row with its author field read as a byline: a place or desk is never an author."""
        profile = self.archive.profile_of(metadata["source_file"]) if self.archive else EMPTY
        declared = declared_author(row["author"], profile)
        if declared.get("place") and not metadata.get("place"):
            metadata["place"] = declared["place"]
        if "author" not in declared:
            logger.debug("Seed %s: author field %r names no person; no author is shown",
                         metadata["source_file"], row["author"])
        return dict(row, author=declared.get("author", ""))

    def drop_foreign(self, articles):
        """Files in the seeds folder that another reader took (Markdown, HTML) are not seeds.

        Publishing them would bypass everything the seed reader guarantees
        (escaping included), so they are left out and listed as ignored.
        """
        kept = []
        for article in articles:
            path = os.path.abspath(article.source_path)
            inside = self.root and os.path.commonpath([self.root, path]) == self.root
            if inside and getattr(article, "reader", "seed") != "seed":
                rel = os.path.relpath(path, self.root).replace(os.sep, "/")
                self.report.record(rel, "ignored", reason=f"not a seed file type ({article.reader} file)")
                logger.warning("Seed folder file %s ignored: not a seed file type", rel)
            else:
                kept.append(article)
        return kept

    def merge_duplicates(self, articles):
        """Publish each exact copy (the same headline and text) once, on the copy with the
        earliest date, then the most metadata; the page lists every other copy's
        outlet, date and address (`copies`), and the report records them as merged.

        The same text under another headline is another publication: both are published.
        """
        groups = defaultdict(list)
        for article in articles:
            key = getattr(article, "content_hash", None)
            groups[(key, _title_key(article.title)) if key else id(article)].append(article)
        merged = set()
        for group in groups.values():
            if len(group) < 2:
                continue
            group.sort(key=_keeper_order)
            keeper = group[0]
            keeper.duplicates = [a.source_file for a in group[1:]]
            keeper.copies = keeper.metadata["copies"] = [_copy(a) for a in group[1:]]
            for dup in group[1:]:
                merged.add(id(dup))
                self.report.record(dup.source_file, "merged", merged_into=keeper.source_file,
                                   url=keeper.url, title=dup.title)
        return unique_addresses([a for a in articles if id(a) not in merged])

    def assign_tags(self, articles):
        seeds = [a for a in articles if getattr(a, "arshif_terms", None) is not None]
        chosen = keywords.choose_tags([a.arshif_terms for a in seeds],
                                      config.setting(self.settings, "SEEDS_MAX_TAGS"))
        for article, tags in zip(seeds, chosen):
            article.tags = [self.tag(t) for t in tags]

    def tag(self, name):
        """One Tag object a name per build (slugs hash the name; tags repeat)."""
        if name not in self.tags:
            self.tags[name] = named("tag", name, self.settings)
        return self.tags[name]

    def collect_urls(self, articles):
        self.urls = {a.source_file: (a.url, a.save_as) for a in articles if hasattr(a, "source_file")}

    def finish(self):
        """Give every leftover file a line, write the report and say where it is."""
        extensions = tuple("." + e for e in config.setting(self.settings, "SEEDS_EXTENSIONS"))
        for relative, reason in self.hazards.items():
            name = display_name(relative.replace(os.sep, "/"))
            outcome = "rejected" if name.endswith(extensions) else "ignored"
            if name not in self.report.entries:
                logger.warning("Seed folder entry %s %s: %s", name, outcome, reason)
                self.report.record(name, outcome, reason=reason)
        self.check_pages()
        reasons = {}
        if self.manifest.path:
            reasons[os.path.basename(self.manifest.path)] = "manifest"
        self.report.account_for_folder(reasons)
        self.unapplied_rows()
        if self.archive:
            self.report.sources = self.archive.report(self.report.entries)
        path = config.report_path(self.settings)
        self.report.write(path)
        self.report.announce(path)

    def check_pages(self):
        """A seed is published only if Pelican kept it and its page is in the output folder.

        Pelican drops an article it cannot make (logging why) after the seed
        was read; the report says so instead of "published".
        """
        output = self.settings.get("OUTPUT_PATH", "")
        selected = self.settings.get("WRITE_SELECTED")
        for entry in self.report.entries.values():
            if entry["outcome"] != "published":
                continue
            url, save_as = self.urls.get(entry["file"], (None, None))
            if url is None:
                reason = "no article was made of it (see the error above in the build log)"
            elif not selected and not os.path.isfile(os.path.join(output, save_as)):
                reason = f"its page {save_as} was not written (see the build log)"
            else:
                entry.setdefault("url", url)
                continue
            logger.error("Seed %s rejected: %s", entry["file"], reason)
            entry.update(outcome="rejected", reason=reason)
        for entry in self.report.entries.values():
            keeper = self.report.entries.get(entry.get("merged_into"))
            if entry["outcome"] == "merged" and keeper and keeper["outcome"] != "published":
                entry.update(outcome="rejected", reason=f"same text as {keeper['file']}, which has no page")
                entry.pop("url", None)

    def unapplied_rows(self):
        """Every manifest row not applied to a published (or merged) seed is a problem, with why."""
        entries = {match_key(name): entry for name, entry in self.report.entries.items()}
        for name in self.manifest.rows:
            entry = entries.get(name)
            if entry is None:
                why = "no such file in the seeds folder"
            elif entry["outcome"] in ("published", "merged"):
                continue
            else:
                why = f"the file was {entry['outcome']}: {entry.get('reason', '')}".rstrip(": ")
            problem = f"{self.manifest.lines[name]}: row for {name} not applied ({why})"
            logger.warning("%s", problem)
            self.report.problems.append(problem)



class StrictBuildFailed(RuntimeError):
    """Strict mode found problems in the build (listed before it is raised)."""

    exitcode = 1  # what `pelican` exits with


def check_strict(path, fail=True):
    """List anything the ingest report at `path` names as rejected, warned about or wrong
    in the manifest; then, when `fail`, raise StrictBuildFailed."""
    with open(path, encoding="utf-8") as handle:
        report = json.load(handle)
    faults = [f"{e['file']}: rejected: {e['reason']}" for e in report["files"] if e["outcome"] == "rejected"]
    faults += [f"{e['file']}: {w}" for e in report["files"] for w in e.get("warnings", ())]
    faults += report["manifest_problems"]
    if faults:
        console.print(f"Strict build {'failed' if fail else 'found'}: {len(faults)} problem(s), see {path}")
        for fault in faults:
            console.print(f"  {fault}", markup=False, highlight=False)
        if fail:
            raise StrictBuildFailed(f"{len(faults)} problem(s) in strict mode, see {path}")


def _title_key(title):
    return " ".join(normalize_text(str(title)).split())


# What makes one copy richer than another, for choosing the one to publish.
_RICH = ("source", "author", "original_url", "place", "agency", "kicker")


def _keeper_order(article):
    """Earliest dated first, then the most metadata, then the seed's name."""
    undated = bool(getattr(article, "undated", False))
    richness = sum(1 for name in _RICH if getattr(article, name, None))
    return (undated, article.date if not undated else 0, -richness, article.source_file)


def _copy(article):
    """What the page says of a copy merged into it: outlet, date, original address."""
    undated = bool(getattr(article, "undated", False))
    return {"source": getattr(article, "source", None) or None,
            "date": None if undated else article.date,
            "url": getattr(article, "original_url", None) or None}


def unique_addresses(articles):
    """Every article gets a page of its own: a slug taken by an earlier article
    (by source file name; hand-written articles first) gets a hash of the seed's
    name. Seed slugs are distinct by construction (`ids.seed_slug`) but a hash
    can still meet a Markdown article's slug or another hash. Pages are
    addressed by slug (ARTICLE_SAVE_AS); slugs are compared, which costs
    nothing, and save_as is computed only for a clash."""
    taken = set()
    ordered = sorted(articles, key=lambda a: (hasattr(a, "source_file"),
                                              getattr(a, "source_file", "") or a.source_path))
    for article in ordered:
        if article.slug in taken and hasattr(article, "source_file"):
            base, n = article.slug, 0
            while article.slug in taken:
                n += 1
                digest = hashlib.sha1(f"{article.source_file}\0{n}".encode("utf-8", "surrogateescape"))
                article.slug = article.metadata["slug"] = f"{base}-{digest.hexdigest()[:12]}"
            logger.warning("Seed %s: address taken by another article; published at %s",
                           article.source_file, article.save_as)
        taken.add(article.slug)
    return articles


def drop_repeated_title(article):
    """A known headline (from the manifest) is not body text when the seed's first line repeats it."""
    if not getattr(article, "arshif_title_in_body", False):
        return
    body = pelican_compat.body_html(article) or ""
    first = re.match(r"<p>(.*?)</p>\n?", body, re.S)
    title = " ".join(html.escape(normalize_text(article.title), quote=False).split())
    if first and " ".join(first.group(1).split()) == title:
        pelican_compat.set_body_html(article, body[first.end():])


KINDS = {"tag": Tag, "category": Category, "author": Author}


def named(kind, name, settings):
    """A Tag, Category or Author with a collision-free ASCII slug."""
    obj = KINDS[kind](name, settings)
    obj.slug = name_slug(name, config.setting(settings, "ARSHIF_SLUGS"))
    return obj
