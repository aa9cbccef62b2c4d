"""SHACL validation by one of two engines: rudof (Rust, fast; the one in the loop) or pySHACL (the reference).

Both are asked the same question — which nodes of the data violate which shape — and answer in the same terms: a
:class:`Violation` names the focus node, the path and the shape's own ``sh:message``, so a problem reads the same
whichever engine found it. ``tests/test_shacl_engines.py`` holds them to that on every shape of
``ontology/shapes.ttl`` and on the W3C core tests of the features those shapes use.

rudof keeps the ontology and the reference entities loaded between documents (one session per process and
context); a document's triples are staged on top of them and rolled back after its check. Two places where rudof
departs from the SHACL specification are covered elsewhere, not here: an ill-formed literal (``"2025-13-45"^^
xsd:date``) is reported by :mod:`diplograph.validate` for every engine, and a literal given to ``sh:node`` is caught
by the ``sh:nodeKind`` the shapes put beside every ``sh:node``.

The engine is rudof when it is installed, else pySHACL; ``DIPLOGRAPH_SHACL_ENGINE=pyshacl`` (or ``rudof``) chooses.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .errors import DiplographError
from .namespaces import PREFIXES, RDF, RDFS, SH

__all__ = ["ENGINES", "Shapes", "Violation", "engine_name", "shapes_of", "violations"]

ENGINES = ("rudof", "pyshacl")
_ENGINE_VARIABLE = "DIPLOGRAPH_SHACL_ENGINE"
_SESSIONS_KEPT = 2  # contexts whose rudof sessions a process keeps (the served one and the next)


@dataclass(frozen=True)
class Violation:
    """One result of a validation: the node, the property path (None for a node shape) and the message."""

    focus: Node
    path: Node | None
    message: str


@dataclass(frozen=True)
class Shapes:
    """A shapes graph, parsed once per content of its file."""

    graph: Graph
    ntriples: str
    """The shapes as N-Triples, for rudof: its blank-node labels are the graph's, so a result's source shape can
    be looked up in :attr:`messages`."""
    messages: dict[Node, str]
    """Each shape's ``sh:message``."""


def engine_name() -> str:
    """The engine validation uses here: ``DIPLOGRAPH_SHACL_ENGINE``, else rudof when installed, else pySHACL."""
    chosen = os.environ.get(_ENGINE_VARIABLE, "").strip().lower()
    if chosen and chosen not in ENGINES:
        raise DiplographError(f"{_ENGINE_VARIABLE}={chosen!r}: choose one of {', '.join(ENGINES)}")
    if chosen:
        return chosen
    return "rudof" if importlib.util.find_spec("pyrudof") is not None else "pyshacl"


def shapes_of(path: Path) -> Shapes:
    """The shapes of ``path`` (cached while the file is unchanged)."""
    info = path.stat()
    return _parsed_shapes(str(path), info.st_mtime_ns, info.st_size)


@functools.lru_cache(maxsize=4)
def _parsed_shapes(path: str, mtime: int, size: int) -> Shapes:
    graph = Graph().parse(path, format="turtle")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    messages = {shape: str(message) for shape, message in graph.subject_objects(SH.message)}
    return Shapes(graph, graph.serialize(format="nt"), messages)


def violations(shapes: Shapes, context: Graph, graph: Graph, extra: Iterable[tuple[Node, Node, Node]] = (),
               own: set[URIRef] | None = None, engine: str | None = None,
               nquads: bytes | None = None) -> list[Violation]:
    """The violations of ``shapes`` in ``context`` + ``graph`` + ``extra``.

    ``own`` names the nodes whose violations are wanted (None: all). pySHACL is then started from them alone
    (its focus nodes), when the shapes reach everything they target through them; rudof validates the whole
    union, which costs it less than choosing would. ``nquads``, when given, is ``graph`` as N-Quads: rudof
    reads them into its one data graph instead of a serialization of ``graph``.
    """
    engine = engine or engine_name()
    if engine == "rudof":
        found = _rudof_violations(shapes, context, graph, extra, nquads)
    else:
        found = _pyshacl_violations(shapes, context, graph, extra, own)
    if own is None:
        return found
    return [v for v in found if not isinstance(v.focus, URIRef) or v.focus in own]


# --------------------------------------------------------------------------- rudof

_PLACEHOLDER = "_:diplograph-nothing <urn:diplograph:nothing> _:diplograph-nothing .\n"
_sessions: dict[tuple[int, int], tuple[Graph, Shapes, object]] = {}
_SESSIONS_LOCK = threading.Lock()


