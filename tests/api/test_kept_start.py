"""A restart on unchanged files serves the store kept at the last run at once, then the files from memory.

See ``diplograph.kept``: a real server keeps what it served in its cache folder
when it has derived data; the next start on the very same files opens that store
read-only, answers from it, and loads the files into memory behind it, after
which updates and reviews work as on any start. Changed files are never served
from an old store.
"""

from __future__ import annotations

import time

import httpx
from api.conftest import UPDATE_TOKEN, Server
from api.test_derived import wait_until_derived

KEPT = "the store kept at the last run"
ENVOY = "https://w3id.org/diplograph/id/test-envoy"


def _said(server: Server) -> str:
    """What the server printed, as one line (the terminal wraps it)."""
    return " ".join(server.output().split())


def _ask(server: Server, query: str) -> bool:
    answer = httpx.get(server.url + "/sparql", params={"query": query}, timeout=30,
                       headers={"Accept": "application/sparql-results+json"})
    assert answer.status_code == 200, answer.text
    return answer.json()["boolean"]


def _wait_current(server: Server) -> dict:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        health = httpx.get(server.url + "/health", timeout=5).json()
        if health["data"] == "current":
            return health
        assert health["data"].startswith("loading the files into memory"), health
        time.sleep(0.1)
    raise AssertionError(f"the files were not loaded behind the kept store: {server.output()}")


def test_a_restart_serves_the_kept_store_then_the_files_and_updates_work(project, tmp_path):
    environment = {"DIPLOGRAPH_CACHE": str(tmp_path / "cache"), "DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN}
    arguments = ("--allow-updates", "--workers", "1", "--data", str(project.root / "data"),
                 "--ontology", str(project.root / "ontology"))
    first = Server(*arguments, env=environment)
    try:
        triples = wait_until_derived(first)["triples"]
        assert KEPT not in _said(first)
    finally:
        first.stop()  # waits for the store being kept
    assert list((tmp_path / "cache" / "stores").glob("*/manifest.json"))

    second = Server(*arguments, env=environment)
    try:
        assert KEPT in _said(second)
        assert _ask(second, "ASK { dgr:putin a dg:Person }")  # answered from the kept store or from memory
        assert _wait_current(second)["triples"] == triples
        update = httpx.post(second.url + "/sparql", timeout=30,
                            content=f'INSERT DATA {{ <{ENVOY}> a dg:Person ; rdfs:label "Test Envoy" }}'.encode(),
                            headers={"Content-Type": "application/sparql-update",
                                     "Authorization": f"Bearer {UPDATE_TOKEN}"})
        assert update.status_code == 204, update.text
        assert _ask(second, f"ASK {{ <{ENVOY}> a dg:Person }}")
        wait_until_derived(second)
    finally:
        second.stop()

    third = Server(*arguments, env=environment)
    try:
        assert KEPT in _said(third)
        assert not _ask(third, f"ASK {{ <{ENVOY}> ?p ?o }}")  # the runtime overlay is not kept (a restart drops it)
    finally:
        third.stop()

    sheet = project.document.read_text(encoding="utf-8")
    project.document.write_text(sheet + "\n# edited while the server was stopped\n", encoding="utf-8")
    fourth = Server(*arguments, env=environment)
    try:
        assert KEPT not in _said(fourth)  # changed files: loaded and validated, not taken from a kept store
        assert httpx.get(fourth.url + "/health", timeout=5).json()["data"] == "current"
    finally:
        fourth.stop()
