"""Benchmark: an honest mix under load, with and without two attackers, on the bundled graph.

Run:  .venv/bin/python bench/bench_attack.py [--seconds 60] [--connections 32]

The honest mix (Python clients with keep-alive connections, in a second process) cycles through canned queries,
`/sparql` texts, exports, analyses and a pathological query (a three-way cartesian product, cut at the time
limit). The attackers, in a third process, send a 32 MB header over and over, open connections that send
half a request head and stop, and ask for a 9 MB answer with a 4 KiB receive window and never read it (asking
again each time the server drops them). Reported: requests/s of the honest mix with the attackers as a share of without,
5xx answers other than the documented limit responses (503 for a query stopped at its limit or a full
server), `/health` p50/p99 during each run, the peak resident memory of the server and its workers, and whether
every answer of a fixed sample is the same after the runs as before. Writes bench/results/attack.json.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from common import DIPLOGRAPH, RESULTS, markdown

HONEST = [
    "/queries/cq05-principles-of-actor?holder=ukraine", "/queries/demands?by=Moscow", "/queries/red-lines",
    "/queries/about-entity?entity=zelenskyy",
    "/sparql?query=SELECT%20%3Fd%20WHERE%20%7B%20%3Fd%20a%20dg%3ADemand%20%7D",
    "/export/cytoscape?entity=Poland", "/analysis/coalitions", "/entities/Moscow", "/actors?limit=20",
]
PATHOLOGICAL = "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20%3Fa%20%3Fb%20%3Fc%20.%20%3Fd%20%3Fe%20" \
               "%3Ff%20.%20%3Fg%20%3Fh%20%3Fi%20%7D"
SAMPLE = HONEST[:4] + ["/stats"]
BIG_ANSWER = ("SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), STR(?p)) AS ?x0) BIND(CONCAT(?x0, ?x0) AS ?x1) "
              "BIND(CONCAT(?x1, ?x1) AS ?x2) BIND(CONCAT(?x2, ?x2) AS ?x3) BIND(CONCAT(?x3, ?x3) AS ?x4) "
              "BIND(CONCAT(?x4, ?x4) AS ?x5) BIND(CONCAT(?x5, ?x5) AS ?x) }")
"""An answer of about 9 MB on the bundled graph, for the slow reader to refuse to read."""


def _honest(base: str, clients: int, seconds: float, queue) -> None:
    counts = {"ok": 0, "limit": 0, "other_5xx": 0, "4xx": 0, "errors": 0}
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(offset: int) -> None:
        paths = HONEST * 10 + [PATHOLOGICAL]
        with httpx.Client(base_url=base, timeout=30) as http:
            index = offset
            while time.monotonic() < stop:
                path = paths[index % len(paths)]
                index += 1
                try:
                    response = http.get(path, headers={"Accept": "application/json"})
                    key = "ok" if response.status_code < 400 else "4xx" if response.status_code < 500 else \
                        "limit" if response.status_code == 503 else "other_5xx"
                except httpx.HTTPError:
                    key = "errors"
                with lock:
                    counts[key] += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put(counts)


def _attack(port: int, seconds: float) -> None:
    stop = time.monotonic() + seconds
    held: list[socket.socket] = []

    def huge_headers() -> None:
        while time.monotonic() < stop:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
                    sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * (32 << 20) + b"\r\n\r\n")
                    sock.recv(64)
            except OSError:
                pass

    def half_heads() -> None:
        while time.monotonic() < stop:
            try:
                sock = socket.create_connection(("127.0.0.1", port), timeout=10)
                sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                held.append(sock)
                if len(held) > 200:
                    held.pop(0).close()
            except OSError:
                time.sleep(0.05)
            time.sleep(0.01)

    def slow_readers() -> None:
        """Ask for a multi-megabyte answer with a tiny receive window and never read; again when dropped."""
        request = httpx.URL(f"http://127.0.0.1:{port}/sparql", params={"query": BIG_ANSWER}).raw_path.join(
            [b"GET ", b" HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n\r\n"])
        while time.monotonic() < stop:
            try:
                with socket.socket() as sock:
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
                    sock.connect(("127.0.0.1", port))
                    sock.sendall(request)
                    while time.monotonic() < stop and not _closed(sock):
                        time.sleep(1)
            except OSError:
                time.sleep(0.1)

    threads = [threading.Thread(target=huge_headers), threading.Thread(target=half_heads),
               threading.Thread(target=slow_readers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for sock in held:
        sock.close()


def _closed(sock: socket.socket) -> bool:
    """Whether the server dropped the connection (reading nothing: a peek at a reset or end of stream)."""
    try:
        return sock.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def _health(base: str, seconds: float) -> list[float]:
    latencies = []
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        started = time.perf_counter()
        try:
            httpx.get(base + "/health", timeout=10)
            latencies.append(time.perf_counter() - started)
        except httpx.HTTPError:
            latencies.append(10.0)
        time.sleep(0.2)
    return sorted(latencies)


def _rss_kb(pid: int) -> int:
    """Resident memory of a process and its children (the query workers)."""
    total = 0
    for candidate in [pid, *_children(pid)]:
        try:
            with open(f"/proc/{candidate}/status", encoding="ascii") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            pass
    return total


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as handle:
            return [int(child) for child in handle.read().split()]
    except OSError:
        return []


def run(base: str, port: int, pid: int, seconds: float, connections: int, attackers: bool) -> dict:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    honest = context.Process(target=_honest, args=(base, connections, seconds, queue))
    attack = context.Process(target=_attack, args=(port, seconds)) if attackers else None
    peak = [0]

    def watch() -> None:
        while honest.is_alive():
            peak[0] = max(peak[0], _rss_kb(pid))
            time.sleep(0.5)

    honest.start()
    if attack:
        attack.start()
    watcher = threading.Thread(target=watch)
    watcher.start()
    health = _health(base, seconds)
    counts = queue.get(timeout=seconds + 120)
    honest.join()
    if attack:
        attack.join(timeout=60)
    watcher.join()
    return {"requests_per_s": (counts["ok"] + counts["limit"]) / seconds, **counts,
            "health_p50_ms": health[len(health) // 2] * 1000,
            "health_p99_ms": health[min(len(health) - 1, int(len(health) * 0.99))] * 1000,
            "peak_rss_mb": peak[0] / 1024}


def answers(base: str) -> list:
    with httpx.Client(base_url=base, timeout=60) as http:
        return [http.get(path, headers={"Accept": "application/json"}).json() for path in SAMPLE]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    server = subprocess.Popen([DIPLOGRAPH, "serve", "--port", str(port), "--timeout", "5"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):  # up, and its derived data built (both runs then use it alike)
            try:
                if httpx.get(base + "/health", timeout=1).json().get("derived") == "ready":
                    break
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.1)
        before = answers(base)
        calm = run(base, port, server.pid, args.seconds, args.connections, attackers=False)
        attacked = run(base, port, server.pid, args.seconds, args.connections, attackers=True)
        same = answers(base) == before
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report = {"seconds": args.seconds, "connections": args.connections, "cpus": os.cpu_count(),
              "without_attackers": calm, "with_attackers": attacked, "answers_unchanged": same,
              "share": attacked["requests_per_s"] / calm["requests_per_s"] if calm["requests_per_s"] else None}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "attack.json").write_text(json.dumps(report, indent=2))
    rows = [[name, f"{r['requests_per_s']:.1f}", r["ok"], r["limit"], r["other_5xx"], r["4xx"], r["errors"],
             f"{r['health_p50_ms']:.1f}", f"{r['health_p99_ms']:.1f}", f"{r['peak_rss_mb']:.0f}"]
            for name, r in (("without attackers", calm), ("with the attackers", attacked))]
    print(markdown(["run", "honest req/s", "ok", "503 at a limit", "other 5xx", "4xx", "client errors",
                    "/health p50 ms", "/health p99 ms", "peak RSS MB (server + workers)"], rows))
    print(f"honest throughput with the attackers: {report['share']:.0%} of without; "
          f"answers after the runs {'identical to' if same else 'DIFFERENT from'} before", file=sys.stderr)


if __name__ == "__main__":
    Path(RESULTS).mkdir(exist_ok=True)
    main()
