"""The query engine of every local store: Oxigraph, in memory (built from the files at start) or on disk.

Both are one ``pyoxigraph.Store`` behind one class, :class:`LocalStore`; only
how it is opened differs. The data files' graphs are named graphs (as is the
runtime-update overlay, see ``updates``), and queries see the union of all
(``use_default_graph_as_union``) unless a FROM clause or the protocol names
their dataset. Parameters are bound by a VALUES block that the
tokenizer places at the head of the WHERE group (see ``run`` for why not the
engine's substitutions). For the Python API, answers
become rdflib terms here; on the request path they stay Oxigraph's until the
worker writes them as bytes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, URIRef
from rdflib.query import Result
from rdflib.term import Node

from .convert import to_native, to_result
from .errors import DiplographError, QuerySyntaxError
from .formats import GRAPH_FORMATS
from .namespaces import PREFIXES
from .nquads import load_nquads, load_parts
from .sparql import inspect, with_values
from .updates import OVERLAY

__all__ = ["BASE_IRI", "LocalStore", "syntax_error"]

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
BASE_IRI = "https://w3id.org/diplograph/"
"""The service-defined base IRI against which relative IRIs in queries and updates resolve."""


class LocalStore:
    """A ``pyoxigraph.Store`` with diplograph's conventions: union default graph, prefixes, bound parameters.

    Examples
    --------
    >>> store = LocalStore.in_memory(Dataset(), [])
    >>> store.update('INSERT DATA { <urn:a> <urn:p> "x" }')
    >>> [str(row[0]) for row in store.query("SELECT ?o WHERE { <urn:a> ?p ?o }")]
    ['x']
    """

    def __init__(self, native: ox.Store, path: Path | None = None):
        self.native = native
        self.path = path
        self.dataset = _rdflib_view(native)

    @classmethod
    def in_memory(cls, dataset: Dataset, nquads: Sequence[Path], documents: Sequence[bytes] = ()) -> LocalStore:
        """A new in-memory store with ``dataset`` (parsed files), ``documents`` (graphs as N-Quads texts) and
        N-Quads files, bulk-loaded."""
        native = ox.Store()
        native.bulk_load(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
        load_parts(native, documents)
        for path in nquads:
            load_nquads(native, path)
        return cls(native)

    @classmethod
    def copy_of(cls, quads) -> LocalStore:
        """A new in-memory store holding rdflib quads (s, p, o, graph name) read from another store.

        Blank nodes are given labels of Oxigraph's own (a remote engine may
        name them in ways N-Quads cannot write, such as Virtuoso's ``nodeID://…``).
        """
        native = ox.Store()
        labels: dict[str, ox.BlankNode] = {}

        def term(node):
            if isinstance(node, BNode):
                return labels.setdefault(str(node), ox.BlankNode())
            return to_native(node)

        native.extend(ox.Quad(term(s), term(p), term(o), ox.NamedNode(str(g))) for s, p, o, g in quads)
        return cls(native)

    @classmethod
    def on_disk(cls, path: Path) -> LocalStore:
        """The persistent store at ``path``, read-only (``diplograph load`` built it)."""
        return cls(_open_read_only(path), path)

    def reopen(self) -> None:
        """A fresh handle for a forked worker (RocksDB handles must not cross a fork); in memory, nothing to do."""
        if self.path is not None:
            self.native = _open_read_only(self.path)
            self.dataset = _rdflib_view(self.native)

    @property
    def writable(self) -> bool:
        """In memory, runtime updates may go to the overlay; a store on disk is opened read-only."""
        return self.path is None

    def size(self) -> int:
        return len(self.native)

    def graphs(self) -> list[URIRef]:
        """The named graphs: one per document, plus the ontology and the reference entities."""
        return sorted(URIRef(g.value) for g in self.native.named_graphs() if isinstance(g, ox.NamedNode))

    def run(self, text: str, *, substitutions: dict[str, Node] | None = None,
            default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = (),
            clauses: Sequence[tuple[str, str]] = ()):
        """Evaluate ``text`` on the engine; Oxigraph's own result (solutions, boolean or triples).

        ``substitutions`` bind variables to terms, as a VALUES block: the same
        way every store gets them (a remote engine has no other).

        The dataset: the protocol's graphs when given, else the query's FROM /
        FROM NAMED clauses, else the union of every graph. A graph the store
        does not hold is an empty graph: nothing is ever fetched.

        Raises
        ------
        QuerySyntaxError
            with Oxigraph's line and column.
        """
        options: dict[str, object] = {"prefixes": _PREFIXES, "base_iri": BASE_IRI}
        if substitutions:
            # A VALUES block at the head of the WHERE group, placed by the tokenizer, rather than Oxigraph's
            # substitutions: those filter the answers after evaluation instead of joining on the bound value, and
            # at a million quads a per-actor canned query took 5-21 s that way against 9-63 ms with VALUES.
            text = with_values(text, {name: term.n3() for name, term in substitutions.items()})
        if default_graphs or named_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in default_graphs] or ox.DefaultGraph()
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        elif clauses:  # FROM in the text: Oxigraph ignores it under the union option, so it is passed on here
            options["default_graph"] = [ox.NamedNode(i) for k, i in clauses if k == "FROM"] or ox.DefaultGraph()
            options["named_graphs"] = [ox.NamedNode(i) for k, i in clauses if k == "FROM NAMED"]
        else:
            options["use_default_graph_as_union"] = True
        try:
            return self.native.query(text, **options)
        except SyntaxError as error:
            raise syntax_error(error, text) from None

    def query(self, text: str, *, bindings: dict[str, Node] | None = None) -> Result:
        """Evaluate ``text`` and return an rdflib ``Result`` (for the Python API)."""
        return to_result(self.run(text, substitutions=bindings, clauses=inspect(text).dataset))

    def update(self, text: str) -> None:
        """Apply an update to the in-memory store (the service checks and rewrites it first)."""
        try:
            self.native.update(text, prefixes=_PREFIXES, base_iri=BASE_IRI)
        except SyntaxError as error:
            raise syntax_error(error, text, update=True) from None

    def replace_overlay(self, ntriples: bytes, *, digest: bool = True) -> None:
        """The runtime-update overlay replaced by ``ntriples`` (what a worker's update left), in one transaction.

        ``digest`` False puts an overlay back as it was without renaming the data (a worker undoing its update)."""
        overlay = ox.NamedNode(str(OVERLAY))
        quads = [ox.Quad(t.subject, t.predicate, t.object, overlay)
                 for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)]
        if self.native.contains_named_graph(overlay):
            self.native.remove_graph(overlay)
        self.native.extend(quads)
        if digest:
            self._overlay = hashlib.sha256(ntriples).hexdigest()

    def replace_graphs(self, names: Sequence[str], parts: Sequence[bytes]) -> None:
        """The named graphs ``names`` removed, and ``parts`` (graphs as N-Quads texts) loaded: a document changed."""
        for name in names:
            graph = ox.NamedNode(name)
            if self.native.contains_named_graph(graph):
                self.native.remove_graph(graph)
        load_parts(self.native, parts)

    def overlay_digest(self) -> str:
        """A digest of the overlay's contents as last replaced ("" before any update): part of the data's name."""
        return getattr(self, "_overlay", "")

    def dump(self, format: str, graph: URIRef | None = None, *, union: bool = False) -> bytes:
        """One graph, the union of all as one graph, or the whole dataset, written by the engine.

        ``format`` is a name of ``results.GRAPH_FORMATS`` (a dataset needs trig or nquads).
        """
        writer = GRAPH_FORMATS[format].native
        if graph is not None:
            return self.native.dump(format=writer, from_graph=ox.NamedNode(str(graph)), prefixes=_PREFIXES)
        if union:
            triples = self.native.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
            return ox.serialize(triples, format=writer, prefixes=_PREFIXES)
        return self.native.dump(format=writer, prefixes=_PREFIXES)


def _open_read_only(path: Path) -> ox.Store:
    if not (path / "CURRENT").exists():
        raise DiplographError(f"no Oxigraph store at {path}; build it with `diplograph load --store oxigraph:{path}`")
    return ox.Store.read_only(str(path))


def _rdflib_view(native: ox.Store) -> Dataset:
    """The store seen through rdflib's API (for look-ups by pattern in the Python API), same data, no copy."""
    from oxrdflib.store import OxigraphStore

    dataset = Dataset(store=OxigraphStore(store=native), default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace, override=True)
    return dataset


def syntax_error(error: SyntaxError, text: str | None = None, *, update: bool = False) -> QuerySyntaxError:
    """Oxigraph's "error at L:C: …" as a QuerySyntaxError with a position a person can use.

    Oxigraph reports where its parser gave up, often the end of the text; on
    this (rare, already bounded) error path the text is read again by rdflib's
    parser, whose position points at the construct it could not read, and that
    position is given when it has one.
    """
    message = str(error)
    line = column = 1
    if message.startswith("error at "):
        where, _, message = message[len("error at "):].partition(": ")
        try:
            line, column = (int(part) for part in where.split(":")[:2])
        except ValueError:
            pass
    message = " ".join(message.split())
    if len(message) > 240:
        message = message[:239] + "…"
    if text is not None:
        line, column = _closer_position(text, update=update) or (line, column)
    return QuerySyntaxError(message, line, column)


def _closer_position(text: str, *, update: bool) -> tuple[int, int] | None:
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        (parseUpdate if update else parseQuery)(text)
    except ParseBaseException as found:
        return found.lineno, found.col
    except Exception:  # noqa: BLE001 - any other failure of the second parser: keep Oxigraph's position
        return None
    return None
