"""Bounded query evaluation: every query runs in a worker process with a deadline, a row cap and a memory cap.

Neither rdflib nor pyoxigraph can stop a running query, and an rdflib thread
holds the GIL, so a thread with a timeout is no bound at all. Workers are
forked from the process that holds the loaded graph (they share its memory
copy-on-write); a worker past its deadline is killed and replaced. Inside a
worker an audit hook fails any attempt to open a socket, start a process or
open a file outside Python's own installation: a backstop behind the algebra
checks of :mod:`diplograph.sparql`.
"""

from __future__ import annotations

import asyncio
import contextvars
import dataclasses
import multiprocessing
import os
import resource
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from pathlib import Path

import orjson
import pyoxigraph as ox
from rdflib.query import Result
from rdflib.term import Node

from .engine import native_json
from .errors import QueryLimitError, QuerySyntaxError, ServiceBusyError, UnknownEntityError
from .graph import KnowledgeGraph
from .namespaces import PREFIXES
from .results import (
    GRAPH_FORMATS,
    NATIVE_GRAPH_FORMATS,
    NATIVE_TABLE_FORMATS,
    Table,
    finished,
    json_term,
    plain_json,
    serialize_triples,
    simple,
)
from .sandbox import Isolation, isolate
from .schema import read_schema
from .settings import Limits
from .tasks import Task

__all__ = ["CLIENT", "Job", "Limits", "Outcome", "QueryExecutor", "confine", "evaluate", "install_guard",
           "limit_memory", "wake"]

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

_FORK = multiprocessing.get_context("fork")


@dataclass(frozen=True)
class Job:
    """One query for a worker: the text, its parameters, its dataset, the rows wanted and the format to write.

    The edge has checked the text already (``sparql.inspect``); ``clauses``
    are its FROM / FROM NAMED clauses, which the engine is told explicitly.
    ``format`` is a name of ``results.TABLE_FORMATS`` for SELECT and ASK, of
    ``results.GRAPH_FORMATS`` for CONSTRUCT and DESCRIBE.
    """

    text: str
    substitutions: dict[str, Node] = field(default_factory=dict)
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    clauses: tuple[tuple[str, str], ...] = ()
    max_rows: int = 10_000
    format: str = "sparql-json"
    task: Task | None = None
    """A task (see ``diplograph.tasks``) instead of a query."""
    overlay: bytes | None = None
    """The runtime-update overlay (N-Triples) to put in place before the job: the worker's copy is behind."""


@dataclass
class Outcome:
    """What a worker sends back: the answer written in the job's format, or an error.

    The worker serialises (SPARQL JSON by one encoder, the other formats by
    Oxigraph's writers): no rdflib term is pickled, and a response passes the
    bytes on as they are. ``table`` and ``records`` decode a SPARQL JSON body.
    """

    form: str = "SELECT"
    body: bytes = b""
    format: str = "sparql-json"
    truncated: bool = False
    error: tuple[str, str, dict] | None = None
    value: object = None
    """A task's answer (JSON-ready data; bytes go in ``body``)."""

    @cached_property
    def document(self) -> dict | None:
        """The SPARQL JSON results document, decoded (None for other formats)."""
        return orjson.loads(self.body) if self.format == "sparql-json" and self.body else None

    @cached_property
    def table(self) -> Table | None:
        """The results as rdflib terms."""
        return None if self.document is None else Table.from_sparql_json(self.document, self.truncated)

    def records(self) -> list[dict[str, object]]:
        """The rows as plain values, as ``Table.records`` gives them, without building rdflib terms."""
        if self.document is None or "results" not in self.document:
            return []
        return [{name: plain_json(term) for name, term in row.items()}
                for row in self.document["results"]["bindings"]]

    @property
    def variables(self) -> list[str]:
        return list((self.document or {}).get("head", {}).get("vars", []))


CLIENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("diplograph_client", default=None)
"""The address of the client a job is run for (the HTTP edge sets it); None for the command line and the tests."""


