"""Settings: one helper with defaults and a deep merge, checked when Pelican starts."""

import json
import os

import pytest
from blinker import ANY
from pelican import Pelican, signals
from pelican.settings import read_settings

import arshif_core
from arshif_core.settings import Nested, SettingsError, apply, merged
from arshif_search import DEFAULTS as SEARCH_DEFAULTS, search_settings
from sitebuild import ROOT, SEED_ARTICLE, build_site, copy_seeds

NAMES = [SEED_ARTICLE, "00003_investigations.txt", "00006_cases.txt"]


def test_a_partial_nested_override_keeps_the_other_defaults():
    conf = search_settings({"ARSHIF_SEARCH": {"ranking": {"k1": 1.5, "b": {"title": 0.5}}}})
    assert conf["ranking"]["k1"] == 1.5
    assert conf["ranking"]["b"] == {"title": 0.5, "kicker": 0.3, "body": 0.75}
    assert conf["ranking"]["field_weight"] == SEARCH_DEFAULTS["ranking"]["field_weight"]
    assert conf["snippet_chars"] == SEARCH_DEFAULTS["snippet_chars"]
    assert search_settings({}) == SEARCH_DEFAULTS


@pytest.mark.parametrize("value, message", [
    ({"ranking": {"k1": "1.2"}}, r"ARSHIF_SEARCH\['ranking'\]\['k1'\] must be a number, not str"),
    ({"parallel": 1}, r"ARSHIF_SEARCH\['parallel'\] must be true or false, not int"),
    ({"ranking": {"bm25": 1}}, r"ARSHIF_SEARCH\['ranking'\] has unknown key\(s\) 'bm25'"),
    ({"ranking": 2}, r"ARSHIF_SEARCH\['ranking'\] must be a dict, not int"),
    ([1], r"ARSHIF_SEARCH must be a dict, not list"),
])
def test_a_wrong_value_is_named(value, message):
    with pytest.raises(SettingsError, match=message):
        search_settings({"ARSHIF_SEARCH": value})


def test_plain_settings_are_checked_and_tables_replaced_whole():
    defaults = {"COUNT": 2, "SWITCH": True, "NAMES": {"a": "b"}, "PATH": "seeds", "RATIO": 0.5}
    settings = apply({"NAMES": {"c": "d"}, "PATH": None, "RATIO": 1}, defaults)
    assert settings == {"COUNT": 2, "SWITCH": True, "NAMES": {"c": "d"}, "PATH": None, "RATIO": 1}
    for name, value in [("COUNT", True), ("COUNT", "2"), ("SWITCH", None), ("NAMES", ["a"])]:
        with pytest.raises(SettingsError, match=name):
            apply({name: value}, defaults)
    assert merged("X", Nested({"a": {"b": 1}}), None) == {"a": {"b": 1}}


def test_a_partial_ranking_override_builds(tmp_path):
    """It was a KeyError inside the forked search child (a shallow merge dropped the rest of `ranking`)."""
    seeds = copy_seeds(NAMES, tmp_path / "seeds")
    build_site(seeds, tmp_path / "out", ARSHIF_SEARCH={"ranking": {"k1": 1.5}})
    manifest = json.loads((tmp_path / "out" / "search" / "manifest.json").read_text("utf-8"))
    assert manifest["ranking"] == {"exact_weight": 4, "stem_weight": 2, "completion_weight": 1}


def test_a_wrong_type_stops_the_build_before_reading(tmp_path):
    seeds = copy_seeds(NAMES, tmp_path / "seeds")
    with pytest.raises(SettingsError, match=r"ARSHIF_SEARCH\['ranking'\]\['k1'\]"):
        build_site(seeds, tmp_path / "out", ARSHIF_SEARCH={"ranking": {"k1": "fast"}})
    assert not (tmp_path / "out").exists()


