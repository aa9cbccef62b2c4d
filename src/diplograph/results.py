"""Query results as typed Python values, and their serialisations (SPARQL JSON/XML, CSV, TSV, JSON rows, RDF)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import orjson
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD, NamespaceManager
from rdflib.query import Result
from rdflib.term import Node

from .errors import QueryError
from .namespaces import PREFIXES

__all__ = [
    "GRAPH_FORMATS", "TABLE_FORMATS", "Table", "json_term", "plain", "plain_json", "serialize_graph",
    "serialize_table", "short", "simple", "term_from_json",
]

TABLE_FORMATS = {
    "json": "application/json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "sparql-json": "application/sparql-results+json",
    "sparql-xml": "application/sparql-results+xml",
}
"""Formats for SELECT and ASK results, with their media types."""

GRAPH_FORMATS = {
    "turtle": ("turtle", "text/turtle"),
    "ntriples": ("nt", "application/n-triples"),
    "nquads": ("nquads", "application/n-quads"),
    "trig": ("trig", "application/trig"),
    "jsonld": ("json-ld", "application/ld+json"),
    "rdfxml": ("xml", "application/rdf+xml"),
}
"""Formats for CONSTRUCT and DESCRIBE results: rdflib plugin name and media type."""

_NAMES = NamespaceManager(Graph(bind_namespaces="none"))
for _prefix, _namespace in PREFIXES.items():
    _NAMES.bind(_prefix, _namespace)


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


def short(term: Node) -> str:
    """``dgr:russia`` rather than the full IRI, for people reading a terminal."""
    if isinstance(term, URIRef):
        try:
            return _NAMES.normalizeUri(term)
        except Exception:  # rdflib refuses some IRIs as prefixed names
            return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def serialize_table(table: Table, format: str) -> bytes:
    """Serialise a SELECT/ASK result in one of ``TABLE_FORMATS``."""
    if format == "json":
        if table.boolean is not None:
            return orjson.dumps({"boolean": table.boolean})
        return orjson.dumps(table.records(), option=orjson.OPT_INDENT_2)
    if format == "sparql-json":
        return orjson.dumps(_sparql_json(table))
    if format == "sparql-xml":
        return _sparql_xml(table).encode()
    if format in ("csv", "tsv"):
        return (_csv(table) if format == "csv" else _tsv(table)).encode()
    raise QueryError(f"unknown result format {format!r}; use one of {', '.join(TABLE_FORMATS)}")


def serialize_graph(graph: Graph, format: str) -> bytes:
    """Serialise a CONSTRUCT/DESCRIBE result in one of ``GRAPH_FORMATS``."""
    if format not in GRAPH_FORMATS:
        raise QueryError(f"unknown graph format {format!r}; use one of {', '.join(GRAPH_FORMATS)}")
    if format in ("trig", "nquads") and not isinstance(graph, Dataset):
        dataset = Dataset()
        for triple in graph:
            dataset.add(triple)
        graph = dataset
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph.serialize(format=GRAPH_FORMATS[format][0], encoding="utf-8")


def _sparql_json(table: Table) -> dict:
    if table.boolean is not None:
        return {"head": {}, "boolean": table.boolean}
    return {"head": {"vars": table.variables},
            "results": {"bindings": [{k: json_term(v) for k, v in row.items()} for row in table.rows]}}


def _sparql_xml(table: Table) -> str:
    from xml.sax.saxutils import escape, quoteattr

    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in table.variables]
    out.append("</head>")
    if table.boolean is not None:
        out.append(f"<boolean>{'true' if table.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in table.rows:
            out.append("<result>")
            for name, term in row.items():
                if isinstance(term, URIRef):
                    inner = f"<uri>{escape(str(term))}</uri>"
                elif isinstance(term, BNode):
                    inner = f"<bnode>{escape(str(term))}</bnode>"
                else:
                    attrs = (f" xml:lang={quoteattr(term.language)}" if term.language else
                             f" datatype={quoteattr(str(term.datatype))}" if term.datatype else "")
                    inner = f"<literal{attrs}>{escape(str(term))}</literal>"
                out.append(f"<binding name={quoteattr(name)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _csv(table: Table) -> str:
    """SPARQL 1.1 CSV: plain values, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if table.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if table.boolean else "false"])
        return buffer.getvalue()
    writer.writerow(table.variables)
    for row in table.rows:
        writer.writerow([str(row[v]) if v in row else "" for v in table.variables])
    return buffer.getvalue()


def _tsv(table: Table) -> str:
    """SPARQL 1.1 TSV: ``?var`` headers, terms in N-Triples syntax (so types and languages survive)."""
    if table.boolean is not None:
        return f"?boolean\n{'true' if table.boolean else 'false'}\n"
    lines = ["\t".join(f"?{v}" for v in table.variables)]
    for row in table.rows:
        lines.append("\t".join(_tsv_term(row[v]) if v in row else "" for v in table.variables))
    return "\n".join(lines) + "\n"


_NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def _tsv_term(term: Node) -> str:
    """A term in N-Triples syntax, on one line."""
    if not isinstance(term, Literal):
        return term.n3()
    text = '"' + str(term).translate(_NT_ESCAPES) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype:
        return f"{text}^^<{term.datatype}>"
    return text
