"""The HTTP edge, attacked without credentials: huge heads, long URLs, heads that never finish, many connections.

Each attack runs against a real server while /health is asked; /health must answer within a second (a generous
bound on being held, not a speed measurement).
"""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest


@pytest.fixture(scope="module")
def edge_server():
    from api.conftest import Server

    running = Server("--workers", "1", env={"DIPLOGRAPH_HEAD_TIMEOUT": "1.5", "DIPLOGRAPH_MAX_CONNECTIONS": "400"})
    yield running
    running.stop()


def health_is_prompt(url: str) -> None:
    response = httpx.get(url + "/health", timeout=1.0)
    assert response.status_code == 200 and response.json()["status"] == "ok"


def _send_head(port: int, head: bytes, outcome: dict) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            sock.sendall(head)
            outcome["answer"] = sock.recv(64)
        except OSError as error:  # the server closed the connection while the head was still coming
            outcome["answer"] = repr(error)


def test_a_huge_header_is_refused_and_health_stays_prompt(edge_server):
    outcome: dict = {}
    head = b"GET / HTTP/1.1\r\nHost: x\r\nX: " + b"a" * (32 << 20) + b"\r\n\r\n"  # 32 MB of one header
    attack = threading.Thread(target=_send_head, args=(edge_server.port, head, outcome))
    attack.start()
    time.sleep(0.2)
    health_is_prompt(edge_server.url)
    attack.join(timeout=60)
    assert not attack.is_alive()
    answer = outcome["answer"]
    assert isinstance(answer, str) or answer.startswith(b"HTTP/1.1 400") or answer == b""


def test_a_url_past_the_head_limit_is_refused(edge_server):
    outcome: dict = {}
    _send_head(edge_server.port, b"GET /sparql?query=ASK%7B%7D%23" + b"x" * 200_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
               outcome)
    answer = outcome["answer"]
    assert isinstance(answer, str) or answer.startswith(b"HTTP/1.1 400") or answer == b""
    health_is_prompt(edge_server.url)


def test_a_head_that_never_ends_is_closed_by_the_server(edge_server):
    with socket.create_connection(("127.0.0.1", edge_server.port), timeout=10) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")  # and nothing more
        started = time.monotonic()
        assert sock.recv(64) == b""  # closed, without an answer
        assert time.monotonic() - started < 8  # the 1.5 s head deadline, not the 10 s socket timeout
        health_is_prompt(edge_server.url)


def test_hundreds_of_half_sent_requests_leave_health_prompt(edge_server):
    sockets = []
    try:
        for _ in range(300):
            sock = socket.create_connection(("127.0.0.1", edge_server.port), timeout=10)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            sockets.append(sock)
        health_is_prompt(edge_server.url)
        time.sleep(2.5)  # past the head deadline: the server has closed them all
        closed = sum(1 for sock in sockets if sock.recv(1) == b"")
        assert closed == len(sockets)
    finally:
        for sock in sockets:
            sock.close()
    health_is_prompt(edge_server.url)


def test_too_many_connections_at_once_get_503_not_a_hang(edge_server):
    sockets = []
    try:
        for _ in range(450):  # past the cap of 400
            sock = socket.create_connection(("127.0.0.1", edge_server.port), timeout=10)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            sockets.append(sock)
        answer = httpx.get(edge_server.url + "/health", timeout=2.0)
        assert answer.status_code == 503  # refused at once, not queued behind the slow ones
    finally:
        for sock in sockets:
            sock.close()
    time.sleep(0.2)
    health_is_prompt(edge_server.url)


def test_an_answer_past_the_size_limit_is_stopped_in_the_worker():
    from api.conftest import Server

    small = Server("--workers", "1", env={"DIPLOGRAPH_MAX_ANSWER_MB": "0.1"})  # 100 kB: more than the entities graph
    try:
        whole = httpx.get(small.url + "/store", headers={"Accept": "application/n-quads"}, timeout=30)
        assert whole.status_code == 400 and whole.json()["limit"] == "answer-size"
        assert "past the limit of 0.1 MB" in whole.json()["detail"]
        one = httpx.get(small.url + "/store", params={"graph": "https://w3id.org/diplograph/graph/entities"},
                        headers={"Accept": "application/n-triples"}, timeout=30)
        assert one.status_code == 200  # a part of it fits
        health_is_prompt(small.url)
    finally:
        small.stop()


BIG_ANSWER = ("SELECT ?x WHERE { ?s ?p ?o BIND(CONCAT(STR(?s), STR(?p)) AS ?x0) BIND(CONCAT(?x0, ?x0) AS ?x1) "
              "BIND(CONCAT(?x1, ?x1) AS ?x2) BIND(CONCAT(?x2, ?x2) AS ?x3) BIND(CONCAT(?x3, ?x3) AS ?x4) "
              "BIND(CONCAT(?x4, ?x4) AS ?x5) BIND(CONCAT(?x5, ?x5) AS ?x) }")
"""About 2 KB per triple of the bundled graph: an answer of several MB, more than the sockets' buffers hold."""


def test_a_client_that_never_reads_is_dropped(slow_reader_server):
    full = httpx.get(slow_reader_server.url + "/sparql", params={"query": BIG_ANSWER}, timeout=30,
                     headers={"Accept": "application/sparql-results+json"})
    assert full.status_code == 200 and len(full.content) > 8 << 20
    slow = socket.socket()
    slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # a small window: the server's buffer fills quickly
    slow.connect(("127.0.0.1", slow_reader_server.port))
    slow.sendall(httpx.URL(slow_reader_server.url + "/sparql", params={"query": BIG_ANSWER}).raw_path.join(
        [b"GET ", b" HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n\r\n"]))
    time.sleep(1.0)
    health_is_prompt(slow_reader_server.url)
    time.sleep(3.5)  # past the send timeout of 2 s, with the answer stalled
    received = 0
    slow.settimeout(5)
    try:
        while chunk := slow.recv(1 << 20):
            received += len(chunk)
    except ConnectionResetError:
        pass
    slow.close()
    assert received < len(full.content) // 2  # reset part-way: the rest of the answer was never sent
    health_is_prompt(slow_reader_server.url)


@pytest.fixture(scope="module")
def slow_reader_server():
    from api.conftest import Server

    running = Server("--workers", "1", env={"DIPLOGRAPH_SEND_TIMEOUT": "2"})
    yield running
    running.stop()


def test_an_idle_connection_is_closed_even_after_a_worker_was_forked():
    """A worker forked while a connection is open must not hold it: the server's keep-alive close reaches the client.

    The runaway query is stopped at the 1 s limit, which replaces its worker by a
    fork of the server, made while the first connection sits idle.
    """
    from api.conftest import Server

    running = Server("--workers", "1", "--timeout", "1")
    try:
        with socket.create_connection(("127.0.0.1", running.port), timeout=20) as idle:
            idle.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
            answer = b""
            while b'"ok"' not in answer:
                answer += idle.recv(4096)
            runaway = httpx.get(running.url + "/sparql", timeout=30,
                                params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"})
            assert runaway.status_code == 503 and runaway.json()["limit"] == "time"
            started = time.monotonic()
            assert idle.recv(64) == b""  # closed by the server's keep-alive timeout (5 s), not held by the new worker
            assert time.monotonic() - started < 15
    finally:
        running.stop()
