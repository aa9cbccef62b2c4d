"""Where the triples live: in memory (default), in a persistent Oxigraph store on disk, or (next) a remote engine.

Every store is built from the files in ``data/`` and can be rebuilt; the rest
of the code sees an rdflib ``Dataset`` whichever it is.
"""

from __future__ import annotations

import difflib
import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx
from rdflib import Dataset

from .errors import DataError, DiplographError, Problem
from .load import Layout

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["StoreSpec", "build", "bulk_load", "remote_auth"]


@dataclass(frozen=True)
class StoreSpec:
    """A store named on the command line: ``memory``, ``oxigraph:PATH``, ``sparql:QUERY_URL[,UPDATE_URL]``."""

    kind: str = "memory"
    path: Path | None = None
    query_url: str | None = None
    update_url: str | None = None

    @classmethod
    def parse(cls, text: str | None) -> StoreSpec:
        """
        >>> StoreSpec.parse("oxigraph:/var/lib/diplograph").path
        PosixPath('/var/lib/diplograph')
        >>> StoreSpec.parse("memory").kind
        'memory'
        """
        if not text or text == "memory":
            return cls()
        kind, _, rest = text.partition(":")
        if kind == "oxigraph" and rest:
            return cls("oxigraph", path=Path(rest))
        if kind == "sparql" and rest:
            query_url, _, update_url = rest.partition(",")
            return cls("sparql", query_url=query_url, update_url=update_url or None)
        hint = ""
        close = difflib.get_close_matches(kind, ["oxigraph", "sparql"], n=1, cutoff=0.6)
        if kind in ("oxigraph", "sparql"):
            hint = f"; {kind}: needs {'a folder' if kind == 'oxigraph' else 'the endpoint URL'} after the colon"
        elif rest and close:
            hint = f"; did you mean {close[0]}:{rest}?"
        elif not rest and ("/" in kind or "." in kind):
            hint = f"; for a store in that folder: oxigraph:{kind}"
        raise DiplographError(f"unknown store {text!r}{hint} (use memory, oxigraph:PATH or "
                              "sparql:QUERY_URL[,UPDATE_URL])")

    @property
    def remote_address(self) -> tuple[str, int] | None:
        """(host, port) of a remote engine, which query workers may reach; None for local stores."""
        if self.kind != "sparql" or not self.query_url:
            return None
        parts = urlsplit(self.query_url)
        return parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80)

    @property
    def takes_text(self) -> bool:
        """Whether queries go to the store's own engine as text (rather than rdflib's algebra)."""
        return self.kind != "memory"

    def open(self) -> Dataset:
        """A dataset over this store, read-only for persistent stores; its default graph is the union."""
        return self.connect()[0]

    def connect(self) -> tuple[Dataset, pyoxigraph.Store | None]:
        """``open``, and for an Oxigraph store also the engine itself, for callers that skip rdflib's terms."""
        if self.kind == "memory":
            return Dataset(default_union=True), None
        if self.kind == "oxigraph":
            import pyoxigraph
            from oxrdflib.store import OxigraphStore

            if self.path is None or not (self.path / "CURRENT").exists():
                raise DiplographError(f"no Oxigraph store at {self.path}; build it with "
                                      f"`diplograph load --store oxigraph:{self.path}`")
            native = pyoxigraph.Store.read_only(str(self.path))
            return Dataset(store=OxigraphStore(store=native), default_union=True), native
        from .remote import RemoteStore

        return Dataset(store=RemoteStore(str(self.query_url), auth=remote_auth()), default_union=True), None


def remote_auth() -> httpx.Auth | None:
    """HTTP Digest credentials for a remote engine, from DIPLOGRAPH_STORE_USER / DIPLOGRAPH_STORE_PASSWORD."""
    user, password = os.environ.get("DIPLOGRAPH_STORE_USER"), os.environ.get("DIPLOGRAPH_STORE_PASSWORD")
    return httpx.DigestAuth(user, password) if user and password else None


def build(spec: StoreSpec, layout: Layout, *, validate: bool = True,
          progress: Callable[[str, int], None] | None = None) -> int:
    """Build a persistent or remote store from the data files; return the quads loaded.

    Turtle and YAML files are parsed (and validated) in memory first; N-Quads
    files (generated corpora) go straight to the store's bulk loader.

    Raises
    ------
    DataError
        when the files do not validate: nothing is loaded then.
    """
    from .load import parse_files
    from .validate import check

    nquads = [path for path, graph in layout.files() if graph is None]
    dataset, files = parse_files(layout, nquads=False)
    if validate:
        problems = check(layout, dataset, files)
        if problems:
            raise DataError(problems)
    return bulk_load(spec, dataset, nquads, progress)


