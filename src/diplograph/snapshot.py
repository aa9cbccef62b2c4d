"""One generation of the graph: the store, the files it came from, and everything derived from it, kept together
so that loading or an update replaces all of it at once and nothing stale is served."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .sheets import SourceFile
from .store import Store

__all__ = ["Snapshot", "Stats"]

T = TypeVar("T")


@dataclass(frozen=True)
class Stats:
    """Size of the graph: triples, named graphs, and entities per class."""

    triples: int
    graphs: dict[str, int]
    classes: dict[str, int]


@dataclass
class Snapshot:
    """One generation of the graph: the store handle, the files it came from, and what was derived from it."""

    store: Store
    files: list[SourceFile]
    generation: int = 0
    documents: dict[str, str] = field(default_factory=dict)
    """Each document the store holds → the digest of the content it was loaded from (see ``corpus``)."""
    shared: str = ""
    """The digest of the ontology, shapes and reference entities it was loaded with."""
    derived: dict[object, object] = field(default_factory=dict, repr=False)
    prepared: frozenset = frozenset()
    """The keys of ``derived`` that a builder installed (see ``diplograph.derived``): kept across an update until
    the next build replaces them."""
    lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """``compute()`` once per snapshot (a second caller waits for the first rather than computing twice)."""
        try:
            return self.derived[key]  # type: ignore[return-value]
        except KeyError:
            pass
        with self.lock:
            if key not in self.derived:
                self.derived[key] = compute()
            return self.derived[key]  # type: ignore[return-value]

    def inherit(self, before: Snapshot) -> None:
        """Take what a builder prepared for ``before`` if this generation holds the same content (a kept store's
        files, now loaded into memory): it describes this one as well, and serves at once."""
        if (self.documents, self.shared) == (before.documents, before.shared) and before.documents:
            self.derived.update({key: before.derived[key] for key in before.prepared if key in before.derived})
            self.prepared = before.prepared
