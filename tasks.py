"""Invoke tasks for Arshif, in the style of pelican-quickstart's tasks.py."""

import os
import shlex
import shutil
import sys

from invoke import task
from invoke.main import program
from pelican import main as pelican_main
from pelican.server import ComplexHTTPRequestHandler, RootedHTTPServer
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file

SETTINGS_FILE_BASE = "pelicanconf.py"
SETTINGS = {}
SETTINGS.update(DEFAULT_CONFIG)
SETTINGS.update(get_settings_from_file(SETTINGS_FILE_BASE))

CONFIG = {
    "settings_base": SETTINGS_FILE_BASE,
    "settings_publish": "publishconf.py",
    "deploy_path": SETTINGS["OUTPUT_PATH"],
    "github_pages_branch": "gh-pages",
    "commit_message": f"'Publish site on {__import__('datetime').date.today().isoformat()}'",
    "host": "localhost",
    "port": 8000,
}


def _overrides(seeds=None, output=None, strict=False, cache=None, report=None):
    """Pelican -e/-o arguments for a seeds folder and an output folder."""
    args = []
    extra = {}
    if seeds:
        extra["SEEDS_PATH"] = os.path.abspath(seeds)
    if cache:
        extra["CACHE_PATH"] = os.path.abspath(cache)
    if report:
        extra["INGEST_REPORT_PATH"] = os.path.abspath(report)
    if strict:
        extra["ARSHIF_STRICT"] = True
    if extra:
        args += ["-e"] + [f"{k}={__import__('json').dumps(v)}" for k, v in extra.items()]
    if output:
        args += ["-o", os.path.abspath(output)]
    return args


def pelican_run(cmd):
    cmd += " " + program.core.remainder  # allows to pass-through args to pelican
    pelican_main(shlex.split(cmd))


@task
def clean(c):
    """Remove generated files"""
    for path in (CONFIG["deploy_path"], SETTINGS["CACHE_PATH"]):
        if os.path.isdir(path):
            shutil.rmtree(path)


@task(help={"seeds": "folder of seed files (default: seeds/)",
            "output": "output folder (default: output/)",
            "strict": "exit non-zero when a seed was rejected or warned about",
            "cache": "cache folder (default: cache/)",
            "report": "where the ingest report goes (default: ingest-report.json)"})
def build(c, seeds=None, output=None, strict=False, cache=None, report=None):
    """Build the site from content/ and the seeds"""
    args = _overrides(seeds, output, strict, cache, report)
    pelican_run(f"-s {CONFIG['settings_base']} " + " ".join(shlex.quote(a) for a in args))


@task(help={"seeds": "folder of seed files (default: seeds/)",
            "output": "output folder, emptied first (default: output/)",
            "cache": "cache folder, removed first (default: cache/)",
            "report": "where the ingest report goes (default: ingest-report.json)"})
def rebuild(c, seeds=None, output=None, cache=None, report=None):
    """Build from scratch: the cache is removed and Pelican empties the output (-d)"""
    # With the cache kept, a build is already incremental (`build`); this one
    # parses every seed and indexes every article again.
    cache_path = os.path.abspath(cache or SETTINGS["CACHE_PATH"])
    if os.path.isdir(cache_path):
        shutil.rmtree(cache_path)
    args = _overrides(seeds, output, cache=cache, report=report)
    pelican_run(f"-d -s {CONFIG['settings_base']} " + " ".join(shlex.quote(a) for a in args))


@task
def regenerate(c):
    """Automatically regenerate site upon file modification"""
    pelican_run(f"-r -s {CONFIG['settings_base']}")


@task(help={"host": "address to listen on", "port": "port to listen on"})
def serve(c, host=None, port=None, output=None):
    """Serve the site at http://$HOST:$PORT/ (default localhost:8000)"""

    class AddressReuseTCPServer(RootedHTTPServer):
        allow_reuse_address = True

    server = AddressReuseTCPServer(
        output or CONFIG["deploy_path"],
        (host or CONFIG["host"], int(port or CONFIG["port"])),
        ComplexHTTPRequestHandler,
    )
    sys.stderr.write(f"Serving at http://{host or CONFIG['host']}:{port or CONFIG['port']} ...\n")
    server.serve_forever()


