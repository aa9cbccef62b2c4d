"""A remote SPARQL 1.1 engine (Virtuoso, Fuseki, GraphDB …) as a read-only rdflib store, through the protocol only.

Queries go to the engine as text. Every query names diplograph's graphs as
``default-graph-uri`` — engines such as Virtuoso otherwise query all their
graphs, system graphs included — so the default graph is the union of ours.
Past ``MAX_NAMED_GRAPHS`` graphs (a corpus of thousands of documents) naming
them all would make every request huge, and Virtuoso refuses the query: the
engine's own default graph is used then (for Virtuoso, all its graphs; its
system graphs use none of diplograph's terms, so canned queries are unaffected).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

import httpx
import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, URIRef, Variable
from rdflib.query import Result
from rdflib.store import Store
from rdflib.term import Node

from .convert import to_result
from .errors import DiplographError, QueryError
from .namespaces import PREFIXES
from .sparql import inspect, with_values

__all__ = ["RemoteSparql", "EndpointDataset", "upload", "upload_nquads"]

PREFIX = "https://w3id.org/diplograph/"
MAX_NAMED_GRAPHS = 256
"""Up to this many graphs, each query names them as its default graph; past it, the engine's default graph."""
_ACCEPT = {"Accept": "application/sparql-results+json, application/json;q=0.9, text/turtle;q=0.8"}


class RemoteSparql:
    """A remote engine as a diplograph store (see ``store.Store``): read-only, queried through the protocol.

    Parameters go into the text as a VALUES block (the protocol has no
    substitutions), placed by the tokenizer; the protocol's graphs are
    narrowed to diplograph's own, and a graph the engine does not hold is an
    empty graph, as on the local stores.
    """

    writable = False

    def __init__(self, query_url: str, *, auth: httpx.Auth | None = None):
        self.remote = EndpointDataset(query_url, auth=auth)
        self.dataset = Dataset(store=self.remote, default_union=True)

    def reopen(self) -> None:
        """A forked worker's own HTTP client: the server's pooled connections are not shared across a fork."""
        self.remote.reconnect()

    def size(self) -> int:
        return len(self.remote)

    def graphs(self) -> list[URIRef]:
        return list(self.remote.graphs)

    def run(self, text: str, *, substitutions: dict[str, Node] | None = None,
            default_graphs: Sequence[str] = (), named_graphs: Sequence[str] = (),
            clauses: Sequence[tuple[str, str]] = ()):
        """Evaluate ``text`` on the engine; the answer as Oxigraph's objects, as a local store gives it (solutions,
        a boolean, or triples), so everything after this line is the same for every store."""
        inspection = inspect(text)
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items() if p not in inspection.prefixes)
        text = prologue + with_values(text, {name: _n3(term) for name, term in (substitutions or {}).items()})
        graphs = None
        if default_graphs or named_graphs:
            known = set(map(str, self.remote.graphs))
            graphs = [URIRef(g) for g in default_graphs if g in known] or [URIRef(_EMPTY_GRAPH)]
        graph_result = inspection.form in ("CONSTRUCT", "DESCRIBE")
        response = self.remote.ask(text, graphs, graph_result=graph_result)
        kind = response.headers.get("content-type", "")
        if "json" in kind and not graph_result:
            return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        if "sparql-results+xml" in kind:
            return ox.parse_query_results(response.content, format=ox.QueryResultsFormat.XML)
        format = ox.RdfFormat.RDF_XML if "xml" in kind else ox.RdfFormat.N_TRIPLES if "n-triples" in kind \
            else ox.RdfFormat.TURTLE
        return ox.parse(response.content, format=format)

    def query(self, text: str, *, bindings: dict[str, Node] | None = None) -> Result:
        return to_result(self.run(text, substitutions=bindings))

    def dump(self, format: str, graph: URIRef | None = None, *, union: bool = False) -> bytes:
        """One graph, the union as one graph, or all of diplograph's graphs (trig, nquads), read graph by graph."""
        from .results import serialize_graph

        names = [graph] if graph is not None else self.remote.graphs
        copy = Dataset()
        for name in names:
            target = copy if union else copy.graph(name)
            for triple in self.dataset.graph(name):
                target.add(triple)
        if graph is not None:
            return serialize_graph(copy.graph(graph), format)
        return serialize_graph(copy, format)


_EMPTY_GRAPH = "https://w3id.org/diplograph/graph/empty"
"""Named as the default graph when a request names only graphs the engine does not hold: an empty graph."""


