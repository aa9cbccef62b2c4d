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

import asyncio
import multiprocessing
import os
import resource
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from pathlib import Path

import orjson
from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from .errors import QueryLimitError, QuerySyntaxError, ServiceBusyError
from .graph import KnowledgeGraph
from .namespaces import PREFIXES
from .results import Table, json_term, plain_json, simple, term_from_json
from .safety import DatasetSpec, check_query
from .settings import Limits
from .sparql import parse_query

__all__ = ["Job", "Limits", "Outcome", "QueryExecutor", "install_guard"]

_FORK = multiprocessing.get_context("fork")


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
    """What a worker sends back: results (SELECT/ASK) or triples (CONSTRUCT/DESCRIBE), or an error.

    SELECT and ASK results travel as SPARQL 1.1 JSON bytes, written in the
    worker: no rdflib term is pickled, and a JSON response can pass them on
    as they are. ``table`` and ``records`` decode them when asked.
    """

    form: str = "SELECT"
    results: bytes | None = None
    triples: list[tuple[Node, Node, Node]] | None = None
    truncated: bool = False
    error: tuple[str, str, dict] | None = None

    @cached_property
    def document(self) -> dict | None:
        """The SPARQL JSON results document, decoded."""
        return None if self.results is None else orjson.loads(self.results)

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


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    connection: multiprocessing.connection.Connection
    generation: int


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
        self._generation = 0
        self._closed = False

    def start(self) -> None:
        for _ in range(self.limits.workers):
            self._idle.put_nowait(self._spawn())

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
        """Evaluate ``job`` in a worker within ``timeout`` seconds (default: the configured limit)."""
        deadline = min(timeout or self.limits.timeout, self.limits.timeout)
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            worker = await asyncio.wait_for(self._idle.get(), deadline)
        except TimeoutError:
            raise ServiceBusyError(f"all {self.limits.workers} query workers are busy; try again shortly") from None
        answered = loop.create_future()
        descriptor = worker.connection.fileno()
        try:
            worker.connection.send(job)
            loop.add_reader(descriptor, lambda: answered.done() or answered.set_result(None))
            try:
                await asyncio.wait_for(answered, max(0.001, deadline - (loop.time() - started)))
            finally:
                loop.remove_reader(descriptor)
                os.set_blocking(descriptor, True)  # uvloop made it non-blocking; the rest of a long answer follows
            outcome = worker.connection.recv()
        except TimeoutError:
            self._replace(worker)
            raise QueryLimitError(f"query stopped after {deadline:g} s (the time limit)", limit="time") from None
        except (EOFError, OSError):
            self._replace(worker)
            raise QueryLimitError("the query worker died (out of memory?); the query was stopped",
                                  limit="memory") from None
        except BaseException:  # cancelled (the client went away): the worker may be mid-query, so replace it
            self._replace(worker)
            raise
        self._release(worker)
        return outcome

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
        return _outcome(_on_store(graph, job.text, job.bindings), job)  # a canned query, for the store's engine
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
        result = _on_store(graph, job.text, job.bindings)  # FROM names local graphs: the engine serves them
    return _outcome(result, job)


_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _on_store(graph: KnowledgeGraph, text: str, bindings: dict[str, Node]):
    """Evaluate on the store: straight on Oxigraph when it is one (no rdflib terms), else through rdflib."""
    if graph.native is not None and not bindings:
        return graph.native.query(text, use_default_graph_as_union=True, prefixes=_PREFIXES)
    return graph.query(text, bindings=bindings, check=False)


def _outcome(result, job: Job) -> Outcome:
    """Collect at most ``job.max_rows`` rows (or triples) of an rdflib or pyoxigraph result."""
    limit = job.max_rows
    if isinstance(result, Result):
        if result.type == "ASK":
            return _results(None, bool(result.askAnswer), job)
        if result.type == "SELECT":
            names = [str(v) for v in result.vars or []]
            rows = [{name: json_term(term) for name, term in zip(names, row, strict=True) if term is not None}
                    for row in islice(result, limit + 1)]
            return _results(names, rows, job)
        form = result.type
        triples = [tuple(simple(term) for term in triple) for triple in islice(iter(result.graph), limit + 1)]
    else:
        import pyoxigraph as ox

        if isinstance(result, ox.QueryBoolean):
            return _results(None, bool(result), job)
        if isinstance(result, ox.QuerySolutions):
            names = [variable.value for variable in result.variables]
            rows = [{name: _native_term(term) for name, term in zip(names, solution, strict=True)
                     if term is not None} for solution in islice(result, limit + 1)]
            return _results(names, rows, job)
        form = "CONSTRUCT"  # or DESCRIBE: pyoxigraph does not say which
        triples = [tuple(term_from_json(_native_term(term)) for term in (t.subject, t.predicate, t.object))
                   for t in islice(result, limit + 1)]
    return Outcome(form=form, triples=triples[:limit], truncated=len(triples) > limit)


def _results(names: list[str] | None, rows, job: Job) -> Outcome:
    if names is None:
        return Outcome(form="ASK", results=orjson.dumps({"head": {}, "boolean": rows}))
    document = {"head": {"vars": names}, "results": {"bindings": rows[: job.max_rows]}}
    return Outcome(form="SELECT", results=orjson.dumps(document), truncated=len(rows) > job.max_rows)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _native_term(term) -> dict:
    """The SPARQL JSON form of a pyoxigraph term (as ``results.json_term`` for rdflib's)."""
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype}
    return {"type": "literal", "value": str(term)}  # an RDF-star triple term: shown as text


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
