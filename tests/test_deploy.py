"""`invoke gh-pages` publishes a working site: run in a copy of the project, it
pushes a publishconf build (with .nojekyll) to a local bare repository, and
that branch, served under /arshif/ like a GitHub Pages project site, can be
browsed and searched in Chromium."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pelican.settings import read_settings

from browser import new_page, serve
from sitebuild import ROOT, SEED_ARTICLE, SEEDS, copy_seeds

NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[::25] + [SEED_ARTICLE]
PROJECT_FILES = ["content", "theme", "plugins", "pelicanconf.py", "publishconf.py", "tasks.py"]


def git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """(project copy, checkout of the pushed gh-pages branch)."""
    tmp = tmp_path_factory.mktemp("deploy")
    project = tmp / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        source = Path(ROOT) / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    copy_seeds(NAMES, project / "seeds")
    git("init", "-q", cwd=project)  # ghp-import commits into the current repository
    remote = tmp / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp)
    env = dict(
        os.environ,
        SITEURL="/arshif",
        PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
        GIT_COMMITTER_NAME="Arshif test", GIT_COMMITTER_EMAIL="test@example.invalid",
    )
    run = subprocess.run([sys.executable, "-m", "invoke", "gh-pages", "--remote", str(remote)],
                         cwd=project, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-3000:]
    checkout = tmp / "checkout"
    git("clone", "-q", "--branch", "gh-pages", str(remote), str(checkout), cwd=tmp)
    return project, checkout


def files(folder):
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and ".git" not in p.parts}


def test_branch_holds_the_build_and_nojekyll(published):
    project, checkout = published
    assert (checkout / ".nojekyll").is_file()
    assert files(checkout) == files(project / "output") | {".nojekyll"}
    assert 'href="/arshif/' in (checkout / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(published):
    with serve(published[1], "/arshif/") as base:
        yield base


@pytest.fixture
def page(chromium):
    page = new_page(chromium, locale="ar-EG")
    yield page
    errors, external = page.errors, page.external
    page.context.close()
    assert errors == [], "console errors or CSP violations"
    assert external == [], "requests left the site"


def test_front_page_to_article_to_category(site, page):
    page.goto(site)
    first = page.locator("main ol a").first
    title = first.inner_text()
    first.click()
    page.wait_for_load_state()
    assert page.url.startswith(site) and page.url != site
    assert page.locator("article h1").inner_text() == title
    article_url = page.url
    page.locator('article footer a[href*="/category/"]').click()
    page.wait_for_load_state()
    assert page.url.startswith(site + "category/")
    hrefs = page.eval_on_selector_all("main a", "links => links.map(a => a.href)")
    assert article_url in hrefs


def test_search_finds_the_seed_article(site, page):
    page.goto(site + "search/")
    results = page.evaluate(
        "async q => { await window.archiveSearch.ready; return window.archiveSearch.search(q, {limit: 10}); }",
        "الصين",
    )
    found = [r for r in results if r["source_file"] == SEED_ARTICLE]
    assert found, results
    response = page.goto(page.evaluate("u => new URL(u, location.href).href", found[0]["url"]))
    assert response.ok and page.url.startswith(site)
    assert page.locator("article h1").inner_text() == found[0]["title"]


# --- The GitHub Actions workflow (.github/workflows/pages.yml) ---------------


@pytest.fixture(scope="module")
def workflow():
    import yaml

    with open(Path(ROOT) / ".github" / "workflows" / "pages.yml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def readme_commands(word):
    """The README's documented commands whose description mentions `word`."""
    readme = (Path(ROOT) / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (.*) \|$", readme, flags=re.M)
    return {command for command, what in rows if word in what}


def steps_using(job, action):
    return [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]


def test_workflow_builds_with_the_readme_publish_command(workflow):
    build = workflow["jobs"]["build"]
    python = steps_using(build, "actions/setup-python")
    assert steps_using(build, "actions/checkout") and python
    assert str(python[0]["with"]["python-version"]) == "3.11"
    runs = [s for s in build["steps"] if "run" in s]
    assert runs[0]["run"].strip() == "pip install -r requirements.txt"
    # A documented publishconf build that does not push anywhere itself.
    builds = readme_commands("publishconf.py") - {"invoke gh-pages"}
    [step] = [s for s in runs if s["run"].strip() in builds]
    assert "SITEURL" in step["env"]
    # The build reads its address from configure-pages, which must come first.
    [pages] = steps_using(build, "actions/configure-pages")
    assert pages["id"] in step["env"]["SITEURL"]
    assert build["steps"].index(pages) < build["steps"].index(step)


def test_workflow_uploads_the_output_and_deploys_it(workflow):
    settings = read_settings(os.path.join(ROOT, "publishconf.py"))
    [upload] = steps_using(workflow["jobs"]["build"], "actions/upload-pages-artifact")
    assert os.path.abspath(os.path.join(ROOT, upload["with"]["path"])) == os.path.abspath(
        os.path.join(ROOT, settings["OUTPUT_PATH"]))
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and steps_using(deploy, "actions/deploy-pages")
    assert deploy["environment"]["name"] == "github-pages"
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
