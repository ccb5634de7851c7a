"""The same input builds the same bytes: no clock, hash-seed order or build
path leaks into the output, whether the build starts fresh or from its cache.

Each build is a separate `invoke build` process with its own PYTHONHASHSEED,
so that set and dict order that depends on string hashing shows up as a diff.
"""

import datetime
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT, SEED_ARTICLE, SEEDS, copy_seeds

NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[::8][:19] + [SEED_ARTICLE]


def invoke_build(seeds, folder, hashseed):
    """`invoke build` of `seeds` into folder/output, with its cache and report beside it."""
    env = dict(os.environ, PYTHONHASHSEED=str(hashseed))
    subprocess.run(
        [sys.executable, "-m", "invoke", "build", "--seeds", str(seeds), "--output", str(folder / "output"),
         "--cache", str(folder / "cache"), "--report", str(folder / "report.json")],
        cwd=ROOT, env=env, check=True, capture_output=True,
    )
    return folder / "output"


def snapshot(output):
    """{relative path: bytes} of every file of a build."""
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def differences(first, second):
    """One line per file that is missing from one build or differs, with the
    first differing line of text files."""
    lines = [f"only in first: {n}" for n in sorted(first.keys() - second.keys())]
    lines += [f"only in second: {n}" for n in sorted(second.keys() - first.keys())]
    for name in sorted(first.keys() & second.keys()):
        if first[name] != second[name]:
            a = first[name].decode("utf-8", "replace").splitlines()
            b = second[name].decode("utf-8", "replace").splitlines()
            where = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            lines.append(f"{name}: line {where + 1}: {a[where:where + 1]} != {b[where:where + 1]}")
    return lines


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Snapshots of: a fresh build, another fresh build elsewhere, and the first
    folder built again with its cache."""
    tmp = tmp_path_factory.mktemp("repro")
    seeds = copy_seeds(NAMES, tmp / "seeds")
    first = snapshot(invoke_build(seeds, tmp / "a", 1))
    second = snapshot(invoke_build(seeds, tmp / "b", 2))
    again = snapshot(invoke_build(seeds, tmp / "a", 3))
    return first, second, again


def test_two_fresh_builds_are_identical(builds):
    first, second, _ = builds
    assert len(first) > 50
    assert differences(first, second) == []


def test_rebuild_with_cache_is_identical(builds):
    first, _, again = builds
    assert differences(first, again) == []


def test_no_build_date_in_the_output(builds):
    """The corpus is from 2013; the day of the build has no place in the site."""
    today = datetime.date.today()
    stamps = {today.isoformat().encode(), (today - datetime.timedelta(days=1)).isoformat().encode()}
    dated = sorted(name for name, data in builds[0].items() if any(s in data for s in stamps))
    assert dated == []


def test_output_does_not_depend_on_the_folder(builds, tmp_path_factory):
    """No build path (tmp folder, cache) is written into a page."""
    first = builds[0]
    base = str(tmp_path_factory.getbasetemp()).encode()
    assert [name for name, data in first.items() if base in data or ROOT.encode() in data] == []
