"""A cold start says what it is doing: until the graph is loaded, every request gets 503 with the progress."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from helpers import REPO

from diplograph.generate import generate_documents


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_health_says_validating_n_of_m_until_the_documents_are_loaded(tmp_path):
    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 12)  # a cold cache: a few seconds of checking on two cores
    port = _free_port()
    diplograph = str(Path(sys.executable).with_name("diplograph"))
    process = subprocess.Popen([diplograph, "serve", "--port", str(port), "--workers", "1", "--data",
                                str(tmp_path / "data"), "--ontology", str(tmp_path / "ontology")],
                               env={**os.environ, "DIPLOGRAPH_CACHE": str(tmp_path / "cache")},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: list[str] = []
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=2)
            except httpx.HTTPError:  # not listening yet, or a connection the responder was handing over
                time.sleep(0.05)
                continue
            if answer.status_code == 200:
                break
            assert answer.status_code == 503 and answer.headers["retry-after"] == "2"
            assert answer.json()["status"] == "starting"
            seen.append(answer.json()["data"])
            time.sleep(0.05)
        else:
            raise AssertionError(f"never ready; last said {seen[-1:]}")
        assert any(said.startswith("validating: checking documents") and said.endswith(" of 12")
                   for said in seen), seen
        # the real service has the socket now: its pages and queries answer
        assert httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s ?p ?o }"},
                         headers={"Accept": "application/sparql-results+json"}, timeout=30).json()["boolean"]
    finally:
        process.terminate()
        process.wait(timeout=60)
