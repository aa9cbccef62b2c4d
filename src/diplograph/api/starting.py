"""What the service says while it is still loading: every request gets 503 with what it is doing.

A cold start of a thousand documents validates for minutes. The port is bound
before loading (a taken port is said at once), and without this, clients
would wait in the listen queue with no word. Until the real server takes the
socket over, a small standard-library responder answers each request with
``503 Service Unavailable``, ``Retry-After`` and a JSON body like `/health`'s:
``{"status": "starting", "data": "validating: checking documents 120 of 1000"}``.
It reads only the request line and headers (bounded, with a timeout) and
closes each connection; it never reaches the graph.
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

__all__ = ["Starting"]


class Starting:
    """A responder on ``listener`` for as long as the ``with`` block runs; ``progress`` is what it reports."""

    def __init__(self, listener: socket.socket):
        self.listener = listener
        self.state = "loading the data files"
        self._server: ThreadingHTTPServer | None = None

    def progress(self, doing: str, done: int, total: int) -> None:
        """For the loading: told what is being done, how many of how many (``corpus.Progress``)."""
        self.state = f"validating: {doing} {done} of {total}"

    def __enter__(self) -> Starting:
        starting = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 5  # a client that sends nothing holds a thread five seconds at most

            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                body = json.dumps({"status": "starting", "data": starting.state}).encode()
                self.send_response(503)
                self.send_header("Content-Type", "application/json")
                self.send_header("Retry-After", "2")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass  # the real server logs requests; these are only "not yet"

        server = ThreadingHTTPServer(self.listener.getsockname()[:2], Handler, bind_and_activate=False)
        server.socket.close()  # the one it made; the bound listener is used instead
        server.socket = self.listener
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True,
                         name="diplograph-starting").start()
        self._server = server
        return self

    def __exit__(self, *_: object) -> None:
        if self._server is not None:
            self._server.shutdown()  # stops accepting; the listener stays open for the real server
