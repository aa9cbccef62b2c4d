"""What is derived from a graph generation — projections, centralities, statistics — built once, off the request path.

At a million quads the networkx projections and their betweenness take
minutes, the class statistics most of a minute: no request should wait for
them, and no worker should compute them again. So the server hands each graph
generation to a *builder*, a process forked for the purpose, which computes a
:class:`~diplograph.derivation.Derived` record (in two processes, see
:mod:`diplograph.derivation`) within the workers' memory cap and writes it to the
cache folder as JSON; the server reads it into the generation's snapshot and
restarts its workers, which inherit it. Until then a request computes what it
needs itself (bounded by its worker), as it always could.

The file is data, never code: JSON with a format version and the key of the
graph it describes, checked for shape on reading; one that does not check is
rebuilt, with a line in the log and ``/health`` saying so. It lives in the
user's private cache folder (:mod:`diplograph.cache`), named by a digest of
what the graph was built from, so a restart on unchanged data finds it and
serves derived answers from the first request. Over a remote engine nothing is
built ahead: see ``Builder.start``.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import subprocess
import sys
import threading
import time

from . import cache
from .derivation import Derived, prepare
from .executor import forked, wake
from .graph import KnowledgeGraph
from .guard import limit_memory, release_sockets
from .kept import KeepRequest, keep, keep_request
from .keys import content_key

__all__ = ["Builder", "builder_memory_mb", "graph_key", "restore"]

_KEEP = 8
"""Files kept in the cache folder (the newest): a few data sets and overlays, not every generation ever served."""

_log = logging.getLogger("uvicorn.error")

QUIET = 2.0
"""Seconds without a change before a build starts or its derived data are installed (see ``Builder._still``)."""

_BACKGROUND = 10
"""The niceness of the builder and keeper processes: on a machine with as many busy processes as cores, a request
(an accept, a query) goes first, and what is derived in the background waits (measured at a thousand documents:
a build takes about twenty seconds of a core, after every accept, coalesced)."""


def graph_key(graph: KnowledgeGraph) -> str | None:
    """The key of ``graph``'s current generation (see ``keys.content_key``); None for a remote engine."""
    overlay = getattr(graph.store, "overlay_digest", None)
    snapshot = graph.snapshot
    return content_key(graph.spec, graph.layout, graph.files, overlay() if overlay else "",
                       (snapshot.documents, snapshot.shared) if snapshot.shared else None)


def restore(graph: KnowledgeGraph) -> str:
    """Install the derived data kept for ``graph``'s generation, if there and valid; what was found: "ready",
    "missing" or why the file was not taken."""
    key = graph_key(graph)
    if key is None:
        return "missing"
    raw = cache.read("derived", f"{key}.jsonl")
    if raw is None:
        return "missing"
    try:
        Derived.decode(raw, key).install(graph)
    except ValueError as error:
        return f"the kept file was not taken ({error}); rebuilding"
    return "ready"


def builder_memory_mb(memory_mb: int, quads: int) -> int:
    """The builder's memory cap above the graph it shares: a query worker's, and room for the graph's projections,
    which grow with it (measured: at 1.15M quads the build needs well over 1 GB above the shared store; a cap of
    a worker's 1 GB made it fail, and the service then has no derived data at all).

    >>> builder_memory_mb(1024, 1_751), builder_memory_mb(1024, 1_153_103)
    (1028, 3906)
    """
    return memory_mb + quads // 400


def _build(graph: KnowledgeGraph, key: str, memory_mb: int) -> None:
    """The builder process: compute and write, within its memory cap (``builder_memory_mb``)."""
    release_sockets()  # the server's connections are not the builder's to hold open
    os.nice(_BACKGROUND)
    graph.snapshot.lock = threading.RLock()  # a lock held by a thread of the parent at the fork stays held here
    graph.reopen()
    graph.changed()  # what the previous build prepared describes the graph before an update: computed afresh
    limit_memory(memory_mb)
    cache.write("derived", f"{key}.jsonl", prepare(graph, helper=True).encode(key), keep=_KEEP)


def keep_from_stdin() -> None:
    """The keeper process: a fresh interpreter (see ``kept.KeepRequest``) that reads its request — JSON, from the
    server that started it — on its standard input, and writes the served generation on disk."""
    os.nice(_BACKGROUND)
    try:
        request = KeepRequest.decode(sys.stdin.buffer.read())
    except ValueError as error:
        raise SystemExit(f"diplograph keeper: {error}") from None
    keep(request)


