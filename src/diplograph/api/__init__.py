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
from .openapi import describe
from .render import page
from .routes import analysis, collections, export, feed, health, linked_data, queries, sparql
from .schemas import Problem

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
                  docs_url=None, redoc_url=None, responses={400: {"model": Problem}})
    app.state.service = service
    problems.install(app)
    if service.settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=service.settings.cors_origins,
                           allow_methods=["GET", "POST", "HEAD"], allow_headers=["*"])
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (health, sparql, queries, collections, analysis, export, feed, linked_data):
        app.include_router(module.router)
    app.include_router(queries.operations_router)

    def openapi() -> dict:
        if app.openapi_schema is None:
            forms = {q.name: q.form for q in service.canned_queries()}
            app.openapi_schema = describe(app, service.operations(), forms)
        return app.openapi_schema

    app.openapi = openapi

    @app.get("/docs", include_in_schema=False)
    async def read_docs() -> HTMLResponse:
        return page("docs.html", title="API")

    app.add_middleware(SecurityHeaders)
    app.add_middleware(ClientAddress)

    return app
