"""Build a real Arshif site into a folder, the way `invoke build --seeds --output` does."""

import os

from pelican import Pelican
from pelican.settings import read_settings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")
SEED_ARTICLE = "000_90cf851c62d0d665.txt"
# Committed egynews2013 articles beyond seeds/ (see its ATTRIBUTION); the full
# corpus is for the benchmarks only.
SAMPLE = os.path.join(ROOT, "tests", "fixtures", "egynews")


def build_site(seeds, output, settings_file="pelicanconf.py", **overrides):
    """Run Pelican on `seeds` into `output`; return the settings used.

    The cache and the ingest report go beside `output` so that tests never touch
    the project's own cache/ or ingest-report.json.
    """
    base = os.path.dirname(os.path.abspath(output))
    name = os.path.basename(os.path.abspath(output))
    settings_overrides = {
        "SEEDS_PATH": os.path.abspath(seeds),
        "OUTPUT_PATH": os.path.abspath(output),
        "CACHE_PATH": os.path.join(base, name + "-cache"),
        "INGEST_REPORT_PATH": os.path.join(base, name + "-ingest-report.json"),
    }
    settings_overrides.update(overrides)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        settings = read_settings(os.path.join(ROOT, settings_file), override=settings_overrides)
        Pelican(settings).run()
    finally:
        os.chdir(cwd)
    return settings


def copy_seeds(names, target, source=SEEDS, manifest=True):
    """Copy some seed files (and their manifest rows) into a seeds folder.

    Copying from a second source with the same manifest columns (seeds/ and
    SAMPLE) adds its rows to the manifest already there.
    """
    import shutil

    os.makedirs(target, exist_ok=True)
    for name in names:
        shutil.copy(os.path.join(source, name), os.path.join(target, name))
    manifest_path = os.path.join(source, "manifest.tsv")
    if manifest and os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        keep = [ln for ln in lines[1:] if ln.split("\t", 1)[0] in names]
        existing = os.path.join(target, "manifest.tsv")
        if os.path.exists(existing):
            with open(existing, encoding="utf-8") as handle:
                assert handle.readline().rstrip("\n") == lines[0], "manifest columns differ"
            with open(existing, "a", encoding="utf-8") as handle:
                handle.write("".join(ln + "\n" for ln in keep))
        else:
            with open(existing, "w", encoding="utf-8") as handle:
                handle.write("\n".join([lines[0]] + keep) + "\n")
    return target
