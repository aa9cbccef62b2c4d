"""The JSON graph API, linked-data pages and canned queries over HTTP, against the real server."""

from __future__ import annotations

import csv
import io

import pytest
from rdflib import Graph, Literal, URIRef

RUSSIA = "https://w3id.org/diplograph/id/russia"
DOCUMENT = "https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions"

# One answer per competency question, read from the article (see tests/test_competency.py for the full checks).
CQ_ANSWERS = [
    ("cq01-proposal-accepted-as-basis", "drafterLabel", {"United States"}),
    ("cq02-preconditions", "demand", {"https://w3id.org/diplograph/id/demand-ukraine-withdraws-before-talks"}),
    ("cq03-proposal-points", "pointLabel", {"Territorial status of occupied regions", "Limits on Ukraine’s military "
                                            "forces", "Security guarantees without NATO", "International monitoring"}),
    ("cq04-military-limits", "capabilityLabel", {"Ukraine's army size", "Ukraine's strategic weapons",
                                                 "Ukraine's long-range capabilities"}),
    ("cq05-principles-of-actor", "principleLabel", {"Complete withdrawal of Russian forces", "Restoration of "
                                                    "internationally recognized borders",
                                                    "Binding long-term security guarantees"}),
    ("cq07-credible-protection", "guarantorLabel", {"NATO"}),
    ("cq08-analogy-examples", "territoryLabel", {"Transnistria", "Abkhazia", "Donbas"}),
]


@pytest.mark.parametrize("name, column, expected", CQ_ANSWERS)
def test_competency_questions_over_http(client, name, column, expected):
    response = client.get(f"/queries/{name}")
    assert response.status_code == 200, response.text
    assert {row[column] for row in response.json()["rows"]} == expected


def test_cq6_and_cq9_over_http(client):
    actors = {row["actorLabel"] for row in client.get("/queries/cq06-reject-territorial-concessions").json()["rows"]}
    assert {"Ukraine", "Ukrainian officials", "Volodymyr Zelenskyy", "Baltic countries", "Poland", "Finland"} <= actors
    pairs = {(r["demandLabel"], r["principleLabel"]) for r in client.get("/queries/cq09-demands-vs-principles",
                                                                       params={"limit": 100}).json()["rows"]}
    assert ("Security guarantees without NATO", "Binding long-term security guarantees") in pairs


def test_cq10_over_http_every_row_has_a_quote(client, source_text):
    rows = client.get("/queries/cq10-provenance", params={"limit": 1000}).json()["rows"]
    assert rows and all(row["quote"] in source_text for row in rows)


def test_canned_query_parameters_and_errors(client):
    baltic = client.get("/queries/cq05-principles-of-actor", params={"holder": "baltic-states"}).json()
    assert [r["principleLabel"] for r in baltic["rows"]] == [
        "Peace achieved through forced concessions legitimizes aggression"]
    assert baltic["parameters"] == {"holder": "https://w3id.org/diplograph/id/baltic-states"}
    # "a b" is no IRI, so it is looked up as a name, and no entity has it
    unknown = client.get("/queries/cq05-principles-of-actor", params={"holder": "a b"})
    assert unknown.status_code == 404
    assert unknown.json()["detail"] == "parameter 'holder': no entity with IRI, label or alias 'a b'"
    assert client.get("/queries/search").json()["detail"].startswith("missing required parameter 'text'")
    assert client.get("/queries/nope").status_code == 404


def test_canned_query_csv_and_paging(client):
    response = client.get("/queries/cq10-provenance", params={"format": "csv", "limit": 10, "offset": 10})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 10
    assert 'rel="prev"' in response.headers["link"] and 'rel="next"' in response.headers["link"]
    tsv = client.get("/queries/cq08-analogy-examples", headers={"Accept": "text/tab-separated-values"})
    assert tsv.text.startswith("?analogy\t")


def test_queries_listing(client):
    listing = client.get("/queries").json()
    names = {q["name"] for q in listing["data"]}
    assert listing["count"] == len(names) >= 20
    assert all(not {p["name"] for p in q["parameters"]} & {"format", "limit", "offset", "timeout"}
               for q in listing["data"])


