"""SPARQL 1.1 Protocol at /sparql against a real server: methods, negotiation, datasets, service description."""

from __future__ import annotations

import io
import json

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef, Variable
from rdflib.query import Result

DGR = Namespace("https://w3id.org/diplograph/id/")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
ENTITIES = "https://w3id.org/diplograph/graph/entities"
DOCUMENT = "https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions"
LABEL_QUERY = "SELECT ?label WHERE { dgr:zelenskyy rdfs:label ?label }"
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o . FILTER(?s = dgr:finland || ?o = dgr:finland) }"


def labels(response: httpx.Response, format: str = "json") -> set:
    parsed = Result.parse(io.BytesIO(response.content), format=format)
    return {row[Variable("label")] for row in parsed.bindings}


def test_get_form_and_direct_post_agree(client):
    expected = {Literal("Volodymyr Zelenskyy", lang="en")}
    accept = {"Accept": "application/sparql-results+json"}
    assert labels(client.get("/sparql", params={"query": LABEL_QUERY}, headers=accept)) == expected
    assert labels(client.post("/sparql", data={"query": LABEL_QUERY}, headers=accept)) == expected
    direct = client.post("/sparql", content=LABEL_QUERY.encode(),
                         headers={**accept, "Content-Type": "application/sparql-query"})
    assert labels(direct) == expected


