"""Derived data (projections, centralities, statistics): built once per graph version by a builder, used by workers.

See ``diplograph.derived``. The server hands each graph version to a builder
process, which writes what it derived to the cache folder; the workers then
answer from it instead of computing it again, and a restart on the same data
finds it there.
"""

from __future__ import annotations

import dataclasses
import pickle
import time

import httpx
from api.conftest import UPDATE_TOKEN, Server


def wait_until_derived(server: Server, *, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        health = httpx.get(server.url + "/health", timeout=5).json()
        if health["derived"] == "ready":
            return health
        assert health["derived"] in ("not started", "building"), health
        time.sleep(0.2)
    raise AssertionError(f"derived data not ready after {seconds} s: {server.output()}")


def test_workers_answer_from_the_derived_file_and_a_restart_reuses_it(tmp_path):
    environment = {"DIPLOGRAPH_CACHE": str(tmp_path)}
    server = Server("--workers", "2", env=environment)
    try:
        wait_until_derived(server)
        ranking = httpx.get(server.url + "/analysis/centrality", params={"family": "actors"}, timeout=30).json()
    finally:
        server.stop()
    files = list((tmp_path / "derived").glob("*.pickle"))
    assert len(files) == 1
    # mark the file: if the workers answer from it, the mark shows; had they computed on their own, it would not
    with files[0].open("rb") as file:
        derived = pickle.load(file)
    derived["stats"] = dataclasses.replace(derived["stats"], triples=424242)
    with files[0].open("wb") as file:
        pickle.dump(derived, file)
    server = Server("--workers", "2", env=environment)
    try:
        wait_until_derived(server, seconds=30)
        assert httpx.get(server.url + "/stats", timeout=30).json()["triples"] == 424242
        again = httpx.get(server.url + "/analysis/centrality", params={"family": "actors"}, timeout=30).json()
        assert again == ranking
    finally:
        server.stop()
    assert list((tmp_path / "derived").glob("*.pickle")) == files  # nothing rebuilt


def test_an_update_gets_its_own_derived_data(tmp_path):
    server = Server("--allow-updates", "--workers", "2",
                    env={"DIPLOGRAPH_CACHE": str(tmp_path), "DIPLOGRAPH_UPDATE_TOKEN": UPDATE_TOKEN})
    try:
        wait_until_derived(server)
        people = httpx.get(server.url + "/stats", timeout=30).json()["classes"]["dg:Person"]
        response = httpx.post(server.url + "/sparql", timeout=30,
                              content=b'INSERT DATA { dgr:test-envoy a dg:Person ; rdfs:label "Test Envoy" }',
                              headers={"Content-Type": "application/sparql-update",
                                       "Authorization": f"Bearer {UPDATE_TOKEN}"})
        assert response.status_code == 204, response.text
        wait_until_derived(server)
        assert httpx.get(server.url + "/stats", timeout=30).json()["classes"]["dg:Person"] == people + 1
        assert len(list((tmp_path / "derived").glob("*.pickle"))) == 2  # one per graph version
    finally:
        server.stop()