def test_collections_filter_and_facets(client):
    actors = client.get("/actors", params={"limit": 500}).json()
    assert actors["count"] == len(actors["data"]) >= 20
    assert actors["facets"]["class"]["dg:State"] == 43
    states = client.get("/actors", params={"kind": "State"}).json()
    # the article's five, the three Baltic states the reference data names as members of "Baltic countries", and
    # the further states of the war's diplomacy the reference data names for drafting
    assert {a["label"] for a in states["data"]} == {
        "Russia", "Ukraine", "United States", "Poland", "Finland", "Estonia", "Latvia", "Lithuania",
        "China", "United Kingdom", "France", "Germany", "Italy", "Hungary", "Slovakia", "Turkey", "Holy See",
        "Switzerland", "Moldova", "Belarus", "India", "Brazil", "Saudi Arabia", "Qatar", "United Arab Emirates",
        "Japan", "Canada", "Belgium", "Netherlands", "Spain", "Romania", "Bulgaria", "Austria", "Sweden", "Norway",
        "Denmark", "Czech Republic", "Greece", "Portugal", "Serbia", "Iran", "North Korea", "South Africa"}
    kyiv = client.get("/actors", params={"q": "kyiv"}).json()
    assert [a["id"] for a in kyiv["data"]] == ["ukraine"]
    page = client.get("/actors", params={"limit": 2, "offset": 2}).json()
    assert len(page["data"]) == 2 and page["count"] == actors["count"]


@pytest.mark.parametrize("path, minimum", [("/demands", 3), ("/territories", 9), ("/guarantees", 4),
                                           ("/proposals", 1), ("/points", 4), ("/principles", 5),
                                           ("/positions", 6), ("/claims", 20), ("/statements", 50),
                                           ("/sources", 1)])
def test_every_core_collection(client, path, minimum):
    body = client.get(path).json()
    assert body["count"] >= minimum


def test_statements_faceted_by_asserter(client):
    by_author = client.get("/statements", params={
        "asserted_by": "author-2025-11-30-peace-talks-putin-conditions", "limit": 500}).json()
    assert by_author["count"] >= 20
    assert all(DOCUMENT.rsplit("/", 1)[-1] in " ".join(i["sources"]) for i in by_author["data"])
    facets = client.get("/statements", params={"limit": 1}).json()["facets"]["asserted_by"]
    assert facets["dgr:analysts"] >= 4


def test_entity_by_alias_with_statements_and_quotes(client):
    russia = client.get("/entities/Moscow").json()
    assert russia["iri"] == RUSSIA and russia["aliases"] == ["Moscow", "Russian Federation"]  # data/entities.ttl
    demands = [s for s in russia["statements"] if s["via"].endswith("#demandedBy")]
    assert {d["label"] for d in demands} >= {"Recognise Russia's control over the occupied regions; only then will "
                                             "Russia talk"}
    assert all(d["evidence"] and d["evidence"][0]["source"] == DOCUMENT for d in demands)
    assert client.get("/entities/Atlantis").status_code == 404


def test_neighbors_and_paths(client):
    ego = client.get("/entities/finland/neighbors", params={"depth": 1}).json()
    ids = {n["id"] for n in ego["nodes"]}
    assert "dgr:principle-forced-concessions-legitimize-aggression" in ids
    assert all(e["quotes"] for e in ego["edges"] if e["source"].startswith("dgr:principle"))
    paths = client.get("/paths", params={"from": "Finland", "to": "Russia"}).json()["paths"]
    assert paths and all(path[0]["target"] == "dgr:finland" or path[0]["source"] == "dgr:finland" for path in paths)
    assert any(step["quotes"] for path in paths for step in path)
    assert client.get("/entities/finland/neighbors", params={"depth": 9}).status_code == 422


