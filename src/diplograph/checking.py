"""The work done on each changed document — parsing it, checking it — and the checks remembered between runs.

Parsing a fact sheet and validating it against the shapes cost a few tenths
of a second each, all in Python: a thousand changed documents are spread over
the processors (spawned processes, never forked, so that a server's sockets
and threads are not copied into them), a handful are done in the process
that asks — except in a server (``keep_workers``), where all of them go to spawned processes kept between
changes. A document's checks are named by everything they depend on
(``corpus.check_key``) and kept in the cache folder with the digests of the
texts they read; within one process they are also remembered with those
files' sizes and times, so a server asked again after an accept looks at
the files instead of reading and hashing every quoted text.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

import orjson
import pyoxigraph as ox
from rdflib import Dataset, URIRef

from . import cache
from .convert import graph_of_nquads
from .crossing import Index
from .errors import DataError, Problem
from .layout import Layout
from .load import native_triples, read_shared, signature
from .names import Names
from .namespaces import RDF
from .sheets import SourceFile
from .validate import Context, check_document

__all__ = ["Workers", "keep_workers", "kept_check", "release_workers", "remember_check"]

FORMAT = 1
"""The version of what is kept in the cache; a change voids the old records."""
_PARALLEL_FROM = 6
"""At least this many documents to parse or check are spread over the processors."""
_REMEMBERED = 20_000
"""At most this many checks are remembered in a process (a server of many corpora forgets, then re-reads)."""

Parsed = tuple[bytes, Index, str] | list[Problem]
"""A document parsed: its graph as N-Quads, its index and the N-Quads' SHA-256 — or why it does not parse."""
Checked = tuple[list[Problem], dict[str, str]]
"""A document checked: its problems, and the texts the checks read with their SHA-256."""
Progress = Callable[[str, int, int], None]
_Job = TypeVar("_Job")
_Done = TypeVar("_Done")


class Workers:
    """Where documents are parsed and checked: this process for a few, one process per processor for many.

    The shared graphs (ontology, reference entities) are what every job is done against: given here for this
    process, read again (with the same ``overrides``) by each spawned one."""

    def __init__(self, layout: Layout, shared: Dataset, overrides: dict[Path, str] | None):
        self.layout, self.shared, self.overrides = layout, shared, overrides
        self._pool: ProcessPoolExecutor | None = None
        self._kept = _kept_pool(layout, overrides)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def parse(self, files: list[tuple[SourceFile, str]], progress: Progress | None = None) -> Iterator[Parsed]:
        """Each file parsed, in order, and kept in the cache folder under its content key (the second of each
        pair) by the process that parsed it: at a thousand documents, writing their graphs was 2 s of a cold
        start in the one process that reads them all."""
        return self._map(_parse_one, files, "parsing documents", progress)

    def check(self, jobs: list[tuple[SourceFile, bytes, list[list[str]], str]],
              progress: Progress | None = None) -> Iterator[Checked]:
        """Each document (file, N-Quads, the classes other documents give what it refers to, check key) checked,
        in order, and its problems kept in the cache folder by the process that checked it."""
        return self._map(_check_one, jobs, "checking documents", progress)

    def _map(self, function: Callable[[_Job], _Done], jobs: list[_Job], doing: str,
             progress: Progress | None) -> Iterator[_Done]:
        if not jobs:
            return
        if self._kept is not None:
            results: Iterable[_Done] = self._in_kept(self._kept, function, jobs)
        elif len(jobs) < _PARALLEL_FROM or len(os.sched_getaffinity(0)) < 2:
            _init_worker(self.layout, self.overrides, self.shared)
            results = map(function, jobs)
        else:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(len(os.sched_getaffinity(0)), mp_context=get_context("spawn"),
                                                 initializer=_init_worker, initargs=(self.layout, self.overrides))
            results = self._pool.map(function, jobs, chunksize=4)
        for number, result in enumerate(results, start=1):
            if progress and (number % 10 == 0 or number == len(jobs)):
                progress(doing, number, len(jobs))
            yield result

    def _in_kept(self, pool: ProcessPoolExecutor, function: Callable[[_Job], _Done],
                 jobs: list[_Job]) -> Iterator[_Done]:
        """``jobs`` done in the kept processes; if one of them died (killed, out of memory), the rest in new ones
        — or, if those die too, here."""
        done = 0
        for fresh in (False, True):
            if fresh:
                _forget(pool)
                pool = _kept_pool(self.layout, self.overrides) or pool
            try:
                for result in pool.map(function, jobs[done:], chunksize=1 if len(jobs) < 8 else 4):
                    done += 1
                    yield result
                return
            except BrokenProcessPool:
                continue
        _init_worker(self.layout, self.overrides, self.shared)
        yield from map(function, jobs[done:])


