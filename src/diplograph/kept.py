"""The served graph kept on disk, so that a start on unchanged files costs a look-up, not the corpus.

Loading a thousand documents into memory reads each one's kept checks (about
3 s) and parses 250 MB of N-Quads into the engine (about 4 s on one core).
A server that stops and starts again on the same files need do neither now:
the generation it served was kept as an Oxigraph store in the cache folder
(``stores/<key>``), named by everything validation reads (``keys.validation_key``:
the files, shapes, context, source texts and code) and the N-Quads files by
size and time. When a start finds the store of its files, those files passed
validation as they are, and the store holds their graphs: it is opened
read-only in milliseconds and served while the files are loaded into memory
behind it (see ``watch``).

A store is written by a process of its own, started afresh (not forked: see
``KeepRequest``), once a generation in memory is served (see ``derived``), and
never changed in place: the new one is built beside the others — a checkpoint of the newest kept store (hard links) with
the changed documents' graphs replaced, or else a full copy — and renamed into
place when complete, so a kill leaves the old stores and a stray folder that
the next write removes. The runtime-update overlay is not kept (a restart
drops it). Like the rest of the cache folder, a store is trusted only when it
is private to the user.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import orjson
import pyoxigraph as ox

from . import atomic
from .cache import cache_folder, private
from .corpus import kept_graph, source_files
from .engine import LocalStore
from .errors import DataError, DiplographError
from .keys import validation_key
from .layout import ENTITIES_GRAPH, ONTOLOGY_GRAPH, Layout
from .namespaces import DGS
from .nquads import load_nquads, load_parts
from .sheets import SourceFile

__all__ = ["Kept", "KeepRequest", "keep", "keep_request", "kept_key", "open_kept"]

FORMAT = 1
"""The version of a kept store's manifest; another version is not opened."""

_KEEP = 2
"""Kept stores (the newest): the current one and the one before."""
_GRACE_SECONDS = 600
"""A kept store is not removed within this time of its making: a server that just started may be reading it (it
loads the files into memory behind it within seconds)."""


class Kept:
    """A kept store's manifest: what it was built from and what it holds."""

    def __init__(self, folder: Path, manifest: dict):
        self.folder = folder
        self.key: str = manifest["key"]
        self.layout: str = manifest["layout"]
        """The folders it was loaded from."""
        self.shared: str = manifest["shared"]
        """The digest of the shared graphs and N-Quads files it holds (``corpus.shared_key``)."""
        self.documents: dict[str, str] = manifest["documents"]
        """Each document it holds → the content key of its graph (``corpus.Document.key``)."""

    @property
    def store_path(self) -> Path:
        return self.folder / "store"


