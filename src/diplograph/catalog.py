"""Typed collections of the graph (actors, demands, territories …) with filters and facets, for browsing."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import URIRef

from .graph import KnowledgeGraph
from .namespaces import DG, DGS, PROV, RDF, SKOS
from .terms import expand, short

__all__ = ["COLLECTIONS", "Item", "collection", "facets", "matching"]

COLLECTIONS: dict[str, URIRef] = {
    "actors": DG.Actor, "demands": DG.Demand, "territories": DG.Territory, "guarantees": DG.Guarantee,
    "proposals": DG.Proposal, "points": DG.ProposalPoint, "principles": DG.Principle, "positions": DG.Position,
    "claims": DG.Claim, "statements": DG.Statement, "processes": DG.Process, "events": DG.Event,
    "sources": DG.SourceDocument,
}
"""URL name of each collection → its class (instances of subclasses included)."""


@dataclass(frozen=True)
class Item:
    """One member of a collection, with what browsing needs: names, kinds, sources, who asserts it."""

    iri: str
    label: str
    types: tuple[str, ...]
    aliases: tuple[str, ...]
    sources: tuple[str, ...]
    asserted_by: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


def collection(graph: KnowledgeGraph, cls: URIRef) -> list[Item]:
    """Every instance of ``cls`` (with subclasses), sorted by label.

    Examples
    --------
    >>> kg = KnowledgeGraph.open()
    >>> [i.label for i in collection(kg, DG.Guarantee)][:2]
    ['Alternative defense frameworks', 'Binding long-term security guarantees']
    """
    dataset = graph.dataset
    items = []
    for iri in graph.instances(cls):
        graphs = {getattr(c, "identifier", c) for _, _, _, c in dataset.quads((iri, None, None, None))}
        graphs |= {getattr(c, "identifier", c) for _, _, _, c in dataset.quads((None, None, iri, None))}
        sources = sorted(short(g) for g in graphs if str(g).startswith(str(DGS)))
        items.append(Item(
            iri=str(iri), label=graph.label(iri),
            types=tuple(sorted(short(t) for t in dataset.objects(iri, RDF.type))),
            aliases=tuple(sorted(str(a) for a in dataset.objects(iri, SKOS.altLabel))),
            sources=tuple(sources),
            asserted_by=tuple(sorted(short(a) for p in (PROV.wasAttributedTo, DG.describedBy)
                                     for a in dataset.objects(iri, p)))))
    return sorted(items, key=lambda i: (i.label.casefold(), i.iri))


def matching(items: list[Item], *, q: str | None = None, source: str | None = None, kind: str | None = None,
             asserted_by: str | None = None) -> list[Item]:
    """Items whose label or alias contains ``q``, cited from ``source``, of class ``kind``, asserted by someone."""
    def wanted(item: Item) -> bool:
        if q and not any(q.casefold() in name.casefold() for name in (item.label, *item.aliases)):
            return False
        if source and _short(source, "dgs") not in item.sources:
            return False
        if kind and _short(kind, "dg") not in item.types:
            return False
        return not (asserted_by and _short(asserted_by, "dgr") not in item.asserted_by)
    return [item for item in items if wanted(item)]


def facets(items: list[Item]) -> dict[str, dict[str, int]]:
    """Counts by class, by source document and by asserting actor."""
    return {
        "class": dict(sorted(Counter(t for i in items for t in i.types).items())),
        "source": dict(sorted(Counter(s for i in items for s in i.sources).items())),
        "asserted_by": dict(sorted(Counter(a for i in items for a in i.asserted_by).items())),
    }


def _short(value: str, default_prefix: str) -> str:
    """Accept a full IRI, a prefixed name, or a bare name in the filter's usual namespace (``State`` → ``dg:State``)."""
    return short(expand(value, default_prefix))
