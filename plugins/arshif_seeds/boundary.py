"""The seeds folder is a boundary: only regular files inside it are read.

A folder of scraped files can hold anything: a link to /etc/passwd or to a
secret beside the project, a link to /dev/zero, a named pipe that blocks any
reader, links to `.` that make a followed walk loop, a file of gigabytes.
`hazards` finds all of those without following a link or opening a file;
`keep_out` stops Pelican's walk from entering linked folders or handing a
hazard to any reader; `read_seed` checks again as it opens a file (the folder
may change during a build) and never blocks.
"""

import logging
import os
import stat

from .decoding import SeedRejected

logger = logging.getLogger(__name__)

_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFDIR: "a folder"}


def _inside(path, root):
    return os.path.commonpath([root, path]) == root


def _too_large(size, max_bytes):
    return (f"too large for one article ({size:,} bytes; SEEDS_MAX_BYTES allows {max_bytes:,})"
            if max_bytes and size > max_bytes else None)


def hazard(path, root, max_bytes):
    """Why the entry at `path` must not be read (None when it is a readable seed).

    `root` is the real path of the seeds folder. Nothing is opened or followed
    beyond resolving where a link leads.
    """
    try:
        info = os.lstat(path)
    except OSError as err:
        return f"cannot be read ({err.strerror})"
    if stat.S_ISLNK(info.st_mode):
        try:
            target = os.path.realpath(path, strict=True)
        except OSError:
            return "a broken link (it leads to nothing)"
        if not _inside(target, root):
            return "a link leading out of the seeds folder"
        info = os.stat(target)
        if stat.S_ISDIR(info.st_mode):
            return "a link to a folder (not followed)"
    elif not _inside(os.path.realpath(path), root):
        return "reached through a link leading out of the seeds folder"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({_KINDS.get(stat.S_IFMT(info.st_mode), 'a special file')})"
    return _too_large(info.st_size, max_bytes)


def hazards(root, max_bytes):
    """{path inside the folder (with os.sep): reason} for every entry that must not be read.

    Walks without following links, so loops cannot happen; linked folders are
    listed (not entered).
    """
    found = {}
    if not root or not os.path.isdir(root):
        return found
    real_root = os.path.realpath(root)
    for dirpath, dirs, files in os.walk(root):
        for name in list(dirs):
            full = os.path.join(dirpath, name)
            if os.path.islink(full):
                dirs.remove(name)
                found[os.path.relpath(full, root)] = hazard(full, real_root, max_bytes)
        for name in files:
            full = os.path.join(dirpath, name)
            reason = hazard(full, real_root, max_bytes)
            if reason:
                found[os.path.relpath(full, root)] = reason
    return found


def keep_out(generator, root, found):
    """Pelican's article walk (which follows links) skips every hazard in the seeds folder.

    Linked folders go to ARTICLE_EXCLUDES (the walk never enters them: no
    loop); hazardous files are taken out of the generator's file list, so no
    reader (ours, Markdown, HTML) opens them.
    """
    if not found:
        return
    excludes = list(generator.settings.get("ARTICLE_EXCLUDES") or [])
    for relative in found:
        full = os.path.join(root, relative)
        if os.path.islink(full) and os.path.isdir(full) and full not in excludes:
            excludes.append(full)
    generator.settings["ARTICLE_EXCLUDES"] = excludes
    blocked = {os.path.join(root, relative) for relative in found}
    listing = generator.get_files

    def get_files(paths, exclude=None, extensions=None):
        files = listing(paths, exclude=exclude, extensions=extensions)
        return {f for f in files if os.path.abspath(os.path.join(generator.path, f)) not in blocked}

    generator.get_files = get_files


def read_seed(path, root, max_bytes):
    """The bytes of the seed at `path`; SeedRejected when it is not a regular file inside `root`.

    Opened without blocking (a pipe put there after the walk cannot hang the
    build) and checked on the open file itself; reads at most max_bytes + 1 bytes.
    """
    real_root = os.path.realpath(root) if root else None
    reason = hazard(path, real_root, max_bytes) if real_root else None
    if reason:
        raise SeedRejected(reason)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(os.path.realpath(path), flags)
    except OSError as err:
        raise SeedRejected(f"cannot be read ({err.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SeedRejected(f"not a regular file ({_KINDS.get(stat.S_IFMT(info.st_mode), 'a special file')})")
        data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    reason = _too_large(len(data), max_bytes)
    if reason:
        raise SeedRejected(reason)
    return data
