"""What a query worker does with a job: evaluate it on its copy of the graph and write a bounded answer.

The worker writes the answer itself — SPARQL JSON by one encoder, the other
result and RDF formats by Oxigraph's writers — so no rdflib term crosses the
process boundary and a response passes the bytes on as they are. A job is a
query (text, parameters, dataset, row cap, format) or a task
(:mod:`diplograph.tasks`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

import orjson
import pyoxigraph as ox
from rdflib.term import Node

from .convert import native_json
from .errors import QuerySyntaxError, UnknownEntityError
from .formats import GRAPH_FORMATS, TABLE_FORMATS, finished
from .graph import KnowledgeGraph
from .namespaces import PREFIXES
from .results import Table, plain_json
from .tasks import Task

__all__ = ["Job", "Outcome", "details", "evaluate", "warm_up"]

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


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
    """At most ``job.max_rows`` rows (or triples) of an answer (Oxigraph's objects, whatever the store), written in
    ``job.format``."""
    limit = job.max_rows
    if isinstance(answer, ox.QueryBoolean):
        return _table(None, bool(answer), job)
    if isinstance(answer, ox.QuerySolutions):
        names = [variable.value for variable in answer.variables]
        rows = [{name: native_json(term) for name, term in zip(names, solution, strict=True) if term is not None}
                for solution in islice(answer, limit + 1)]
        return _table(names, rows, job)
    triples = list(islice(answer, limit + 1))  # CONSTRUCT or DESCRIBE: Oxigraph does not say which
    body = finished(ox.serialize(triples[:limit], format=GRAPH_FORMATS[job.format].native, prefixes=_PREFIXES),
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
        body = finished(results.serialize(format=TABLE_FORMATS[job.format].native), job.format)
    return Outcome(form=form, body=body, format=job.format, truncated=truncated)


def details(error: Exception) -> dict:
    """What the edge needs of an error besides its words: a query's position, a name's nearest spelling."""
    if isinstance(error, QuerySyntaxError):
        return {"line": error.line, "column": error.column}
    if isinstance(error, UnknownEntityError):
        return {"suggestion": error.suggestion, "listing": error.listing}
    return {}


def warm_up() -> None:
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
