"""What is derived from a graph generation — projections, centralities, statistics — built once, off the request path.

At a million quads the networkx projections and their betweenness take
minutes, the class statistics most of a minute: no request should wait for
them, and no worker should compute them again. So the server hands each graph
generation to a *builder*, a process forked for the purpose, which computes
them within the workers' memory cap and writes them to a file; the server reads
the file into the generation's snapshot and restarts its workers, which
inherit it. Until then a request computes what it needs itself (bounded by its
worker), as it always could.

The file lives in the user's cache folder, named by a digest of what the graph
was built from (the data files, or the store folder's identity, and the
runtime overlay), so a restart on unchanged data finds it and serves derived
answers from the first request. Over a remote engine nothing is built ahead: see
``Builder.start``.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import threading
from pathlib import Path

from .executor import limit_memory, wake
from .graph import KnowledgeGraph, cache_folder, content_key

__all__ = ["Builder", "cache_file", "install", "prepare", "restore"]

_KEYS = ("projections", "stats", "home counts", "names")
"""The snapshot cache entries a builder fills (see ``tasks`` and ``KnowledgeGraph``)."""

_NEEDS_OPTIONS = frozenset({"paths", "ego"})
"""Analyses that answer nothing without options (a source and target, an entity)."""

_KEEP = 8
"""Files kept in the cache folder (the newest): a few data sets and overlays, not every generation ever served."""

_log = logging.getLogger("uvicorn.error")


def prepare(graph: KnowledgeGraph) -> dict[str, object]:
    """Compute everything a request may want derived from the whole of ``graph``; the snapshot entries.

    >>> derived = prepare(KnowledgeGraph.open())
    >>> sorted(key for key in derived if isinstance(key, str))
    ['home counts', 'names', 'projections', 'stats']
    >>> ("analysis", "coalitions", ()) in derived
    True
    >>> derived["projections"].scores()[0].pagerank > 0
    True
    """
    from .analysis.registry import ANALYSES
    from .tasks import analysis, counts, projections

    projections(graph).precompute()
    graph.stats()
    counts(graph)
    graph.names  # noqa: B018 (a cached property: reading it builds it)
    for name in ANALYSES:  # each analysis that needs no option, as the home page links it
        if name not in _NEEDS_OPTIONS:
            analysis(graph, name, {})
    return {key: value for key, value in graph.snapshot.derived.items()
            if key in _KEYS or (isinstance(key, tuple) and key[0] == "analysis")}


def install(graph: KnowledgeGraph, derived: dict[str, object]) -> None:
    """Put ``derived`` (from ``prepare``, perhaps through a file) into ``graph``'s current snapshot."""
    for key, value in derived.items():
        graph.snapshot.derived[key] = value.attach(graph) if key == "projections" else value  # type: ignore


def cache_file(graph: KnowledgeGraph) -> Path | None:
    """Where the derived data of ``graph``'s current generation is kept, or None if it has no stable identity."""
    key = content_key(graph)
    if key is None:
        return None
    return cache_folder() / "derived" / f"{key}.pickle"  # the key covers the code too: a new version rebuilds


def restore(graph: KnowledgeGraph, path: Path) -> bool:
    """Install the derived data kept in ``path``, if it is there and readable; whether it was."""
    derived = _read(path)
    if derived is not None:
        install(graph, derived)
    return derived is not None


def _read(path: Path) -> dict[str, object] | None:
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError):
        return None


def _write(graph: KnowledgeGraph, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    with partial.open("wb") as file:
        pickle.dump(prepare(graph), file, protocol=pickle.HIGHEST_PROTOCOL)
    partial.replace(path)
    kept = sorted(path.parent.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in kept[_KEEP:]:
        stale.unlink(missing_ok=True)


def _build(graph: KnowledgeGraph, path: Path, memory_mb: int) -> None:
    """The builder process: compute and write, within the memory cap a worker has."""
    graph.snapshot.lock = threading.RLock()  # a lock held by a thread of the parent at the fork stays held here
    graph.reopen()
    limit_memory(memory_mb)
    _write(graph, path)


class Builder:
    """Builds the derived data of each graph generation in a process of its own, then installs it.

    ``start`` is called on the server's event loop (at start-up and after
    each update); ``on_installed`` runs on the loop once the data is in the
    snapshot (the service restarts its workers there).
    """

    def __init__(self, graph: KnowledgeGraph, memory_mb: int, on_installed):
        self.graph = graph
        self.memory_mb = memory_mb
        self.on_installed = on_installed
        self._task: asyncio.Task | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        self.state = "not started"
        """For ``/health``: "building", "ready", or why there is nothing derived."""

    def start(self) -> None:
        """Build for the current generation (stopping a build for an earlier one).

        Not for a remote engine: the projections read the whole graph, and a
        copy of a large remote store at every start would load the engine and
        the network for analyses that may never be asked for; there each
        worker derives what its requests need, when they need it.
        """
        self.stop()
        if self.graph.spec.remote_address is not None:
            self.state = "on demand (remote engine)"
            return
        self._task = asyncio.get_running_loop().create_task(self._run(self.graph.snapshot.generation))

    def stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._task is not None:
            self._task.cancel()

    async def _run(self, generation: int) -> None:
        loop = asyncio.get_running_loop()
        path = cache_file(self.graph)
        assert path is not None  # a local store: its data has a name
        derived = await asyncio.to_thread(_read, path)
        if derived is None:
            self.state = "building"
            process = multiprocessing.get_context("fork").Process(
                target=_build, args=(self.graph, path, self.memory_mb), name="diplograph-builder", daemon=True)
            process.start()
            self._process = process
            exited = loop.create_future()
            loop.add_reader(process.sentinel, wake, exited)
            try:
                await exited
            finally:
                loop.remove_reader(process.sentinel)
                process.join(timeout=5)
            if process.exitcode != 0:
                self.state = (f"not built: the builder stopped (exit code {process.exitcode}; out of memory, or see "
                              "the log)")
                _log.warning("diplograph: derived data %s", self.state)
                return
            derived = await asyncio.to_thread(_read, path)
        if self.graph.snapshot.generation != generation:
            return  # the graph changed meanwhile: a newer build is on its way
        if derived is None:
            self.state = "not built: the derived data could not be read back from the cache folder"
            _log.warning("diplograph: derived data %s", self.state)
            return
        install(self.graph, derived)
        self.state = "ready"
        self.on_installed()
