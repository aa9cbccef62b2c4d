"""The one walk from a fact to its words: ``dg:evidence`` → ``oa:hasSource`` and ``oa:hasSelector`` → ``oa:exact``.

Every view that shows, checks or compares what a fact quotes — entity pages,
projections, coverage, the audit, drafting, the reader — asks here, so what
counts as a fact's quote (a Web Annotation text-quote selector, with its
optional prefix and suffix) is decided once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rdflib import Dataset, URIRef
from rdflib.term import Node

from .convert import plain_rows
from .graph import KnowledgeGraph
from .namespaces import DG, OA, RDF

__all__ = ["Evidence", "Quote", "evidence_of", "quotes_by_node", "quotes_from"]


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote and the source document it comes from."""

    source: URIRef
    quote: str


@dataclass(frozen=True)
class Quote:
    """A text-quote selector as written: the exact words, and the words just before and after if it gives them."""

    exact: str
    prefix: str = ""
    suffix: str = ""


def evidence_of(dataset: Dataset, node: Node) -> list[Evidence]:
    """Every (source, quote) that ``node`` cites, sorted.

    >>> from diplograph import KnowledgeGraph
    >>> from diplograph.namespaces import DGR
    >>> evidence_of(KnowledgeGraph.open().dataset, DGR["position-ukraine-refuses-putin-conditions"])[0].quote
    'Ukraine refuses.'
    """
    found = set()
    for evidence in dataset.objects(node, DG.evidence):
        source = dataset.value(evidence, OA.hasSource)
        for selector in dataset.objects(evidence, OA.hasSelector):
            exact = dataset.value(selector, OA.exact)
            if isinstance(source, URIRef) and exact is not None:
                found.add(Evidence(source, str(exact)))
    return sorted(found, key=lambda e: (str(e.source), e.quote))


def quotes_by_node(graph: KnowledgeGraph) -> dict[str, set[tuple[str, str]]]:
    """Every quoting node's (source, quote) pairs, by IRI: one query over the graph's evidence, read as the
    engine's own answers (strings), and kept for the generation (the projections all ask).

    >>> quotes = quotes_by_node(KnowledgeGraph.open())
    >>> sorted(quotes["https://w3id.org/diplograph/id/position-ukraine-refuses-putin-conditions"])[0][1]
    'Ukraine refuses.'
    """
    def compute() -> dict[str, set[tuple[str, str]]]:
        found: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for node, source, exact in plain_rows(graph.store.run(_QUOTES)):
            found[node].add((source, exact))
        return dict(found)

    return graph.cached("quotes by node", compute)


_QUOTES = """SELECT ?node ?source ?exact WHERE {
  ?node dg:evidence ?evidence . ?evidence oa:hasSource ?source ; oa:hasSelector/oa:exact ?exact
  FILTER(isIRI(?node) && isIRI(?source)) }"""


def quotes_from(dataset: Dataset, source: URIRef) -> list[Quote]:
    """Every text-quote selector that cites ``source``, with its prefix and suffix."""
    found = []
    for evidence in dataset.subjects(OA.hasSource, source):
        for selector in dataset.objects(evidence, OA.hasSelector):
            if (selector, RDF.type, OA.TextQuoteSelector) not in dataset:
                continue
            found.append(Quote(str(dataset.value(selector, OA.exact) or ""),
                               str(dataset.value(selector, OA.prefix) or ""),
                               str(dataset.value(selector, OA.suffix) or "")))
    return found
