"""Benchmark: does one client's greed or a flood of updates slow the others down?

Run:  .venv/bin/python bench/bench_fairness.py [--seconds 20] [--triples 100000]

One server (3 workers, in-memory, updates enabled, a generated corpus beside the bundled graph) and three
phases of the same length, each with the same *other* client (one keep-alive connection from 127.0.0.1,
cycling through a collection page, a canned query, an analysis and an entity): quiet; with a greedy client
(six connections from 127.0.0.2, each sending a runaway query over and over, stopped at the 4 s time limit);
with an update flood (six small INSERT DATA a second). Reported for the other client in each phase: requests,
p50/p95 latency, answers other than 200, and p95 as a ratio to the quiet phase (the target: within 2×).
Process counts: the server, its 3 workers and its derived-data builder; the clients in threads of this process.
Writes bench/results/fairness.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from common import RESULTS, markdown, synthetic_layout

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

OTHER = ["/actors?limit=20", "/queries/demands?by=Moscow", "/analysis/coalitions", "/entities/Moscow"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TOKEN = "bench-token"


def _other(base: str, seconds: float) -> dict:
    latencies, failures = [], 0
    stop = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=60) as http:
        index = 0
        while time.monotonic() < stop:
            path = OTHER[index % len(OTHER)]
            index += 1
            started = time.perf_counter()
            response = http.get(path, headers={"Accept": "application/json"})
            latencies.append(time.perf_counter() - started)
            failures += response.status_code != 200
    latencies.sort()
    return {"requests": len(latencies), "p50_ms": 1000 * statistics.median(latencies),
            "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))], "not_200": failures}


def _greedy(base: str, stop: threading.Event) -> None:
    def one() -> None:
        transport = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(base_url=base, timeout=60, transport=transport) as http:
            while not stop.is_set():
                http.get("/sparql", params={"query": RUNAWAY})
    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    stop.wait()
    for thread in threads:
        thread.join()


def _flood(base: str, stop: threading.Event) -> None:
    with httpx.Client(base_url=base, timeout=60) as http:
        number = 0
        while not stop.is_set():
            number += 1
            http.post("/sparql", content=f'INSERT DATA {{ dgr:flood-{number} rdfs:label "flood {number}" }}',
                      headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"})
            stop.wait(1 / 6)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--triples", type=int, default=100_000)
    args = parser.parse_args()
    from api.conftest import Server

    with tempfile.TemporaryDirectory() as folder:
        corpus = synthetic_layout(Path(folder), args.triples).data
        bundled = Path(__file__).resolve().parent.parent / "data"
        server = Server("--allow-updates", "--workers", "3", "--timeout", "4", "--data", str(bundled),
                        "--data", str(corpus), env={"DIPLOGRAPH_UPDATE_TOKEN": TOKEN,
                                                   "DIPLOGRAPH_CACHE": str(Path(folder) / "cache")})
        try:
            deadline = time.monotonic() + 300
            while httpx.get(server.url + "/health").json()["derived"] != "ready" and time.monotonic() < deadline:
                time.sleep(0.5)
            _other(server.url, 3)  # warm
            phases = {"quiet": _other(server.url, args.seconds)}
            for name, attacker in (("greedy client", _greedy), ("update flood", _flood)):
                stop = threading.Event()
                thread = threading.Thread(target=attacker, args=(server.url, stop))
                thread.start()
                time.sleep(1)
                phases[name] = _other(server.url, args.seconds)
                stop.set()
                thread.join()
        finally:
            server.stop()
    quiet = phases["quiet"]["p95_ms"]
    for phase in phases.values():
        phase["p95_vs_quiet"] = phase["p95_ms"] / quiet
    rows = [[name, p["requests"], p["p50_ms"], p["p95_ms"], p["p95_vs_quiet"], p["not_200"]]
            for name, p in phases.items()]
    table = markdown(["phase", "requests", "p50 ms", "p95 ms", "p95 / quiet", "not 200"], rows)
    print(table)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "fairness.json").write_text(json.dumps({"seconds": args.seconds, "triples": args.triples,
                                                        "cores": os.cpu_count(), "phases": phases}, indent=2))


if __name__ == "__main__":
    main()
