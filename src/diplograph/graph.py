"""The central object: one diplograph knowledge graph, loaded from files or opened from a store, queried, summarised.

What is derived from the graph (the names index, parameter terms, the
networkx projections, statistics, page counts) lives in one place, the
current :class:`Snapshot`: loading or an update replaces the snapshot, and
with it everything derived, so nothing stale can be served.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pyoxigraph as ox
from rdflib import Dataset, URIRef
from rdflib.query import Result
from rdflib.term import Node

from .convert import plain_rows, triples_from_native
from .corpus import Progress, read_corpus, shared_key
from .errors import DataError, QueryError, UnknownEntityError, unknown
from .formats import finished
from .kept import open_kept
from .layout import ENTITIES_GRAPH, ONTOLOGY_GRAPH, Layout, StoreSpec
from .names import Names
from .namespaces import DCTERMS, DGS, RDF, RDFS, SKOS
from .queries import CannedQuery, load_queries
from .sheets import SourceFile
from .snapshot import Snapshot, Stats
from .store import Store, remote_auth
from .terms import short
from .world import World

if TYPE_CHECKING:
    from .settings import Settings

__all__ = ["KnowledgeGraph", "Snapshot", "Stats"]

T = TypeVar("T")
_EVERY_TRIPLE = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


class KnowledgeGraph:
    """The diplomacy graph: ontology + reference entities + one named graph per source document.

    Loading builds a new store and swaps it in only when every file parses
    and (by default) validates, so a failed load leaves the graph as it was.

    Examples
    --------
    >>> kg = KnowledgeGraph.open()
    >>> kg.stats().classes["dg:Demand"] >= 3
    True
    >>> bool(kg.query("ASK { dgr:putin a dg:Person }").askAnswer)
    True
    """

    def __init__(self, layout: Layout | None = None, spec: StoreSpec | None = None):
        self.layout = layout or Layout.default()
        self.spec = spec or StoreSpec()
        self._snapshot: Snapshot | None = None
        self._canned: dict[str, CannedQuery] | None = None

    @classmethod
    def open(cls, data: Path | str | None = None, ontology: Path | str | None = None, *,
             validate: bool = True, store: StoreSpec | None = None) -> KnowledgeGraph:
        """Load the graph from a data folder (default: the bundled one), or open a built store, and return it."""
        layout = Layout.of(Path(data) if data else None, Path(ontology) if ontology else None)
        graph = cls(layout, store)
        graph.load(validate=validate)
        return graph

    def world(self, names: list[URIRef], nquads: bytes = b"",
              extra: Iterable[tuple[Node, Node, Node]] = ()) -> World:
        """The named graphs ``names`` (or a document's graph as ``nquads``, not in the store) and ``extra`` triples
        with the ontology and reference entities: one document's world, for walks of many small look-ups done
        document by document (the audit). The shared part is indexed once and each world extends it."""
        shared = self.cached("reference world", lambda: World(self._triples([ONTOLOGY_GRAPH, ENTITIES_GRAPH])))
        given = triples_from_native(ox.parse(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)) if nquads else []
        return shared.extended([*self._triples(names), *given, *extra])

    def _triples(self, names: list[URIRef]) -> list[tuple[Node, Node, Node]]:
        return triples_from_native(self.store.run(_EVERY_TRIPLE, default_graphs=[str(n) for n in names])) \
            if names else []

    @classmethod
    def from_settings(cls, settings: Settings, *, validate: bool = True,
                      progress: Progress | None = None) -> KnowledgeGraph:
        """The graph that ``settings`` name (data folders, ontology, store); files served before as they are now
        are opened from the store kept of them (see ``kept``)."""
        layout = settings.layout()
        layout.check_folders()
        graph = cls(layout, settings.store_spec())
        graph.load(validate=validate, progress=progress, kept=True)
        return graph

    def load(self, *, validate: bool = True, progress: Progress | None = None, kept: bool = False) -> None:
        """(Re)load the data files into a new in-memory store — or open a built or remote store — and swap it in.

        Each document is parsed and checked once per content (see ``corpus``). With ``kept``, files served
        before as they are now are served from the store kept of them, read-only (see ``kept``). ``progress`` is
        told what is being done.

        Raises
        ------
        DataError
            listing each problem with its file and line; the previous graph stays in place.
        """
        from .engine import LocalStore

        if self.spec.kind == "oxigraph":
            assert self.spec.path is not None
            self.swap(LocalStore.on_disk(self.spec.path), [])
            return
        if self.spec.kind == "sparql":
            from .remote import RemoteSparql

            self.swap(RemoteSparql(str(self.spec.query_url), auth=remote_auth()), [])
            return
        if kept and validate and (found := open_kept(self.layout)) is not None:
            store, files, manifest = found
            self.swap(store, files, manifest.documents, manifest.shared)
            return
        corpus = read_corpus(self.layout, validate=validate, progress=progress)
        if corpus.problems:
            raise DataError(corpus.problems)
        nquads = [path for path, graph in self.layout.files() if graph is None]
        self.swap(LocalStore.in_memory(corpus.shared, nquads, list(corpus.nquads())), corpus.files,
                   corpus.keys, shared_key(self.layout, corpus.shared_key))

    def refresh(self, *, progress: Progress | None = None) -> list[str]:
        """Bring a graph loaded from files up to them, document by document; the names of the documents replaced
        (see ``refresh.refresh``).

        Raises
        ------
        DataError
            when the files do not validate; the store is not touched then.
        """
        from .refresh import refresh

        return refresh(self, progress)

    def swap(self, store: Store, files: list[SourceFile], documents: dict[str, str] | None = None,
             shared: str = "") -> None:
        """Serve ``store`` as the next generation (the files it holds, each document's content key)."""
        generation = self._snapshot.generation + 1 if self._snapshot else 0
        self._snapshot = Snapshot(store, files, generation, documents or {}, shared)

    def reopen(self) -> None:
        """A fresh store handle in a forked worker (a persistent store's handle must not cross a fork)."""
        self.store.reopen()

    def changed(self, *, keep_prepared: bool = False) -> None:
        """The store was updated in place: start a new snapshot on it, so that everything derived is recomputed —
        but what a builder prepared, with ``keep_prepared``: it keeps serving until the next build replaces it."""
        before = self.snapshot
        self.swap(self.store, before.files, before.documents, before.shared)
        if keep_prepared:
            self.snapshot.derived.update({key: before.derived[key] for key in before.prepared if key in before.derived})
            self.snapshot.prepared = before.prepared

    @property
    def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            raise QueryError("the graph is not loaded yet")
        return self._snapshot

    @property
    def store(self) -> Store:
        """The store the graph lives in (Oxigraph in memory or on disk, or a remote engine)."""
        return self.snapshot.store

    @property
    def dataset(self) -> Dataset:
        """An rdflib view of the store; its default graph is the union of all named graphs."""
        return self.store.dataset

    @property
    def files(self) -> list[SourceFile]:
        """The fact sheets the graph was loaded from (none for a built or remote store)."""
        return list(self.snapshot.files)

    def cached(self, key: object, compute: Callable[[], T]) -> T:
        """A value derived from the graph, computed once per snapshot."""
        return self.snapshot.cached(key, compute)

    def size(self) -> int:
        """The number of quads, counted by the engine.

        >>> KnowledgeGraph.open().size() == KnowledgeGraph.open().stats().triples
        True
        """
        return self.cached("size", self.store.size)

    def graphs(self) -> list[URIRef]:
        """The named graphs a FROM clause or the protocol may name."""
        return self.cached("graphs", self.store.graphs)

    def dump(self, format: str, graph: URIRef | None = None, *, union: bool = False) -> bytes:
        """One named graph, the union as one graph, or the whole dataset (trig, nquads), serialised.

        ``format`` is a name of ``results.GRAPH_FORMATS``.
        """
        return finished(self.store.dump(format, graph, union=union), format)

    def source_texts(self) -> dict[str, Path]:
        """The source documents' texts by name: the ``*.txt`` files in ``data/sources/``, registered at load.

        Requests read only these files; a path in the graph (``dg:textFile``,
        which an update could change) is never opened. A symlink that leads
        out of the folder is left out.
        """
        return self.cached("source texts", self.layout.source_texts)

    def local_copy(self) -> KnowledgeGraph:
        """This graph held in memory, read from its store in one pass, graph by graph.

        For work that looks things up node by node, such as building the
        networkx projections: against a remote engine each look-up would be a
        round trip; one bulk read and local look-ups cost far less.
        """
        from .engine import LocalStore

        if self.spec.kind != "sparql":
            return self
        quads = [(s, p, o, name) for name in self.graphs()  # graph by graph: engines cap the rows of one answer
                 for s, p, o in self.dataset.graph(name)]
        graph = KnowledgeGraph(self.layout)
        graph._canned = self._canned
        graph.swap(LocalStore.copy_of(quads), [])
        return graph

    def query(self, sparql: str, *, bindings: dict[str, Node] | None = None) -> Result:
        """Run a SPARQL query over the union of all graphs, with the project's prefixes predeclared.

        Raises
        ------
        QuerySyntaxError
            for malformed SPARQL, with line and column.
        """
        return self.store.query(sparql, bindings=bindings)

    @property
    def names(self) -> Names:
        """Labels and aliases → entities, built once per snapshot (name lookups are on request paths)."""
        return self.cached("names", lambda: Names.of_engine(self.store.run))

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
        UnknownEntityError
            when there is no such query (with the nearest name).
        """
        try:
            return self.canned[name]
        except KeyError:
            raise unknown("canned query", name, self.canned, "queries") from None

    def run_canned(self, name: str, **params: str | Node | None) -> Result:
        """Run canned query ``name`` with typed parameters (strings are parsed by the declared type).

        >>> kg = KnowledgeGraph.open()
        >>> rows = kg.run_canned("cq04-military-limits", demander="dgr:russia")
        >>> sorted(str(row.capabilityLabel) for row in rows)
        ["Ukraine's army size", "Ukraine's long-range capabilities", "Ukraine's strategic weapons"]
        """
        query = self.canned_query(name)
        return self.query(query.text, bindings=self.parameter_terms(query, params))

    def parameter_terms(self, query: CannedQuery, params: dict[str, str | Node | None]) -> dict[str, Node]:
        """The query's parameter terms; an entity may be named by IRI, prefixed name, bare id, label or alias.

        So ``holder=Kyiv`` means ``dgr:ukraine``, as ``holder=ukraine`` does.
        Answers are remembered per snapshot: the same parameters recur on request paths.

        Raises
        ------
        UnknownEntityError
            when an entity parameter names nothing in the graph (with the closest name).
        QueryParameterError
            for an unknown, missing or ill-typed parameter.
        """
        try:
            key = ("terms", query.name, query.text, frozenset(params.items()))
            hash(key)
        except TypeError:  # an unhashable value: work it out each time
            return self._parameter_terms(query, params)
        return dict(self.cached(key, lambda: self._parameter_terms(query, params)))

    def _parameter_terms(self, query: CannedQuery, params: dict[str, str | Node | None]) -> dict[str, Node]:
        values = dict(params)
        for parameter in query.parameters:
            value = values.get(parameter.name)
            if parameter.type == "IRI" and isinstance(value, str) and value:
                values[parameter.name] = self.resolve(value, what=f"parameter {parameter.name!r}")
        return query.terms(values)

    def resolve(self, name: str, *, what: str = "entity") -> URIRef:
        """The entity ``name`` refers to: an IRI, a prefixed name, a bare id, a label or an alias.

        Raises
        ------
        UnknownEntityError
            when nothing in the graph has that IRI, label or alias (with the closest name, if one is close).
        """
        from .queries import parse_term

        try:
            iri = parse_term(name, "IRI")
            if (iri, None, None) in self.dataset or (None, None, iri) in self.dataset:
                return iri  # type: ignore[return-value]
        except Exception:  # not IRI-shaped; try it as a name
            pass
        found = self.names.by_label.get(name.strip().casefold())
        if found is not None:
            return found
        close = self.names.closest_label(name.strip())
        hint = f"; did you mean {close!r}?" if close else ""
        subject = "no entity" if what == "entity" else f"{what}: no entity"
        raise UnknownEntityError(f"{subject} with IRI, label or alias {name!r}{hint}", suggestion=close,
                                 listing="entities")

    def source(self, name: str) -> str:
        """The registered name of the source document ``name`` refers to: its name, IRI, prefixed name or title.

        >>> KnowledgeGraph.open().source("dgs:2025-11-30-peace-talks-putin-conditions")
        '2025-11-30-peace-talks-putin-conditions'

        Raises
        ------
        UnknownEntityError
            when no registered source has that name, IRI or title (with the nearest name).
        """
        texts = self.source_texts()
        if name in texts:
            return name
        try:
            iri = str(self.resolve(name, what="source"))
        except UnknownEntityError:
            iri = ""
        if iri.startswith(str(DGS)) and iri[len(str(DGS)):] in texts:
            return iri[len(str(DGS)):]
        raise unknown("source document", name, texts, "sources")

    def label(self, node: URIRef) -> str:
        """A readable name for ``node``: its rdfs:label, skos:prefLabel or (a document) title, else its IRI's end."""
        for predicate in (RDFS.label, SKOS.prefLabel, DCTERMS.title):
            value = self.dataset.value(node, predicate)
            if value is not None:
                return str(value)
        text = str(node)
        return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def stats(self) -> Stats:
        """Count triples, triples per named graph, and instances of the core classes (with subclasses)."""
        return self.cached("stats", self._stats)

    def _stats(self) -> Stats:
        per_graph = {str(row[0]): int(row[1]) for row in self.query(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")}
        # every instance under each dg: class it belongs to, its classes' superclasses included, in one pass
        classes = {short(row.sup): int(row.n) for row in self.query(
            "SELECT ?sup (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c . ?c rdfs:subClassOf* ?sup . "
            "FILTER(STRSTARTS(STR(?sup), STR(dg:))) } GROUP BY ?sup")}
        classes = dict(sorted(classes.items()))
        # the total counts the runtime-update overlay (the store's default graph) too
        return Stats(triples=self.size(), graphs=dict(sorted(per_graph.items())), classes=classes)

    def instances(self, cls: URIRef) -> list[URIRef]:
        """IRIs of every instance of ``cls`` or its subclasses, sorted."""
        rows = self.store.run("SELECT DISTINCT ?x WHERE { ?c rdfs:subClassOf* ?cls . ?x a ?c FILTER(isIRI(?x)) }",
                              substitutions={"cls": cls})  # from the few subclasses to their instances: 5× faster
        return sorted(URIRef(node) for node, in plain_rows(rows))  # strings first: rdflib rows cost 5× more


    def types(self, node: URIRef) -> list[URIRef]:
        """The asserted classes of ``node``."""
        return sorted(self.dataset.objects(node, RDF.type))
