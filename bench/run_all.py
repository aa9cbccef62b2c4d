"""Run every benchmark in one go and write their tables to bench/results/summary.md.

Run:  .venv/bin/python bench/run_all.py [--quick]
--quick uses smaller corpora and shorter load runs (a few minutes); the default
(stores at 10k to 10M quads, HTTP on the bundled graph and at 1M) takes about 25 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    runs = [
        ("Canned queries from the command line", ["bench_queries.py", "--repeat", "2" if args.quick else "5"]),
        ("Analyses", ["bench_analysis.py", "--sizes", "100000"]),
        ("Stores", ["bench_stores.py", "--sizes", *(["10000", "100000"] if args.quick else
                                                    ["10000", "100000", "1000000", "10000000"]),
                    "--virtuoso-max", "100000" if args.quick else "1000000"]),
        ("HTTP under load", ["bench_http.py", "--sizes", *(["bundled"] if args.quick else ["bundled", "1000000"]),
                             "--seconds", "5" if args.quick else "10"]),
        ("Honest mix with and without attackers", ["bench_attack.py", "--seconds", "10" if args.quick else "60"]),
        ("Derived data built once per graph version", ["bench_derived.py", "--triples",
                                                       "20000" if args.quick else "100000"]),
        ("Drafted facts against the hand-made ones", ["bench_drafting.py"]),
        ("The audit's mutation suite", ["bench_mutations.py"]),
        ("The documents path at 1, 100 and 1,000 documents",
         ["bench_documents.py", "--sizes", "1,20" if args.quick else "1,100,1000"]),
    ]
    sections = [f"# Benchmark run {time.strftime('%Y-%m-%d %H:%M')}\n"]
    for title, command in runs:
        print(f"== {title}", file=sys.stderr)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, *command], cwd=HERE, capture_output=True, text=True)
        output = result.stdout.strip() or result.stderr.strip()[-2000:]
        sections.append(f"## {title} ({time.perf_counter() - started:.0f} s)\n\n{output}\n")
    summary = HERE / "results" / "summary.md"
    summary.parent.mkdir(exist_ok=True)
    summary.write_text("\n".join(sections), encoding="utf-8")
    print(summary.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
