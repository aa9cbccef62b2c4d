"""A graph loaded from files brought up to them document by document: only the changed documents' graphs are
replaced in the store, in place; the others are neither re-read nor re-checked."""

from __future__ import annotations

from typing import Protocol

from .corpus import Progress, read_corpus, shared_key
from .errors import DataError
from .layout import Layout, StoreSpec
from .namespaces import DGS
from .snapshot import Snapshot

__all__ = ["refresh"]


class Loaded(Protocol):
    """What is refreshed: a graph loaded from files (``graph.KnowledgeGraph``)."""

    layout: Layout
    spec: StoreSpec

    @property
    def snapshot(self) -> Snapshot: ...
    def load(self, *, validate: bool = True, progress: Progress | None = None) -> None: ...
    def swap(self, store, files, documents=None, shared: str = "") -> None: ...


def refresh(graph: Loaded, progress: Progress | None = None) -> list[str]:
    """Bring ``graph`` up to its files; the names of the documents whose graphs were replaced.

    Only documents whose file changed are read and checked (the others' checks come from the cache), and in the
    store only their named graphs are replaced; a change to the ontology, shapes, reference entities or N-Quads
    files loads everything again, as does a graph served from a kept store (read-only, see ``kept``). A new
    generation starts, so everything derived is recomputed.

    Raises
    ------
    DataError
        when the files do not validate; the store is not touched then.
    """
    before = graph.snapshot
    if graph.spec.kind != "memory" or not before.store.writable:  # a built or remote store, or a kept one
        graph.load(progress=progress)
        return []
    corpus = read_corpus(graph.layout, progress=progress, held=before.documents)
    if corpus.problems:
        raise DataError(corpus.problems)
    if shared_key(graph.layout, corpus.shared_key) != before.shared:
        graph.load(progress=progress)
        return sorted(corpus.keys)
    keys = corpus.keys  # built once: a property that builds the whole mapping
    changed = [d for d in corpus.documents if before.documents.get(d.name) != d.key]
    removed = [name for name in before.documents if name not in keys]
    replaced = removed + [d.name for d in changed]
    store = before.store  # in memory: a LocalStore
    store.replace_graphs([str(DGS[name]) for name in replaced], [d.nquads for d in changed])  # type: ignore
    graph.swap(store, corpus.files, keys, before.shared)
    return sorted(replaced)
