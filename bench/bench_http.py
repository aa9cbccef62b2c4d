"""Benchmark: canned queries over HTTP under concurrent load — diplograph, rdflib-endpoint and Virtuoso, same run.

Run:  .venv/bin/python bench/bench_http.py [--sizes bundled 1000000] [--seconds 10] [--connections 8]
The load comes from wrk (Debian package ``wrk``) in a second process, as in the
storage issue's reference figures; without wrk, a Python client (threads with
keep-alive connections) stands in, and the table says so. The load replays a
fixed sequence of canned queries whose parameters vary, so no server can
answer from a cache of query texts. Every server holds the same triples:
rdflib-endpoint (PyPI, installed into bench/.peer-venv on first use) and
Virtuoso (Debian's virtuoso-t, when installed) get the same SPARQL texts.
Writes bench/results/http.json and prints a Markdown table with ratios.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
from common import DIPLOGRAPH, HERE, RESULTS, markdown, synthetic_layout, virtuoso_loaded

from diplograph.graph import KnowledgeGraph
from diplograph.layout import StoreSpec
from diplograph.namespaces import PREFIXES
from diplograph.sparql import with_values

PEER_VENV = HERE / ".peer-venv"
BUNDLED_ACTORS = ["russia", "ukraine", "zelenskyy", "putin", "poland", "finland", "baltic-states",
                  "united-states", "analysts", "ukrainian-officials", "nato", "european-union"]
BUNDLED_TARGETS = ["28-point-plan", "28-point-plan-point-1", "28-point-plan-point-3", "nato-protection",
                   "demand-ukraine-withdraws-before-talks"]
ACCEPT = "application/sparql-results+json, application/json"


def bundled_mix(graph: KnowledgeGraph) -> list[tuple[str, list[dict[str, str]]]]:
    """Six canned queries over the bundled graph's actors, entities and proposals.

    Parameters vary over more distinct texts (a few hundred) than
    rdflib-endpoint keeps parsed (128), as the storage issue asks: a mix that
    fits its cache would measure the cache, not the server.
    """
    entities = [str(row[0]).rsplit("/", 1)[-1] for row in graph.query(
        "SELECT DISTINCT ?e WHERE { GRAPH <https://w3id.org/diplograph/graph/entities> { ?e rdfs:label ?l } } "
        "ORDER BY ?e")]
    actors = [{"holder": a} for a in BUNDLED_ACTORS]
    return [("cq05-principles-of-actor", actors), ("red-lines", actors),
            ("demands", [{"by": a, "of": b} for a in BUNDLED_ACTORS for b in BUNDLED_ACTORS]),
            ("about-entity", [{"entity": e} for e in entities]),
            ("positions-on", [{"target": t} for t in BUNDLED_TARGETS]),
            ("cq04-military-limits", [{"demander": a} for a in BUNDLED_ACTORS])]


def synthetic_mix(graph: KnowledgeGraph) -> list[tuple[str, list[dict[str, str]]]]:
    """Per-actor canned queries over a generated corpus, with forty of its actors that make demands."""
    rows = graph.query("SELECT DISTINCT ?a WHERE { ?d dg:demandedBy ?a } ORDER BY ?a LIMIT 40")
    actors = [f"<{row[0]}>" for row in rows]
    return [(name, [{parameter: a} for a in actors]) for name, parameter in (
        ("cq05-principles-of-actor", "holder"), ("demands", "by"), ("red-lines", "holder"),
        ("position-timeline", "actor"), ("assessments", "by"), ("cq04-military-limits", "demander"))]


def requests(graph: KnowledgeGraph, mix, count: int, seed: int) -> dict[str, list[str]]:
    """The same sequence of (query, parameters) choices, as /sparql URLs and as /queries/{name} URLs.

    Each /sparql text ends with its own comment line, so every one of the ``count`` texts is distinct: more
    than any server's cache of parsed queries holds (rdflib-endpoint's, rdflib's parser's 1,024).
    """
    rng = random.Random(seed)
    prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())  # the peer predeclares none
    sparql, canned = [], []
    for number in range(count):
        name, choices = rng.choice(mix)
        params = rng.choice(choices)
        query = graph.canned[name]
        text = prologue + with_values(query.text, {k: v.n3() for k, v in graph.parameter_terms(query, params).items()})
        sparql.append("?" + urlencode({"query": f"{text}\n# request {number}"}))
        canned.append(f"/queries/{name}?" + urlencode({**params, "limit": "10000"}))
    return {"sparql": sparql, "canned": canned, "distinct": len(set(sparql))}


# ---------------------------------------------------------------------- load generators

WRK_SCRIPT = """
paths = {paths}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {{["Accept"] = "{accept}"}})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {{"requests": %d, "seconds": %f, "p50_us": %f, "p99_us": %f, "errors": %d}}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def load_wrk(base: str, paths: list[str], connections: int, seconds: float) -> dict:
    """wrk with two threads replays ``paths`` over ``connections`` keep-alive connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT.format(paths="{" + ",".join(json.dumps(p) for p in paths) + "}", accept=ACCEPT))
    try:
        result = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "60s",
                                 "-s", script.name, base], capture_output=True, text=True, timeout=seconds + 120)
    finally:
        os.unlink(script.name)
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    raw = json.loads(line[len("RESULT "):])
    ok = raw["requests"] - raw["errors"]
    return {"requests_per_s": ok / raw["seconds"], "p50_ms": raw["p50_us"] / 1000, "p99_ms": raw["p99_us"] / 1000,
            "errors": raw["errors"], "requests": raw["requests"], "client": "wrk"}


def _python_clients(base: str, paths: list[str], clients: int, seconds: float, queue) -> None:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=60, headers={"Accept": ACCEPT}) as http:
            index = offset
            while time.monotonic() < stop:
                path = paths[index % len(paths)]
                index += clients
                start = time.perf_counter()
                try:
                    ok = http.get(path).status_code == 200
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


def load_python(base: str, paths: list[str], connections: int, seconds: float) -> dict:
    """The stand-in when wrk is missing: Python threads in a second process (slower: it shares the cores)."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_python_clients, args=(base, paths, connections, seconds, queue))
    process.start()
    latencies, errors = queue.get(timeout=seconds + 300)
    process.join()
    latencies.sort()
    return {"requests_per_s": len(latencies) / seconds, "p50_ms": _percentile(latencies, 50) * 1000,
            "p99_ms": _percentile(latencies, 99) * 1000, "errors": errors, "requests": len(latencies),
            "client": "python"}


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