_KEEPER = "from diplograph.derived import keep_from_stdin; keep_from_stdin()"
"""A keeper is a new interpreter running this: not a fork (RocksDB's threads), nor multiprocessing's spawn (which
leaves a resource tracker process beside the server for its whole life, and pickles what it passes)."""


def _wait(process: subprocess.Popen, seconds: float) -> None:
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        pass


class Builder:
    """Builds the derived data of each graph generation in a process of its own, then installs it.

    ``start`` is called on the server's event loop (at start-up and after
    each update); ``on_installed`` runs on the loop once the data is in the
    snapshot (the service restarts its workers there).
    """

    def __init__(self, graph: KnowledgeGraph, memory_mb: int, on_installed, interval: float = 10.0):
        self.graph = graph
        self.memory_mb = memory_mb
        self.on_installed = on_installed
        self.interval = interval
        """Seconds between builds asked for by ``request`` (updates): a flood of updates builds once per interval."""
        self._task: asyncio.Task | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self._keeper: subprocess.Popen | None = None
        self._kept: tuple = ()
        """The documents and shared graphs of the generation kept last (or opened kept): not kept again."""
        self._content: tuple = ()
        self._pending = False
        self._last = float("-inf")
        self._changed = float("-inf")
        """When ``request`` was last called: a build starts, and is installed, once the graph stands still."""
        self._superseded = False
        """Whether the build process was stopped by a change (see ``request``), not by a failure."""
        self.state = "not started"
        """For ``/health``: "building", "ready", or why there is nothing derived."""

    def request(self, state: str = "building (the graph changed; the previous build serves meanwhile)") -> None:
        """Build for the graph as it will be, once it has stood still for ``QUIET`` seconds and no build started in
        the last ``interval`` seconds (however many requests came meanwhile). A build under way is stopped: what it
        would make describes a graph that is gone, and its two processes would take the cores from a reviewer's
        next accepts. Until then ``state`` is what ``/health`` says."""
        if self.graph.spec.remote_address is not None:
            return
        self.state = state
        self._pending = True
        self._changed = asyncio.get_running_loop().time()
        if self._process is not None and self._process.is_alive():
            self._superseded = True
            self._process.kill()
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._coalesced())

    async def _coalesced(self) -> None:
        loop = asyncio.get_running_loop()
        while self._pending:
            await asyncio.sleep(max(0.0, self._last + self.interval - loop.time()))
            await self._still()
            self._pending = False
            self._last = loop.time()
            self._content = self._content_now()
            await self._run(self.graph.snapshot.generation)
            if not self._kept:
                self._keep()  # the first generation: kept once built (both cores build at a cold start)

    def start(self) -> None:
        """Build for the current generation (stopping a build for an earlier one), and keep the generation on
        disk for the next start (see ``kept``).

        Not for a remote engine: the projections read the whole graph, and a
        copy of a large remote store at every start would load the engine and
        the network for analyses that may never be asked for; there each
        worker derives what its requests need, when they need it.
        """
        building = self._task is not None and not self._task.done()
        if self._content == self._content_now() and (building or self.graph.snapshot.prepared):
            return  # the same content in a new generation (a kept store's files now in memory): its build serves,
            # or what it installed was inherited (``Snapshot.inherit``): reading it again would hold it twice
        self.stop()
        self._pending = False
        if self.graph.spec.remote_address is not None:
            self.state = "on demand (remote engine)"
            return
        self._content = self._content_now()
        self._pending, self._last = True, float("-inf")  # now; later requests are coalesced behind this build
        self._task = asyncio.get_running_loop().create_task(self._coalesced())

    async def settled(self) -> None:
        """Wait until the current build or restore is over (the files loaded behind a kept store wait for it:
        reading the derived file and loading the files at once would hold both in memory)."""
        task = self._task
        if task is not None and not task.done():
            await asyncio.wait({task})

    def _content_now(self) -> tuple:
        """What the current generation holds: its documents' content keys, the shared graphs', the overlay's."""
        snapshot = self.graph.snapshot
        overlay = getattr(snapshot.store, "overlay_digest", None)
        return snapshot.documents, snapshot.shared, overlay() if overlay else ""

    def stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._task is not None:
            self._task.cancel()

    async def _run(self, generation: int) -> None:
        found = await asyncio.to_thread(restore, self.graph)
        if found != "ready":
            if self.graph.spec.kind == "memory" and not self.graph.store.writable:
                self._content = ()  # served from a kept store: built once the files are in memory (no process
                self.state = "building once the files are loaded"  # is forked while they load; see ``watch``)
                return
            if found != "missing":
                _log.warning("diplograph: derived data: %s", found)
            if found != "missing" or not self.state.startswith("building"):
                self.state = "building" if found == "missing" else f"building: {found}"
            if not await self._build():
                return
            await self._still()
            if self._pending:
                return  # the graph changed while building: the next build (due now) is for what it is now
            found = await asyncio.to_thread(restore, self.graph)
        if found != "ready":
            self.state = f"not built: the derived data could not be read back from the cache folder ({found})"
            _log.warning("diplograph: %s", self.state)
            return
        self.state = "ready"
        self.on_installed()

    async def _still(self) -> None:
        """Wait until no change was asked for in the last ``QUIET`` seconds. Building takes both cores for a while
        at a thousand documents, and installing holds the interpreter for a second or two (reading the record
        back): a reviewer's accepts in a row go first, served meanwhile by the derived data installed before."""
        loop = asyncio.get_running_loop()
        while (left := self._changed + QUIET - loop.time()) > 0:
            await asyncio.sleep(left)

    def _keep(self) -> bool:
        """Start keeping the generation now served on disk for the next start (see ``kept``), in a process of
        its own; whether one started (not for a store that is not in memory, nor while one is being kept)."""
        graph = self.graph
        held = (graph.snapshot.documents, graph.snapshot.shared)
        if graph.spec.kind != "memory" or not graph.store.writable:
            self._kept = held if graph.spec.kind == "memory" else self._kept  # a kept store holds these files
            return False  # served from a built, remote or kept store: nothing to keep
        if (self._keeper is not None and self._keeper.poll() is None) or held == self._kept:
            return False  # being kept, or kept already
        self._kept = held
        snapshot = graph.snapshot
        request = keep_request(graph.layout, graph.store, snapshot.files, snapshot.documents,  # type: ignore[arg-type]
                               snapshot.shared)
        self._keeper = subprocess.Popen([sys.executable, "-c", _KEEPER], stdin=subprocess.PIPE)
        try:
            with self._keeper.stdin:  # type: ignore[union-attr]
                self._keeper.stdin.write(request.encode())  # type: ignore[union-attr]
        except OSError:  # it died at once: nothing kept this time
            pass
        return True

    def finish(self, seconds: float) -> None:
        """Stop, and keep the generation served last for the next start, within ``seconds`` (a copy of the store
        kept before, with the documents changed since replaced: about a second at a thousand documents)."""
        self.stop()
        deadline = time.monotonic() + seconds
        if self._keeper is not None:
            _wait(self._keeper, seconds)  # the first generation's, if still being written
        if self._keep():
            _wait(self._keeper, max(0.0, deadline - time.monotonic()))  # type: ignore[arg-type]
        if self._keeper is not None and self._keeper.poll() is None:
            self._keeper.kill()  # its half-made folder is removed by the next keeper
            self._keeper.wait()

    async def _build(self) -> bool:
        """Run the builder process; whether it wrote the file."""
        key = graph_key(self.graph)
        assert key is not None  # a local store: its data has a name
        loop = asyncio.get_running_loop()
        process = multiprocessing.get_context("fork").Process(
            target=_build, args=(self.graph, key, builder_memory_mb(self.memory_mb, self.graph.size())),
            name="diplograph-builder", daemon=True)
        forked(process)
        self._process = process
        exited = loop.create_future()
        loop.add_reader(process.sentinel, wake, exited)
        try:
            await exited
        finally:
            loop.remove_reader(process.sentinel)
            process.join(timeout=5)
        if self._superseded:  # stopped by a change (see ``request``): the next build is for the graph as it is
            self._superseded = False
            return False
        if process.exitcode != 0:
            self.state = f"not built: the builder stopped (exit code {process.exitcode}; out of memory, or see the log)"
            _log.warning("diplograph: derived data %s", self.state)
            return False
        return True
