"""Every format diplograph reads or writes, in one table: its name, media type, file extension and writer.

The RDF formats and the SPARQL result formats are pyoxigraph's own format
objects (their media types and extensions come from there); the row and
network formats are ours. The command line's choices, the HTTP API's content
negotiation, the exports and the writers all look formats up here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

__all__ = ["ALIASES", "EXPORT_FORMATS", "FORMATS", "Format", "GRAPH_FORMATS", "TABLE_FORMATS", "XML_FORMATS",
           "finished", "xml_safe"]


@dataclass(frozen=True)
class Format:
    """A format: ``kind`` "table" (SELECT/ASK answers), "graph" (RDF) or "network" (a projection's graph)."""

    name: str
    kind: str
    media_type: str
    extension: str
    native: ox.RdfFormat | ox.QueryResultsFormat | None = None
    """pyoxigraph's writer, for the formats it writes."""

    @property
    def xml(self) -> bool:
        return self.media_type.endswith(("xml", "+xml"))

    @property
    def datasets(self) -> bool:
        """Whether it carries named graphs (TriG, N-Quads), not only triples."""
        return isinstance(self.native, ox.RdfFormat) and self.native.supports_datasets


def _rdf(name: str, native: ox.RdfFormat) -> Format:
    return Format(name, "graph", native.media_type, native.file_extension, native)


def _results(name: str, native: ox.QueryResultsFormat) -> Format:
    return Format(name, "table", native.media_type, native.file_extension, native)


FORMATS: dict[str, Format] = {f.name: f for f in (
    Format("json", "table", "application/json", "json"),  # rows as plain records
    Format("csv", "table", "text/csv", "csv", ox.QueryResultsFormat.CSV),
    Format("tsv", "table", "text/tab-separated-values", "tsv", ox.QueryResultsFormat.TSV),
    _results("sparql-json", ox.QueryResultsFormat.JSON),
    _results("sparql-xml", ox.QueryResultsFormat.XML),
    _rdf("turtle", ox.RdfFormat.TURTLE), _rdf("ntriples", ox.RdfFormat.N_TRIPLES),
    _rdf("nquads", ox.RdfFormat.N_QUADS), _rdf("trig", ox.RdfFormat.TRIG), _rdf("jsonld", ox.RdfFormat.JSON_LD),
    _rdf("rdfxml", ox.RdfFormat.RDF_XML),
    Format("graphml", "network", "application/graphml+xml", "graphml"),
    Format("gexf", "network", "application/gexf+xml", "gexf"),
    Format("cytoscape", "network", "application/json", "cyjs.json"),
    Format("d3", "network", "application/json", "d3.json"),
    Format("dot", "network", "text/vnd.graphviz", "dot"),
)}
"""Every format by name."""

TABLE_FORMATS = {name: f for name, f in FORMATS.items() if f.kind == "table"}
"""Formats of a SELECT or ASK answer."""
GRAPH_FORMATS = {name: f for name, f in FORMATS.items() if f.kind == "graph"}
"""Formats of a CONSTRUCT or DESCRIBE answer, of a dump, of an RDF export."""
EXPORT_FORMATS = {name: f for name, f in FORMATS.items() if f.kind in ("graph", "network")}
"""What ``export`` writes: the RDF formats and the network formats."""
XML_FORMATS = frozenset(name for name, f in FORMATS.items() if f.xml)
ALIASES = {"json": "sparql-json", "xml": "sparql-xml", "ttl": "turtle", "nt": "ntriples", "nq": "nquads",
           "json-ld": "jsonld", "rdf": "rdfxml", "rdf+xml": "rdfxml"}
"""Short names SPARQL services use for ``?format=`` (on the SPARQL endpoint, ``json`` means SPARQL JSON)."""

_NOT_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")


def xml_safe(body: bytes) -> bytes:
    """``body`` (UTF-8 XML) with every character XML 1.0 forbids — C0 controls but tab and line ends, U+FFFE,
    U+FFFF — replaced by U+FFFD, so a control character that reached the data cannot make an answer unreadable.

    >>> xml_safe("<a>x\\x01y\\ufffez</a>".encode())
    b'<a>x\\xef\\xbf\\xbdy\\xef\\xbf\\xbdz</a>'
    """
    return _NOT_XML.sub("\ufffd".encode(), body)


def finished(body: bytes, format: str) -> bytes:
    """An answer's bytes as they may leave: XML formats made well-formed (see ``xml_safe``)."""
    return xml_safe(body) if format in XML_FORMATS else body
