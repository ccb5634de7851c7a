"""Settings: one helper with defaults and a deep merge, checked when Pelican starts."""

import json

import pytest

from arshif_core.settings import Nested, SettingsError, apply, merged
from arshif_search import DEFAULTS as SEARCH_DEFAULTS, search_settings
from sitebuild import build_site, copy_seeds, SEED_ARTICLE

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
    assert manifest["ranking"] == {"exact_weight": 4, "stem_weight": 2}


def test_a_wrong_type_stops_the_build_before_reading(tmp_path):
    seeds = copy_seeds(NAMES, tmp_path / "seeds")
    with pytest.raises(SettingsError, match=r"ARSHIF_SEARCH\['ranking'\]\['k1'\]"):
        build_site(seeds, tmp_path / "out", ARSHIF_SEARCH={"ranking": {"k1": "fast"}})
    assert not (tmp_path / "out").exists()
