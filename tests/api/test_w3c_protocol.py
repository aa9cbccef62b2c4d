"""The W3C SPARQL 1.1 Protocol query tests (tests/w3c/sparql/sparql11/protocol/manifest.ttl), run as written.

Each test's HTTP request — method, path, query string, headers, body and its encoding — is read from the
manifest's HTTP vocabulary and sent to a real server; its expected status class, result format and boolean are
checked. The graphs the tests name (``ut:graphData``) are loaded as named graphs of the server from the suite's
own data files, through a second data folder, as any corpus would be.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from helpers import REPO
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDFS

SUITE = Path(__file__).parents[1] / "w3c" / "sparql" / "sparql11" / "protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")

MANIFEST = Graph().parse(SUITE / "manifest.ttl", format="turtle", publicID=(SUITE / "manifest.ttl").as_uri())
ENTRIES = Collection(MANIFEST, next(MANIFEST.objects(None, MF.entries)))
QUERY_TESTS = [test for test in ENTRIES
               if str(test).rsplit("#", 1)[-1].startswith(("query_", "bad_query_", "bad_multiple_queries"))]


def test_the_query_tests_are_all_here():
    assert len(QUERY_TESTS) == 20


@pytest.fixture(scope="module")
def protocol_server(tmp_path_factory):
    """The bundled graph plus the suite's graphs, each under the name the tests give it."""
    from api.conftest import Server

    folder = tmp_path_factory.mktemp("protocol-graphs")
    lines = []
    for data in MANIFEST.objects(None, UT.graphData):
        name = str(MANIFEST.value(data, RDFS.label))
        graph = Graph().parse(str(MANIFEST.value(data, UT.graph)).removeprefix("file://"), format="nt")
        lines += [f"{s.n3()} {p.n3()} {o.n3()} <{name}> ." for s, p, o in graph]
    (folder / "protocol.nq").write_text("\n".join(sorted(set(lines))) + "\n", encoding="utf-8")
    server = Server("--data", str(REPO / "data"), "--data", str(folder), "--timeout", "10")
    yield server
    server.stop()


def _request(test) -> tuple[str, str, dict[str, str], bytes | None, object]:
    [request] = Collection(MANIFEST, MANIFEST.value(MANIFEST.value(test, MF.action), HT.requests))
    path = str(MANIFEST.value(request, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers_list = MANIFEST.value(request, HT.headers)
    headers = {str(MANIFEST.value(h, HT.fieldName)): str(MANIFEST.value(h, HT.fieldValue))
               for h in (Collection(MANIFEST, headers_list) if headers_list else [])}
    body = MANIFEST.value(request, HT.body)
    content = None
    if body is not None:
        encoding = str(MANIFEST.value(body, CNT.characterEncoding) or "UTF-8")
        content = str(MANIFEST.value(body, CNT.chars)).encode(encoding)
    return str(MANIFEST.value(request, HT.methodName)), path, headers, content, MANIFEST.value(request, HT.resp)


@pytest.mark.parametrize("test", QUERY_TESTS, ids=lambda t: str(t).rsplit("#", 1)[-1])
def test_w3c_protocol_query(protocol_server, test):
    method, path, headers, content, expected = _request(test)
    response = httpx.request(method, protocol_server.url + path, headers=headers, content=content, timeout=30)
    statuses = set(MANIFEST.objects(expected, MF.expectedStatus))
    if HTS.StatusCode4xx in statuses:
        assert 400 <= response.status_code < 500, (response.status_code, response.text)
        return
    assert 200 <= response.status_code < 400, (response.status_code, response.text)
    media_type = response.headers["content-type"].split(";")[0]
    expected_format = str(MANIFEST.value(expected, MF.expectedFormat) or "")
    if expected_format == "boolean":
        assert media_type in ("application/sparql-results+json", "application/sparql-results+xml")
        answer = response.json()["boolean"] if media_type.endswith("json") else "<boolean>true</boolean>" in \
            response.text
        boolean = MANIFEST.value(expected, MF.expectedBoolean)
        if boolean is not None:
            assert answer is (str(boolean) == "true")
    elif expected_format == "RDF":
        assert media_type in ("application/rdf+xml", "text/turtle", "application/n-triples")
        Graph().parse(data=response.content, format={"application/rdf+xml": "xml", "text/turtle": "turtle",
                                                     "application/n-triples": "nt"}[media_type])
    elif expected_format:
        formats = {"SPARQL Results XML": "application/sparql-results+xml",
                   "SPARQL Results JSON": "application/sparql-results+json",
                   "SPARQL Results CSV": "text/csv", "SPARQL Results TSV": "text/tab-separated-values"}
        assert media_type in {formats.get(f.strip(), f.strip()) for f in expected_format.split(",")} | set(
            formats.values()), (expected_format, media_type)


def test_the_suite_graphs_are_named_graphs_of_the_server(protocol_server):
    listed = httpx.get(protocol_server.url + "/sparql", params={
        "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a ?t } FILTER(STRSTARTS(STR(?g), 'http://kasei.us/')) }"},
        headers={"Accept": "text/csv"}, timeout=30).text.split()[1:]
    assert sorted(listed) == [f"http://kasei.us/2009/09/sparql/data/data{n}.rdf" for n in (1, 2, 3)]


def test_every_query_test_has_a_request_and_an_expected_status():
    """A guard on the runner itself."""
    for test in QUERY_TESTS:
        method, path, _, _, expected = _request(test)
        assert method in ("GET", "POST", "PUT") and path.startswith("/sparql")
        assert set(MANIFEST.objects(expected, MF.expectedStatus))
