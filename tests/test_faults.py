"""Faults: after a killed build, a damaged cache, a removed seed or an output
folder shared by other seeds and caches, the next build's output equals a
clean build's, file for file.

Every build is a separate process (`DRIVER`) so that a build can be killed
with SIGKILL at a chosen point: the driver kills its own process group (the
search child included) from inside Pelican's page writing or the search
export, which makes the point of the kill exact without any clock.
"""

import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from sitebuild import ROOT, SEED_ARTICLE, SEEDS, copy_seeds
from test_reproducible import differences, snapshot

TESTS = os.path.dirname(os.path.abspath(__file__))
NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[3::17][:6]

DRIVER = """
import os, pathlib, signal, sys
sys.path[:0] = [{tests!r}, {plugins!r}]
from sitebuild import build_site

seeds, output, cache, fault = sys.argv[1:5]


def die(path):
    # The file being written is left torn, then the whole build is killed.
    with open(path, "r+b") as handle:
        handle.truncate(os.path.getsize(path) // 2)
    os.killpg(0, signal.SIGKILL)


if fault == "pages":
    from pelican import signals
    written = []

    def on_written(path, context):
        written.append(path)
        if len(written) == 3:
            die(path)

    signals.content_written.connect(on_written)
elif fault == "export":
    real_write = pathlib.Path.write_bytes
    exported = []

    def write_bytes(self, data):
        result = real_write(self, data)
        if os.sep + "search" + os.sep in str(self):
            exported.append(self)
            if len(exported) == 3:
                die(self)
        return result

    pathlib.Path.write_bytes = write_bytes
elif fault.startswith("drop:"):
    # Pelican finds the article of this seed invalid after reading it; the build is strict.
    from pelican.contents import Article
    valid = Article.is_valid
    Article.is_valid = lambda self: getattr(self, "source_file", None) != fault[5:] and valid(self)
build_site(seeds, output, CACHE_PATH=cache, INGEST_REPORT_PATH=output + "-report.json",
           ARSHIF_STRICT=fault.startswith("drop:"))
""".format(tests=TESTS, plugins=os.path.join(ROOT, "plugins"))


def build(seeds, output, cache, fault="none"):
    """Run one build in its own process group; returns the finished process."""
    return subprocess.run(
        [sys.executable, "-c", DRIVER, str(seeds), str(output), str(cache), fault],
        cwd=ROOT, capture_output=True, text=True, start_new_session=True, timeout=900)


def built(seeds, output, cache, fault="none"):
    result = build(seeds, output, cache, fault)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """Snapshots of clean builds (fresh output, fresh cache), by seeds folder."""
    snapshots = {}
    tmp = tmp_path_factory.mktemp("clean")

    def of(seeds):
        key = tuple(sorted((p.name, p.read_bytes()) for p in seeds.iterdir()))
        if key not in snapshots:
            folder = tmp / str(len(snapshots))
            built(seeds, folder / "output", folder / "cache")
            snapshots[key] = snapshot(folder / "output")
        return snapshots[key]

    return of


def seeds_before_and_after(tmp):
    """Two seed folders: the second has one seed removed, one added, one changed."""
    before = copy_seeds(NAMES[:5], tmp / "seeds-before")
    after = copy_seeds(NAMES[1:6], tmp / "seeds-after")
    changed = after / NAMES[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nفقرة أضيفت إلى الخبر بعد نشره.\n",
                       encoding="utf-8")
    return before, after


def same_as_clean(output, clean_snapshot):
    assert differences(snapshot(output), clean_snapshot) == []


@pytest.mark.parametrize("fault", ["pages", "export"])
def test_build_killed_midway_is_repaired_by_the_next(tmp_path, clean, fault):
    before, after = seeds_before_and_after(tmp_path)
    output, cache = tmp_path / "output", tmp_path / "cache"
    built(before, output, cache)
    killed = build(after, output, cache, fault)
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-3000:]
    built(after, output, cache)
    same_as_clean(output, clean(after))


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_cache_is_discarded_and_rebuilt(tmp_path, clean, damage):
    seeds = copy_seeds(NAMES[:5], tmp_path / "seeds")
    output, cache = tmp_path / "output", tmp_path / "cache"
    built(seeds, output, cache)
    damaged = [p for p in cache.rglob("*") if p.is_file() and p.stat().st_size]
    assert any("Readers" in p.name for p in damaged) and any("whoosh" in p.parts for p in damaged)
    for path in damaged:
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 2] if damage == "truncated" else b"\x80\x04garbage" * 7)
    result = built(seeds, output, cache)
    assert "damaged" in result.stdout + result.stderr
    same_as_clean(output, clean(seeds))


