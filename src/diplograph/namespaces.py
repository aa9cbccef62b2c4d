"""IRIs of the diplograph vocabulary, its data, and the vocabularies it reuses."""

from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

__all__ = [
    "DCTERMS", "DG", "DGR", "DGS", "GRAPH", "OA", "OWL", "PREFIXES", "PROV",
    "RDF", "RDFS", "SH", "SKOS", "XSD",
]

BASE = "https://w3id.org/diplograph/"


class _Namespace(Namespace):
    """A namespace whose terms are made once: walks ask for ``DG.evidence`` hundreds of thousands of times (the
    audit of a thousand documents), and making the IRI anew each time was a tenth of its work."""

    def term(self, name: str) -> URIRef:
        return _term(str(self), name if isinstance(name, str) else "")

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("__"):
            raise AttributeError(name)
        made = self.term(name)
        setattr(self, name, made)  # kept on the instance: the next ``DG.evidence`` is a plain attribute
        return made


@lru_cache(maxsize=4096)
def _term(base: str, name: str) -> URIRef:
    return URIRef(base + name)


DG = _Namespace(BASE + "ontology#")
"""Ontology terms: classes, properties and the concepts of its vocabularies."""
DGR = _Namespace(BASE + "id/")
"""Entities and statements: actors, territories, demands, principles ..."""
DGS = _Namespace(BASE + "source/")
"""Source documents; a document's IRI is also the name of its graph."""
GRAPH = _Namespace(BASE + "graph/")
"""Named graphs that are not documents: the ontology and the reference entities."""

OA = _Namespace("http://www.w3.org/ns/oa#")
SH = _Namespace("http://www.w3.org/ns/shacl#")

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
