"""What the graph takes in cannot break what it gives out: control characters, script in labels and quotes,
javascript: addresses, candidate ids — every page opened in Chromium, every XML answer read by an XML parser."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import httpx
import pytest
from api.conftest import UPDATE_TOKEN, Server

DOCUMENT = "2025-11-30-peace-talks-putin-conditions"
S = f"https://w3id.org/diplograph/source/{DOCUMENT}"
DG, DGR, RDF, RDFS = ("https://w3id.org/diplograph/ontology#", "https://w3id.org/diplograph/id/",
                      "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#")
PROV, OA = "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/oa#"
CONTROL_CORPUS = "\n".join(f"{s} {p} {o} <{S}> ." for s, p, o in [
    (f"<{DGR}odd-envoy>", f"<{RDF}type>", f"<{DG}Person>"),
    (f"<{DGR}odd-envoy>", f"<{RDFS}label>", '"Odd\\u0001Envoy\\u000B"'),
    (f"<{DGR}odd-claim>", f"<{RDF}type>", f"<{DG}Claim>"),
    (f"<{DGR}odd-claim>", f"<{RDFS}label>", '"A claim\\u0002 of an odd envoy"'),
    (f"<{DGR}odd-claim>", f"<{PROV}wasAttributedTo>", f"<{DGR}odd-envoy>"),
    (f"<{DGR}odd-claim>", f"<{PROV}wasDerivedFrom>", f"<{S}>"),
    (f"<{DGR}odd-claim>", f"<{DG}about>", f"<{DGR}russia>"),
    (f"<{DGR}odd-claim>", f"<{DG}evidence>", "_:e"),
    ("_:e", f"<{OA}hasSource>", f"<{S}>"), ("_:e", f"<{OA}hasSelector>", "_:s"),
    ("_:s", f"<{OA}exact>", '"quoted\\u0003words"')])


@pytest.fixture(scope="module")
def odd_server(tmp_path_factory):
    """The bundled graph plus an N-Quads corpus (not validated: bulk-loaded as it is) with control characters."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "odd.nq").write_text(CONTROL_CORPUS.strip() + "\n")
    from helpers import REPO

    server = Server("--data", str(REPO / "data"), "--data", str(folder), "--workers", "2")
    yield server
    server.stop()


@pytest.mark.parametrize("path, params", [
    ("/feed.atom", {}), ("/export/graphml", {}), ("/export/gexf", {}), ("/export/rdfxml", {}),
    ("/store", {"graph": S, "format": "rdfxml"}), ("/store", {"default": "", "format": "rdfxml"}),
    ("/sparql", {"query": "SELECT ?l WHERE { ?s rdfs:label ?l }", "format": "xml"}),
    ("/sparql", {"query": "CONSTRUCT WHERE { ?s rdfs:label ?l }", "format": "rdfxml"}),
    ("/id/odd-envoy", {"format": "rdfxml"}),
])
def test_every_xml_answer_is_well_formed_though_the_data_holds_control_characters(odd_server, path, params):
    response = httpx.get(odd_server.url + path, params=params, timeout=60)
    assert response.status_code == 200, response.text[:500]
    root = ET.fromstring(response.content)  # expat: refuses any character XML 1.0 forbids
    assert "Odd\ufffdEnvoy" in ET.tostring(root, encoding="unicode") or path in ("/export/graphml", "/export/gexf")