def test_removed_seed_leaves_no_page(tmp_path, clean):
    seeds = copy_seeds(NAMES[:5], tmp_path / "seeds")
    output, cache = tmp_path / "output", tmp_path / "cache"
    built(seeds, output, cache)
    report = json.loads((tmp_path / "output-report.json").read_text(encoding="utf-8"))
    gone = next(e for e in report["files"] if e["file"] == NAMES[0])
    assert (output / gone["url"] / "index.html").exists()
    (seeds / NAMES[0]).unlink()
    built(seeds, output, cache)
    assert not (output / gone["url"]).exists()
    same_as_clean(output, clean(seeds))


def test_output_shared_by_other_seeds_and_caches(tmp_path, clean):
    first, second = seeds_before_and_after(tmp_path)
    output = tmp_path / "output"
    built(first, output, tmp_path / "cache-1")
    built(second, output, tmp_path / "cache-2")
    same_as_clean(output, clean(second))
    # Cache 1 remembers pages that the build with cache 2 has since overwritten.
    built(first, output, tmp_path / "cache-1")
    same_as_clean(output, clean(first))


def test_files_the_build_never_wrote_are_left_alone(tmp_path):
    seeds = copy_seeds(NAMES[:3], tmp_path / "seeds")
    output = tmp_path / "output"
    (output / "keep").mkdir(parents=True)
    (output / "keep" / "mine.html").write_text("<p>mine</p>", encoding="utf-8")
    built(seeds, output, tmp_path / "cache")
    shutil.rmtree(tmp_path / "cache")
    built(copy_seeds(NAMES[3:5], tmp_path / "other"), output, tmp_path / "cache")
    assert (output / "keep" / "mine.html").read_text(encoding="utf-8") == "<p>mine</p>"


def test_a_seed_that_breaks_the_reader_is_rejected_not_the_build(tmp_path, monkeypatch):
    from arshif_seeds import reader
    from sitebuild import build_site

    seeds = copy_seeds(NAMES[:3], tmp_path / "seeds")
    real = reader.parse_seed

    def parse(text, name, *args, **kwargs):
        if name == NAMES[1]:
            raise IndexError("list index out of range")
        return real(text, name, *args, **kwargs)

    monkeypatch.setattr(reader, "parse_seed", parse)
    build_site(seeds, tmp_path / "output")
    report = json.loads((tmp_path / "output-ingest-report.json").read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in report["files"]}
    assert entries[NAMES[1]]["outcome"] == "rejected"
    assert "IndexError" in entries[NAMES[1]]["reason"]
    assert [entries[n]["outcome"] for n in (NAMES[0], NAMES[2])] == ["published", "published"]


def test_a_seed_pelican_drops_is_not_reported_published(tmp_path):
    """Pelican drops an article it finds invalid after the seed was read: the
    report says so and --strict fails (in a process of its own: a strict
    failure ends the build inside Pelican's `finalized`)."""
    seeds = copy_seeds(NAMES[:3], tmp_path / "seeds")
    result = build(seeds, tmp_path / "output", tmp_path / "cache", f"drop:{NAMES[1]}")
    assert result.returncode == 1, result.stderr[-3000:]
    report = json.loads((tmp_path / "output-report.json").read_text(encoding="utf-8"))
    entries = {e["file"]: e for e in report["files"]}
    assert entries[NAMES[1]]["outcome"] == "rejected" and "no article" in entries[NAMES[1]]["reason"]
    assert entries[NAMES[0]]["outcome"] == "published"
    assert (tmp_path / "output" / entries[NAMES[0]]["url"] / "index.html").exists()
