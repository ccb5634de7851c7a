"""Every use of Pelican's internals, in one module, checked against the Pelican it was written for.

Arshif replaces three of Pelican's taxonomy writers and wraps a private
method (linear-time listings), replaces the generators' file filter (one
pattern match a file), wraps the content cache's loader (a damaged
cache is discarded), records the files the writer opens, writes a listing's
pages one at a time, reads and edits the
reader cache (and saves it later than Pelican does) and an article's body
before its links are rewritten, keeps an article's save_as once it is final,
reads
pelican-sitemap's clock and recognises `pelican -r`'s loop. Those are not APIs: an upgrade may change them
silently. RELIED_ON holds the SHA-1 of each such function's source as written
for TESTED; `check_pelican` (at `initialized`) stops the build naming what
changed and what to re-check, and tests/test_pelican_compat.py fails the same
way. Nothing else in the plugins reads a private Pelican name.
"""

import fnmatch
import functools
import hashlib
import importlib
import importlib.metadata
import inspect
import io
import logging
import multiprocessing
import os
import pickle
import re
import sys

from pelican import signals
from pelican.cache import FileDataCacher
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, Generator
from pelican.writers import FileOverwriteFailedError, Writer

logger = logging.getLogger(__name__)

# The versions this module was written and tested for (requirements.txt pins them).
TESTED = {"pelican": "4.12.0", "pelican-sitemap": "1.2.2"}

_TAXONOMY = "replaced by taxonomy_writer: same template context, same FileOverwriteFailedError handling"
# Function → (SHA-1 of its source under TESTED, what to re-check when it changed).
RELIED_ON = {
    "pelican.generators:ArticlesGenerator.generate_tags": (
        "b1ad2bc54d102b9c405f5f1466857248a5b23180",
        _TAXONOMY),
    "pelican.generators:ArticlesGenerator.generate_categories": (
        "60690ce4dea4aa6620dfa82c9875733cf92d6f03",
        _TAXONOMY),
    "pelican.generators:ArticlesGenerator.generate_authors": (
        "87d9ffbaf4a254b5a36b24e45472c323f9d38172",
        _TAXONOMY),
    "pelican.generators:Generator._include_path": (
        "af5510c7572b2e7290cde061ec5939cb2189b902",
        "include_path: a file is still left out when its name matches an IGNORE_FILES pattern "
        "(fnmatch) and kept when its extension is one of `extensions` (or `extensions` is False)"),
    "pelican.generators:ArticlesGenerator._build_period_archives": (
        "5e8ab0b6247961dfa76e754e03206a9d9f984d1c",
        "period_archives: only archive['articles'] is recomputed, from archive['dates']"),
    "pelican.generators:ArticlesGenerator.generate_period_archives": (
        "73bdf549d593e4854297db97cdac4cfb419a214a",
        "it must still call _build_period_archives for the period listings"),
    "pelican.writers:Writer._open_w": (
        "36c92bd023b89a14292081f79919a66452c04a32",
        "RecordingWriter.opened: every file the writer writes still goes through _open_w"),
    "pelican.writers:Writer.write_file": (
        "37c66a5fbfe3537880ad9e95c98b9f22bebda081",
        "IncrementalWriter.write_file: content_written is still sent once per file written; "
        "listing_pages: its pagination still makes the same page variables and names"),
    "pelican.cache:FileDataCacher.__init__": (
        "f8e49bc6196191516ead7c91b7136c04b187c308",
        "guarded_cache_init: the pickle is still loaded in __init__ into self._cache"),
    "pelican.cache:FileStampDataCacher.cache_data": (
        "61fd5bd36360ed34724328a55adc96620c079dea",
        "reader_cache: entries are still path → (file stamp, (content, metadata))"),
    "pelican.generators:ArticlesGenerator.generate_context": (
        "e0742370fa63168b749a2b7a88e351a37274d742",
        "defer_reader_cache: the reader cache is still saved by self.readers.save_cache() once read; "
        "cache_articles: a file is still read only when self.get_cached_data(f, None) is None, and "
        "self.cache_data(f, article) is still called with each article read and found valid"),
    "pelican.contents:Content.save_as": (
        "d739b96ccf47d43f6bb9323d00ab76b23d91ac07",
        "frozen_save_as: the save_as property is still get_url_setting('save_as') and nothing else"),
    "pelican.contents:Content.get_relative_source_path": (
        "e1adb9ce25cf7e36fa40f436e83131760872ed15",
        "kept_relative_source_path: it is still a pure function of source_path and PATH"),
    "pelican.contents:Content.get_content": (
        "bc00908c8354b3a437a784c5f2aff7c8455c0566",
        "body_html: _content still holds the body HTML before links are rewritten"),
    "pelican:autoreload": (
        "bb838c0b95efbaf03eadbdcfbe4d94d3bf6c89cc",
        "in_autoreload: its loop still builds again at once after an error, and waits otherwise; "
        "watch_too: it still calls `wait_for_changes` by its name in the pelican module"),
    "pelican.utils:wait_for_changes": (
        "f8a064cc64a9266386542abeb7c29ddeda68c7fd",
        "watch_too: an absolute path in STATIC_PATHS is still watched as it is"),
    "pelican.plugins.sitemap.sitemap:SitemapGenerator.__init__": (
        "76459cca9a1a7fe3316cff758542f81652fee2c2",
        "sitemap_clock: `now` is still the lastmod of pages without a date"),
    "pelican.plugins.sitemap.sitemap:SitemapGenerator._write_out": (
        "66b30d581da5ff14ee59d5d4aef8207fef45f078",
        "sitemap_clock: lastmod is still format_date(modified or date or now)"),
}


