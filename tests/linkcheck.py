"""A small link checker over a built site's files, with no server.

Every internal href/src/action of every HTML page (and every url() of every
stylesheet) must name a file of the output folder, under the site's path, and
every #fragment must be an id in the page it points to. Links to other hosts
are returned for the caller to judge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# The attributes that reference another resource, per element.
LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}
# Schemes that name no resource to check.
IGNORED_SCHEMES = {"mailto", "tel", "data"}
# Stand-in origin for a site whose SITEURL has no host ("" or "/arshif").
LOCAL_ORIGIN = "http://site.invalid"
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)""")


@dataclass(frozen=True)
class Link:
    page: str  # output-relative file the link is written in
    tag: str
    url: str  # as written
    rel: str = ""


@dataclass
class Report:
    broken: list[str] = field(default_factory=list)  # "page: url (why)"
    external: list[Link] = field(default_factory=list)
    internal: set[str] = field(default_factory=set)  # absolute paths, e.g. /arshif/feeds/all.atom.xml
    reachable: set[str] = field(default_factory=set)  # HTML files reached from the front page


class _PageParser(HTMLParser):
    """Collects a page's links and the ids (and <a name>) fragments can target."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id",) + (("name",) if tag == "a" else ()):
            if attrs.get(name):
                self.ids.add(attrs[name])
        attr = LINK_ATTRS.get(tag)
        if attr and attrs.get(attr) is not None:
            self.links.append((tag, attrs[attr], attrs.get("rel") or ""))


def parse_page(path: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def page_url(relpath: str) -> str:
    """The URL path a file is served at, relative to the site root ("a/index.html" → "a/")."""
    return relpath.removesuffix("index.html")


def site_base(siteurl: str) -> tuple[str, str]:
    """(origin, path prefix ending in "/") of a SITEURL."""
    parts = urlsplit(siteurl)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.netloc else LOCAL_ORIGIN
    return origin, "/" + parts.path.strip("/") + "/" if parts.path.strip("/") else "/"


class Checker:
    """Resolves links against one output folder served at one SITEURL."""

    def __init__(self, output: Path, siteurl: str = ""):
        self.output = Path(output)
        self.origin, self.prefix = site_base(siteurl)
        self.pages: dict[str, _PageParser] = {}
        self.report = Report()

    def page(self, relpath: str) -> _PageParser:
        if relpath not in self.pages:
            self.pages[relpath] = parse_page(self.output / relpath)
        return self.pages[relpath]

    def resolve(self, base_rel: str, raw: str, link: Link) -> str | None:
        """Check one reference; return the target's output-relative file, if internal and found."""
        url = urljoin(self.origin + self.prefix + page_url(base_rel), raw.strip())
        parts = urlsplit(url)
        if parts.scheme in IGNORED_SCHEMES:
            return None
        if parts.scheme not in ("http", "https"):
            self.report.broken.append(f"{link.page}: {raw} (scheme {parts.scheme})")
            return None
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.report.external.append(link)
            return None
        if not parts.path.startswith(self.prefix):
            self.report.broken.append(f"{link.page}: {raw} (outside {self.prefix})")
            return None
        self.report.internal.add(parts.path)
        rel = unquote(parts.path[len(self.prefix):])
        target = self.output / rel
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        elif target.is_dir():
            self.report.broken.append(f"{link.page}: {raw} (directory without trailing slash)")
            return None
        if not (self.output / rel).is_file():
            self.report.broken.append(f"{link.page}: {raw} (no file {rel})")
            return None
        if parts.fragment and rel.endswith(".html"):
            if unquote(parts.fragment) not in self.page(rel).ids:
                self.report.broken.append(f"{link.page}: {raw} (no id {unquote(parts.fragment)!r} in {rel})")
        return rel

    def check_html(self, relpath: str) -> list[str]:
        """Check a page's links; return the HTML pages it links to."""
        linked = []
        for tag, raw, rel in self.page(relpath).links:
            target = self.resolve(relpath, raw, Link(relpath, tag, raw, rel))
            if target and target.endswith(".html"):
                linked.append(target)
        return linked

    def check_css(self, relpath: str) -> None:
        text = (self.output / relpath).read_text(encoding="utf-8")
        for raw in CSS_URL.findall(text):
            self.resolve(relpath, raw, Link(relpath, "css", raw))

    def crawl_from(self, start: str) -> None:
        seen, todo = {start}, [start]
        while todo:
            for target in self.check_html(todo.pop()):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        self.report.reachable = seen


def check_site(output: Path, siteurl: str = "") -> Report:
    """Check every HTML page and stylesheet of `output` as served at `siteurl`."""
    checker = Checker(output, siteurl)
    checker.crawl_from("index.html")
    for path in sorted(checker.output.rglob("*")):
        rel = path.relative_to(checker.output).as_posix()
        if path.suffix == ".html" and rel not in checker.report.reachable:
            checker.check_html(rel)
        elif path.suffix == ".css":
            checker.check_css(rel)
    return checker.report
