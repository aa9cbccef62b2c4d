"""The JSON graph API: typed collections with filters and facets, entities, neighbourhoods, paths."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse
from rdflib import Literal

from ...catalog import COLLECTIONS
from ...entities import Entity
from ...errors import QueryParameterError
from ..deps import DateParam, ServiceDep, day
from ..pages import Field, collection_page, entity_page, prefers_html, rows_page
from ..schemas import (
    CollectionPublic,
    EdgePublic,
    EntityPublic,
    EvidencePublic,
    ItemPublic,
    NeighborhoodPublic,
    NodePublic,
    PathsPublic,
    QueryResultPublic,
    RelationPublic,
    StatementRefPublic,
    StepPublic,
)
from ..tables import table

router = APIRouter(tags=["graph"])

Limit = Annotated[int, Query(ge=1, le=500, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Text = Annotated[str | None, Query(max_length=200, description="label or alias contains this (any case)")]
Source = Annotated[str | None, Query(max_length=500, description="cited from this source document")]
Kind = Annotated[str | None, Query(max_length=200, description="of this class, e.g. State or dg:Person")]
AssertedBy = Annotated[str | None, Query(max_length=500, description="asserted by this actor")]
CollectionFormat = Annotated[str | None, Query(pattern="^(json|csv|html)$",
                                               description="json, csv or html (overrides Accept)")]


def _collection_route(name: str):
    cls = COLLECTIONS[name]

    async def read_collection(request: Request, service: ServiceDep, q: Text = None, source: Source = None,
                              kind: Kind = None, asserted_by: AssertedBy = None, limit: Limit = 50,
                              offset: Offset = 0, format: CollectionFormat = None) -> Response:
        filters = {"q": q, "source": source, "kind": kind, "asserted_by": asserted_by}
        found = await service.collection(name, filters, offset, limit)
        public = CollectionPublic(
            data=[ItemPublic(id=i.id, iri=i.iri, label=i.label, types=list(i.types), aliases=list(i.aliases),
                             sources=list(i.sources)) for i in found["items"]],
            count=found["count"], offset=offset, limit=limit, facets=found["facets"])
        if prefers_html(request, format):
            return collection_page(name, public.model_dump(), request)
        if format == "csv":
            return Response(_csv(public), media_type="text/csv; charset=utf-8")
        return JSONResponse(public.model_dump(), headers={"Vary": "Accept"})

    read_collection.__name__ = f"read_{name}"
    read_collection.__doc__ = f"Every {cls.rsplit('#', 1)[-1]} (subclasses included), filtered, with facets."
    return read_collection


def _csv(public: CollectionPublic) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "iri", "label", "types", "aliases", "sources"])
    for item in public.data:
        writer.writerow([item.id, item.iri, item.label, " ".join(item.types), " | ".join(item.aliases),
                         " ".join(item.sources)])
    return buffer.getvalue()


for _name in COLLECTIONS:
    router.add_api_route(f"/{_name}", _collection_route(_name), methods=["GET"], response_model=CollectionPublic,
                         summary=f"List {_name}", responses={200: {"content": {"text/html": {}, "text/csv": {}}}})


HtmlOrJson = Annotated[str | None, Query(pattern="^(json|html)$", description="json or html (overrides Accept)")]
_PAGE = {200: {"content": {"text/html": {}}}}


@router.get("/actors/{id}/timeline", response_model=QueryResultPublic, summary="An actor's positions over time",
            responses={404: {"description": "No such actor"}, **_PAGE})
async def read_timeline(id: str, request: Request, service: ServiceDep,
                        since: Annotated[DateParam, Query(alias="from")] = None, until: DateParam = None,
                        format: HtmlOrJson = None) -> Response:
    """What the actor demanded, held, took a stance on or asserted, by date (statement date, else source date)."""
    day(since, "from"), day(until, "until")
    actor = await service.resolve(id)
    query = service.canned_query("position-timeline")
    params = {"actor": f"<{actor}>", "from": since, "until": until}
    outcome = await service.canned(query, params)
    table_ = outcome.table
    public = QueryResultPublic(query=query.name, parameters={k: str(v) for k, v in query.terms(params).items()},
                               columns=table_.variables, rows=table_.records(), count=len(table_.rows), offset=0,
                               limit=len(table_.rows), has_more=False, truncated=outcome.truncated)
    if prefers_html(request, format):
        label = (await service.entity(str(actor))).label
        return rows_page(request, f"{label} over time", [table(public.columns, public.rows)],
                         lede="What it demanded, held, took a stance on or asserted, by date — each date with its "
                              "kind (said on a day, before the document, recurring, as of the document).",
                         fields=[Field("from", "from", since or "", "YYYY-MM-DD", "date"),
                                 Field("until", "until", until or "", "YYYY-MM-DD", "date")],
                         links=[(f"/id/{str(actor).rsplit('/', 1)[-1]}", f"{label}'s page")])
    return JSONResponse(public.model_dump(), headers={"Vary": "Accept"})


@router.get("/entities/{id}", response_model=EntityPublic, summary="One entity: relations both ways, statements, "
            "quotes", responses={404: {"description": "No such entity"}, **_PAGE})
async def read_entity(id: str, request: Request, service: ServiceDep, format: HtmlOrJson = None) -> Response:
    """``id`` is the entity's name (``russia``), a prefixed name, its IRI, a label or an alias (``Moscow``)."""
    entity: Entity = await service.entity(id)
    if prefers_html(request, format):
        return entity_page(entity)
    public = EntityPublic(
        id=str(entity.iri).rsplit("/", 1)[-1], iri=str(entity.iri), label=entity.label,
        types=[str(t) for t in entity.types], aliases=entity.aliases,
        outgoing=[_relation(r) for r in entity.outgoing], incoming=[_relation(r) for r in entity.incoming],
        evidence=[EvidencePublic(source=str(e.source), quote=e.quote) for e in entity.evidence],
        statements=[StatementRefPublic(
            iri=str(s.iri), label=s.label, types=[str(t) for t in s.types], via=str(s.via),
            asserted_by=[str(a) for a in s.asserted_by], mode=str(s.mode) if s.mode else None,
            evidence=[EvidencePublic(source=str(e.source), quote=e.quote) for e in s.evidence])
            for s in entity.statements])
    return JSONResponse(public.model_dump(), headers={"Vary": "Accept"})


