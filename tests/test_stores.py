"""The same competency questions on every store: in memory and in a persistent Oxigraph store built by `load`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from diplograph.entities import describe
from diplograph.graph import KnowledgeGraph
from diplograph.layout import StoreSpec
from diplograph.results import Table, simple

DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
EXAMPLES = {"search": {"text": "NATO"}, "position-timeline": {"actor": "Kyiv"}}


@pytest.fixture(scope="module")
def oxigraph_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stores") / "oxigraph"
    result = subprocess.run([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{path}"], capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert f"loaded {KnowledgeGraph.open().size():,} quads" in result.stdout
    return path


@pytest.fixture(scope="module")
def oxigraph(oxigraph_path) -> KnowledgeGraph:
    return KnowledgeGraph.open(store=StoreSpec.parse(f"oxigraph:{oxigraph_path}"))


def normalised(result) -> list:
    """Rows as sorted tuples; GROUP_CONCAT lists as sets (their order is not defined by SPARQL)."""
    if result.type == "CONSTRUCT":  # compared as graphs, up to blank-node labels (Virtuoso: nodeID:// IRIs)
        from rdflib import BNode, Graph
        from rdflib.compare import to_isomorphic

        graph = Graph()
        for triple in result.graph:
            graph.add(tuple(BNode(str(x)) if str(x).startswith("nodeID://") else simple(x) for x in triple))
        return to_isomorphic(graph)
    rows = []
    for row in Table.from_result(result).rows:
        rows.append(tuple(sorted((k, tuple(sorted(set(re.split(r", | \| ", str(v)))))) for k, v in row.items())))
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    """The bundled graph in a real Virtuoso, loaded through `diplograph load --store sparql:…` (Digest, dba/dba)."""
    from helpers import Virtuoso

    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        env = {**os.environ, "DIPLOGRAPH_STORE_USER": "dba", "DIPLOGRAPH_STORE_PASSWORD": "dba"}
        result = subprocess.run([str(DIPLOGRAPH), "load", "--store",
                                 f"sparql:{server.url}/sparql,{server.url}/sparql-auth"],
                                capture_output=True, text=True, timeout=300, env=env)
        assert result.returncode == 0, result.stderr
        yield KnowledgeGraph.open(store=StoreSpec.parse(f"sparql:{server.url}/sparql")), server
    finally:
        server.stop()


@pytest.mark.parametrize("name", ["cq01-proposal-accepted-as-basis", "cq02-preconditions", "cq03-proposal-points",
                                  "cq04-military-limits", "cq05-principles-of-actor",
                                  "cq06-reject-territorial-concessions", "cq07-credible-protection",
                                  "cq08-analogy-examples", "cq09-demands-vs-principles", "cq10-provenance",
                                  "demands", "red-lines", "position-timeline", "search", "entity-graph", "actors"])
def test_oxigraph_answers_as_memory_does(graph, oxigraph, name):
    params = EXAMPLES.get(name, {})
    assert normalised(oxigraph.run_canned(name, **params)) == normalised(graph.run_canned(name, **params))


def test_virtuoso_answers_every_canned_query_as_memory_does(graph, virtuoso):
    remote, _ = virtuoso
    assert sorted(map(str, remote.dataset.store.graphs)) == sorted(graph.stats().graphs)  # no system graphs
    for name in graph.canned:
        params = EXAMPLES.get(name, {})
        assert normalised(remote.run_canned(name, **params)) == normalised(graph.run_canned(name, **params)), name
    assert remote.stats().classes == graph.stats().classes


def test_serve_from_virtuoso(virtuoso):
    from api.conftest import Server

    _, server = virtuoso
    front = Server("--store", f"sparql:{server.url}/sparql", "--timeout", "20")
    try:
        answer = httpx.get(front.url + "/queries/cq08-analogy-examples", timeout=60)
        assert answer.status_code == 200, (answer.text, front.output()[-3000:])
        rows = answer.json()["rows"]
        assert {r["territoryLabel"] for r in rows} == {"Transnistria", "Abkhazia", "Donbas"}
        page = httpx.get(front.url + "/id/ukraine", headers={"Accept": "text/html"}, timeout=60)
        assert "Ukraine refuses." in page.text, page.text[:2000]
    finally:
        front.stop()


def test_nquads_stream_to_virtuoso_in_batches_without_splitting_blank_nodes(virtuoso, tmp_path):
    from diplograph.remote import upload_nquads

    _, server = virtuoso
    plain, blank = "https://w3id.org/diplograph/test/plain", "https://w3id.org/diplograph/test/blank"
    lines = [f"<urn:s{i}> <urn:p> <urn:o{i}> <{plain}> ." for i in range(120)]
    # three blank nodes, each used by many triples spread over the graph: a split would make copies of them
    lines += [f"_:e{i % 3} <urn:p> \"v{i}\" <{blank}> ." for i in range(60)]
    corpus = tmp_path / "corpus.nq"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    auth = httpx.DigestAuth("dba", "dba")
    try:
        assert upload_nquads(f"{server.url}/sparql-auth", corpus, auth=auth, batch=50) == 180

        def count(query: str) -> int:
            response = httpx.get(f"{server.url}/sparql", params={"query": query},
                                 headers={"Accept": "application/sparql-results+json"}, timeout=60)
            return int(response.json()["results"]["bindings"][0]["n"]["value"])

        assert count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{plain}> {{ ?s ?p ?o }} }}") == 120
        assert count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{blank}> {{ ?s ?p ?o }} }}") == 60
        assert count(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH <{blank}> {{ ?s ?p ?o }} }}") == 3
    finally:
        for name in (plain, blank):
            httpx.post(f"{server.url}/sparql-auth", data={"update": f"CLEAR SILENT GRAPH <{name}>"}, auth=auth)


def test_oxigraph_store_serves_the_entity_view_and_stats(graph, oxigraph):
    assert oxigraph.stats() == graph.stats()
    russia = describe(oxigraph, "Moscow")
    assert {s.iri for s in russia.statements} == {s.iri for s in describe(graph, "Moscow").statements}


def test_load_refuses_a_non_empty_folder(oxigraph_path):
    result = subprocess.run([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{oxigraph_path}"], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2 and "not empty" in result.stderr


def test_missing_store_is_a_clear_error(tmp_path):
    from helpers import free_port

    # a port of its own: the default one may be another test's server's at this moment
    result = subprocess.run([str(DIPLOGRAPH), "serve", "--store", f"oxigraph:{tmp_path / 'none'}",
                             "--port", str(free_port())], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "diplograph load --store" in result.stderr


def test_serve_from_oxigraph(oxigraph_path, graph):
    from api.conftest import Server  # the same real-server helper as the API tests

    server = Server("--store", f"oxigraph:{oxigraph_path}", "--timeout", "5")
    try:
        rows = httpx.get(server.url + "/queries/cq05-principles-of-actor", timeout=30).json()["rows"]
        assert {r["principleLabel"] for r in rows} == {"Complete withdrawal of Russian forces",
                                                      "Restoration of internationally recognized borders",
                                                      "Binding long-term security guarantees"}
        sparql = httpx.get(server.url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"},
                           headers={"Accept": "application/sparql-results+json"}, timeout=30).json()
        assert int(sparql["results"]["bindings"][0]["n"]["value"]) == graph.size()  # every quad, once
        refused = httpx.get(server.url + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> "
                                                                      "{ ?s ?p ?o } }"}, timeout=30)
        assert refused.status_code == 400
        # protocol details that failed on the read-only store: each must answer as in memory
        described = httpx.get(server.url + "/sparql", headers={"Accept": "text/turtle"}, timeout=30)
        assert described.status_code == 200 and described.headers["content-type"].startswith("text/turtle")
        assert "sparql-service-description" in described.text
        assert httpx.head(server.url + "/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200
        document = "https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions"
        one_graph = httpx.get(server.url + "/store", params={"graph": document},
                              headers={"Accept": "application/n-triples"}, timeout=30)
        assert one_graph.status_code == 200
        assert len(one_graph.text.splitlines()) == graph.stats().graphs[document]
        search = httpx.get(server.url + "/queries/search", params={"text": 'a\nb\\c"d'}, timeout=30)
        assert search.status_code == 200 and search.json()["rows"] == []
    finally:
        server.stop()


def test_updates_on_a_read_only_store_are_refused_at_start(oxigraph_path):
    result = subprocess.run([str(DIPLOGRAPH), "serve", "--store", f"oxigraph:{oxigraph_path}", "--allow-updates"],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "DIPLOGRAPH_UPDATE_TOKEN": "t"})
    assert result.returncode == 2
    assert result.stderr.startswith("error: --allow-updates: the oxigraph store is read-only here")
    assert "updates enabled" not in result.stderr


def test_remote_sparql_store_answers_as_memory_does(graph):
    """A remote engine through the protocol only: here a second diplograph server, a real SPARQL 1.1 endpoint."""
    from api.conftest import Server

    upstream = Server("--timeout", "20")
    try:
        remote = KnowledgeGraph.open(store=StoreSpec.parse(f"sparql:{upstream.url}/sparql"))
        assert sorted(map(str, remote.dataset.store.graphs)) == sorted(
            g for g in graph.stats().graphs if g.startswith("https://w3id.org/diplograph/"))
        for name in ("cq02-preconditions", "cq05-principles-of-actor", "cq08-analogy-examples",
                     "cq09-demands-vs-principles", "position-timeline"):
            params = EXAMPLES.get(name, {})
            assert normalised(remote.run_canned(name, **params)) == normalised(graph.run_canned(name, **params)), name
        assert remote.stats().classes == graph.stats().classes
        # and a server in front of the remote store: its workers may reach that endpoint, and nothing else
        front = Server("--store", f"sparql:{upstream.url}/sparql", "--timeout", "20")
        try:
            rows = httpx.get(front.url + "/queries/cq04-military-limits", timeout=60).json()["rows"]
            assert len(rows) == 3
            refused = httpx.get(front.url + "/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/>"
                                                                        " { ?s ?p ?o } }"}, timeout=30)
            assert refused.status_code == 400
        finally:
            front.stop()
    finally:
        upstream.stop()


def test_load_refuses_invalid_data_and_writes_nothing(project, tmp_path):
    project.replace(project.document, 'oa:exact "Ukraine refuses." ]', 'oa:exact "Ukraine agrees." ]')
    target = tmp_path / "store"
    result = subprocess.run([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{target}", "--data",
                             str(project.layout.data), "--ontology", str(project.layout.ontology)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "quote not found verbatim" in result.stderr and "nothing was loaded" in result.stderr
    assert not target.exists()


def _generated(folder: Path, triples: int) -> Path:
    from diplograph.generate import generate

    data = folder / "data"
    data.mkdir()
    with (data / "synthetic.nq").open("w", encoding="utf-8") as handle:
        generate(handle, triples, seed=5)
    return data


def test_generated_corpus_loads_in_slices_with_every_quad(tmp_path):
    # the N-Quads file is cut at line ends and loaded by one thread per slice: no quad lost, doubled or altered
    import pyoxigraph

    data = _generated(tmp_path, 20_000)
    expected = set(pyoxigraph.parse(path=str(data / "synthetic.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    target = tmp_path / "store"
    result = subprocess.run([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{target}", "--data", str(data),
                             "--no-validate"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    store = KnowledgeGraph.open(data, store=StoreSpec.parse(f"oxigraph:{target}")).store.native
    graphs = {quad.graph_name for quad in expected}
    loaded = {quad for graph in graphs for quad in store.quads_for_pattern(None, None, None, graph)}
    assert len(expected) >= 20_000 and loaded == expected


def test_a_bad_line_deep_in_a_corpus_is_named_and_nothing_is_left(tmp_path):
    data = _generated(tmp_path, 20_000)
    corpus = data / "synthetic.nq"
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    bad_line = len(lines) * 3 // 4  # inside a later slice, so its line number must be counted from the file's start
    lines.insert(bad_line - 1, "<urn:a> <urn:b> not-a-term <urn:g> .\n")
    corpus.write_text("".join(lines), encoding="utf-8")
    target = tmp_path / "store"
    result = subprocess.run([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{target}", "--data", str(data),
                             "--no-validate"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"synthetic.nq:{bad_line}:" in result.stderr and "nothing was loaded" in result.stderr
    assert not target.exists()


def test_analyses_on_a_remote_store_read_it_once_and_agree_with_memory(graph, virtuoso):
    from diplograph.analysis.registry import Projections, run_analysis

    remote, _ = virtuoso
    here, there = Projections(graph), Projections(remote)
    assert there.source is not remote and there.source.spec.kind == "memory"  # one in-memory copy, read once
    assert sorted(there.entity.edges(keys=False)) == sorted(here.entity.edges(keys=False))
    assert run_analysis(there, "coalitions", {}) == run_analysis(here, "coalitions", {})


def test_past_many_graphs_the_engine_default_graph_answers_the_canned_queries(graph, virtuoso, monkeypatch):
    # thousands of document graphs cannot all be named in each request (Virtuoso refuses); then the engine's
    # default graph (all its graphs, system ones included) is queried, which the canned queries' terms confine
    from diplograph import remote

    monkeypatch.setattr(remote, "MAX_NAMED_GRAPHS", 2)
    _, server = virtuoso
    unconfined = KnowledgeGraph.open(store=StoreSpec.parse(f"sparql:{server.url}/sparql"))
    assert len(list(unconfined.dataset.store.graphs)) == 3
    for name in ("cq05-principles-of-actor", "demands", "about-entity", "cq08-analogy-examples"):
        assert normalised(unconfined.run_canned(name)) == normalised(graph.run_canned(name)), name
    assert unconfined.stats().triples == graph.stats().triples  # counted graph by graph, never the system graphs


def test_a_load_killed_midway_leaves_no_store_to_serve(tmp_path):
    """kill -9 during `load`: the half-built store is in a hidden folder beside the target, never at it."""
    import signal
    import time

    data = _generated(tmp_path, 300_000)
    target = tmp_path / "store"
    process = subprocess.Popen([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{target}", "--data", str(data),
                                "--no-validate"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".store.building-*")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert process.poll() is None, "the load ended before it could be interrupted"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert not target.exists()
    served = subprocess.run([str(DIPLOGRAPH), "serve", "--store", f"oxigraph:{target}"], capture_output=True,
                            text=True, timeout=120)
    assert served.returncode == 2 and "no Oxigraph store" in served.stderr


def test_many_graphs_load_as_one_stream_whatever_their_sizes():
    import pyoxigraph as ox

    from diplograph.nquads import load_parts

    parts = [f'<urn:s{n}> <urn:p> "{"x" * (n * 997 % 5000)}" <urn:g{n % 7}> .\n'.encode() for n in range(3000)]
    parts.append(b"".join(f"<urn:big> <urn:p> <urn:o{n}> <urn:g> .\n".encode() for n in range(40_000)))
    store = ox.Store()
    load_parts(store, parts)
    assert len(store) == 3000 + 40_000
    assert ox.Quad(ox.NamedNode("urn:s2999"), ox.NamedNode("urn:p"), ox.Literal("x" * (2999 * 997 % 5000)),
                   ox.NamedNode("urn:g3")) in store