@dataclass
class _Share:
    """One client's share of the workers: its slots, and how many of its requests hold or wait for one."""

    slots: asyncio.Semaphore
    users: int = 0


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: multiprocessing.connection.Connection
    generation: int
    overlay: int = 0
    """The generation of the runtime-update overlay its copy of the graph holds."""
    lowered: bool = False
    """Its CPU priority was lowered for a long job."""


class QueryExecutor:
    """A fixed set of worker processes that evaluate queries over ``graph`` within ``limits``.

    It lives on the server's event loop: ``run`` sends the job down a pipe and
    awaits the answer without a thread in between, until the worker answers,
    the deadline passes (the worker is killed: QueryLimitError), or no worker
    frees up in time (ServiceBusyError). ``start``, ``restart`` and ``close``
    are called on the loop too.
    """

    def __init__(self, graph: KnowledgeGraph, limits: Limits | None = None):
        self.graph = graph
        self.limits = limits or Limits()
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._shares: dict[str | None, _Share] = {}
        self._overlay: tuple[int, bytes] = (0, b"")
        self._generation = 0
        self._closed = False
        self.isolation: Isolation | None = None
        """What the kernel granted the last worker started (the same for all: one machine, one configuration)."""

    def start(self) -> None:
        """Start every worker at once, then wait for each to be ready (they warm up side by side)."""
        workers = [self._spawn() for _ in range(self.limits.workers)]
        for worker in workers:
            self._ready(worker)
            self._idle.put_nowait(worker)

    def restart(self) -> None:
        """Replace every worker, e.g. after the graph was updated; busy ones are replaced when they return."""
        self._generation += 1
        for _ in range(self.limits.workers):
            try:
                worker = self._idle.get_nowait()
            except asyncio.QueueEmpty:
                break
            self._stop(worker)
            self._idle.put_nowait(self._spawn())

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._stop(self._idle.get_nowait())
            except asyncio.QueueEmpty:
                return

    async def run(self, job: Job, timeout: float | None = None) -> Outcome:
        """Evaluate ``job`` in a worker within ``timeout`` seconds (default: the configured limit).

        One client (by address, see ``CLIENT``) has at most ``limits.per_client`` jobs in workers at once; its
        others wait their turn within their deadline, so no client can take every worker. A worker that dies with
        the job (killed, or gone since it was last seen idle) is replaced and the job given once more to another:
        a second death is the job's own doing (its memory), and is reported.
        """
        deadline = min(timeout or self.limits.timeout, self.limits.timeout)
        loop = asyncio.get_running_loop()
        started = loop.time()
        client = CLIENT.get()
        share = self._shares.setdefault(client, _Share(asyncio.Semaphore(self.limits.per_client)))
        share.users += 1
        try:
            try:
                await asyncio.wait_for(share.slots.acquire(), max(0.001, deadline - (loop.time() - started)))
            except TimeoutError:
                raise ServiceBusyError(f"this client has {self.limits.per_client} requests in the workers already; "
                                       "try again when one has answered") from None
            try:
                return await self._run(job, loop, started, deadline)
            finally:
                share.slots.release()
        finally:
            share.users -= 1
            if not share.users:
                del self._shares[client]

    def set_overlay(self, ntriples: bytes) -> None:
        """A new runtime-update overlay: each worker puts it in place before its next job, none is restarted (the
        server's own store has it already, so a worker forked from now on starts with it)."""
        self._overlay = (self._overlay[0] + 1, ntriples)

    async def _run(self, job: Job, loop, started: float, deadline: float) -> Outcome:
        for attempt in (1, 2):
            worker = await self._idle_worker(loop, started, deadline)
            generation, overlay = self._overlay
            try:
                asked = job if worker.overlay == generation else dataclasses.replace(job, overlay=overlay)
                outcome = await self._ask(worker, asked, loop, max(0.001, deadline - (loop.time() - started)))
                worker.overlay = generation
            except TimeoutError:
                self._replace(worker)
                raise QueryLimitError(f"query stopped after {deadline:g} s (the time limit)", limit="time") from None
            except (EOFError, OSError):
                self._replace(worker)
                if attempt == 2:
                    raise QueryLimitError("the query worker died (out of memory?); the query was stopped",
                                          limit="memory") from None
                continue
            except BaseException:  # cancelled (the client went away): the worker may be mid-query, so replace it
                self._replace(worker)
                raise
            self._release(worker)
            return outcome
        raise AssertionError("unreachable")

    async def _idle_worker(self, loop, started: float, deadline: float) -> _Worker:
        while True:
            try:
                worker = await asyncio.wait_for(self._idle.get(), max(0.001, deadline - (loop.time() - started)))
            except TimeoutError:
                raise ServiceBusyError(f"all {self.limits.workers} query workers are busy; try again shortly") \
                    from None
            if worker.process.is_alive():
                return worker
            self._replace(worker)  # it died while idle (killed, out of memory): a new one takes its place

    async def _ask(self, worker: _Worker, job: Job, loop, seconds: float) -> Outcome:
        """Send ``job``; its answer (a worker started without waiting first says what the kernel granted it).

        A job still running after ``LONG_JOB`` seconds has its worker's CPU priority lowered (nice 10), so quick
        requests of other clients keep their share of the cores; the worker gets its priority back when it is
        released (or, where that needs a privilege, is replaced).
        """
        deadline = loop.time() + seconds
        descriptor = worker.connection.fileno()
        worker.connection.send(job)
        while True:
            answered = loop.create_future()
            loop.add_reader(descriptor, wake, answered)
            lower = loop.call_later(LONG_JOB, _lower_priority, worker)
            try:
                await asyncio.wait_for(answered, max(0.001, deadline - loop.time()))
            finally:
                lower.cancel()
                loop.remove_reader(descriptor)
                os.set_blocking(descriptor, True)  # uvloop made it non-blocking; the rest of a long answer follows
            message = worker.connection.recv()
            if not isinstance(message, Isolation):
                return message
            self.isolation = message

    # ------------------------------------------------------------------ worker management

    def _spawn(self) -> _Worker:
        """A new worker, not waited for: it says what the kernel granted it before its first answer."""
        parent, child = _FORK.Pipe()
        process = _FORK.Process(target=_serve, args=(self.graph, child, self.limits),
                                name="diplograph-query-worker", daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent, self._generation, self._overlay[0])

    def _ready(self, worker: _Worker) -> None:
        """Wait for the worker's first word: what the kernel granted it (see ``sandbox.isolate``)."""
        if worker.connection.poll(60):
            try:
                self.isolation = worker.connection.recv()
            except (EOFError, OSError):
                pass  # it died while starting: replaced when it is next handed work

    def _release(self, worker: _Worker) -> None:
        if worker.generation != self._generation or self._closed or not _restore_priority(worker):
            self._replace(worker)
        else:
            self._idle.put_nowait(worker)

    def _replace(self, worker: _Worker) -> None:
        self._stop(worker)
        if not self._closed:
            self._idle.put_nowait(self._spawn())

    @staticmethod
    def _stop(worker: _Worker) -> None:
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.connection.close()