@task
def reserve(c):
    """`build`, then `serve`"""
    build(c)
    serve(c)


@task
def preview(c):
    """Build production version of site"""
    pelican_run(f"-s {CONFIG['settings_publish']}")


@task
def livereload(c):
    """Rebuild on changes to content, seeds, plugins or theme, and reload the browser tab."""
    from livereload import Server

    def cached_build():
        # A fresh process each time, so that edited plugins are loaded again.
        c.run(f"{shlex.quote(sys.executable)} -m pelican -s {CONFIG['settings_base']}", warn=True)

    cached_build()
    server = Server()
    theme_path = SETTINGS["THEME"]
    watched_globs = [
        CONFIG["settings_base"],
        f"{theme_path}/templates/**/*.html",
        f"{theme_path}/static/**/*",
        "plugins/**/*.py",
        f"{SETTINGS['SEEDS_PATH']}/**/*",
    ]
    content_file_extensions = [".md", ".rst"]
    for extension in content_file_extensions:
        content_glob = "{}/**/*{}".format(SETTINGS["PATH"], extension)
        watched_globs.append(content_glob)
    static_file_extensions = [".css", ".js"]
    for extension in static_file_extensions:
        static_file_glob = f"{theme_path}/static/**/*{extension}"
        watched_globs.append(static_file_glob)
    for glob in watched_globs:
        server.watch(glob, cached_build)
    server.serve(host=CONFIG["host"], port=CONFIG["port"], root=CONFIG["deploy_path"])


@task
def gh_pages(c, remote="origin", branch=None, push=True):
    """Publish to GitHub Pages with ghp-import (a publishconf build, .nojekyll added)"""
    preview(c)
    branch = branch or CONFIG["github_pages_branch"]
    flags = "-n -f" + (" -p" if push else "")
    c.run(
        f"ghp-import -b {branch} -r {remote} -m {CONFIG['commit_message']} "
        f"{flags} {CONFIG['deploy_path']}"
    )


@task
def test(c):
    """Run the test suite"""
    c.run(f"{sys.executable} -m pytest", pty=False)


@task(help={"sizes": "comma-separated article counts (default 1000,5000,20000)",
            "archive": "also build both corpora together (benchmarks/bench_archive.py)"})
def bench(c, sizes="1000,5000,20000", archive=True):
    """Benchmark the build against plain Pelican on the egynews2013 corpus"""
    c.run(f"{sys.executable} benchmarks/bench_build.py --sizes {sizes.replace(',', ' ')}")
    if archive:
        c.run(f"{sys.executable} benchmarks/bench_archive.py")


@task(help={"per_paper": "SaudiNewsNet records per paper (default 400)",
            "egynews": "egynews2013 articles (default 2000)"})
def bench_reader(c, per_paper=400, egynews=2000):
    """Measure the seed reader on archives as scrapers leave them (benchmarks/results/reader_eval.md)"""
    c.run(f"{sys.executable} benchmarks/reader_eval.py --per-paper {per_paper} --egynews {egynews} "
          "--out benchmarks/results/reader_eval.md", pty=False)


# --- Search ------------------------------------------------------------------


@task(help={"query": "the search words (quotes, -word allowed)",
            "index": "folder of the static index (default: output/search)",
            "limit": "number of results (default 10)"})
def search(c, query, index=None, limit=10):
    """Search the built site's index from the command line, ranked as in the browser"""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "plugins"))
    from arshif_search import cli

    index = index or os.path.join(CONFIG["deploy_path"], "search")
    cli.main([query, "--index", index, "--limit", str(limit)])


@task(help={"docs": "articles to build (first N of egynews2013; default 20000)",
            "write": "write benchmarks/results/search.md"})
def bench_search(c, docs=20000, write=False):
    """Benchmark the search index against Pagefind in headless Chromium"""
    flags = f"--docs {docs}" + (" --write-results" if write else "")
    c.run(f"{sys.executable} benchmarks/bench_search.py {flags}", pty=False)
