"""The HTTP API: ``create_app(service)`` builds the FastAPI application; the only package that imports FastAPI."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..service import Service
from . import problems
from .headers import ClientAddress, SecurityHeaders
from .render import page
from .routes import analysis, collections, export, feed, health, linked_data, queries, sparql

__all__ = ["create_app"]

STATIC = Path(__file__).parent / "static"

DESCRIPTION = """
The diplomacy around the Russia–Ukraine war as a knowledge graph: who demands what of whom, on which
conditions, which red lines collide — and, for every fact, the source document, the verbatim quote and who
asserts it. Read-only by default; every query is bounded in time, memory and rows.
"""


def create_app(service: Service) -> FastAPI:
    """The application serving ``service``; its workers start and stop with the app's lifespan."""

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        service.start()
        if service.executor.isolation is not None:
            logging.getLogger("uvicorn.error").info("diplograph: %s", service.executor.isolation.describe())
        try:
            yield
        finally:
            service.close()

    app = FastAPI(title="diplograph", version=__version__, description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  responses={400: {"model": __import__("diplograph.api.schemas", fromlist=["Problem"]).Problem,
                                   "description": "Problem details (RFC 9457)"}})
    app.state.service = service
    problems.install(app)
    if service.settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=service.settings.cors_origins,
                           allow_methods=["GET", "POST", "HEAD"], allow_headers=["*"])
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (health, sparql, queries, collections, analysis, export, feed, linked_data):
        app.include_router(module.router)
    app.include_router(queries.operations_router)

    app.openapi = lambda: _openapi(app, service)

    @app.get("/docs", include_in_schema=False)
    async def read_docs() -> HTMLResponse:
        return page("docs.html", title="API")

    app.add_middleware(SecurityHeaders)
    app.add_middleware(ClientAddress)

    return app


_TYPES = {"IRI": {"type": "string", "description": "an entity: IRI, prefixed name, label or alias"},
          "date": {"type": "string", "format": "date"}, "int": {"type": "integer"}, "integer": {"type": "integer"},
          "bool": {"type": "boolean"}, "boolean": {"type": "boolean"}, "float": {"type": "number"},
          "decimal": {"type": "number"}}


def _openapi(app: FastAPI, service: Service) -> dict:
    """FastAPI's schema, plus one documented path per operation (``diplograph.operations``) with its parameters.

    The routes themselves are the generic ``/queries/{name}`` and ``/analysis/{name}``; these entries make each
    canned query and analysis discoverable with its typed parameters, from the same registry as the forms.
    """
    from fastapi.openapi.utils import get_openapi

    from ..operations import operations

    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    generic = {"query": schema["paths"].get("/queries/{name}", {}).get("get", {}),
               "analysis": schema["paths"].get("/analysis/{name}", {}).get("get", {})}
    for item in operations(service.graph).values():
        template = generic[item.kind]
        parameters = [{"name": p.name, "in": "query", "required": p.required, "description": p.description,
                       "schema": {**_TYPES.get(p.type, {"type": "string"}),
                                  **({"enum": list(p.choices)} if p.choices else {}),
                                  **({"minimum": p.minimum} if p.minimum is not None else {}),
                                  **({"maximum": p.maximum} if p.maximum is not None else {})}}
                      for p in item.parameters]
        if item.kind == "query":  # paging, format and timeout, as the generic route takes them
            parameters += [p for p in template.get("parameters", []) if p["in"] == "query"]
        schema["paths"][item.path] = {"get": {
            "tags": ["operations"], "summary": item.title, "description": item.description,
            "operationId": f"run_{item.kind}_{item.name}".replace("-", "_"), "parameters": parameters,
            "responses": template.get("responses", {"200": {"description": "the answer"}})}}
    app.openapi_schema = schema
    return schema
