"""Canned queries as JSON (or CSV/TSV) APIs, Datasette-style: named, documented, parameterised, paged."""

from __future__ import annotations

from typing import Annotated
from typing import Literal as OneOf
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse

from ...errors import DiplographError, UnknownEntityError
from ...formats import GRAPH_FORMATS
from ...queries import CannedQuery
from ...results import Table, serialize_table
from ..deps import ServiceDep
from ..formats import answer_format, outcome_response, pick
from ..pages import catalogue_page, prefers_html, query_page, rows_page
from ..schemas import ParameterPublic, QueriesPublic, QueryPublic, QueryResultPublic
from ..tables import table

router = APIRouter(prefix="/queries", tags=["queries"])

RESERVED = {"format", "limit", "offset", "timeout"}
QUERY_FORMATS = ("json", "csv", "tsv", "html", *GRAPH_FORMATS)
"""What ``?format=`` takes: a table's formats for SELECT and ASK, an RDF format for CONSTRUCT and DESCRIBE."""
_ROW_TYPES = {"application/json": "json", "text/csv": "csv", "text/tab-separated-values": "tsv"}


def _public(query: CannedQuery) -> QueryPublic:
    return QueryPublic(name=query.name, title=query.title, description=query.description, form=query.form,
                       parameters=[ParameterPublic(name=p.name, type=p.type, default=p.default, required=p.required,
                                                   description=p.description) for p in query.parameters],
                       sparql=query.text)


@router.get("", response_model=QueriesPublic, summary="The canned queries, with their parameters",
            responses={200: {"content": {"text/html": {}}}})
def read_queries(request: Request, service: ServiceDep,
                 format: Annotated[str | None, Query(pattern="^(json|html)$")] = None) -> Response | QueriesPublic:
    if prefers_html(request, format):
        items = [{"path": f"/queries/{q.name}", "title": q.title, "description": q.description}
                 for q in service.canned_queries()]
        return catalogue_page("Canned queries", "Questions the graph answers by name, each with its parameters, its "
                              "quotes and its SPARQL; open one to run it.", items, "/queries?format=json")
    data = [_public(q) for q in service.canned_queries()]
    return QueriesPublic(data=data, count=len(data))


@router.get("/{name}", response_model=QueryResultPublic, summary="Run a canned query",
            responses={200: {"content": {"text/csv": {}, "text/tab-separated-values": {}, "text/html": {},
                                         **{f.media_type: {} for f in GRAPH_FORMATS.values()}}},
                       400: {"description": "Bad parameter"}, 404: {"description": "No such query"}})