# --------------------------------------------------------------------------- processes kept by a server

_KEPT: dict[tuple[Layout, tuple], ProcessPoolExecutor] = {}
"""The kept processes of each layout and state of its shared files (see ``keep_workers``); empty unless turned
on."""
_KEEPING: dict[str, int] = {}
"""``{"pid": n}`` once process ``n`` keeps its workers (a process forked from it does not: they are not its)."""
_KEPT_LOCK = threading.Lock()


def keep_workers(layout: Layout) -> None:
    """From now on, parse and check every document of ``layout`` in spawned processes kept between calls, one
    document or many; the first is started now (call this before forking anything: see below).

    For a long-running server: its query workers are forked from it, and after each fork every page it writes is
    copied first (copy on write). Checking one accepted document in the server itself writes some 80 MB of the
    SHACL engine's working memory: at a thousand documents, a reviewer's accepts in a row took 0.3 s instead of
    0.15 s, most of it the kernel copying those pages. A kept process shares no page with the forked workers,
    and keeps the SHACL engine's session of the shared graphs warm. The command line keeps none: starting one
    costs more than a few documents' checks. Started here, in the thread that forks, and not in another thread
    while it forks (a fork amid another thread's import leaves the child waiting for that import for ever)."""
    _KEEPING["pid"] = os.getpid()
    _kept_pool(layout, None)


def release_workers() -> None:
    """Stop the kept processes and keep none from now on (a server closing)."""
    with _KEPT_LOCK:
        _KEEPING.clear()
        pools = list(_KEPT.values())
        _KEPT.clear()
    for pool in pools:
        pool.shutdown(cancel_futures=True)


def _kept_pool(layout: Layout, overrides: dict[Path, str] | None) -> ProcessPoolExecutor | None:
    """The kept processes for ``layout`` with its shared files as they are now, started if need be (and those of
    older shared files stopped); None unless this process keeps its workers, or when ``overrides`` change a
    shared file (the kept processes read the shared files as they are on disk when they start)."""
    if _KEEPING.get("pid") != os.getpid():
        return None
    shared = [layout.shapes_file, layout.context_file, *(path for path, _ in layout.shared_files())]
    if overrides and overrides.keys() & set(shared):
        return None
    key = (layout, tuple(signature(path) for path in shared))
    with _KEPT_LOCK:
        pool = _KEPT.get(key)
        if pool is None:
            for older in [older for older in _KEPT if older[0] == layout]:
                _KEPT.pop(older).shutdown(wait=False, cancel_futures=True)
            pool = ProcessPoolExecutor(len(os.sched_getaffinity(0)), mp_context=get_context("spawn"),
                                       initializer=_init_kept, initargs=(layout, os.getpid()))
            pool.submit(_ready)  # one process started now, its shared graphs read before the first document
            _KEPT[key] = pool
    return pool


def _forget(pool: ProcessPoolExecutor) -> None:
    with _KEPT_LOCK:
        for key in [key for key, kept in _KEPT.items() if kept is pool]:
            del _KEPT[key]
    pool.shutdown(wait=False, cancel_futures=True)


def _ready() -> bool:
    return True


def _init_kept(layout: Layout, server: int) -> None:
    """A kept process: ready for ``layout``'s documents, and gone once the server that started it is (killed, it
    cannot say so: a kept process would wait for work for ever)."""
    _init_worker(layout, None)
    threading.Thread(target=_exit_with, args=(server,), name="diplograph-parent-watch", daemon=True).start()


