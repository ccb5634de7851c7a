"""Settings for a deployed build (GitHub Pages project site under a sub-path)."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

# A project site lives at https://USER.github.io/REPO/; set SITEURL to it.
SITEURL = os.environ.get("SITEURL", "https://example.github.io/arshif")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False
