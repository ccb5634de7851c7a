"""sitemap.xml: ``lastmod`` only where an article has a real date.

pelican-sitemap writes a ``lastmod`` for every URL: the 1970-01-01 sentinel
for undated articles, and its own start time for listing pages (which makes
two builds of the same input differ). ``lastmod`` is optional; both go.
"""

import logging
import os
import re

from arshif_core.pelican_compat import sitemap_clock

logger = logging.getLogger(__name__)

SENTINEL = "1970-01-01T00:00:00"


def without_false_lastmod(xml, clock):
    """The sitemap text without ``lastmod`` elements holding the sentinel or *clock*."""
    false = re.compile(r"<lastmod>(?:%s[^<]*|%s)</lastmod>\n?" % (SENTINEL, re.escape(clock)))
    return false.sub("", xml)


def fix_sitemap(pelican):
    """Rewrite OUTPUT_PATH/sitemap.xml, once pelican-sitemap has written it."""
    path = os.path.join(pelican.output_path, "sitemap.xml")
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        xml = f.read()
    fixed = without_false_lastmod(xml, sitemap_clock())
    if fixed != xml:
        with open(path, "w", encoding="utf-8") as f:
            f.write(fixed)
        logger.debug("Dropped %d lastmod without a date from %s",
                     xml.count("<lastmod>") - fixed.count("<lastmod>"), path)
