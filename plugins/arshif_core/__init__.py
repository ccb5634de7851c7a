"""Arshif core: what the other Arshif plugins share; first in PLUGINS.

`settings` reads every plugin's settings the same way (defaults, deep merge,
checks at `initialized`); `pelican_compat` holds every use of Pelican's
internals. Pelican loads plugins in PLUGINS order, so the plugins after this
one can import `arshif_core`.
"""


def register():
    """Nothing to connect: each plugin checks its own settings at `initialized`."""
