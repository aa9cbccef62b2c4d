"""Analyses on the bundled graph: outcomes a reader of the article expects, each with the quotes that explain it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from diplograph.analysis.centrality import centrality
from diplograph.analysis.coalitions import coalitions
from diplograph.analysis.conflicts import conflicts
from diplograph.analysis.paths import ego_network, explanation_paths
from diplograph.analysis.registry import Projections, run_analysis
from diplograph.errors import QueryParameterError, UnknownEntityError
from diplograph.project import entity_graph, stance_network


@pytest.fixture(scope="module")
def projections(graph):
    return Projections(graph)


def camp_of(result, node):
    return next(i for i, group in enumerate(result.groups) if node in group)


@pytest.mark.parametrize("method", ["balance", "communities"])
def test_russia_and_ukraine_fall_in_opposed_coalitions(projections, method):
    result = coalitions(projections.stance, method=method)
    assert camp_of(result, "dgr:russia") != camp_of(result, "dgr:ukraine")
    assert camp_of(result, "dgr:putin") == camp_of(result, "dgr:russia")
    assert camp_of(result, "dgr:zelenskyy") == camp_of(result, "dgr:ukraine")


def test_poland_finland_baltics_stand_with_ukraine_on_territorial_concessions(projections):
    result = coalitions(projections.stance)
    for actor in ("dgr:poland", "dgr:finland", "dgr:baltic-states"):
        assert camp_of(result, actor) == camp_of(result, "dgr:ukraine"), actor
        edge = projections.stance.edges[actor, "dgr:ukraine"]
        assert edge["sign"] == 1
        shared = [r for r in edge["reasons"]
                  if r.rule == "shared-opposition" and r.measure == "dg:TerritorialConcession"]
        assert shared and all(r.inferred for r in shared)
        quotes = {q for r in shared for q in r.quotes}
        assert "Peace achieved through forced concessions legitimizes aggression." in quotes
    assert result.balance == 1.0 and result.frustrated == []


def test_stance_edges_say_which_are_stated_and_which_inferred(projections):
    reasons = projections.stance.edges["dgr:russia", "dgr:ukraine"]["reasons"]
    stated = {r.rule for r in reasons if not r.inferred}
    assert stated == {"rejects-demand", "legitimacy"}
    legitimacy = next(r for r in reasons if r.rule == "legitimacy")
    assert any("“illegitimate”" in q for q in legitimacy.quotes)
    rejection = next(r for r in reasons if r.rule == "rejects-demand")
    assert "Ukraine refuses." in rejection.quotes


def test_frustration_is_measured():
    net = nx.Graph()
    net.add_edge("a", "b", sign=1, weight=1)
    net.add_edge("b", "c", sign=1, weight=1)
    net.add_edge("a", "c", sign=-1, weight=1)  # an unbalanced triangle: one edge must be frustrated
    result = coalitions(net)
    assert result.frustration == 1 and result.balance == pytest.approx(2 / 3)


def test_conflict_map_pairs_demands_with_principles(projections):
    found = conflicts(projections.entity)
    pairs = {(c.demand, c.opponent) for c in found if c.rule == "incompatible-measures"}
    readings = {(c.demand, c.opponent) for c in found if c.rule == "read-as-incompatible"}
    # "Putin insisted that Ukraine must withdraw its military forces …": the demand calls for a withdrawal, which no
    # principle of Ukraine's forbids; that it is a territorial surrender is the author's reading ("His proposal
    # essentially offers a territorial surrender in exchange for temporary calm."), so those pairs are readings
    assert not any(d == "dgr:demand-ukraine-withdraws-before-talks" for d, _ in pairs)
    assert ("dgr:demand-ukraine-withdraws-before-talks", "dgr:principle-restoration-of-recognised-borders") in readings
    assert ("dgr:demand-ukraine-withdraws-before-talks", "dgr:principle-complete-withdrawal-of-russian-forces") \
        in readings
    assert ("dgr:demand-recognise-russian-control", "dgr:red-line-not-a-single-meter") in pairs
    assert ("dgr:28-point-plan-element-guarantees-without-nato", "dgr:principle-binding-security-guarantees") in pairs
    assert ("dgr:demand-limit-ukrainian-military", "dgr:principle-binding-security-guarantees") in pairs
    for conflict in found:
        assert conflict.demand_quotes and conflict.opponent_quotes
        assert conflict.inferred == (conflict.rule != "stated-rejection")
        assert bool(conflict.read_by) == (conflict.rule == "read-as-incompatible")
    stated = [c for c in found if c.rule == "stated-rejection"]
    assert {c.opponent for c in stated} >= {"dgr:position-ukraine-refuses-putin-conditions"}
    # monitoring collides with nothing
    assert not any(c.demand == "dgr:28-point-plan-element-international-monitoring" for c in found)


def test_centrality_ranks_parties_not_reporters(projections):
    actors = centrality(projections.entity, family="actors")
    assert {a.node for a in actors[:2]} == {"dgr:ukraine", "dgr:russia"}
    with_reporting = centrality(projections.entity, family="actors", attribution=True)
    assert with_reporting[0].node == "dgr:author-2025-11-30-peace-talks-putin-conditions"
    territories = centrality(projections.entity, family="territories")
    assert territories[0].node == "dgr:occupied-territories-of-ukraine"
    assert centrality(projections.entity) == centrality(projections.entity)  # deterministic


def test_explanation_path_carries_quotes(projections):
    [path] = explanation_paths(projections.entity, "dgr:ukraine", "dgr:russia", limit=1)
    assert len(path) == 2
    assert all(step.quotes for step in path)
    with pytest.raises(UnknownEntityError):
        explanation_paths(projections.entity, "dgr:ukraine", "dgr:atlantis")


def test_ego_network(projections):
    ego = ego_network(projections.entity, "dgr:poland", 1)
    # what Poland holds and argues, and (reference data) the groups it belongs to
    assert set(ego) == {"dgr:poland", "dgr:principle-forced-concessions-legitimize-aggression",
                        "dgr:assessment-territorial-blackmail", "dgr:europe", "dgr:european-union", "dgr:nato"}


def test_projections_are_pure_functions_of_the_graph(graph):
    first, second = entity_graph(graph), entity_graph(graph)
    assert nx.utils.graphs_equal(first, second)
    assert sorted(stance_network(graph).edges) == sorted(stance_network(graph).edges)


def test_registry_options_are_typed(projections):
    assert len(run_analysis(projections, "centrality", {"top": "3"})) == 3
    with pytest.raises(QueryParameterError, match="not a valid int"):
        run_analysis(projections, "centrality", {"top": "many"})
    with pytest.raises(QueryParameterError, match="must be one of"):
        run_analysis(projections, "coalitions", {"method": "vibes"})
    with pytest.raises(QueryParameterError, match="no analysis named"):
        run_analysis(projections, "astrology")


def test_cli_analyze_json():
    diplograph = Path(sys.executable).with_name("diplograph")
    result = subprocess.run([str(diplograph), "analyze", "coalitions", "--format", "json"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert "shared-opposition" in body["rules"]
    assert any("dgr:russia" in g and "dgr:ukraine" not in g for g in body["result"]["groups"])


def test_conflicts_filter_and_limit(projections):
    ukraine_only = conflicts(projections.entity, holder="dgr:ukraine")
    assert ukraine_only and all("dgr:ukraine" in c.opponents for c in ukraine_only)
    russia = conflicts(projections.entity, demander="dgr:russia")
    assert {c.demand for c in russia} == {"dgr:demand-ukraine-withdraws-before-talks",
                                          "dgr:demand-recognise-russian-control", "dgr:demand-limit-ukrainian-military"}
    everything = conflicts(projections.entity)
    assert conflicts(projections.entity, limit=3) == everything[:3]


def test_sampled_betweenness_is_the_same_in_every_process():
    """Past 5,000 nodes betweenness is sampled: the sample must not depend on a process's hash seed (workers and
    the builder are different processes, and must give one answer)."""
    import os
    import subprocess
    import sys

    program = ("import networkx as nx, json; from diplograph.analysis.centrality import score_all\n"
               "edges = {(f'n{i}', f'n{(i * 7 + 3) % 6000}') for i in range(6000)} | "
               "{(f'n{i}', f'n{(i + 1) % 6000}') for i in range(6000)}\n"
               "g = nx.MultiDiGraph(); g.add_edges_from(edges)  # insertion order follows the set's hash order\n"
               "print(json.dumps([(s.node, round(s.betweenness, 12)) for s in score_all(g)[:20]]))")
    answers = {subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2")}
    assert len(answers) == 1


@pytest.mark.parametrize("k", [None, 1, 2, 40])
def test_the_sparse_betweenness_equals_networkx_from_the_same_sources(k):
    """Brandes' algorithm level by level on a sparse matrix: the same sources for the same seed as networkx picks,
    the same values, on a graph of several components (one a lone pair)."""
    import math

    import networkx as nx

    from diplograph.analysis.centrality import sampled_betweenness

    graph = nx.gnm_random_graph(300, 700, seed=11)
    graph.add_edge("lone", "pair")
    expected = nx.betweenness_centrality(graph, normalized=True, k=k, seed=0)
    found = sampled_betweenness(graph, k, seed=0)
    assert found.keys() == expected.keys()
    for node, value in expected.items():
        assert (math.isnan(value) and math.isnan(found[node])) or found[node] == pytest.approx(value, abs=1e-12)


def test_centrality_of_a_graph_beyond_the_exact_size_uses_the_sample_networkx_would_take():
    """Beyond 5,000 nodes the scores' betweenness is estimated from 100 sources: the very estimate networkx gives
    for them (and JSON-ready floats, as the derived data is written)."""
    import networkx as nx

    from diplograph.analysis.centrality import score_all

    random = nx.gnm_random_graph(5_200, 9_000, seed=5)
    graph = nx.MultiDiGraph((f"n{a:05d}", f"n{b:05d}", "dg:about") for a, b in random.edges())
    scores = {s.node: s.betweenness for s in score_all(graph)}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted((a, b) if a <= b else (b, a) for a, b in graph.edges()))
    expected = nx.betweenness_centrality(simple, normalized=True, k=100, seed=0)
    assert all(type(value) is float for value in scores.values())
    assert scores == pytest.approx(expected, abs=1e-12)


def test_the_entity_graph_comes_back_from_the_derived_data_file_as_it_was_built(graph):
    """Written with each repeated string once and read back: the same nodes, edges, keys and attributes (an
    edge's quotes are its statement's); an edge not shaped as the projection makes them is kept whole."""
    import orjson

    from diplograph.project import entity_as_data, entity_graph, entity_of_data

    built = entity_graph(graph)
    odd = next(iter(built.nodes))
    built.add_edge(odd, odd, key="x:odd", predicate="x:odd", weight=2)
    back = entity_of_data(orjson.loads(orjson.dumps(entity_as_data(built))))
    assert list(back.nodes(data=True)) == list(built.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(built.edges(keys=True, data=True))
    assert any(data["quotes"] for _, _, data in back.edges(data=True))
