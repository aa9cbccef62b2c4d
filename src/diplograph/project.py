"""Projections from the RDF graph to networkx: the only place that converts. Analyses read only these."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
from rdflib import URIRef

from .convert import plain_rows
from .evidence import quotes_by_node
from .graph import KnowledgeGraph
from .layout import ENTITIES_GRAPH, ONTOLOGY_GRAPH
from .namespaces import DG, PROV, RDF, RDFS, SKOS
from .schema import read_schema
from .terms import short

__all__ = ["Reason", "entity_as_data", "entity_graph", "entity_of_data", "node_id", "stance_network"]

# Triples that are bookkeeping, not relations between things.
_SKIPPED = {RDF.type, RDFS.label, SKOS.altLabel, SKOS.definition, SKOS.exactMatch, DG.evidence,
            PROV.wasDerivedFrom, DG.assertionMode}


def node_id(iri: URIRef | str) -> str:
    """The node key used in every projection: the IRI in its short prefixed form (``dgr:russia``)."""
    return short(iri)  # a string or an IRI alike: no rdflib term made (a projection shortens ~90,000 IRIs)


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
    nodes = _Nodes(graph)
    labels: dict[str, str] = {}
    for s, p, o, name in plain_rows(graph.store.run(_EDGES)):
        if o.startswith(_DG) and o not in nodes.measures:  # a controlled value: keep it on the node
            nodes.graph.nodes[nodes.add(s)][nodes.key(p).split(":", 1)[1]] = nodes.key(o)
            continue
        source, target = nodes.add(s), nodes.add(o)
        statement = source if s in nodes.quotes else (target if o in nodes.quotes else None)
        if p not in labels:
            labels[p] = graph.label(URIRef(p))
        predicate = nodes.key(p)
        nodes.graph.add_edge(source, target, key=predicate, predicate=predicate, label=labels[p],
                             graph=nodes.key(name), statement=statement,
                             quotes=nodes.graph.nodes[statement]["quotes"] if statement else [],  # its node's list
                             editorial=name == _ENTITIES)  # reference data: memberships, parts of territories
    for a, b in plain_rows(graph.store.run("SELECT ?a ?b WHERE { ?a dg:incompatibleWith ?b }")):
        if a in nodes.measures and b in nodes.measures:
            nodes.graph.add_edge(nodes.add(a), nodes.add(b), key="dg:incompatibleWith",
                                 predicate="dg:incompatibleWith", label=graph.label(DG.incompatibleWith),
                                 graph=node_id(ONTOLOGY_GRAPH), statement=None, quotes=[], editorial=True)
    return nodes.graph


_DG, _ENTITIES = str(DG), str(ENTITIES_GRAPH)
_EDGES = f"""SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
  FILTER(isIRI(?s) && isIRI(?o) && ?g != <{ONTOLOGY_GRAPH}>
         && ?p NOT IN ({", ".join(f"<{p}>" for p in sorted(_SKIPPED))})) }}"""
"""Every relation between two named things outside the ontology: the entity graph's edges (and controlled values)."""


def entity_as_data(graph: nx.MultiDiGraph) -> dict:
    """The entity graph as JSON-ready data for the derived-data file, each repeated string written once.

    An edge is a row of indexes into ``strings`` (source, target, predicate, label, graph, statement; -1 for
    none) and its editorial flag; its quotes are its statement's, as :func:`entity_graph` makes them, and are
    taken from the statement's node again on reading. At 1,000 documents this keeps 277,000 edges' repeated
    labels, graph names and quotes out of the file and out of memory (the server read them as one string each)."""
    strings: dict[str, int] = {}

    def ref(text: str | None) -> int:
        return -1 if text is None else strings.setdefault(text, len(strings))

    edges: list[list] = []
    for source, target, key, data in graph.edges(keys=True, data=True):
        statement = data.get("statement")
        quotes = graph.nodes[statement].get("quotes", []) if statement in graph else []
        if set(data) == _EDGE_FIELDS and key == data["predicate"] and data["quotes"] == quotes \
                and isinstance(data["editorial"], bool):
            edges.append([ref(source), ref(target), ref(key), ref(data["label"]), ref(data["graph"]),
                          ref(statement), int(data["editorial"])])
        else:  # not as entity_graph makes edges: kept whole
            edges.append([ref(source), ref(target), ref(key), data])
    return {"nodes": [[node, attrs] for node, attrs in graph.nodes(data=True)], "strings": list(strings),
            "edges": edges}


