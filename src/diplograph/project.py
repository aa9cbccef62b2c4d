"""Projections from the RDF graph to networkx: the only place that converts. Analyses read only these."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from rdflib import BNode, Literal, URIRef

from .evidence import quotes_by_node
from .graph import KnowledgeGraph
from .layout import ENTITIES_GRAPH, ONTOLOGY_GRAPH
from .namespaces import DG, PROV, RDF, RDFS, SKOS
from .schema import read_schema
from .terms import short

__all__ = ["Reason", "entity_graph", "node_id", "stance_network"]

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
    nodes = _Nodes(graph)
    for s, p, o, context in dataset.quads((None, None, None, None)):
        name = getattr(context, "identifier", context)
        if name == ONTOLOGY_GRAPH or p in _SKIPPED or isinstance(s, BNode) or not isinstance(s, URIRef):
            continue
        if isinstance(o, Literal | BNode):
            continue
        if str(o).startswith(str(DG)) and o not in nodes.measures:  # a controlled value: keep it on the node
            nodes.graph.nodes[nodes.add(s)][node_id(p).split(":", 1)[1]] = node_id(o)
            continue
        source, target = nodes.add(s), nodes.add(o)
        statement = s if s in nodes.quotes else (o if o in nodes.quotes else None)
        nodes.graph.add_edge(source, target, key=node_id(p), predicate=node_id(p), label=graph.label(p),
                             graph=node_id(name) if isinstance(name, URIRef) else None,
                             statement=node_id(statement) if statement is not None else None,
                             quotes=sorted({q for _, q in nodes.quotes.get(statement, ())}) if statement else [],
                             editorial=name == ENTITIES_GRAPH)  # reference data: memberships, parts of territories
    for a, b in dataset.subject_objects(DG.incompatibleWith):
        if a in nodes.measures and b in nodes.measures:
            nodes.graph.add_edge(nodes.add(a), nodes.add(b), key="dg:incompatibleWith",
                                 predicate="dg:incompatibleWith", label=graph.label(DG.incompatibleWith),
                                 graph=node_id(ONTOLOGY_GRAPH), statement=None, quotes=[], editorial=True)
    return nodes.graph


class _Nodes:
    """The entity graph's nodes, each added once with what a reader of the projection needs to know of it."""

    def __init__(self, graph: KnowledgeGraph):
        self.dataset = graph.dataset
        self.schema = read_schema(graph.layout.ontology)
        self.labels = {s: str(o) for s, o in self.dataset.subject_objects(SKOS.prefLabel)}  # a concept's name …
        self.labels |= {s: str(o) for s, o in self.dataset.subject_objects(RDFS.label)}  # … and a thing's first
        self.quotes = quotes_by_node(self.dataset)
        self.measures = set(self.dataset.subjects(SKOS.inScheme, DG.Measures))
        self.graph = nx.MultiDiGraph()

    def add(self, iri: URIRef) -> str:
        """The node of ``iri``, added with its label, classes and (for a quoting node) its quotes and asserters."""
        key = node_id(iri)
        if key in self.graph:
            return key
        types = [node_id(t) for t in self.dataset.objects(iri, RDF.type) if str(t).startswith(str(DG))]
        # the most specific of its classes: the one with the most classes above it
        cls = max(types, key=lambda t: (len(self.schema.classes_of(t)), t)) if types else \
            ("skos:Concept" if iri in self.measures else "")
        classes = sorted({c for t in types for c in self.schema.classes_of(t) if c.startswith("dg:")})
        attrs = {"iri": str(iri), "label": self.labels.get(iri, key), "cls": cls, "classes": classes,
                 "kind": "statement" if "dg:Statement" in classes else "entity"}
        if iri in self.quotes:
            attrs["quotes"] = sorted({q for _, q in self.quotes[iri]})
            attrs["sources"] = sorted({node_id(s) for s, _ in self.quotes[iri]})
            attrs["asserted_by"] = sorted(node_id(a) for p in (PROV.wasAttributedTo, DG.describedBy)
                                           for a in self.dataset.objects(iri, p))
        self.graph.add_node(key, **attrs)
        return key


# ---------------------------------------------------------------------------------------------- stance network

@dataclass(frozen=True)
class Reason:
    """Why two actors are linked in the stance network: the rule, the statements, and their words.

    ``statements`` are the statements of both sides (at most ``EXAMPLES`` of
    each, with their ``quotes``); ``support`` counts all of them. ``inferred``
    is False only for links a source states directly (an affiliation, a
    rejection of the other's demand, a legitimacy claim); links derived from
    the vocabulary's measures (shared aims, opposed aims) are inferred by
    their rule.
    """

    rule: str
    sign: int
    statements: tuple[str, ...]
    quotes: tuple[str, ...]
    measure: str | None = None
    inferred: bool = True
    support: int = 1


