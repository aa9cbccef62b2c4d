"""Real SPARQL clients, unmodified, against the real server: SPARQLWrapper, rdflib's SPARQLStore, curl."""

from __future__ import annotations

import csv
import io
import subprocess

import pytest
from helpers import require_program
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

PREFIXES = """PREFIX dg: <https://w3id.org/diplograph/ontology#>
PREFIX dgr: <https://w3id.org/diplograph/id/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
DEMANDS = PREFIXES + "SELECT ?d ?label WHERE { ?d a dg:Demand ; dg:demandedBy dgr:russia ; rdfs:label ?label }"


def test_sparqlwrapper_select_json(server):
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(DEMANDS)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]
    assert {b["d"]["value"].rsplit("/", 1)[-1] for b in bindings} == {
        "demand-ukraine-withdraws-before-talks", "demand-recognise-russian-control", "demand-limit-ukrainian-military"}


def test_sparqlwrapper_post_csv(server):
    client = SPARQLWrapper(server.url + "/sparql")
    client.setMethod(POST)
    client.setQuery(DEMANDS)
    client.setReturnFormat(CSV)
    rows = list(csv.DictReader(io.StringIO(client.query().convert().decode())))
    assert len(rows) == 3 and all(r["label"] for r in rows)


def test_sparqlwrapper_construct_turtle(server):
    client = SPARQLWrapper(server.url + "/sparql")
    client.setQuery(PREFIXES + "CONSTRUCT { dgr:poland rdfs:label ?l } WHERE { dgr:poland rdfs:label ?l }")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert (URIRef("https://w3id.org/diplograph/id/poland"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal("Poland", lang="en")) in graph


@pytest.mark.parametrize("return_format", ["json", "xml"])
def test_rdflib_sparqlstore(server, return_format):
    store = SPARQLStore(query_endpoint=server.url + "/sparql", returnFormat=return_format)
    graph = Graph(store=store)
    rows = list(graph.query(DEMANDS))
    assert len(rows) == 3
    assert Literal("Restrict Ukraine's army size, strategic weapons and long-range capabilities", lang="en") \
        in {row[1] for row in rows}
    ask = graph.query(PREFIXES + "ASK { dgr:putin a dg:Person }")
    assert ask.askAnswer is True


def test_curl(server):
    curl = require_program("curl")
    result = subprocess.run(
        [curl, "-s", "-f", "-H", "Accept: text/csv", "--data-urlencode", f"query={DEMANDS}", server.url + "/sparql"],
        capture_output=True, text=True, timeout=60, check=True)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
