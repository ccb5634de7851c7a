"""Shared test plugins: the session-wide Chromium of tests/browser.py."""

pytest_plugins = ["browser"]