class PelicanChanged(RuntimeError):
    """The installed Pelican differs where Arshif relies on its internals."""


def _resolve(name):
    """The object named `module:qualname` (a memoized method's function), or None when it is gone."""
    module, qualname = name.split(":")
    try:
        obj = importlib.import_module(module)
        for part in qualname.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError):
        return None
    return getattr(obj, "fget", getattr(obj, "func", obj))  # a property's getter, a memoized method's function


# Taken before anything here replaces one of them (`patch_generators`, `guard_caches`).
_ORIGINALS = {name: _resolve(name) for name in RELIED_ON}


@functools.cache
def source_hash(name):
    """SHA-1 of the source of Pelican's own `module:qualname`, or None when it is gone
    (once per process: the originals do not change)."""
    try:
        return hashlib.sha1(inspect.getsource(_ORIGINALS[name]).encode("utf-8")).hexdigest()
    except (OSError, TypeError):
        return None


def changed():
    """[(name, what to re-check)] for each relied-on function whose source is not the one written for."""
    found = [(name, why) for name, (digest, why) in RELIED_ON.items() if source_hash(name) != digest]
    if list(type(signals.finalized).set_class([3, 1, 2])) != [3, 1, 2]:
        found.append(("pelican.plugins.signals: Signal.set_class",
                      "receivers are no longer called in the order they were connected; "
                      "see arshif_core.LAST and tests/test_settings.py"))
    return found


def _unchanged(*names):
    return all(source_hash(name) == RELIED_ON[name][0] for name in names)


def installed():
    """The installed version of each package in TESTED (None: not installed)."""
    versions = {}
    for name in TESTED:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def check_pelican(pelican):
    """initialized: stop the build when a relied-on internal changed; warn on an untested version."""
    versions = installed()
    problems = changed()
    if problems:
        raise PelicanChanged(
            f"Arshif relies on Pelican internals that differ in this installation ({versions}; "
            f"written for {TESTED}). Re-check plugins/arshif_core/pelican_compat.py:\n"
            + "\n".join(f"  {name}: {why}" for name, why in problems))
    if versions != TESTED:
        logger.warning("Arshif was tested with %s, not %s; the Pelican internals it relies on are unchanged",
                       TESTED, versions)


# -- Listing pages in linear time (arshif_scale) --

_GENERATORS = "pelican.generators:ArticlesGenerator."
_PERIODS = _GENERATORS + "_build_period_archives"


def taxonomy_writer(kind, template_name, items):
    """Pelican's generate_tags/categories/authors with each page's `dates` found in linear time.

    Pelican filters the whole date list once per tag (`[a for a in self.dates
    if a in articles]`); the template context and the handling of two pages
    written to one path (FileOverwriteFailedError) are Pelican's.
    """

    def generate(self, write):
        template = self.get_template(template_name)
        position = {id(a): i for i, a in enumerate(self.dates)}
        for obj, articles in items(self):
            if not obj.save_as:
                continue  # Pelican's writer writes nothing for an empty save_as
            try:
                write(
                    obj.save_as,
                    template,
                    self.context,
                    url=obj.url,
                    articles=articles,
                    # The tag's articles in the archive's date order, as Pelican gives them.
                    dates=sorted((a for a in articles if id(a) in position), key=lambda a: position[id(a)]),
                    template_name=template_name,
                    blog=True,
                    page_name=obj.page_name,
                    all_articles=self.articles,
                    **{kind: obj},
                )
            except FileOverwriteFailedError:
                if not obj.slug:
                    label = kind.capitalize()
                    logger.info('%s "%s" has an invalid slug; skipping writing %s page...', label, obj, kind,
                                extra={"limit_msg": f"Further {kind} pages with invalid slugs."})
                    continue
                logger.error('Failed to write %s page for "%s".', kind.capitalize(), obj)
                raise

    generate.__doc__ = f"Generate {template_name} pages (linear time)."
    return generate