def entity_of_data(data: dict) -> nx.MultiDiGraph:
    """The entity graph that :func:`entity_as_data` wrote (an edge's quotes are its statement node's own list)."""
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((node, attrs) for node, attrs in data["nodes"])
    strings, nodes = data["strings"], graph.nodes

    def at(index: int) -> str | None:
        return None if index < 0 else strings[index]

    for row in data["edges"]:
        source, target, key = strings[row[0]], strings[row[1]], strings[row[2]]
        if len(row) == 4:
            graph.add_edge(source, target, key=key, **row[3])
            continue
        statement = at(row[5])
        graph.add_edge(source, target, key=key, predicate=key, label=at(row[3]), graph=at(row[4]),
                       statement=statement, quotes=nodes[statement].get("quotes", []) if statement else [],
                       editorial=bool(row[6]))
    return graph


_EDGE_FIELDS = {"predicate", "label", "graph", "statement", "quotes", "editorial"}


class _Nodes:
    """The entity graph's nodes, each added once with what a reader of the projection needs to know of it.

    What a node shows (label, classes, quotes, asserters) is read for all nodes at once, as Oxigraph's own
    answers (strings, not rdflib terms): at a million quads, asking node by node took most of two minutes."""

    def __init__(self, graph: KnowledgeGraph):
        self.schema = read_schema(graph.layout.ontology)
        self.labels = dict(plain_rows(graph.store.run("SELECT ?s ?l WHERE { ?s skos:prefLabel ?l }")))  # a concept's
        self.labels |= dict(plain_rows(graph.store.run("SELECT ?s ?l WHERE { ?s rdfs:label ?l }")))  # … a thing's
        self.types: dict[str, list[str]] = defaultdict(list)
        for node, cls in plain_rows(graph.store.run(
                f'SELECT ?s ?t WHERE {{ ?s a ?t FILTER(isIRI(?s) && STRSTARTS(STR(?t), "{_DG}")) }}')):
            self.types[node].append(cls)
        self.asserters: dict[str, list[str]] = defaultdict(list)
        for node, actor in plain_rows(graph.store.run(
                "SELECT ?s ?a WHERE { VALUES ?p { prov:wasAttributedTo dg:describedBy } ?s ?p ?a }")):
            self.asserters[node].append(actor)
        self.quotes = quotes_by_node(graph)
        self.measures = {m for (m,) in plain_rows(graph.store.run("SELECT ?m WHERE { ?m skos:inScheme dg:Measures }"))}
        self.graph = nx.MultiDiGraph()
        self._keys: dict[str, str] = {}

    def key(self, iri: str) -> str:
        """``node_id`` of ``iri``, remembered (an IRI recurs in many edges)."""
        found = self._keys.get(iri)
        if found is None:
            found = self._keys[iri] = node_id(iri)
        return found

    def add(self, iri: str) -> str:
        """The node of ``iri``, added with its label, classes and (for a quoting node) its quotes and asserters."""
        key = self.key(iri)
        if key in self.graph:
            return key
        types = [self.key(t) for t in self.types.get(iri, ())]
        # the most specific of its classes: the one with the most classes above it
        cls = max(types, key=lambda t: (len(self.schema.classes_of(t)), t)) if types else \
            ("skos:Concept" if iri in self.measures else "")
        classes = sorted({c for t in types for c in self.schema.classes_of(t) if c.startswith("dg:")})
        attrs = {"iri": iri, "label": self.labels.get(iri, key), "cls": cls, "classes": classes,
                 "kind": "statement" if "dg:Statement" in classes else "entity"}
        if iri in self.quotes:
            attrs["quotes"] = sorted({q for _, q in self.quotes[iri]})
            attrs["sources"] = sorted({self.key(s) for s, _ in self.quotes[iri]})
            attrs["asserted_by"] = sorted(self.key(a) for a in self.asserters.get(iri, ()))
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
        self._quotes = quotes_by_node(graph)
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
            found |= {q for _, q in self._quotes.get(str(self._iris[key]), ())}
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