EXAMPLES = 3
"""Statements kept per side of a reason; the rest are counted in ``support``."""

STANCE_RULES = {
    "shared-aim": "both call for the same (or a skos:related) measure in a demand or principle",
    "shared-opposition": "both oppose the same measure: by rejecting it, or by holding a principle incompatible "
                         "with it (dg:incompatibleWith)",
    "opposed-aims": "one calls for a measure the other opposes",
    "rejects-demand": "one rejects a demand the other makes (a stated position)",
    "legitimacy": "one calls the other (or its leadership) illegitimate (a stated claim)",
    "affiliation": "one is a member, leader or part of the other (a stated affiliation, or reference data)",
}
"""The rules that derive signed links between actors, by name."""


def stance_network(graph: KnowledgeGraph) -> nx.Graph:
    """Actors linked + where they stand together and − where they stand against each other.

    Each edge has ``sign`` (+1/−1, the sign of the heavier side), ``weight``
    (statements supporting that sign), ``positive`` and ``negative`` weights,
    and ``reasons``: a list of :class:`Reason`, each naming its rule (see
    ``STANCE_RULES``), example statements and their quotes. Work grows with
    the number of actor pairs per measure, not statement pairs.

    Returns
    -------
    networkx.Graph
        nodes are actor keys (``dgr:ukraine``) with ``label`` and ``cls``.

    Examples
    --------
    >>> net = stance_network(KnowledgeGraph.open())
    >>> net.edges["dgr:russia", "dgr:ukraine"]["sign"]
    -1
    >>> sorted({r.rule for r in net.edges["dgr:russia", "dgr:ukraine"]["reasons"]})
    ['legitimacy', 'opposed-aims', 'rejects-demand']
    >>> net.edges["dgr:finland", "dgr:ukraine"]["sign"]
    1
    """
    facts = _StanceFacts(graph)
    reasons = _reasons(facts)
    network = nx.Graph()
    for (a, b), found in sorted(reasons.items()):
        unique = sorted(set(found), key=lambda r: (r.rule, r.statements, r.measure or ""))
        positive = sum(r.support for r in unique if r.sign > 0)
        negative = sum(r.support for r in unique if r.sign < 0)
        for node in (a, b):
            network.add_node(node, label=facts.label(node), cls=facts.cls(node))
        network.add_edge(a, b, sign=1 if positive > negative else -1, weight=max(positive, negative),
                         positive=positive, negative=negative, reasons=unique)
    return network


def _reasons(facts: _StanceFacts) -> dict[tuple[str, str], list[Reason]]:
    """Every reason two actors are linked, by pair, each by its rule (see ``STANCE_RULES``)."""
    reasons: dict[tuple[str, str], list[Reason]] = defaultdict(list)

    def link(rule: str, sign: int, a: str, a_statements: list[str], b: str, b_statements: list[str],
             measure: str | None = None, inferred: bool = True) -> None:
        if a == b:
            return
        examples = tuple(sorted(set(a_statements))[:EXAMPLES] + sorted(set(b_statements))[:EXAMPLES])
        reasons[tuple(sorted((a, b)))].append(Reason(  # type: ignore[index]
            rule, sign, examples, facts.quotes(*examples), measure, inferred,
            max(1, len(set(a_statements) | set(b_statements)))))

    aims, oppositions = facts.aims(), facts.oppositions()
    for measure, holders in aims.items():
        for a, b in _actor_pairs(holders):
            link("shared-aim", +1, a, holders[a], b, holders[b], measure)
        for related in facts.related(measure):
            if measure < related:
                for a, sa in holders.items():
                    for b, sb in aims.get(related, {}).items():
                        link("shared-aim", +1, a, sa, b, sb, f"{measure}~{related}")
        for b, sb in oppositions.get(measure, {}).items():
            for a, sa in holders.items():
                link("opposed-aims", -1, a, sa, b, sb, measure)
    for measure, opponents in oppositions.items():
        for a, b in _actor_pairs(opponents):
            link("shared-opposition", +1, a, opponents[a], b, opponents[b], measure)
    for rejecter, position, demander, demand in facts.rejected_demands():
        link("rejects-demand", -1, rejecter, [position], demander, [demand], inferred=False)
    for claimant, claim, subject in facts.illegitimacy():
        link("legitimacy", -1, claimant, [claim], subject, [], inferred=False)
    for member, statement, whole in facts.affiliations():
        link("affiliation", +1, member, [statement] if statement else [], whole, [], inferred=statement is None)
    return reasons


def _actor_pairs(by_actor: dict[str, list[str]]):
    actors = sorted(by_actor)
    for i, first in enumerate(actors):
        for second in actors[i + 1:]:
            yield first, second


