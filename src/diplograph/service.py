"""The service: one graph, its settings, and bounded, checked query evaluation — what the HTTP API calls."""

from __future__ import annotations

import asyncio
import hmac
import logging
import re

from .derived import Builder
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
from .queries import CannedQuery
from .results import short
from .schema import read_schema
from .settings import Settings
from .sparql import Inspection, inspect
from .updates import overlay_update

__all__ = ["Service", "Settings"]

_PASSED_ON = {error.__name__: error for error in (UnknownEntityError, QueryParameterError, QueryError)}
"""Errors a worker reports that keep their kind at the edge (404, 400)."""



class Service:
    """The graph as a service: checks each query, runs it in a bounded worker, applies permitted updates.

    Its query and update methods are coroutines for the server's event loop;
    call ``start`` and ``close`` on that loop too (the app's lifespan does).
    """

    def __init__(self, graph: KnowledgeGraph, settings: Settings | None = None):
        self.graph = graph
        self.settings = settings or Settings()
        self.executor = QueryExecutor(graph, self.settings.limits)
        self.derived = Builder(graph, self.settings.limits.memory_mb, self.executor.restart)
        """Builds projections, centralities and statistics of each generation; the workers restart with them."""
        self._update_lock = asyncio.Lock()
        self._watcher: asyncio.Task | None = None
        self._seen: tuple = ()
        self.data_state = "current"
        """For ``/health``: "current", "reloading", or why changed files are not served."""

    @classmethod
    def from_settings(cls, settings: Settings) -> Service:
        """The service over the graph ``settings`` name.

        Raises
        ------
        DiplographError
            when updates are asked for on a store that cannot take them.
        """
        graph = KnowledgeGraph.from_settings(settings)
        if settings.allow_review and graph.spec.kind != "memory":
            raise DiplographError("--allow-review: accepted facts are written to the data files, which only the "
                                  "in-memory store is loaded from; serve from memory")
        if settings.allow_updates and not graph.store.writable:
            raise DiplographError(f"--allow-updates: the {graph.spec.kind} store is read-only here (runtime updates "
                                  "go to an in-memory overlay: serve from memory, or rebuild the store with "
                                  "`diplograph load` after editing the files)")
        return cls(graph, settings)

    def start(self) -> None:
        """Start the workers, the derived-data builder and, on files in memory, the watch of the data folder."""
        self.executor.start()
        self.derived.start()
        if self.settings.watch_interval > 0 and self.graph.spec.kind == "memory":
            self._seen = self.graph.layout.fingerprint()
            self._watcher = asyncio.get_running_loop().create_task(self._watch())

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.cancel()
        self.derived.stop()
        self.executor.close()

    @property
    def graphs(self) -> list:
        return self.graph.graphs()

    @property
    def triples(self) -> int:
        return self.graph.size()

    # ------------------------------------------------------------------ names

    async def resolve(self, name: str):
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

    def is_actor(self, types) -> bool:
        """Whether a node of these classes is a party (an actor, not an article's author): its page shows its
        positions over time and its conflicts. The ontology says which classes those are."""
        schema = read_schema(self.graph.layout.ontology)
        actors = schema.subclasses("dg:Actor") - schema.subclasses("dg:Author")
        return any(short(t) in actors for t in types)

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
        if self.graph.spec.remote_address:  # resolving a name may ask the remote engine: not on the event loop
            terms = await asyncio.to_thread(self.graph.parameter_terms, query, params)
        else:
            terms = self.graph.parameter_terms(query, params)
        default = "turtle" if query.form in ("CONSTRUCT", "DESCRIBE") else "sparql-json"
        job = Job(text=query.text, substitutions=terms, max_rows=min(max_rows or limits.max_rows, limits.max_rows),
                  format=format or default)
        return await self._run(job, timeout)

    async def task(self, task: str, /, **arguments: object) -> Outcome:
        """Run a task of ``diplograph.tasks`` in a worker, bounded like a query; its value or bytes."""
        return await self._run(Job(text="", call=(task, arguments)), None)

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
            if name in _PASSED_ON:
                raise _PASSED_ON[name](message)
            raise QueryError(f"query failed: {message}")
        return outcome

    # ------------------------------------------------------------------ updates

    async def update(self, text: str, token: str | None) -> None:
        """Apply a SPARQL Update to the runtime overlay, if updates are enabled and ``token`` is right.

        The overlay is the store's default graph: the data files' graphs are
        never changed at run time, an update's WHERE sees the whole graph (as a
        query does), and a restart drops the overlay (see ``updates``).

        Raises
        ------
        UpdateForbiddenError, QuerySyntaxError, UnsafeQueryError
        """
        settings = self.settings
        if not settings.allow_updates or not settings.update_token:
            raise UpdateForbiddenError("this service is read-only; start it with updates enabled and a token")
        if not token or not hmac.compare_digest(token.encode(), settings.update_token.encode()):
            raise UnauthorizedError("updates need the configured bearer token (Authorization: Bearer …)")
        inspection = self.inspect(text, update=True)
        rewritten = overlay_update(inspection, text, self.graph.graphs())
        async with self._update_lock:
            # evaluated by a worker on its copy of the graph, bounded like a query; the overlay it leaves comes back
            # and replaces the server's, so a runaway WHERE is stopped at the limits and changes nothing
            overlay = (await self._run(Job(text="", call=("update", {"text": rewritten}), disposable=True),
                                       None)).body
            self.graph.store.replace_overlay(overlay)  # type: ignore[attr-defined]
            self.graph.changed()
            self.executor.restart()
            self.derived.start()

    # ------------------------------------------------------------------ review of drafted candidates

    async def review(self, name: str, candidate: str, action: str, token: str | None, *, label: str | None = None,
                     edits: dict[str, str | list[str]] | None = None, force: bool = False) -> str:
        """Accept or reject a drafted candidate of source ``name`` (see ``drafting``); what was done, in words.

        Enabled only with ``allow_review`` and the update token. The work is the library's (the command line's
        ``diplograph review`` calls the same), in a thread off the event loop; an accepted fact has passed the
        same validation as a hand-written one and is written atomically, and the graph is then reloaded.

        Raises
        ------
        UpdateForbiddenError, UnauthorizedError, QueryParameterError, UnknownEntityError, DataError
        """
        from .drafting import accept, reject

        settings = self.settings
        if not settings.allow_review or not settings.update_token:
            raise UpdateForbiddenError("this service does not take reviews; start it with --allow-review and a token")
        if not token or not hmac.compare_digest(token.encode(), settings.update_token.encode()):
            raise UnauthorizedError("reviews need the configured bearer token (Authorization: Bearer …)")
        name = self.graph.source(name)
        if action not in ("accept", "reject") or not _CANDIDATE.fullmatch(candidate):
            raise QueryParameterError("a review is action accept or reject, and a candidate id of 10 hex digits")
        for key, value in ({"label": label} if label is not None else {}).items() | (edits or {}).items():
            values = value if isinstance(value, list) else [value]
            if (key != "label" and key not in _EDITABLE) or any(len(v) > 300 or "\n" in v for v in values):
                raise QueryParameterError(f"cannot set {key!r} to that; editable, one line of at most 300 "
                                          f"characters each: {', '.join(sorted(_EDITABLE))}")
        layout = self.graph.layout
        async with self._update_lock:
            if action == "reject":
                done = await asyncio.to_thread(reject, layout, name, candidate)
                return f"rejected {done.id}: it will not be proposed again"
            iri = await asyncio.to_thread(accept, layout, name, candidate, label=label, edits=edits, force=force)
            await self._reload()
        return f"accepted {candidate} as {iri} in data/documents/{name}.yaml (validated)"

    # ------------------------------------------------------------------ the data files, watched

    async def _reload(self) -> None:
        """Load the data files again (validated) and serve them: new workers, derived data rebuilt."""
        await asyncio.to_thread(self.graph.load)
        self._seen = await asyncio.to_thread(self.graph.layout.fingerprint)
        self.data_state = "current"
        self.executor.restart()
        self.derived.start()

    async def _watch(self) -> None:
        """Every ``watch_interval`` seconds, look at the data files; when they changed, serve them once they validate.

        A change that does not validate is not served: the previous graph stays, and ``/health`` says why.
        """
        interval = self.settings.watch_interval
        while True:
            await asyncio.sleep(interval)
            seen = await asyncio.to_thread(self.graph.layout.fingerprint)
            if seen == self._seen or self._update_lock.locked():
                continue
            async with self._update_lock:
                self.data_state = "reloading"
                try:
                    await self._reload()
                    _log.info("diplograph: the data files changed; now serving %s triples", f"{self.triples:,}")
                except DiplographError as error:
                    self._seen = seen
                    self.data_state = f"changed files not served: {error}"
                    _log.warning("diplograph: %s", self.data_state)


_log = logging.getLogger("uvicorn.error")
_CANDIDATE = re.compile(r"[0-9a-f]{10}")
_EDITABLE = frozenset({"towards", "demandedBy", "demandedOf", "holder", "heldBy", "callsFor", "stance", "about",
                       "concerns", "attributedTo", "assertionMode", "datePrecision", "statedOn", "label"})
"""What a reviewer may change before accepting (the properties a drafted statement proposes)."""
