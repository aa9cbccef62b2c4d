"""Exports over HTTP: /export/{format} with the same selections as `diplograph export`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from ...errors import unknown
from ...export import ExportTask, Selection
from ...export.selection import VIEWS
from ...formats import EXPORT_FORMATS
from ..deps import ServiceDep
from ..pages import prefers_html, rows_page
from ..tables import table

router = APIRouter(prefix="/export", tags=["export"])

_TOOLS = {"graphml": "Gephi, yEd, Cytoscape, igraph", "gexf": "Gephi (colours by class, sizes by PageRank)",
          "cytoscape": "Cytoscape.js elements", "d3": "D3 node-link JSON", "dot": "Graphviz (dot -Tsvg)",
          "turtle": "RDF: Turtle", "ntriples": "RDF: N-Triples", "nquads": "RDF: N-Quads (with graphs)",
          "trig": "RDF: TriG (with graphs)", "jsonld": "RDF: JSON-LD", "rdfxml": "RDF: RDF/XML"}


@router.get("", summary="The export formats", responses={200: {"content": {"text/html": {}}}})
def read_exports(request: Request, format: Annotated[str | None, Query(pattern="^(json|html)$")] = None
                 ) -> Response:
    """Each format with its media type, file extension and what reads it; ``/export/{format}`` writes it."""
    found = [{"format": f"/export/{name}?download=true", "formatLabel": name, "for": _TOOLS.get(name, ""),
              "media type": f.media_type, "extension": f.extension} for name, f in EXPORT_FORMATS.items()]
    if prefers_html(request, format):
        return rows_page(request, "Exports", [table(["format", "formatLabel", "for", "media type", "extension"],
                                                    found)],
                         lede="The graph, a projection (view=stance), a neighbourhood (entity=…&depth=…) or a "
                              "CONSTRUCT query's result (query=…), for visualisation tools and RDF consumers.")
    return JSONResponse({"data": [{"name": f["formatLabel"], "media_type": f["media type"],
                                   "extension": f["extension"], "for": f["for"]} for f in found],
                         "count": len(found)}, headers={"Vary": "Accept"})

_RESERVED = {"view", "entity", "depth", "query", "download"}


@router.get("/{format}", summary="Export the graph, a projection, a neighbourhood or a CONSTRUCT query's result",
            responses={200: {"content": {f.media_type: {} for f in EXPORT_FORMATS.values()}},
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
        raise unknown("export format", format, EXPORT_FORMATS, "export formats")
    selection = {"view": view, "entity": entity, "depth": depth, "query": query, "params": params}
    content = (await service.run(ExportTask(format, Selection(**selection)))).body
    media_type, extension = EXPORT_FORMATS[format].media_type, EXPORT_FORMATS[format].extension
    headers = {"Content-Disposition": f'attachment; filename="diplograph.{extension}"'} if download else None
    return Response(content, media_type=media_type, headers=headers)
