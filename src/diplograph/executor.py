"""Bounded query evaluation: every query runs in a worker process with a deadline, a row cap and a memory cap.

Neither rdflib nor pyoxigraph can stop a running query, and an rdflib thread
holds the GIL, so a thread with a timeout is no bound at all. Workers are
forked from the process that holds the loaded graph (they share its memory
copy-on-write); a worker past its deadline is killed and replaced. Inside a
worker an audit hook fails any attempt to open a socket, start a process or
open a file outside Python's own installation: a backstop behind the algebra
checks of :mod:`diplograph.safety`.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import resource
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .errors import QueryLimitError, QuerySyntaxError, ServiceBusyError
from .graph import KnowledgeGraph
from .results import Table, simple
from .safety import DatasetSpec, check_query
from .sparql import parse_query

__all__ = ["Job", "Limits", "Outcome", "QueryExecutor", "install_guard"]

_FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True)
class Limits:
    """Bounds on every query. Time in seconds; memory is address space a worker may add to the shared graph."""

    timeout: float = 10.0
    max_rows: int = 10_000
    memory_mb: int = 1024
    workers: int = 2
    max_query_length: int = 100_000
    max_nesting: int = 64


@dataclass(frozen=True)
class Job:
    """One query for a worker: text, pre-bound variables, dataset, row cap.

    With ``check``, the worker runs the safety checks on the parsed algebra
    (``safety.check_query``) before evaluating: parsing happens once, inside
    the bounded worker, and FROM clauses may name only ``local_graphs``.
    """

    text: str
    bindings: dict[str, Node] = field(default_factory=dict)
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    max_rows: int = 10_000
    check: bool = False
    local_graphs: tuple[URIRef, ...] = ()


@dataclass
class Outcome:
    """What a worker sends back: a table (SELECT/ASK) or triples (CONSTRUCT/DESCRIBE), or an error."""

    form: str = "SELECT"
    table: Table | None = None
    triples: list[tuple[Node, Node, Node]] | None = None
    truncated: bool = False
    error: tuple[str, str, dict] | None = None


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: multiprocessing.connection.Connection
    generation: int


class QueryExecutor:
    """A fixed set of worker processes that evaluate queries over ``graph`` within ``limits``.

    ``run`` blocks the calling thread (never call it on an event loop) until the
    worker answers, the deadline passes (the worker is killed: QueryLimitError),
    or no worker frees up in time (ServiceBusyError).
    """

    def __init__(self, graph: KnowledgeGraph, limits: Limits | None = None):
        self.graph = graph
        self.limits = limits or Limits()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._generation = 0
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        for _ in range(self.limits.workers):
            self._idle.put(self._spawn())

    def restart(self) -> None:
        """Replace every worker, e.g. after the graph was reloaded; busy ones are replaced when they return."""
        with self._lock:
            self._generation += 1
        for _ in range(self.limits.workers):
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                break
            self._stop(worker)
            self._idle.put(self._spawn())

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._stop(self._idle.get_nowait())
            except queue.Empty:
                return

    def run(self, job: Job, timeout: float | None = None) -> Outcome:
        """Evaluate ``job`` in a worker within ``timeout`` seconds (default: the configured limit)."""
        deadline = min(timeout or self.limits.timeout, self.limits.timeout)
        try:
            worker = self._idle.get(timeout=deadline)
        except queue.Empty:
            raise ServiceBusyError(f"all {self.limits.workers} query workers are busy; try again shortly") from None
        try:
            worker.connection.send(job)
            if worker.connection.poll(deadline):
                outcome = worker.connection.recv()
                self._release(worker)
                return outcome
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise QueryLimitError("the query worker died (out of memory?); the query was stopped",
                                  limit="memory") from None
        self._replace(worker)
        raise QueryLimitError(f"query stopped after {deadline:g} s (the time limit)", limit="time")

    # ------------------------------------------------------------------ worker management

    def _spawn(self) -> _Worker:
        parent, child = _FORK.Pipe()
        process = _FORK.Process(target=_serve, args=(self.graph, child, self.limits.memory_mb),
                                name="diplograph-query-worker", daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent, self._generation)

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self._generation or self._closed:
            self._replace(worker)
        else:
            self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        if not self._closed:
            self._idle.put(self._spawn())

    @staticmethod
    def _stop(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.connection.close()


# ---------------------------------------------------------------------- inside a worker

def _serve(graph: KnowledgeGraph, connection: multiprocessing.connection.Connection, memory_mb: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    graph.reopen()
    _limit_memory(memory_mb)
    _warm_up()
    install_guard(allowed=graph.store.remote_address)
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = evaluate(graph, job)
        except MemoryError:
            outcome = Outcome(error=("QueryLimitError", "the query exceeded the memory limit", {}))
        except Exception as error:  # reported to the caller, who maps it to a message
            position = {"line": error.line, "column": error.column} if isinstance(error, QuerySyntaxError) else {}
            outcome = Outcome(error=(type(error).__name__, str(error), position))
        connection.send(outcome)


def evaluate(graph: KnowledgeGraph, job: Job) -> Outcome:
    """Run ``job`` against ``graph`` (in the current process) and collect a bounded outcome."""
    if not job.check and not job.dataset.restricted and graph.store.takes_text:
        result = graph.query(job.text, bindings=job.bindings, check=False)  # a canned query, for the store's engine
        return _outcome(result, job)
    query = parse_query(job.text)
    spec = job.dataset
    if job.check:
        from_clauses = check_query(query, job.local_graphs)
        spec = spec if spec.restricted else from_clauses
    if spec.restricted and not (graph.store.takes_text and query.algebra.get("datasetClause")):
        if query.algebra.get("datasetClause"):
            query = _without_dataset_clause(query)  # served from the store (check_query said they are local)
        result = _restricted(graph.dataset, spec).query(query, initBindings=job.bindings)
    else:
        result = graph.query(job.text, bindings=job.bindings)  # FROM names local graphs: the engine serves them
    return _outcome(result, job)


def _outcome(result, job: Job) -> Outcome:
    if result.type in ("SELECT", "ASK"):
        table = Table.from_result(result, limit=job.max_rows)
        return Outcome(form=result.type, table=table, truncated=table.truncated)
    triples = [tuple(simple(term) for term in triple) for triple in islice(iter(result.graph), job.max_rows + 1)]
    return Outcome(form=result.type, triples=triples[: job.max_rows], truncated=len(triples) > job.max_rows)


def _without_dataset_clause(query: Query) -> Query:
    algebra = CompValue(query.algebra.name, **dict(query.algebra))
    algebra["datasetClause"] = None
    return Query(query.prologue, algebra)


def _restricted(full: Dataset, spec: DatasetSpec) -> Dataset:
    """The dataset the protocol asked for: the default graph is the merge of the named defaults."""
    dataset = Dataset()
    for name in spec.default_graphs:
        for triple in full.graph(name):
            dataset.add(triple)
    for name in spec.named_graphs:
        target = dataset.graph(name)
        for triple in full.graph(name):
            target.add(triple)
    return dataset


def _limit_memory(memory_mb: int) -> None:
    """Cap the worker's address space at what it has now (the shared graph) plus ``memory_mb``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    limit = (size_kb * 1024) + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _warm_up() -> None:
    """Import what evaluation imports lazily, before the guard forbids opening files.

    rdflib's evaluator runs in every worker (over restricted datasets, at
    least), so it is exercised on a small in-memory dataset whatever the store.
    """
    sample = Dataset(default_union=True)
    sample.parse(data='<urn:a> <urn:b> "c" .', format="nt")
    for text in ("SELECT (COUNT(*) AS ?n) (GROUP_CONCAT(STR(?s)) AS ?c) WHERE { ?s ?p ?o "
                 "FILTER(REGEX(STR(?s), 'x')) BIND(NOW() AS ?t) BIND(STRLEN(STR(?o)) AS ?l) } LIMIT 1",
                 "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", "DESCRIBE <urn:a>"):
        sample.query(parse_query(text))


