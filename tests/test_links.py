"""No broken internal link, anchor or asset, in a local build and in builds
served from a GitHub Pages sub-path (SITEURL "/arshif", and a full project-site
address); links leave the site only to an article's original URL, marked nofollow."""

import os
import urllib.request
from pathlib import Path

import pytest

from browser import serve
from linkcheck import check_site, parse_page
from sitebuild import SEED_ARTICLE, SEEDS, build_site, copy_seeds

NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[::8][:19] + [SEED_ARTICLE]
DEPLOYED = "https://example.github.io/arshif"
# Original URLs given in the manifest for a few articles.
ORIGINAL = {name: f"https://news.example.com/{Path(name).stem}?ref=a&b=1" for name in NAMES[:3]}


def seeds_with_urls(target):
    """The sample seeds, with a manifest `url` column for the ORIGINAL ones."""
    copy_seeds(NAMES, target)
    manifest = os.path.join(target, "manifest.tsv")
    with open(manifest, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    rows = [lines[0] + "\turl"] + [ln + "\t" + ORIGINAL.get(ln.split("\t", 1)[0], "") for ln in lines[1:]]
    with open(manifest, "w", encoding="utf-8") as handle:
        handle.write("\n".join(rows) + "\n")
    return target


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    return seeds_with_urls(tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def local(seeds, tmp_path_factory):
    output = tmp_path_factory.mktemp("local") / "output"
    build_site(seeds, output)
    return output


@pytest.fixture(scope="module")
def subpath(seeds, tmp_path_factory):
    output = tmp_path_factory.mktemp("subpath") / "output"
    build_site(seeds, output, settings_file="publishconf.py", SITEURL="/arshif", FEED_DOMAIN="/arshif")
    return output


@pytest.fixture(scope="module")
def deployed(seeds, tmp_path_factory):
    output = tmp_path_factory.mktemp("deployed") / "output"
    build_site(seeds, output, settings_file="publishconf.py", SITEURL=DEPLOYED, FEED_DOMAIN=DEPLOYED)
    return output


@pytest.fixture(scope="module")
def local_report(local):
    return check_site(local, "")


@pytest.fixture(scope="module")
def subpath_report(subpath):
    return check_site(subpath, "/arshif")


@pytest.fixture(scope="module")
def deployed_report(deployed):
    return check_site(deployed, DEPLOYED)


def test_local_build_has_no_broken_link(local_report):
    assert local_report.broken == []
    assert "/theme/css/main.css" in local_report.internal


def test_subpath_build_has_no_broken_link(subpath_report):
    assert subpath_report.broken == []
    assert subpath_report.internal, "no internal link found"
    assert all(path.startswith("/arshif/") for path in subpath_report.internal)


def test_deployed_build_has_no_broken_link(deployed_report):
    assert deployed_report.broken == []
    assert all(path.startswith("/arshif/") for path in deployed_report.internal)


def test_subpath_links_resolve_over_http(subpath, subpath_report):
    """Each internal URL, fetched from a server that only answers under /arshif/."""
    failed = []
    with serve(subpath, "/arshif/") as base:
        origin = base.removesuffix("/arshif/")
        for path in sorted(subpath_report.internal):
            try:
                with urllib.request.urlopen(origin + path) as response:
                    response.read()
            except OSError as error:
                failed.append(f"{path}: {error}")
    assert failed == []


@pytest.mark.parametrize("build", ["local", "subpath", "deployed"])
def test_every_page_is_reachable_from_the_front_page(build, request):
    output = request.getfixturevalue(build)
    report = request.getfixturevalue(build + "_report")
    pages = {p.relative_to(output).as_posix() for p in output.rglob("*.html")}
    assert pages - report.reachable == {"404.html"}


@pytest.mark.parametrize("build", ["local", "subpath", "deployed"])
def test_external_links_are_only_nofollow_original_urls(build, request):
    report = request.getfixturevalue(build + "_report")
    for link in report.external:
        assert link.tag == "a" and link.url in ORIGINAL.values(), link
        assert "nofollow" in link.rel.split(), link
    # Each original URL is on its own article's page.
    found = {(Path(link.page).parent.name, link.url) for link in report.external}
    assert {(Path(name).stem, url) for name, url in ORIGINAL.items()} <= found


@pytest.mark.parametrize("build", ["local", "subpath", "deployed"])
def test_404_page_links_work_from_any_depth(build, request):
    """GitHub Pages serves 404.html at the missing URL itself, at any depth:
    its links must not be relative to the page's own folder."""
    links = parse_page(request.getfixturevalue(build) / "404.html").links
    assert links
    assert [url for _, url, _ in links if not url.startswith(("/", "https://", "#"))] == []
