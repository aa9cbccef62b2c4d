"""The audit's world answers each look-up the rules make as rdflib's graph does on the same triples, and a world
extended from another leaves that one as it was."""

from __future__ import annotations

import random

from rdflib import Graph, Literal, URIRef

from diplograph.world import World


def _triples(seed: int, count: int) -> list[tuple]:
    pick = random.Random(seed)
    nodes = [URIRef(f"urn:n{i}") for i in range(12)]
    predicates = [URIRef(f"urn:p{i}") for i in range(4)]
    objects = [*nodes, Literal("a"), Literal("a", lang="en"), Literal(1)]
    return [(pick.choice(nodes), pick.choice(predicates), pick.choice(objects)) for _ in range(count)]


def _same_answers(world: World, graph: Graph) -> None:
    subjects = sorted({s for s, _, _ in graph}) + [URIRef("urn:absent")]
    predicates = sorted({p for _, p, _ in graph})
    objects = sorted({o for _, _, o in graph}, key=str)
    assert len(world) == len(graph)
    for p in predicates:
        assert sorted(world.subject_objects(p)) == sorted(graph.subject_objects(p))
        assert set(world.objects(None, p)) == set(graph.objects(None, p))
        for s in subjects:
            assert sorted(world.objects(s, p), key=str) == sorted(graph.objects(s, p), key=str)
            assert (world.value(s, p) is None) == (graph.value(s, p) is None)
            assert world.value(s, p) in set(graph.objects(s, p)) | {None}
            assert ((s, p, None) in world) == ((s, p, None) in graph)
        for o in objects:
            assert sorted(world.subjects(p, o)) == sorted(graph.subjects(p, o))
            assert sorted(world.transitive_subjects(p, o), key=str) == sorted(graph.transitive_subjects(p, o), key=str)
            for s in subjects:
                assert ((s, p, o) in world) == ((s, p, o) in graph)


def test_a_world_answers_as_rdflib_does():
    for seed in range(5):
        triples = _triples(seed, 60)
        graph = Graph()
        for triple in triples:
            graph.add(triple)
        _same_answers(World(triples), graph)


def test_an_extended_world_has_both_and_leaves_its_base_unchanged():
    shared, own = _triples(10, 50), _triples(11, 50)
    base = World(shared)
    extended = base.extended(own)
    _same_answers(extended, _graph_of(shared, own))
    _same_answers(base, _graph_of(shared))
    middle = base.extended(_triples(12, 30))
    _same_answers(middle.extended(own), _graph_of(shared, _triples(12, 30), own))
    _same_answers(middle, _graph_of(shared, _triples(12, 30)))


def _graph_of(*parts: list[tuple]) -> Graph:
    graph = Graph()
    for part in parts:
        for triple in part:
            graph.add(triple)
    return graph


def test_a_first_value_is_the_first_added():
    a, p = URIRef("urn:a"), URIRef("urn:p")
    world = World([(a, p, Literal("first")), (a, p, Literal("second"))])
    assert world.value(a, p) == Literal("first")
    assert world.extended([(a, p, Literal("third"))]).value(a, p) == Literal("first")
