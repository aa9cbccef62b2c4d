"""Work for the query workers: each kind a small typed object with its parameters and ``run(graph)``.

A route asks the service for something (an entity, a page of a collection,
an analysis …); the service makes the task and the executor sends the object
itself to a worker, which runs it against its copy of the graph and sends back
the value (JSON-ready data, or bytes already written in the asked format). So
collections, entities, paths, analyses, exports, dumps and statistics are
bounded in time and memory by the worker that runs them, and the server
process never computes on a request's behalf. A face may define tasks of its
own (an export, a page) the same way: nothing here names them.

What a task derives (the networkx projections, say) is kept by the worker for
the next task on the same graph snapshot — and the server has the costly part
of it built once per generation beforehand (:mod:`diplograph.derived`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pyoxigraph as ox
from rdflib import URIRef

from .analysis.paths import ego_network, explanation_paths
from .analysis.registry import Projections, run_analysis
from .catalog import COLLECTIONS, facets, matching
from .catalog import collection as members
from .entities import Entity, describe
from .errors import QueryError
from .extract import CONTROL_CHARACTERS
from .graph import KnowledgeGraph
from .namespaces import DGS
from .project import node_id
from .updates import OVERLAY

__all__ = ["AnalysisTask", "CollectionTask", "CountsTask", "DumpTask", "EntityTask", "LabelsTask", "NeighborsTask",
           "PathsTask", "ReadingTask", "StatsTask", "Task", "UpdateTask", "labels", "projections"]


class Task:
    """A piece of work for a worker: its parameters are its fields; ``run`` does it on the worker's graph."""

    def run(self, graph: KnowledgeGraph) -> object:  # pragma: no cover - every task defines it
        raise NotImplementedError


def projections(graph: KnowledgeGraph) -> Projections:
    """The graph's networkx projections, built once per snapshot (or installed by the builder)."""
    return graph.cached("projections", lambda: Projections(graph))


def labels(graph: KnowledgeGraph) -> list[str]:
    """Every entity label and alias as the graph spells them, for the forms' autocompletion."""
    return graph.cached("labels", lambda: sorted(set(graph.names.spellings[name] for name in graph.names.entities),
                                                 key=str.casefold))


@dataclass(frozen=True)
class AnalysisTask(Task):
    """An analysis's result, kept for the snapshot: the same question on the same graph has the same answer."""

    name: str
    options: tuple[tuple[str, str], ...] = ()

    def run(self, graph: KnowledgeGraph) -> object:
        key = ("analysis", self.name, tuple(sorted(self.options)))
        return graph.cached(key, lambda: run_analysis(projections(graph), self.name, dict(self.options)))


@dataclass(frozen=True)
class DumpTask(Task):
    """One named graph, the union as one graph, or the whole dataset, written in ``format``."""

    format: str
    name: str | None = None
    union: bool = False

    def run(self, graph: KnowledgeGraph) -> bytes:
        return graph.dump(self.format, URIRef(self.name) if self.name else None, union=self.union)


@dataclass(frozen=True)
class StatsTask(Task):
    def run(self, graph: KnowledgeGraph) -> dict:
        return asdict(graph.stats())


@dataclass(frozen=True)
class CountsTask(Task):
    """Members of each collection, for the home page."""

    def run(self, graph: KnowledgeGraph) -> dict[str, int]:
        return graph.cached("home counts",
                            lambda: {name: len(graph.instances(cls)) for name, cls in COLLECTIONS.items()})


@dataclass(frozen=True)
class CollectionTask(Task):
    """One page of a collection, its total and its facets (the filters applied in the worker)."""

    name: str
    filters: dict[str, str | None] = field(default_factory=dict)
    offset: int = 0
    limit: int = 50

    def run(self, graph: KnowledgeGraph) -> dict:
        every = graph.cached(("collection", self.name), lambda: members(graph, COLLECTIONS[self.name]))
        items = matching(every, **self.filters)
        return {"items": items[self.offset:self.offset + self.limit], "count": len(items), "facets": facets(items)}


@dataclass(frozen=True)
class EntityTask(Task):
    """An entity by IRI, prefixed name, bare id, label or alias, with everything the graph holds about it."""

    name: str

    def run(self, graph: KnowledgeGraph) -> Entity:
        return describe(graph, self.name)


