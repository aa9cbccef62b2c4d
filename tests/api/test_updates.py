"""Runtime updates: they read the whole graph, write only the overlay, and refuse anything that names a graph.

The semantics (see ``diplograph.updates``): INSERT/DELETE … WHERE match against every graph, as a query does;
what they write goes to the overlay graph; the data files' graphs never change at run time.
"""

from __future__ import annotations

import httpx
import pytest

DOCUMENT_GRAPH = "https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions"
OVERLAY = "https://w3id.org/diplograph/graph/updates"


@pytest.fixture(scope="module")
def http(update_server, update_token):
    with httpx.Client(base_url=update_server.url, timeout=30,
                      headers={"Authorization": f"Bearer {update_token}"}) as client:
        yield client


def update(http, text: str) -> httpx.Response:
    return http.post("/sparql", content=text.encode(), headers={"Content-Type": "application/sparql-update"})


def count(http, query: str) -> int:
    answer = http.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def test_an_update_reads_every_graph_and_writes_the_overlay(http):
    demands = count(http, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a dg:Demand }")
    document = count(http, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }}")
    assert demands == 3  # the article's three demands (the fact sheet's dg:Demand nodes)
    response = update(http, "INSERT { ?d <urn:test:flag> true } WHERE { ?d a dg:Demand }")
    assert response.status_code == 204, response.text
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { ?d <urn:test:flag> true }") == demands
    assert count(http, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{OVERLAY}> {{ ?d <urn:test:flag> true }} }}") \
        == demands
    assert count(http, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }}") == document

    assert update(http, "DELETE WHERE { ?d <urn:test:flag> true }").status_code == 204
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { ?d <urn:test:flag> true }") == 0


def test_delete_cannot_touch_a_data_graph(http):
    before = count(http, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }}")
    assert update(http, "DELETE { ?s ?p ?o } WHERE { ?s a dg:Demand ; ?p ?o }").status_code == 204
    after = count(http, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOCUMENT_GRAPH}> {{ ?s ?p ?o }} }}")
    assert after == before  # deletes apply to the overlay only


def test_insert_data_and_clear_default_act_on_the_overlay(http):
    assert update(http, "INSERT DATA { <urn:test:x> <urn:test:p> 'one' . <urn:test:x> <urn:test:p> 'two' }"
                  ).status_code == 204
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { <urn:test:x> <urn:test:p> ?o }") == 2
    assert update(http, "DELETE DATA { <urn:test:x> <urn:test:p> 'one' }").status_code == 204
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { <urn:test:x> <urn:test:p> ?o }") == 1
    assert update(http, "CLEAR DEFAULT").status_code == 204
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { <urn:test:x> ?p ?o }") == 0
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { ?d a dg:Demand }") > 0  # the data graphs stay


@pytest.mark.parametrize("text, word", [
    (f"INSERT DATA {{ GRAPH <{DOCUMENT_GRAPH}> {{ <urn:a> <urn:b> <urn:c> }} }}", "GRAPH"),
    (f"WITH <{DOCUMENT_GRAPH}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}", "WITH"),
    (f"DELETE {{ ?s ?p ?o }} USING <{DOCUMENT_GRAPH}> WHERE {{ ?s ?p ?o }}", "USING"),
    ("INSERT { ?s ?p ?o } USING <file:///etc/passwd> WHERE { ?s ?p ?o }", "USING"),
    ("CLEAR ALL", "CLEAR"),
    (f"DROP GRAPH <{DOCUMENT_GRAPH}>", "DROP"),
    ("CREATE GRAPH <urn:new>", "CREATE"),
    (f"ADD <{DOCUMENT_GRAPH}> TO DEFAULT", "ADD"),
    (f"MOVE <{DOCUMENT_GRAPH}> TO <urn:elsewhere>", "MOVE"),
    (f"COPY DEFAULT TO <{DOCUMENT_GRAPH}>", "COPY"),
])
def test_updates_naming_graphs_are_problems_not_errors(http, text, word):
    response = update(http, text)
    assert response.status_code == 400, response.text
    problem = response.json()
    assert problem["title"] == "Query refused" and problem["detail"].startswith(f"{word} (line 1")
    assert "overlay" in problem["detail"]


def test_a_malformed_update_is_a_syntax_problem_with_its_position(http):
    response = update(http, "INSERT DATA { <urn:a> <urn:b> }")
    assert response.status_code == 400
    assert response.json()["title"] == "Malformed SPARQL" and response.json()["line"] == 1


def test_a_path_put_in_the_graph_by_an_update_is_never_read(http, update_server):
    """The reproduction from the security review: a dg:textFile pointing at the server's environment."""
    for name, path in (("env", "/proc/self/environ"), ("passwd", "../../../../etc/passwd")):
        response = update(http, f'INSERT DATA {{ <https://w3id.org/diplograph/source/{name}> a dg:SourceDocument ; '
                                f'dg:textFile "{path}" }}')
        assert response.status_code == 204, response.text
        leaked = httpx.get(f"{update_server.url}/source/{name}/text", timeout=30)
        assert leaked.status_code == 404
        assert "TOKEN" not in leaked.text and "root:" not in leaked.text
    article = httpx.get(f"{update_server.url}/source/2025-11-30-peace-talks-putin-conditions/text", timeout=30)
    assert article.status_code == 200 and "Putin" in article.text


def test_a_runaway_update_is_stopped_at_the_time_limit_and_changes_nothing(http, update_server):
    """The reviewer's three-way cartesian product in an update's WHERE: it runs in a worker, which is stopped."""
    before = count(http, "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:test:runaway> ?o }")
    response = update(http, "INSERT { ?a <urn:test:runaway> ?c } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert response.status_code == 503 and response.json()["limit"] == "time"  # stopped at the server's 3 s
    assert httpx.get(update_server.url + "/health", timeout=1).status_code == 200
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { ?s <urn:test:runaway> ?o }") == before == 0
    assert update(http, "INSERT DATA { <urn:test:after> <urn:test:p> 1 }").status_code == 204
    assert count(http, "SELECT (COUNT(*) AS ?n) WHERE { <urn:test:after> ?p ?o }") == 1
    assert update(http, "CLEAR DEFAULT").status_code == 204
