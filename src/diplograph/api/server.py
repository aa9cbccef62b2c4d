"""The HTTP server's own bounds: request heads, idle and half-sent connections, how many connections at once.

uvicorn runs the app with its h11 protocol, whose parser refuses a request
line and headers larger than ``MAX_HEAD_BYTES`` (h11's own limit, set through
uvicorn's option) instead of buffering them; uvicorn's ``limit_concurrency``
answers 503 past ``MAX_CONNECTIONS``; its keep-alive timeout closes idle
connections. What uvicorn does not bound is a client that starts a request and
never finishes its head (a slow-loris): :class:`BoundedH11Protocol` closes such a
connection ``HEAD_TIMEOUT`` seconds after it became due. Nor does it bound a
client that asks and then never reads: :class:`ChunkedBodies` hands uvicorn
each answer in pieces of ``CHUNK_BYTES``, so uvicorn's flow control holds the
next piece back while the socket's buffer is full (the kernel's and asyncio's
buffers stay small), and :class:`BoundedH11Protocol` drops a connection whose
writes have been stalled for ``SEND_TIMEOUT`` seconds, freeing the answer.
"""

from __future__ import annotations

import asyncio
import socket
import struct

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["BoundedH11Protocol", "ChunkedBodies", "HEAD_TIMEOUT", "MAX_CONNECTIONS", "MAX_HEAD_BYTES",
           "SEND_TIMEOUT", "config"]

MAX_HEAD_BYTES = 64 * 1024
"""Request line plus headers, at most (URLs included: a longer query goes in a POST body)."""
HEAD_TIMEOUT = 10.0
"""Seconds a connection may take to send a complete request head."""
MAX_CONNECTIONS = 1000
"""Connections and requests in progress at once; past it, 503 at once (file descriptors stay available)."""
SEND_TIMEOUT = 30.0
"""Seconds an answer may wait on a client that does not read before the connection is dropped."""
CHUNK_BYTES = 64 * 1024
"""Pieces an answer is written in (each waits until the client has taken the previous ones)."""
KEEP_ALIVE = 5
"""Seconds an idle keep-alive connection is kept."""


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, with a deadline on each request's head and on each stall of its answer."""

    _head_timer: asyncio.TimerHandle | None = None
    _stall_timer: asyncio.TimerHandle | None = None
    head_timeout: float = HEAD_TIMEOUT
    send_timeout: float = SEND_TIMEOUT

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._unstalled()
        super().connection_lost(exc)

    def pause_writing(self) -> None:
        """The socket's buffer is full: the client has this long to start reading again."""
        super().pause_writing()
        if self._stall_timer is None:
            self._stall_timer = self.loop.call_later(self.send_timeout, self._stalled_too_long)

    def resume_writing(self) -> None:
        self._unstalled()
        super().resume_writing()

    def _unstalled(self) -> None:
        if self._stall_timer is not None:
            self._stall_timer.cancel()
            self._stall_timer = None

    def _stalled_too_long(self) -> None:
        self._stall_timer = None
        connection = self.transport.get_extra_info("socket")
        if connection is not None:  # a reset, not a close: the kernel drops what it still holds for the client too
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()

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


class ChunkedBodies:
    """ASGI middleware: an answer's body goes to the server in pieces of ``CHUNK_BYTES``, each awaited.

    uvicorn writes what it is given at once and waits for the client only
    between pieces; a body sent whole would sit in the transport's buffer
    however slowly the client reads.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_in_pieces(message) -> None:
            body = message.get("body", b"")
            if message["type"] != "http.response.body" or len(body) <= CHUNK_BYTES:
                await send(message)
                return
            view = memoryview(body)
            for start in range(0, len(body), CHUNK_BYTES):
                last = start + CHUNK_BYTES >= len(body)
                await send({"type": "http.response.body", "body": bytes(view[start:start + CHUNK_BYTES]),
                            "more_body": message.get("more_body", False) if last else True})

        await self.app(scope, receive, send_in_pieces)


def config(app, *, host: str, port: int, access_log: bool, head_timeout: float = HEAD_TIMEOUT,
           max_head_bytes: int = MAX_HEAD_BYTES, max_connections: int = MAX_CONNECTIONS,
           send_timeout: float = SEND_TIMEOUT) -> uvicorn.Config:
    """uvicorn's configuration for the service, with the bounds above (the settings may change them)."""
    protocol = type("Protocol", (BoundedH11Protocol,), {"head_timeout": head_timeout, "send_timeout": send_timeout})
    return uvicorn.Config(ChunkedBodies(app), host=host, port=port, access_log=access_log, http=protocol,
                          h11_max_incomplete_event_size=max_head_bytes, limit_concurrency=max_connections,
                          timeout_keep_alive=KEEP_ALIVE, timeout_graceful_shutdown=5, log_level="info")
