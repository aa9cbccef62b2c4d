"""Where the triples live: Oxigraph in memory (default) or on disk, or a remote SPARQL engine.

Every store is built from the files in ``data/`` and can be rebuilt. Each kind
is one class with the same methods (:class:`Store`): ``run`` a query on the
engine, ``query`` it for the Python API, its ``graphs``, ``size`` and
``dataset`` (an rdflib view for look-ups by pattern).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import httpx
from rdflib import Dataset, URIRef
from rdflib.query import Result
from rdflib.term import Node

from .errors import DataError, DiplographError
from .layout import Layout, StoreSpec

if TYPE_CHECKING:
    from .corpus import Corpus

__all__ = ["Store", "build", "remote_auth"]


class Store(Protocol):
    """What every store offers the rest of the code."""

    dataset: Dataset
    writable: bool

    def run(self, text: str, *, substitutions: dict[str, Node] | None = None,
            default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = (),
            clauses: Sequence[tuple[str, str]] = ()): ...

    def query(self, text: str, *, bindings: dict[str, Node] | None = None) -> Result: ...

    def graphs(self) -> list[URIRef]: ...

    def size(self) -> int: ...

    def reopen(self) -> None: ...

    def dump(self, format: str, graph: URIRef | None = None, *, union: bool = False) -> bytes: ...


def remote_auth() -> httpx.Auth | None:
    """HTTP Digest credentials for a remote engine, from DIPLOGRAPH_STORE_USER / DIPLOGRAPH_STORE_PASSWORD."""
    user, password = os.environ.get("DIPLOGRAPH_STORE_USER"), os.environ.get("DIPLOGRAPH_STORE_PASSWORD")
    return httpx.DigestAuth(user, password) if user and password else None


def build(spec: StoreSpec, layout: Layout, *, validate: bool = True,
          progress: Callable[[str, int], None] | None = None) -> int:
    """Build a persistent or remote store from the data files; return the quads loaded.

    Turtle and YAML files are parsed (and validated) in memory first; N-Quads
    files (generated corpora) go straight to the store's bulk loader. An
    Oxigraph store is built in a new folder beside its target and renamed into
    place only when complete, so an interrupted or failed load leaves no store
    that could be served as complete.

    Raises
    ------
    DataError
        when the files do not validate: nothing is loaded then.
    """
    from .corpus import read_corpus

    nquads = [path for path, graph in layout.files() if graph is None]
    corpus = read_corpus(layout, validate=validate)
    if corpus.problems:
        raise DataError(corpus.problems)
    if spec.kind == "sparql":
        from .remote import upload, upload_nquads

        if not spec.update_url:
            raise DiplographError("loading a remote store needs its update endpoint: sparql:QUERY_URL,UPDATE_URL")
        sent = upload(spec.update_url, corpus.dataset(), auth=remote_auth(), progress=progress)
        for path in nquads:
            sent += upload_nquads(spec.update_url, path, auth=remote_auth(), progress=progress)
        return sent
    if spec.kind != "oxigraph" or spec.path is None:
        raise DiplographError("bulk loading needs --store oxigraph:PATH or sparql:QUERY_URL,UPDATE_URL")
    return _build_oxigraph(spec.path, corpus, nquads, progress)


def _build_oxigraph(target: Path, corpus: Corpus, nquads: Sequence[Path],
                    progress: Callable[[str, int], None] | None) -> int:
    import pyoxigraph

    from .nquads import load_nquads, load_parts

    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise DiplographError(f"{target} is not empty; remove it to rebuild the store from the data files")
    if not target.parent.is_dir():
        raise DiplographError(f"{target.parent}: no such folder")
    building = target.with_name(f".{target.name}.building-{os.getpid()}")
    shutil.rmtree(building, ignore_errors=True)
    try:
        store = pyoxigraph.Store(str(building))
        store.bulk_load(corpus.shared.serialize(format="nquads", encoding="utf-8"),
                        format=pyoxigraph.RdfFormat.N_QUADS)
        load_parts(store, list(corpus.nquads()))
        if progress:
            progress("ontology, entities and documents", len(store))
        for path in nquads:
            load_nquads(store, path)
            if progress:
                progress(path.name, len(store))
        store.flush()
        count = len(store)
        del store  # closes the database before it moves
        if target.exists():
            target.rmdir()  # empty, checked above
        os.replace(building, target)
        return count
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
