"""The data files as the service serves them: watched, reloaded once they validate, and changed by reviews.

A running service on data folders (the in-memory store) looks at the files
every ``watch_interval`` seconds; when a document was added, reviewed, edited
or removed — by the command line, an editor or the web review — it loads them
again, validated, and serves the new graph with new workers and derived data.
Files that do not validate are not served: the previous graph stays, and
``state`` (``/health``'s ``data``) says why.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Protocol

from .errors import DiplographError, QueryParameterError
from .graph import KnowledgeGraph
from .review import accept, reject
from .settings import Settings

__all__ = ["EDITABLE", "KEPT_STATE", "Watcher"]

_log = logging.getLogger("uvicorn.error")
_CANDIDATE = re.compile(r"[0-9a-f]{10}")
EDITABLE = frozenset({"towards", "demandedBy", "demandedOf", "holder", "heldBy", "callsFor", "stance", "about",
                      "concerns", "attributedTo", "assertionMode", "datePrecision", "statedOn", "label", "type",
                      "preconditionFor", "qualifier", "issue"})
"""What a reviewer may change before accepting (the properties a drafted statement proposes)."""
KEPT_STATE = "loading the files into memory (the store kept at the last run serves them meanwhile)"
"""``state`` while a graph served from a kept store (see ``kept``) is loaded behind it."""


class Served(Protocol):
    """What the watcher needs of the service it keeps current."""

    graph: KnowledgeGraph
    settings: Settings
    lock: asyncio.Lock
    executor: object  # restart() replaces the workers
    derived: object  # start() builds the new generation's derived data; settled() waits for a build
    triples: int


class Watcher:
    """Keeps what the service serves equal to the data files (see the module)."""

    def __init__(self, service: Served):
        self.service = service
        self.state = "current"
        """For ``/health``: "current", "reloading", or why changed files are not served."""
        self._task: asyncio.Task | None = None
        self._loading: asyncio.Task | None = None
        self._seen: tuple = ()
        self.writing = False
        """Whether a refresh is writing the store in a thread now."""

    def start(self) -> None:
        """Watch the files (on the in-memory store); a graph served from a kept store is loaded into memory
        behind it at once (see ``kept``), so that reviews, updates and changed files find it there."""
        service = self.service
        if service.graph.spec.kind != "memory":
            return
        loop = asyncio.get_running_loop()
        if not service.graph.store.writable:
            self.state = KEPT_STATE
            self._loading = loop.create_task(self._load_behind())
        if service.settings.watch_interval > 0:
            self._seen = service.graph.layout.fingerprint()
            self._task = loop.create_task(self._watch(service.settings.watch_interval))

    def stop(self) -> None:
        for task in (self._task, self._loading):
            if task is not None:
                task.cancel()

    async def in_memory(self) -> None:
        """With the service's lock held: serve the files from memory if a kept store serves them now (a review or
        an update changes the in-memory store; the kept one is read-only)."""
        if self.service.graph.spec.kind == "memory" and not self.service.graph.store.writable:
            self.state = KEPT_STATE
            await self._reload()

    async def _load_behind(self) -> None:
        await self.service.derived.settled()  # type: ignore[attr-defined]
        async with self.service.lock:
            try:
                await self.in_memory()
            except DiplographError as error:  # the files changed since they were kept, and no longer validate
                self.state = f"changed files not served: {error}"

    async def review(self, name: str, candidate: str, action: str, *, label: str | None = None,
                     edits: dict[str, str | list[str]] | None = None, force: bool = False,
                     seconds: float | None = None) -> str:
        """Accept or reject a drafted candidate of source ``name`` (see ``drafting``); what was done, in words.

        The library's work (the command line's ``diplograph review`` calls the same), in a thread off the event
        loop; an accepted fact has passed the same validation as a hand-written one and is written atomically, and
        the graph is then reloaded.

        Raises
        ------
        QueryParameterError, UnknownEntityError, DataError
        """
        graph = self.service.graph
        name = await asyncio.to_thread(graph.source, name)
        if action not in ("accept", "reject") or not _CANDIDATE.fullmatch(candidate):
            raise QueryParameterError("a review is action accept or reject, and a candidate id of 10 hex digits")
        for key, value in {**({"label": label} if label is not None else {}), **(edits or {})}.items():
            values = value if isinstance(value, list) else [value]
            if key not in EDITABLE or any(len(v) > 300 or "\n" in v for v in values):
                raise QueryParameterError(f"cannot set {key!r} to that; editable, one line of at most 300 "
                                          f"characters each: {', '.join(sorted(EDITABLE))}")
        async with self.service.lock:
            if action == "reject":
                done = await asyncio.to_thread(reject, graph.layout, name, candidate, seconds=seconds)
                return f"rejected {done.id}: it will not be proposed again"
            await self.in_memory()
            iri = await asyncio.to_thread(accept, graph.layout, name, candidate, label=label, edits=edits,
                                          force=force, seconds=seconds)
            await self._reload(coalesced=True)
        return f"accepted {candidate} as {iri} in data/documents/{name}.yaml (validated)"

    async def _reload(self, *, coalesced: bool = False) -> None:
        """Serve the data files as they now are (validated; only changed documents are read again and replaced in
        the store): new workers, derived data rebuilt — now, or (``coalesced``, as after each of a reviewer's
        accepts) at most once an interval, so that accepts in a row do not each stop a build and fork another."""
        service = self.service
        before = service.graph.snapshot
        seen = await asyncio.to_thread(service.graph.layout.fingerprint)  # before: a change after it is seen next
        self.writing = True  # no worker is forked meanwhile (see ``QueryExecutor.changing``)
        try:
            await asyncio.to_thread(service.graph.refresh)
        finally:
            self.writing = False
        service.graph.snapshot.inherit(before)
        self._seen = seen
        self.state = "current"
        service.executor.restart()
        if coalesced:
            service.derived.request("building (the graph changed; answers derive what they need meanwhile)")
        else:
            service.derived.start()

    async def _watch(self, interval: float) -> None:
        """Every ``interval`` seconds, look at the data files; when they changed, serve them once they validate."""
        service = self.service
        while True:
            await asyncio.sleep(interval)
            seen = await asyncio.to_thread(service.graph.layout.fingerprint)
            if seen == self._seen or service.lock.locked():
                continue
            async with service.lock:
                self.state = "reloading"
                try:
                    await self._reload()
                    _log.info("diplograph: the data files changed; now serving %s triples", f"{service.triples:,}")
                except DiplographError as error:
                    self._seen = seen
                    self.state = f"changed files not served: {error}"
                    _log.warning("diplograph: %s", self.state)
