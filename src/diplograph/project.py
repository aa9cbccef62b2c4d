"""Projections from the RDF graph to networkx: the only place that converts. Analyses read only these."""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import BNode, Literal, URIRef

from .graph import KnowledgeGraph
from .load import ONTOLOGY_GRAPH
from .namespaces import DG, OA, PROV, RDF, RDFS, SKOS
from .results import short

__all__ = ["entity_graph", "node_id"]

# Triples that are bookkeeping, not relations between things.
_SKIPPED = {RDF.type, RDFS.label, SKOS.altLabel, SKOS.definition, SKOS.exactMatch, DG.evidence,
            PROV.wasDerivedFrom, DG.assertionMode}


def node_id(iri: URIRef | str) -> str:
    """The node key used in every projection: the IRI in its short prefixed form (``dgr:russia``)."""
    return short(URIRef(iri))


def entity_graph(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """Every entity and statement as a node, every relation between them as an edge.

    Nodes carry ``iri``, ``label``, ``cls`` (their dg: class), ``kind``
    ("statement" or "entity"), and for statements and described entities
    ``quotes``, ``sources`` and ``asserted_by``. Measures (what demands and
    principles call for) are nodes, linked by the vocabulary's editorial
    ``dg:incompatibleWith`` edges (marked ``editorial=True``); other
    controlled values (stances, modes, statuses) are node attributes named
    after the property (``stance: "dg:Rejects"``), so that they do not become
    hubs. Edges carry ``predicate``, ``label``, ``graph``, and, when one end
    is a statement, ``statement`` and its ``quotes``: the words behind the
    edge.

    Returns
    -------
    networkx.MultiDiGraph

    Examples
    --------
    >>> g = entity_graph(KnowledgeGraph.open())
    >>> g.nodes["dgr:russia"]["cls"]
    'dg:State'
    >>> g.nodes["dgr:position-ukraine-refuses-putin-conditions"]["stance"]
    'dg:Rejects'
    >>> sorted(d["predicate"] for _, _, d in g.in_edges("dgr:demand-limit-ukrainian-military", data=True))
    ['dg:about']
    >>> sorted(v for _, v, d in g.out_edges("dgr:demand-limit-ukrainian-military", data=True)
    ...        if d["predicate"] == "dg:demandedOf")
    ['dgr:ukraine']
    """
    dataset = graph.dataset
    statement_classes = {c for c in _subclasses(graph, DG.Statement)}
    labels = {s: str(o) for s, o in dataset.subject_objects(RDFS.label)}
    quotes = _quotes(graph)
    measures = set(dataset.subjects(SKOS.inScheme, DG.Measures))
    result = nx.MultiDiGraph()

    def add_node(iri: URIRef) -> str:
        key = node_id(iri)
        if key not in result:
            types = [t for t in dataset.objects(iri, RDF.type) if str(t).startswith(str(DG))]
            cls = node_id(types[0]) if types else ("skos:Concept" if iri in measures else "")
            attrs = {"iri": str(iri), "label": labels.get(iri, key), "cls": cls,
                     "kind": "statement" if set(types) & statement_classes else "entity"}
            if iri in quotes:
                attrs["quotes"] = sorted({q for _, q in quotes[iri]})
                attrs["sources"] = sorted({node_id(s) for s, _ in quotes[iri]})
                attrs["asserted_by"] = sorted(node_id(a) for a in dataset.objects(iri, PROV.wasAttributedTo))
            result.add_node(key, **attrs)
        return key

    for s, p, o, context in dataset.quads((None, None, None, None)):
        name = getattr(context, "identifier", context)
        if name == ONTOLOGY_GRAPH or p in _SKIPPED or isinstance(s, BNode) or not isinstance(s, URIRef):
            continue
        if isinstance(o, Literal | BNode):
            continue
        if str(o).startswith(str(DG)) and o not in measures:  # a controlled value: keep it on the node
            result.nodes[add_node(s)][node_id(p).split(":", 1)[1]] = node_id(o)
            continue
        source, target = add_node(s), add_node(o)
        statement = s if s in quotes else (o if o in quotes else None)
        result.add_edge(source, target, key=node_id(p), predicate=node_id(p), label=graph.label(p),
                        graph=node_id(name) if isinstance(name, URIRef) else None,
                        statement=node_id(statement) if statement is not None else None,
                        quotes=sorted({q for _, q in quotes.get(statement, ())}) if statement is not None else [])
    for a, b in dataset.subject_objects(DG.incompatibleWith):
        if a in measures and b in measures:
            result.add_edge(add_node(a), add_node(b), key="dg:incompatibleWith", predicate="dg:incompatibleWith",
                            label=graph.label(DG.incompatibleWith), graph=node_id(ONTOLOGY_GRAPH),
                            statement=None, quotes=[], editorial=True)
    return result


def _quotes(graph: KnowledgeGraph) -> dict[URIRef, set[tuple[URIRef, str]]]:
    dataset = graph.dataset
    found: dict[URIRef, set[tuple[URIRef, str]]] = defaultdict(set)
    for subject, evidence in dataset.subject_objects(DG.evidence):
        source = dataset.value(evidence, OA.hasSource)
        for selector in dataset.objects(evidence, OA.hasSelector):
            exact = dataset.value(selector, OA.exact)
            if isinstance(subject, URIRef) and exact is not None:
                found[subject].add((source, str(exact)))
    return found


def _subclasses(graph: KnowledgeGraph, cls: URIRef) -> set[URIRef]:
    return {row[0] for row in graph.query("SELECT ?c WHERE { ?c rdfs:subClassOf* ?cls }", bindings={"cls": cls})}
