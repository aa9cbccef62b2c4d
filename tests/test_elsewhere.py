"""What a document's checks depend on in other documents, kept current change by change, equals it worked out anew."""

from __future__ import annotations

import random

from diplograph.crossing import Elsewhere, Index


def _index(rng: random.Random, number: int) -> Index:
    """A document describing a few IRIs of its own and one shared, referring to a few of others."""
    own = {f"d{number}-s{i}" for i in range(rng.randint(1, 3))} | {f"shared{rng.randint(0, 4)}"}
    types = {iri: sorted(rng.sample(["Demand", "Position", "Proposal", "Claim"], rng.randint(1, 2))) for iri in own}
    refers = {f"d{rng.randint(0, 19)}-s0" for _ in range(rng.randint(0, 3))} | {f"shared{rng.randint(0, 4)}"}
    return Index(frozenset(own), types, frozenset(refers), frozenset(), {})


def test_pairs_kept_current_equal_pairs_worked_out_anew():
    rng = random.Random(7)
    documents = {f"d{n}": (f"k{n}-0", _index(rng, n)) for n in range(20)}
    kept = Elsewhere()
    kept.update(documents)
    for step in range(60):
        name = f"d{rng.randint(0, 24)}"
        if name in documents and rng.random() < 0.3:
            del documents[name]  # removed
        else:  # changed, or added
            documents[name] = (f"k{name}-{step + 1}", _index(rng, int(name[1:])))
        assert kept.update(documents) == Elsewhere().update(documents), step


def test_a_document_sees_the_class_another_gives_what_it_refers_to_and_loses_it_with_that_document():
    demand = Index(frozenset({"s1"}), {"s1": ["Demand"]}, frozenset(), frozenset(), {})
    reply = Index(frozenset({"s2"}), {"s2": ["Position"]}, frozenset({"s1"}), frozenset(), {})
    unrelated = Index(frozenset({"s3"}), {"s3": ["Claim"]}, frozenset(), frozenset(), {})
    kept = Elsewhere()
    pairs = kept.update({"first": ("a", demand), "second": ("b", reply), "third": ("c", unrelated)})
    assert pairs == {"first": [], "second": [["s1", "Demand"]], "third": []}
    assert kept.update({"second": ("b", reply), "third": ("c", unrelated)})["second"] == []


def _crossing_index(rng: random.Random, number: int) -> Index:
    """Like ``_index``, with IRIs described by two documents at times, retired ones and references to nothing."""
    own = {f"d{number}-s{i}" for i in range(rng.randint(1, 3))} | {f"d{rng.randint(0, 19)}-s0"}
    types = {iri: ["Demand"] for iri in own if rng.random() < 0.8}
    refers = {f"d{rng.randint(0, 24)}-s{rng.randint(0, 2)}" for _ in range(rng.randint(0, 4))}
    retired = {f"d{rng.randint(0, 24)}-s2"} if rng.random() < 0.3 else set()
    aliases = {f"alias {rng.randint(0, 5)}": f"d{rng.randint(0, 2)}-s0" for _ in range(rng.randint(0, 2))}
    return Index(frozenset(own), types, frozenset(refers), frozenset(retired), aliases)


def test_crossings_kept_current_equal_crossings_worked_out_anew():
    """References to what nothing describes, IRIs given a class by two documents and aliases naming two IRIs, kept
    change by change, are those of a corpus read afresh — and those worked out by hand from the indexes."""
    from rdflib import Dataset

    from diplograph.crossing import Crossings

    rng = random.Random(11)
    documents = {f"d{n}": (f"k{n}-0", _crossing_index(rng, n)) for n in range(20)}
    kept = Crossings(Dataset())
    kept.update(documents)
    for step in range(80):
        name = f"d{rng.randint(0, 24)}"
        if name in documents and rng.random() < 0.3:
            del documents[name]
        else:
            documents[name] = (f"k{name}-{step + 1}", _crossing_index(rng, int(name[1:])))
        fresh = Crossings(Dataset())
        assert kept.update(documents) == fresh.update(documents), step
        assert kept.twice == fresh.twice, step
        described = set().union(*(index.described | index.retired for _, index in documents.values()))
        assert kept.update(documents) == {
            n: sorted(index.refers - described) for n, (_, index) in documents.items() if index.refers - described}
        givers = {}
        for n, (_, index) in documents.items():
            for iri in index.types:
                givers.setdefault(iri, set()).add(n)
        assert kept.twice == {iri for iri, names in givers.items() if len(names) > 1}, step
        named = {}
        for _, index in documents.values():
            for alias, iri in index.aliases.items():
                named.setdefault(alias, set()).add(iri)
        assert kept.clashing == fresh.clashing == {alias for alias, iris in named.items() if len(iris) > 1}, step


def test_an_index_says_what_a_document_describes_types_names_retires_and_calls_by_an_alias():
    """Read from the Turtle below: a correction (a blank node's value names a statement, which counts as a
    reference), the IRI it retires, an alias, and classes stated twice over."""
    import pyoxigraph as ox

    text = """@prefix dg: <https://w3id.org/diplograph/ontology#> .
    @prefix dgr: <https://w3id.org/diplograph/id/> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    dgr:new a dg:Demand, dg:Demand ; dg:demandedBy dgr:russia ; dg:about [ dg:towards dgr:old-claim ] .
    dgr:fix a dg:Correction ; dg:corrects dgr:old ; dcterms:isReplacedBy dgr:new .
    dgr:keep dg:corrects dgr:kept .
    dgr:kyiv skos:altLabel "Kiev" .
    """
    index = Index.of(ox.parse(text, format=ox.RdfFormat.TURTLE))
    dgr = "https://w3id.org/diplograph/id/"
    assert index.described == {dgr + name for name in ("new", "fix", "keep", "kyiv")}
    assert index.types == {dgr + "new": ["https://w3id.org/diplograph/ontology#Demand"],
                           dgr + "fix": ["https://w3id.org/diplograph/ontology#Correction"]}
    assert index.refers == {dgr + name for name in ("russia", "old-claim", "old", "new", "kept")}
    assert index.retired == {dgr + "old"}  # "kept" is corrected by what replaces nothing
    assert index.aliases == {"kiev": dgr + "kyiv"}
