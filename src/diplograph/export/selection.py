"""What to export: the whole graph, a projection, an entity's neighbourhood, or a CONSTRUCT query's result."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef

from ..analysis.centrality import score_all
from ..analysis.paths import ego_network
from ..analysis.registry import Projections
from ..errors import QueryError, QueryParameterError
from ..project import node_id
from ..queries import CannedQuery

__all__ = ["Selection", "VIEWS"]

VIEWS = ("entity", "stance")
"""Projections a graph export can show: the entity graph, or the signed actor stance network."""


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to export.

    ``view`` picks the projection; ``entity`` (with ``depth``) narrows it to a
    neighbourhood; ``query`` (with ``params``) exports a CONSTRUCT canned
    query's result instead.
    """

    view: str = "entity"
    entity: str | None = None
    depth: int = 1
    query: str | None = None
    params: dict[str, str] = field(default_factory=dict)

    @property
    def whole(self) -> bool:
        """The whole entity graph: no neighbourhood, no query."""
        return self.view == "entity" and not self.entity and not self.query

    def network(self, projections: Projections) -> nx.Graph:
        """The selection as a networkx graph, nodes sized by PageRank, for the graph formats."""
        if self.query:
            return _network_of(self.rdf(projections), projections)
        if self.view == "stance":
            network = projections.stance.copy()
        elif self.view == "entity":
            network = projections.entity
        else:
            raise QueryParameterError(f"unknown view {self.view!r}; use one of {', '.join(VIEWS)}")
        if self.entity:
            center = projections.node(self.entity)
            if center not in network:
                raise QueryParameterError(f"{center} is not in the {self.view} view")
            network = ego_network(network, center, self.depth)
        network = network.copy()
        if self.entity:  # a neighbourhood: its own ranks
            scores = {s.node: s.pagerank for s in score_all(nx.MultiDiGraph(network))}
        else:  # the whole view: ranked once per graph generation
            scores = {s.node: s.pagerank for s in projections.scores(self.view)}
        for node, data in network.nodes(data=True):
            data["pagerank"] = scores.get(node, 0.0)
        return network

    def rdf(self, projections: Projections) -> Graph | Dataset:
        """The selection as RDF, for the RDF formats: the dataset, a neighbourhood, or a CONSTRUCT result."""
        graph = projections.graph
        if self.query:
            query: CannedQuery = graph.canned_query(self.query)
            if query.form not in ("CONSTRUCT", "DESCRIBE"):
                raise QueryError(f"query {self.query!r} is a {query.form}; export needs a CONSTRUCT query")
            return graph.query(query.text, bindings=query.terms(self.params)).graph
        if self.view != "entity":
            raise QueryParameterError(f"the {self.view} view is an analysis, not RDF; export it as a graph format")
        if self.entity:
            iri = projections.graph.dataset.namespace_manager.expand_curie(projections.node(self.entity))
            query = graph.canned_query("entity-graph")
            return graph.query(query.text, bindings=query.terms({"entity": f"<{iri}>"})).graph
        return graph.dataset


def _network_of(rdf: Graph, projections: Projections) -> nx.MultiDiGraph:
    """Triples of a CONSTRUCT result as a graph: IRIs are nodes, literal values become node attributes."""
    network = nx.MultiDiGraph()
    graph = projections.graph
    for s, p, o in sorted(rdf):
        if not isinstance(s, URIRef):
            continue
        key = node_id(s)
        network.add_node(key, label=graph.label(s), cls=_cls(projections, s))
        if isinstance(o, URIRef):
            network.add_node(node_id(o), label=graph.label(o), cls=_cls(projections, o))
            network.add_edge(key, node_id(o), key=node_id(p), predicate=node_id(p), label=graph.label(p), quotes=[])
        elif isinstance(o, Literal):
            network.nodes[key].setdefault("values", []).append(f"{node_id(p)}={o}")
    for _, data in network.nodes(data=True):
        data["pagerank"] = 0.0
    return network


def _cls(projections: Projections, iri) -> str:
    node = projections.entity.nodes.get(node_id(iri))
    return node.get("cls", "") if node else ""