@dataclass(frozen=True)
class NeighborsTask(Task):
    """An entity's neighbourhood: (center, nodes, edges with the quotes behind them)."""

    name: str
    depth: int = 1

    def run(self, graph: KnowledgeGraph) -> tuple[str, list, list]:
        center = node_id(graph.resolve(self.name))
        ego = ego_network(projections(graph).entity, center, self.depth)
        nodes = [(n, d.get("label", n), d.get("cls", "")) for n, d in sorted(ego.nodes(data=True))]
        edges = [(a, b, d["predicate"], d["label"], d.get("quotes", []))
                 for a, b, d in sorted(ego.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"]))]
        return center, nodes, edges


@dataclass(frozen=True)
class PathsTask(Task):
    """How two entities connect: (start, end, paths, each hop with its statement and quotes)."""

    source: str
    target: str
    limit: int = 3

    def run(self, graph: KnowledgeGraph) -> tuple[str, str, list]:
        start, end = node_id(graph.resolve(self.source)), node_id(graph.resolve(self.target))
        return start, end, explanation_paths(projections(graph).entity, start, end, limit=self.limit)


@dataclass(frozen=True)
class LabelsTask(Task):
    def run(self, graph: KnowledgeGraph) -> list[str]:
        return labels(graph)


@dataclass(frozen=True)
class ReadingTask(Task):
    """For each quote taken from source ``name``, the statements and entities it supports (the source reader)."""

    name: str

    def run(self, graph: KnowledgeGraph) -> dict:
        rows = graph.query(
            """SELECT ?quote ?node ?label ?type ?by ?byLabel ?mode WHERE {
                 ?node dg:evidence ?evidence ; rdfs:label|dcterms:title ?label ; a ?type .
                 ?evidence oa:hasSource ?source ; oa:hasSelector/oa:exact ?quote .
                 FILTER(STRSTARTS(STR(?type), STR(dg:)))
                 OPTIONAL { ?node prov:wasAttributedTo|dg:describedBy ?by . ?by rdfs:label ?byLabel }
                 OPTIONAL { ?node dg:assertionMode/skos:prefLabel ?mode } }""",
            bindings={"source": DGS[self.name]})
        quotes: dict[str, dict[str, dict]] = {}
        for row in rows:
            node = quotes.setdefault(str(row.quote), {}).setdefault(str(row.node), {
                "iri": str(row.node), "label": str(row.label), "types": set(), "by": set(), "mode": None})
            node["types"].add(str(row.type).rsplit("#", 1)[-1])
            if row.byLabel is not None:
                node["by"].add(str(row.byLabel))
            if row.mode is not None:
                node["mode"] = str(row.mode)
        return {"name": self.name,
                "quotes": {quote: [{**n, "types": sorted(n["types"]), "by": sorted(n["by"])}
                                   for _, n in sorted(nodes.items())] for quote, nodes in quotes.items()}}


@dataclass(frozen=True)
class UpdateTask(Task):
    """Apply an (already checked and rewritten) update to this worker's copy; the overlay graph it leaves.

    The update can change the overlay graph only (``updates.overlay_update``), so the worker puts its overlay back
    as it was, whatever happened, and stays as good as its siblings; the server replaces its overlay with the
    answer, and every worker takes the new one with its next job.
    """

    text: str

    def run(self, graph: KnowledgeGraph) -> bytes:
        store = graph.store
        before = store.dump("ntriples", OVERLAY)  # type: ignore[attr-defined]
        try:
            store.update(self.text)  # type: ignore[attr-defined]
            overlay = store.dump("ntriples", OVERLAY)  # type: ignore[attr-defined]
            _refuse_control_characters(overlay)
            return overlay
        finally:
            store.replace_overlay(before, digest=False)  # type: ignore[attr-defined]


def _refuse_control_characters(ntriples: bytes) -> None:
    """An update may not leave a literal with a control character (tab and line ends aside): the data files may
    not hold one either, and no XML answer could carry it."""
    for triple in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
        value = triple.object
        found = CONTROL_CHARACTERS.search(value.value) if isinstance(value, ox.Literal) else None
        if found:
            raise QueryError(f"the update would store a literal with the control character U+{ord(found.group()):04X}"
                             "; nothing was changed")