def test_an_update_may_not_store_a_control_character(tmp_path):
    server = Server("--allow-updates", "--workers", "1", env={"DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN,
                                                               "DIPLOGRAPH_CACHE": str(tmp_path)})
    try:
        refused = httpx.post(server.url + "/sparql", timeout=30, headers={
            "Content-Type": "application/sparql-update", "Authorization": f"Bearer {UPDATE_TOKEN}"},
            content=b'INSERT DATA { dgr:x rdfs:label "bad\\u0001label" }')
        assert refused.status_code == 400 and "U+0001" in refused.json()["detail"]
        asked = httpx.get(server.url + "/sparql", params={"query": "ASK { dgr:x ?p ?o }"},
                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert asked.json()["boolean"] is False
    finally:
        server.stop()


PAYLOADS = ['<img src=x onerror="window.__xss=1">', '"><script>window.__xss=2</script>',
            "</script><!--<script>window.__xss=3</script>", "' onmouseover='window.__xss=4' x='",
            "<svg onload=window.__xss=5>", "{{7*7}} ${alert(6)} \u2028 </textarea>"]
HOSTILE = "2026-03-01-hostile"
TEXT = "HOSTILE TEST DOCUMENT — MADE UP.\n\n" + "\n".join(
    f"Line {n}: Moscow said {payload} in Geneva." for n, payload in enumerate(PAYLOADS)) + "\n"


def _hostile_project(root) -> None:
    """A copy of the project with a document whose text, labels, aliases, addresses and review file carry script."""
    import hashlib
    import json
    import shutil

    from helpers import REPO

    for folder in ("data", "ontology", "queries"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns(".removed", "review"))
    (root / "data" / "sources" / f"{HOSTILE}.txt").write_text(TEXT, encoding="utf-8")
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    graph = [{"id": f"dgs:{HOSTILE}", "type": "SourceDocument", "title": PAYLOADS[0] + " (hostile)",
              "issued": "2026-03-01", "textFile": f"sources/{HOSTILE}.txt", "sha256": sha,
              "url": "javascript:window.__xss=7", "publisher": PAYLOADS[1]},
             {"id": f"dgr:author-{HOSTILE}", "type": "Author", "label": PAYLOADS[2]},
             {"id": "dgr:hostile-envoy", "type": "Person", "label": PAYLOADS[0], "aliases": [PAYLOADS[3]],
              "sameAs": "javascript:window.__xss=8"},
             {"id": "dgr:hostile-state", "type": "State", "label": PAYLOADS[4],
              "sameAs": "data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTI8L3NjcmlwdD4="}]
    for n, payload in enumerate(PAYLOADS):
        graph.append({"id": f"dgr:claim-hostile-{n}", "type": "Claim", "label": f"{payload} claim {n}",
                      "about": ["Moscow", "dgr:hostile-envoy"], "attributedTo": "dgr:hostile-envoy",
                      "assertionMode": "Reported", "datePrecision": "AsOfDocument", "derivedFrom": f"dgs:{HOSTILE}",
                      "evidence": [{"source": f"dgs:{HOSTILE}", "selector": {"type": "TextQuoteSelector",
                                                                              "exact": f"Moscow said {payload}"}}]})
    sheet = {"@context": "https://w3id.org/diplograph/context", "@graph": graph}
    (root / "data" / "documents" / f"{HOSTILE}.yaml").write_text(json.dumps(sheet), encoding="utf-8")
    review = root / "data" / "review"
    review.mkdir()
    candidate = {"id": "abcdef0123", "sentence": f"Line 1: Moscow said {PAYLOADS[1]} in Geneva.", "kind": "Claim",
                 "asserted_by": PAYLOADS[3], "assertion_mode": "Reported", "rule": PAYLOADS[2],
                 "mentions": [{"text": PAYLOADS[4], "entity": "dgr:russia", "label": PAYLOADS[0], "score": 1.0}],
                 "new_entities": [PAYLOADS[5]]}
    (review / f"{HOSTILE}.yaml").write_text(json.dumps({"candidates": [candidate]}), encoding="utf-8")


PAGES = ["/", "/actors", "/actors?q=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D9%3E", "/id/hostile-envoy",
         "/id/hostile-state", "/entities/hostile-envoy", "/entities/hostile-envoy/neighbors",
         f"/source/{HOSTILE}", f"/source/{HOSTILE}?view=facts", f"/source/{HOSTILE}?view=review",
         "/queries/search?text=%3Cscript%3Ewindow.__xss%3D10%3C/script%3E", "/queries/demands?by=%22%3E%3Csvg",
         "/analysis/paths?source=hostile-envoy&target=Moscow", "/analysis/conflicts", "/feed", "/statements",
         "/id/%3Cscript%3Ewindow.__xss=11%3C%2Fscript%3E", "/paths?from=hostile-envoy&to=Moscow", "/sparql",
         "/actors/hostile-envoy/timeline", "/graphs", "/operations", "/explore"]


def test_no_page_runs_what_the_data_or_the_address_carries(browser, tmp_path):
    """Zero executions and zero policy violations: every payload is text on every page."""
    _hostile_project(tmp_path)
    server = Server("--allow-review", "--data", str(tmp_path / "data"), "--ontology", str(tmp_path / "ontology"),
                    "--workers", "2", env={"DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN,
                                           "DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    page = browser.new_page()
    page.add_init_script("document.addEventListener('securitypolicyviolation', e => "
                         "(window.__violations = window.__violations || []).push(e.violatedDirective + ' ' + "
                         "e.blockedURI));")
    try:
        for path in PAGES:
            response = page.goto(server.url + path)
            assert response.status in (200, 404, 422), (path, response.status)
            page.wait_for_load_state("load")
            for mark in page.locator("mark").all()[:8]:  # what a reader does: click the highlighted passages
                mark.click()
            page.mouse.move(10, 10)
            assert page.evaluate("window.__xss") is None, path
            assert page.evaluate("window.__violations || []") == [], path
            for link in page.locator("a[href]").all():
                target = link.get_attribute("href").strip().lower()
                assert target.startswith(("/", "http://", "https://", "#", "?")), (path, target)
        text = page.goto(server.url + f"/source/{HOSTILE}")
        assert text.status == 200 and PAYLOADS[1] in page.text_content("article.text")
    finally:
        page.close()
        server.stop()


def test_a_greedy_client_cannot_take_every_worker(tmp_path):
    """Six runaway queries from one address hold at most its share (workers − 1); another address is answered."""
    import concurrent.futures
    import time

    server = Server("--workers", "3", "--timeout", "4", env={"DIPLOGRAPH_CACHE": str(tmp_path)})
    greedy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    try:
        with concurrent.futures.ThreadPoolExecutor(7) as pool:
            hogs = [pool.submit(httpx.get, server.url + "/sparql", params={"query": greedy}, timeout=30)
                    for _ in range(6)]
            time.sleep(1.0)  # the greedy client's share is taken, its other requests wait
            other = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=30)
            started = time.monotonic()
            answer = other.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"},
                               headers={"Accept": "application/sparql-results+json"})
            waited = time.monotonic() - started
            statuses = sorted(h.result().status_code for h in hogs)
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        assert waited < 2.0, waited  # not behind the greedy client's queries (each runs 4 s)
        assert statuses.count(503) >= 2  # its runaway queries: stopped at the limit, or refused as over its share
    finally:
        server.stop()
