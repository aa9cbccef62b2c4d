"""Liveness and size: answers at once, whatever queries are running."""

from __future__ import annotations

from fastapi import APIRouter

from ..deps import ServiceDep
from ..schemas import HealthPublic, StatsPublic

router = APIRouter(tags=["service"])


@router.get("/health", response_model=HealthPublic, summary="Is the service up?")
async def read_health(service: ServiceDep) -> HealthPublic:
    """Answers without touching the query workers, so it stays prompt while queries run."""
    isolation = service.executor.isolation
    sandbox = {"network": isolation.network, "files": isolation.files} if isolation else {}
    return HealthPublic(status="ok", triples=service.triples, graphs=len(service.graphs),
                        workers=service.executor.limits.workers, sandbox=sandbox,
                        derived=service.derived.state)


@router.get("/stats", response_model=StatsPublic, summary="Triples, named graphs and entities per class")
async def read_stats(service: ServiceDep) -> StatsPublic:
    """Computed once per graph version (the graph only changes on a permitted update)."""
    stats = (await service.task("stats")).value
    return StatsPublic(triples=stats["triples"], graphs=stats["graphs"], classes=stats["classes"])
