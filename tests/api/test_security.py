"""Safe by default: nothing reaches the network or the file system, updates need a token, every query is bounded.

A listener on 127.0.0.1 (with a redirect, as rdflib follows redirects) stands
in for "the network": each refused construct must leave it with zero requests.
"""

from __future__ import annotations

import multiprocessing
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest


class Listener:
    def __init__(self):
        self.hits: list[str] = []
        listener = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's naming
                listener.hits.append(self.path)
                if self.path.startswith("/redirect"):
                    self.send_response(302)
                    self.send_header("Location", "/data.ttl")
                    self.end_headers()
                    return
                body = b"<http://example.org/a> <http://example.org/b> <http://example.org/c> ."
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def listener():
    running = Listener()
    yield running
    running.close()


REFUSED_QUERIES = {
    "service": "SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "service-silent": "SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
    "service-redirect": "SELECT * WHERE {{ SERVICE <{url}/redirect> {{ ?s ?p ?o }} }}",
    "service-in-subquery": "SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }} }}",
    "service-in-exists": "SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }} }}",
    "service-in-optional": "ASK {{ ?s ?p ?o OPTIONAL {{ SERVICE <{url}/sparql> {{ ?s ?q ?r }} }} }}",
    "service-lowercase": "select * where {{ service <{url}/sparql> {{ ?s ?p ?o }} }}",
    "service-after-comment": "# it's a comment\nSELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
}


@pytest.mark.parametrize("kind", list(REFUSED_QUERIES))
def test_query_reaching_out_is_refused(client, listener, kind):
    query = REFUSED_QUERIES[kind].format(url=listener.url)
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 400, response.text
    assert response.json()["title"] == "Query refused"
    assert listener.hits == []


FOREIGN_GRAPHS = {
    "from": "SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "from-redirect": "SELECT * FROM <{url}/redirect> WHERE {{ ?s ?p ?o }}",
    "from-named": "SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
    "from-file": "SELECT * FROM <file:///etc/passwd> WHERE {{ ?s ?p ?o }}",
}


@pytest.mark.parametrize("kind", list(FOREIGN_GRAPHS))
def test_a_graph_the_store_does_not_hold_is_empty_and_never_fetched(client, listener, kind):
    """As in Oxigraph's own server: FROM names graphs of the store; one it does not hold is an empty graph."""
    query = FOREIGN_GRAPHS[kind].format(url=listener.url)
    response = client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == []
    assert listener.hits == []


def test_protocol_graph_uri_on_the_network_is_an_empty_graph(client, listener):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
                                             "default-graph-uri": listener.url + "/data.ttl"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert response.json()["results"]["bindings"] == []
    assert listener.hits == []


@pytest.mark.parametrize("update", [
    "LOAD <{url}/data.ttl>",
    "LOAD <file:///etc/passwd>",
    "INSERT DATA {{ <urn:a> <urn:b> <urn:c> }}",
    "DROP ALL",
])
def test_updates_are_refused_on_a_read_only_server(client, listener, update, update_token):
    text = update.format(url=listener.url)
    for response in (client.post("/sparql", data={"update": text}),
                     client.post("/sparql", content=text.encode(),
                                 headers={"Content-Type": "application/sparql-update",
                                          "Authorization": f"Bearer {update_token}"})):
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
    assert listener.hits == []
    assert client.get("/sparql", params={"query": "ASK { <urn:a> ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"}).json()["boolean"] is False


def test_update_needs_the_token(update_server, update_token):
    with httpx.Client(base_url=update_server.url, timeout=30) as http:
        insert = "INSERT DATA { <urn:test:a> <urn:test:b> 'c' }"
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic dGVzdA=="}):
            refused = http.post("/sparql", data={"update": insert}, headers=headers)
            assert refused.status_code == 401  # the standard answer to a missing or wrong credential
            assert refused.headers["www-authenticate"].startswith("Bearer")
        ok = http.post("/sparql", data={"update": insert}, headers={"Authorization": f"Bearer {update_token}"})
        assert ok.status_code == 204, ok.text
        ask = http.get("/sparql", params={"query": "ASK { <urn:test:a> <urn:test:b> 'c' }"},
                       headers={"Accept": "application/sparql-results+json"})
        assert ask.json()["boolean"] is True


