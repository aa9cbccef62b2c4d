"""The service: one graph, its settings, and bounded, checked evaluation — the only way the HTTP API reaches the graph.

Every route asks the service, never the graph: queries and tasks run in the
bounded workers (:mod:`diplograph.executor`), what is cheap and fixed (the
canned queries, the operations, the registered source texts) is answered
here, and nothing blocking runs on the event loop.
"""

from __future__ import annotations

import asyncio
import hmac
from pathlib import Path

from rdflib import URIRef

from .checking import keep_workers, release_workers
from .corpus import Progress
from .derived import Builder
from .entities import Entity
from .errors import (
    DiplographError,
    QueryError,
    QueryLimitError,
    QueryParameterError,
    QuerySyntaxError,
    UnauthorizedError,
    UnknownEntityError,
    UnsafeQueryError,
    UpdateForbiddenError,
)
from .executor import Job, Outcome, QueryExecutor
from .graph import KnowledgeGraph
from .operations import Operation, operation, operations
from .queries import CannedQuery
from .review import Candidate, read_candidates, review_file
from .schema import read_schema
from .settings import Settings
from .sparql import Inspection, inspect
from .tasks import (
    AnalysisTask,
    CollectionTask,
    CountsTask,
    DumpTask,
    EntityTask,
    LabelsTask,
    NeighborsTask,
    PathsTask,
    ReadingTask,
    StatsTask,
    Task,
    UpdateTask,
)
from .terms import short
from .updates import overlay_update
from .watch import Watcher
from .worklist import queue, single_valued

__all__ = ["Service", "Settings"]

_PASSED_ON = {error.__name__: error for error in (QueryParameterError, QueryError)}
"""Errors a worker reports that keep their kind at the edge (400)."""


_KEEPING_SECONDS = 60.0
"""How long a stopping service waits for the store it is keeping for the next start (a full copy of a thousand
documents takes about fifteen seconds; a copy with a few changed, one)."""


