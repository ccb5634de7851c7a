"""Plugin settings: defaults in one place per plugin, merged and checked once.

Each Arshif plugin declares its settings as one dict of defaults and calls
`apply` from its `initialized` receiver. A value from pelicanconf must have
the default's type (a wrong one stops the build with a message naming the
setting); a `Nested` setting (fixed keys, such as ARSHIF_SEARCH) is merged
key by key, so a partial override keeps the other defaults, and an unknown
key is an error. Any other dict (a table of names) replaces the default whole.
"""


class SettingsError(ValueError):
    """A setting has a value this build cannot use; the message names it."""


class Nested(dict):
    """Defaults of a setting whose keys are fixed; its dict values are nested too."""


def _kind(default):
    if isinstance(default, bool):
        return (bool,), "true or false"
    if isinstance(default, int):
        return (int,), "a whole number"
    if isinstance(default, float):
        return (int, float), "a number"
    if isinstance(default, str):
        return (str,), "a string"
    if isinstance(default, (list, tuple)):
        return (list, tuple), "a list"
    if isinstance(default, dict):
        return (dict,), "a dict"
    return None, None


def merged(name, default, value):
    """`value` over `default`, checked against it; `name` says where in the messages."""
    if isinstance(default, Nested):
        if value is None:
            value = {}
        if not isinstance(value, dict):
            raise SettingsError(f"{name} must be a dict, not {type(value).__name__} ({value!r})")
        unknown = sorted(set(value) - set(default), key=str)
        if unknown:
            raise SettingsError(f"{name} has unknown key(s) {', '.join(map(repr, unknown))}; "
                                f"known: {', '.join(map(repr, default))}")
        return {key: merged(f"{name}[{key!r}]", Nested(sub) if isinstance(sub, dict) else sub,
                            value.get(key, sub))
                for key, sub in default.items()}
    types, words = _kind(default)
    # None means "none" or "off" for a path, a count or a list, never for a switch.
    if types is None or (value is None and not isinstance(default, (bool, dict))):
        return value
    if isinstance(value, bool) and bool not in types or not isinstance(value, types):
        raise SettingsError(f"{name} must be {words}, not {type(value).__name__} ({value!r})")
    return value


def apply(settings, defaults):
    """Fill `settings` from `defaults` in place, merged and checked (SettingsError)."""
    for name, default in defaults.items():
        settings[name] = merged(name, default, settings.get(name, default))
    return settings
