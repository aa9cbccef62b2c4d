"""What each document describes and refers to, and the checks across documents made from that alone.

A corpus of a thousand documents is checked document by document (see
``corpus``); what no single document shows — a reference to what no file
describes, one IRI described by two documents, one alias for two entities —
is found from each document's :class:`Index`, without reading the others again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef

from .errors import Problem
from .namespaces import DCTERMS, DG, DGR, DGS, RDF, SKOS
from .sheets import SourceFile
from .validate import short_in

__all__ = ["Index", "across"]


@dataclass(frozen=True)
class Index:
    """What one document describes and refers to: enough to check what crosses documents without reading them."""

    described: frozenset[str]
    types: dict[str, list[str]]
    refers: frozenset[str]
    """Entities, statements and sources (``dgr:``, ``dgs:``) it names as values."""
    retired: frozenset[str]
    """IRIs a correction of this document retired (they stay referable)."""
    aliases: dict[str, str]
    """Each alias (``skos:altLabel``), casefolded, → the IRI it names."""

    @classmethod
    def of(cls, graph: Graph) -> Index:
        types: dict[str, list[str]] = {}
        for subject, cls_ in graph.subject_objects(RDF.type):
            if isinstance(subject, URIRef) and isinstance(cls_, URIRef):
                types.setdefault(str(subject), []).append(str(cls_))
        retired = {str(old) for correction in graph.subjects(DCTERMS.isReplacedBy, None)
                   for old in graph.objects(correction, DG.corrects)}
        return cls(frozenset(str(s) for s in graph.subjects() if isinstance(s, URIRef)),
                   {iri: sorted(found) for iri, found in types.items()},
                   frozenset(str(o) for o in graph.objects() if isinstance(o, URIRef)
                             and str(o).startswith((str(DGR), str(DGS)))),
                   frozenset(retired),
                   {str(alias).casefold(): str(s) for s, alias in graph.subject_objects(SKOS.altLabel)
                    if isinstance(s, URIRef)})

    def as_json(self) -> dict:
        return {"described": sorted(self.described), "types": self.types, "refers": sorted(self.refers),
                "retired": sorted(self.retired), "aliases": self.aliases}

    @classmethod
    def from_json(cls, kept: dict) -> Index:
        return cls(frozenset(kept["described"]), kept["types"], frozenset(kept["refers"]),
                   frozenset(kept["retired"]), kept["aliases"])


def across(shared: Dataset, documents: list[tuple[SourceFile, Index]]) -> list[Problem]:
    """What no single document shows: references to what nothing describes, an IRI described by two documents,
    one alias for two entities."""
    described = {str(s) for s in shared.subjects() if isinstance(s, URIRef)}
    retired: set[str] = set()
    for _, index in documents:
        described |= index.described
        retired |= index.retired
    problems = []
    for file, index in documents:
        for iri in sorted(index.refers - described - retired):
            problems.append(_at(file, iri, f"{short_in(URIRef(iri), file)} is referred to, but no file describes it "
                                           "(a removed document's entity or statement, or a typo)"))
    problems += _described_twice(documents)
    problems += _alias_clashes(shared, documents)
    return problems


def _described_twice(documents: list[tuple[SourceFile, Index]]) -> Iterator[Problem]:
    first: dict[str, SourceFile] = {}
    for file, index in documents:
        for iri in index.types:
            if iri == str(file.graph):
                continue
            if iri in first:
                yield _at(file, iri, f"{short_in(URIRef(iri), file)} is described in {first[iri].display} too: a "
                                     "statement belongs to one document, and an entity several documents name goes "
                                     "in the reference entities")
            else:
                first[iri] = file


def _alias_clashes(shared: Dataset, documents: list[tuple[SourceFile, Index]]) -> Iterator[Problem]:
    owner = {str(alias).casefold(): str(s) for s, alias in shared.subject_objects(SKOS.altLabel)
             if isinstance(s, URIRef)}
    for file, index in documents:
        for alias, iri in index.aliases.items():
            other = owner.setdefault(alias, iri)
            if other != iri:
                yield _at(file, iri, f"the alias {alias!r} of {short_in(URIRef(iri), file)} already names <{other}>: "
                                     "a name must lead to one entity")


def _at(file: SourceFile, iri: str, message: str) -> Problem:
    return Problem(file.display, file.line_of(iri), message)