def bulk_load(spec: StoreSpec, dataset: Dataset, extra_nquads: list[Path],
              progress: Callable[[str, int], None] | None = None) -> int:
    """Write ``dataset`` and the N-Quads files ``extra_nquads`` into a new persistent store; return the quads loaded.

    The in-memory part goes through one N-Quads serialisation; N-Quads files
    go straight to Oxigraph's bulk loader, without rdflib parsing them.
    """
    if spec.kind == "sparql":
        from .remote import upload, upload_nquads

        if not spec.update_url:
            raise DiplographError("loading a remote store needs its update endpoint: sparql:QUERY_URL,UPDATE_URL")
        sent = upload(spec.update_url, dataset, auth=remote_auth(), progress=progress)
        for path in extra_nquads:
            sent += upload_nquads(spec.update_url, path, auth=remote_auth(), progress=progress)
        return sent
    import pyoxigraph

    if spec.kind != "oxigraph" or spec.path is None:
        raise DiplographError("bulk loading needs --store oxigraph:PATH or sparql:QUERY_URL,UPDATE_URL")
    if spec.path.exists() and any(spec.path.iterdir()):
        raise DiplographError(f"{spec.path} is not empty; remove it to rebuild the store from the data files")
    existed = spec.path.exists()
    store = pyoxigraph.Store(str(spec.path))
    try:
        data = dataset.serialize(format="nquads", encoding="utf-8")
        store.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
        if progress:
            progress("ontology, entities and documents", len(store))
        for path in extra_nquads:
            _load_in_parallel(store, path)
            if progress:
                progress(path.name, len(store))
        store.flush()
        return len(store)
    except BaseException:
        del store  # a bulk load is not atomic: remove what it wrote, so that nothing half-loaded remains
        _empty(spec.path, remove=not existed)
        raise


def _empty(folder: Path, *, remove: bool) -> None:
    import shutil

    if remove:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for child in folder.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()


def _load_in_parallel(store: pyoxigraph.Store, path: Path) -> None:
    """Bulk-load an N-Quads file as one slice per core, each in its own thread.

    One bulk load keeps about one core busy (parsing); pyoxigraph releases the
    GIL while loading, so slices load side by side: about twice the quads/s on
    two cores. N-Quads lines stand alone (blank-node labels included, which
    Oxigraph keeps as written), so cutting at line ends changes nothing.
    """
    import pyoxigraph

    failures: list[tuple[int, BaseException]] = []

    def load(start: int, end: int) -> None:
        try:
            with _Slice(path, start, end) as raw:
                store.bulk_load(io.BufferedReader(raw, 1 << 20), format=pyoxigraph.RdfFormat.N_QUADS)
        except BaseException as error:  # re-raised in the calling thread
            failures.append((start, error))

    slices = _line_slices(path, max(2, os.cpu_count() or 1))
    threads = [threading.Thread(target=load, args=bounds) for bounds in slices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        start, error = min(failures, key=lambda failure: failure[0])
        raise _located(error, path, start) from error


def _located(error: BaseException, path: Path, start: int) -> BaseException:
    """A syntax error in the slice from byte ``start`` as a DataError naming the file and its line in the file."""
    if not isinstance(error, SyntaxError) or not error.lineno:
        return error
    with path.open("rb") as handle:
        before = handle.read(start).count(b"\n")
    reason = str(error.msg).split(": ", 1)[-1]
    return DataError([Problem(str(path), before + error.lineno, f"N-Quads syntax: {reason}")])


def _line_slices(path: Path, parts: int) -> list[tuple[int, int]]:
    """(start, end) byte offsets cutting ``path`` into about ``parts`` pieces at line ends."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as handle:
        for index in range(1, parts):
            handle.seek(max(cuts[-1], size * index // parts))
            handle.readline()
            cuts.append(min(handle.tell(), size))
    cuts.append(size)
    return [(start, end) for start, end in zip(cuts, cuts[1:], strict=False) if end > start]


class _Slice(io.RawIOBase):
    """Bytes ``start``..``end`` of a file, read as a stream."""

    def __init__(self, path: Path, start: int, end: int):
        super().__init__()
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            return 0
        count = self._file.readinto(memoryview(buffer)[: min(len(buffer), self._left)]) or 0
        self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()
