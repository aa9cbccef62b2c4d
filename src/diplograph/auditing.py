"""Running the fidelity audit over a graph or a data folder: which documents, in which processes, kept how.

The rules are :mod:`diplograph.fidelity`'s; this module decides what they run
on. A graph loaded from files is audited document by document, each in its own
world (its graph, the ontology, the reference entities: ``KnowledgeGraph.world``),
and each document's findings are kept in the cache folder under its content
key, so an audit costs what changed since the last one; a built or remote store
is walked whole. Many documents are audited in forked processes sharing the
loaded graph.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

import orjson

from . import cache
from .corpus import read_corpus, shared_key
from .engine import LocalStore
from .errors import DataError
from .fidelity import Finding, findings_in, statements_in
from .graph import KnowledgeGraph
from .layout import Layout
from .namespaces import DG, DGS
from .sparql import inspect

__all__ = ["audit", "audit_files"]


def audit(graph: KnowledgeGraph) -> list[Finding]:
    """Every fidelity finding in ``graph``, sorted by node and rule.

    On a graph loaded from files, each document is audited in its own world and its findings are kept under its
    content key; documents not audited before are audited over the processors when there are many.

    >>> audit(KnowledgeGraph.open())
    []
    """
    documents = graph.snapshot.documents
    if documents and graph.spec.kind == "memory":
        return _audited(graph, {key: _kept_findings(key) for key in documents.values()})
    found = findings_in(graph.dataset, graph.instances(DG.Statement), graph.source_texts())
    return sorted(set(found) | set(_queries_without_date_kind(graph)),
                  key=lambda f: (f.node, f.rule, f.message))


def audit_files(layout: Layout) -> list[Finding]:
    """Every fidelity finding in the files of ``layout``: what ``audit`` finds on them loaded, at the cost of what
    changed since the last audit — only the documents whose findings are not kept for their content are read,
    each from its N-Quads (kept by validation) straight into its own world, beside the ontology and the entities.

    No store of the documents is built: at a thousand documents that load cost ~6 s before the first document
    was audited, and an audit after one accepted fact needs one document's graph.

    Raises
    ------
    DataError
        when a file does not parse, naming it and the line.
    """
    corpus = read_corpus(layout, validate=False)
    if corpus.problems:
        raise DataError(corpus.problems)
    graph = KnowledgeGraph(layout)
    if not corpus.documents:  # N-Quads files only: the whole store is what is audited
        graph.load(validate=False)
        return audit(graph)
    kept = {document.key: _kept_findings(document.key) for document in corpus.documents}
    parts = {document.name: document.nquads for document in corpus.documents if kept[document.key] is None}
    graph.swap(LocalStore.in_memory(corpus.shared, []), corpus.files, corpus.keys,
               shared_key(layout, corpus.shared_key))  # the documents' graphs go to their worlds, not to a store
    return _audited(graph, kept, parts)


def _audited(graph: KnowledgeGraph, kept: dict[str, list[Finding] | None],
             parts: dict[str, bytes] | None = None) -> list[Finding]:
    """The findings of every document of ``graph``: ``kept`` ones as they are, the others audited (their graphs
    from the store, or from ``parts``: N-Quads by document) and kept."""
    found: list[Finding] = []
    todo = []
    for name, key in sorted(graph.snapshot.documents.items()):
        if (findings := kept.get(key)) is None:
            todo.append((name, key))
        else:
            found += findings
    for (_, key), findings in zip(todo, _audit_documents(graph, todo, parts or {}), strict=True):
        cache.write("audits", key, orjson.dumps({"key": key, "findings": [f.__dict__ for f in findings]}))
        found += findings
    return sorted(set(found) | set(_queries_without_date_kind(graph)), key=lambda f: (f.node, f.rule, f.message))


def _kept_findings(key: str) -> list[Finding] | None:
    """A document's findings as kept for exactly this content; None if not kept (or not readable)."""
    kept = cache.read("audits", key)
    try:
        if kept is not None:
            loaded = orjson.loads(kept)
            if loaded.get("key") == key:
                return [Finding(f["node"], f["rule"], f["message"]) for f in loaded["findings"]]
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        pass
    return None


_PARALLEL_FROM = 6
_AUDITED: dict[str, object] = {}
"""What forked auditors share: the graph, and the documents' N-Quads when they are not in its store."""


def _audit_documents(graph: KnowledgeGraph, todo: list[tuple[str, str]],
                     parts: dict[str, bytes]) -> Iterator[list[Finding]]:
    """The findings of each document of ``todo``, in order: forked processes share the loaded graph when there are
    many (never from a process that may not have children, such as a query worker)."""
    processors = len(os.sched_getaffinity(0))
    if len(todo) < _PARALLEL_FROM or processors < 2 or multiprocessing.current_process().daemon:
        yield from (_findings_of(graph, name, parts.get(name, b"")) for name, _ in todo)
        return
    _AUDITED.update(graph=graph, parts=parts)
    graph.source_texts()  # registered once, before the fork, for every document's audit
    graph.world([])  # and the ontology's and entities' triples made once
    gc.freeze()  # what the children inherit is never collected there: no page of it copied by the collector's walks
    try:
        # and the children collect no cycles at all: a document's world has none, reference counting frees it
        with ProcessPoolExecutor(processors, mp_context=multiprocessing.get_context("fork"),
                                 initializer=gc.disable) as pool:
            yield from pool.map(_audit_one, [name for name, _ in todo], chunksize=8)
    finally:
        gc.unfreeze()
        _AUDITED.clear()


def _audit_one(name: str) -> list[Finding]:
    parts: dict[str, bytes] = _AUDITED["parts"]  # type: ignore[assignment]
    return _findings_of(_AUDITED["graph"], name, parts.get(name, b""))  # type: ignore[arg-type]


def _findings_of(graph: KnowledgeGraph, name: str, nquads: bytes = b"") -> list[Finding]:
    """The findings of document ``name``, audited in its own world (its graph — from the store, or ``nquads`` —
    the ontology, the entities)."""
    world = graph.world([], nquads) if nquads else graph.world([DGS[name]])
    return findings_in(world, statements_in(world), graph.source_texts())


def _queries_without_date_kind(graph: KnowledgeGraph):
    for name, query in sorted(graph.canned.items()):
        tokens = inspect(query.text).tokens  # the grammar's own terminals: a WHERE in a comment or string is none
        where = next((t.start for t in tokens if t.word == "WHERE"), len(query.text))
        head = " ".join(t.text for t in tokens if t.start < where)
        for variable in sorted(set(re.findall(r"\?(date|\w+Date)\b", head))):
            if not re.search(rf"\?{variable}Kind\b", head):
                yield Finding(f"query {name}", "date-without-kind", f"shows ?{variable} without ?{variable}Kind")
