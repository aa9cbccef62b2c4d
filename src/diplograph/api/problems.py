"""Errors at the HTTP edge: every one becomes an RFC 9457 problem-details JSON document."""

from __future__ import annotations

import orjson
from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import (
    DataError,
    DiplographError,
    QueryError,
    QueryLimitError,
    QueryParameterError,
    QuerySyntaxError,
    ServiceBusyError,
    UnauthorizedError,
    UnknownEntityError,
    UnsafeQueryError,
    UpdateForbiddenError,
)

__all__ = ["BadBody", "BodyTooLarge", "NotAcceptable", "UnsupportedMediaType", "install", "problem"]

PROBLEM_TYPE = "https://w3id.org/diplograph/problems/"
MEDIA_TYPE = "application/problem+json"


class BodyTooLarge(DiplographError):
    """The request body is larger than the configured limit."""


class BadBody(DiplographError):
    """The request body is not what the route reads (not JSON, or JSON of the wrong shape)."""


class UnsupportedMediaType(DiplographError):
    """The request body is of a media type the route does not read."""


class NotAcceptable(DiplographError):
    """None of the media types the client accepts can be produced."""

    def __init__(self, message: str, offered: list[str]):
        self.offered = offered
        super().__init__(message)


def problem(status: int, kind: str, title: str, detail: str, **extra: object) -> JSONResponse:
    """A problem-details response."""
    body = {"type": PROBLEM_TYPE + kind, "title": title, "status": status, "detail": detail, **extra}
    headers = {"Retry-After": "1"} if status == 503 else None
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _for(error: Exception) -> JSONResponse:
    match error:
        case UnknownEntityError():
            extra = {key: value for key, value in (("suggestion", error.suggestion), ("listing", error.listing))
                     if value}
            return problem(404, "unknown-entity", "Not found", str(error), **extra)
        case QuerySyntaxError():
            return problem(400, "query-syntax", "Malformed SPARQL", str(error), line=error.line, column=error.column)
        case QueryParameterError():
            return problem(400, "query-parameter", "Bad query parameter", str(error))
        case UnsafeQueryError():
            return problem(400, "unsafe-query", "Query refused", str(error))
        case QueryLimitError() if error.limit in ("time", "memory"):
            return problem(503, f"query-{error.limit}-limit", "Query stopped at its limit", str(error),
                           limit=error.limit)
        case QueryLimitError():
            return problem(400, f"query-{error.limit}-limit", "Query or answer too large", str(error),
                           limit=error.limit)
        case ServiceBusyError():
            return problem(503, "busy", "Service busy", str(error))
        case UpdateForbiddenError():
            return problem(403, "read-only", "Updates not allowed", str(error))
        case UnauthorizedError():
            response = problem(401, "unauthorized", "Token needed", str(error))
            response.headers["WWW-Authenticate"] = 'Bearer realm="diplograph updates"'
            return response
        case BadBody():
            return problem(400, "body", "Bad request body", str(error))
        case BodyTooLarge():
            return problem(413, "body-too-large", "Request body too large", str(error))
        case UnsupportedMediaType():
            return problem(415, "media-type", "Unsupported media type", str(error))
        case NotAcceptable():
            return problem(406, "not-acceptable", "Not acceptable", str(error), acceptable=error.offered)
        case QueryError():
            return problem(400, "query", "Query failed", str(error))
        case DataError():
            return problem(422, "invalid-data", "The data would not validate", str(error),
                           problems=[{"file": p.file, "line": p.line, "message": p.message} for p in error.problems])
    return problem(500, "internal", "Internal error", "unexpected error")


def for_browser(request: Request, response: JSONResponse) -> Response:
    """The problem as a readable page with a way on, when a browser asked (same status, same words)."""
    from .pages import prefers_html, problem_page

    if request.method != "GET" or not prefers_html(request, request.query_params.get("format")):
        return response
    body = orjson.loads(response.body)
    extra = {k: v for k, v in body.items() if k not in ("type", "title", "status", "detail")}
    page = problem_page(body["status"], body["title"], body["detail"], extra)
    for header in ("Retry-After", "WWW-Authenticate", "Allow"):
        if header in response.headers:
            page.headers[header] = response.headers[header]
    return page


def install(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into problem details (a page for a browser)."""

    @app.exception_handler(DiplographError)
    async def diplograph_error(request: Request, error: DiplographError) -> Response:
        return for_browser(request, _for(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        errors = [{"location": list(map(str, e.get("loc", ()))), "message": e.get("msg", "")} for e in error.errors()]
        return for_browser(request, problem(422, "validation", "Invalid request", "; ".join(
            f"{'.'.join(e['location'])}: {e['message']}" for e in errors), errors=errors))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        titles = {404: "Not found", 405: "Method not allowed"}
        response = problem(error.status_code, "http", titles.get(error.status_code, "HTTP error"), str(error.detail))
        if error.headers:
            response.headers.update(error.headers)
        if error.status_code == 405:  # every method of the path, not only those of the route that matched first
            response.headers["Allow"] = ", ".join(_methods(request.app, request.scope))
        return for_browser(request, response)


def _methods(app: FastAPI, scope) -> list[str]:
    from starlette.routing import Match

    found: set[str] = set()
    for route in app.routes:
        if route.matches({**scope, "method": "GET"})[0] != Match.NONE:
            found |= set(getattr(route, "methods", None) or ())
    return sorted(found)