@pytest.mark.parametrize("update", [
    "LOAD <{url}/data.ttl>",
    "LOAD <file:///etc/passwd> INTO GRAPH <urn:x>",
    "INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
    "DELETE {{ ?s ?p ?o }} WHERE {{ SERVICE SILENT <{url}/redirect> {{ ?s ?p ?o }} }}",
])
def test_updates_reaching_out_are_refused_even_with_the_token(update_server, listener, update, update_token):
    with httpx.Client(base_url=update_server.url, timeout=30) as http:
        response = http.post("/sparql", data={"update": update.format(url=listener.url)},
                             headers={"Authorization": f"Bearer {update_token}"})
    assert response.status_code == 400, response.text
    assert listener.hits == []


def test_pathological_query_is_stopped_while_others_answer(server, client):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    outcome = {}

    def run_slow():  # from another client (address): one client's share of the workers leaves others theirs
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(base_url=server.url, timeout=60, transport=transport) as http:
            outcome["response"] = http.get("/sparql", params={"query": slow},
                                           headers={"Accept": "application/sparql-results+json"})

    worker = threading.Thread(target=run_slow)
    worker.start()
    try:
        # While the slow query runs, health and a simple query answer (and the slow one is still running).
        for _ in range(3):
            assert client.get("/health").status_code == 200
            simple = client.get("/sparql", params={"query": "ASK { dgr:putin a dg:Person }"},
                                headers={"Accept": "application/sparql-results+json"})
            assert simple.json()["boolean"] is True
        assert worker.is_alive()
    finally:
        worker.join(timeout=60)
    response = outcome["response"]
    assert response.status_code == 503
    assert response.json()["limit"] == "time"
    assert response.headers["content-type"] == "application/problem+json"
    # the killed worker was replaced: queries still run
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"}).json()["boolean"] is True


def test_per_request_timeout_can_only_lower_the_limit(client):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    response = client.get("/sparql", params={"query": slow, "timeout": "1"})
    assert response.status_code == 503
    assert "after 1 s" in response.json()["detail"]
    assert client.get("/sparql", params={"query": slow, "timeout": "0.5"}).status_code == 422


def test_deeply_nested_query_is_refused_and_server_stays_up(client):
    query = "SELECT * WHERE { " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }"
    response = client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 400
    assert response.json()["limit"] == "nesting"
    expression = "SELECT * WHERE { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }"
    assert client.post("/sparql", data={"query": expression}).status_code == 400
    assert client.get("/health").status_code == 200


def test_oversized_body_is_413(client):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 300_000
    response = client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413
    assert response.json()["title"] == "Request body too large"


def test_overlong_query_is_400(client):
    query = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 150_000
    response = client.post("/sparql", data={"query": query})
    assert response.status_code in (400, 413)


def test_unsupported_body_type_is_415(client):
    response = client.post("/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert response.status_code == 415


def test_cors_is_off_by_default(client):
    response = client.get("/health", headers={"Origin": "https://example.org"})
    assert "access-control-allow-origin" not in response.headers


# ------------------------------------------------------------------ the backstop, without the text checks

def _evaluate_unchecked(url: str, store: str | None, queue) -> None:
    """A worker's set-up (``guard.confine``), then what the text checks would refuse, sent to the engine as is."""
    from diplograph import KnowledgeGraph
    from diplograph.guard import confine
    from diplograph.layout import StoreSpec

    graph = KnowledgeGraph.open(validate=False, store=StoreSpec.parse(store))
    isolation = confine(graph, memory_mb=1024)
    results = [isolation.network, isolation.files]
    for query in (f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}/redirect> {{ ?s ?p ?o }} }} }} }}"):
        try:
            rows = list(graph.store.run(query))  # the engine itself, with no diplograph check in front
            results.append("nothing bound" if not [v for row in rows for v in row if v is not None] else "ran")
        except OSError as error:
            results.append(type(error).__name__)
    for update in (f"LOAD <{url}/data.ttl>", "LOAD <file:///etc/hostname>"):
        try:
            graph.store.native.update(update)
            results.append("loaded")
        except OSError as error:
            results.append(type(error).__name__)
        except RuntimeError:  # a store on disk is opened read-only: no update runs at all
            results.append("OSError")
    try:
        open("/etc/passwd").close()
        results.append("read /etc/passwd")
    except PermissionError:
        results.append("PermissionError")
    try:
        with open("/tmp/diplograph-sandbox-write", "w") as handle:  # noqa: S108 - must fail
            handle.write("x")
        results.append("wrote /tmp")
    except OSError:
        results.append("no write")
    queue.put(results)


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    from diplograph.layout import Layout, StoreSpec
    from diplograph.store import build

    path = tmp_path_factory.mktemp("sandbox") / "store"
    build(StoreSpec.parse(f"oxigraph:{path}"), Layout.default())
    return f"oxigraph:{path}"