def period_archives(self, sorted_articles, articles, settings):
    """Pelican's period archives, with each period's articles found in linear time.

    Pelican fills `archive["articles"]` with `[a for a in articles if a in dates]`,
    a list scan per article: 20,000 × 20,000 steps for a one-year archive.
    """
    archives = _ORIGINALS[_PERIODS](self, sorted_articles, [], settings)
    order = {id(a): i for i, a in enumerate(articles)}
    for periods in archives.values():
        for archive in periods:
            listed = [a for a in archive["dates"] if id(a) in order]
            archive["articles"] = sorted(listed, key=lambda a: order[id(a)])
    return archives


_INCLUDE = "pelican.generators:Generator._include_path"


@functools.lru_cache(maxsize=8)
def _ignored(patterns):
    """One compiled match for a tuple of IGNORE_FILES patterns (fnmatch's, normcased as fnmatch does)."""
    if not patterns:
        return lambda name: None
    return re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns)).match


def include_path(self, path, extensions=None):
    """Generator._include_path with the IGNORE_FILES patterns matched as one pattern:
    Pelican runs fnmatch once per pattern per file, three walks a build over
    every seed (the seeds folder adds a dozen patterns)."""
    if extensions is None:
        extensions = tuple(self.readers.extensions)
    basename = os.path.basename(path)
    if _ignored(tuple(self.settings["IGNORE_FILES"]))(os.path.normcase(basename)):
        return False
    return extensions is False or os.path.splitext(basename)[1][1:] in extensions


def patch_generators():
    """Replace ArticlesGenerator's quadratic listing code and the generators' file
    filter, process-wide (idempotent).

    Only over the Pelican code it was written for: otherwise Pelican's own code
    stays, and `check_pelican` stops the build saying what changed.
    """
    if _unchanged(_INCLUDE):
        Generator._include_path = include_path
    if not _unchanged(*(_GENERATORS + name for name in (
            "generate_tags", "generate_categories", "generate_authors",
            "_build_period_archives", "generate_period_archives"))):
        return
    ArticlesGenerator.generate_tags = taxonomy_writer("tag", "tag", lambda g: g.tags.items())
    ArticlesGenerator.generate_categories = taxonomy_writer("category", "category", lambda g: g.categories)
    ArticlesGenerator.generate_authors = taxonomy_writer("author", "author", lambda g: g.authors)
    ArticlesGenerator._build_period_archives = period_archives


# -- Content caches --

_CACHE_INIT = "pelican.cache:FileDataCacher.__init__"


def guarded_cache_init(self, settings, cache_name, caching_policy, load_policy):
    """FileDataCacher.__init__ that discards a damaged cache file instead of failing.

    Pelican expects only OSError or PickleError from `pickle.load`: a file
    truncated by a killed build raises EOFError (or worse) on every later build.
    """
    try:
        _ORIGINALS[_CACHE_INIT](self, settings, cache_name, caching_policy, load_policy)
        if isinstance(self._cache, dict):
            return
        problem = f"it holds a {type(self._cache).__name__}, not a dict"
    except Exception as err:  # noqa: BLE001 - any damage means the same: start again
        problem = f"{type(err).__name__}: {err}"
    path = os.path.join(settings["CACHE_PATH"], cache_name)
    logger.warning("Cache %s is damaged (%s); discarded, its content is read again", path, problem)
    try:
        os.remove(path)
    except OSError:
        pass
    _ORIGINALS[_CACHE_INIT](self, settings, cache_name, caching_policy, False)


def guard_caches():
    """Wrap the cache loader, process-wide, when it is the one written for (see `patch_generators`)."""
    if _unchanged(_CACHE_INIT):
        FileDataCacher.__init__ = guarded_cache_init


def reader_cache(readers):
    """Pelican's reader cache as a dict: source path → (file stamp, (content, metadata)).

    Pelican has no API to drop one entry; deleting from this dict does it.
    """
    return getattr(readers, "_cache", {})


