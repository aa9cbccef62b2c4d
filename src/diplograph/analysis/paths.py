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


def explanation_paths(graph: nx.MultiDiGraph, source: str, target: str, *, limit: int = 3,
                      cutoff: int = 6) -> list[list[Step]]:
    """The shortest ways ``source`` and ``target`` are connected, each hop with the statement behind it.

    Edges are followed in either direction; each step reports the direction
    in which the relation was stated. Paths are ordered by length, then by
    their node keys, so the answer is deterministic.

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
    simple = nx.Graph(graph.to_undirected(as_view=True))
    try:
        candidates = nx.shortest_simple_paths(simple, source, target)
        paths = [p for p in islice(candidates, limit * 4) if len(p) - 1 <= cutoff]
    except nx.NetworkXNoPath:
        return []
    paths.sort(key=lambda p: (len(p), p))
    return [[_step(graph, a, b) for a, b in zip(path, path[1:], strict=False)] for path in paths[:limit]]


def _step(graph: nx.MultiDiGraph, a: str, b: str) -> Step:
    forward = graph.get_edge_data(a, b) or {}
    backward = graph.get_edge_data(b, a) or {}
    if forward:
        key = sorted(forward)[0]
        data, start, end = forward[key], a, b
    else:
        key = sorted(backward)[0]
        data, start, end = backward[key], b, a
    return Step(start, end, data.get("predicate", key), data.get("label", key), data.get("statement"),
                tuple(data.get("quotes", ())))


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