@pytest.mark.parametrize("store", ["memory", "oxigraph"])
def test_the_sandbox_alone_stops_service_load_and_file_access(listener, store, request):
    """With no text check in front, the kernel stops the engine's own HTTP client (SERVICE, LOAD) and writes."""
    import os

    if os.geteuid() != 0 and os.environ.get("CI") != "true":
        pytest.skip("new namespaces need root or unprivileged user namespaces")
    spec = request.getfixturevalue("built_store") if store == "oxigraph" else None
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_evaluate_unchecked, args=(listener.url, spec, queue))
    child.start()
    results = queue.get(timeout=120)
    child.join(timeout=10)
    assert results[:2] == ["isolated", "isolated"]
    # SERVICE SILENT turns the failure into one empty solution; the others fail to connect
    assert results[2:] == ["OSError", "nothing bound", "OSError", "OSError", "OSError", "PermissionError", "no write"]
    assert listener.hits == []
    assert not __import__("pathlib").Path("/tmp/diplograph-sandbox-write").exists()


def test_a_query_that_exhausts_its_memory_is_stopped_and_the_next_is_answered(tmp_path):
    """Each doubling keeps its string: about 250 MB for one row, past a cap of 64 MB; the worker dies, not the server.

    A generous time limit: the answer must say memory, whatever the machine's speed.
    """
    from api.conftest import Server

    doublings = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(24))
    hungry = f'SELECT (STRLEN(?x24) AS ?n) WHERE {{ BIND("aaaaaaaa" AS ?x0) {doublings} }}'
    json = {"Accept": "application/sparql-results+json"}
    capped = Server("--workers", "2", "--timeout", "30",
                    env={"DIPLOGRAPH_MEMORY_MB": "64", "DIPLOGRAPH_CACHE": str(tmp_path)})
    try:
        stopped = httpx.get(capped.url + "/sparql", params={"query": hungry}, headers=json, timeout=60)
        assert stopped.status_code == 503 and stopped.json()["limit"] == "memory", stopped.text
        after = httpx.get(capped.url + "/sparql", params={"query": "ASK { ?s a dg:Demand }"}, headers=json, timeout=60)
        assert after.status_code == 200 and after.json()["boolean"] is True
    finally:
        capped.stop()


def _keeper(pid: int) -> bool:
    """Whether a child of the server is a fresh interpreter — the process keeping its graph on disk, a process
    that checks changed documents (and multiprocessing's tracker of what they hold) — not a forked query worker."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as command:
            line = command.read()
    except FileNotFoundError:
        return True  # gone meanwhile: not a worker
    return b"keep_from_stdin" in line or b"from multiprocessing." in line


def _state(pid: int) -> str:
    """A process's state letter from /proc (Z: exited, not yet reaped), or "gone"."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"


def test_a_worker_killed_while_idle_is_replaced_before_it_gets_work(server, client):
    import os
    import signal as signals

    deadline = time.monotonic() + 120  # the derived data in place (its workers retired), no builder running
    while client.get("/health").json()["derived"] != "ready":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    for _ in range(2):  # workers are forked when a query needs one: two queries, two workers
        assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    while True:  # workers retired a moment ago may still be going (their reaper joins them in a thread)
        with open(f"/proc/{server.process.pid}/task/{server.process.pid}/children", encoding="ascii") as handle:
            workers = [int(pid) for pid in handle.read().split()
                       if not _keeper(int(pid)) and _state(int(pid)) not in ("Z", "gone")]
        if len(workers) == 2 or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(workers) == 2  # the session server runs two workers
    for pid in workers:
        os.kill(pid, signals.SIGKILL)
    for pid in workers:  # dead, not dying: a process being torn down still counts as alive for a moment
        while _state(pid) not in ("Z", "gone"):
            time.sleep(0.01)
    for _ in range(4):  # every worker was dead: each request must still be answered
        response = client.get("/sparql", params={"query": "ASK { ?s a dg:Demand }"},
                              headers={"Accept": "application/sparql-results+json"})
        assert response.status_code == 200, response.text
        assert response.json()["boolean"] is True
