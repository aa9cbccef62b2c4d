"""Query results as typed Python values, and their serialisations (SPARQL JSON/XML, CSV, TSV, JSON rows, RDF)."""

from __future__ import annotations

from dataclasses import dataclass, field

import orjson
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Node

from .convert import to_native
from .errors import QueryError
from .formats import GRAPH_FORMATS, TABLE_FORMATS, finished
from .namespaces import PREFIXES

__all__ = ["Table", "json_term", "plain", "plain_json", "serialize_graph", "serialize_table", "simple",
           "term_from_json"]

_PREFIX_STRINGS = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


@dataclass
class Table:
    """The rows of a SELECT (or the answer of an ASK), as RDF terms; an unbound variable is absent from its row."""

    variables: list[str]
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False

    @classmethod
    def from_result(cls, result: Result, limit: int | None = None) -> Table:
        """Collect a SELECT or ASK result, keeping at most ``limit`` rows (``truncated`` says if more existed)."""
        if result.type == "ASK":
            return cls(variables=[], boolean=bool(result.askAnswer))
        if result.type != "SELECT":
            raise QueryError(f"a {result.type} query returns a graph, not a table")
        variables = [str(v) for v in result.vars or []]
        rows = []
        truncated = False
        for row in result:
            if limit is not None and len(rows) >= limit:
                truncated = True
                break
            rows.append({name: simple(value) for name, value in zip(variables, row, strict=True)
                         if value is not None})
        return cls(variables=variables, rows=rows, truncated=truncated)

    @classmethod
    def from_sparql_json(cls, document: dict, truncated: bool = False) -> Table:
        """A table from a SPARQL 1.1 JSON results document (as ``orjson.loads`` returns it)."""
        if "boolean" in document:
            return cls(variables=[], boolean=bool(document["boolean"]))
        rows = [{name: term_from_json(value) for name, value in row.items()}
                for row in document["results"]["bindings"]]
        return cls(variables=list(document["head"].get("vars", [])), rows=rows, truncated=truncated)

    def records(self) -> list[dict[str, object]]:
        """Rows as plain Python values (IRIs and strings as ``str``, numbers as numbers)."""
        return [{name: plain(value) for name, value in row.items()} for row in self.rows]


def simple(term: Node) -> Node:
    """``"x"^^xsd:string`` as ``"x"``: the same literal in RDF 1.1, written as every store but Oxigraph does."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def plain(term: Node) -> object:
    """A JSON-friendly value for ``term``: numbers and booleans as such, everything else as its string."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool | int | float) and not isinstance(value, Literal):
            return value
        return str(term)
    return str(term)


_XSD = str(XSD)
_INTEGERS = frozenset(_XSD + name for name in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
    "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_FLOATS = frozenset((_XSD + "double", _XSD + "float"))


def plain_json(term: dict) -> object:
    """What ``plain`` gives for the same term, from its SPARQL JSON form, without building an rdflib term.

    >>> plain_json({"type": "literal", "value": "3", "datatype": "http://www.w3.org/2001/XMLSchema#integer"})
    3
    >>> plain_json({"type": "uri", "value": "https://w3id.org/diplograph/resource/russia"})
    'https://w3id.org/diplograph/resource/russia'
    """
    datatype = term.get("datatype")
    value = term["value"]
    if datatype is None:
        return value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype in _FLOATS:
            return float(value)
        if datatype == _XSD + "boolean" and value in ("true", "false", "1", "0"):
            return value in ("true", "1")
    except ValueError:
        pass  # ill-typed: its lexical form, as plain() gives
    return value


def json_term(term: Node) -> dict:
    """The SPARQL 1.1 JSON form of ``term`` (an ``xsd:string`` literal without its datatype, as ``simple``)."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    value: dict = {"type": "literal", "value": str(term)}
    if term.language:
        value["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD.string:
        value["datatype"] = str(term.datatype)
    return value


def term_from_json(term: dict) -> Node:
    """The rdflib term of a SPARQL JSON binding."""
    kind = term["type"]
    if kind == "uri":
        return URIRef(term["value"])
    if kind == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"), datatype=term.get("datatype"))


def serialize_table(table: Table, format: str) -> bytes:
    """Serialise a SELECT/ASK result in one of ``TABLE_FORMATS`` (SPARQL XML, CSV, TSV by Oxigraph's writers)."""
    if format == "json":
        if table.boolean is not None:
            return orjson.dumps({"boolean": table.boolean})
        return orjson.dumps(table.records(), option=orjson.OPT_INDENT_2)
    if format not in TABLE_FORMATS:
        raise QueryError(f"unknown result format {format!r}; use one of {', '.join(TABLE_FORMATS)}")
    body = orjson.dumps(_sparql_json(table))
    if format == "sparql-json":
        return body
    import pyoxigraph as ox

    return finished(ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(
        format=TABLE_FORMATS[format].native), format)


def serialize_graph(graph: Graph, format: str) -> bytes:
    """Serialise a CONSTRUCT/DESCRIBE result, or a dataset, in one of ``GRAPH_FORMATS`` (by Oxigraph's writers)."""
    if format not in GRAPH_FORMATS:
        raise QueryError(f"unknown graph format {format!r}; use one of {', '.join(GRAPH_FORMATS)}")
    import pyoxigraph as ox

    if isinstance(graph, Dataset) and format in ("trig", "nquads"):
        items = [ox.Quad(to_native(s), to_native(p), to_native(o), _graph_name(c)) for s, p, o, c in graph.quads()]
    else:
        items = [ox.Triple(to_native(s), to_native(p), to_native(o)) for s, p, o in graph]
    return finished(ox.serialize(items, format=GRAPH_FORMATS[format].native, prefixes=_PREFIX_STRINGS), format)


def _graph_name(context):
    import pyoxigraph as ox

    name = getattr(context, "identifier", context)
    return ox.NamedNode(str(name)) if isinstance(name, URIRef) and not str(name).startswith("urn:x-rdflib:") \
        else ox.DefaultGraph()


def _sparql_json(table: Table) -> dict:
    if table.boolean is not None:
        return {"head": {}, "boolean": table.boolean}
    return {"head": {"vars": table.variables},
            "results": {"bindings": [{k: json_term(v) for k, v in row.items()} for row in table.rows]}}
