"""The one crossing between rdflib's terms and Oxigraph's: for the Python API's answers and the few edges where rdflib
is the tool (SHACL, JSON-LD parsing); inside the request path terms stay Oxigraph's until a worker writes bytes."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from .namespaces import PREFIXES, known_iri

__all__ = ["from_native", "graph_of_nquads", "native_json", "plain_rows", "to_native", "to_result",
           "triples_from_native"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_native(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as Oxigraph's."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_native(term) -> Node:
    """Oxigraph's term as rdflib's; ``xsd:string`` literals plain, as the other stores give them."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # an RDF-star triple term, shown as text


_TERMS: dict[ox.NamedNode | ox.Literal, Node] = {}
"""IRIs and literals made before, in this process: a document's predicates, classes and entities are mostly the
last document's, and so are many of its values — dates, labels, kinds (cleared past ``_TERMS_KEPT``). rdflib's
terms are immutable, so one object serves every graph; making a literal (its value parsed by its datatype) was a
third of turning a document's N-Quads into rdflib's terms. Blank nodes are made once per call: a label is only
one document's."""
_TERMS_KEPT = 200_000


def triples_from_native(triples) -> list[tuple[Node, Node, Node]]:
    """Oxigraph's triples (an answer to a CONSTRUCT) as rdflib's, each distinct term made once."""
    if len(_TERMS) > _TERMS_KEPT:
        _TERMS.clear()
    blanks: dict = {}
    iri, other = _TERMS.get, blanks.get

    def make(node) -> Node:
        if isinstance(node, ox.NamedNode):
            found = _TERMS[node] = known_iri(node.value)
        elif isinstance(node, ox.Literal):
            found = _TERMS[node] = from_native(node)
        else:
            found = blanks[node] = from_native(node)
        return found

    return [(iri(t.subject) or other(t.subject) or make(t.subject), iri(t.predicate) or make(t.predicate),
             iri(t.object) or other(t.object) or make(t.object)) for t in triples]


def graph_of_nquads(data: bytes, name: URIRef) -> Graph:
    """The graph ``name`` of an N-Quads text, as an rdflib graph for the tools that need one (pySHACL, the
    checks): read by Oxigraph's parser into rdflib's simplest memory store, several times faster than rdflib's
    parser into its default one (a document's 1,100 quads in ~10 ms)."""
    graph = Graph(store="SimpleMemory", identifier=name)
    wanted = ox.NamedNode(str(name))
    add = graph.store.add
    quads = ox.parse(data, format=ox.RdfFormat.N_QUADS, lenient=True)  # written by Oxigraph from a checked parse
    for triple in triples_from_native(q for q in quads if q.graph_name == wanted):
        add(triple, graph)
    return graph


def plain_rows(solutions) -> Iterator[tuple[str, ...]]:
    """Oxigraph's solutions as tuples of plain strings, as the SPARQL CSV results format gives them — an IRI's
    text, a literal's lexical form, a blank node as ``_:label``, "" when unbound — for the projections that read a
    million rows: written by Oxigraph and read by Python's csv module, twice as fast as reading each solution's
    terms (a million rows of three in 3 s instead of 6), read as it is decoded.

    >>> store = ox.Store()
    >>> list(plain_rows(store.query('SELECT ?a ?b WHERE { VALUES (?a ?b) { (<urn:x> UNDEF) (UNDEF UNDEF) '
    ...                             '("a, b" 1) } }')))
    [('urn:x', ''), ('', ''), ('a, b', '1')]
    >>> list(plain_rows(store.query('SELECT ?a WHERE { VALUES ?a { UNDEF } }')))
    [('',)]
    """
    width = len(solutions.variables)
    data = io.TextIOWrapper(io.BytesIO(solutions.serialize(format=ox.QueryResultsFormat.CSV)), encoding="utf-8",
                            newline="")
    rows = csv.reader(data)
    next(rows, None)  # the variables' names
    for row in rows:
        yield tuple(row) if len(row) == width else (*row, *[""] * (width - len(row)))  # one unbound column: ""


def native_json(term) -> dict:
    """The SPARQL 1.1 JSON form of an Oxigraph term (``xsd:string`` literals without their datatype)."""
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
    return {"type": "literal", "value": str(term)}


def to_result(answer) -> Result:
    """An Oxigraph answer as an rdflib ``Result`` (rows of rdflib terms, a boolean, or a graph)."""
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QuerySolutions):
        names = [Variable(v.value) for v in answer.variables]
        result = Result("SELECT")
        result.vars = names
        result.bindings = [{name: from_native(value) for name, value in zip(names, solution, strict=True)
                            if value is not None} for solution in answer]
        return result
    result = Result("CONSTRUCT")
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for triple in answer:
        graph.add((from_native(triple.subject), from_native(triple.predicate), from_native(triple.object)))
    result.graph = graph
    return result