LONG_JOB = 1.0
"""Seconds after which a job runs at a lower CPU priority (see ``QueryExecutor._ask``)."""


def _lower_priority(worker: _Worker) -> None:
    try:
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, 10)
        worker.lowered = True
    except OSError:
        pass  # gone already, or not ours to change: it runs on at its priority


def _restore_priority(worker: _Worker) -> bool:
    """Put a worker whose priority was lowered back to the usual one; False when that is not allowed here."""
    if not worker.lowered:
        return True
    try:
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, 0)
    except OSError:
        return False
    worker.lowered = False
    return True


def wake(future: asyncio.Future) -> None:
    """Settle ``future`` (a reader callback: a pipe or a process sentinel became readable)."""
    if not future.done():
        future.set_result(None)


# ---------------------------------------------------------------------- inside a worker

def _serve(graph: KnowledgeGraph, connection: multiprocessing.connection.Connection, limits: Limits) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    connection.send(confine(graph, limits.memory_mb))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = evaluate(graph, job)
        except MemoryError:
            outcome = Outcome(error=("QueryLimitError", "the query exceeded the memory limit", {"limit": "memory"}))
        except Exception as error:  # reported to the caller, who maps it to a message
            outcome = Outcome(error=(type(error).__name__, str(error), _details(error)))
        if len(outcome.body) > limits.max_answer_mb * 1024 * 1024:
            outcome = Outcome(error=("QueryLimitError", f"the answer is {len(outcome.body) / 1e6:,.0f} MB, past the "
                                     f"limit of {limits.max_answer_mb:g} MB: ask for a part (one graph, a "
                                     "neighbourhood, fewer rows)", {"limit": "answer-size"}))
        connection.send(outcome)


