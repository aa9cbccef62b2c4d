"""Benchmark: derived data built once per graph version, against each worker deriving on its own.

Run:  .venv/bin/python bench/bench_derived.py [--triples 100000]

One server (`diplograph serve --workers 2`, so 1 server process + 2 workers + 1 builder) over the bundled graph plus
a generated corpus, three starts in the same run:

* **cold, no wait**: an empty cache folder; the first `/analysis/centrality` is sent at once, while the builder is
  still working, so a worker derives the projections and centralities itself (what every worker did before);
* **cold, built**: an empty cache folder; the same request once `/health` says the derived data is ready;
* **warm restart**: the same cache folder again; the time until ready (the file is read, nothing rebuilt), and the
  same request.

Reported: seconds from the start to `/health`, to derived data ready, and the first request's latency; the headline
is the first centrality request's latency without the builder's work over with it, same route, same graph, same
answer (checked). Writes bench/results/derived.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
from common import DIPLOGRAPH, HERE, RESULTS, markdown, synthetic_layout

ROUTE = "/analysis/centrality?family=actors&top=10"


def _start(data: Path, cache: Path, port: int) -> tuple[subprocess.Popen, float]:
    env = {**os.environ, "DIPLOGRAPH_CACHE": str(cache)}
    began = time.monotonic()
    process = subprocess.Popen([DIPLOGRAPH, "serve", "--port", str(port), "--workers", "2", "--timeout", "600",
                                "--data", str(HERE.parent / "data"), "--data", str(data)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process, time.monotonic() - began
        except httpx.HTTPError:
            time.sleep(0.05)
        if process.poll() is not None:
            raise RuntimeError("the server stopped")


def _until_derived(port: int, began: float) -> float:
    while httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).json()["derived"] != "ready":
        time.sleep(0.1)
    return time.monotonic() - began


def _first(port: int) -> tuple[float, object]:
    began = time.perf_counter()
    answer = httpx.get(f"http://127.0.0.1:{port}{ROUTE}", timeout=900).json()["result"]
    return time.perf_counter() - began, answer


def _stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=60)


def _one_start(data: Path, cache: Path, port: int, *, wait: bool) -> tuple[dict, object]:
    """Start the server on ``cache``, optionally wait for its derived data, time the first request, stop it."""
    began = time.monotonic()
    process, up = _start(data, cache, port)
    figures = {"health_s": up}
    if wait:
        figures["derived_ready_s"] = _until_derived(port, began)
    figures["first_request_s"], answer = _first(port)
    _stop(process)
    return figures, answer


def run(triples: int, port: int) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="diplograph-derived-"))
    data = synthetic_layout(folder, triples).data
    report: dict = {"triples": triples, "processes": "1 server + 2 workers + 1 builder", "route": ROUTE}
    with tempfile.TemporaryDirectory() as cold:
        report["cold_no_wait"], unbuilt = _one_start(data, Path(cold), port, wait=False)
    with tempfile.TemporaryDirectory() as cache:
        report["cold_built"], built = _one_start(data, Path(cache), port, wait=True)
        report["warm_restart"], warm = _one_start(data, Path(cache), port, wait=True)
    report["answers_equal"] = unbuilt == built == warm
    report["first_request_ratio"] = report["cold_no_wait"]["first_request_s"] / report["cold_built"][
        "first_request_s"]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--port", type=int, default=8799)
    args = parser.parse_args()
    report = run(args.triples, args.port)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "derived.json").write_text(json.dumps(report, indent=2))
    rows = [[name, f"{r['health_s']:.2f}", f"{r.get('derived_ready_s', float('nan')):.2f}",
             f"{r['first_request_s'] * 1000:.0f}"]
            for name, r in ((k, report[k]) for k in ("cold_no_wait", "cold_built", "warm_restart"))]
    print(markdown(["start", "to /health s", "to derived ready s", "first centrality request ms"], rows))
    print(f"first request without the builder's work / with it: {report['first_request_ratio']:.0f}x; "
          f"answers equal: {report['answers_equal']}")


if __name__ == "__main__":
    main()
