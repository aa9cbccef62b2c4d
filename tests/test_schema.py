"""The ontology drives the code: a subclass added to ontology/ is counted, ranked, coloured and listed at once."""

from __future__ import annotations

import pytest

from diplograph.analysis.registry import Projections, run_analysis
from diplograph.catalog import collection
from diplograph.export.style import PALETTE, colour
from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import DG
from diplograph.schema import read_schema

DEMAND = "dgr:demand-limit-ukrainian-military"


@pytest.fixture
def ultimatum(project):
    """A copy of the project whose ontology has dg:Ultimatum below dg:Demand, and one demand retyped as one."""
    ontology = project.root / "ontology" / "diplograph.ttl"
    text = ontology.read_text(encoding="utf-8")
    ontology.write_text(text + '''
dg:Ultimatum a owl:Class ;
    rdfs:subClassOf dg:Demand ;
    rdfs:label "Ultimatum"@en ;
    skos:definition "A demand with a deadline or a threat attached."@en .
''', encoding="utf-8")
    project.replace(project.document, f"{DEMAND} a dg:Demand ;", f"{DEMAND} a dg:Ultimatum ;")
    graph = KnowledgeGraph(project.layout)
    graph.load()
    return graph


def test_the_schema_closes_the_subclass_relation():
    schema = read_schema(None)
    assert schema.subclasses("dg:Actor") >= {"dg:Actor", "dg:State", "dg:Person", "dg:Organisation", "dg:Group",
                                             "dg:Author"}
    assert schema.is_a("dg:RedLine", "dg:Principle") and schema.is_a("dg:RedLine", "dg:Statement")
    assert schema.label("dg:ProposalPoint") == "Proposal point"


def test_a_new_subclass_is_counted_ranked_coloured_and_listed(ultimatum):
    graph = ultimatum
    stats = graph.stats().classes
    assert stats["dg:Ultimatum"] == 1 and stats["dg:Demand"] == 3 and stats["dg:Statement"] == 57

    projections = Projections(graph)
    node = projections.entity.nodes[DEMAND]
    assert node["cls"] == "dg:Ultimatum" and "dg:Demand" in node["classes"]
    assert colour(node["cls"], node["classes"]) == PALETTE["dg:Demand"]

    ranked = {row["node"] for row in run_analysis(projections, "centrality", {"family": "demands", "top": "50"})}
    assert DEMAND in ranked
    conflicts = run_analysis(projections, "conflicts", {})
    assert DEMAND in {row["demand"] for row in conflicts}  # Russia's limits conflict with Ukraine's principles
    assert DEMAND.replace("dgr:", "https://w3id.org/diplograph/id/") in {
        item.iri for item in collection(graph, DG.Demand)}


def test_a_class_query_over_subclasses_uses_the_documented_path(graph):
    """Types are stored as the sources give them; `a/rdfs:subClassOf*` reaches every subclass (README)."""
    direct = list(graph.query("SELECT ?a WHERE { ?a a dg:Actor }"))
    through = {row.a for row in graph.query("SELECT DISTINCT ?a WHERE { ?a a/rdfs:subClassOf* dg:Actor }")}
    # 63: the reference entities' actors (with Europe, Estonia, Latvia, Lithuania, and the thirty-five further states
    # and four bodies of the war's diplomacy) and the article's author
    assert direct == [] and len(through) == graph.stats().classes["dg:Actor"] == 63