def _details(error: Exception) -> dict:
    """What the edge needs of an error besides its words: a query's position, a name's nearest spelling."""
    if isinstance(error, QuerySyntaxError):
        return {"line": error.line, "column": error.column}
    if isinstance(error, UnknownEntityError):
        return {"suggestion": error.suggestion, "listing": error.listing}
    return {}


def confine(graph: KnowledgeGraph, memory_mb: int) -> Isolation:
    """Make this freshly forked process a worker: its own store handle, then the sandbox, the memory cap, the guard.

    Returns what the kernel granted (see ``sandbox.isolate``).
    """
    graph.snapshot.lock = threading.RLock()  # a lock held by a thread of the server at the fork would stay held
    graph.reopen()  # before the file systems turn read-only: a store on disk is opened now
    _warm_up()
    read_schema(graph.layout.ontology)  # tasks read the ontology's classes: read now, while files may be opened
    isolation = isolate(network=graph.spec.remote_address is None)
    limit_memory(memory_mb)
    install_guard(allowed=graph.spec.remote_address, readable=(graph.layout.sources_dir,))
    return isolation


def evaluate(graph: KnowledgeGraph, job: Job) -> Outcome:
    """Run ``job`` against ``graph``'s store (in the current process) and write a bounded answer."""
    if job.overlay is not None:  # an update since this worker's copy was made: SPARQL sees it at once; what the
        graph.store.replace_overlay(job.overlay)  # type: ignore[attr-defined]  # worker derived serves until the
        # next build restarts it (derived data is rebuilt at most once per interval, off the request path)
    if job.task is not None:
        value = job.task.run(graph)
        return Outcome(form="TASK", body=value, format="bytes") if isinstance(value, bytes) else \
            Outcome(form="TASK", value=value, format="value")
    answer = graph.store.run(job.text, substitutions=job.substitutions, default_graphs=job.default_graphs,
                             named_graphs=job.named_graphs, clauses=job.clauses)
    return _outcome(answer, job)


def _outcome(answer, job: Job) -> Outcome:
    """At most ``job.max_rows`` rows (or triples) of an Oxigraph or rdflib answer, written in ``job.format``."""
    limit = job.max_rows
    if isinstance(answer, Result):  # a remote engine's answer, through rdflib
        if answer.type == "ASK":
            return _table(None, bool(answer.askAnswer), job)
        if answer.type == "SELECT":
            names = [str(v) for v in answer.vars or []]
            rows = [{name: json_term(term) for name, term in zip(names, row, strict=True) if term is not None}
                    for row in islice(answer, limit + 1)]
            return _table(names, rows, job)
        triples = [tuple(simple(term) for term in triple) for triple in islice(iter(answer.graph), limit + 1)]
        return Outcome(form="CONSTRUCT", body=serialize_triples(triples[:limit], job.format), format=job.format,
                       truncated=len(triples) > limit)
    if isinstance(answer, ox.QueryBoolean):
        return _table(None, bool(answer), job)
    if isinstance(answer, ox.QuerySolutions):
        names = [variable.value for variable in answer.variables]
        rows = [{name: native_json(term) for name, term in zip(names, solution, strict=True) if term is not None}
                for solution in islice(answer, limit + 1)]
        return _table(names, rows, job)
    triples = list(islice(answer, limit + 1))  # CONSTRUCT or DESCRIBE: Oxigraph does not say which
    body = finished(ox.serialize(triples[:limit], format=NATIVE_GRAPH_FORMATS[job.format], prefixes=_PREFIXES),
                    job.format)
    return Outcome(form="CONSTRUCT", body=body, format=job.format, truncated=len(triples) > limit)