class _StanceFacts:
    """The statements the stance rules read, fetched once with SPARQL."""

    def __init__(self, graph: KnowledgeGraph):
        self.graph = graph
        self._quotes = quotes_by_node(graph.dataset)
        self._iris: dict[str, URIRef] = {}

    def _key(self, iri: URIRef) -> str:
        key = node_id(iri)
        self._iris[key] = iri
        return key

    def _rows(self, query: str) -> list[tuple[str, ...]]:
        return [tuple(self._key(v) if isinstance(v, URIRef) else str(v) for v in row)
                for row in self.graph.query(query)]

    def label(self, key: str) -> str:
        return self.graph.label(self._iris[key])

    def cls(self, key: str) -> str:
        iri = self._iris[key]
        schema = read_schema(self.graph.layout.ontology)
        types = [node_id(t) for t in self.graph.dataset.objects(iri, RDF.type) if str(t).startswith(str(DG))]
        return max(types, key=lambda t: (len(schema.classes_of(t)), t)) if types else ""

    def quotes(self, *statements: str) -> tuple[str, ...]:
        found = set()
        for key in statements:
            found |= {q for _, q in self._quotes.get(self._iris[key], ())}
        return tuple(sorted(found))

    def aims(self) -> dict[str, dict[str, list[str]]]:
        rows = self._rows("""SELECT ?measure ?actor ?statement WHERE {
            { ?statement a dg:Demand ; dg:demandedBy ?actor ; dg:callsFor ?measure }
            UNION { ?statement a ?cls ; dg:heldBy ?actor ; dg:callsFor ?measure
                    FILTER EXISTS { ?cls rdfs:subClassOf* dg:Principle } }
        }""")
        return _group(rows)

    def oppositions(self) -> dict[str, dict[str, list[str]]]:
        rows = self._rows("""SELECT ?measure ?actor ?statement WHERE {
            { ?statement a ?cls ; dg:heldBy ?actor ; dg:callsFor ?aim .
              FILTER EXISTS { ?cls rdfs:subClassOf* dg:Principle }
              ?aim dg:incompatibleWith|^dg:incompatibleWith ?measure }
            UNION { ?statement a dg:Position ; dg:stance dg:Rejects ; dg:holder ?actor ; dg:towards ?target .
                    ?target skos:inScheme dg:Measures . BIND(?target AS ?measure) }
        }""")
        return _group(rows)

    def related(self, measure: str) -> list[str]:
        iri = self._iris[measure]
        return sorted({node_id(o) for o in self.graph.dataset.objects(iri, SKOS.related)} |
                      {node_id(s) for s in self.graph.dataset.subjects(SKOS.related, iri)})

    def rejected_demands(self) -> list[tuple[str, ...]]:
        # dg:stance and dg:demandedBy imply the classes; type patterns here make rdflib's join order explode
        return self._rows("""SELECT ?rejecter ?position ?demander ?demand WHERE {
            ?position dg:stance dg:Rejects . ?position dg:towards ?demand . ?demand dg:demandedBy ?demander .
            ?position dg:holder ?rejecter }""")

    def illegitimacy(self) -> list[tuple[str, ...]]:
        """(claimant, claim, subject) for each actor called illegitimate, and for the whole it is part of."""
        rows = self._rows("""SELECT ?claimant ?claim ?about ?whole WHERE {
            ?claim a dg:LegitimacyClaim ; dg:legitimacyVerdict dg:Illegitimate ;
                   prov:wasAttributedTo ?claimant ; dg:about ?about .
            OPTIONAL { ?about dg:partOf ?whole } }""")
        found = set()
        for claimant, claim, about, whole in rows:
            found.add((claimant, claim, about))
            if whole != "None":
                found.add((claimant, claim, whole))
        return sorted(found)

    def affiliations(self) -> list[tuple[str, str | None, str]]:
        stated = self._rows("""SELECT ?member ?statement ?whole WHERE {
            ?statement a dg:Affiliation ; dg:member ?member ; dg:affiliatedWith ?whole }""")
        reference = [(m, None, w) for m, w in self._rows("""SELECT ?member ?whole WHERE {
            ?member a ?cls ; dg:partOf ?whole FILTER EXISTS { ?cls rdfs:subClassOf* dg:Actor } }""")]
        return stated + reference  # type: ignore[return-value]


def _group(rows: list[tuple[str, ...]]) -> dict[str, dict[str, list[str]]]:
    """measure → actor → the actor's statements about it."""
    grouped: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for measure, actor, statement in rows:
        grouped[measure][actor].add(statement)
    return {m: {a: sorted(st) for a, st in actors.items()} for m, actors in grouped.items()}
