"""`invoke build --strict`: fails on any rejected or warned-about seed and lists each one."""

import json
import os
import re
import subprocess
import sys

import pytest

from fixtures.hostile import make_fixtures
from sitebuild import ROOT

PROBLEMS = ["empty.txt", "image.txt", "windows-1256.txt", "manifest-bad-date.txt"]
# manifest.tsv also names manifest-hostile.txt and missing-file.txt, which are not written.
MISSING = ["manifest-hostile.txt", "missing-file.txt"]


def invoke_build(tmp, seeds, *flags):
    """Run `invoke build` on `seeds` with everything it writes inside `tmp`."""
    env = dict(os.environ, COLUMNS="400", NO_COLOR="1")
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "build", *flags, "--seeds", str(seeds),
         "--output", str(tmp / "output"), "--cache", str(tmp / "cache"),
         "--report", str(tmp / "report.json")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    report = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    return result, " ".join((result.stdout + result.stderr).split()), report


@pytest.fixture(scope="module")
def hostile_seeds(tmp_path_factory):
    names = PROBLEMS + ["clean-article.txt", "manifest.tsv"]
    return make_fixtures.write(tmp_path_factory.mktemp("seeds"), names)


def test_strict_build_fails_and_lists_every_problem_file(tmp_path, hostile_seeds):
    result, output, _ = invoke_build(tmp_path, hostile_seeds, "--strict")
    assert result.returncode != 0
    for name in PROBLEMS + MISSING:
        assert name in output, name
    assert "clean-article.txt" not in output


def test_strict_build_fails_on_a_warning_alone(tmp_path):
    seeds = make_fixtures.write(tmp_path / "seeds", ["windows-1256.txt", "clean-article.txt"])
    result, output, report = invoke_build(tmp_path, seeds, "--strict")
    assert report["counts"]["rejected"] == 0
    assert result.returncode != 0 and "windows-1256.txt" in output


def test_strict_build_of_clean_seeds_succeeds(tmp_path):
    seeds = make_fixtures.clean_seeds(tmp_path / "seeds")
    result, output, report = invoke_build(tmp_path, seeds, "--strict")
    assert result.returncode == 0, output
    assert report["counts"]["published"] == len(os.listdir(seeds))


def test_default_build_publishes_the_rest(tmp_path, hostile_seeds):
    result, output, report = invoke_build(tmp_path, hostile_seeds)
    assert result.returncode == 0, output
    entries = {e["file"]: e for e in report["files"]}
    for name in ("clean-article.txt", "windows-1256.txt", "manifest-bad-date.txt"):
        assert entries[name]["outcome"] == "published"
        assert (tmp_path / "output" / entries[name]["url"] / "index.html").exists()
    assert {entries[name]["outcome"] for name in ("empty.txt", "image.txt")} == {"rejected"}


def test_strict_failure_leaves_the_next_autoreload_build_whole(tmp_path, hostile_seeds):
    """Strict mode fails a build with an Exception (not SystemExit) at its very end: the
    sitemap is written and its state reset, the search index finished, so that the same
    Pelican (as `pelican -r` keeps it) builds again whole."""
    from pelican import Pelican
    from pelican.settings import read_settings

    from arshif_seeds.ingest import StrictBuildFailed

    output = tmp_path / "output"
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        settings = read_settings(os.path.join(ROOT, "pelicanconf.py"), override={
            "SEEDS_PATH": str(hostile_seeds), "OUTPUT_PATH": str(output),
            "CACHE_PATH": str(tmp_path / "cache"), "INGEST_REPORT_PATH": str(tmp_path / "report.json"),
            "ARSHIF_STRICT": True})
        pelican = Pelican(settings)
        sitemaps = []
        for _ in range(2):
            with pytest.raises(StrictBuildFailed, match="problem"):
                pelican.run()
            sitemaps.append((output / "sitemap.xml").read_text(encoding="utf-8"))
            assert (output / "search" / "manifest.json").exists()
    finally:
        os.chdir(cwd)
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemaps[1])
    assert locs and len(locs) == len(set(locs))
    assert sitemaps[0] == sitemaps[1]
    assert "clean-article" in sitemaps[1]


def test_under_autoreload_strict_mode_lists_the_problems_and_waits(tmp_path, hostile_seeds, monkeypatch, capsys):
    """`pelican -r` builds again at once after an error: there strict mode lists the
    problems and lets the loop wait for the next change instead of failing each build."""
    import pelican
    import pelican.utils

    waits = []

    def watch(*paths, **options):
        waits.append(paths)
        raise KeyboardInterrupt  # ends the loop, as Ctrl-C does

    monkeypatch.setattr(pelican.utils.watchfiles, "watch", watch)
    overrides = {"SEEDS_PATH": str(hostile_seeds), "CACHE_PATH": str(tmp_path / "cache"),
                 "INGEST_REPORT_PATH": str(tmp_path / "report.json"), "ARSHIF_STRICT": True}
    args = pelican.parse_arguments(
        ["-r", "-s", os.path.join(ROOT, "pelicanconf.py"), "-o", str(tmp_path / "output"), "-e"]
        + [f"{name}={json.dumps(value)}" for name, value in overrides.items()])
    monkeypatch.chdir(ROOT)
    with pytest.raises(KeyboardInterrupt):
        pelican.autoreload(args)
    assert len(waits) == 1  # the build ended without an error and the loop waited
    out = capsys.readouterr().out
    assert "Strict build found" in out and "empty.txt" in out
    assert (tmp_path / "output" / "sitemap.xml").exists()


def test_autoreload_watches_the_seeds_folder(tmp_path, monkeypatch):
    """Pelican watches PATH, THEME, the settings and STATIC_PATHS; seeds/ lies beside content/."""
    import pelican
    import pelican.utils

    import arshif_seeds
    from arshif_core import pelican_compat

    watched = []

    def watch(*paths, **options):
        watched.extend(paths)
        return iter([{("modified", paths[0])}])

    monkeypatch.setattr(pelican.utils.watchfiles, "watch", watch)
    pelican_compat.watch_too(arshif_seeds.seeds_to_watch)  # as arshif_seeds does when registered
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    settings = {"PATH": os.path.join(ROOT, "content"), "THEME": os.path.join(ROOT, "theme"),
                "SEEDS_PATH": str(seeds), "STATIC_PATHS": []}
    pelican.wait_for_changes(os.path.join(ROOT, "pelicanconf.py"), settings)
    assert str(seeds) in watched
    assert settings["STATIC_PATHS"] == []  # for watching only
