"""The HTTP server's own bounds: request heads, idle and half-sent connections, how many connections at once.

uvicorn runs the app with its h11 protocol, whose parser refuses a request
line and headers larger than ``MAX_HEAD_BYTES`` (h11's own limit, set through
uvicorn's option) instead of buffering them; uvicorn's ``limit_concurrency``
answers 503 past ``MAX_CONNECTIONS``; its keep-alive timeout closes idle
connections. What uvicorn does not bound is a client that starts a request and
never finishes its head (a slow-loris): :class:`BoundedH11Protocol` closes such a
connection ``HEAD_TIMEOUT`` seconds after it became due.
"""

from __future__ import annotations

import asyncio

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["BoundedH11Protocol", "HEAD_TIMEOUT", "MAX_CONNECTIONS", "MAX_HEAD_BYTES", "config"]

MAX_HEAD_BYTES = 64 * 1024
"""Request line plus headers, at most (URLs included: a longer query goes in a POST body)."""
HEAD_TIMEOUT = 10.0
"""Seconds a connection may take to send a complete request head."""
MAX_CONNECTIONS = 1000
"""Connections and requests in progress at once; past it, 503 at once (file descriptors stay available)."""
KEEP_ALIVE = 5
"""Seconds an idle keep-alive connection is kept."""


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline on each request's head."""

    _head_timer: asyncio.TimerHandle | None = None
    head_timeout: float = HEAD_TIMEOUT

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the head arrived (or the connection is done): no deadline
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()  # the next request's head is due in its turn

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_too_slow)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def config(app, *, host: str, port: int, access_log: bool, head_timeout: float = HEAD_TIMEOUT,
           max_head_bytes: int = MAX_HEAD_BYTES, max_connections: int = MAX_CONNECTIONS) -> uvicorn.Config:
    """uvicorn's configuration for the service, with the bounds above (the settings may change them)."""
    protocol = type("Protocol", (BoundedH11Protocol,), {"head_timeout": head_timeout})
    return uvicorn.Config(app, host=host, port=port, access_log=access_log, http=protocol,
                          h11_max_incomplete_event_size=max_head_bytes, limit_concurrency=max_connections,
                          timeout_keep_alive=KEEP_ALIVE, timeout_graceful_shutdown=5, log_level="info")
