"""The ontology's classes as the code sees them: one object, read from ``ontology/``, for every class list.

Analyses, exports, statistics and the document tools ask the schema which
classes a node belongs to (with every superclass), so a subclass added to the
ontology is an actor, a demand or a principle everywhere at once.

Instances are stored with the classes their sources give them, not with the
superclasses: "who says what" stays as said. A query over a class and its
subclasses uses ``?x a/rdfs:subClassOf* dg:Actor`` (see the README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .namespaces import DG
from .terms import short

__all__ = ["Schema", "read_schema"]


@dataclass(frozen=True)
class Schema:
    """Classes (as ``dg:Name`` keys) with their labels and definitions, and the subclass relation, closed."""

    labels: dict[str, str]
    definitions: dict[str, str]
    ancestors: dict[str, frozenset[str]] = field(repr=False)
    """Each class → itself and every class above it (within and outside dg:)."""

    def classes_of(self, cls: str) -> frozenset[str]:
        """``cls`` and its superclasses; an unknown class is just itself.

        >>> read_schema(None).classes_of("dg:State") >= {"dg:State", "dg:Actor"}
        True
        """
        return self.ancestors.get(cls, frozenset({cls}) if cls else frozenset())

    def is_a(self, cls: str, ancestor: str) -> bool:
        return ancestor in self.classes_of(cls)

    def subclasses(self, ancestor: str) -> frozenset[str]:
        """Every class that is ``ancestor`` or below it.

        >>> sorted(read_schema(None).subclasses("dg:Principle"))
        ['dg:Principle', 'dg:RedLine']
        """
        return frozenset(cls for cls, above in self.ancestors.items() if ancestor in above)

    def label(self, cls: str) -> str:
        """The class's label ("State"), else its name."""
        return self.labels.get(cls, cls.split(":", 1)[-1])


@lru_cache(maxsize=8)
def read_schema(ontology: Path | None) -> Schema:
    """The schema of the ontology folder (default: the bundled one), read once per folder."""
    from .resources import bundled

    folder = ontology or bundled("ontology")
    graph = Graph()
    graph.parse(folder / "diplograph.ttl", format="turtle")
    classes = {s for s in graph.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef) and str(s).startswith(DG)}
    parents: dict[URIRef, set[URIRef]] = {c: set() for c in classes}
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if sub in parents and isinstance(sup, URIRef):
            parents[sub].add(sup)

    def above(cls: URIRef, seen: frozenset = frozenset()) -> set[URIRef]:
        found = {cls}
        for parent in parents.get(cls, ()):
            if parent not in seen:
                found |= above(parent, seen | {cls})
        return found

    labels = {short(c): str(graph.value(c, RDFS.label)) for c in classes if graph.value(c, RDFS.label)}
    definitions = {short(c): str(graph.value(c, SKOS.definition) or graph.value(c, RDFS.comment) or "")
                   for c in classes}
    ancestors = {short(c): frozenset(short(a) for a in above(c)) for c in classes}
    return Schema(labels, definitions, ancestors)