async def read_query(
    name: str,
    request: Request,
    service: ServiceDep,
    format: Annotated[OneOf[tuple(QUERY_FORMATS)] | None, Query(  # type: ignore[valid-type]
        description="json (default), csv, tsv or html; for a CONSTRUCT query an RDF format")] = None,
    limit: Annotated[int, Query(ge=1, le=10_000, description="rows per page")] = 100,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="rows to skip")] = 0,
    timeout: Annotated[float | None, Query(ge=1, le=3600, description="seconds (≥ 1); lowers the limit")] = None,
) -> Response | QueryResultPublic:
    """Parameters of the query are passed as URL parameters of the same name (``?demander=dgr:russia``)."""
    query = service.canned_query(name)
    params = {k: v for k, v in request.query_params.items() if k not in RESERVED and v != ""}
    accept = request.headers.get("accept")
    if query.form not in ("CONSTRUCT", "DESCRIBE") and prefers_html(request, format):
        return await _query_page(query, request, service, params, limit, offset, timeout)
    if query.form in ("CONSTRUCT", "DESCRIBE"):
        name, media_type = answer_format(query.form, accept, format)
        outcome = await service.canned(query, params, timeout=timeout, format=name)
        return outcome_response(outcome, media_type)
    kind, media_type = pick(accept, format, _ROW_TYPES)
    outcome = await service.canned(query, params, max_rows=offset + limit + 1, timeout=timeout)
    records = outcome.records()
    has_more = len(records) > offset + limit
    truncated = outcome.truncated and not has_more
    headers = {"Vary": "Accept"}
    next_url = None
    if has_more or offset:  # paging links, built only when there is another page
        links = []
        base = str(request.url.remove_query_params(["offset"]))
        separator = "&" if "?" in base else "?"
        if has_more:
            next_url = f"{base}{separator}{urlencode({'offset': offset + limit})}"
            links.append(f'<{next_url}>; rel="next"')
        if offset:
            links.append(f'<{base}{separator}{urlencode({"offset": max(0, offset - limit)})}>; rel="prev"')
        headers["Link"] = ", ".join(links)
    if truncated:
        headers["X-Diplograph-Truncated"] = "true"
    if kind != "json":
        table = outcome.table or Table(variables=[])
        page = Table(table.variables, table.rows[offset:offset + limit], table.boolean)
        return Response(serialize_table(page, kind), media_type=f"{media_type}; charset=utf-8", headers=headers)
    rows = records[offset:offset + limit]
    bound = await service.parameter_terms(query, params)
    body = {"query": name, "parameters": {k: str(v) for k, v in bound.items()}, "columns": outcome.variables,
            "rows": rows, "count": len(rows), "offset": offset, "limit": limit, "has_more": has_more,
            "truncated": truncated, "next": next_url}
    return Response(orjson.dumps(body), media_type="application/json", headers=headers)


async def _query_page(query: CannedQuery, request: Request, service, params: dict[str, str], limit: int,
                      offset: int, timeout: float | None) -> HTMLResponse:
    """The query as a page: its form, and its answer when every required parameter is given (else the form)."""
    names = await service.labels()
    described = service.operation(query.name)
    missing = [p.name for p in query.parameters if p.required and p.name not in params]
    if missing and not request.query_params:
        return query_page(query, described, request, None, names)
    try:
        outcome = await service.canned(query, params, max_rows=offset + limit + 1, timeout=timeout)
    except DiplographError as error:
        status = 404 if isinstance(error, UnknownEntityError) else 400
        return query_page(query, described, request, None, names, error=str(error), status=status)
    records = outcome.records()
    has_more = len(records) > offset + limit
    rows = records[offset:offset + limit]
    next_url = None
    if has_more:
        next_url = f"{request.url.path}?{urlencode({**request.query_params, 'offset': offset + limit})}"
    answer = {"columns": outcome.variables, "rows": rows, "count": len(rows), "has_more": has_more,
              "next": next_url}
    return query_page(query, described, request, answer, names)


operations_router = APIRouter(tags=["queries"])


@operations_router.get("/operations", summary="Every operation: canned queries and analyses, described alike",
                       responses={200: {"content": {"text/html": {}}}})
def read_operations(request: Request, service: ServiceDep,
                    format: Annotated[str | None, Query(pattern="^(json|html)$")] = None) -> Response:
    """One registry (``diplograph.operations``): name, kind, title, description, typed parameters, its URL."""
    from dataclasses import asdict


    found = service.operations()
    if prefers_html(request, format):
        rows = [{"operation": o.path, "operationLabel": o.title, "name": o.name, "kind": o.kind,
                 "parameters": ", ".join(f"{p.name}: {p.type}" + ("" if p.required else "?") for p in o.parameters)}
                for o in found]
        return rows_page(request, "Operations", [table(["operation", "operationLabel", "name", "kind", "parameters"],
                                                       rows)],
                         lede="Every canned query and analysis, described alike from one registry: the same "
                              "description the forms, the command line (diplograph operations) and the API use.",
                         links=[("/queries", "Canned queries"), ("/analysis", "Analyses")])
    return JSONResponse({"data": [asdict(o) | {"path": o.path} for o in found], "count": len(found)},
                        headers={"Vary": "Accept"})
