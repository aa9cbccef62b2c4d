"""Shared request dependencies."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.exceptions import RequestValidationError

from ..service import Service

__all__ = ["DateParam", "ServiceDep", "bearer", "bearer_token", "day", "read_body"]


async def get_service(request: Request) -> Service:
    """The app's service (a coroutine, so that FastAPI does not hand it to a thread on every request)."""
    return request.app.state.service


ServiceDep = Annotated[Service, Depends(get_service)]

DateParam = Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", json_schema_extra={"format": "date"},
                                        description="YYYY-MM-DD")]
"""A date in a URL; ``day`` checks that it exists."""


def day(value: str | None, name: str) -> date | None:
    """The date ``value`` names, or a 422 problem (as for any parameter out of its domain) when no such day exists.

    >>> day("2026-03-04", "since"), day(None, "since")
    (datetime.date(2026, 3, 4), None)
    """
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise RequestValidationError([{"loc": ("query", name), "msg": f"{value} is not a date",
                                       "type": "value_error"}]) from None


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing more than ``limit`` bytes whether or not Content-Length is given."""
    from .problems import BodyTooLarge

    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge(f"request body of {declared} bytes exceeds the limit of {limit} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyTooLarge(f"request body exceeds the limit of {limit} bytes")
    return bytes(body)


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer …`` header (any case), else None.

    >>> bearer_token("Bearer abc "), bearer_token("bearer abc"), bearer_token("Basic abc"), bearer_token(None)
    ('abc', 'abc', None, None)
    """
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return None


def bearer(request: Request) -> str | None:
    """The request's bearer token (the update token, for updates and reviews)."""
    return bearer_token(request.headers.get("authorization"))
