"""Explanation paths and ego networks: how two entities are connected, and by which statements."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

import networkx as nx

from ..errors import UnknownEntityError

__all__ = ["Step", "ego_network", "explanation_paths"]


@dataclass(frozen=True)
class Step:
    """One hop of a path: an edge of the entity graph, in the direction it was stated, with its quotes."""

    source: str
    target: str
    predicate: str
    label: str
    statement: str | None
    quotes: tuple[str, ...]
    editorial: bool = False
    """Reference data (a membership, a part of a territory, an incompatibility), not a source's words."""


def explanation_paths(graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 3,
                      cutoff: int = 6) -> list[list[Step]]:
    """The shortest ways ``source`` and ``target`` are connected, each hop with the statement behind it.

    Edges are followed in either direction; each step reports the direction
    in which the relation was stated. A hop that only editorial reference
    data makes (a membership, an incompatibility between measures) counts as
    two, so a path through what sources say is preferred to one as short
    through the editors' knowledge. Paths are ordered by that cost, then by
    length and node keys, so the answer is deterministic.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        the entity graph (:func:`diplograph.project.entity_graph`).
    source, target : str
        node keys (``dgr:putin``).
    limit : int
        at most this many paths.
    cutoff : int
        ignore paths longer than this many hops.

    Returns
    -------
    list of paths, each a list of :class:`Step`.

    Raises
    ------
    UnknownEntityError
        when either node is not in the graph.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("s", "a", predicate="p", label="p", statement="s", quotes=["q"])
    >>> _ = g.add_edge("s", "b", predicate="r", label="r", statement="s", quotes=["q"])
    >>> [[(st.source, st.target) for st in path] for path in explanation_paths(g, "a", "b")]
    [[('s', 'a'), ('s', 'b')]]
    """
    for node in (source, target):
        if node not in graph:
            raise UnknownEntityError(f"{node} is not in the graph")
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for a, b, data in graph.edges(data=True):
        cost = _EDITORIAL_COST if data.get("editorial") else 1
        if not simple.has_edge(a, b) or simple[a][b]["cost"] > cost:
            simple.add_edge(a, b, cost=cost)
    try:
        candidates = nx.shortest_simple_paths(simple, source, target, weight="cost")
        paths = [p for p in islice(candidates, limit * 4) if len(p) - 1 <= cutoff]
    except nx.NetworkXNoPath:
        return []
    paths.sort(key=lambda p: (nx.path_weight(simple, p, "cost"), len(p), p))
    return [[_step(graph, a, b) for a, b in zip(path, path[1:], strict=False)] for path in paths[:limit]]


_EDITORIAL_COST = 2


def _step(graph: nx.MultiDiGraph, a: str, b: str) -> Step:
    """The hop from ``a`` to ``b``: a stated edge (one with quotes) before an editorial one, then by key."""
    edges = [(not data.get("quotes"), key, data, a, b) for key, data in (graph.get_edge_data(a, b) or {}).items()]
    edges += [(not data.get("quotes"), key, data, b, a) for key, data in (graph.get_edge_data(b, a) or {}).items()]
    _, key, data, start, end = min(edges, key=lambda e: (e[0], e[1], e[3]))
    return Step(start, end, data.get("predicate", key), data.get("label", key), data.get("statement"),
                tuple(data.get("quotes", ())), bool(data.get("editorial")))


def ego_network(graph: nx.MultiDiGraph, center: str, radius: int = 1) -> nx.MultiDiGraph:
    """The sub-graph within ``radius`` hops of ``center``, following edges either way.

    Raises
    ------
    UnknownEntityError
        when ``center`` is not in the graph.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("d", "a")])
    >>> sorted(ego_network(g, "a", 1))
    ['a', 'b', 'd']
    """
    if center not in graph:
        raise UnknownEntityError(f"{center} is not in the graph")
    return nx.ego_graph(graph, center, radius=radius, undirected=True)
