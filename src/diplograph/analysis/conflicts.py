"""The conflict map: which demands (and proposal points) collide with which principles and red lines, and why."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

__all__ = ["Conflict", "conflicts", "RULES"]

RULES = {
    "incompatible-measures": "the demand calls for a measure the vocabulary marks dg:incompatibleWith the measure "
                             "the principle calls for (an editorial judgement, not a claim of the sources)",
    "stated-rejection": "an actor's position rejects the demand or proposal point (stated in a source)",
    "read-as-incompatible": "an assessment reads the demand as calling for a measure incompatible with the "
                            "principle's (dg:readsAsCallingFor): the assessor's reading, not the demander's words, "
                            "and an editorial incompatibility",
}

_DEMANDS = {"dg:Demand", "dg:ProposalPoint"}
_PRINCIPLES = {"dg:Principle"}
"""The classes at the top of each side; their subclasses (a node's ``classes``) count too."""


@dataclass(frozen=True)
class Conflict:
    """A demand (or point) against a principle (or a rejecting position), each side with its words."""

    demand: str
    demand_label: str
    demanders: tuple[str, ...]
    opponent: str
    opponent_label: str
    opponents: tuple[str, ...]
    rule: str
    inferred: bool
    measures: tuple[str, str] | None
    demand_quotes: tuple[str, ...]
    opponent_quotes: tuple[str, ...]
    read_by: tuple[str, ...] = ()
    """For ``read-as-incompatible``: who reads the demand so (the assessment's asserters)."""
    reading: str | None = None
    """For ``read-as-incompatible``: the assessment that reads it so (its quotes are ``reading_quotes``)."""
    reading_quotes: tuple[str, ...] = ()


def conflicts(graph: nx.MultiDiGraph, *, demander: str | None = None, holder: str | None = None,
              limit: int | None = None) -> list[Conflict]:
    """Every collision between a demand or proposal point and a principle or a rejection.

    A derived conflict (rules ``incompatible-measures`` and
    ``read-as-incompatible``, the latter through an assessment's reading of
    the demand, with the reader and the reading's quotes) is
    ``inferred=True``; a rejection stated in a source (rule
    ``stated-rejection``) is not. An
    actor's own demand is never paired with its own principle. Sorted by
    demand, then opponent and rule; the work stops once ``limit`` conflicts
    are found, so a large corpus can be explored a page at a time.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        the entity graph (:func:`diplograph.project.entity_graph`).
    demander, holder : str, optional
        only demands made by this actor / principles held (or rejections made) by this one.
    limit : int, optional
        at most this many conflicts.

    Returns
    -------
    list of Conflict

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("d", cls="dg:Demand", classes=["dg:Demand"], label="cede", quotes=["give us the land"])
    >>> g.add_node("p", cls="dg:RedLine", classes=["dg:Principle", "dg:RedLine"], label="not a meter",
    ...            quotes=["not a single meter"])
    >>> edges = [("d", "m1", "dg:callsFor"), ("p", "m2", "dg:callsFor"), ("m1", "m2", "dg:incompatibleWith"),
    ...          ("d", "r", "dg:demandedBy"), ("p", "u", "dg:heldBy")]
    >>> for a, b, k in edges:
    ...     _ = g.add_edge(a, b, key=k, predicate=k)
    >>> [(c.demand, c.opponent, c.opponents, c.inferred) for c in conflicts(g)]
    [('d', 'p', ('u',), True)]
    """
    found: list[Conflict] = []
    demands = sorted(n for n, d in graph.nodes(data=True) if _DEMANDS & set(d.get("classes", ())))
    for node in demands:
        demanders = _targets(graph, node, "dg:demandedBy")
        if demander and demander not in demanders:
            continue
        here = _conflicts_of(graph, node, demanders, holder)
        found += sorted(here, key=lambda c: (c.opponent, c.rule, c.measures or ("", ""), c.reading or ""))
        if limit is not None and len(found) >= limit:
            return found[:limit]
    return found


def _conflicts_of(graph: nx.MultiDiGraph, node: str, demanders: list[str], holder: str | None) -> set[Conflict]:
    """One demand's conflicts by each rule: its measures, the measures read into it, the rejections of it."""
    here = set()
    for measure in _targets(graph, node, "dg:callsFor"):
        for other in _incompatible(graph, measure):
            for principle in _principles(graph, other, demanders, holder):
                here.add(_conflict(graph, node, demanders, principle, _targets(graph, principle, "dg:heldBy"),
                                   "incompatible-measures", (measure, other)))
    for reading in _sources(graph, node, "dg:about"):
        for measure in _targets(graph, reading, "dg:readsAsCallingFor"):
            for other in _incompatible(graph, measure):
                for principle in _principles(graph, other, demanders, holder):
                    here.add(_conflict(graph, node, demanders, principle, _targets(graph, principle, "dg:heldBy"),
                                       "read-as-incompatible", (measure, other), reading))
    for position in _sources(graph, node, "dg:towards"):
        holders = _targets(graph, position, "dg:holder")
        if graph.nodes[position].get("stance") == "dg:Rejects" and (not holder or holder in holders):
            here.add(_conflict(graph, node, demanders, position, holders, "stated-rejection", None))
    return here


def _principles(graph: nx.MultiDiGraph, measure: str, demanders: list[str], holder: str | None) -> list[str]:
    """Principles calling for ``measure``, held by someone other than the demanders (and by ``holder``, if given)."""
    found = []
    for principle in _sources(graph, measure, "dg:callsFor"):
        holders = _targets(graph, principle, "dg:heldBy")
        if (_PRINCIPLES & set(graph.nodes[principle].get("classes", ())) and not set(holders) & set(demanders)
                and (not holder or holder in holders)):
            found.append(principle)
    return found


def _conflict(graph, demand, demanders, opponent, opponents, rule, measures, reading=None) -> Conflict:
    return Conflict(demand, graph.nodes[demand].get("label", demand), tuple(demanders), opponent,
                    graph.nodes[opponent].get("label", opponent), tuple(opponents), rule,
                    rule != "stated-rejection", measures, tuple(graph.nodes[demand].get("quotes", ())),
                    tuple(graph.nodes[opponent].get("quotes", ())),
                    tuple(graph.nodes[reading].get("asserted_by", ())) if reading else (), reading,
                    tuple(graph.nodes[reading].get("quotes", ())) if reading else ())


def _targets(graph: nx.MultiDiGraph, node: str, predicate: str) -> list[str]:
    return sorted({b for _, b, k in graph.out_edges(node, keys=True) if k == predicate})


def _sources(graph: nx.MultiDiGraph, node: str, predicate: str) -> list[str]:
    return sorted({a for a, _, k in graph.in_edges(node, keys=True) if k == predicate})


def _incompatible(graph: nx.MultiDiGraph, measure: str) -> list[str]:
    return sorted(set(_targets(graph, measure, "dg:incompatibleWith")) |
                  set(_sources(graph, measure, "dg:incompatibleWith")))
