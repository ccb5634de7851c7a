"""Work done in other processes (seeds parsed ahead by a pool of workers, the
search index built while the pages are written) gives the same site as work
done in one process, and a failure there still fails the build."""

import json
import os

import pytest

from sitebuild import SEEDS, build_site, copy_seeds
from test_reproducible import differences, snapshot

SERIAL = {"SEEDS_WORKERS": 0, "ARSHIF_SEARCH": {"parallel": False}}
PARALLEL = {"SEEDS_WORKERS": 2, "SEEDS_PARALLEL_MIN": 1, "ARSHIF_SEARCH": {"parallel": True}}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("parallel")
    serial = tmp / "serial"
    parallel = tmp / "parallel"
    build_site(SEEDS, serial, **SERIAL)
    build_site(SEEDS, parallel, **PARALLEL)
    return serial, parallel


def test_parallel_build_is_identical_to_serial(two_builds):
    serial, parallel = two_builds
    first, second = snapshot(serial), snapshot(parallel)
    assert len(first) > 300
    assert differences(first, second) == []


def test_parallel_build_accounts_for_every_seed(two_builds):
    reports = [json.loads(open(f"{folder}-ingest-report.json", encoding="utf-8").read())
               for folder in two_builds]
    assert reports[0] == reports[1]
    seeds = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))
    assert sorted(f["file"] for f in reports[1]["files"] if f["outcome"] == "published") == seeds


def test_same_date_articles_are_listed_by_seed_name(tmp_path):
    """Two Al-Ahram pieces filed at the same second keep one order in every build."""
    seeds = copy_seeds(["00025_cases.txt", "00027_cases.txt", "00006_cases.txt"], tmp_path / "seeds")
    build_site(seeds, tmp_path / "out")
    front = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert front.index("/a/00027_cases/") < front.index("/a/00025_cases/") < front.index("/a/00006_cases/")


def test_a_failed_search_index_fails_the_build(tmp_path):
    seeds = copy_seeds(["00025_cases.txt"], tmp_path / "seeds")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "whoosh").write_text("not a folder", encoding="utf-8")
    with pytest.raises(RuntimeError, match="search index failed"):
        build_site(seeds, tmp_path / "out", CACHE_PATH=str(cache), **PARALLEL)


def test_seeds_are_parsed_by_the_workers(tmp_path, monkeypatch):
    import arshif_seeds.prefetch as prefetch

    handed = []
    take = prefetch.Prefetch.take

    def counting_take(self, path):
        result = take(self, path)
        handed.append((os.path.basename(path), result is not None))
        return result

    monkeypatch.setattr(prefetch.Prefetch, "take", counting_take)
    names = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt"))[:12]
    build_site(copy_seeds(names, tmp_path / "seeds"), tmp_path / "out", **PARALLEL)
    assert sorted(handed) == [(n, True) for n in names]
    # A second build reads them from Pelican's cache: nothing to parse ahead.
    handed.clear()
    build_site(tmp_path / "seeds", tmp_path / "out", **PARALLEL)
    assert handed == []


def test_work_is_handed_to_workers_a_window_at_a_time():
    """`prefetch.mapped` keeps the order; it reads one window ahead at most while it
    decides, and forks only for a window with enough real work."""
    from arshif_seeds import prefetch

    pulled = []

    def items():
        for n in range(10):
            pulled.append(n)
            yield n

    settings = {"SEEDS_WORKERS": 2, "SEEDS_PARALLEL_MIN": 3}
    results = prefetch.mapped(lambda n: n * 2, items(), settings, counts=lambda n: n >= 8, window=4)
    assert next(results) == 0 and pulled == [0, 1, 2, 3]  # a window of little work: done here
    assert list(results) == [n * 2 for n in range(1, 10)]
    done = list(prefetch.mapped(lambda n: (n, os.getpid()), range(10), settings, window=4))
    assert [n for n, _ in done] == list(range(10))
    assert os.getpid() not in {pid for _, pid in done}  # enough work: all done by the workers