def _exit_with(server: int) -> None:
    while os.getppid() == server:
        time.sleep(1)
    os._exit(0)


_WORKER: dict[str, object] = {}


def _init_worker(layout: Layout, overrides: dict[Path, str] | None, shared: Dataset | None = None) -> None:
    if shared is None:
        shared = read_shared(layout, overrides)[0]
    if _WORKER.get("shared") is not shared:
        _WORKER.update(layout=layout, shared=shared, names=Names.of(shared), context=Context.of(shared))


def _parse_one(job: tuple[SourceFile, str]) -> Parsed:
    file, key = job
    try:
        triples = native_triples(file, _WORKER["layout"], _WORKER["names"])  # type: ignore[arg-type]
    except DataError as error:
        return error.problems
    name = ox.NamedNode(str(file.graph))
    quads = (ox.Quad(triple.subject, triple.predicate, triple.object, name) for triple in triples)
    nquads, index = ox.serialize(quads, format=ox.RdfFormat.N_QUADS), Index.of(triples)
    digest = hashlib.sha256(nquads).hexdigest()
    cache.write("graphs", key, nquads)
    cache.write("indexes", key, orjson.dumps({"format": FORMAT, "key": key, "index": index.as_json(),
                                              "graph": digest}))
    return nquads, index, digest


def _check_one(job: tuple[SourceFile, bytes, list[list[str]], str]) -> Checked:
    file, nquads, elsewhere, key = job
    triples = [(URIRef(iri), RDF.type, URIRef(cls)) for iri, cls in elsewhere]
    problems, reads = check_document(_WORKER["layout"], _WORKER["context"], file,  # type: ignore[arg-type]
                                     graph_of_nquads(nquads, file.graph), triples, nquads)
    _keep_check(key, problems, reads)
    return problems, reads


# --------------------------------------------------------------------------- remembered checks

_SEEN: dict[str, tuple[list[Problem], dict[Path, tuple[int, int, int]]]] = {}
"""Check key → its problems, and the files it read with (inode, size, modification time) as they were then."""


def kept_check(layout: Layout, key: str) -> list[Problem] | None:
    """The problems kept for check ``key``, if kept and the texts it read are unchanged."""
    seen = _SEEN.get(key)
    if seen is not None and all(signature(path) == known for path, known in seen[1].items()):
        return list(seen[0])
    raw = cache.read("checks", key)
    try:
        kept = orjson.loads(raw) if raw is not None else None
        if not (kept and kept.get("format") == FORMAT and kept.get("key") == key):
            return None
        signatures = {}
        for relative, digest in kept["reads"].items():
            path = layout.data / relative
            actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            if actual != digest:
                return None
            signatures[path] = signature(path)
        problems = [Problem(p["file"], p["line"], p["message"], p["focus"]) for p in kept["problems"]]
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError, OSError):
        return None
    _remember(key, problems, signatures)
    return list(problems)


def remember_check(layout: Layout, key: str, problems: list[Problem], reads: dict[str, str], *,
                   kept: bool = False) -> None:
    """Keep check ``key``'s problems, valid while the files ``reads`` names keep their digests (``kept``: the
    process that checked has written them to the cache folder; this one remembers them)."""
    if not kept:
        _keep_check(key, problems, reads)
    _remember(key, problems, {layout.data / relative: signature(layout.data / relative) for relative in reads})


def _keep_check(key: str, problems: list[Problem], reads: dict[str, str]) -> None:
    cache.write("checks", key, orjson.dumps({
        "format": FORMAT, "key": key, "reads": reads,
        "problems": [{"file": p.file, "line": p.line, "message": p.message, "focus": p.focus} for p in problems]}))


def _remember(key: str, problems: list[Problem], signatures: dict[Path, tuple[int, int, int]]) -> None:
    if len(_SEEN) >= _REMEMBERED:
        _SEEN.clear()
    _SEEN[key] = (list(problems), signatures)