class Service:
    """The graph as a service: checks each query, runs it in a bounded worker, applies permitted updates.

    Its coroutines are for the server's event loop; call ``start`` and
    ``close`` on that loop too (the app's lifespan does).
    """

    def __init__(self, graph: KnowledgeGraph, settings: Settings | None = None):
        self.graph = graph
        self.settings = settings or Settings()
        self.executor = QueryExecutor(graph, self.settings.limits, changing=lambda: self.watcher.writing,
                                      busy=lambda: self.lock.locked())
        self.derived = Builder(graph, self.settings.limits.memory_mb, self._installed,
                               self.settings.derived_interval)
        """Builds projections, centralities and statistics of each generation; the workers restart with them."""
        self._keeping = False
        self.lock = asyncio.Lock()
        """Held while the graph changes (an update, a review, a reload): one change at a time."""
        self.watcher = Watcher(self)

    @classmethod
    def from_settings(cls, settings: Settings, *, progress: Progress | None = None) -> Service:
        """The service over the graph ``settings`` name (``progress`` is told how loading goes).

        Raises
        ------
        DiplographError
            when updates are asked for on a store that cannot take them.
        """
        graph = KnowledgeGraph.from_settings(settings, progress=progress)
        if settings.allow_review and graph.spec.kind != "memory":
            raise DiplographError("--allow-review: accepted facts are written to the data files, which only the "
                                  "in-memory store is loaded from; serve from memory")
        if settings.allow_updates and graph.spec.kind != "memory":
            raise DiplographError(f"--allow-updates: the {graph.spec.kind} store is read-only here (runtime updates "
                                  "go to an in-memory overlay: serve from memory, or rebuild the store with "
                                  "`diplograph load` after editing the files)")
        return cls(graph, settings)

    def start(self) -> None:
        """Start the workers, the derived-data builder and, on files in memory, the watch of the data folder."""
        self.executor.start()
        self.derived.start()
        self.watcher.start()

    def _installed(self) -> None:
        """New derived data is in: the query workers restart with it. The first time, on files in memory, documents
        are checked in processes of their own from now on (``checking.keep_workers``) — started now, not at the
        start, where at a thousand documents the first one's start took a core from the first build of the
        derived data (on the loop's thread, which forks the workers and the builder)."""
        self.executor.restart()
        if self.graph.spec.kind == "memory" and not self._keeping:
            keep_workers(self.graph.layout)
            self._keeping = True

    def close(self) -> None:
        self.watcher.stop()
        self.derived.finish(_KEEPING_SECONDS)
        self.executor.close()
        release_workers()

    # ------------------------------------------------------------------ what the server knows at once

    @property
    def graphs(self) -> list[URIRef]:
        return self.graph.graphs()

    @property
    def triples(self) -> int:
        return self.graph.size()

    @property
    def base_url(self) -> str:
        """Where clients reach this service (see ``Settings.public_url``), without a trailing slash."""
        settings = self.settings
        host = f"[{settings.host}]" if ":" in settings.host else settings.host
        return (settings.public_url or f"http://{host}:{settings.port}").rstrip("/")

    @property
    def data_state(self) -> str:
        """"current", "reloading", or why changed data files are not served (see ``watch``)."""
        return self.watcher.state

    def canned_queries(self) -> list[CannedQuery]:
        return list(self.graph.canned.values())

    def canned_query(self, name: str) -> CannedQuery:
        """Raises UnknownEntityError (with the nearest name) for an unknown one."""
        return self.graph.canned_query(name)

    def operations(self) -> list[Operation]:
        return list(operations(self.graph).values())

    def operation(self, name: str) -> Operation:
        return operation(self.graph, name)

    def source_text(self, name: str) -> Path:
        """The text registered for source ``name`` when the graph was loaded (never a path the graph holds)."""
        path = self.graph.source_texts().get(name)
        if path is None:
            raise UnknownEntityError(f"no source document {name!r}", listing="sources")
        return path

    def pending(self, name: str) -> list[Candidate]:
        """The drafted candidates of a registered source still waiting for review."""
        return [c for c in read_candidates(review_file(self.graph.layout, self.graph.source(name)))
                if c.status == "pending"]

    def review_queue(self, name: str) -> tuple[list[dict], list[str]]:
        """The pending candidates of a registered source as the web review shows them, each with its fact as
        drafted, and the properties that take one value (see ``worklist``)."""
        return queue(self.graph.source(name), self.pending(name)), single_valued(self.graph.layout)

    def is_actor(self, types) -> bool:
        """Whether a node of these classes is a party (an actor, not an article's author): its page shows its
        positions over time and its conflicts. The ontology says which classes those are."""
        schema = read_schema(self.graph.layout.ontology)
        actors = schema.subclasses("dg:Actor") - schema.subclasses("dg:Author")
        return any(short(t) in actors for t in types)

    async def resolve(self, name: str) -> URIRef:
        """The entity or source ``name`` refers to (IRI, prefixed name, bare id, label, alias, title).

        Raises
        ------
        UnknownEntityError
            with the nearest name.
        """
        if self.graph.spec.remote_address:  # resolving may ask the remote engine: not on the event loop
            return await asyncio.to_thread(self.graph.resolve, name)
        return self.graph.resolve(name)

    async def source_name(self, name: str) -> str:
        """The registered name of the source document ``name`` refers to (its name, IRI or title)."""
        if name in self.graph.source_texts():
            return name
        return await asyncio.to_thread(self.graph.source, name)

    async def parameter_terms(self, query: CannedQuery, params: dict[str, str]) -> dict:
        """A canned query's parameters as RDF terms, entities resolved by name (off the loop for a remote engine)."""
        if self.graph.spec.remote_address:
            return await asyncio.to_thread(self.graph.parameter_terms, query, params)
        return self.graph.parameter_terms(query, params)

    # ------------------------------------------------------------------ work in the workers

    async def run(self, task: Task, timeout: float | None = None) -> Outcome:
        """Run ``task`` in a worker, bounded like a query; its value or bytes."""
        return await self._run(Job(text="", task=task), timeout)

    async def counts(self) -> dict[str, int]:
        return (await self.run(CountsTask())).value

    async def stats(self) -> dict:
        return (await self.run(StatsTask())).value

    async def labels(self) -> list[str]:
        return (await self.run(LabelsTask())).value

    async def entity(self, name: str) -> Entity:
        return (await self.run(EntityTask(name))).value

    async def analysis(self, name: str, options: dict[str, str] | None = None) -> object:
        return (await self.run(AnalysisTask(name, tuple(sorted((options or {}).items()))))).value

    async def collection(self, name: str, filters: dict, offset: int, limit: int) -> dict:
        return (await self.run(CollectionTask(name, filters, offset, limit))).value

    async def neighbors(self, name: str, depth: int) -> tuple:
        return (await self.run(NeighborsTask(name, depth))).value

    async def paths(self, source: str, target: str, limit: int) -> tuple:
        return (await self.run(PathsTask(source, target, limit))).value

    async def reading(self, name: str) -> dict:
        return (await self.run(ReadingTask(name))).value

    async def dump(self, format: str, graph: str | None = None, *, union: bool = False) -> bytes:
        return (await self.run(DumpTask(format, graph, union))).body

    # ------------------------------------------------------------------ queries

    def inspect(self, text: str, *, update: bool = False) -> Inspection:
        """Tokenize and check a text before anything runs it (see ``sparql.inspect``)."""
        limits = self.executor.limits
        return inspect(text, max_length=limits.max_query_length, max_depth=limits.max_nesting, update=update)

    async def sparql(self, text: str, *, inspection: Inspection | None = None, default_graphs: list[str] | None = None,
                     named_graphs: list[str] | None = None, format: str = "sparql-json",
                     timeout: float | None = None, max_rows: int | None = None) -> Outcome:
        """Check and run any SPARQL query, answered in ``format``.

        Graphs named by the protocol (or by FROM) that the store does not hold
        are empty graphs: nothing is fetched.

        Raises
        ------
        QuerySyntaxError, UnsafeQueryError, QueryLimitError, ServiceBusyError
        """
        inspection = inspection or self.inspect(text)
        limits = self.executor.limits
        job = Job(text=text, default_graphs=tuple(default_graphs or ()), named_graphs=tuple(named_graphs or ()),
                  clauses=tuple(inspection.dataset), max_rows=min(max_rows or limits.max_rows, limits.max_rows),
                  format=format)
        return await self._run(job, timeout)

    async def canned(self, query: CannedQuery, params: dict[str, str], *, max_rows: int | None = None,
                     timeout: float | None = None, format: str | None = None) -> Outcome:
        """Run a canned query with typed parameters, bounded like any other query."""
        limits = self.executor.limits
        terms = await self.parameter_terms(query, params)
        default = "turtle" if query.form in ("CONSTRUCT", "DESCRIBE") else "sparql-json"
        job = Job(text=query.text, substitutions=terms, max_rows=min(max_rows or limits.max_rows, limits.max_rows),
                  format=format or default)
        return await self._run(job, timeout)

    async def _run(self, job: Job, timeout: float | None) -> Outcome:
        outcome = await self.executor.run(job, timeout)
        if outcome.error:
            name, message, details = outcome.error
            if name == "QuerySyntaxError":
                raise QuerySyntaxError(message.split(": ", 1)[-1], details["line"], details["column"])
            if name == "QueryLimitError":
                raise QueryLimitError(message, limit=details.get("limit", "memory"))
            if name in ("PermissionError", "UnsafeQueryError"):
                raise UnsafeQueryError(message)
            if name in ("UnknownEntityError", "UnknownNameError"):
                raise UnknownEntityError(message, suggestion=details.get("suggestion"),
                                         listing=details.get("listing"))
            if name in _PASSED_ON:
                raise _PASSED_ON[name](message)
            raise QueryError(f"query failed: {message}")
        return outcome

    # ------------------------------------------------------------------ changes

    def check_token(self, token: str | None, *, enabled: bool, what: str) -> None:
        """Refuse a change unless it is ``enabled`` and ``token`` is the configured one (compared in constant time).

        Raises
        ------
        UpdateForbiddenError, UnauthorizedError
        """
        configured = self.settings.update_token
        if not enabled or not configured:
            option = "--allow-updates" if what == "updates" else "--allow-review"
            raise UpdateForbiddenError(f"this service is read-only: it takes no {what}; start it with {option} and "
                                       "a token in DIPLOGRAPH_UPDATE_TOKEN")
        if not token or not hmac.compare_digest(token.encode(), configured.encode()):
            raise UnauthorizedError(f"{what} need the configured bearer token (Authorization: Bearer …)")

    async def update(self, text: str, token: str | None) -> None:
        """Apply a SPARQL Update to the runtime overlay, if updates are enabled and ``token`` is right.

        The overlay is a graph of its own: the data files' graphs are never
        changed at run time, an update's WHERE sees the whole graph (as a
        query does), and a restart drops the overlay (see ``updates``).

        Raises
        ------
        UpdateForbiddenError, UnauthorizedError, QuerySyntaxError, UnsafeQueryError
        """
        self.check_token(token, enabled=self.settings.allow_updates, what="updates")
        inspection = self.inspect(text, update=True)
        rewritten = overlay_update(inspection, text, self.graph.graphs())
        async with self.lock:
            await self.watcher.in_memory()  # a kept store (read-only) is replaced by the files, loaded, first
            # evaluated by a worker on its copy of the graph, bounded like a query; the overlay it leaves comes back
            # and replaces the server's, so a runaway WHERE is stopped at the limits and changes nothing
            overlay = (await self.run(UpdateTask(rewritten))).body
            self.graph.store.replace_overlay(overlay)  # type: ignore[attr-defined]
            self.graph.changed(keep_prepared=True)
            # no worker restarts: each takes the overlay with its next job; the derived data is rebuilt in the
            # background at most once per interval, the previous build serving meanwhile
            self.executor.set_overlay(overlay)
            self.derived.request()

    async def review(self, name: str, candidate: str, action: str, token: str | None, *, label: str | None = None,
                     edits: dict[str, str | list[str]] | None = None, force: bool = False,
                     seconds: float | None = None) -> str:
        """Accept or reject a drafted candidate of source ``name``; what was done, in words (see ``watch``)."""
        self.check_token(token, enabled=self.settings.allow_review, what="reviews")
        return await self.watcher.review(name, candidate, action, label=label, edits=edits, force=force,
                                         seconds=seconds)
