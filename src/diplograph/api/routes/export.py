"""Exports over HTTP: /export/{format} with the same selections as `diplograph export`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from ...errors import QueryParameterError
from ...export import EXPORT_FORMATS
from ...export.selection import VIEWS
from ..deps import ServiceDep

router = APIRouter(prefix="/export", tags=["export"])

_RESERVED = {"view", "entity", "depth", "query", "download"}


@router.get("/{format}", summary="Export the graph, a projection, a neighbourhood or a CONSTRUCT query's result",
            responses={200: {"content": {media: {} for media, _ in EXPORT_FORMATS.values()}},
                       400: {"description": "Bad selection"}})
async def read_export(
    format: str,
    request: Request,
    service: ServiceDep,
    view: Annotated[str, Query(description=f"one of {', '.join(VIEWS)}")] = "entity",
    entity: Annotated[str | None, Query(max_length=500, description="only this entity's neighbourhood")] = None,
    depth: Annotated[int, Query(ge=1, le=3, description="hops around the entity")] = 1,
    query: Annotated[str | None, Query(max_length=200, description="a CONSTRUCT canned query; its parameters "
                                        "are further URL parameters")] = None,
    download: Annotated[bool, Query(description="ask the browser to save the file")] = False,
) -> Response:
    params = {k: v for k, v in request.query_params.items() if k not in _RESERVED}
    if format not in EXPORT_FORMATS:
        raise QueryParameterError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    selection = {"view": view, "entity": entity, "depth": depth, "query": query, "params": params}
    content = (await service.task("export", format=format, selection=selection)).body
    media_type, extension = EXPORT_FORMATS[format]
    headers = {"Content-Disposition": f'attachment; filename="diplograph.{extension}"'} if download else None
    return Response(content, media_type=media_type, headers=headers)
