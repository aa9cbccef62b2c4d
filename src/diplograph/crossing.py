"""What each document describes and refers to, and the checks across documents made from that alone.

A corpus of a thousand documents is checked document by document (see
``corpus``); what no single document shows — a reference to what no file
describes, one IRI described by two documents, one alias for two entities —
is found from each document's :class:`Index`, without reading the others again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import Dataset, URIRef

from .errors import Problem
from .namespaces import DCTERMS, DG, DGR, DGS, RDF, SKOS
from .sheets import SourceFile
from .validate import short_in

__all__ = ["Crossings", "Elsewhere", "Index", "across"]

_TYPE, _CORRECTS = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(DG.corrects))
_REPLACED_BY, _ALT_LABEL = ox.NamedNode(str(DCTERMS.isReplacedBy)), ox.NamedNode(str(SKOS.altLabel))


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
    def of(cls, triples: Iterable[ox.Triple | ox.Quad]) -> Index:
        """The index of a document's triples (as parsed: Oxigraph's terms, no rdflib term made)."""
        described: set[str] = set()
        refers: set[str] = set()
        types: dict[str, set[str]] = {}
        aliases: dict[str, str] = {}
        replaced: set[object] = set()
        corrects: dict[object, set[str]] = {}
        prefixes = (str(DGR), str(DGS))
        for triple in triples:
            subject, predicate, value = triple.subject, triple.predicate, triple.object
            named = isinstance(subject, ox.NamedNode)
            if named:
                described.add(subject.value)
            if isinstance(value, ox.NamedNode):
                if value.value.startswith(prefixes):
                    refers.add(value.value)
                if predicate == _TYPE and named:
                    types.setdefault(subject.value, set()).add(value.value)
                elif predicate == _CORRECTS:
                    corrects.setdefault(subject, set()).add(value.value)
            if predicate == _REPLACED_BY:
                replaced.add(subject)
            elif predicate == _ALT_LABEL and named and isinstance(value, ox.Literal):
                aliases[value.value.casefold()] = subject.value
        retired = {old for correction in replaced for old in corrects.get(correction, ())}
        return cls(frozenset(described), {iri: sorted(found) for iri, found in types.items()}, frozenset(refers),
                   frozenset(retired), aliases)

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


class Crossings:
    """What no single document shows — references to what nothing describes, an IRI described by two documents,
    one alias for two entities — kept current one changed document at a time.

    Worked out anew, this walked every document's index at each accepted fact (some 40 ms at a thousand
    documents); here a change re-reads the changed documents and those that refer to what they describe or
    retire.

    Examples
    --------
    >>> demand = Index(frozenset({"s1"}), {"s1": ["Demand"]}, frozenset(), frozenset(), {})
    >>> reply = Index(frozenset({"s2"}), {"s2": ["Position"]}, frozenset({"s1"}), frozenset(), {})
    >>> kept = Crossings(Dataset())
    >>> kept.update({"reply": ("k2", reply)})
    {'reply': ['s1']}
    >>> kept.update({"demand": ("k1", demand), "reply": ("k2", reply)})
    {}
    """

    def __init__(self, shared: Dataset) -> None:
        self._shared = {str(s) for s in shared.subjects() if isinstance(s, URIRef)}
        self.aliases = {str(alias).casefold(): str(s) for s, alias in shared.subject_objects(SKOS.altLabel)
                        if isinstance(s, URIRef)}
        """Each alias of the reference entities, casefolded, → the IRI it names."""
        self.indexes: dict[str, tuple[str, Index]] = {}
        self._describers: dict[str, set[str]] = {}
        self._referrers: dict[str, set[str]] = {}
        self._retirers: dict[str, set[str]] = {}
        self._dangling: dict[str, list[str]] = {}
        self.givers: dict[str, set[str]] = {}
        """Each IRI a document gives a class (other than the document's own source) → those documents."""
        self.twice: set[str] = set()
        """The IRIs more than one document gives a class."""
        self.claims: dict[str, dict[str, str]] = {}
        """Each alias a document gives (casefolded) → (document → the IRI it names there)."""
        self.clashing: set[str] = set()
        """The aliases that name more than one IRI (the reference entities' included)."""

    def update(self, documents: dict[str, tuple[str, Index]]) -> dict[str, list[str]]:
        """Bring the crossings up to ``documents`` (name → content key and index); each document's IRIs referred
        to but described nowhere (nor retired), for the documents that have any."""
        changed = {name for name in self.indexes.keys() | documents.keys()
                   if self.indexes.get(name, ("",))[0] != (documents[name][0] if name in documents else None)}
        most = len(changed) > max(8, len(documents) // 4)  # a first build, or most of it: every document looked at
        touched = set() if most else {iri for name in changed for held in (self.indexes, documents) if name in held
                                      for iri in held[name][1].described | held[name][1].retired}
        was_covered = {iri: self._covered(iri) for iri in touched}
        for name in changed:
            if name in self.indexes:
                self._forget(name, self.indexes.pop(name)[1])
            if name in documents:
                self.indexes[name] = documents[name]
                self._learn(name, documents[name][1])
        # a document that refers to an IRI is looked at again only if the IRI came to be described (or retired)
        # or ceased to be: a changed document describing what all the others refer to re-reads none of them
        flipped = [iri for iri in touched if self._covered(iri) != was_covered[iri]]
        todo = set(documents) if most else {name for name in changed if name in documents}.union(
            *(self._referrers.get(iri, ()) for iri in flipped))
        for name in todo:
            dangling = sorted(iri for iri in self.indexes[name][1].refers if iri not in self._shared
                              and not self._describers.get(iri) and not self._retirers.get(iri))
            if dangling:
                self._dangling[name] = dangling
            else:
                self._dangling.pop(name, None)
        return dict(self._dangling)

    def _covered(self, iri: str) -> bool:
        """Whether a document describes or retires ``iri``."""
        return bool(self._describers.get(iri) or self._retirers.get(iri))

    def _learn(self, name: str, index: Index) -> None:
        for table, iris in self._tables(name, index):
            for iri in iris:
                table.setdefault(iri, set()).add(name)
        self.twice.update(iri for iri in self._given(name, index) if len(self.givers[iri]) > 1)
        for alias, iri in index.aliases.items():
            self.claims.setdefault(alias, {})[name] = iri
            self._clash(alias)

    def _forget(self, name: str, index: Index) -> None:
        self._dangling.pop(name, None)
        for table, iris in self._tables(name, index):
            for iri in iris:
                table[iri].discard(name)
        self.twice.difference_update(iri for iri in self._given(name, index) if len(self.givers[iri]) < 2)
        for alias in index.aliases:
            self.claims[alias].pop(name, None)
            self._clash(alias)

    def _clash(self, alias: str) -> None:
        named = set(self.claims.get(alias, {}).values()) | ({self.aliases[alias]} if alias in self.aliases else set())
        if len(named) > 1:
            self.clashing.add(alias)
        else:
            self.clashing.discard(alias)

    def _tables(self, name: str, index: Index) -> list[tuple[dict[str, set[str]], set[str] | frozenset[str]]]:
        return [(self._describers, index.described), (self._retirers, index.retired),
                (self._referrers, index.refers), (self.givers, self._given(name, index))]

    @staticmethod
    def _given(name: str, index: Index) -> set[str]:
        """The IRIs ``name`` gives a class, but for its own source."""
        return set(index.types) - {str(DGS[name])}


def across(crossings: Crossings, documents: list[tuple[str, SourceFile, str, Index]]) -> list[Problem]:
    """The problems across ``documents`` (name, file, content key, index, in the corpus's order), from
    ``crossings`` brought up to them."""
    files = {name: file for name, file, _, _ in documents}
    dangling = crossings.update({name: (key, index) for name, _, key, index in documents})
    problems = [_at(files[name], iri, f"{short_in(URIRef(iri), files[name])} is referred to, but no file describes "
                                      "it (a removed document's entity or statement, or a typo)")
                for name, iris in dangling.items() for iri in iris]
    order = {name: number for number, name in enumerate(files)} if crossings.twice or crossings.clashing else {}
    for iri in crossings.twice:
        first, *others = sorted(crossings.givers[iri], key=order.__getitem__)
        problems += [_at(files[other], iri, f"{short_in(URIRef(iri), files[other])} is described in "
                                            f"{files[first].display} too: a statement belongs to one document, and "
                                            "an entity several documents name goes in the reference entities")
                     for other in others]
    for alias in sorted(crossings.clashing):  # the reference entities' entity owns it, else the first document's
        claims = crossings.claims[alias]
        claimants = sorted(claims, key=order.__getitem__)
        owner = crossings.aliases.get(alias, claims[claimants[0]])
        for name in (n for n in claimants if claims[n] != owner):
            named = short_in(URIRef(claims[name]), files[name])
            problems.append(_at(files[name], claims[name], f"the alias {alias!r} of {named} already names <{owner}>: "
                                                           "a name must lead to one entity"))
    return problems


def _at(file: SourceFile, iri: str, message: str) -> Problem:
    return Problem(file.display, file.line_of(iri), message)
