"""Benchmark: the stores side by side — load, memory, time to ready, canned-query latency — at several sizes.

Run:  .venv/bin/python bench/bench_stores.py [--sizes 100000 1000000]
Each size is a generated corpus (diplograph generate). Per store: load
throughput (quads/s), peak RSS of the process that holds the graph, time
from nothing to answering a first query, and p50/p99 latency of a mix of
canned queries whose parameters vary. Baseline in the same run: the
in-memory store. Writes bench/results/stores.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import RESULTS, markdown, synthetic_layout

HERE = Path(__file__).resolve().parent
PROBE = r"""
import json, random, resource, statistics, sys, time
from pathlib import Path
from diplograph.graph import KnowledgeGraph
from diplograph.load import Layout
from diplograph.store import StoreSpec
data, store, samples = sys.argv[1], sys.argv[2], int(sys.argv[3])
default = Layout.default()
start = time.perf_counter()
graph = KnowledgeGraph(Layout(Path(data), default.ontology, default.queries), StoreSpec.parse(store))
graph.load(validate=False)
graph.query("ASK { ?s ?p ?o }")
ready = time.perf_counter() - start
actors = [str(row[0]) for row in graph.query("SELECT DISTINCT ?a WHERE { ?d dg:demandedBy ?a } LIMIT 40")]
mix = [("demands", "by"), ("red-lines", "holder"), ("cq05-principles-of-actor", "holder"),
       ("position-timeline", "actor")]
rng = random.Random(2)
latencies = []
for _ in range(samples):
    name, parameter = rng.choice(mix)
    began = time.perf_counter()
    result = graph.run_canned(name, **{parameter: f"<{rng.choice(actors)}>"})
    rows = len(list(result))
    latencies.append(time.perf_counter() - began)
latencies.sort()
print(json.dumps({"ready_s": ready, "p50_ms": statistics.median(latencies) * 1000,
                  "p99_ms": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def probe(data: Path, store: str, samples: int) -> dict:
    result = subprocess.run([sys.executable, "-c", PROBE, str(data), store, str(samples)], capture_output=True,
                            text=True, check=True, timeout=3600)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    diplograph = str(Path(sys.executable).with_name("diplograph"))
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            layout = synthetic_layout(Path(folder), size)
            quads = sum(1 for _ in (layout.data / "synthetic.nq").open())
            memory = probe(layout.data, "memory", args.samples)
            memory["load_quads_per_s"] = quads / memory["ready_s"]
            store = Path(folder) / f"oxigraph-{size}"
            began = time.perf_counter()
            subprocess.run([diplograph, "load", "--store", f"oxigraph:{store}", "--data", str(layout.data),
                            "--no-validate"], check=True, capture_output=True, timeout=3600)
            load = time.perf_counter() - began
            oxigraph = probe(layout.data, f"oxigraph:{store}", args.samples)
            oxigraph["load_quads_per_s"] = quads / load
            results.append({"size": quads, "memory": memory, "oxigraph": oxigraph,
                            "oxigraph_disk_mb": sum(p.stat().st_size for p in store.iterdir()) / 2**20})
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "stores.json").write_text(json.dumps(results, indent=2))
    rows = []
    for r in results:
        m, o = r["memory"], r["oxigraph"]
        rows.append([f"{r['size']:,}", "memory", f"{m['load_quads_per_s']:,.0f}", f"{m['peak_rss_mb']:,.0f}",
                     f"{m['ready_s']:.2f}", f"{m['p50_ms']:.1f}", f"{m['p99_ms']:.1f}", "1×"])
        rows.append([f"{r['size']:,}", "oxigraph", f"{o['load_quads_per_s']:,.0f} (bulk load)",
                     f"{o['peak_rss_mb']:,.0f}", f"{o['ready_s']:.2f}", f"{o['p50_ms']:.1f}", f"{o['p99_ms']:.1f}",
                     f"{m['p50_ms'] / o['p50_ms']:.1f}× faster (p50)"])
    print(markdown(["quads", "store", "load quads/s", "peak RSS MB", "ready s", "p50 ms", "p99 ms", "vs memory"],
                   rows))


if __name__ == "__main__":
    main()
