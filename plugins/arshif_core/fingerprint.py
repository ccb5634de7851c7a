"""Fingerprints of code and data files: what a cache records so that other code never reuses it."""

import hashlib
from pathlib import Path


def files_fingerprint(paths, *extra):
    """SHA-1 of the files at `paths` (in name order; folders and missing paths left out)
    and of the `extra` strings (fingerprints the code also depends on).

    Each file's name and length go in with its bytes, so that moving bytes from
    one file to another changes the fingerprint too.
    """
    sha = hashlib.sha1()
    for path in sorted(Path(p) for p in paths):
        if not path.is_file():
            continue
        data = path.read_bytes()
        sha.update(b"%s\0%d\0" % (path.name.encode("utf-8", "surrogateescape"), len(data)))
        sha.update(data)
    for text in extra:
        sha.update(b"\0" + text.encode("utf-8"))
    return sha.hexdigest()
