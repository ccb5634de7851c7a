"""Shared helpers for browser tests: build a small site, serve it, drive Chromium.

Use from a test module with ``pytest_plugins = ["browser"]`` (registers the
session-wide ``chromium`` fixture once, whichever modules ask for it) and
``from browser import build_site, serve, new_page``.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

import sitebuild
from sitebuild import SEEDS, copy_seeds

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking"]
# What a strict deployment would send: no inline or foreign scripts.
STRICT_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'"


def build_site(tmp: Path, seeds: list[str] | None = None, siteurl: str = "", **settings) -> Path:
    """Build the site from the project's seeds/ (or only the named seed files, with
    their manifest rows) into ``tmp/output`` and return that folder. Extra
    keyword arguments override Pelican settings (e.g. ``ARSHIF_DIGITS="arab"``)."""
    tmp = Path(tmp)
    seeds_dir = SEEDS if seeds is None else copy_seeds(seeds, tmp / "seeds")
    output = tmp / "output"
    sitebuild.build_site(seeds_dir, output, SITEURL=siteurl, FEED_DOMAIN=siteurl, **settings)
    return output


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix`` only (like GitHub Pages serving a
    project site under /REPO/), with a strict CSP header on every response."""

    prefix = "/"
    csp = STRICT_CSP

    def translate_path(self, path):
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.prefix):
            return os.path.join(self.directory, "\0missing")  # → 404
        return super().translate_path("/" + path[len(self.prefix):])

    def end_headers(self):
        if self.csp:
            self.send_header("Content-Security-Policy", self.csp)
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(directory: Path, prefix: str = "/", csp: str | None = STRICT_CSP):
    """Serve ``directory`` on 127.0.0.1 (free port) under ``prefix`` ("/" or
    "/arshif/"); yields the base URL, e.g. ``http://127.0.0.1:PORT/arshif/``."""
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix, "csp": csp})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(directory))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def chromium():
    """One headless Debian Chromium for the whole test session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_page(browser, **context_options):
    """A page in a fresh context that records problems instead of hiding them:
    ``page.errors`` (uncaught exceptions and console errors, including CSP
    violations), ``page.dialogs`` (alert/confirm/prompt messages, dismissed) and
    ``page.external`` (requests to any host but 127.0.0.1, which are blocked)."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.errors, page.dialogs, page.external = [], [], []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if host == "127.0.0.1" or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            page.external.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return page  # close with page.context.close()