def _receivers(pelican_settings):
    """Each signal's receivers, as Pelican will call them, once Pelican started with these settings."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        Pelican(pelican_settings)
    finally:
        os.chdir(cwd)
    return {name: [f"{r.__module__}.{r.__qualname__}" for r in getattr(signals, name).receivers_for(ANY)]
            for name in ("initialized", "article_generator_pretaxonomy", "finalized")}


def test_receivers_run_in_the_order_the_build_needs(tmp_path):
    settings = read_settings(os.path.join(ROOT, "pelicanconf.py"), override={
        "OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache")})
    order = _receivers(settings)
    # Pelican's settings pass first; the per-plugin checks follow.
    assert order["initialized"][0] == "arshif_core.initialized"
    # The articles read are frozen for the collector (before the search child forks);
    # duplicates are merged before the child forks; tags are chosen after it.
    assert order["article_generator_pretaxonomy"] == [
        "arshif_scale.freeze_read", "arshif_seeds.on_pretaxonomy", "arshif_search.update_index",
        "arshif_core.last_pretaxonomy"]
    assert arshif_core.LAST["article_generator_pretaxonomy"] == (("arshif_seeds", "assign_tags"),)
    # The sitemap is written, the search job joined and the writer's state saved before
    # the sitemap is fixed and strict mode judges the build, last.
    finalized = order["finalized"]
    assert finalized[-1] == "arshif_core.last_finalized"
    assert {"pelican.plugins.sitemap.sitemap.SitemapGenerator.finalize", "arshif_search._wait",
            "arshif_scale.save_writer_state"} <= set(finalized[:-1])
    assert arshif_core.LAST["finalized"] == (
        ("arshif_theme", "fix_sitemap"), ("arshif_seeds", "enforce_strict"))
    # One receiver a plugin where the order matters: the order is in the receiver, not in who connected first.
    for name in ("initialized", "article_generator_pretaxonomy", "finalized"):
        plugins = [r.split(".")[0] for r in order[name] if r.startswith("arshif")]
        assert len(plugins) == len(set(plugins)), (name, order[name])
    for steps in arshif_core.LAST.values():
        for plugin, function in steps:
            assert callable(getattr(__import__(plugin), function))


@pytest.mark.parametrize("name, value", [
    ("SEEDS_WORKERS", "4"), ("ARSHIF_STRICT", "yes"), ("ARSHIF_TAG_MIN_ARTICLES", 2.5),
    ("ARSHIF_SOURCE_NAMES", ["الشروق"]), ("ARSHIF_SEARCH", {"parallel": "no"})])
def test_every_plugin_checks_its_settings_when_pelican_starts(tmp_path, name, value):
    settings = read_settings(os.path.join(ROOT, "pelicanconf.py"), override={
        "OUTPUT_PATH": str(tmp_path / "out"), "CACHE_PATH": str(tmp_path / "cache"), name: value})
    with pytest.raises(SettingsError, match=f"^{name}"):
        _receivers(settings)


def test_a_failed_run_leaves_the_next_runs_writer_state_alone(tmp_path):
    """`pelican -r` runs one Pelican again after a failure: the failed run's writer
    (which never reached `finalized`) is not saved over the next run's."""
    seeds = copy_seeds(NAMES, tmp_path / "seeds")

    def fail(generator, writer):
        raise RuntimeError("failed after the articles were written")

    settings = read_settings(os.path.join(ROOT, "pelicanconf.py"), override={
        "SEEDS_PATH": str(seeds), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache"), "INGEST_REPORT_PATH": str(tmp_path / "report.json")})
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        pelican = Pelican(settings)
        signals.article_writer_finalized.connect(fail)
        try:
            with pytest.raises(RuntimeError, match="failed after"):
                pelican.run()
        finally:
            signals.article_writer_finalized.disconnect(fail)
        pelican.run()
    finally:
        os.chdir(cwd)
    state = json.loads((tmp_path / "cache" / "arshif-written.json").read_text("utf-8"))
    # Written after the articles' generator: only the second run's writer has it.
    assert "sources/index.html" in state["files"]
    assert pelican.arshif_writer is None
