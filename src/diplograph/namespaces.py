"""IRIs of the diplograph vocabulary, its data, and the vocabularies it reuses."""

from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib import namespace as _rdflib

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
    term = _VOCABULARY[base + name] = _VOCABULARY.get(base + name) or URIRef(base + name)
    return term


_REUSED = (_rdflib.DCTERMS, _rdflib.OWL, _rdflib.PROV, _rdflib.RDF, _rdflib.RDFS, _rdflib.SKOS, _rdflib.XSD)
_VOCABULARY: dict[str, URIRef] = {str(term): term for vocabulary in _REUSED
                                  for term in (getattr(vocabulary, name) for name in vocabulary.__annotations__)}
"""The terms the code names (rdflib's vocabularies, and ours as they are asked for), by their IRI."""
_SEEN: dict[str, URIRef] = {}
_SEEN_KEPT = 200_000


def known_iri(value: str) -> URIRef:
    """The one IRI object of ``value`` in this process: a graph read in (``convert``) holds the same objects as the
    namespaces here, so the look-ups of a walk ("``node``'s ``DG.evidence``") find their keys by identity rather
    than by comparing strings (other IRIs are forgotten past ``_SEEN_KEPT``)."""
    found = _VOCABULARY.get(value) or _SEEN.get(value)
    if found is None:
        if len(_SEEN) > _SEEN_KEPT:
            _SEEN.clear()
        found = _SEEN[value] = URIRef(value)
    return found


DG = _Namespace(BASE + "ontology#")
"""Ontology terms: classes, properties and the concepts of its vocabularies."""
DGR = _Namespace(BASE + "id/")
"""Entities and statements: actors, territories, demands, principles ..."""
DGS = _Namespace(BASE + "source/")
"""Source documents; a document's IRI is also the name of its graph."""
GRAPH = _Namespace(BASE + "graph/")
"""Named graphs that are not documents: the ontology and the reference entities."""

DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD = (_Namespace(str(vocabulary)) for vocabulary in _REUSED)
"""The vocabularies reused, as namespaces whose terms are made once (rdflib's are looked up on each use)."""
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