_CONTEXT = "pelican.generators:ArticlesGenerator.generate_context"


def _saved_later():
    """The reader cache is saved by `save_reader_cache`."""


def defer_reader_cache(generator):
    """article_generator_init: the reader cache is saved by `save_reader_cache`, not by
    Pelican once the articles are read.

    Pickling a str leaves CPython's UTF-8 form of it beside it for the str's
    life (each Arabic body held twice), and pickling the whole cache is the
    main process's time. A build that fails before the save saves no reader
    cache: the next one reads the seeds again.
    """
    if _unchanged(_CONTEXT):
        generator.readers.save_cache = _saved_later


# Forked children saving a build's reader cache (joined by `reader_cache_saved`).
_saving = []


def save_reader_cache(generator):
    """Once every seed is read (article_generator_finalized): the save `defer_reader_cache`
    put off, in a forked child where the platform can fork, while this process
    goes on (related lists, pages); the UTF-8 copies are the child's."""
    readers = generator.readers
    if vars(readers).get("save_cache") is not _saved_later:
        return
    del readers.save_cache
    reader_cache_saved()  # an earlier build's (`pelican -r`), before this one writes the file
    if "fork" not in multiprocessing.get_all_start_methods():
        readers.save_cache()
        return
    child = multiprocessing.get_context("fork").Process(target=readers.save_cache, name="arshif-reader-cache")
    child.start()
    _saving.append(child)


def reader_cache_saved(pelican=None):
    """finalized: wait for the reader cache's save (Pelican's save logs its own failures)."""
    while _saving:
        child = _saving.pop()
        child.join()
        if child.exitcode:
            logger.warning("Saving the reader cache ended with status %s; the seeds are read again next time",
                           child.exitcode)


# -- Whole articles kept between builds (arshif_seeds.article_cache) --

def cache_articles(generator, get, put):
    """Make generate_context ask `get(f)` for a kept article before reading the file `f`
    (relative to the generator's path; None: read it), and hand `put(f, article)`
    each article it read and found valid (Pelican's generator-level cache hooks).
    """
    def get_cached_data(filename, default=None):
        kept = get(filename)
        return default if kept is None else kept

    generator.get_cached_data = get_cached_data
    generator.cache_data = put


class _SharedPickler(pickle.Pickler):
    """Pickles a content object without the objects of this build it refers to (`_shared`):
    each is written as its place in that list."""

    def __init__(self, file, shared):
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.places = {id(obj): place for place, obj in enumerate(shared)}

    def persistent_id(self, obj):
        return self.places.get(id(obj))


def _shared(generator, parsed):
    """What a content object refers to that the build already holds: the settings and
    context (its own and its Category's, Author's), and its reader's parse
    `(body, metadata)` as in the reader cache, whose body and metadata values
    it holds as they are. The same parse gives the same list."""
    body, metadata = parsed
    return [generator.settings, generator.context, body, *metadata.values()]


def dumps_content(content, extra, generator, parsed):
    """Bytes of (content object, extra), without what `_shared` lists: loaded with the
    same `parsed`, they are this build's objects again (no second copy of the text)."""
    buffer = io.BytesIO()
    _SharedPickler(buffer, _shared(generator, parsed)).dump((content, extra))
    return buffer.getvalue()


def loads_content(data, generator, parsed):
    """(content object, extra) from `dumps_content`, with this build's objects."""
    unpickler = pickle.Unpickler(io.BytesIO(data))
    unpickler.persistent_load = _shared(generator, parsed).__getitem__
    return unpickler.load()


# -- Content --

_SAVE_AS = "pelican.contents:Content.save_as"


def frozen_save_as(content):
    """Content.save_as: the value `freeze_save_as` kept, else Pelican's."""
    kept = content.__dict__.get("arshif_save_as")
    return kept if kept is not None else _ORIGINALS[_SAVE_AS](content)


_RELATIVE = "pelican.contents:Content.get_relative_source_path"


def kept_relative_source_path(content, source_path=None):
    """Content.get_relative_source_path, computed once per source path of the
    content's own (every url and save_as Pelican formats asks for it again)."""
    if source_path:
        return _ORIGINALS[_RELATIVE](content, source_path)
    kept = content.__dict__.get("arshif_relative_source")
    if kept is None or kept[0] != content.source_path:
        kept = content.arshif_relative_source = (content.source_path, _ORIGINALS[_RELATIVE](content))
    return kept[1]


