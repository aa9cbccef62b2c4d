"""Benchmark: canned queries in process and through `diplograph query`, against baselines measured in the same run.

Run:  .venv/bin/python bench/bench_queries.py [--repeat N]
Writes bench/results/queries.json and prints a Markdown table. Figures are
ratios to baselines taken in the same run (the interpreter starting and
exiting; loading the graph), since the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from diplograph import KnowledgeGraph
from diplograph.results import Table

HERE = Path(__file__).resolve().parent
DIPLOGRAPH = Path(sys.executable).with_name("diplograph")
EXAMPLE_PARAMS = {"search": {"text": "NATO"}}  # queries with a required parameter


def wall(command: list[str], repeat: int) -> float:
    """Median wall time of running ``command`` to completion."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    python_start = wall([sys.executable, "-c", "pass"], args.repeat)
    import_start = wall([sys.executable, "-c", "import diplograph.cli"], args.repeat)
    start = time.perf_counter()
    graph = KnowledgeGraph.open()
    load = time.perf_counter() - start

    rows = []
    for name, query in graph.canned.items():
        latencies = []
        for _ in range(args.repeat * 4):
            start = time.perf_counter()
            result = graph.run_canned(name, **EXAMPLE_PARAMS.get(name, {}))
            size = len(result.graph) if result.type == "CONSTRUCT" else len(Table.from_result(result).rows)
            latencies.append(time.perf_counter() - start)
        params = [f"--param={k}={v}" for k, v in EXAMPLE_PARAMS.get(name, {}).items()]
        output = "json" if query.form != "CONSTRUCT" else "turtle"
        cli = wall([str(DIPLOGRAPH), "query", name, *params, "--format", output], args.repeat)
        rows.append({"query": name, "rows": size, "in_process_p50_ms": statistics.median(latencies) * 1000,
                     "in_process_max_ms": max(latencies) * 1000, "cli_wall_s": cli,
                     "cli_over_python_start": cli / python_start})
    report = {"python_start_s": python_start, "import_cli_s": import_start, "load_and_validate_s": load,
              "queries": rows}
    (HERE / "results").mkdir(exist_ok=True)
    (HERE / "results" / "queries.json").write_text(json.dumps(report, indent=2))

    print(f"baselines: python start {python_start * 1000:.0f} ms, import CLI {import_start * 1000:.0f} ms, "
          f"load+validate graph {load * 1000:.0f} ms (in process)\n")
    print("| query | rows | in-process p50 ms | max ms | `diplograph query` wall s | × python start |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        print(f"| {row['query']} | {row['rows']} | {row['in_process_p50_ms']:.1f} | {row['in_process_max_ms']:.1f} "
              f"| {row['cli_wall_s']:.2f} | {row['cli_over_python_start']:.1f} |")


if __name__ == "__main__":
    main()