# ---------------------------------------------------------------------- the guard

_BLOCKED_EVENTS = frozenset({
    "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
    "socket.gethostbyaddr", "socket.sendto", "urllib.Request", "http.client.connect", "ftplib.connect",
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.truncate", "shutil.rmtree", "ctypes.dlopen",
})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _readable_roots() -> tuple[str, ...]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path(__file__).resolve().parent),
             "/usr/lib/python3", "/usr/share/zoneinfo", "/dev/urandom"}
    roots |= {p for p in sys.path if p and os.path.isdir(p) and "site-packages" in p}
    return tuple(sorted(str(Path(r).resolve()) for r in roots))


def install_guard(on_block: Callable[[str], None] | None = None, allowed: tuple[str, int] | None = None) -> None:
    """Fail every network, process or file-system access from now on in this process (audit hooks are permanent).

    Reading Python's own files stays allowed, so that lazy imports work; so
    does talking to ``allowed`` (host, port), the remote store's endpoint, if any.
    """
    roots = _readable_roots()

    def guard(event: str, args: tuple) -> None:
        if allowed and _to_allowed(event, args, allowed):
            return
        if event in _BLOCKED_EVENTS:
            _refuse(event, on_block)
        elif event == "open":
            path, mode, flags = args
            if isinstance(path, int):
                return
            writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & _WRITE_FLAGS)
            resolved = os.path.realpath(os.fsdecode(path))
            if writing or not resolved.startswith(roots):
                _refuse(f"open {resolved}", on_block)

    sys.addaudithook(guard)


def _to_allowed(event: str, args: tuple, allowed: tuple[str, int]) -> bool:
    host, port = allowed
    if event == "socket.getaddrinfo":
        return args[0] == host
    if event == "socket.connect":
        address = args[1]
        return isinstance(address, tuple) and address[1] == port and address[0] in (host, "127.0.0.1", "::1") \
            if host == "localhost" else isinstance(address, tuple) and address[:2] == (host, port)
    return False


def _refuse(what: str, on_block: Callable[[str], None] | None) -> None:
    if on_block:
        on_block(what)
    raise PermissionError(f"diplograph: {what} is not allowed while evaluating a query")


def local_graphs(graph: KnowledgeGraph) -> list[URIRef]:
    """The named graphs a FROM clause or the protocol may name."""
    return sorted({g.identifier for g in graph.dataset.graphs()
                   if isinstance(g.identifier, URIRef) and g.identifier != DATASET_DEFAULT_GRAPH_ID})
