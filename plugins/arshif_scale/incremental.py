"""Skip re-rendering pages whose inputs did not change since the last build.

Pelican renders every page on every run, so adding one article to 20,000 costs
nearly a full build even with its content cache. An article page depends on the
article itself, its neighbours in the archive, which of its tags have pages, the
theme, the plugins and the settings. A listing page (tag, category, source,
period archive, front page) depends on what it lists of its articles, on the
site's menus and, for an index page, on the taxonomy with counts it shows.
When none of those changed and the files in the output folder are byte for
byte what this cache's last build wrote (SHA-1, see `file_record`),
they are left as they are: a page torn by a killed build, or written by a
build with another cache, is rendered again.

The output folder keeps the list of pages and feeds its last build wrote
(LEDGER, whichever cache that build used); a page of that list that this
build does not write (a removed seed, a tag that lost its page, a category
feed that no longer exists) is deleted, so that the folder holds what a clean
build would. Files the writer never wrote (the search index, theme files,
anything of the user's) are never touched.
"""

import hashlib
import json
import logging
import os

from arshif_core.pelican_compat import RecordingWriter, listing_pages
from jinja2 import meta
from pelican import signals

from .paging import StablePaginator

logger = logging.getLogger(__name__)

STATE_FILE = "arshif-written.json"
LEDGER = ".arshif-files.json"
# Settings that differ between runs without changing any page.
VOLATILE_SETTINGS = {"CACHE_PATH", "INGEST_REPORT_PATH", "WRITE_SELECTED", "ARSHIF_STRICT"}


def _digest(*parts):
    """SHA-1 of the parts: text as it is (a page's body is long), anything else by its repr."""
    sha = hashlib.sha1()
    for part in parts:
        kind, text = (b"s", part) if isinstance(part, str) else (b"r", repr(part))
        data = text.encode("utf-8", "surrogateescape")
        sha.update(b"%s%d:" % (kind, len(data)))
        sha.update(data)
    return sha.hexdigest()


def code_signature(settings):
    """Digest of the theme's files and the plugins' code."""
    sha = hashlib.sha1()
    folders = [settings["THEME"]] + [p for p in settings.get("PLUGIN_PATHS", []) if os.path.isdir(p)]
    for folder in folders:
        for dirpath, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(dirpath, name)
                sha.update(path.encode("utf-8", "surrogateescape"))
                with open(path, "rb") as handle:
                    sha.update(handle.read())
    return sha.hexdigest()


