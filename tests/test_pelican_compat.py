"""Pelican's internals are used in one module, against the Pelican they were written for,
and Pelican's own safeguards (two pages to one path fail) are kept."""

import logging
import re
from pathlib import Path

import jinja2
import pytest
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from pelican.urlwrappers import Category, Tag
from pelican.writers import FileOverwriteFailedError, Writer

from arshif_core import pelican_compat
from sitebuild import ROOT

PLUGINS = Path(ROOT) / "plugins"


def test_the_relied_on_pelican_internals_are_the_ones_written_for():
    problems = pelican_compat.changed()
    assert not problems, (
        f"Pelican {pelican_compat.installed()} differs from {pelican_compat.TESTED} where Arshif relies "
        "on its internals. Re-check each of these in plugins/arshif_core/pelican_compat.py, then "
        "record the new source hashes in RELIED_ON and the versions in TESTED:\n"
        + "\n".join(f"  {name}: {why}" for name, why in problems))


def test_the_versions_written_for_are_the_pinned_ones():
    pins = dict(line.split("==") for line in Path(ROOT, "requirements.txt").read_text().split()
                if "==" in line)
    assert {name: pins[name] for name in pelican_compat.TESTED} == pelican_compat.TESTED
    assert pelican_compat.installed() == pelican_compat.TESTED


def test_a_changed_internal_stops_the_build_naming_it(monkeypatch):
    name = "pelican.writers:Writer._open_w"
    monkeypatch.setitem(pelican_compat.RELIED_ON, name, ("0" * 40, "what to re-check"))
    with pytest.raises(pelican_compat.PelicanChanged, match=re.escape(f"{name}: what to re-check")):
        pelican_compat.check_pelican(None)


def test_no_plugin_but_the_compat_module_reads_a_private_name():
    """`obj._name` other than the object's own (self/cls), in any plugin module but pelican_compat."""
    private = re.compile(r"(?<!\bself)(?<!\bcls)\.\_[a-z]\w*")
    found = []
    for path in sorted(PLUGINS.rglob("*.py")):
        if path.name == "pelican_compat.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if private.search(code) or re.search(r"from pelican\S* import .*\b_", code):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def _listing_run(tmp_path, generate, kind, objects):
    """Run a taxonomy writer over `objects` (each with one article) with a real Writer."""
    settings = read_settings(override={"OUTPUT_PATH": str(tmp_path), "PAGINATED_TEMPLATES": {}})
    article = type("Article", (), {"url": "a/", "title": "t"})()

    class Generator:
        context = {"localsiteurl": ""}
        dates = articles = [article]
        tags = {obj: [article] for obj in objects}
        categories = [(obj, [article]) for obj in objects]

        def get_template(self, name):
            return jinja2.Environment().from_string("{{ %s }}" % kind)

    writer = Writer(str(tmp_path), settings=settings)
    try:
        generate(Generator(), writer.write_file)
    except FileOverwriteFailedError:
        return "failed", sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    return "written", sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))


@pytest.mark.parametrize("method, kind, cls", [
    ("generate_tags", "tag", Tag), ("generate_categories", "category", Category)])
