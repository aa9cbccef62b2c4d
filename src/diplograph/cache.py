"""The cache folder: what diplograph keeps between runs, as data only, and trusted only when it is private.

What is kept — a record of which content passed validation, the derived data
of a graph generation — is JSON, never pickle: a planted file can at most be
wrong, and a wrong one is checked (its shape, its version, the digest of what
it claims to describe) and rebuilt. A file or folder that someone else owns
or could write is not read at all, so nobody but the user can make a start
skip a check. Files are written 0600 in 0700 folders, atomically.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import stat
from pathlib import Path

from . import atomic

__all__ = ["cache_folder", "code_digest", "private", "read", "write"]

_log = logging.getLogger("diplograph")


def cache_folder() -> Path:
    """The user's cache folder for diplograph (``DIPLOGRAPH_CACHE``, else the XDG cache home)."""
    return Path(os.environ.get("DIPLOGRAPH_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or
                                                           Path.home() / ".cache") / "diplograph")


@functools.cache
def code_digest() -> str:
    """A digest of this package's source: caches of what the code computes are void once the code changes."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def private(path: Path) -> bool:
    """Whether ``path`` is the user's own and nobody else may write it (nor, for a file, read it)."""
    try:
        info = path.lstat()
    except OSError:
        return False
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return False
    return not info.st_mode & (0o022 if stat.S_ISDIR(info.st_mode) else 0o077)


def read(kind: str, name: str) -> bytes | None:
    """The bytes kept as ``kind/name``, if there, and private (file and folders); else None, said in the log."""
    folder = cache_folder() / kind
    path = folder / name
    if not path.exists():
        return None
    if not (private(folder) and private(path)):
        _log.warning("diplograph: ignoring %s: it is not private to this user (others could have written it)", path)
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def write(kind: str, name: str, content: bytes, *, keep: int | None = None) -> Path | None:
    """Keep ``content`` as ``kind/name`` (0600 in a 0700 folder, atomically); the newest ``keep`` files of the kind
    stay. None when the cache folder cannot be written (nothing is kept then: the next run computes again)."""
    try:
        folder = atomic.private_folder(cache_folder() / kind)
        atomic.private_folder(cache_folder())
        path = folder / name
        # not synced to the disk: every reader checks what it reads (the key inside, a graph's digest), so what a
        # crash damages reads as missing; syncing a thousand documents' entries cost 3 s of a cold check
        atomic.write(path, content, private=True, durable=False)
    except OSError as error:
        _log.info("diplograph: cannot keep %s/%s in the cache folder (%s)", kind, name, error)
        return None
    if keep is not None:
        kept = sorted((p for p in folder.iterdir() if not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in kept[keep:]:
            stale.unlink(missing_ok=True)
    return path
