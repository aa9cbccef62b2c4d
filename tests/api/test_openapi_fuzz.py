"""Schemathesis against the real server's OpenAPI schema, every check: the description is true to what is served.

Every status code, content type and response schema documented as served; every request the schema allows
accepted and every one it forbids refused — on the in-memory store and on a built Oxigraph store. What the schema
cannot say (a SPARQL text must be SPARQL; a format must suit the query's form) is said in schemathesis.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from api.conftest import Server

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CONFIG = Path(__file__).with_name("schemathesis.toml")


def fuzz(url: str, examples: int) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SCHEMATHESIS), "--config-file", str(CONFIG), "run", f"{url}/openapi.json", "--checks", "all",
         "--max-examples", str(examples), "--generation-deterministic", "--request-timeout", "20",
         "--suppress-health-check", "all"],
        capture_output=True, text=True, timeout=540)


def test_schemathesis_finds_nothing_on_the_memory_store(server):
    result = fuzz(server.url, 15)
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert " passed" in summary and "failures" not in summary.rsplit("=====", 2)[-1]


def test_schemathesis_finds_nothing_on_a_built_oxigraph_store(tmp_path):
    from api.conftest import DIPLOGRAPH

    store = tmp_path / "store"
    built = subprocess.run([str(DIPLOGRAPH), "load", "--store", f"oxigraph:{store}"], capture_output=True,
                           text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    server = Server("--store", f"oxigraph:{store}", "--timeout", "3", "--workers", "2",
                    env={"DIPLOGRAPH_CACHE": str(tmp_path / "cache")})
    try:
        result = fuzz(server.url, 8)
    finally:
        server.stop()
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert " passed" in summary
