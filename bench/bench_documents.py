"""Benchmark: the documents path at 1, 100 and 1,000 documents — what each step costs as the corpus grows.

Run:  .venv/bin/python bench/bench_documents.py [--sizes 1,100,1000] [--accepts 20]

The corpus is `diplograph generate --documents N`: copies of the bundled document under their own names (about
1,100 triples each, every quote in its own text, each referring to a statement of the one before). For each size,
in the same run, with a cache folder of its own:

* `diplograph validate`, cold (empty cache) and warm (nothing changed): whole commands, interpreter start included;
* `diplograph serve --workers 2` (1 server process + 2 query workers + 1 derived-data builder; validation of a
  cold start on up to 2 processes): seconds to `/health`, to the files served from memory (a warm start answers
  from the store kept at the last run until then) and to derived data ready, cold and warm;
* on the warm server: `add-source` of a made-up page and `draft` (command line), then ``--accepts`` drafted
  candidates accepted one at a time through the web review (`POST /source/{name}/review/{id}`, p50 and p95; one
  refused as drafted is accepted again as a reviewer would, with the measure named and the findings overridden,
  and the time of that accept counts), each
  followed by the time until `/sparql` answers that the fact is there; one reject; `remove-source`; `audit` (its
  first run on the corpus, once the server has seen the removal and rebuilt its derived data: the audit's 2
  processes on cores of their own, as at 1 document), then `audit` again after one document's file changed (a
  comment line added: that document is read and audited again, the others' findings read from the cache folder);
* peak resident memory of the server process (VmHWM).

Each figure is also given as a ratio to the same figure at the smallest size of the run. Writes
bench/results/documents.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
from common import DIPLOGRAPH, HERE, RESULTS, markdown

TOKEN = "bench-documents-token-0123456789"
PAGE = "2026-03-04-made-up-bench-page"
DGR = "https://w3id.org/diplograph/id/"
ACTORS = ["Putin", "Moscow", "Kyiv", "Zelensky", "Washington", "Brussels", "Russia", "Ukraine"]
DEMANDS = ["withdraw its forces from Donetsk", "give up its claim to Crimea", "cap its army at 600,000 troops",
           "hold elections within 100 days", "accept neutrality", "lift the sanctions", "recognise the occupation",
           "stop the strikes on energy sites", "release every prisoner of war", "open talks without conditions"]


def page_text(count: int) -> str:
    """A made-up page of ``count`` reported demands, each sentence different."""
    lines = ["Negotiators trade new conditions (made up for measuring)", ""]
    for number in range(count):
        speaker, target = ACTORS[number % len(ACTORS)], ACTORS[(number + 3) % len(ACTORS)]
        lines.append(f"On March {number % 3 + 1}, {speaker} demanded that {target} "
                     f"{DEMANDS[number % len(DEMANDS)]} (item {number + 1}).")
    return "\n".join(lines) + "\n"


def run(*args: str, env: dict) -> float:
    began = time.perf_counter()
    done = subprocess.run([DIPLOGRAPH, *args], capture_output=True, text=True, env=env, timeout=3600)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr[-2000:]}")
    return time.perf_counter() - began


def serve(data: Path, ontology: Path, env: dict, port: int) -> tuple[subprocess.Popen, float, float, float]:
    """A server on ``data``; it and seconds to `/health` answering 200 (while loading it answers 503 with its
    progress), to the files served from memory (a warm start answers from the store kept at the last run first),
    to derived data ready."""
    began = time.monotonic()
    process = subprocess.Popen([DIPLOGRAPH, "serve", "--port", str(port), "--workers", "2", "--allow-review",
                                "--timeout", "600", "--data", str(data), "--ontology", str(ontology)], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    healthy = current = None
    while True:
        if process.poll() is not None:
            raise RuntimeError("the server stopped")
        try:
            answer = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5)
            if answer.status_code != 200:  # 503 "starting": still loading
                time.sleep(0.05)
                continue
            healthy = healthy or time.monotonic() - began
            if answer.json().get("data") == "current":
                current = current or time.monotonic() - began
            if current and answer.json().get("derived") == "ready":
                return process, healthy, current, time.monotonic() - began
        except httpx.HTTPError:
            pass
        time.sleep(0.05)


def stop(process: subprocess.Popen) -> int:
    """Stop the server; its peak resident memory in MB."""
    peak = 0
    try:
        for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) // 1024
    except OSError:
        pass
    process.terminate()
    process.wait(timeout=60)
    return peak


def served(url: str, fact: str) -> bool:
    answer = httpx.get(f"{url}/sparql", params={"query": f"ASK {{ <{fact}> ?p ?o }}"},
                       headers={"Accept": "application/sparql-results+json"}, timeout=30)
    return answer.status_code == 200 and answer.json()["boolean"]


def review_path(root: Path, url: str, env: dict, accepts: int) -> dict:
    """add-source, draft, accepts through the web review, one reject, remove-source: seconds of each."""
    where = ["--data", str(root / "data"), "--ontology", str(root / "ontology")]
    page = root / f"{PAGE}.txt"
    page.write_text(page_text(accepts + 4), encoding="utf-8")
    figures = {"add-source": run("add-source", str(page), "--title", "Negotiators trade new conditions",
                                 "--date", "2026-03-04", *where, env=env)}
    figures["draft"] = run("draft", PAGE, *where, env=env)
    candidates = json.loads(subprocess.run([DIPLOGRAPH, "review", PAGE, "-f", "json", *where], env=env,
                                           capture_output=True, text=True, check=True).stdout)
    deadline = time.monotonic() + 120
    while httpx.get(f"{url}/source/{PAGE}", headers={"Accept": "text/turtle"}, timeout=30).status_code != 200:
        assert time.monotonic() < deadline, "the server did not pick up the new source"
        time.sleep(0.2)
    accepted, visible, failed = [], [], 0
    for candidate in candidates:
        if len(accepted) == accepts:
            break
        began = time.perf_counter()
        answer = httpx.post(f"{url}/source/{PAGE}/review/{candidate['id']}", json={"action": "accept"},
                            headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600)
        if answer.status_code != 200:  # as a reviewer would: name the measure, accept despite the findings
            failed += 1
            began = time.perf_counter()
            answer = httpx.post(f"{url}/source/{PAGE}/review/{candidate['id']}", json=_corrected(candidate),
                                headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600)
            if answer.status_code != 200:
                continue
        took = time.perf_counter() - began
        fact = answer.json()["done"].split(" as ", 1)[1].split(" ", 1)[0].replace("dgr:", DGR)
        while not served(url, fact):
            assert time.perf_counter() - began < 120, "the accepted fact was not served"
        accepted.append(took)
        visible.append(time.perf_counter() - began)
    rest = [c for c in candidates if c["status"] == "pending"][-1]
    began = time.perf_counter()
    httpx.post(f"{url}/source/{PAGE}/review/{rest['id']}", json={"action": "reject"},
               headers={"Authorization": f"Bearer {TOKEN}"}, timeout=600).raise_for_status()
    figures |= {"reject": time.perf_counter() - began, "accepts": len(accepted), "refused": failed,
                "accept p50": statistics.median(accepted), "accept p95": _p95(accepted),
                "served p95": _p95(visible), "accept seconds": [round(t, 3) for t in accepted]}
    figures["remove-source"] = run("remove-source", PAGE, *where, env=env)
    return figures


def _corrected(candidate: dict) -> dict:
    """The accept of a refused candidate, corrected as a reviewer would: a demand whose words name no measure of
    the vocabulary is given one (the page's demands are made up), and findings are overridden."""
    edits = {"callsFor": "Negotiation"} if candidate["kind"] == "Demand" and not candidate["measures"] else {}
    return {"action": "accept", "set": edits, "force": True}


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def measure(size: int, folder: Path, accepts: int, port: int) -> dict:
    root = folder / str(size)
    root.mkdir()
    subprocess.run([DIPLOGRAPH, "generate", "--documents", str(size), "-o", str(root / "data")], check=True,
                   capture_output=True)
    subprocess.run(["cp", "-r", str(HERE.parent / "ontology"), str(root / "ontology")], check=True)
    env = {**os.environ, "DIPLOGRAPH_CACHE": str(root / "cache"), "DIPLOGRAPH_UPDATE_TOKEN": TOKEN,
           "DIPLOGRAPH_WATCH_INTERVAL": "0.5"}
    where = ["--data", str(root / "data"), "--ontology", str(root / "ontology")]
    figures = {"documents": size, "validate cold": run("validate", *where, env=env),
               "validate warm": run("validate", *where, env=env)}
    serve_env = {**env, "DIPLOGRAPH_CACHE": str(root / "serve-cache")}
    process, figures["serve cold: health"], _, figures["serve cold: derived"] = serve(
        root / "data", root / "ontology", serve_env, port)
    stop(process)
    process, figures["serve warm: health"], figures["serve warm: in memory"], figures["serve warm: derived"] = serve(
        root / "data", root / "ontology", serve_env, port)
    try:
        figures |= review_path(root, f"http://127.0.0.1:{port}", serve_env, accepts)
        _settled(port)  # the audit measured on cores the server's rebuild after remove-source no longer takes
        figures["audit"] = _audit(where, env)
        changed = sorted((root / "data" / "documents").glob("*.ttl"))[size // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "# read again\n", encoding="utf-8")
        figures["audit after a change"] = _audit(where, env)
    finally:
        figures["peak MB (server)"] = stop(process)
    return figures


def _settled(port: int) -> None:
    """Wait until the server has seen the last change to its files (it looks every 0.5 s) and has rebuilt its
    derived data from it."""
    time.sleep(2)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        health = httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).json()
        if health.get("data") == "current" and health.get("derived") == "ready":
            return
        time.sleep(0.2)
    raise RuntimeError("the server did not settle")


def _audit(where: list[str], env: dict) -> float:
    """``audit`` exits 1 when it finds something: its time either way (the generated corpus is the bundled data)."""
    began = time.perf_counter()
    done = subprocess.run([DIPLOGRAPH, "audit", "-f", "json", *where], capture_output=True, text=True, env=env,
                          timeout=3600)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return time.perf_counter() - began


COLUMNS = ["validate cold", "validate warm", "serve cold: health", "serve cold: derived", "serve warm: health",
           "serve warm: in memory", "serve warm: derived", "add-source", "draft", "accept p50", "accept p95",
           "served p95", "reject",
           "remove-source", "audit", "audit after a change", "peak MB (server)"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--accepts", type=int, default=20)
    parser.add_argument("--port", type=int, default=8791)
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="bench-documents-") as folder:
        results = [measure(size, Path(folder), options.accepts, options.port) for size in sizes]
    base = results[0]
    rows = []
    for column in COLUMNS:
        row: list[object] = [column]
        for result in results:
            value = result[column]
            ratio = f" ({value / base[column]:.1f}×)" if base[column] and result is not base else ""
            row.append(f"{value:,.2f} s{ratio}" if "MB" not in column else f"{value:,} MB{ratio}")
        rows.append(row)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "documents.json").write_text(json.dumps(results, indent=2))
    print(markdown(["step", *(f"{size:,} documents" for size in sizes)], rows))
    print("accepted / refused as drafted (then accepted corrected) per size:",
          [(r["accepts"], r["refused"]) for r in results])
    print("the three slowest accepts per size (s), for what makes the p95:",
          [sorted(r["accept seconds"])[-3:] for r in results])


if __name__ == "__main__":
    main()
