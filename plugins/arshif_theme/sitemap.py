"""No fake ``lastmod`` for undated articles in pelican-sitemap's sitemap.xml.

pelican-sitemap writes ``lastmod`` from the article date, which for undated
articles is the 1970-01-01 sentinel; lastmod is optional, so it is dropped.
"""

import logging
import os
import re

logger = logging.getLogger(__name__)

SENTINEL_LASTMOD = re.compile(r"<lastmod>1970-01-01T00:00:00[^<]*</lastmod>\n?")


def without_sentinel_lastmod(xml):
    """The sitemap text with every sentinel-dated ``lastmod`` element removed."""
    return SENTINEL_LASTMOD.sub("", xml)


def fix_sitemap(pelican):
    """Rewrite OUTPUT_PATH/sitemap.xml, once pelican-sitemap has written it."""
    path = os.path.join(pelican.output_path, "sitemap.xml")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        xml = f.read()
    fixed = without_sentinel_lastmod(xml)
    if fixed != xml:
        with open(path, "w", encoding="utf-8") as f:
            f.write(fixed)
        logger.debug("arshif_theme: dropped undated lastmod from %s", path)
