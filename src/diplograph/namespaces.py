"""IRIs of the diplograph vocabulary, its data, and the vocabularies it reuses."""

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "DCTERMS", "DG", "DGR", "DGS", "GRAPH", "OA", "OWL", "PREFIXES", "PROV",
    "RDF", "RDFS", "SH", "SKOS", "XSD",
]

BASE = "https://w3id.org/diplograph/"

DG = Namespace(BASE + "ontology#")
"""Ontology terms: classes, properties and the concepts of its vocabularies."""
DGR = Namespace(BASE + "id/")
"""Entities and statements: actors, territories, demands, principles ..."""
DGS = Namespace(BASE + "source/")
"""Source documents; a document's IRI is also the name of its graph."""
GRAPH = Namespace(BASE + "graph/")
"""Named graphs that are not documents: the ontology and the reference entities."""

OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "dg": str(DG),
    "dgr": str(DGR),
    "dgs": str(DGS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "dcterms": str(DCTERMS),
}
"""Prefixes bound in every query and every serialisation."""
