"""Benchmark: canned queries over HTTP under concurrent load, diplograph against rdflib-endpoint, same run.

Run:  .venv/bin/python bench/bench_http.py [--seconds 10] [--clients 8]
The load comes from a second process (threads with keep-alive HTTP clients)
and varies the parameters of a fixed mix of canned queries, so no server can
answer from a cache of query texts. rdflib-endpoint (PyPI) is installed into
bench/.peer-venv on first use and serves the same triples. Writes
bench/results/http.json and prints a Markdown table with ratios.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from common import HERE, RESULTS, markdown

from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import PREFIXES

PEER_VENV = HERE / ".peer-venv"
ACTORS = ["russia", "ukraine", "zelenskyy", "putin", "poland", "finland", "baltic-states", "united-states",
          "analysts", "ukrainian-officials", "nato", "european-union"]
TARGETS = ["28-point-plan", "28-point-plan-point-1", "28-point-plan-point-3", "nato-protection",
           "demand-ukraine-withdraws-before-talks"]
MIX = [("cq05-principles-of-actor", "holder", ACTORS), ("demands", "by", ACTORS),
       ("about-entity", "entity", ACTORS), ("red-lines", "holder", ACTORS), ("positions-on", "target", TARGETS),
       ("cq04-military-limits", "demander", ACTORS)]


def requests(graph: KnowledgeGraph, count: int, seed: int) -> dict[str, list[tuple[str, dict]]]:
    """The same sequence of (query, parameter) choices, as SPARQL text and as canned-query URLs."""
    rng = random.Random(seed)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())  # the peer predeclares none
    sparql, canned = [], []
    for _ in range(count):
        name, parameter, values = rng.choice(MIX)
        value = rng.choice(values)
        text = prologue + graph.canned[name].bind({parameter: value})
        sparql.append(("/sparql", {"query": text}))
        canned.append((f"/queries/{name}", {parameter: value, "limit": "10000"}))
    return {"sparql": sparql, "canned": canned}


def drive(base: str, plan: list[tuple[str, dict]], clients: int, seconds: float, queue) -> None:
    """Run in a second process: ``clients`` threads replay ``plan`` for ``seconds``; report latencies."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=60,
                          headers={"Accept": "application/sparql-results+json, application/json"}) as http:
            index = offset
            while time.monotonic() < stop:
                path, params = plan[index % len(plan)]
                index += clients
                start = time.perf_counter()
                try:
                    ok = http.get(path, params=params).status_code == 200
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - start
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors[0] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((latencies, errors[0]))


def peer_plan(plan: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    """rdflib-endpoint serves SPARQL at / rather than /sparql."""
    return [("/", params) for _, params in plan]


def load(base: str, plan, clients: int, seconds: float) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=drive, args=(base, plan, clients, seconds, queue))
    process.start()
    latencies, errors = queue.get(timeout=seconds + 300)
    process.join()
    latencies.sort()
    return {"requests_per_s": len(latencies) / seconds, "p50_ms": _percentile(latencies, 50) * 1000,
            "p99_ms": _percentile(latencies, 99) * 1000, "errors": errors, "requests": len(latencies)}


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], url: str) -> subprocess.Popen:
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=1).status_code < 500:
                return process
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{command[0]} did not start")


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def peer_executable() -> Path:
    executable = PEER_VENV / "bin" / "rdflib-endpoint"
    if not executable.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEER_VENV)], check=True)
        subprocess.run([str(PEER_VENV / "bin" / "pip"), "install", "-q", "rdflib-endpoint", "uvicorn"], check=True)
    return executable


def _virtuoso(folder: Path):
    """A private Virtuoso holding the same graphs (loaded through the protocol), when virtuoso-t is installed."""
    if shutil.which("virtuoso-t") is None:
        print("virtuoso-t is not installed: Virtuoso left out of this run", file=sys.stderr)
        return None
    sys.path.insert(0, str(HERE.parent / "tests"))
    from helpers import Virtuoso  # the launcher the tests use

    server = Virtuoso(folder)
    env = {**os.environ, "DIPLOGRAPH_STORE_USER": "dba", "DIPLOGRAPH_STORE_PASSWORD": "dba"}
    subprocess.run([str(Path(sys.executable).with_name("diplograph")), "load", "--store",
                    f"sparql:{server.url}/sparql,{server.url}/sparql-auth"], check=True, capture_output=True, env=env)
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    graph = KnowledgeGraph.open()
    plans = requests(graph, 2000, seed=1)
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        merged = Path(folder) / "bundle.ttl"  # the peer's default graph is not a union: give it the triples
        merged.write_bytes(graph.dataset.serialize(format="nt", encoding="utf-8"))
        port = free_port()
        peer = start([str(peer_executable()), "serve", "--host", "127.0.0.1", "--port", str(port), str(merged)],
                     f"http://127.0.0.1:{port}/?query=ASK%7B%7D")
        try:
            results["rdflib-endpoint /sparql"] = load(f"http://127.0.0.1:{port}", peer_plan(plans["sparql"]),
                                                      args.clients, args.seconds)
        finally:
            stop(peer)
        diplograph = str(Path(sys.executable).with_name("diplograph"))
        oxigraph = Path(folder) / "oxigraph"
        subprocess.run([diplograph, "load", "--store", f"oxigraph:{oxigraph}"], check=True, capture_output=True)
        for label, store in (("diplograph", "memory"), ("diplograph (Oxigraph)", f"oxigraph:{oxigraph}")):
            port = free_port()
            ours = start([diplograph, "serve", "--port", str(port), "--store", store],
                         f"http://127.0.0.1:{port}/health")
            try:
                results[f"{label} /sparql"] = load(f"http://127.0.0.1:{port}", plans["sparql"], args.clients,
                                                   args.seconds)
                results[f"{label} /queries/{{name}}"] = load(f"http://127.0.0.1:{port}", plans["canned"],
                                                             args.clients, args.seconds)
            finally:
                stop(ours)
        virtuoso = _virtuoso(Path(folder) / "virtuoso")
        if virtuoso is not None:
            try:
                graphs = [str(g) for g in graph.stats().graphs]
                plan = [("/sparql", {**params, "default-graph-uri": graphs}) for _, params in plans["sparql"]]
                results["Virtuoso 7.2 /sparql"] = load(virtuoso.url, plan, args.clients, args.seconds)
            finally:
                virtuoso.stop()
    baseline = results["rdflib-endpoint /sparql"]["requests_per_s"]
    RESULTS.mkdir(exist_ok=True)
    report = {"seconds": args.seconds, "clients": args.clients, "cpus": os.cpu_count(), "results": results}
    (RESULTS / "http.json").write_text(json.dumps(report, indent=2))
    rows = [[name, f"{r['requests_per_s']:.1f}", f"{r['requests_per_s'] / baseline:.2f}×", f"{r['p50_ms']:.1f}",
             f"{r['p99_ms']:.1f}", r["errors"]] for name, r in results.items()]
    print(markdown(["server, route", "req/s", "× rdflib-endpoint", "p50 ms", "p99 ms", "errors"], rows))


if __name__ == "__main__":
    main()
