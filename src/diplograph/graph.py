"""The central object: one diplograph knowledge graph, loaded from files, queried, summarised, dumped."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.term import Node

from .errors import DataError, QueryError
from .load import Layout, Names, SourceFile, parse_files
from .namespaces import DG, PREFIXES, RDF, RDFS, SKOS
from .queries import CannedQuery, bind_values, load_queries

if TYPE_CHECKING:
    import pyoxigraph

    from .entities import Entity
from .sparql import parse_query
from .store import StoreSpec
from .validate import check

__all__ = ["KnowledgeGraph", "Stats"]

# Classes counted in the summary, each with its subclasses.
CORE_CLASSES = (
    DG.Actor, DG.Demand, DG.Territory, DG.Guarantee, DG.Proposal, DG.ProposalPoint,
    DG.Principle, DG.RedLine, DG.Position, DG.Claim, DG.Assessment, DG.Statement, DG.SourceDocument,
)


@dataclass(frozen=True)
class Stats:
    """Size of the graph: triples, named graphs, and entities per class."""

    triples: int
    graphs: dict[str, int]
    classes: dict[str, int]


class KnowledgeGraph:
    """The diplomacy graph: ontology + reference entities + one named graph per source document.

    Loading builds a new dataset and swaps it in only when every file parses
    and (by default) validates, so a failed load leaves the graph as it was.

    Examples
    --------
    >>> kg = KnowledgeGraph.open()
    >>> kg.stats().classes["dg:Demand"] >= 3
    True
    >>> bool(kg.query("ASK { dgr:putin a dg:Person }").askAnswer)
    True
    """

    def __init__(self, layout: Layout | None = None, store: StoreSpec | None = None):
        self.layout = layout or Layout.default()
        self.store = store or StoreSpec()
        self._dataset = Dataset(default_union=True)
        self._files: list[SourceFile] = []
        self._lock = threading.Lock()
        self._canned: dict[str, CannedQuery] | None = None
        self._names: Names | None = None
        self._native: pyoxigraph.Store | None = None
        self._terms: dict[tuple, dict[str, Node]] = {}

    @classmethod
    def open(cls, data: Path | str | None = None, ontology: Path | str | None = None, *,
             validate: bool = True, store: StoreSpec | None = None) -> KnowledgeGraph:
        """Load the graph from a data folder (default: the bundled one), or open a built store, and return it."""
        layout = Layout.of(Path(data) if data else None, Path(ontology) if ontology else None)
        graph = cls(layout, store)
        graph.load(validate=validate)
        return graph

    def load(self, *, validate: bool = True) -> None:
        """(Re)load every file of the layout — or, for a persistent store, open it (it was validated when built).

        Raises
        ------
        DataError
            listing each problem with its file and line; the previous graph stays in place.
        """
        if self.store.kind != "memory":
            self.reopen()
            return
        dataset, files = parse_files(self.layout)
        if validate:
            problems = check(self.layout, dataset, files)
            if problems:
                raise DataError(problems)
        with self._lock:
            self._dataset, self._files = _with_prefixes(dataset), files
            self.changed()

    def reopen(self) -> None:
        """Open a fresh handle on a persistent store (a forked worker must not share its parent's)."""
        if self.store.kind != "memory":
            dataset, native = self.store.connect()
            with self._lock:
                self._dataset, self._native = _with_prefixes(dataset), native
                self.changed()

    @property
    def dataset(self) -> Dataset:
        """The rdflib dataset; its default graph is the union of all named graphs."""
        return self._dataset

    def size(self) -> int:
        """The number of quads, counted by the store's engine where it has one (Oxigraph, a remote engine).

        >>> KnowledgeGraph.open().size() == KnowledgeGraph.open().stats().triples
        True
        """
        if self._native is not None:
            return len(self._native)
        if self.store.kind == "sparql":
            return len(self._dataset.store)
        return sum(1 for _ in self._dataset.quads((None, None, None, None)))

    def local_copy(self) -> KnowledgeGraph:
        """This graph held in memory, read from its store in one pass over the quads.

        For work that looks things up node by node, such as building the
        networkx projections: against a remote engine each look-up would be a
        round trip; one bulk read and local look-ups cost far less.
        """
        if self.store.kind == "memory":
            return self
        copy = KnowledgeGraph(self.layout)
        dataset = Dataset(default_union=True)
        for graph in self._dataset.graphs():  # graph by graph: engines cap the rows of one answer (Virtuoso)
            if isinstance(graph.identifier, URIRef) and graph.identifier != DATASET_DEFAULT_GRAPH_ID:
                target = dataset.graph(graph.identifier)
                for triple in graph:
                    target.add(triple)
        copy._dataset, copy._canned = _with_prefixes(dataset), self._canned
        return copy

    @property
    def native(self) -> pyoxigraph.Store | None:
        """The Oxigraph engine under the dataset, when the store is Oxigraph; queries may skip rdflib through it."""
        return self._native

    @property
    def files(self) -> list[SourceFile]:
        """The files the graph was loaded from."""
        return list(self._files)

    def query(self, sparql: str, *, bindings: dict[str, object] | None = None, check: bool = True) -> Result:
        """Run a SPARQL query over the union of all graphs, with the project's prefixes predeclared.

        With ``check=False`` a store with its own engine gets the text without
        rdflib parsing it first (for canned queries, whose text is known good).

        Raises
        ------
        QuerySyntaxError
            for malformed SPARQL, with line and column.
        """
        if self.store.takes_text:  # the store's own engine evaluates it; values go in as a VALUES block
            if check:
                parse_query(sparql)
            return self._dataset.query(bind_values(sparql, dict(bindings or {})), initNs=PREFIXES)
        return self._dataset.query(parse_query(sparql), initBindings=bindings or {})

    @property
    def names(self) -> Names:
        """Labels and aliases → entities, built once per load (name lookups are on request paths)."""
        if self._names is None:
            self._names = Names(self._dataset)
        return self._names

    def changed(self) -> None:
        """Forget what was derived from the dataset, after it was updated in place."""
        self._names = None
        self._terms = {}

    @property
    def canned(self) -> dict[str, CannedQuery]:
        """The canned queries of ``queries/``, by name."""
        if self._canned is None:
            self._canned = load_queries(self.layout.queries)
        return self._canned

    def canned_query(self, name: str) -> CannedQuery:
        """One canned query by name.

        Raises
        ------
        QueryError
            when there is no such query.
        """
        try:
            return self.canned[name]
        except KeyError:
            raise QueryError(f"no canned query named {name!r}; see `diplograph queries`") from None

    def run_canned(self, name: str, **params: str | Node | None) -> Result:
        """Run canned query ``name`` with typed parameters (strings are parsed by the declared type).

        >>> kg = KnowledgeGraph.open()
        >>> rows = kg.run_canned("cq04-military-limits", demander="dgr:russia")
        >>> sorted(str(row.capabilityLabel) for row in rows)
        ["Ukraine's army size", "Ukraine's long-range capabilities", "Ukraine's strategic weapons"]
        """
        query = self.canned_query(name)
        parse_query(query.text)  # the template, once (cached); bound values cannot change its structure
        text, bindings = self.prepare_canned(query, params)
        return self.query(text, bindings=bindings, check=False)

    def prepare_canned(self, query: CannedQuery, params: dict[str, str | Node | None]) -> tuple[str, dict[str, Node]]:
        """(text, pre-bound variables) to run a canned query on this graph's store.

        rdflib evaluates best with pre-bound variables; an engine of its own
        (Oxigraph) gets the values in a VALUES block of the text instead.
        """
        terms = self.parameter_terms(query, params)
        if self.store.takes_text:
            return query.bind(terms), {}
        return query.text, terms

    def parameter_terms(self, query: CannedQuery, params: dict[str, str | Node | None]) -> dict[str, Node]:
        """The query's parameter terms; a bare IRI value that is no entity id is looked up as a label or alias.

        So ``holder=Kyiv`` means ``dgr:ukraine``, as ``holder=ukraine`` does.
        Answers are remembered per graph version: the same parameters recur on request paths.
        """
        try:
            key = (query.name, query.text, frozenset(params.items()))
            return dict(self._terms[key])
        except TypeError:  # an unhashable value: work it out each time
            key = None
        except KeyError:
            pass
        terms = self._parameter_terms(query, params)
        if key is not None and len(self._terms) < 10_000:
            self._terms[key] = terms
        return dict(terms)

    def _parameter_terms(self, query: CannedQuery, params: dict[str, str | Node | None]) -> dict[str, Node]:
        from .entities import resolve

        values = dict(params)
        for parameter in query.parameters:
            value = values.get(parameter.name)
            if parameter.type == "IRI" and isinstance(value, str) and value:
                values[parameter.name] = resolve(self, value, what=f"parameter {parameter.name!r}")
        return query.terms(values)

    def label(self, node: URIRef) -> str:
        """A readable name for ``node``: its rdfs:label or skos:prefLabel, else its IRI's last segment."""
        for predicate in (RDFS.label, SKOS.prefLabel):
            value = self._dataset.value(node, predicate)
            if value is not None:
                return str(value)
        text = str(node)
        return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def stats(self) -> Stats:
        """Count triples, triples per named graph, and instances of the core classes (with subclasses)."""
        per_graph = Counter(str(g) for _, _, _, g in self._dataset.quads((None, None, None, None)))
        classes = {}
        for cls in CORE_CLASSES:
            result = self.query(
                "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c FILTER EXISTS { ?c rdfs:subClassOf* ?cls } }",
                bindings={"cls": cls},
            )
            classes["dg:" + cls.removeprefix(str(DG))] = int(next(iter(result))[0])
        return Stats(triples=sum(per_graph.values()), graphs=dict(sorted(per_graph.items())), classes=classes)

    def entity(self, name: str | URIRef) -> Entity:
        """Describe an entity given by IRI, prefixed name, bare id, label or alias (see ``entities.describe``).

        >>> kg = KnowledgeGraph.open()
        >>> finland = kg.entity("Finland")
        >>> [s.iri.rsplit("/", 1)[-1] for s in finland.statements]
        ['assessment-territorial-blackmail', 'principle-forced-concessions-legitimize-aggression']
        >>> finland.statements[1].evidence[0].quote
        'Peace achieved through forced concessions legitimizes aggression.'
        """
        from .entities import describe, resolve

        iri = name if isinstance(name, URIRef) else resolve(self, name)
        return describe(self, iri)

    def instances(self, cls: URIRef) -> list[URIRef]:
        """IRIs of every instance of ``cls`` or its subclasses, sorted."""
        rows = self.query("SELECT DISTINCT ?x WHERE { ?x a ?c FILTER(isIRI(?x)) "
                          "FILTER EXISTS { ?c rdfs:subClassOf* ?cls } }",
                          bindings={"cls": cls})
        return sorted(row[0] for row in rows)

    def types(self, node: URIRef) -> list[URIRef]:
        """The asserted classes of ``node``."""
        return sorted(self._dataset.objects(node, RDF.type))


def _with_prefixes(dataset: Dataset) -> Dataset:
    """``dataset`` with the project's prefixes bound, so that serialisations and query texts use them."""
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset
