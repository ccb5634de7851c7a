"""`invoke rebuild` builds from scratch: nothing of the earlier build's cache or output is reused."""

import json
import subprocess
import sys

from sitebuild import ROOT, SEED_ARTICLE, SEEDS, copy_seeds


def invoke(*args):
    subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, check=True,
                   capture_output=True, text=True)


def test_rebuild_removes_the_cache_and_empties_the_output(tmp_path):
    seeds = copy_seeds(["00006_cases.txt", "00025_cases.txt", SEED_ARTICLE], tmp_path / "seeds",
                       source=SEEDS)
    out, cache, report = tmp_path / "out", tmp_path / "cache", tmp_path / "report.json"
    where = ["--seeds", str(seeds), "--output", str(out), "--cache", str(cache),
             "--report", str(report)]
    invoke("build", *where)
    assert (out / "index.html").exists() and (cache / "whoosh").is_dir()
    (cache / "left-over").write_text("from an earlier build", encoding="utf-8")
    (out / "left-over.html").write_text("from an earlier build", encoding="utf-8")

    invoke("rebuild", *where)
    assert not (cache / "left-over").exists() and not (out / "left-over.html").exists()
    assert (out / "index.html").exists() and (cache / "whoosh").is_dir()
    assert (out / "search" / "manifest.json").exists()
    published = [e["url"] for e in json.loads(report.read_text(encoding="utf-8"))["files"]
                 if e["outcome"] == "published"]
    assert len(published) == 3
    assert all((out / url / "index.html").exists() for url in published)
