"""Writes that a kill at any instant cannot tear: a temporary file beside the target, checked, then renamed.

Every file diplograph writes for a user — fact sheets, review files, source
texts, exports, caches — goes through :func:`write` (or :func:`staged` for a
stream), so the target holds either its old content or the complete new one,
never half of either. A rename within one folder is atomic on POSIX file
systems; the folder is synced after it so the rename survives a power cut.
The temporary file is named before it is made, so that a Ctrl-C at any
instant after finds it to remove.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["private_folder", "staged", "write"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def staged(path: Path, *, text: bool = False, private: bool = False,
           check: Callable[[Path], None] | None = None, durable: bool = True) -> Iterator[IO]:
    """A file handle to write ``path``'s new content into; renamed into place only when the block succeeds.

    ``check`` is called on the complete temporary file before the rename (it
    raises to refuse it). The file gets the usual permissions (0666 less the
    umask), or 0600 when ``private``. ``durable`` (the default) syncs the file
    and its folder to the disk; a cache whose every entry is checked on reading
    may skip that (a crash leaves the old entry, the new one or a damaged one
    that reads as missing — never a wrong one).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with staged(target, text=True) as handle:
    ...     _ = handle.write("new")
    >>> target.read_text()
    'new'
    """
    temporary: Path | None = path.parent / f".{path.name}.{secrets.token_hex(8)}.partial"
    try:  # named before it exists, so that an interrupt at any point after finds it to remove
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        except FileExistsError:
            temporary = None  # another writer's: not ours to remove
            raise
        os.fchmod(descriptor, 0o600 if private else 0o666 & ~_umask())
        with os.fdopen(descriptor, "w" if text else "wb", **({"encoding": "utf-8", "newline": ""} if text else {})
                       ) as handle:
            yield handle
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if check is not None:
            check(temporary)
        os.replace(temporary, path)
        if durable:
            _sync_folder(path.parent)
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise


def write(path: Path, content: bytes | str, *, private: bool = False,
          check: Callable[[Path], None] | None = None, durable: bool = True) -> None:
    """Replace ``path`` by ``content`` atomically (see :func:`staged`)."""
    with staged(path, text=isinstance(content, str), private=private, check=check, durable=durable) as handle:
        handle.write(content)


def private_folder(path: Path) -> Path:
    """``path`` as a folder only its owner can enter (0700), made if need be; a cache's home."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # a folder that cannot be opened for reading: the rename stands, unsynced
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename itself was atomic
    finally:
        os.close(descriptor)