@pytest.mark.parametrize("slugs", [["same", "same"], ["", ""], ["one", "two"]])
def test_two_pages_to_one_path_behave_as_in_plain_pelican(tmp_path, caplog, method, kind, cls, slugs):
    """Plain Pelican fails on a second page to one path (tags with one slug are one tag),
    and skips a page whose slug is empty, saying so."""
    settings = read_settings()
    objects = []
    for number, slug in enumerate(slugs):
        obj = cls(f"{tmp_path.name}-{number}", settings)  # Pelican logs a message once per process
        obj.slug = slug
        objects.append(obj)
    pelican_compat.patch_generators()  # as arshif_scale does when it is registered
    pelican = pelican_compat._ORIGINALS[f"pelican.generators:ArticlesGenerator.{method}"]
    assert getattr(ArticlesGenerator, method) is not pelican
    with caplog.at_level(logging.INFO):
        ours = _listing_run(tmp_path / "ours", getattr(ArticlesGenerator, method), kind, objects)
    said = [r.getMessage() for r in caplog.records
            if r.name.startswith(("pelican.generators", "arshif_core")) and r.levelno >= logging.INFO]
    plain = _listing_run(tmp_path / "plain", pelican, kind, objects)
    assert ours == plain
    second = objects[1].name
    if kind == "tag" and slugs[0] == slugs[1]:
        assert ours[0] == "written" and said == []  # tags are keyed by slug: one tag, one page
    elif slugs == ["", ""]:
        assert said == [f'Category "{second}" has an invalid slug; skipping writing category page...']
    elif slugs == ["same", "same"]:
        assert ours[0] == "failed"
        assert said == [f'Failed to write Category page for "{second}".']
    else:
        assert ours[0] == "written" and said == []


def test_an_untested_version_with_the_same_internals_is_a_warning(monkeypatch, caplog):
    monkeypatch.setattr(pelican_compat, "TESTED", {"pelican": "0.0", "pelican-sitemap": "0.0"})
    monkeypatch.setattr(pelican_compat, "installed", lambda: {"pelican": "9.9", "pelican-sitemap": "9.9"})
    with caplog.at_level(logging.WARNING):
        pelican_compat.check_pelican(None)
    assert any("internals it relies on are unchanged" in r.getMessage() for r in caplog.records)


def test_the_reader_cache_is_saved_by_a_child_once_the_seeds_are_read(tmp_path, monkeypatch):
    """Saving it pickles every body, and CPython keeps each one's UTF-8 form from
    then on: a forked child saves it, never the build's process (Pelican saves
    it there once read); the build waits for it."""
    from pelican import signals
    from pelican.cache import FileDataCacher

    from sitebuild import build_site, copy_seeds, SEEDS

    names = sorted(n for n in Path(SEEDS).iterdir() if n.suffix == ".txt")[:3]
    seeds = copy_seeds([n.name for n in names], tmp_path / "seeds")
    cache = tmp_path / "out-cache" / "ArticlesGenerator-Readers"
    readers, saved_here = [], []
    save = FileDataCacher.save_cache
    # A save made in a child is recorded in the child's copy of the list only.
    monkeypatch.setattr(FileDataCacher, "save_cache", lambda self: (
        any(self is r for r in readers) and saved_here.append(self)) or save(self))

    def on_init(generator):
        readers.append(generator.readers)

    signals.article_generator_init.connect(on_init)
    try:
        build_site(seeds, tmp_path / "out")
    finally:
        signals.article_generator_init.disconnect(on_init)
    assert readers and saved_here == [] and cache.exists()
    assert not pelican_compat._saving


def test_the_file_filter_keeps_and_leaves_out_what_pelicans_does():
    """include_path matches IGNORE_FILES as one pattern; Pelican's runs fnmatch per pattern."""
    import types

    from arshif_seeds.report import IGNORE_PATTERNS

    original = pelican_compat._ORIGINALS[pelican_compat._INCLUDE]
    names = ["a/00001_news.txt", "x.TXT", ".hidden.txt", "a/b/notes.txt~", "#draft.txt#", "x.md",
             "Thumbs.db", ".DS_Store", "x.txt.swp", "[x].txt", "x", "seeds/x.jsonl", "ملف.txt"]
    for ignores in ([], ["**/.*"], ["**/.*", *IGNORE_PATTERNS], ["*.txt", "[x]*"]):
        generator = types.SimpleNamespace(settings={"IGNORE_FILES": ignores},
                                          readers=types.SimpleNamespace(extensions=["txt", "md"]))
        for extensions in (None, False, ("txt",)):
            for name in names:
                assert (pelican_compat.include_path(generator, name, extensions)
                        == original(generator, name, extensions)), (ignores, extensions, name)
