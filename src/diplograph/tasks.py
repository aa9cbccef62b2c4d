"""The work behind the graph API's routes, run inside the query workers (bounded like any query).

A route names a task and its arguments; a worker runs it against its copy of
the graph and sends back the value (JSON-ready data, or bytes already written
in the asked format). So collections, entities, paths, analyses, exports,
dumps and statistics are bounded in time and memory by the worker that runs
them, and the server process never computes on a request's behalf. What a
task derives (the networkx projections, say) is kept by the worker for the
next task on the same graph snapshot — and the server has the costly part of
it built once per generation beforehand (:mod:`diplograph.derived`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict

from .graph import KnowledgeGraph

__all__ = ["TASKS", "projections", "run_task"]


def projections(graph: KnowledgeGraph):
    from .analysis.registry import Projections

    return graph.cached("projections", lambda: Projections(graph))


def analysis(graph: KnowledgeGraph, name: str, options: dict[str, str]) -> object:
    """An analysis's result, kept for the snapshot: the same question on the same graph has the same answer."""
    from .analysis.registry import run_analysis

    key = ("analysis", name, tuple(sorted(options.items())))
    return graph.cached(key, lambda: run_analysis(projections(graph), name, options))


def export(graph: KnowledgeGraph, format: str, selection: dict) -> bytes:
    from .export import Selection
    from .export import export as write

    return write(projections(graph), format, Selection(**selection))


def dump(graph: KnowledgeGraph, format: str, name: str | None = None, union: bool = False) -> bytes:
    from rdflib import URIRef

    return graph.dump(format, URIRef(name) if name else None, union=union)


def stats(graph: KnowledgeGraph) -> dict:
    return asdict(graph.stats())


def counts(graph: KnowledgeGraph) -> dict[str, int]:
    """Members of each collection, for the home page."""
    from .catalog import COLLECTIONS

    return graph.cached("home counts", lambda: {name: len(graph.instances(cls)) for name, cls in COLLECTIONS.items()})


def collection(graph: KnowledgeGraph, name: str, filters: dict, offset: int, limit: int) -> dict:
    """One page of a collection, its total and its facets (the filters applied in the worker)."""
    from .catalog import COLLECTIONS, facets, matching
    from .catalog import collection as members

    items = matching(graph.cached(("collection", name), lambda: members(graph, COLLECTIONS[name])), **filters)
    return {"items": items[offset:offset + limit], "count": len(items), "facets": facets(items)}


def entity(graph: KnowledgeGraph, name: str) -> object:
    from .entities import describe

    return describe(graph, graph.resolve(name))


def neighbors(graph: KnowledgeGraph, name: str, depth: int) -> tuple[str, list, list]:
    from .analysis.paths import ego_network
    from .project import node_id

    center = node_id(graph.resolve(name))
    ego = ego_network(projections(graph).entity, center, depth)
    nodes = [(n, d.get("label", n), d.get("cls", "")) for n, d in sorted(ego.nodes(data=True))]
    edges = [(a, b, d["predicate"], d["label"], d.get("quotes", []))
             for a, b, d in sorted(ego.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"]))]
    return center, nodes, edges


def paths(graph: KnowledgeGraph, source: str, target: str, limit: int) -> tuple[str, str, list]:
    from .analysis.paths import explanation_paths
    from .project import node_id

    start, end = node_id(graph.resolve(source)), node_id(graph.resolve(target))
    return start, end, explanation_paths(projections(graph).entity, start, end, limit=limit)


def labels(graph: KnowledgeGraph) -> list[str]:
    """Every entity label and alias as the graph spells them, for the forms' autocompletion."""
    return graph.cached("labels", lambda: sorted(set(graph.names.spellings[name] for name in graph.names.entities),
                                                 key=str.casefold))


def reading(graph: KnowledgeGraph, name: str) -> dict:
    """For each quote taken from source ``name``, the statements and entities it supports.

    For the source reader, which highlights each quote in the text and lists
    what it supports (type, who asserts it, how). The text itself is read by
    the server from the file registered at load (a worker opens no files).
    """
    from .namespaces import DGS

    rows = graph.query(
        """SELECT ?quote ?node ?label ?type ?by ?byLabel ?mode WHERE {
             ?node dg:evidence ?evidence ; rdfs:label|dcterms:title ?label ; a ?type .
             ?evidence oa:hasSource ?source ; oa:hasSelector/oa:exact ?quote .
             FILTER(STRSTARTS(STR(?type), STR(dg:)))
             OPTIONAL { ?node prov:wasAttributedTo|dg:describedBy ?by . ?by rdfs:label ?byLabel }
             OPTIONAL { ?node dg:assertionMode/skos:prefLabel ?mode } }""",
        bindings={"source": DGS[name]})
    quotes: dict[str, dict[str, dict]] = {}
    for row in rows:
        node = quotes.setdefault(str(row.quote), {}).setdefault(str(row.node), {
            "iri": str(row.node), "label": str(row.label), "types": set(), "by": set(), "mode": None})
        node["types"].add(str(row.type).rsplit("#", 1)[-1])
        if row.byLabel is not None:
            node["by"].add(str(row.byLabel))
        if row.mode is not None:
            node["mode"] = str(row.mode)
    return {"name": name,
            "quotes": {quote: [{**n, "types": sorted(n["types"]), "by": sorted(n["by"])}
                               for _, n in sorted(nodes.items())] for quote, nodes in quotes.items()}}


def update(graph: KnowledgeGraph, text: str) -> bytes:
    """Apply an (already checked and rewritten) update to this worker's copy; the overlay graph it leaves.

    The server replaces its overlay with the answer: the worker's copy is thrown away afterwards.
    """
    from .updates import OVERLAY

    graph.store.update(text)  # type: ignore[attr-defined]
    overlay = graph.store.dump("ntriples", OVERLAY)  # type: ignore[attr-defined]
    _refuse_control_characters(overlay)
    return overlay


def _refuse_control_characters(ntriples: bytes) -> None:
    """An update may not leave a literal with a control character (tab and line ends aside): the data files may
    not hold one either, and no XML answer could carry it."""
    import pyoxigraph as ox

    from .errors import QueryError
    from .extract import CONTROL_CHARACTERS

    for triple in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES):
        value = triple.object
        found = CONTROL_CHARACTERS.search(value.value) if isinstance(value, ox.Literal) else None
        if found:
            raise QueryError(f"the update would store a literal with the control character U+{ord(found.group()):04X}"
                             "; nothing was changed")


TASKS: dict[str, Callable[..., object]] = {
    "analysis": analysis, "export": export, "dump": dump, "stats": stats, "counts": counts,
    "collection": collection, "entity": entity, "neighbors": neighbors, "paths": paths, "update": update,
    "reading": reading, "labels": labels,
}
"""Every task a worker runs, by name."""


def run_task(graph: KnowledgeGraph, name: str, arguments: dict) -> object:
    """Run task ``name`` on ``graph`` (in the current process: a worker's)."""
    return TASKS[name](graph, **arguments)