def _relation(relation) -> RelationPublic:
    return RelationPublic(predicate=str(relation.predicate), predicate_label=relation.predicate_label,
                          node=str(relation.node), node_label=relation.node_label,
                          is_literal=isinstance(relation.node, Literal),
                          graph=str(relation.graph) if relation.graph else None)


@router.get("/entities/{id}/neighbors", response_model=NeighborhoodPublic, summary="An entity's neighbourhood",
            responses={404: {"description": "No such entity"}, **_PAGE})
async def read_neighbors(id: str, request: Request, service: ServiceDep,
                         depth: Annotated[int, Query(ge=1, le=3, description="hops, either direction")] = 1,
                         format: HtmlOrJson = None) -> Response:
    """Nodes and edges within ``depth`` hops; edges carry the quotes of the statement behind them."""
    center, nodes, edges = await service.neighbors(id, depth)
    public = NeighborhoodPublic(
        center=center, depth=depth, nodes=[NodePublic(id=n, label=label, cls=cls) for n, label, cls in nodes],
        edges=[EdgePublic(source=a, target=b, predicate=p, label=label, quotes=quotes)
               for a, b, p, label, quotes in edges])
    if prefers_html(request, format):
        labels = {n.id: n.label for n in public.nodes}
        rows = [{"from": e.source, "relation": e.label, "to": e.target, "quotes": e.quotes} for e in public.edges]
        node_rows = [{"node": n.id, "class": n.cls} for n in public.nodes]
        return rows_page(request, f"Around {labels.get(center, center)}", [
            table(["from", "relation", "to", "quotes"], rows, labels=labels, caption="Relations"),
            table(["node", "class"], node_rows, labels=labels, caption="Nodes")],
            lede=f"Everything within {depth} hop(s) of it, either direction, with the quotes behind each relation.",
            fields=[Field("depth", "hops", depth, "1 to 3", "number")],
            links=[("/explore", "See it in the explorer")])
    return JSONResponse(public.model_dump(), headers={"Vary": "Accept"})


@router.get("/paths", response_model=PathsPublic, summary="How two entities are connected, and by which statements",
            responses={404: {"description": "No such entity"}, **_PAGE})
async def read_paths(request: Request, service: ServiceDep,
                     source: Annotated[str | None, Query(alias="from", min_length=1, max_length=500,
                                                         description="an entity")] = None,
                     target: Annotated[str | None, Query(alias="to", min_length=1, max_length=500,
                                                         description="another entity")] = None,
                     limit: Annotated[int, Query(ge=1, le=10)] = 3, format: HtmlOrJson = None) -> Response:
    html = prefers_html(request, format)
    fields = [Field("from", "from", source or "", "an entity: a name, alias or IRI", entity=True, required=True),
              Field("to", "to", target or "", "another entity", entity=True, required=True),
              Field("limit", "paths", limit, "1 to 10", "number")]
    if not source or not target:
        if html:
            names = await service.labels()
            return rows_page(request, "How two entities connect", [], fields=fields, names=names,
                             lede="Name two entities: the shortest paths between them, hop by hop, with the "
                                  "statements and quotes behind each hop.")
        raise QueryParameterError("paths needs from= and to= (two entities)")
    start, end, paths = await service.paths(source, target, limit)
    public = PathsPublic(source=start, target=end, paths=[[StepPublic(
        source=s.source, target=s.target, predicate=s.predicate, label=s.label, statement=s.statement,
        quotes=list(s.quotes)) for s in path] for path in paths])
    if html:
        names = await service.labels()
        tables = [table(["source", "label", "target", "statement", "quotes"], [s.model_dump() for s in path],
                        caption=f"Path {n}") for n, path in enumerate(public.paths, start=1)]
        return rows_page(request, "How two entities connect", tables, fields=fields, names=names,
                         error=None if tables else "No path connects them.")
    return JSONResponse(public.model_dump(), headers={"Vary": "Accept"})