def test_linked_data_page_for_people(client):
    page = client.get("/id/ukraine", headers={"Accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Ukraine refuses." in page.text
    assert 'href="/id/zelenskyy"' in page.text or 'href="/id/position-ukraine-refuses-putin-conditions"' in page.text


@pytest.mark.parametrize("accept, fmt, parser", [("text/turtle", None, "turtle"),
                                                 ("application/ld+json", None, "json-ld"),
                                                 ("text/html", "turtle", "turtle"), ("*/*", "jsonld", "json-ld")])
def test_linked_data_for_machines(client, accept, fmt, parser):
    params = {"format": fmt} if fmt else {}
    response = client.get("/id/russia", headers={"Accept": accept}, params=params)
    assert response.status_code == 200, response.text
    graph = Graph().parse(data=response.content, format=parser)
    assert (URIRef(RUSSIA), URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Russia", lang="en")) \
        in graph
    assert len(set(graph.objects(None, URIRef("http://www.w3.org/ns/oa#exact")))) >= 5


def test_source_page_and_text(client, source_text):
    name = DOCUMENT.rsplit("/", 1)[-1]
    reader = client.get(f"/source/{name}", headers={"Accept": "text/html"}).text
    assert "quoted passages" in reader and "Ukraine refuses." in reader  # the reader, with the text
    facts = client.get(f"/source/{name}", params={"view": "facts"}, headers={"Accept": "text/html"}).text
    assert "Read the text with its quotes" in facts
    assert client.get(f"/source/{name}/text").text == source_text
    assert client.get("/id/no-such-thing").status_code == 404


def test_openapi_documents_every_route_and_docs_are_offline(client):
    spec = client.get("/openapi.json").json()
    for path in ("/sparql", "/queries", "/queries/{name}", "/actors", "/demands", "/territories", "/guarantees",
                 "/entities/{id}", "/entities/{id}/neighbors", "/paths", "/stats", "/health", "/store",
                 "/id/{name}"):
        assert path in spec["paths"], path
    assert spec["paths"]["/entities/{id}"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    # every canned query and analysis has its own entry, with its typed parameters (diplograph.operations)
    listed = {o["path"]: o for o in client.get("/operations").json()["data"]}
    for path, described in listed.items():
        documented = spec["paths"][path]["get"]
        names = [p["name"] for p in documented["parameters"]]
        assert names[:len(described["parameters"])] == [p["name"] for p in described["parameters"]], path
    timeline = {p["name"]: p for p in spec["paths"]["/queries/position-timeline"]["get"]["parameters"]}
    # "# param actor: IRI = dgr:russia": a default, so not required; "from" is a date (or left empty, as a form does)
    assert timeline["from"]["schema"]["anyOf"][0]["format"] == "date" and timeline["actor"]["required"] is False
    assert spec["paths"]["/analysis/coalitions"]["get"]["parameters"][0]["schema"]["anyOf"][0]["enum"] == [
        "balance", "communities"]
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "cdn.jsdelivr" not in docs
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_home_page(client):
    page = client.get("/").text
    assert "/sparql" in page and "cq02-preconditions" in page


def test_analyses_over_http(client):
    listing = client.get("/analysis").json()
    assert {a["name"] for a in listing["data"]} >= {"centrality", "coalitions", "conflicts", "paths", "ego"}
    groups = client.get("/analysis/coalitions").json()["result"]["groups"]
    assert any("dgr:russia" in g and "dgr:ukraine" not in g for g in groups)
    conflicts = client.get("/analysis/conflicts").json()
    assert "incompatible-measures" in conflicts["rules"]
    assert all(c["demand_quotes"] and c["opponent_quotes"] for c in conflicts["result"])
    paths = client.get("/analysis/paths", params={"source": "Poland", "target": "Moscow"}).json()["result"]
    # every hop is either a source's words (with quotes) or marked as the editors' reference data
    assert paths and all(step["quotes"] or step["editorial"] for path in paths for step in path)
    assert any(not step["editorial"] for step in paths[0])
    assert client.get("/analysis/paths").status_code == 400
    assert client.get("/analysis/astrology").status_code == 404


def test_actor_timeline_route(client):
    body = client.get("/actors/Kyiv/timeline").json()
    assert body["parameters"]["actor"] == "https://w3id.org/diplograph/id/ukraine"
    assert body["count"] > 5 and {r["date"] for r in body["rows"]} == {"2025-11-30"}
    assert "Ukraine refuses." in {r["quote"] for r in body["rows"]}
    assert client.get("/actors/Kyiv/timeline", params={"from": "2026-01-01"}).json()["count"] == 0
    assert client.get("/actors/Atlantis/timeline").status_code == 404


def test_an_unknown_entity_in_a_parameter_is_a_404_problem_over_http(client):
    response = client.get("/queries/demands", params={"by": "Moskow"})
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "did you mean 'Moscow'?" in response.json()["detail"]
    assert client.get("/queries/demands", params={"by": "Moscow"}).status_code == 200
