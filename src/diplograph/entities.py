"""One entity and everything around it: relations both ways, and the statements that mention it, with quotes."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import UnknownEntityError
from .evidence import Evidence, evidence_of
from .graph import KnowledgeGraph
from .namespaces import DG, PROV, RDF, RDFS, SKOS

__all__ = ["Entity", "Evidence", "Relation", "StatementRef", "describe", "resolve"]


@dataclass(frozen=True)
class Relation:
    """One triple seen from the entity: the property, the node at the other end, the graph that holds it."""

    predicate: URIRef
    predicate_label: str
    node: Node
    node_label: str
    graph: URIRef | None


@dataclass(frozen=True)
class StatementRef:
    """A statement (or described entity) that refers to the entity, with who asserts it and its quotes."""

    iri: URIRef
    label: str
    types: list[URIRef]
    via: URIRef
    asserted_by: list[URIRef]
    mode: URIRef | None
    evidence: list[Evidence]


@dataclass(frozen=True)
class Entity:
    """An entity as a reader wants it: names, kinds, relations, and where each claim about it comes from."""

    iri: URIRef
    label: str
    types: list[URIRef]
    aliases: list[str]
    outgoing: list[Relation] = field(default_factory=list)
    incoming: list[Relation] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    statements: list[StatementRef] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)
    """A readable name for every class, asserter, mode and property the page mentions (IRI → label)."""


def resolve(graph: KnowledgeGraph, name: str, *, what: str = "entity") -> URIRef:
    """The entity ``name`` refers to (see ``KnowledgeGraph.resolve``).

    >>> kg = KnowledgeGraph.open()
    >>> [resolve(kg, n).rsplit("/", 1)[-1] for n in ("Moscow", "dgr:ukraine", "kyiv", "Zelenskyy")]
    ['russia', 'ukraine', 'ukraine', 'zelenskyy']
    >>> resolve(kg, "Moskow")
    Traceback (most recent call last):
    ...
    diplograph.errors.UnknownEntityError: no entity with IRI, label or alias 'Moskow'; did you mean 'Moscow'?
    """
    return graph.resolve(name, what=what)


def describe(graph: KnowledgeGraph, name: str | URIRef) -> Entity:
    """Everything the graph holds about an entity given by IRI, prefixed name, bare id, label or alias.

    >>> kg = KnowledgeGraph.open()
    >>> finland = describe(kg, "Finland")
    >>> [s.iri.rsplit("/", 1)[-1] for s in finland.statements]
    ['assessment-territorial-blackmail', 'principle-forced-concessions-legitimize-aggression']
    >>> finland.statements[1].evidence[0].quote
    'Peace achieved through forced concessions legitimizes aggression.'

    Raises
    ------
    UnknownEntityError
        when nothing in the graph has that name (with the nearest one), or an IRI occurs in no triple.
    """
    iri = name if isinstance(name, URIRef) else graph.resolve(name)
    dataset = graph.dataset
    if (iri, None, None) not in dataset and (None, None, iri) not in dataset:
        raise UnknownEntityError(f"no entity <{iri}> in the graph")
    outgoing, incoming = [], []
    for _, predicate, obj, context in dataset.quads((iri, None, None, None)):
        if predicate in (DG.evidence, RDFS.label, SKOS.altLabel, RDF.type) or isinstance(obj, BNode):
            continue
        outgoing.append(Relation(predicate, graph.label(predicate), obj, _node_label(graph, obj), _name(context)))
    for subject, predicate, _, context in dataset.quads((None, None, iri, None)):
        if isinstance(subject, BNode):
            continue
        incoming.append(Relation(predicate, graph.label(predicate), subject, graph.label(subject), _name(context)))
    statements = {}
    # a statement may name the entity by several properties: its own (dg:) property says most, so it comes first
    for relation in sorted(incoming, key=lambda r: (not str(r.predicate).startswith(str(DG)), _relation_key(r))):
        subject = relation.node
        if subject not in statements and (subject, DG.evidence, None) in dataset:
            statements[subject] = _statement(graph, subject, relation.predicate)
    types = sorted(set(dataset.objects(iri, RDF.type)))
    mentioned = {*types, *(node for s in statements.values()
                            for node in (*s.types, *s.asserted_by, s.via, s.mode) if node is not None)}
    return Entity(
        iri=iri,
        label=graph.label(iri),
        types=types,
        aliases=sorted({str(a) for a in dataset.objects(iri, SKOS.altLabel)}),
        outgoing=sorted(set(outgoing), key=_relation_key),
        incoming=sorted(set(incoming), key=_relation_key),
        evidence=evidence_of(graph.dataset, iri),
        statements=sorted(statements.values(), key=lambda s: str(s.iri)),
        names={str(node): graph.label(node) for node in mentioned},
    )


def _statement(graph: KnowledgeGraph, iri: URIRef, via: URIRef) -> StatementRef:
    dataset = graph.dataset
    return StatementRef(
        iri=iri, label=graph.label(iri), types=sorted(set(dataset.objects(iri, RDF.type))), via=via,
        asserted_by=sorted({*dataset.objects(iri, PROV.wasAttributedTo), *dataset.objects(iri, DG.describedBy)}),
        mode=dataset.value(iri, DG.assertionMode), evidence=evidence_of(graph.dataset, iri))


def _node_label(graph: KnowledgeGraph, node: Node) -> str:
    return str(node) if isinstance(node, Literal) else graph.label(node)  # type: ignore[arg-type]


def _name(context: object) -> URIRef | None:
    identifier = getattr(context, "identifier", context)
    return identifier if isinstance(identifier, URIRef) else None


def _relation_key(relation: Relation) -> tuple[str, str]:
    return (str(relation.predicate), str(relation.node))
