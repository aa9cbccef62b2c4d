"""Centrality of actors, territories, demands and other entities in the entity graph."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

__all__ = ["CentralityScore", "FAMILIES", "centrality", "score_all"]

FAMILIES = {
    "actors": {"dg:Actor"},
    "territories": {"dg:Territory"},
    "demands": {"dg:Demand"},
    "principles": {"dg:Principle"},
    "guarantees": {"dg:Guarantee"},
    "proposals": {"dg:Proposal", "dg:ProposalPoint"},
}
"""Groups of nodes ranked together, each by the classes at its top: their subclasses (from the ontology, in each
node's ``classes``) belong to the family too."""


@dataclass(frozen=True)
class CentralityScore:
    """One node's scores: degree (normalised), betweenness (normalised), PageRank."""

    node: str
    label: str
    cls: str
    degree: float
    betweenness: float
    pagerank: float


PROVENANCE_EDGES = frozenset({"prov:wasAttributedTo", "dg:describedBy"})
"""Who asserts a statement or describes an entity: left out of the scores unless ``attribution`` is asked for."""


def centrality(graph: nx.MultiDiGraph, *, family: str | None = None, top: int | None = None,
               attribution: bool = False, scores: list[CentralityScore] | None = None) -> list[CentralityScore]:
    """Degree, betweenness and PageRank of every node, over the graph read as undirected and simple.

    Scores are computed on the whole graph and then filtered to ``family``
    (see ``FAMILIES``), so that an actor's betweenness counts the statements
    it bridges. By default the provenance edges (``PROVENANCE_EDGES``)
    are left out: who reports a statement is not a party to it, and an
    article's author would otherwise top every ranking. Sorted by PageRank,
    then degree, then key — deterministic.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        the entity graph (:func:`diplograph.project.entity_graph`).
    family : str, optional
        one of ``FAMILIES``; all nodes when None.
    top : int, optional
        keep only the first ``top`` scores.
    attribution : bool
        count the provenance edges (who asserts, who describes) too.
    scores : list of CentralityScore, optional
        the whole graph's scores from :func:`score_all` with the same
        ``attribution``, computed earlier: then only the filtering is done
        (betweenness is the expensive part, and does not depend on the filter).

    Returns
    -------
    list of CentralityScore

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("a", "d"), ("b", "c")])
    >>> [s.node for s in centrality(g)][:1]
    ['a']
    >>> centrality(g)[0].betweenness
    0.6666666666666666
    """
    if scores is None:
        scores = score_all(graph, attribution=attribution)
    wanted = FAMILIES[family] if family else None
    kept = [s for s in scores if wanted is None or wanted & set(graph.nodes[s.node].get("classes", ()))]
    return kept[:top] if top else kept


def score_all(graph: nx.MultiDiGraph, *, attribution: bool = False) -> list[CentralityScore]:
    """Every node's scores, sorted by PageRank, then degree, then key (see :func:`centrality`).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> [(s.node, s.degree) for s in score_all(g)]
    [('b', 1.0), ('a', 0.5), ('c', 0.5)]
    """
    simple = nx.Graph()  # built in sorted order: the sampled betweenness then picks the same sources in any process
    simple.add_nodes_from(sorted(graph))
    simple.add_edges_from(sorted((a, b) if a <= b else (b, a) for a, b, key in graph.edges(keys=True)
                                 if attribution or key not in PROVENANCE_EDGES))
    if simple.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(simple)
    betweenness = nx.betweenness_centrality(simple, normalized=True, k=_sample(simple), seed=0)
    pagerank = nx.pagerank(simple, alpha=0.85)
    scores = [CentralityScore(node, data.get("label", node), data.get("cls", ""), degree[node], betweenness[node],
                              pagerank[node])
              for node, data in graph.nodes(data=True)]
    scores.sort(key=lambda s: (-s.pagerank, -s.degree, s.node))
    return scores


def _sample(graph: nx.Graph) -> int | None:
    """Exact betweenness up to 5,000 nodes; beyond, a fixed-seed sample of 100 sources (Brandes' estimate)."""
    return None if graph.number_of_nodes() <= 5_000 else 100
