"""Linked data: entity and source IRIs under this server dereference to HTML for people and RDF for machines."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse

from ...namespaces import DGR, DGS
from ...terms import short
from ..deps import ServiceDep, bearer, read_body
from ..formats import GRAPH_TYPES, answer_format, outcome_response
from ..negotiation import choose
from ..pages import entity_page, explorer_page, graphs_page, home_page, prefers_html
from ..problems import BadBody
from ..reader import reader_page

router = APIRouter(tags=["linked data"])

Format = Annotated[str | None, Query(description="html, turtle, jsonld, ntriples or rdfxml (overrides Accept)")]
_PAGE_TYPES = ["text/html", *GRAPH_TYPES]


@router.get("/", response_class=HTMLResponse, summary="Home page", include_in_schema=False)
async def read_home(service: ServiceDep) -> HTMLResponse:
    stats = await service.counts()
    queries = [(q.name, q.title) for q in service.canned_queries()]
    return home_page(stats, queries)


@router.get("/explore", response_class=HTMLResponse, summary="Interactive graph explorer", include_in_schema=False)
def read_explorer() -> HTMLResponse:
    return explorer_page()


@router.get("/id/{name}", summary="An entity's IRI: HTML page or RDF by content negotiation",
            responses={200: {"content": {m: {} for m in _PAGE_TYPES}}, 404: {"description": "No such entity"}})
async def read_resource(name: str, request: Request, service: ServiceDep, format: Format = None) -> Response:
    """An entity's own IRI; a label, alias or prefixed name (``/id/Moscow``) redirects to the entity's IRI."""
    iri = await service.resolve(name)
    if iri != DGR[name]:
        return _redirect(request, iri)
    return await _dereference(iri, request, service, format)


def _redirect(request: Request, iri) -> RedirectResponse:
    """To the page of ``iri`` (an entity or a source), with the same query (format, view)."""
    text = str(iri)
    path = "/source/" + text[len(str(DGS)):] if text.startswith(str(DGS)) else "/id/" + text[len(str(DGR)):]
    query = request.url.query
    return RedirectResponse(path + (f"?{query}" if query else ""), status_code=307)


@router.get("/source/{name}", summary="A source document: HTML page or RDF by content negotiation",
            responses={200: {"content": {m: {} for m in _PAGE_TYPES}}, 404: {"description": "No such source"}})
async def read_source(name: str, request: Request, service: ServiceDep, format: Format = None,
                      view: Annotated[str | None, Query(pattern="^(reader|facts|review)$",
                                                        description="HTML: the text with its quotes (reader, the "
                                                                    "default), the document's facts, or the text "
                                                                    "with its drafted candidates (review)")] = None
                      ) -> Response:
    """For a browser, the source reader: the text with every quoted passage highlighted and what it supports."""
    registered = await service.source_name(name)
    if registered != name:
        return _redirect(request, DGS[registered])
    wants_html = format == "html" or (format is None and choose(request.headers.get("accept"), _PAGE_TYPES)
                                      == "text/html")
    if wants_html and view != "facts":
        candidates, single = None, []
        if view == "review":
            candidates, single = await asyncio.to_thread(service.review_queue, name)
        entity = await service.entity(str(DGS[name]))
        return await reader_page(service, name, entity.label, candidates, writable=service.settings.allow_review,
                                 single=single)
    return await _dereference(DGS[name], request, service, format, text_url=f"/source/{name}/text")


@router.post("/source/{name}/review/{candidate}", summary="Accept or reject a drafted candidate (when enabled)",
             responses={401: {"description": "Token needed"}, 403: {"description": "Review not enabled"},
                        422: {"description": "The fact would not validate"}})
async def post_review(name: str, candidate: str, request: Request, service: ServiceDep) -> JSONResponse:
    """JSON body: ``{"action": "accept" | "reject", "label": "…", "set": {"towards": "dgr:…"}, "seconds": 12.5}``
    (``seconds``: how long the reviewer took, recorded with the decision), with the update
    token as a bearer token; enabled by ``serve --allow-review``. An accepted candidate is written into the
    document's fact sheet only if the corpus still validates, and the graph is reloaded."""
    import orjson

    body = await read_body(request, 20_000)
    try:
        asked = orjson.loads(body or b"{}")
    except orjson.JSONDecodeError as error:
        raise BadBody(f"the body must be JSON ({error}): {{\"action\": \"accept\" or \"reject\", …}}") from None
    edits = asked.get("set", {}) if isinstance(asked, dict) else None
    if not isinstance(edits, dict) or not all(isinstance(v, str) or (isinstance(v, list) and all(
            isinstance(x, str) for x in v)) for v in edits.values()):
        raise BadBody("the body must be a JSON object; \"set\" an object of property: value (or a list of values)")
    done = await service.review(name, candidate, str(asked.get("action", "")), bearer(request),
                                label=asked.get("label") if isinstance(asked.get("label"), str) else None,
                                edits={str(k): v for k, v in edits.items()}, force=asked.get("force") is True,
                                seconds=_seconds(asked.get("seconds")))
    return JSONResponse({"done": done})


def _seconds(value: object) -> float | None:
    """The time a reviewer took, as the page measured it: a number of seconds within a day, else not recorded."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 86_400:
        return round(float(value), 1)
    return None


@router.get("/graphs", summary="The named graphs, with their sizes",
            responses={200: {"content": {"text/html": {}}}})
async def read_graphs(request: Request, service: ServiceDep,
                      format: Annotated[str | None, Query(pattern="^(json|html)$")] = None) -> Response:
    stats = await service.stats()
    if prefers_html(request, format):
        return graphs_page(stats, json_url="/graphs?format=json")
    return JSONResponse({"graphs": [{"graph": g, "triples": n} for g, n in stats["graphs"].items()],
                         "triples": stats["triples"]}, headers={"Vary": "Accept"})


@router.get("/source/{name}/text", response_class=PlainTextResponse, summary="The unchanged text of a source",
            responses={404: {"description": "No such source"}})
def read_source_text_route(name: str, service: ServiceDep) -> PlainTextResponse:
    """The text registered for ``name`` when the graph was loaded: a path never comes from the graph's data."""
    return PlainTextResponse(service.source_text(name).read_text(encoding="utf-8"))


async def _dereference(iri, request: Request, service, format: str | None, text_url: str | None = None) -> Response:
    accept = request.headers.get("accept")
    entity = await service.entity(str(iri))  # 404 when unknown
    wants_html = format == "html" or (format is None and choose(accept, _PAGE_TYPES) == "text/html")
    if wants_html:
        if text_url:
            return entity_page(entity, text_url=text_url)
        timeline = conflicts = None
        if service.is_actor(entity.types):
            rows = (await service.canned(service.canned_query("position-timeline"), {"actor": f"<{iri}>"})).records()
            timeline = list({(r["statement"], r["role"]): r for r in rows}.values())  # one row per statement, role
            key = short(iri)
            found = [*await service.analysis("conflicts", {"demander": key}),
                     *await service.analysis("conflicts", {"holder": key})]
            conflicts = list({(c["demand"], c["opponent"], c["rule"]): c for c in found}.values())
        return entity_page(entity, timeline, conflicts)
    query = service.canned_query("entity-graph")
    name, media_type = answer_format(query.form, accept, format)
    outcome = await service.canned(query, {"entity": f"<{iri}>"}, format=name)
    return outcome_response(outcome, media_type)
