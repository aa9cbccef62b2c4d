"""Benchmark: the stores side by side — load, memory, time to ready, canned-query latency, analyses — at several sizes.

Run:  .venv/bin/python bench/bench_stores.py [--sizes 10000 100000 1000000 10000000]
Each size is a generated corpus (diplograph generate). Per store: load
throughput (quads/s), peak RSS of the process that holds the graph, time
from nothing to answering a first query, p50/p99 latency of a mix of
canned queries whose parameters vary over 40 actors, and the time to build
the networkx projections and run the analyses on them. Stores: in memory
(rdflib; skipped past --memory-max quads, where it would need ~2 GB per
million), Oxigraph on disk, and Virtuoso (Debian's virtuoso-t, up to
--virtuoso-max quads, loaded through the SPARQL protocol). Baseline in the
same run: the in-memory store. Writes bench/results/stores.json and prints
a table.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import DIPLOGRAPH, RESULTS, markdown, synthetic_layout, virtuoso_loaded

HERE = Path(__file__).resolve().parent
MIX = ["demands", "red-lines", "cq05-principles-of-actor", "position-timeline", "assessments", "about-entity"]
PROBE = r"""
import json, random, resource, statistics, sys, time
from pathlib import Path
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout
from diplograph.layout import StoreSpec
data, store, samples, analyses = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "yes"
default = Layout.default()
start = time.perf_counter()
graph = KnowledgeGraph(Layout(Path(data), default.ontology, default.queries), StoreSpec.parse(store))
graph.load(validate=False)
graph.query("ASK { ?s ?p ?o }")
ready = time.perf_counter() - start
actors = [str(row[0]) for row in graph.query("SELECT DISTINCT ?a WHERE { ?d dg:demandedBy ?a } LIMIT 40")]
parameters = {"demands": "by", "red-lines": "holder", "cq05-principles-of-actor": "holder",
              "position-timeline": "actor", "assessments": "by", "about-entity": "entity"}
mix = sys.argv[5].split(",")
rng = random.Random(2)
latencies, per_query = [], {name: [] for name in mix}
for _ in range(samples):
    name = rng.choice(mix)
    began = time.perf_counter()
    rows = len(list(graph.run_canned(name, **{parameters[name]: f"<{rng.choice(actors)}>"})))
    latencies.append(time.perf_counter() - began)
    per_query[name].append(latencies[-1])
latencies.sort()
report = {"ready_s": ready, "p50_ms": statistics.median(latencies) * 1000,
          "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000,
          "per_query_p50_ms": {k: statistics.median(v) * 1000 for k, v in per_query.items() if v},
          "per_query_max_ms": {k: max(v) * 1000 for k, v in per_query.items() if v}}
if analyses:
    from diplograph.analysis.registry import Projections, run_analysis
    began = time.perf_counter()
    projections = Projections(graph)
    projections.entity, projections.stance
    report["projections_s"] = time.perf_counter() - began
    began = time.perf_counter()
    for name, options in (("centrality", {"family": "actors"}), ("coalitions", {}), ("conflicts", {})):
        run_analysis(projections, name, options)
    report["analyses_s"] = time.perf_counter() - began
report["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(report))
"""


def probe(data: Path, store: str, samples: int, analyses: bool) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, str(data), store, str(samples),
                             "yes" if analyses else "no", ",".join(MIX)],
                            capture_output=True, text=True, timeout=7200)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return json.loads(result.stdout.strip().splitlines()[-1])


def _rss_of(pid: int) -> float:
    """Peak resident memory of another process (VmHWM), in MB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024


def virtuoso(folder: Path, data: Path, quads: int, samples: int, analyses: bool) -> dict | None:
    """Load the corpus into a private Virtuoso over the protocol, restart it, and probe it like the others."""
    loaded = virtuoso_loaded(folder, data)
    if loaded is None:
        return None
    server, load = loaded
    server.stop()
    sys.path.insert(0, str(HERE.parent / "tests"))
    from helpers import Virtuoso

    began = time.perf_counter()
    server = Virtuoso(folder)  # the same database folder: a restart, as a server would open its store
    restart = time.perf_counter() - began
    try:
        result = probe(data, f"sparql:{server.url}/sparql", samples, analyses)
        result.update(load_quads_per_s=quads / load, ready_s=restart + result["ready_s"],
                      peak_rss_mb=_rss_of(server.process.pid), client_rss_mb=result["peak_rss_mb"])
        return result
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=120)
    parser.add_argument("--memory-max", type=int, default=2_000_000)
    parser.add_argument("--virtuoso-max", type=int, default=100_000)
    parser.add_argument("--analyses-max", type=int, default=100_000)
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            layout = synthetic_layout(Path(folder), size)
            quads = sum(1 for _ in (layout.data / "synthetic.nq").open())
            analyses = size <= args.analyses_max
            row: dict = {"size": quads, "stores": {}}
            if size <= args.memory_max:
                memory = probe(layout.data, "memory", args.samples, analyses)
                memory["load_quads_per_s"] = quads / memory["ready_s"]
                row["stores"]["memory"] = memory
            store = Path(folder) / f"oxigraph-{size}"
            began = time.perf_counter()
            subprocess.run([DIPLOGRAPH, "load", "--store", f"oxigraph:{store}", "--data", str(layout.data),
                            "--no-validate"], check=True, capture_output=True, timeout=7200)
            load = time.perf_counter() - began
            oxigraph = probe(layout.data, f"oxigraph:{store}", args.samples, analyses)
            oxigraph["load_quads_per_s"] = quads / load
            oxigraph["disk_mb"] = sum(p.stat().st_size for p in store.iterdir()) / 2**20
            row["stores"]["oxigraph"] = oxigraph
            shutil.rmtree(store)
            if size <= args.virtuoso_max:
                found = virtuoso(Path(folder) / f"virtuoso-{size}", layout.data, quads, args.samples, analyses)
                if found:
                    row["stores"]["virtuoso"] = found
            results.append(row)
            print(f"{quads:,} quads done", file=sys.stderr)
            shutil.rmtree(layout.data)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "stores.json").write_text(json.dumps(results, indent=2))
    print(table(results))


def table(results: list[dict]) -> str:
    rows = []
    for row in results:
        baseline = row["stores"].get("memory", {}).get("p50_ms")
        for name, r in row["stores"].items():
            analyses = (f"{r['projections_s']:.2f} + {r['analyses_s']:.2f}" if "projections_s" in r else "–")
            rows.append([f"{row['size']:,}", name, f"{r['load_quads_per_s']:,.0f}", f"{r['peak_rss_mb']:,.0f}",
                         f"{r['ready_s']:.2f}", f"{r['p50_ms']:.1f}", f"{r['p99_ms']:.1f}",
                         f"{baseline / r['p50_ms']:.1f}×" if baseline else "–", analyses])
    return markdown(["quads", "store", "load quads/s", "peak RSS MB", "ready s", "p50 ms", "p99 ms",
                     "p50 vs memory", "projections + analyses s"], rows)


if __name__ == "__main__":
    main()
