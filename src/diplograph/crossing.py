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

__all__ = ["Elsewhere", "Index", "across"]


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


class Elsewhere:
    """For each document, the classes other documents give to what it refers to or describes — what its checks
    depend on beyond itself — kept current one changed document at a time.

    A thousand documents make some 300,000 (IRI, document) pairs; working them all out again for each accepted
    fact cost 0.4 s. Here a change re-derives the pairs of the changed documents and of those that share an IRI
    with what they give a class to, no others.

    Examples
    --------
    >>> statement = Index(frozenset({"s1"}), {"s1": ["Demand"]}, frozenset(), frozenset(), {})
    >>> reply = Index(frozenset({"s2"}), {"s2": ["Position"]}, frozenset({"s1"}), frozenset(), {})
    >>> found = Elsewhere()
    >>> found.update({"first": ("k1", statement), "second": ("k2", reply)})["second"]
    [['s1', 'Demand']]
    >>> retyped = Index(frozenset({"s1"}), {"s1": ["Proposal"]}, frozenset(), frozenset(), {})
    >>> found.update({"first": ("k3", retyped), "second": ("k2", reply)})["second"]
    [['s1', 'Proposal']]
    """

    def __init__(self) -> None:
        self._keys: dict[str, str] = {}
        self._indexes: dict[str, Index] = {}
        self._types: dict[str, dict[str, list[str]]] = {}
        """Each IRI a document gives a class → (document name → its classes there)."""
        self._users: dict[str, set[str]] = {}
        """Each IRI → the documents that refer to it or describe it."""
        self._pairs: dict[str, list[list[str]]] = {}

    def update(self, documents: dict[str, tuple[str, Index]]) -> dict[str, list[list[str]]]:
        """Bring the pairs up to ``documents`` (name → content key and index); each document's sorted (IRI, class)
        pairs from the other documents."""
        changed = {name for name in self._keys.keys() | documents.keys()
                   if self._keys.get(name) != (documents[name][0] if name in documents else None)}
        if len(changed) > max(8, len(documents) // 4):  # most of it: start again
            self.__init__()  # type: ignore[misc]
            changed = set(documents)
        touched: set[str] = set()
        for name in changed:
            if name in self._indexes:
                touched |= self._forget(name)
            if name in documents:
                touched |= self._learn(name, *documents[name])
        todo = {name for name in changed if name in documents}
        for iri in touched:
            todo |= self._users.get(iri, set())
        for name in todo:
            self._pairs[name] = self._pairs_of(name)
        return dict(self._pairs)

    def _forget(self, name: str) -> set[str]:
        index = self._indexes.pop(name)
        del self._keys[name], self._pairs[name]
        for iri in index.types:
            self._types[iri].pop(name, None)
        for iri in index.refers | index.described:
            self._users[iri].discard(name)
        return set(index.types)

    def _learn(self, name: str, key: str, index: Index) -> set[str]:
        self._keys[name], self._indexes[name] = key, index
        for iri, classes in index.types.items():
            self._types.setdefault(iri, {})[name] = classes
        for iri in index.refers | index.described:
            self._users.setdefault(iri, set()).add(name)
        return set(index.types)

    def _pairs_of(self, name: str) -> list[list[str]]:
        index = self._indexes[name]
        pairs = set()
        for iri in index.refers | index.described:
            for other, classes in self._types.get(iri, {}).items():
                if other != name:
                    pairs.update((iri, cls) for cls in classes)
        return [list(pair) for pair in sorted(pairs)]


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
