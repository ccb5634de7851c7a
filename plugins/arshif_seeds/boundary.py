"""The seeds folder is a boundary: only regular files inside it are read.

A folder of scraped files can hold anything: a link to /etc/passwd or to a
secret beside the project, a link to /dev/zero, a named pipe that blocks any
reader, links to `.` that make a followed walk loop, a file of gigabytes.
`hazards` finds those without following a link or opening a file;
`keep_out` stops Pelican's walk from entering linked folders or handing a
hazard to any reader; `read_seed` checks again on the open file (the folder
may change during a build) and never blocks.
"""

import functools
import logging
import os
import stat
from collections import Counter

from .decoding import SeedRejected

logger = logging.getLogger(__name__)

_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device",
          stat.S_IFBLK: "a device", stat.S_IFDIR: "a folder"}
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)


def _inside(path, root):
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=16)
def _real_root(root):
    """The seeds folder's real path, resolved once (a stale answer only refuses more)."""
    return os.path.realpath(root)


def _not_regular(mode):
    return f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'a special file')})"


def _too_large(size, max_bytes):
    return (f"too large for one article ({size:,} bytes; SEEDS_MAX_BYTES allows {max_bytes:,})"
            if max_bytes and size > max_bytes else None)


# {real path of a seeds folder: Counter of inode → names in it}, filled by `hazards`
# at the start of each build (forked readers inherit it).
_NAMES_INSIDE = {}


def _hard_link_out(info, names):
    """Why a file with several hard links is refused (None when all its names are inside)."""
    if info.st_nlink > 1 and names[info.st_ino] < info.st_nlink:
        return (f"a hard link to a file outside the seeds folder ({info.st_nlink} names, "
                f"{names[info.st_ino]} here)")
    return None


def _link_hazard(path, root):
    """Why the link at `path` must not be followed (None for a link to a file inside `root`)."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError:
        return "a broken link (it leads to nothing)"
    if not _inside(target, root):
        return "a link leading out of the seeds folder"
    if os.path.isdir(target):
        return "a link to a folder (not followed)"
    return None


def hazards(root, max_bytes, read_later=()):
    """{path inside the folder (with os.sep): reason} for every entry no reader may open.

    Walks without following links, so loops cannot happen; linked folders are
    listed, not entered. Regular files whose extension is in `read_later` are
    not stat'ed here: `read_seed` checks them as it opens them. The walk also
    counts the names each file has in the folder (`_NAMES_INSIDE`): a file
    with more hard links than that has a name outside.
    """
    found = {}
    if not root or not os.path.isdir(root):
        return found
    real_root = _real_root(root)
    names = _NAMES_INSIDE[real_root] = Counter()
    linked = []  # other files with several names: judged once the whole folder is counted
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_symlink():
                    reason = _link_hazard(entry.path, real_root)
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                    continue
                elif not entry.is_file(follow_symlinks=False):
                    reason = _not_regular(entry.stat(follow_symlinks=False).st_mode)
                elif entry.name.endswith(read_later):
                    names[entry.inode()] += 1
                    continue
                else:
                    names[entry.inode()] += 1
                    info = entry.stat(follow_symlinks=False)
                    reason = _too_large(info.st_size, max_bytes)
                    if not reason and info.st_nlink > 1:
                        linked.append((entry.path, info))
                if reason:
                    found[os.path.relpath(entry.path, root)] = reason
    for path, info in linked:
        reason = _hard_link_out(info, names)
        if reason:
            found[os.path.relpath(path, root)] = reason
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


def _opened_path(fd, path):
    """Where the open file really is (Linux names it in /proc; elsewhere resolve the path)."""
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        return os.path.realpath(path)


def read_seed(path, root, max_bytes):
    """The bytes of the seed at `path`; SeedRejected when it is not a regular file inside `root`.

    Opened without blocking (a pipe put there after the walk cannot hang the
    build) and checked on the open file itself; reads at most max_bytes + 1 bytes.
    """
    real_root = _real_root(root) if root else None
    target = path
    if os.path.islink(path):
        reason = _link_hazard(path, real_root) if real_root else None
        if reason:
            raise SeedRejected(reason)
        target = os.path.realpath(path)
    try:
        fd = os.open(target, _OPEN_FLAGS)
    except OSError as err:
        raise SeedRejected(f"cannot be read ({err.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        if real_root and not _inside(_opened_path(fd, target), real_root):
            raise SeedRejected("reached through a link leading out of the seeds folder")
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SeedRejected(_not_regular(info.st_mode))
        if info.st_nlink > 1 and real_root:
            names = _NAMES_INSIDE.get(real_root)
            if names is None:
                hazards(root, max_bytes)
                names = _NAMES_INSIDE[real_root]
            reason = _hard_link_out(info, names)
            if reason:
                raise SeedRejected(reason)
        reason = _too_large(info.st_size, max_bytes)
        if reason:
            raise SeedRejected(reason)
        # Sized reads: read(max_bytes + 1) would allocate the whole limit for every seed.
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:  # it grew since fstat
            data += handle.read(max_bytes + 1 - len(data)) if max_bytes else handle.read()
    reason = _too_large(len(data), max_bytes)
    if reason:
        raise SeedRejected(reason)
    return data