def file_record(path, known=None):
    """[SHA-1, size, mtime in ns] of a file, or None when it is not there.

    When size and mtime are those of `known` (the record of the last build),
    the file has not been written since and its SHA-1 is not computed again:
    a no-change rebuild costs one stat per page, a torn or overwritten page
    (new size or time) is read and hashed.
    """
    try:
        info = os.stat(path)
        if known and known[1:] == [info.st_size, info.st_mtime_ns]:
            return known
        with open(path, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha1").hexdigest()
    except OSError:
        return None
    return [digest, info.st_size, info.st_mtime_ns]


def settings_signature(settings):
    simple = {k: v for k, v in settings.items()
              if k not in VOLATILE_SETTINGS and isinstance(v, (str, int, float, bool, list, tuple, dict, type(None)))}
    return _digest(sorted((k, repr(v)) for k, v in simple.items()))


def _neighbour(article):
    return (article.url, article.title) if article is not None else None


def article_fingerprint(article, context):
    linked = context.get("linked_tags")
    tags = [(t.name, t.slug, linked is None or t in linked) for t in getattr(article, "tags", [])]
    metadata = article.metadata
    metadata = "\0".join(f"{k}={metadata[k]!r}" for k in sorted(metadata) if k != "arshif_terms")
    return _digest(
        article.content, metadata, tags, article.url,
        _neighbour(getattr(article, "newer_article", None)),
        _neighbour(getattr(article, "older_article", None)),
    )


def _listed_fields(article):
    """What a listing template may show of one article.

    The summary as read (Content.summary would rewrite its links on every access).
    """
    return (article.url, article.title, getattr(article, "kicker", None), article.date.isoformat(),
            getattr(article, "source", None), getattr(article, "undated", False),
            str(getattr(article, "category", "")), article.metadata.get("summary"))


def _listed(value, memo):
    """What a listing template may show of one value passed to it.

    An article appears in several listings (front page, category, source,
    period, tags): its part is digested once per build, in `memo`.
    """
    if isinstance(value, (list, tuple)) and value and hasattr(value[0], "url"):
        parts = []
        for article in value:
            part = memo.get(id(article))
            if part is None:
                part = memo[id(article)] = _digest(_listed_fields(article))
            parts.append(part)
        return "".join(parts)
    if hasattr(value, "slug") and hasattr(value, "name"):
        return (type(value).__name__, value.name, value.slug)
    if isinstance(value, (str, int, float, bool, tuple, type(None))):
        return value
    return type(value).__name__


def site_signature(context):
    """What every page shows of the site: the menus and the hand-written pages.

    Counts are left out: only the index pages show them (`shown_taxonomies`).
    """
    categories = context.get("categories") or ()
    pages = context.get("pages") or ()
    return _digest([(c.name, c.slug) for c, _ in categories], [(p.url, p.title) for p in pages])


# Site-wide lists of (name, articles) that an index page may show with counts.
TAXONOMIES = frozenset({"tags", "categories", "sources"})


def shown_taxonomies(template):
    """The TAXONOMIES a template's own source names (the tags index shows `tags`)."""
    env = template.environment
    source = env.loader.get_source(env, template.name)[0]
    return sorted(TAXONOMIES & meta.find_undeclared_variables(env.parse(source)))


def _taxonomy(pairs):
    return [(obj.name, obj.slug, len(articles)) for obj, articles in pairs or ()]


class IncrementalWriter(RecordingWriter):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        cache = settings.get("CACHE_PATH") if settings.get("CACHE_CONTENT") else None
        self.state_path = os.path.join(cache, STATE_FILE) if cache else None
        self.base = _digest(code_signature(settings), settings_signature(settings))
        self.previous, self.hashes = self._load()
        self.current = {}
        # Files written or verified by this build: {relative path: file_record or None (written)}.
        self.produced = {}
        self.skipped = 0
        # Articles' listing digests, by id(): valid for this build's objects only.
        self._listed = {}
        self._site = None
        self._shown = {}

    def _load(self):
        """(page keys, file hashes) of this cache's last build; empty when unusable."""
        if not self.state_path or not self.settings.get("LOAD_CONTENT_CACHE"):
            return {}, {}
        try:
            with open(self.state_path, encoding="utf-8") as handle:
                state = json.load(handle)
            if state.get("base") != self.base:
                return {}, {}
            pages, hashes = state["pages"], state["files"]
            if isinstance(pages, dict) and isinstance(hashes, dict):
                return pages, hashes
        except FileNotFoundError:
            return {}, {}
        except (OSError, ValueError, KeyError, AttributeError) as err:
            logger.warning("Writer state %s is damaged (%s); every page is rendered again",
                           self.state_path, err)
            return {}, {}
        logger.warning("Writer state %s is damaged; every page is rendered again", self.state_path)
        return {}, {}

    def _intact(self, names):
        """True when every file is what this cache's last build wrote; they count as produced."""
        records = {}
        for name in names:
            known = self.hashes.get(name)
            record = file_record(os.path.join(self.output_path, name), known)
            if record is None or not isinstance(known, list) or record[0] != known[0]:
                return False
            records[name] = record
        self.produced.update(records)
        return True

    def opened(self, filename):
        """Every file the writer writes (pages, listings, feeds) is recorded."""
        self.produced[os.path.relpath(filename, self.output_path).replace(os.sep, "/")] = None

    def write_file(self, name, template, context, *args, **kwargs):
        article = kwargs.get("article")
        if not name or (article is None and "articles" not in kwargs):
            return super().write_file(name, template, context, *args, **kwargs)
        if article is None:
            return self._write_listing(name, template, context, *args, **kwargs)
        if self._site is None:
            self._site = site_signature(context)
        key = _digest(article_fingerprint(article, context), template.filename, self._site)
        self.current[name] = key
        path = os.path.join(self.output_path, name)
        if self.previous.get(name) == key and self._intact([name]):
            self.skipped += 1
            # The page is in place: plugins that list written pages (sitemap) still see it.
            signals.content_written.send(path, context={"article": article})
            return None
        return super().write_file(name, template, context, *args, **kwargs)

    def _write_listing(self, name, template, context, *args, **kwargs):
        """Listing pages: each skipped when what it shows is unchanged.

        A paginated listing's pages are counted from the oldest end (`paging`):
        a page after the first shows its own articles, its number and the
        number of pages; the whole list (its count, its timeline) is shown on
        the first page only (tests/test_incremental.py checks the theme), so
        it is in the first page's key alone.
        """
        if self._site is None:
            self._site = site_signature(context)
        if template.name not in self._shown:
            self._shown[template.name] = shown_taxonomies(template)
        common = [self._site, template.filename,
                  [(name, _taxonomy(context.get(name))) for name in self._shown[template.name]]]
        pages = listing_pages(self.settings, name, args, kwargs, StablePaginator)
        if pages is None:
            # all_articles (the whole archive) is handed to every listing; the theme never shows it.
            key = _digest(*common, args, self._variables(kwargs, ()))
            return self._render(name, key, template, context, *args, **kwargs)
        for save_as, shown, arguments in pages:
            first = all(page.number == 1 for page in shown.values())
            key = _digest(*common, self._variables(kwargs, () if first else shown),
                          sorted((key, page.number, page.paginator.num_pages,
                                  _listed(page.object_list, self._listed)) for key, page in shown.items()))
            self._render(save_as, key, template, context, **arguments)
        return None

    def _variables(self, kwargs, left_out):
        """What a listing may show of the values passed to it, but those `left_out`."""
        return sorted((k, _listed(v, self._listed)) for k, v in kwargs.items()
                      if k != "all_articles" and k not in left_out)

    def _render(self, name, key, template, context, *args, **kwargs):
        """Write a listing file unless its key and its files are the last build's."""
        before = self.previous.get(name)
        if isinstance(before, list) and before[0] == key and self._intact(before[1]):
            self.current[name] = before
            for written in before[1]:
                signals.content_written.send(os.path.join(self.output_path, written), context={})
            return None
        written = []

        def collect(path, context):
            written.append(os.path.relpath(path, self.output_path))

        signals.content_written.connect(collect)
        try:
            result = super().write_file(name, template, context, *args, **kwargs)
        finally:
            signals.content_written.disconnect(collect)
        self.current[name] = [key, sorted(written)]
        return result

    def save(self):
        hashes = {}
        for name, record in self.produced.items():
            record = record or file_record(os.path.join(self.output_path, name))
            if record is not None:  # a feed deleted after it was written is not kept
                hashes[name] = record
        if not self.settings.get("WRITE_SELECTED"):
            self._sweep(hashes)
        if self.skipped:
            logger.info("%d unchanged article pages were not rendered again", self.skipped)
        if not self.state_path:
            return
        os.makedirs(os.path.dirname(self.state_path), exist_ok=True)
        _write_json(self.state_path, {"base": self.base, "pages": self.current, "files": hashes})

    def _sweep(self, hashes):
        """Delete the pages the last build into this folder wrote and this one did not; list this build's."""
        ledger = os.path.join(self.output_path, LEDGER)
        try:
            with open(ledger, encoding="utf-8") as handle:
                before = json.load(handle)
            before = [name for name in before if isinstance(name, str)]
        except FileNotFoundError:
            before = []
        except (OSError, ValueError, TypeError) as err:
            logger.warning("%s is damaged (%s); pages of earlier builds may stay", ledger, err)
            before = []
        root = os.path.realpath(self.output_path)
        removed = 0
        for name in sorted(set(before) - set(hashes)):
            path = os.path.realpath(os.path.join(root, name))
            if os.path.commonpath([root, path]) != root or not os.path.isfile(path):
                continue
            os.remove(path)
            removed += 1
            folder = os.path.dirname(path)
            while folder != root and not os.listdir(folder):
                os.rmdir(folder)
                folder = os.path.dirname(folder)
        if removed:
            logger.info("%d pages of an earlier build that this build has not written were deleted", removed)
        _write_json(ledger, sorted(hashes), indent=0)


def _write_json(path, data, indent=None):
    """Whole or not at all: a build killed while saving leaves the earlier file."""
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        json.dump(data, handle, sort_keys=True, indent=indent)
        handle.write("\n")
    os.replace(path + ".tmp", path)