def test_head_has_headers_but_no_body(client):
    response = client.head("/sparql", params={"query": LABEL_QUERY}, headers={"Accept": "text/csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.content == b""


@pytest.mark.parametrize("accept, media, parser", [
    ("application/sparql-results+json", "application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ("text/csv", "text/csv", "csv"),
    ("text/tab-separated-values", "text/tab-separated-values", "tsv"),
    ("application/json", "application/json", "json"),  # SPARQL JSON, labelled as asked
    ("application/sparql-results+xml;q=0.5, text/csv;q=0.9", "text/csv", "csv"),
    ("text/html;q=0.9, application/sparql-results+xml", "application/sparql-results+xml", "xml"),
    ("*/*", "application/sparql-results+json", "json"),
    ("text/*;q=0.2, application/*;q=0.1", "text/csv", "csv"),
])
def test_select_results_negotiated_and_read_back(client, accept, media, parser):
    response = client.get("/sparql", params={"query": LABEL_QUERY}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media
    assert {str(v) for v in labels(response, parser)} == {"Volodymyr Zelenskyy"}


def test_ask_result(client):
    response = client.get("/sparql", params={"query": "ASK { dgr:putin a dg:Person }"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.json()["boolean"] is True


@pytest.mark.parametrize("accept, parser", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"), ("application/trig", "trig"), ("application/n-quads", "nquads"),
])
def test_construct_results_negotiated_and_read_back(client, accept, parser):
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == accept
    if parser in ("trig", "nquads"):
        parsed = Dataset()
        parsed.parse(data=response.content, format=parser)
        triples = {(s, p, o) for s, p, o, _ in parsed.quads((None, None, None, None))}
    else:
        triples = set(Graph().parse(data=response.content, format=parser))
    assert (DGR.finland, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Finland", lang="en")) \
        in triples
    assert len(triples) > 5


def test_format_parameter_overrides_accept(client):
    response = client.get("/sparql", params={"query": LABEL_QUERY, "format": "tsv"}, headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")


def test_unproducible_format_is_406_problem(client):
    response = client.get("/sparql", params={"query": LABEL_QUERY}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
    assert "application/sparql-results+json" in response.json()["acceptable"]
    construct = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert construct.status_code == 406


def test_malformed_query_is_400_with_position(client):
    response = client.get("/sparql", params={"query": "SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o > )\n}"})
    assert response.status_code == 400
    problem = response.json()
    assert problem["title"] == "Malformed SPARQL"
    assert (problem["line"], problem["column"]) == (4, 3)


def test_service_description_lists_graphs_with_sizes(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    description = Graph().parse(data=response.content, format="turtle")
    service = next(description.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), SD.Service))
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in description
    sizes = {}
    for named in description.objects(None, SD.namedGraph):
        name = description.value(named, SD.name)
        sizes[str(name)] = int(description.value(description.value(named, SD.graph), VOID.triples))
    stats = client.get("/stats").json()
    assert sizes == stats["graphs"]


def test_browser_gets_the_query_editor_without_cdn(client):
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200
    page = response.text
    assert '<script src="/static/vendor/yasgui/yasgui.min.js">' in page
    assert "cq02-preconditions" in page  # canned queries offered as examples
    assert "//cdn" not in page and "unpkg" not in page
    assert client.get("/static/vendor/yasgui/yasgui.min.js").status_code == 200


def test_default_graph_uri_restricts_the_dataset(client):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    response = client.get("/sparql", params={"query": count, "default-graph-uri": ENTITIES},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    n = int(response.json()["results"]["bindings"][0]["n"]["value"])
    assert n == client.get("/stats").json()["graphs"][ENTITIES]


def test_named_graph_uri_restricts_graph_patterns(client):
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.post("/sparql", data={"query": query, "named-graph-uri": DOCUMENT},
                           headers={"Accept": "application/sparql-results+json"})
    graphs = {b["g"]["value"] for b in response.json()["results"]["bindings"]}
    assert graphs == {DOCUMENT}


def test_from_a_local_graph_is_served_from_the_store(client):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{ENTITIES}> WHERE {{ ?s ?p ?o }}"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == \
        client.get("/stats").json()["graphs"][ENTITIES]


def test_graph_store_get(client):
    one = client.get("/store", params={"graph": ENTITIES}, headers={"Accept": "application/n-triples"})
    assert one.status_code == 200
    assert len(Graph().parse(data=one.content, format="nt")) == client.get("/stats").json()["graphs"][ENTITIES]
    whole = client.get("/store", headers={"Accept": "application/trig"})
    dataset = Dataset()
    dataset.parse(data=whole.content, format="trig")
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert {ENTITIES, DOCUMENT} <= names
    union = client.get("/store", params={"default": ""}, headers={"Accept": "text/turtle"})
    assert len(Graph().parse(data=union.content, format="turtle")) >= len(Graph().parse(data=one.content, format="nt"))
    assert client.get("/store", params={"graph": "http://example.org/none"}).status_code == 404


def test_graph_store_is_read_only(client):
    response = client.put("/store", params={"graph": ENTITIES}, content=b"<a:b> <c:d> <e:f> .",
                          headers={"Content-Type": "application/n-triples"})
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


def test_truncated_results_are_flagged(client):
    # cap rows via the canned-query paging of a big result
    response = client.get("/queries/cq10-provenance", params={"limit": 5})
    body = response.json()
    assert body["count"] == 5 and body["has_more"] is True
    assert 'rel="next"' in response.headers["link"]
    json.dumps(body)  # plain JSON


def test_an_answer_larger_than_a_pipe_buffer_arrives_whole(client, graph):
    # the worker's answer (every triple with its graph, well over 64 KiB of JSON) crosses the pipe in many reads
    query = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200
    assert len(response.content) > 65_536
    rows = response.json()["results"]["bindings"]
    assert len(rows) == len(list(graph.dataset.quads((None, None, None, None))))


# ---------------------------------------------------------------------------------------------- protocol details

def test_head_answers_like_get_without_a_body(client):
    query = {"query": "SELECT ?s WHERE { ?s a dg:Demand }"}
    get = client.get("/sparql", params=query, headers={"Accept": "text/csv"})
    head = client.head("/sparql", params=query, headers={"Accept": "text/csv"})
    assert head.status_code == get.status_code == 200
    assert head.headers["content-type"] == get.headers["content-type"] and head.content == b""


def test_an_update_by_get_is_refused(client):
    response = client.get("/sparql", params={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    assert response.status_code == 400 and "POST" in response.json()["detail"]


def test_eighty_triple_patterns_in_one_group_answer(client):
    text = "SELECT * WHERE { " + " ".join(f"OPTIONAL {{ ?s <urn:p{i}> ?o{i} }}" for i in range(80)) + \
        " ?s a dg:Demand }"
    response = client.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    assert len(response.json()["results"]["bindings"]) == 3  # the three demands, each with nothing optional bound


@pytest.mark.parametrize("text", ['a\nb', 'back\\slash', 'a "quote"', "it's"])
def test_search_text_with_newline_backslash_and_quotes_is_searched_literally(client, text):
    response = client.get("/queries/search", params={"text": text})
    assert response.status_code == 200, response.text
    assert response.json()["rows"] == []  # no quote contains these characters together
