"""Arshif core: what the other Arshif plugins share; first in PLUGINS.

`settings` reads every plugin's settings the same way (defaults, deep merge,
checks at `initialized`); `pelican_compat` holds every use of Pelican's
internals and checks, when Pelican starts, that they are the ones it was
written for.

Pelican loads plugins from PLUGIN_PATHS without putting that folder on
sys.path: a plugin importing another (`arshif_theme` uses `arshif_seeds.ids`
and `arshif_search.analyzer`) would fail unless that one was loaded first.
Loaded first, this plugin appends its folder to sys.path, so that the
plugins import each other whatever their order in PLUGINS.

Pelican calls a signal's receivers in the order they were connected: at
register, so in PLUGINS order. Steps that must come after every plugin's
receivers (pelican-sitemap's and the search plugin's included) are called by
one receiver per signal, connected at `initialized` once every plugin
registered, in the order LAST gives (tests/test_settings.py checks it).
"""

import os
import sys

from pelican import signals

from . import pelican_compat

_PLUGINS_FOLDER = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if _PLUGINS_FOLDER not in sys.path:
    sys.path.append(_PLUGINS_FOLDER)

# Signal → the (plugin, function) steps it ends with, in order; a plugin not loaded is left out.
LAST = {
    # The search index forks with the final articles before the tags are chosen
    # (it does not need them): the child indexes while the parent picks tags.
    "article_generator_pretaxonomy": (("arshif_seeds", "assign_tags"),),
    # The sitemap is fixed once pelican-sitemap wrote it; strict mode judges
    # the finished build last, so that a failure leaves nothing half done
    # (the sitemap's, the writer's and the search job's state included) for
    # the next `pelican -r` run.
    "finalized": (("arshif_theme", "fix_sitemap"), ("arshif_seeds", "enforce_strict")),
}


def _steps(signal, settings):
    for plugin, function in LAST[signal]:
        if plugin in settings.get("PLUGINS", ()) and plugin in sys.modules:
            yield getattr(sys.modules[plugin], function)


def last_pretaxonomy(generator):
    for step in _steps("article_generator_pretaxonomy", generator.settings):
        step(generator)


def last_finalized(pelican):
    for step in _steps("finalized", pelican.settings):
        step(pelican)


def initialized(pelican):
    pelican_compat.check_pelican(pelican)
    signals.article_generator_pretaxonomy.connect(last_pretaxonomy)
    signals.finalized.connect(last_finalized)


def register():
    signals.initialized.connect(initialized)
