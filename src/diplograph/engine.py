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
import io
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from rdflib.term import Node

from .errors import DataError, DiplographError, Problem, QuerySyntaxError
from .namespaces import PREFIXES
from .sparql import with_values

__all__ = ["LocalStore", "from_native", "native_json", "to_native"]

_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
BASE_IRI = "https://w3id.org/diplograph/"
"""The service-defined base IRI against which relative IRIs in queries and updates resolve."""
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


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
    def in_memory(cls, dataset: Dataset, nquads: Sequence[Path]) -> LocalStore:
        """A new in-memory store with ``dataset`` (parsed fact sheets) and N-Quads files, bulk-loaded."""
        native = ox.Store()
        native.bulk_load(dataset.serialize(format="nquads", encoding="utf-8"), format=ox.RdfFormat.N_QUADS)
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
        from .sparql import inspect

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
        from .updates import OVERLAY

        overlay = ox.NamedNode(str(OVERLAY))
        quads = [ox.Quad(t.subject, t.predicate, t.object, overlay)
                 for t in ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)]
        if self.native.contains_named_graph(overlay):
            self.native.remove_graph(overlay)
        self.native.extend(quads)
        if digest:
            self._overlay = hashlib.sha256(ntriples).hexdigest()

    def overlay_digest(self) -> str:
        """A digest of the overlay's contents as last replaced ("" before any update): part of the data's name."""
        return getattr(self, "_overlay", "")

    def dump(self, format: str, graph: URIRef | None = None, *, union: bool = False) -> bytes:
        """One graph, the union of all as one graph, or the whole dataset, written by the engine.

        ``format`` is a name of ``results.GRAPH_FORMATS`` (a dataset needs trig or nquads).
        """
        from .results import NATIVE_GRAPH_FORMATS

        writer = NATIVE_GRAPH_FORMATS[format]
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


# ---------------------------------------------------------------------------------------------- loading

def load_nquads(native: ox.Store, path: Path) -> None:
    """Bulk-load an N-Quads file as one slice per core, each in its own thread.

    One bulk load keeps about one core busy (parsing); pyoxigraph releases the
    GIL while loading, so slices load side by side: about twice the quads/s on
    two cores. N-Quads lines stand alone (blank-node labels included, which
    Oxigraph keeps as written), so cutting at line ends changes nothing.

    Raises
    ------
    DataError
        naming the file and the line (in the whole file) of a syntax error.
    """
    failures: list[tuple[int, BaseException]] = []

    def load(start: int, end: int) -> None:
        try:
            with _Slice(path, start, end) as raw:
                native.bulk_load(io.BufferedReader(raw, 1 << 20), format=ox.RdfFormat.N_QUADS)
        except BaseException as error:  # re-raised in the calling thread
            failures.append((start, error))

    slices = _line_slices(path, max(2, os.cpu_count() or 1))
    threads = [threading.Thread(target=load, args=bounds) for bounds in slices]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        start, error = min(failures, key=lambda failure: failure[0])
        raise _located(error, path, start) from error


def _located(error: BaseException, path: Path, start: int) -> BaseException:
    """A syntax error in the slice from byte ``start`` as a DataError naming the file and its line in the file."""
    if not isinstance(error, SyntaxError) or not error.lineno:
        return error
    with path.open("rb") as handle:
        before = handle.read(start).count(b"\n")
    reason = str(error.msg).split(": ", 1)[-1]
    return DataError([Problem(str(path), before + error.lineno, f"N-Quads syntax: {reason}")])


def _line_slices(path: Path, parts: int) -> list[tuple[int, int]]:
    """(start, end) byte offsets cutting ``path`` into about ``parts`` pieces at line ends."""
    size = path.stat().st_size
    cuts = [0]
    with path.open("rb") as handle:
        for index in range(1, parts):
            handle.seek(max(cuts[-1], size * index // parts))
            handle.readline()
            cuts.append(min(handle.tell(), size))
    cuts.append(size)
    return [(start, end) for start, end in zip(cuts, cuts[1:], strict=False) if end > start]


class _Slice(io.RawIOBase):
    """Bytes ``start``..``end`` of a file, read as a stream."""

    def __init__(self, path: Path, start: int, end: int):
        super().__init__()
        self._file = path.open("rb")
        self._file.seek(start)
        self._left = end - start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._left <= 0:
            return 0
        count = self._file.readinto(memoryview(buffer)[: min(len(buffer), self._left)]) or 0
        self._left -= count
        return count

    def close(self) -> None:
        self._file.close()
        super().close()


# ---------------------------------------------------------------------------------------------- terms

def to_native(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as Oxigraph's."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_native(term) -> Node:
    """Oxigraph's term as rdflib's; ``xsd:string`` literals plain, as the other stores give them."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # an RDF-star triple term, shown as text


def native_json(term) -> dict:
    """The SPARQL 1.1 JSON form of an Oxigraph term (``xsd:string`` literals without their datatype)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        if term.language:
            return {"type": "literal", "value": term.value, "xml:lang": term.language}
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return {"type": "literal", "value": term.value}
        return {"type": "literal", "value": term.value, "datatype": datatype}
    return {"type": "literal", "value": str(term)}


def to_result(answer) -> Result:
    """An Oxigraph answer as an rdflib ``Result`` (rows of rdflib terms, a boolean, or a graph)."""
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QuerySolutions):
        names = [Variable(v.value) for v in answer.variables]
        result = Result("SELECT")
        result.vars = names
        result.bindings = [{name: from_native(value) for name, value in zip(names, solution, strict=True)
                            if value is not None} for solution in answer]
        return result
    result = Result("CONSTRUCT")
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    for triple in answer:
        graph.add((from_native(triple.subject), from_native(triple.predicate), from_native(triple.object)))
    result.graph = graph
    return result
