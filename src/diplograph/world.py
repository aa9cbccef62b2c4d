"""A document's world for the audit: its triples beside the ontology's and the reference entities', read-only,
indexed for many small look-ups.

The audit asks each statement dozens of questions ("its asserters", "the
labels of this concept", "is this node reported") — about sixty thousand per
document. rdflib's memory store answers each through several layers of
generators and context checks; these three dictionaries answer in one look-up,
and a document's world is made from the shared one by copying its top-level
dictionaries (a few microseconds) rather than adding its two thousand triples
again. The methods are the few of :class:`rdflib.Graph` that the rules use,
with the same meaning, so a rule reads a world or an rdflib graph alike.

>>> from rdflib import URIRef
>>> a, p, b, c = (URIRef(f"urn:{x}") for x in "apbc")
>>> shared = World([(a, p, b)])
>>> world = shared.extended([(c, p, b)])
>>> sorted(world.subjects(p, b)), list(shared.subjects(p, b))
([rdflib.term.URIRef('urn:a'), rdflib.term.URIRef('urn:c')], [rdflib.term.URIRef('urn:a')])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib.term import Node

__all__ = ["World"]

Triple = tuple[Node, Node, Node]


class World:
    """Triples indexed by subject and predicate, by predicate and object, and by predicate: each index keeps its
    members in the order they were added, as rdflib's memory store does, so a rule's first value is the same."""

    def __init__(self, triples: Iterable[Triple] = ()):
        self._by_subject: dict[tuple[Node, Node], dict[Node, None]] = {}
        self._by_object: dict[tuple[Node, Node], dict[Node, None]] = {}
        self._by_predicate: dict[Node, dict[tuple[Node, Node], None]] = {}
        self._own_subject: set[tuple[Node, Node]] = set()
        self._own_object: set[tuple[Node, Node]] = set()
        self._own_predicate: set[Node] = set()
        """The keys of each index whose entries were made or copied by this world, its own to change."""
        self.add_all(triples)

    def extended(self, triples: Iterable[Triple]) -> World:
        """A new world of these triples and ``triples``; this one is left as it is."""
        world = World()
        world._by_subject = self._by_subject.copy()
        world._by_object = self._by_object.copy()
        world._by_predicate = self._by_predicate.copy()
        world.add_all(triples)
        return world

    def add_all(self, triples: Iterable[Triple]) -> None:
        """Add ``triples``. An entry of an index shared with the world this one was extended from is copied
        before its first change here, so that world is left as it was (written out per index: this is half of
        making a document's world)."""
        by_subject, by_object, by_predicate = self._by_subject, self._by_object, self._by_predicate
        own_s, own_o, own_p = self._own_subject, self._own_object, self._own_predicate
        for subject, predicate, object_ in triples:
            key = (subject, predicate)
            if key in own_s:
                by_subject[key][object_] = None
            else:
                by_subject[key] = {**by_subject.get(key, {}), object_: None}
                own_s.add(key)
            key = (predicate, object_)
            if key in own_o:
                by_object[key][subject] = None
            else:
                by_object[key] = {**by_object.get(key, {}), subject: None}
                own_o.add(key)
            if predicate in own_p:
                by_predicate[predicate][(subject, object_)] = None
            else:
                by_predicate[predicate] = {**by_predicate.get(predicate, {}), (subject, object_): None}
                own_p.add(predicate)

    def objects(self, subject: Node | None = None, predicate: Node | None = None) -> Iterator[Node]:
        """The objects of ``subject``'s ``predicate`` (of every subject's, when ``subject`` is None)."""
        if subject is not None:
            return iter(self._by_subject.get((subject, predicate), ()))
        return iter({o: None for _, o in self._by_predicate.get(predicate, ())})

    def value(self, subject: Node, predicate: Node) -> Node | None:
        """One object of ``subject``'s ``predicate``, the first added; None if it has none."""
        return next(iter(self._by_subject.get((subject, predicate), ())), None)

    def subjects(self, predicate: Node, object_: Node) -> Iterator[Node]:
        return iter(self._by_object.get((predicate, object_), ()))

    def subject_objects(self, predicate: Node) -> Iterator[tuple[Node, Node]]:
        return iter(self._by_predicate.get(predicate, ()))

    def transitive_subjects(self, predicate: Node, object_: Node) -> Iterator[Node]:
        """``object_`` and whatever reaches it by ``predicate``, one or more steps (each once)."""
        seen = {object_: None}
        todo = [object_]
        while todo:
            for subject in self._by_object.get((predicate, todo.pop()), ()):
                if subject not in seen:
                    seen[subject] = None
                    todo.append(subject)
        yield from seen

    def __contains__(self, triple: tuple[Node, Node, Node | None]) -> bool:
        """Whether the triple is here; an object of None stands for any."""
        subject, predicate, object_ = triple
        objects = self._by_subject.get((subject, predicate), ())
        return bool(objects) if object_ is None else object_ in objects

    def __len__(self) -> int:
        return sum(len(pairs) for pairs in self._by_predicate.values())
