"""Liveness and size: answers at once, whatever queries are running."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from ..deps import ServiceDep
from ..pages import graphs_page, prefers_html
from ..schemas import HealthPublic, StatsPublic

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthPublic, summary="Is the service up?")
async def read_health(service: ServiceDep) -> HealthPublic:
    """Answers without touching the query workers, so it stays prompt while queries run."""
    isolation = service.executor.isolation
    sandbox = {"network": isolation.network, "files": isolation.files} if isolation else {}
    return HealthPublic(status="ok", triples=service.triples, graphs=len(service.graphs),
                        workers=service.executor.limits.workers, sandbox=sandbox,
                        derived=service.derived.state, data=service.data_state)


@router.get("/stats", response_model=StatsPublic, summary="Triples, named graphs and entities per class",
            responses={200: {"content": {"text/html": {}}}})
async def read_stats(request: Request, service: ServiceDep,
                     format: Annotated[str | None, Query(pattern="^(json|html)$")] = None) -> Response:
    """Computed once per graph version (the graph only changes when its files or the overlay do)."""
    stats = await service.stats()
    if prefers_html(request, format):
        return graphs_page(stats, title="Statistics", json_url="/stats?format=json")
    public = StatsPublic(triples=stats["triples"], graphs=stats["graphs"], classes=stats["classes"])
    return JSONResponse(public.model_dump(), headers={"Vary": "Accept"})
