"""The Python API's entity view: names resolve through aliases; relations and statements carry their quotes."""

from __future__ import annotations

import pytest

from diplograph.entities import describe
from diplograph.errors import UnknownEntityError
from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import DG, DGR, DGS, PROV


@pytest.mark.parametrize("name, iri", [
    ("Moscow", DGR.russia), ("Kyiv", DGR.ukraine), ("Washington", DGR["united-states"]),
    ("russia", DGR.russia), ("dgr:putin", DGR.putin), (str(DGR.nato), DGR.nato),
    ("occupied regions", DGR["occupied-territories-of-ukraine"]),
])
def test_names_and_aliases_resolve_to_one_entity(graph, name, iri):
    assert describe(graph, name).iri == iri


def test_unknown_entity(graph):
    with pytest.raises(UnknownEntityError, match="Atlantis"):
        describe(graph, "Atlantis")


def test_entity_lists_statements_with_quotes(graph):
    ukraine = describe(graph, "Ukraine")
    assert ukraine.label == "Ukraine" and ukraine.aliases == ["Kyiv"]
    by_iri = {s.iri: s for s in ukraine.statements}
    refusal = by_iri[DGR["position-ukraine-refuses-putin-conditions"]]
    assert refusal.via == DG.holder
    assert [e.quote for e in refusal.evidence] == ["Ukraine refuses."]
    withdrawal = by_iri[DGR["demand-ukraine-withdraws-before-talks"]]
    assert withdrawal.via == DG.demandedOf
    assert withdrawal.asserted_by == [DGR.putin]


def test_entity_relations_both_ways(graph):
    plan = describe(graph, "dgr:28-point-plan")
    assert {r.node for r in plan.outgoing if r.predicate == DG.hasPoint} == {
        DGR[f"28-point-plan-element-{name}"] for name in (
            "territorial-status", "military-limits", "guarantees-without-nato", "international-monitoring")}
    assert any(r.node == DGR["position-putin-plan-as-basis"] and r.predicate == DG.towards for r in plan.incoming)
    assert {e.quote for e in plan.evidence} >= {"Diplomatic leaks refer to a “28-point plan”"}


def test_assertion_is_kept_with_statement(graph):
    analysts = describe(graph, "analysts")
    readings = [s for s in analysts.statements if s.via == PROV.wasAttributedTo]
    assert DGR["assessment-signal-is-tactical-positioning"] in {s.iri for s in readings}
    assert all(s.mode is None or s.mode in (DG.Interpretation, DG.FactualAssertion, DG.Judgement) for s in readings)


def test_names_asked_of_the_engine_are_the_names_walked_in_rdflib():
    """The names index of a loaded graph (three queries to the engine) equals the one walked in an rdflib dataset
    (as a document is read against the reference entities): every label, alias, title and document name, the
    same one winning where two nodes share a name."""
    from diplograph.names import Names

    graph = KnowledgeGraph.open()
    walked, asked = Names.of(graph.dataset), graph.names
    assert (asked.terms, asked.by_label, asked.spellings) == (walked.terms, walked.by_label, walked.spellings)
    assert asked.resolve("Moscow") == str(DGR.russia) and "Demand" in asked.terms
    assert asked.by_label["2025-11-30-peace-talks-putin-conditions"] == DGS["2025-11-30-peace-talks-putin-conditions"]
