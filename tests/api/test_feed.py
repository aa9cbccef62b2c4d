"""What is new, as JSON and as an Atom feed a reader can subscribe to."""

from __future__ import annotations

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"


def statements_with_a_document(client) -> int:
    answer = client.get("/sparql", params={"query": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s prov:wasDerivedFrom "
                                                    "?d ; dg:evidence ?e ; a/rdfs:subClassOf* dg:Statement }"},
                        headers={"Accept": "application/sparql-results+json"}).json()
    return int(answer["results"]["bindings"][0]["n"]["value"])


def test_the_feed_lists_every_statement_newest_first_and_filters_by_date(client):
    feed = client.get("/feed").json()
    # the bundled article (2025-11-30) is the only document: all its statements are "new" without a date
    assert feed["count"] == len({i["statement"] for i in feed["items"]}) == statements_with_a_document(client)
    assert all(item["dateKind"] for item in feed["items"])
    assert client.get("/feed", params={"since": "2025-11-30"}).json()["count"] == feed["count"]
    assert client.get("/feed", params={"since": "2025-12-01"}).json()["count"] == 0
    assert client.get("/feed", params={"since": "yesterday"}).status_code == 422


def test_the_atom_feed_has_one_entry_per_statement_linking_its_page(client):
    response = client.get("/feed.atom")
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == client.get("/feed").json()["count"]
    refusal = next(e for e in entries if e.findtext(f"{ATOM}title") == "Ukraine refuses Putin's conditions")
    assert refusal.findtext(f"{ATOM}author/{ATOM}name") == "Ukraine"
    assert refusal.find(f"{ATOM}link").get("href").endswith("/id/position-ukraine-refuses-putin-conditions")
    assert "“Ukraine refuses.”" in refusal.findtext(f"{ATOM}summary")
    assert refusal.findtext(f"{ATOM}updated") == "2025-11-30T00:00:00Z"
    empty = ET.fromstring(client.get("/feed.atom", params={"since": "2026-01-01"}).content)
    assert empty.findall(f"{ATOM}entry") == []
