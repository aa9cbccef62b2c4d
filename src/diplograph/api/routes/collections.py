"""The JSON graph API: typed collections with filters and facets, entities, neighbourhoods, paths."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse
from rdflib import Literal

from ...catalog import COLLECTIONS
from ...entities import Entity
from ..browse import collection_page, prefers_html
from ..deps import ServiceDep
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
        found = (await service.task("collection", name=name, filters=filters, offset=offset, limit=limit)).value
        public = CollectionPublic(
            data=[ItemPublic(id=i.id, iri=i.iri, label=i.label, types=list(i.types), aliases=list(i.aliases),
                             sources=list(i.sources)) for i in found["items"]],
            count=found["count"], offset=offset, limit=limit, facets=found["facets"])
        if prefers_html(request, format):
            return HTMLResponse(collection_page(name, public.model_dump(), request), headers={"Vary": "Accept"})
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


@router.get("/actors/{id}/timeline", response_model=QueryResultPublic, summary="An actor's positions over time",
            responses={404: {"description": "No such actor"}})
async def read_timeline(id: str, service: ServiceDep,
                        since: Annotated[str | None, Query(alias="from", max_length=10,
                                                           description="YYYY-MM-DD")] = None,
                        until: Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD")] = None,
                        ) -> QueryResultPublic:
    """What the actor demanded, held, took a stance on or asserted, by date (statement date, else source date)."""
    actor = await run_in_threadpool(service.graph.resolve, id)
    query = service.graph.canned_query("position-timeline")
    params = {"actor": f"<{actor}>", "from": since, "until": until}
    outcome = await service.canned(query, params)
    table = outcome.table
    return QueryResultPublic(query=query.name, parameters={k: str(v) for k, v in query.terms(params).items()},
                             columns=table.variables, rows=table.records(), count=len(table.rows), offset=0,
                             limit=len(table.rows), has_more=False, truncated=outcome.truncated)


@router.get("/entities/{id}", response_model=EntityPublic, summary="One entity: relations both ways, statements, "
            "quotes", responses={404: {"description": "No such entity"}})
async def read_entity(id: str, service: ServiceDep) -> EntityPublic:
    """``id`` is the entity's name (``russia``), a prefixed name, its IRI, a label or an alias (``Moscow``)."""
    entity: Entity = (await service.task("entity", name=id)).value
    return EntityPublic(
        id=str(entity.iri).rsplit("/", 1)[-1], iri=str(entity.iri), label=entity.label,
        types=[str(t) for t in entity.types], aliases=entity.aliases,
        outgoing=[_relation(r) for r in entity.outgoing], incoming=[_relation(r) for r in entity.incoming],
        evidence=[EvidencePublic(source=str(e.source), quote=e.quote) for e in entity.evidence],
        statements=[StatementRefPublic(
            iri=str(s.iri), label=s.label, types=[str(t) for t in s.types], via=str(s.via),
            asserted_by=[str(a) for a in s.asserted_by], mode=str(s.mode) if s.mode else None,
            evidence=[EvidencePublic(source=str(e.source), quote=e.quote) for e in s.evidence])
            for s in entity.statements])


def _relation(relation) -> RelationPublic:
    return RelationPublic(predicate=str(relation.predicate), predicate_label=relation.predicate_label,
                          node=str(relation.node), node_label=relation.node_label,
                          is_literal=isinstance(relation.node, Literal),
                          graph=str(relation.graph) if relation.graph else None)


@router.get("/entities/{id}/neighbors", response_model=NeighborhoodPublic, summary="An entity's neighbourhood",
            responses={404: {"description": "No such entity"}})
async def read_neighbors(id: str, service: ServiceDep,
                         depth: Annotated[int, Query(ge=1, le=3, description="hops, either direction")] = 1,
                         ) -> NeighborhoodPublic:
    """Nodes and edges within ``depth`` hops; edges carry the quotes of the statement behind them."""
    center, nodes, edges = (await service.task("neighbors", name=id, depth=depth)).value
    return NeighborhoodPublic(
        center=center, depth=depth, nodes=[NodePublic(id=n, label=label, cls=cls) for n, label, cls in nodes],
        edges=[EdgePublic(source=a, target=b, predicate=p, label=label, quotes=quotes)
               for a, b, p, label, quotes in edges])


@router.get("/paths", response_model=PathsPublic, summary="How two entities are connected, and by which statements",
            responses={404: {"description": "No such entity"}})
async def read_paths(service: ServiceDep,
                     source: Annotated[str, Query(alias="from", max_length=500, description="an entity")],
                     target: Annotated[str, Query(alias="to", max_length=500, description="another entity")],
                     limit: Annotated[int, Query(ge=1, le=10)] = 3) -> PathsPublic:
    start, end, paths = (await service.task("paths", source=source, target=target, limit=limit)).value
    return PathsPublic(source=start, target=end, paths=[[StepPublic(
        source=s.source, target=s.target, predicate=s.predicate, label=s.label, statement=s.statement,
        quotes=list(s.quotes)) for s in path] for path in paths])