def patch_content():
    """Let `freeze_save_as` keep an article's save_as, and compute each content's
    relative source path once, process-wide (idempotent; see `patch_generators`)."""
    if _unchanged(_SAVE_AS):
        Content.save_as = property(frozen_save_as)
    if _unchanged(_RELATIVE):
        Content.get_relative_source_path = kept_relative_source_path


def freeze_save_as(content):
    """Keep content.save_as as it is now: Pelican formats it anew on every access
    (a copy of the metadata and a relative path each time; 40,000 times in a
    20,000-article build). Setting override_save_as would do it too, but it
    also lets the article overwrite another page's file.
    """
    content.arshif_save_as = None
    content.arshif_save_as = content.save_as

def body_html(content):
    """An article's body HTML as read, before Pelican rewrites its links (`Content.content`)."""
    return content._content


def set_body_html(content, html):
    content._content = html


# -- Writer --

class RecordingWriter(Writer):
    """Pelican's writer, calling `opened(path)` for every file it writes (pages, listings, feeds)."""

    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override)
        self.opened(filename)
        return handle

    def opened(self, filename):
        """A subclass's hook."""


# Writer.write_file's parameters that are not template variables, in its order.
_WRITE_FILE_NAMED = ("relative_urls", "paginated", "template_name", "override_output", "url")


def listing_pages(settings, name, args, kwargs, paginator):
    """Pelican's pagination in `Writer.write_file(name, template, context, *args,
    **kwargs)`, one page at a time, with the paginator class given: a list of
    (file name, {key: that page}, the arguments that write that page alone), or
    None when Pelican writes the listing as one file. `write_file(file name,
    template, context, **arguments)` renders what Pelican's loop renders for
    that page (`paginated={}` turns its own pagination off).
    """
    named = dict(zip(_WRITE_FILE_NAMED, args))
    named.update((key, val) for key, val in kwargs.items() if key in _WRITE_FILE_NAMED)
    variables = {key: val for key, val in kwargs.items() if key not in _WRITE_FILE_NAMED}
    paginated = named.get("paginated")
    if paginated is None:
        paginated = {key: val for key, val in variables.items() if key in {"articles", "dates"}}
    template_name = named.get("template_name")
    if not (paginated and template_name in settings["PAGINATED_TEMPLATES"]):
        return None
    per_page = settings["PAGINATED_TEMPLATES"][template_name] or settings["DEFAULT_PAGINATION"]
    paginators = {key: paginator(name, named.get("url"), val, settings, per_page)
                  for key, val in paginated.items()}
    pages = []
    for page_num in range(next(iter(paginators.values())).num_pages):
        shown, arguments = {}, {**variables, **named, "paginated": {}}
        for key, pages_of in paginators.items():
            shown[key] = page = pages_of.page(page_num + 1)
            arguments.update({
                f"{key}_paginator": pages_of,
                f"{key}_page": page,
                f"{key}_previous_page": pages_of.page(page_num) if page_num > 0 else None,
                f"{key}_next_page": pages_of.page(page_num + 2) if page_num + 1 < pages_of.num_pages else None,
            })
        pages.append((page.save_as, shown, arguments))
    return pages


# -- The command line --

def in_autoreload():
    """Whether this build runs inside `pelican -r`'s loop (found on the call stack)."""
    loop = getattr(_ORIGINALS["pelican:autoreload"], "__code__", None)
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code is loop:
            return True
        frame = frame.f_back
    return False


def watch_too(paths_of):
    """Make `pelican -r` also watch `paths_of(settings)` (absolute paths; None left out).

    Pelican watches the settings file, THEME, PATH and STATIC_PATHS under PATH:
    a seeds folder beside `content/` changed without a rebuild. Its watcher
    joins each STATIC_PATHS entry to PATH, which keeps an absolute one as it
    is, so the paths are handed over as such (for watching only).
    """
    import pelican

    if not _unchanged("pelican:autoreload", "pelican.utils:wait_for_changes"):
        return
    original = _ORIGINALS["pelican.utils:wait_for_changes"]

    def wait_for_changes(settings_file, settings):
        static = list(settings.get("STATIC_PATHS") or []) + [path for path in paths_of(settings) if path]
        return original(settings_file, dict(settings, STATIC_PATHS=static))

    pelican.wait_for_changes = wait_for_changes


# -- pelican-sitemap --

def sitemap_clock():
    """The lastmod pelican-sitemap gives a page without a date (its start time), as written."""
    from pelican.plugins.sitemap import sitemap

    return sitemap.format_date(sitemap.generator.now)
