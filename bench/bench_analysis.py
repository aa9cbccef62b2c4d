"""Benchmark: projections and each analysis, on the bundled graph and on synthetic corpora.

Run:  .venv/bin/python bench/bench_analysis.py [--sizes 100000 ...]
Writes bench/results/analysis.json and prints a Markdown table. The baseline,
measured in the same run on the same graph, is one pass over every quad: an
analysis at "12×" costs twelve full scans.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from common import RESULTS, markdown, synthetic_layout, timed

from diplograph.analysis.registry import Projections, run_analysis
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout

CASES = [("centrality", {"family": "actors"}), ("coalitions", {}), ("coalitions", {"method": "communities"}),
         ("conflicts", {}), ("stance-network", {})]


def measure(name: str, layout: Layout) -> dict:
    load, graph = timed(lambda: _load(layout))
    scan, _ = timed(lambda: sum(1 for _ in graph.dataset.quads((None, None, None, None))), repeat=3)
    rows = {"graph": name, "triples": graph.stats().triples, "load_s": load, "scan_s": scan, "steps": {}}
    projections = Projections(graph)
    rows["steps"]["entity projection"], _ = timed(lambda: projections.entity)
    rows["steps"]["stance projection"], _ = timed(lambda: projections.stance)
    for analysis, options in CASES:
        label = analysis + ("" if not options else " " + ",".join(f"{k}={v}" for k, v in options.items()))
        rows["steps"][label], _ = timed(lambda a=analysis, o=options: run_analysis(projections, a, o))
    return rows


def _load(layout: Layout) -> KnowledgeGraph:
    graph = KnowledgeGraph(layout)
    graph.load(validate=False)
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    args = parser.parse_args()
    results = [measure("bundled", Layout.default())]
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            results.append(measure(f"synthetic {size:,}", synthetic_layout(Path(folder), size)))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "analysis.json").write_text(json.dumps(results, indent=2))
    steps = list(results[0]["steps"])
    headers = ["step"] + [f"{r['graph']} ({r['triples']:,} triples): s | × scan" for r in results]
    table = [[step] + [f"{r['steps'][step]:.3f} s | {r['steps'][step] / r['scan_s']:.0f}×" for r in results]
             for step in steps]
    table.insert(0, ["load (parse, no validation)"] + [f"{r['load_s']:.2f} s | {r['load_s'] / r['scan_s']:.0f}×"
                                                       for r in results])
    table.insert(1, ["baseline: one scan of all quads"] + [f"{r['scan_s']:.3f} s | 1×" for r in results])
    print(markdown(headers, table))


if __name__ == "__main__":
    main()