class EndpointDataset(Store):
    """The endpoint seen through rdflib's store API (for look-ups by pattern), read-only, confined to the graphs
    under diplograph's namespace."""

    context_aware = True
    graph_aware = True

    def __init__(self, query_url: str, *, timeout: float = 60.0, auth: httpx.Auth | None = None):
        super().__init__()
        self.query_url = query_url
        self._client = httpx.Client(timeout=timeout, auth=auth, headers=_ACCEPT)
        self.graphs = self._discover_graphs()

    def reconnect(self) -> None:
        """A new client with the same settings and no pooled connections (the old one's sockets are not ours)."""
        old = self._client
        self._client = httpx.Client(timeout=old.timeout, auth=old.auth, headers=old.headers)

    def _discover_graphs(self) -> list[URIRef]:
        text = (f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(STRSTARTS(STR(?g), \"{PREFIX}\")) }}")
        rows = self._select(text, default_graphs=[])
        graphs = sorted(URIRef(str(row[Variable("g")])) for row in rows.bindings)
        if not graphs:
            raise DiplographError(f"no diplograph graphs at {self.query_url}; load them with "
                                  f"`diplograph load --store sparql:{self.query_url},UPDATE_URL`")
        return graphs

    def ask(self, text: str, default_graphs: list[URIRef] | None = None, *,
            graph_result: bool = False) -> httpx.Response:
        """The engine's answer to ``text`` over ``default_graphs`` (diplograph's, when None); a QueryError when it
        does not answer or answers with an error."""
        if default_graphs is None:
            default_graphs = self.graphs if len(self.graphs) <= MAX_NAMED_GRAPHS else []
        form = {"query": text, "default-graph-uri": [str(g) for g in default_graphs]}
        # Ask for RDF when the query builds a graph: some engines (Virtuoso) would send its triples as a table.
        headers = {"Accept": "application/n-triples, text/turtle;q=0.9"} if graph_result else None
        try:  # a form POST: the one every engine takes (Virtuoso 7.2 does not read application/sparql-query)
            response = self._client.post(self.query_url, data=form, headers=headers)
        except httpx.HTTPError as error:
            raise QueryError(f"the SPARQL endpoint {self.query_url} did not answer: {error}") from None
        if response.status_code >= 400:
            raise QueryError(f"the SPARQL endpoint answered {response.status_code}: {response.text[:1000]}")
        return response

    def _select(self, text: str, default_graphs: list[URIRef] | None = None, *, graph_result: bool = False) -> Result:
        """The answer as rdflib's (the rdflib Store API below reads it)."""
        response = self.ask(text, default_graphs, graph_result=graph_result)
        kind = response.headers.get("content-type", "")
        if "json" in kind:
            return Result.parse(io.BytesIO(response.content), format="json")
        graph = Graph().parse(data=response.content, format="xml" if "xml" in kind else "turtle")
        result = Result("CONSTRUCT")
        result.graph = graph
        return result

    # ------------------------------------------------------------------ rdflib Store API (read-only)

    def query(self, query, initNs, initBindings, queryGraph, **kwargs) -> Result:  # noqa: N803 - rdflib's names
        if not isinstance(query, str):
            raise NotImplementedError("a remote store evaluates query text only")
        if initBindings:
            raise NotImplementedError("bind values in the query text (diplograph does)")
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (initNs or {}).items())
        text = prologue + query
        return self._select(text, graph_result=inspect(text).form in ("CONSTRUCT", "DESCRIBE"))

    def triples(self, pattern, context=None) -> Iterator:
        s, p, o = (term if term is not None else Variable(name) for term, name in zip(pattern, "spo", strict=True))
        graph = getattr(context, "identifier", context)
        if isinstance(graph, URIRef) and graph in self.graphs:
            scope = f"VALUES ?g {{ {graph.n3()} }}"
        else:
            scope = "VALUES ?g { " + " ".join(g.n3() for g in self.graphs) + " }"
        # bound positions are matched as given and put back into the row with BIND
        binds = " ".join(f"BIND({_n3(t)} AS ?{name})" for t, name in zip((s, p, o), "spo", strict=True)
                         if not isinstance(t, Variable))
        text = f"SELECT ?s ?p ?o ?g WHERE {{ {scope} GRAPH ?g {{ {_n3(s)} {_n3(p)} {_n3(o)} }} {binds} }}"
        seen: dict[tuple[Node, Node, Node], list[Graph]] = {}
        for row in self._select(text, default_graphs=[]).bindings:
            triple = (row[Variable("s")], row[Variable("p")], row[Variable("o")])
            seen.setdefault(triple, []).append(Graph(store=self, identifier=row[Variable("g")]))
        for triple, graphs in seen.items():
            yield triple, iter(graphs)

    def contexts(self, triple=None) -> Iterator[Graph]:
        return (Graph(store=self, identifier=g) for g in self.graphs)

    def __len__(self, context=None) -> int:
        graph = getattr(context, "identifier", context)
        graphs = [graph] if isinstance(graph, URIRef) else self.graphs
        scope = "VALUES ?g { " + " ".join(g.n3() for g in graphs) + " }"
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {scope} GRAPH ?g {{ ?s ?p ?o }} }}", default_graphs=[])
        return int(next(iter(rows.bindings))[Variable("n")])

    def add(self, *args, **kwargs):
        raise DiplographError("a remote store is read-only here; rebuild it with `diplograph load`")

    remove = add

    def add_graph(self, graph) -> None:
        """Naming a graph creates nothing: the store is read-only (rdflib calls this when a graph is looked up)."""

    def remove_graph(self, graph) -> None:
        raise DiplographError("a remote store is read-only here; rebuild it with `diplograph load`")

    def bind(self, prefix, namespace, override=True, replace=False):
        pass

    def namespace(self, prefix):
        return None

    def prefix(self, namespace):
        return None

    def namespaces(self):
        return iter(())


