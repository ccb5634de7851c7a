"""What the build does with every seed: manifest overrides, duplicates, tags, the report."""

import html
import logging
import os
import re
from collections import defaultdict

from pelican.contents import Author, Category, Tag
from pelican.log import console

from . import config, keywords
from .ids import name_slug
from .manifest import apply_row, load_manifest
from .normalize import normalize_text
from .report import IngestReport

logger = logging.getLogger(__name__)

class Ingest:
    """One build's state: the seeds folder, its manifest and the report."""

    def __init__(self, settings):
        self.settings = settings
        self.root = config.seeds_path(settings)
        self.manifest = load_manifest(self.root) if self.root and os.path.isdir(self.root) else load_manifest("")
        self.report = IngestReport(self.root)
        self.report.problems.extend(self.manifest.problems)
        self.seen = 0
        self.urls = {}
        self.tags = {}

    def on_context(self, metadata):
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
        row = self.manifest.rows.get(source_file)
        if row:
            generated, extracted = metadata.get("title_generated"), metadata["title"]
            warnings += apply_row(metadata, row, lambda kind, name: named(kind, name, self.settings))
            metadata["arshif_title_in_body"] = bool(generated and row.get("title"))
            if metadata.get("kicker") and metadata["kicker"] == metadata["title"]:
                # Sites like Youm7 publish the kicker as the title; the headline is the next line.
                metadata["title"] = extracted
        for warning in warnings:
            logger.warning("Seed %s: %s", source_file, warning)
        self.report.record(
            source_file, "published", warnings=warnings, title=metadata["title"],
            title_generated=metadata.get("title_generated"), undated=metadata.get("undated"),
            encoding=metadata.get("encoding"), boilerplate_removed=metadata.get("arshif_removed"),
        )

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
        """Publish each exact duplicate once; the others are recorded as merged into it."""
        groups = defaultdict(list)
        for article in articles:
            key = getattr(article, "content_hash", None)
            groups[key or id(article)].append(article)
        merged = set()
        for group in groups.values():
            if len(group) < 2:
                continue
            group.sort(key=lambda a: a.source_file)
            keeper = group[0]
            keeper.duplicates = [a.source_file for a in group[1:]]
            for dup in group[1:]:
                merged.add(id(dup))
                self.report.record(dup.source_file, "merged", merged_into=keeper.source_file,
                                   url=keeper.url, title=dup.title)
        return [a for a in articles if id(a) not in merged]

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
        self.urls = {a.source_file: a.url for a in articles if hasattr(a, "source_file")}

    def finish(self):
        """Give every leftover file a line, write the report and say where it is."""
        for name, row in self.manifest.rows.items():
            if name not in self.report.entries:
                path = os.path.join(self.root, name)
                if not os.path.exists(path):
                    self.report.problems.append(f"manifest row for missing file {name}")
                    logger.warning("Manifest names %s, which is not in %s", name, self.root)
        reasons = {}
        if self.manifest.path:
            reasons[os.path.basename(self.manifest.path)] = "manifest"
        self.report.account_for_folder(reasons)
        for entry in self.report.entries.values():
            if entry["outcome"] == "published" and "url" not in entry:
                entry["url"] = self.urls.get(entry["file"])
        path = config.report_path(self.settings)
        self.report.write(path)
        self.report.announce(path)
        if config.setting(self.settings, "ARSHIF_STRICT"):
            self.enforce_strict(path)

    def enforce_strict(self, path):
        """In strict mode anything rejected, warned about or wrong in the manifest fails the build."""
        faults = [f"{e['file']}: rejected: {e['reason']}" for e in self.report.entries.values()
                  if e["outcome"] == "rejected"]
        faults += [f"{e['file']}: {w}" for e in self.report.warnings() for w in e["warnings"]]
        faults += self.report.problems
        if faults:
            console.print(f"Strict build failed: {len(faults)} problem(s), see {path}")
            for fault in faults:
                console.print(f"  {fault}", markup=False, highlight=False)
            raise SystemExit(1)


def drop_repeated_title(article):
    """A known headline (from the manifest) is not body text when the seed's first line repeats it."""
    if not getattr(article, "arshif_title_in_body", False):
        return
    first = re.match(r"<p>(.*?)</p>\n?", article._content or "", re.S)
    title = " ".join(html.escape(normalize_text(article.title), quote=False).split())
    if first and " ".join(first.group(1).split()) == title:
        article._content = article._content[first.end():]


KINDS = {"tag": Tag, "category": Category, "author": Author}


def named(kind, name, settings):
    """A Tag, Category or Author with a collision-free ASCII slug."""
    obj = KINDS[kind](name, settings)
    obj.slug = name_slug(name, config.setting(settings, "ARSHIF_SLUGS"))
    return obj
