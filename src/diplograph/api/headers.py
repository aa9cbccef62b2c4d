"""What every request passes through: whose it is (for the per-client share of the workers), and the headers every
response carries — a strict Content-Security-Policy and its companions.

Pages carry no inline script, handler or ``javascript:`` link (templates with
autoescape, :mod:`diplograph.api.render`), so the policy allows scripts from
this server only; nothing may frame a page (the review form must not be
clickjacked); browsers must not guess types; and the address of a page goes
to no other site.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..executor import CLIENT

__all__ = ["CONTENT_SECURITY_POLICY", "ClientAddress", "SecurityHeaders"]

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; "
                           "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'")
_HEADERS = [(b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
            (b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"), (b"cross-origin-opener-policy", b"same-origin")]


class SecurityHeaders:
    """ASGI middleware adding the headers above to every HTTP response (problems, static files, redirects too)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((name, value) for name, value in _HEADERS if name not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


class ClientAddress:
    """ASGI middleware naming the client of each request (its address) for the executor's per-client share."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        token = CLIENT.set(client[0] if client else None)
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(token)