# ---------------------------------------------------------------------- servers

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], url: str, timeout: float = 600) -> subprocess.Popen:
    """Start a server and wait until ``url`` answers; ``process.ready_s`` is how long that took."""
    began = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = began + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=5).status_code < 500:
                process.ready_s = time.monotonic() - began
                return process
        except httpx.HTTPError:
            time.sleep(0.02)
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


def _triples_file(graph: KnowledgeGraph, folder: Path) -> Path:
    """Every triple of every graph, as one N-Triples file: the peer's default graph is not a union."""
    import pyoxigraph

    merged = folder / "all.nt"
    nquads = graph.dump("nquads")
    triples = (quad.triple for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    pyoxigraph.serialize(triples, output=str(merged), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return merged


def run_size(size: str, folder: Path, args, load) -> dict[str, dict]:
    """Every server on one corpus: the bundled graph, or a generated one of ``size`` quads."""
    results: dict[str, dict] = {}
    data = None if size == "bundled" else synthetic_layout(folder, int(size)).data
    oxigraph = folder / f"oxigraph-{size}"
    subprocess.run([DIPLOGRAPH, "load", "--store", f"oxigraph:{oxigraph}",
                    *(["--data", str(data), "--no-validate"] if data else [])], check=True, capture_output=True)
    graph = KnowledgeGraph.open(data, validate=False, store=StoreSpec.parse(f"oxigraph:{oxigraph}" if data else None))
    mix = bundled_mix(graph) if data is None else synthetic_mix(graph)
    plans = requests(graph, mix, 2000, seed=1)
    quads = graph.size()
    print(f"{size}: {quads:,} quads, {plans['distinct']} distinct query texts", file=sys.stderr)

    sample = plans["sparql"][:: max(1, len(plans["sparql"]) // SAMPLE)][:SAMPLE]
    answers: dict[str, list] = {}
    triples = _triples_file(graph, folder)
    for peer_store, peer_name in (("default", "rdflib-endpoint"), ("Oxigraph", "rdflib-endpoint (Oxigraph store)")):
        port = free_port()
        peer = start([str(peer_executable()), "serve", "--host", "127.0.0.1", "--port", str(port),
                      "--store", peer_store, str(triples)], f"http://127.0.0.1:{port}/?query=ASK%7B%7D")
        try:
            answers[peer_name] = fetch_answers(f"http://127.0.0.1:{port}/", sample)
            results[f"{peer_name}, `/`"] = load(f"http://127.0.0.1:{port}", ["/" + p for p in plans["sparql"]],
                                                args.connections, args.seconds)
            results[f"{peer_name}, `/`"]["processes"] = "1"
        finally:
            stop(peer)
    stores = [("Oxigraph", f"oxigraph:{oxigraph}")] + ([("memory", "memory")] if data is None else [])
    for label, store in stores:
        port = free_port()
        ours = start([DIPLOGRAPH, "serve", "--port", str(port), "--store", store,
                      *(["--data", str(data)] if data else [])], f"http://127.0.0.1:{port}/health")
        try:
            base = f"http://127.0.0.1:{port}"
            answers[f"diplograph, {label}"] = fetch_answers(base + "/sparql", sample)
            results[f"diplograph, {label}, `/sparql`"] = load(base, ["/sparql" + p for p in plans["sparql"]],
                                                              args.connections, args.seconds)
            results[f"diplograph, {label}, `/queries/{{name}}`"] = load(base, plans["canned"], args.connections,
                                                                        args.seconds)
            results[f"diplograph, {label}, `/queries/{{name}}`"]["serve_ready_s"] = ours.ready_s
            for route in ("/sparql", "/queries/{name}"):
                results[f"diplograph, {label}, `{route}`"]["processes"] = f"1 + {WORKERS} workers"
        finally:
            stop(ours)
    loaded = virtuoso_loaded(folder / f"virtuoso-{size}", data)
    if loaded is not None:
        virtuoso, seconds = loaded
        print(f"Virtuoso loaded in {seconds:.0f} s", file=sys.stderr)
        try:
            graphs = urlencode([("default-graph-uri", str(g)) for g in graph.graphs()])
            if len(graphs) > 4000:  # thousands of document graphs: name none (Virtuoso then adds its own ~12k)
                graphs = ""
            paths = [f"/sparql{p}&{graphs}" if graphs else f"/sparql{p}" for p in plans["sparql"]]
            answers["Virtuoso 7.2"] = fetch_answers(virtuoso.url + "/sparql", [
                f"{p}&{graphs}" if graphs else p for p in sample])
            results["Virtuoso 7.2, `/sparql`"] = load(virtuoso.url, paths, args.connections, args.seconds)
            results["Virtuoso 7.2, `/sparql`"]["processes"] = "1 (threads)"
        finally:
            virtuoso.stop()
    reference = answers.get("diplograph, Oxigraph")
    agreement = {name: sum(a == r for a, r in zip(got, reference, strict=True)) for name, got in answers.items()}
    return {"quads": quads, "mix": [name for name, _ in mix], "distinct_texts": plans["distinct"],
            "results": results, "answers_checked": len(sample), "answers_agree": agreement}


SAMPLE = 40
"""Requests whose answers are compared across servers before the load."""
WORKERS = (os.cpu_count() or 1) + 1
"""diplograph's default query workers (the server process answers the HTTP side)."""


def fetch_answers(endpoint: str, paths: list[str]) -> list:
    """Each request's rows, as a sorted list of {variable: value} (datatypes and blank-node labels left out)."""
    found: list = []
    with httpx.Client(timeout=30, headers={"Accept": "application/sparql-results+json"}) as http:
        for path in paths:
            try:
                response = http.get(endpoint + path)
            except httpx.TimeoutException:  # a server this slow is not asked the rest of the sample
                return found + [("timeout",)] * (len(paths) - len(found))
            if response.status_code != 200:
                found.append(("error", response.status_code))
                continue
            rows = response.json()["results"]["bindings"]
            # GROUP_CONCAT's order is not defined by SPARQL: its items are compared as sets
            found.append(sorted(json.dumps({k: sorted(set(re.split(r", | \| ", v["value"])))
                                            for k, v in row.items() if v["type"] != "bnode"}, sort_keys=True)
                                for row in rows))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", nargs="*", default=["bundled", "1000000"])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    args = parser.parse_args()
    load = load_wrk if shutil.which("wrk") else load_python
    if load is load_python:
        print("wrk is not installed (apt install wrk): a Python client generates the load instead",
              file=sys.stderr)
    report = {"seconds": args.seconds, "connections": args.connections, "cpus": os.cpu_count(), "sizes": {}}
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            report["sizes"][size] = run_size(size, Path(folder), args, load)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "http.json").write_text(json.dumps(report, indent=2))
    rows = []
    for run in report["sizes"].values():
        peer = run["results"]["rdflib-endpoint, `/`"]
        # a peer that answered nothing within the run did less than one request per run: a bound, not a figure
        baseline = peer["requests_per_s"] or 1 / args.seconds
        bound = "" if peer["requests_per_s"] else "> "
        virtuoso = run["results"].get("Virtuoso 7.2, `/sparql`", {}).get("requests_per_s")
        for name, r in run["results"].items():
            answered = r["requests"] - r["errors"]
            rows.append([f"{run['quads']:,}", name, r.get("processes", ""),
                         f"{r['requests_per_s']:.1f}" if answered else f"0 (none answered in {args.seconds:g} s)",
                         "1.00×" if r is peer else f"{bound}{r['requests_per_s'] / baseline:.2f}×",
                         f"{r['requests_per_s'] / virtuoso:.2f}×" if virtuoso else "–",
                         f"{r['p50_ms']:.1f}" if answered else "–", f"{r['p99_ms']:.1f}" if answered else "–",
                         r["errors"], r["client"]])
    print(markdown(["quads", "server, route", "processes", "req/s", "× rdflib-endpoint", "× Virtuoso", "p50 ms",
                    "p99 ms", "errors", "load from"], rows))
    for size, run in report["sizes"].items():
        agree = ", ".join(f"{name} {count}/{run['answers_checked']}" for name, count in run["answers_agree"].items())
        print(f"{size}: {run['distinct_texts']} distinct /sparql texts; answers equal to diplograph on Oxigraph "
              f"for the same {run['answers_checked']} requests: {agree}")
    for size, run in report["sizes"].items():
        for name, r in run["results"].items():
            if "serve_ready_s" in r:
                print(f"{size}: `diplograph serve` ({name.split(',')[1].strip()}) answered /health "
                      f"{r['serve_ready_s']:.2f} s after starting")


if __name__ == "__main__":
    main()
