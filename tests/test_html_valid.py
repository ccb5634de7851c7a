"""Every page template renders HTML that an HTML5 parser reads without a single
parse error (html5lib, the WHATWG parsing algorithm)."""

import os
import shutil

import html5lib
import pytest

from sitebuild import ROOT, SEED_ARTICLE, SEEDS, build_site, copy_seeds

NAMES = sorted(n for n in os.listdir(SEEDS) if n.endswith(".txt") and n != SEED_ARTICLE)[::8][:19] + [SEED_ARTICLE]
PAGE = """Title: عن الأرشيف
Slug: html-check

هذا **أرشيف** للأخبار العربية، مع [قائمة المصادر](/sources/) و`رمز`.

## الأقسام

- أخبار
- تحقيقات

> اقتباس قصير.
"""
# Page kind → output files of that kind (globs).
KINDS = {
    "index": ["index.html"],
    "index page 2": ["page/2/index.html"],
    "article": ["a/000_90cf851c62d0d665/index.html", "a/[0-9]*_*/index.html"],
    "category": ["category/*/index.html", "category/*/page/*/index.html"],
    "tag": ["tag/*/index.html"],
    "source": ["source/*/index.html"],
    "archives": ["archives/index.html"],
    "year archive": ["archives/[0-9][0-9][0-9][0-9]/index.html"],
    "month archive": ["archives/[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html"],
    "categories": ["categories/index.html"],
    "tags": ["tags/index.html"],
    "sources": ["sources/index.html"],
    "search": ["search/index.html"],
    "404": ["404.html"],
    "page": ["pages/*/index.html"],
}


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    """A site with every kind of page: the project's content/ plus one more
    hand-written page, listings long enough to paginate, and tags shared by
    two articles."""
    tmp = tmp_path_factory.mktemp("html")
    content = tmp / "content"
    shutil.copytree(os.path.join(ROOT, "content"), content)
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "html-check.md").write_text(PAGE, encoding="utf-8")
    seeds = copy_seeds(NAMES, tmp / "seeds")
    build_site(seeds, tmp / "output", PATH=str(content), DEFAULT_PAGINATION=5, ARSHIF_TAG_MIN_ARTICLES=2)
    return tmp / "output"


def parse_errors(path):
    """html5lib's parse errors for one file, as readable strings."""
    parser = html5lib.HTMLParser(namespaceHTMLElements=False)
    parser.parse(path.read_bytes(), transport_encoding="utf-8")
    return [f"line {line} col {col}: {code} {data or ''}" for (line, col), code, data in parser.errors]


@pytest.mark.parametrize("kind", KINDS)
def test_pages_parse_without_errors(output, kind):
    files = sorted({path for pattern in KINDS[kind] for path in output.glob(pattern)})
    assert files, f"no {kind} page was built"
    problems = {str(path.relative_to(output)): errors for path in files if (errors := parse_errors(path))}
    assert problems == {}
