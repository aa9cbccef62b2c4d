"""The service: one graph, its settings, and bounded, checked query evaluation — what the HTTP API calls."""

from __future__ import annotations

import asyncio
import hmac
from collections.abc import Callable
from typing import TypeVar

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate

from .analysis.registry import Projections
from .errors import (
    DiplographError,
    QueryError,
    QueryLimitError,
    QuerySyntaxError,
    UnsafeQueryError,
    UpdateForbiddenError,
)
from .executor import Job, Outcome, QueryExecutor, local_graphs
from .graph import KnowledgeGraph
from .namespaces import GRAPH, PREFIXES
from .queries import CannedQuery
from .safety import DatasetSpec, check_text, check_update
from .settings import Settings

__all__ = ["Service", "Settings", "UPDATES_GRAPH"]

UPDATES_GRAPH = GRAPH.updates
"""Where runtime updates go; the data files' graphs are never changed at run time."""

T = TypeVar("T")


class Service:
    """The graph as a service: checks each query, runs it in a bounded worker, applies permitted updates.

    Its query and update methods are coroutines for the server's event loop;
    call ``start`` and ``close`` on that loop too (the app's lifespan does).
    """

    def __init__(self, graph: KnowledgeGraph, settings: Settings | None = None):
        self.graph = graph
        self.settings = settings or Settings()
        self.executor = QueryExecutor(graph, self.settings.limits)
        self._update_lock = asyncio.Lock()
        self._cache: dict[object, object] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> Service:
        graph = KnowledgeGraph(settings.layout(), settings.store_spec())
        graph.load()
        return cls(graph, settings)

    def start(self) -> None:
        self.executor.start()

    def close(self) -> None:
        self.executor.close()

    @property
    def graphs(self) -> list[URIRef]:
        return self.cached("graphs", lambda: local_graphs(self.graph))

    @property
    def triples(self) -> int:
        return self.cached("triples", self.graph.size)

    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """A value derived from the graph, computed once until the graph changes."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]  # type: ignore[return-value]

    @property
    def projections(self) -> Projections:
        """The networkx projections, built once per graph version."""
        return self.cached("projections", lambda: Projections(self.graph))

    def entity_graph(self) -> nx.MultiDiGraph:
        """The entity projection (see ``project.entity_graph``)."""
        return self.projections.entity

    # ------------------------------------------------------------------ queries

    async def sparql(self, text: str, *, default_graphs: list[str] | None = None,
                     named_graphs: list[str] | None = None, timeout: float | None = None,
                     max_rows: int | None = None) -> Outcome:
        """Check and run any SPARQL query; protocol graph IRIs must name graphs of this store.

        Raises
        ------
        QuerySyntaxError, UnsafeQueryError, QueryLimitError, ServiceBusyError
        """
        limits = self.executor.limits
        check_text(text, max_length=limits.max_query_length, max_depth=limits.max_nesting)
        dataset = self._protocol_dataset(default_graphs or [], named_graphs or []) or DatasetSpec()
        job = Job(text=text, dataset=dataset, max_rows=min(max_rows or limits.max_rows, limits.max_rows),
                  check=True, local_graphs=tuple(self.graphs))
        return await self._run(job, timeout)

    async def canned(self, query: CannedQuery, params: dict[str, str], *, max_rows: int | None = None,
                     timeout: float | None = None) -> Outcome:
        """Run a canned query with typed parameters, bounded like any other query."""
        limits = self.executor.limits
        if self.graph.store.remote_address:  # resolving a name may ask the remote engine: not on the event loop
            text, bindings = await asyncio.to_thread(self.graph.prepare_canned, query, params)
        else:
            text, bindings = self.graph.prepare_canned(query, params)
        job = Job(text=text, bindings=bindings,
                  max_rows=min(max_rows or limits.max_rows, limits.max_rows))
        return await self._run(job, timeout)

    async def _run(self, job: Job, timeout: float | None) -> Outcome:
        outcome = await self.executor.run(job, timeout)
        if outcome.error:
            name, message, details = outcome.error
            if name == "QuerySyntaxError":
                raise QuerySyntaxError(message.split(": ", 1)[-1], details["line"], details["column"])
            if name == "QueryLimitError":
                raise QueryLimitError(message, limit="memory")
            if name in ("PermissionError", "UnsafeQueryError"):
                raise UnsafeQueryError(message)
            raise QueryError(f"query failed: {message}")
        return outcome

    def _protocol_dataset(self, default_graphs: list[str], named_graphs: list[str]) -> DatasetSpec | None:
        if not default_graphs and not named_graphs:
            return None
        known = set(self.graphs)
        for iri in default_graphs + named_graphs:
            if URIRef(iri) not in known:
                raise UnsafeQueryError(f"<{iri}> is not a graph of this store (default-graph-uri/named-graph-uri "
                                       "may name only local graphs)")
        return DatasetSpec(tuple(map(URIRef, default_graphs)), tuple(map(URIRef, named_graphs)))

    # ------------------------------------------------------------------ updates

    async def update(self, text: str, token: str | None) -> None:
        """Apply a SPARQL Update, if updates are enabled and ``token`` is right.

        Updates act on an overlay graph, ``UPDATES_GRAPH``, which the union
        default graph includes: the files in ``data/`` stay the source of
        truth, their graphs are never changed, and a restart drops the overlay.

        Raises
        ------
        UpdateForbiddenError, QuerySyntaxError, UnsafeQueryError
        """
        settings = self.settings
        if not settings.allow_updates or not settings.update_token:
            raise UpdateForbiddenError("this service is read-only; start it with updates enabled and a token")
        if not token or not hmac.compare_digest(token.encode(), settings.update_token.encode()):
            raise UpdateForbiddenError("updates need the configured bearer token")
        limits = self.executor.limits
        check_text(text, max_length=limits.max_query_length, max_depth=limits.max_nesting)
        update = await asyncio.to_thread(_parse_update, text)
        async with self._update_lock:
            await asyncio.to_thread(self._apply, update)
            self.executor.restart()

    def _apply(self, update) -> None:
        overlay = Graph(store=self.graph.dataset.store, identifier=UPDATES_GRAPH)
        overlay.update(update)
        self.graph.changed()
        self._cache.clear()


def _parse_update(text: str):
    """Parse and check a SPARQL Update (off the event loop: rdflib's parser is slow on long texts)."""
    try:
        update = translateUpdate(parseUpdate(text), initNs=PREFIXES)
    except DiplographError:
        raise
    except Exception as error:
        line, column = getattr(error, "lineno", 1), getattr(error, "col", 1)
        raise QuerySyntaxError(getattr(error, "msg", str(error)), line, column) from None
    check_update(update.algebra)
    return update