def _n3(term: Node) -> str:
    """A term in query syntax; a blank node an engine gave out as ``nodeID://…`` (Virtuoso) is named that way."""
    if isinstance(term, BNode) and str(term).startswith("nodeID://"):
        return f"<{term}>"
    return term.n3()


UPLOAD_BATCH = 400
"""Triples per update request when a graph is sent whole (``upload``)."""


def upload(update_url: str, dataset, *, auth: httpx.Auth | None, progress=None) -> int:
    """Replace each of the dataset's graphs on the engine (CLEAR, then INSERT DATA); return the quads sent."""
    sent = 0
    with httpx.Client(timeout=300, auth=auth) as client:
        for graph in dataset.graphs():
            name = graph.identifier
            if not isinstance(name, URIRef) or not str(name).startswith(PREFIX):
                continue
            _update(client, update_url, f"CLEAR SILENT GRAPH {name.n3()}")
            # INSERT … WHERE {} rather than INSERT DATA: engines such as Virtuoso refuse blank nodes in the latter.
            for triples in _batches(graph):
                body = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)
                _update(client, update_url, f"INSERT {{ GRAPH {name.n3()} {{\n{body}\n}} }} WHERE {{}}")
                sent += len(triples)
            if progress:
                progress(str(name), sent)
    return sent


def _batches(graph, size: int = UPLOAD_BATCH) -> list[list[tuple]]:
    """A graph's triples in requests of about ``size``: an engine bounds what one request may hold (Virtuoso refuses
    an update whose generated SQL passes 10,000 lines, which the ontology's 1,400 triples did). Blank nodes are
    scoped to one request, so the triples that share blank nodes (an evidence node and its selector) go together.

    >>> from rdflib import BNode, Graph, URIRef
    >>> g = Graph(); node = BNode()
    >>> for i in range(5): _ = g.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), URIRef("urn:o")))
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:e"), node)); _ = g.add((node, URIRef("urn:x"), URIRef("urn:b")))
    >>> sorted(len(batch) for batch in _batches(g, size=2))
    [1, 2, 2, 2]
    """
    parent: dict[BNode, BNode] = {}

    def root(node: BNode) -> BNode:
        while parent.setdefault(node, node) != node:
            node = parent[node]
        return node

    groups: dict[object, list[tuple]] = {}
    for index, triple in enumerate(graph):
        blanks = [term for term in triple if isinstance(term, BNode)]
        for other in blanks[1:]:
            parent[root(other)] = root(blanks[0])
        groups.setdefault(("blank", blanks[0]) if blanks else ("plain", index), []).append(triple)
    joined: dict[object, list[tuple]] = {}
    for key, triples in groups.items():
        joined.setdefault(("blank", root(key[1])) if key[0] == "blank" else key, []).extend(triples)
    batches: list[list[tuple]] = [[]]
    for triples in joined.values():  # a blank-node group whole, however large; plain triples fill the rest
        if batches[-1] and len(batches[-1]) + len(triples) > size:
            batches.append([])
        batches[-1].extend(triples)
    return [batch for batch in batches if batch]


def upload_nquads(update_url: str, path, *, auth: httpx.Auth | None, progress=None, batch: int = 20_000) -> int:
    """Send an N-Quads file (a generated corpus) to the engine, streamed: never held in memory; return quads sent.

    Quads are parsed as they are read (pyoxigraph) and sent per graph, in
    requests of up to ``batch`` triples. A graph with blank nodes is never
    split, since blank nodes are scoped to one request. Each graph is cleared
    before its first triples, as ``upload`` does.
    """
    import pyoxigraph

    sent = 0
    cleared: set[str] = set()
    graph: str | None = None
    lines: list[str] = []
    blank = False
    with httpx.Client(timeout=300, auth=auth) as client:

        def flush() -> None:
            nonlocal sent
            if graph is not None and lines:
                body = " .\n".join(lines)
                _update(client, update_url, f"INSERT {{ GRAPH {graph} {{\n{body} .\n}} }} WHERE {{}}")
                sent += len(lines)
                lines.clear()
                if progress:
                    progress(graph, sent)

        for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS):
            name = quad.graph_name
            if not isinstance(name, pyoxigraph.NamedNode) or not name.value.startswith(PREFIX):
                continue
            if str(name) != graph or (len(lines) >= batch and not blank):
                flush()
                if str(name) != graph:
                    graph, blank = str(name), False
                    if graph not in cleared:
                        _update(client, update_url, f"CLEAR SILENT GRAPH {graph}")
                        cleared.add(graph)
            blank = blank or isinstance(quad.subject, pyoxigraph.BlankNode) or \
                isinstance(quad.object, pyoxigraph.BlankNode)
            lines.append(str(quad.triple))
        flush()
    return sent


def _update(client: httpx.Client, url: str, text: str) -> None:
    response = client.post(url, data={"update": text})
    if response.status_code >= 400:
        raise DiplographError(f"the SPARQL update endpoint answered {response.status_code}: {response.text[:300]}")