def _rudof_session(shapes: Shapes, context: Graph):
    """A rudof session with ``shapes`` and ``context`` loaded, kept for the next document of the same context."""
    import pyrudof

    key = (id(shapes), id(context))
    if key not in _sessions:
        session = pyrudof.Rudof(pyrudof.RudofConfig())
        session.read_shacl(shapes.ntriples, format=pyrudof.ShaclFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)
        # rudof reads no empty input, and stages nothing over no data: an empty context holds one triple no shape
        # can target (its subject is a fresh blank node, its predicate is of no vocabulary)
        session.read_data(context.serialize(format="nt") if len(context) else _PLACEHOLDER,
                          format=pyrudof.RDFFormat.NTriples, reader_mode=pyrudof.ReaderMode.Strict)
        while len(_sessions) >= _SESSIONS_KEPT:
            _sessions.pop(next(iter(_sessions)))
        _sessions[key] = (context, shapes, session)  # the graphs are held so that their ids stay theirs
    return _sessions[key][2]


def _rudof_violations(shapes: Shapes, context: Graph, graph: Graph, extra: Iterable[tuple[Node, Node, Node]],
                      nquads: bytes | None) -> list[Violation]:
    import pyrudof

    # rudof reads a string as data, a path or an address: what it is given here is always N-Triples or N-Quads
    # text written by rdflib or Oxigraph (it starts with "<" or "_:" and spans lines), never a path or address
    staged = nquads.decode() if nquads is not None else graph.serialize(format="nt")
    staged += "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in extra)
    with _SESSIONS_LOCK:  # a session stages one document at a time (the server checks in threads)
        session = _rudof_session(shapes, context)
        session.begin_staging()
        try:
            if staged:
                session.read_data(staged, format=pyrudof.RDFFormat.NQuads, merge=True,
                                  reader_mode=pyrudof.ReaderMode.Strict)
            report = session.validate_shacl()
        finally:
            session.rollback_staging()
    found = []
    for entry in report.violations:
        source = _term(entry.source_shape)
        message = shapes.messages.get(source) if source is not None else None
        found.append(Violation(_term(entry.focus_node), _term(entry.path) if entry.path else None,
                               message or _unquoted(entry.message) or "violates a shape"))
    return found


def _term(text: str | None) -> Node | None:
    """A node of a rudof result (an IRI with or without brackets, ``_:label`` or a quoted literal)."""
    if not text:
        return None
    if text.startswith("_:"):
        return BNode(text[2:])
    if text.startswith('"'):
        return Literal(text.split('"')[1])  # its lexical form: enough to report it
    return URIRef(text.strip("<>"))


def _unquoted(text: str | None) -> str:
    if text and len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1]
    return text or ""


# --------------------------------------------------------------------------- pySHACL

def _pyshacl_violations(shapes: Shapes, context: Graph, graph: Graph, extra: Iterable[tuple[Node, Node, Node]],
                        own: set[URIRef] | None) -> list[Violation]:
    import pyshacl  # imported here: it is slow to import and only the reference engine needs it

    data = context + graph
    for triple in extra:
        data.add(triple)
    focus = own if own is not None and _named_targets_only(shapes.graph, data, graph) else None
    if focus is not None and not focus:
        return []
    _, report, _ = pyshacl.validate(data, shacl_graph=shapes.graph, inference="none", allow_infos=True,
                                    allow_warnings=True, focus_nodes=sorted(focus) if focus is not None else None)
    found = []
    for result in report.objects(None, SH.result):  # the results themselves, not the details nested in them
        source = report.value(result, SH.sourceShape)
        message = shapes.messages.get(source) or str(report.value(result, SH.resultMessage) or "violates a shape")
        found.append(Violation(report.value(result, SH.focusNode), report.value(result, SH.resultPath), message))
    return found


def _named_targets_only(shapes: Graph, data: Graph, graph: Graph) -> bool:
    """Whether the shapes reach every node of ``graph`` they target through its named nodes.

    Validation can then start from the document's named nodes alone (pySHACL's focus nodes), instead of every
    node of the shared graphs too. It cannot when a shape targets otherwise than by class, or when a blank node
    of the document has a targeted class (focus nodes are IRIs): then everything is validated."""
    if any(shapes.triples((None, target, None)) for target in (SH.targetNode, SH.targetSubjectsOf,
                                                                 SH.targetObjectsOf)):
        return False
    targeted = set(shapes.objects(None, SH.targetClass)) | {
        shape for shape in shapes.subjects(RDF.type, SH.NodeShape) if (shape, RDF.type, RDFS.Class) in shapes}
    for cls in list(targeted):
        targeted.update(data.transitive_subjects(RDFS.subClassOf, cls))
    return not any(isinstance(node, BNode) and cls in targeted for node, cls in graph.subject_objects(RDF.type))
