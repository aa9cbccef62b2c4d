"""Helpers shared by the benchmarks: timing, synthetic data folders, a Markdown table."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from diplograph.generate import generate
from diplograph.layout import Layout

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DIPLOGRAPH = str(Path(sys.executable).with_name("diplograph"))


def timed(function: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Median seconds over ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def synthetic_layout(folder: Path, triples: int, seed: int = 0) -> Layout:
    """A data folder holding a generated corpus of ``triples`` (reused if already there)."""
    data = folder / f"synthetic-{triples}"
    corpus = data / "synthetic.nq"
    if not corpus.exists():
        data.mkdir(parents=True, exist_ok=True)
        with corpus.open("w", encoding="utf-8") as handle:
            generate(handle, triples, seed=seed)
    default = Layout.default()
    return Layout(data, default.ontology, default.queries)


def markdown(headers: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(f"{c:.3f}" if isinstance(c, float) else str(c) for c in row) + " |")
    return "\n".join(lines)


def virtuoso_loaded(folder: Path, data: Path | None = None):
    """A private Virtuoso (the tests' launcher) loaded by `diplograph load` through the protocol.

    Returns (server, seconds the load took), or None when virtuoso-t is not
    installed. ``data`` is a data folder; None loads the bundled graph.
    """
    if shutil.which("virtuoso-t") is None:
        print("virtuoso-t is not installed: Virtuoso left out of this run", file=sys.stderr)
        return None
    sys.path.insert(0, str(HERE.parent / "tests"))
    from helpers import Virtuoso

    server = Virtuoso(folder)
    env = {**os.environ, "DIPLOGRAPH_STORE_USER": "dba", "DIPLOGRAPH_STORE_PASSWORD": "dba"}
    began = time.perf_counter()
    subprocess.run([DIPLOGRAPH, "load", "--store", f"sparql:{server.url}/sparql,{server.url}/sparql-auth",
                    *(["--data", str(data), "--no-validate"] if data else [])],
                   check=True, capture_output=True, env=env, timeout=7200)
    return server, time.perf_counter() - began