def kept_key(layout: Layout, files: list[SourceFile]) -> str:
    """What names the store of ``files`` (as loaded from ``layout``): everything validation reads, and the N-Quads
    bulk files by path, size and time (hashing a million quads would cost what the store saves)."""
    digest = hashlib.sha256(f"{FORMAT}:{validation_key(layout, files)}".encode())
    for path, graph in layout.files():
        if graph is None:
            info = path.stat()
            digest.update(f"{path}:{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def open_kept(layout: Layout) -> tuple[LocalStore, list[SourceFile], Kept] | None:
    """The kept store of ``layout``'s files as they are, opened read-only, the files and its manifest; None if
    there is none (or it is not private, or not whole, or a file cannot be read)."""
    try:
        files = source_files(layout)
    except DataError:
        return None  # loading the files says what is wrong
    found = _manifest(_folder() / kept_key(layout, files))
    if found is None:
        return None
    try:
        return LocalStore.on_disk(found.store_path), files, found
    except (OSError, DiplographError):  # removed meanwhile, or not a store: the files are loaded instead
        return None


@dataclass(frozen=True)
class KeepRequest:
    """What a keeper needs to write a generation on disk, as plain data: made by the server (``keep_request``),
    carried to a fresh process. Not the store itself: a process forked from a server that has opened a kept store
    (whose RocksDB threads then run) waits forever on its first flush, so the keeper starts afresh and reads the
    documents' graphs from the cache folder, where validation put them under their content keys."""

    layout: Layout
    key: str
    """The kept store's name (``kept_key``)."""
    documents: dict[str, str]
    shared: str
    shared_graphs: bytes
    """The ontology's and the reference entities' graphs as N-Quads (the N-Quads files are read where they are)."""

    def encode(self) -> bytes:
        """The request as JSON: data, never code, whoever reads it."""
        layout = self.layout
        return orjson.dumps({"format": FORMAT, "data": str(layout.data), "ontology": str(layout.ontology),
                             "queries": str(layout.queries), "extra": [str(path) for path in layout.extra],
                             "key": self.key, "documents": self.documents, "shared": self.shared,
                             "shared_graphs": self.shared_graphs.decode("utf-8")})

    @classmethod
    def decode(cls, raw: bytes) -> KeepRequest:
        """The request ``encode`` wrote.

        Raises
        ------
        ValueError
            naming what does not fit (not JSON, another format, a part of the wrong type).
        """
        try:
            data = orjson.loads(raw)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError("another format")
            texts = [data["data"], data["ontology"], data["queries"], data["key"], data["shared"],
                     data["shared_graphs"], *data["extra"], *data["documents"], *data["documents"].values()]
            if not all(isinstance(text, str) for text in texts):
                raise ValueError("a part that is not text")
            layout = Layout(Path(data["data"]), Path(data["ontology"]), Path(data["queries"]),
                            tuple(Path(path) for path in data["extra"]))
            return cls(layout, data["key"], dict(data["documents"]), data["shared"],
                       data["shared_graphs"].encode("utf-8"))
        except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise ValueError(f"not a keep request ({type(error).__name__}: {error})") from None


def keep_request(layout: Layout, store: LocalStore, files: list[SourceFile], documents: dict[str, str],
                 shared: str) -> KeepRequest:
    """The request to keep ``store`` (in memory, loaded from ``files``)."""
    native = store.native
    graphs = ox.serialize((quad for name in (ONTOLOGY_GRAPH, ENTITIES_GRAPH)
                           for quad in native.quads_for_pattern(None, None, None, ox.NamedNode(str(name)))),
                          format=ox.RdfFormat.N_QUADS)
    return KeepRequest(layout, kept_key(layout, files), dict(documents), shared, graphs)


def keep(request: KeepRequest) -> Path | None:
    """Keep the generation ``request`` describes on disk for the next start; its folder, or None when the cache
    folder cannot take it or a document's graph is no longer there. Meant for a process of its own: at a
    thousand documents a full copy takes seconds of one core (a copy of a kept store with a few documents
    changed, a fraction of one)."""
    try:
        folder = atomic.private_folder(_folder())
    except OSError:
        return None
    if _manifest(folder / request.key) is not None:
        return folder / request.key
    _remove_strays(folder)
    building = Path(tempfile.mkdtemp(prefix=f".building-{os.getpid()}-", dir=folder))
    try:
        disk = _copy_of(_newest(folder, request.layout, request.shared), request, building / "store")
        if disk is None:
            shutil.rmtree(building, ignore_errors=True)
            return None
        disk.flush()
        del disk  # closes the database before it moves
        manifest = {"format": FORMAT, "key": request.key, "layout": _identity(request.layout),
                    "shared": request.shared, "documents": request.documents}
        atomic.write(building / "manifest.json", orjson.dumps(manifest), private=True)
        os.replace(building, folder / request.key)
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
        if _manifest(folder / request.key) is None:
            raise
        # another server kept the same files meanwhile: theirs is as good
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _prune(folder)
    return folder / request.key


def _copy_of(base: Kept | None, request: KeepRequest, target: Path) -> ox.Store | None:
    """The generation's graphs on disk at ``target``: ``base`` checkpointed with the documents that differ
    replaced, or every graph loaded; None if a document's graph is not in the cache folder (any more)."""
    changed = sorted(request.documents) if base is None else sorted(
        name for name in base.documents.keys() | request.documents.keys()
        if base.documents.get(name) != request.documents.get(name))
    parts = [kept_graph(request.documents[name]) for name in changed if name in request.documents]
    if any(part is None for part in parts):
        return None
    if base is None:
        disk = ox.Store(str(target))
        load_parts(disk, [request.shared_graphs, *parts])  # type: ignore[list-item]
        for path, graph in request.layout.files():
            if graph is None:
                load_nquads(disk, path)
        return disk
    ox.Store.read_only(str(base.store_path)).backup(str(target))
    disk = ox.Store(str(target))
    for name in changed:
        graph = ox.NamedNode(f"{DGS}{name}")
        if disk.contains_named_graph(graph):
            disk.remove_graph(graph)
    load_parts(disk, parts)  # type: ignore[arg-type]
    return disk


def _folder() -> Path:
    return cache_folder() / "stores"


def _manifest(folder: Path) -> Kept | None:
    """The manifest of the kept store in ``folder`` if it is there, private, of this format and whole."""
    path = folder / "manifest.json"
    if not (path.is_file() and private(folder.parent) and private(folder) and private(path)):
        return None
    try:
        manifest = orjson.loads(path.read_bytes())
        if manifest.get("format") != FORMAT or manifest.get("key") != folder.name:
            return None
        return Kept(folder, manifest)
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None


def _newest(folder: Path, layout: Layout, shared: str) -> Kept | None:
    """The newest store kept of the same folders with the same shared graphs: only the documents that differ
    need replacing in a copy of it."""
    kept = [found for path in _kept_folders(folder) if (found := _manifest(path)) is not None]
    return next((found for found in kept if found.shared == shared and found.layout == _identity(layout)), None)


def _identity(layout: Layout) -> str:
    return str([str(layout.data), str(layout.ontology), *map(str, layout.extra)])


def _kept_folders(folder: Path) -> list[Path]:
    """The kept stores' folders, newest first."""
    return sorted((p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")),
                  key=lambda p: p.stat().st_mtime_ns, reverse=True)


def _prune(folder: Path) -> None:
    """All but the newest ``_KEEP`` kept stores removed, once nothing can have just opened them."""
    for stale in _kept_folders(folder)[_KEEP:]:
        if time.time() - stale.stat().st_mtime > _GRACE_SECONDS:
            shutil.rmtree(stale, ignore_errors=True)


def _remove_strays(folder: Path) -> None:
    """Folders left by a write that was killed (its process is gone)."""
    for stray in folder.glob(".building-*"):
        pid = stray.name.split("-")[1]  # .building-<pid>-<random>
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stray, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
