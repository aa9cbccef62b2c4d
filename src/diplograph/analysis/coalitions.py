"""Coalitions: a partition of the signed stance network into camps, with how well the camps explain the signs."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

import networkx as nx

__all__ = ["Coalitions", "coalitions"]

_EXACT_LIMIT = 16  # nodes per connected component solved exactly (2^15 assignments)


@dataclass(frozen=True)
class Coalitions:
    """Camps, and the edges that contradict them.

    ``frustration`` is the total weight of frustrated edges (a + edge between
    camps, a − edge inside one); ``balance`` is 1 − frustration / total weight:
    1.0 means every stated or derived stance fits the camps.
    """

    method: str
    groups: list[list[str]]
    frustration: float
    balance: float
    frustrated: list[tuple[str, str, int]]


def coalitions(network: nx.Graph, *, method: str = "balance") -> Coalitions:
    """Partition the stance network (:func:`diplograph.project.stance_network`) into coalitions.

    Parameters
    ----------
    network : networkx.Graph
        signed: each edge has ``sign`` (+1/−1) and ``weight``.
    method : {"balance", "communities"}
        ``balance``: per connected component, the split into two camps with the
        least frustration (structural balance) — exact for components of up to
        16 actors, greedy local search beyond. ``communities``: greedy
        modularity communities of the positive edges.

    Returns
    -------
    Coalitions
        groups sorted by size, then by first member; deterministic.

    Examples
    --------
    >>> net = nx.Graph()
    >>> net.add_edge("a", "b", sign=1, weight=2)
    >>> net.add_edge("b", "c", sign=-1, weight=1)
    >>> net.add_edge("a", "c", sign=-1, weight=1)
    >>> result = coalitions(net)
    >>> result.groups, result.balance
    ([['a', 'b'], ['c']], 1.0)
    """
    if method == "balance":
        groups = []
        for component in sorted(nx.connected_components(network), key=lambda c: sorted(c)):
            groups += _two_camps(network.subgraph(component))
    elif method == "communities":
        positive = nx.Graph()
        positive.add_nodes_from(sorted(network))
        positive.add_edges_from((a, b, {"weight": d["weight"]}) for a, b, d in network.edges(data=True)
                                if d["sign"] > 0)
        groups = [sorted(c) for c in nx.community.greedy_modularity_communities(positive, weight="weight")]
    else:
        raise ValueError(f"unknown method {method!r}; use 'balance' or 'communities'")
    groups = sorted((g for g in groups if g), key=lambda g: (-len(g), g[0]))
    camp = {node: i for i, group in enumerate(groups) for node in group}
    frustrated = [(a, b, d["sign"]) for a, b, d in sorted(network.edges(data=True))
                  if (d["sign"] > 0) != (camp[a] == camp[b])]
    total = sum(d["weight"] for _, _, d in network.edges(data=True))
    frustration = sum(network.edges[a, b]["weight"] for a, b, _ in frustrated)
    return Coalitions(method, groups, frustration, 1 - frustration / total if total else 1.0, frustrated)


def _two_camps(component: nx.Graph) -> list[list[str]]:
    nodes = sorted(component)
    if len(nodes) <= _EXACT_LIMIT:
        best = min(product((0, 1), repeat=len(nodes) - 1),
                   key=lambda rest: (_cost(component, dict(zip(nodes, (0, *rest), strict=True))), rest))
        side = dict(zip(nodes, (0, *best), strict=True))
    else:
        side = _local_search(component, nodes)
    return [[n for n in nodes if side[n] == s] for s in (0, 1)]


def _cost(component: nx.Graph, side: dict[str, int]) -> float:
    return sum(d["weight"] for a, b, d in component.edges(data=True) if (d["sign"] > 0) != (side[a] == side[b]))


def _local_search(component: nx.Graph, nodes: list[str]) -> dict[str, int]:
    """Start from a BFS two-colouring that follows the signs; move single nodes while that lowers frustration."""
    side: dict[str, int] = {}
    for start in nodes:
        if start in side:
            continue
        side[start] = 0
        for a, b in nx.bfs_edges(component, start):
            side[b] = side[a] if component.edges[a, b]["sign"] > 0 else 1 - side[a]
    improved = True
    while improved:
        improved = False
        for node in nodes:
            before = _node_cost(component, side, node)
            side[node] = 1 - side[node]
            if _node_cost(component, side, node) < before:
                improved = True
            else:
                side[node] = 1 - side[node]
    return side


def _node_cost(component: nx.Graph, side: dict[str, int], node: str) -> float:
    return sum(d["weight"] for _, other, d in component.edges(node, data=True)
               if (d["sign"] > 0) != (side[node] == side[other]))