def _table(names: list[str] | None, rows, job: Job) -> Outcome:
    if names is None:
        document, form, truncated = {"head": {}, "boolean": rows}, "ASK", False
    else:
        document = {"head": {"vars": names}, "results": {"bindings": rows[: job.max_rows]}}
        form, truncated = "SELECT", len(rows) > job.max_rows
    body = orjson.dumps(document)
    if job.format != "sparql-json":  # Oxigraph's writers for the other result formats
        results = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = finished(results.serialize(format=NATIVE_TABLE_FORMATS[job.format]), job.format)
    return Outcome(form=form, body=body, format=job.format, truncated=truncated)


def limit_memory(memory_mb: int) -> None:
    """Cap the worker's address space at what it has now (the shared graph) plus ``memory_mb``."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            size_kb = next(int(line.split()[1]) for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration, ValueError):
        return
    limit = (size_kb * 1024) + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _warm_up() -> None:
    """Run what evaluation loads lazily (the engine, the writers) before the guard forbids opening files.

    On a scratch store with inline data: a warm-up must neither scan the graph (seconds at a million quads) nor
    send anything to a remote engine.
    """
    from rdflib import Dataset

    from .engine import LocalStore

    scratch = LocalStore.in_memory(Dataset(), [])
    values = "VALUES (?s ?p ?o) { (<urn:diplograph:a> <urn:diplograph:b> 'c') }"
    for text, formats in ((f"SELECT (COUNT(*) AS ?n) WHERE {{ {values} FILTER(REGEX(STR(?s), 'x')) "
                           "BIND(NOW() AS ?t) }", ("sparql-json", "sparql-xml", "csv", "tsv")),
                          (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {values} }}", tuple(GRAPH_FORMATS)),
                          (f"ASK {{ {values} }}", ("sparql-json",))):
        for format in formats:
            _outcome(scratch.run(text), Job(text, max_rows=1, format=format))


# ---------------------------------------------------------------------- the guard

_BLOCKED_EVENTS = frozenset({
    "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
    "socket.gethostbyaddr", "socket.sendto", "urllib.Request", "http.client.connect", "ftplib.connect",
    "subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty",
    "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.truncate", "shutil.rmtree", "ctypes.dlopen",
})
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _readable_roots(extra: tuple[Path, ...] = ()) -> tuple[str, ...]:
    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix, str(Path(__file__).resolve().parent),
             "/usr/lib/python3", "/usr/share/zoneinfo", "/dev/urandom", *map(str, extra)}
    roots |= {p for p in sys.path if p and os.path.isdir(p) and "site-packages" in p}
    return tuple(sorted(str(Path(r).resolve()) for r in roots))


def install_guard(on_block: Callable[[str], None] | None = None, allowed: tuple[str, int] | None = None,
                  readable: tuple[Path, ...] = ()) -> None:
    """Fail every network, process or file-system access from now on in this process (audit hooks are permanent).

    Reading Python's own files stays allowed, so that lazy imports work, and reading the folders ``readable``
    (the registered source texts, for the reader); so does talking to ``allowed`` (host, port), the remote store's
    endpoint, if any.
    """
    roots = _readable_roots(tuple(p.resolve() for p in readable))

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
