"""The HTML face of every resource: the same data as its JSON, one URL, chosen by Accept or ``?format=html``.

Datasette is the model: every collection, canned query, analysis and answer
is a page with a table (sortable by a click on a heading), facets and paging
where they apply, a form for its parameters, and links to the same answer as
data. Each function here takes what the route already has (the JSON face's
data) and fills a template (:mod:`diplograph.api.render`); none computes.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse

from ..entities import Entity
from ..namespaces import DGR, DGS, PREFIXES
from .negotiation import choose
from .render import page
from .tables import Table, blocks, table

__all__ = ["Field", "analysis_page", "catalogue_page", "collection_page", "editor_page", "entity_page",
           "explorer_page", "graphs_page", "home_page", "prefers_html", "problem_page", "query_page",
           "rows_page"]


def prefers_html(request: Request, format: str | None = None) -> bool:
    """Whether to answer with a page: ``?format=html``, or a browser's Accept (HTML before JSON)."""
    if format:
        return format == "html"
    return choose(request.headers.get("accept"), ["application/json", "text/html"]) == "text/html"


@dataclass(frozen=True)
class Field:
    """A field of a page's GET form."""

    name: str
    label: str
    value: object = ""
    help: str = ""
    type: str = "text"
    entity: bool = False
    required: bool = False


def home_page(counts: dict[str, int], queries: list[tuple[str, str]]) -> HTMLResponse:
    return page("home.html", title="diplograph", counts=counts, queries=queries)


def editor_page(canned: list) -> HTMLResponse:
    """YASGUI, shipped with the package, pointed at this endpoint, with the canned queries as examples."""
    header = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    # the predeclared prefixes written out, so the editor's checker knows them too (no false "not defined")
    examples = [{"name": q.name, "title": q.title, "query": header + _without_comments(q.text)} for q in canned]
    return page("editor.html", title="SPARQL", examples=examples, prefixes=dict(PREFIXES),
                local=[[str(DGR), "/id/"], [str(DGS), "/source/"]])


def _without_comments(text: str) -> str:
    """A canned query's SPARQL without its leading metadata comments (title, description, parameters)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("# ")).strip() + "\n"


def entity_page(entity: Entity, timeline: list[dict] | None = None, conflicts: list[dict] | None = None, *,
                text_url: str | None = None) -> HTMLResponse:
    """An entity's page, in names: its classes, relations, the statements about it with who asserts them and how.

    For an actor, also its positions over time and the conflicts its demands and principles are in; for a source,
    links to its text.
    """
    return page("entity.html", title=entity.label, entity=entity, timeline=timeline, conflicts=conflicts,
                text_url=text_url, neighbours=text_url is None)


def explorer_page() -> HTMLResponse:
    return page("explorer.html", title="Explore")


def collection_page(name: str, found: dict, request: Request) -> HTMLResponse:
    params = dict(request.query_params)
    rows = [{"label": item["label"], "entity": item["iri"], "classes": ", ".join(item["types"]),
             "sources": item["sources"], "also": ", ".join(item["aliases"])} for item in found["data"]]
    filters = [(k, v) for k, v in params.items() if k in ("q", "kind", "source", "asserted_by")]
    return page("collection.html", title=name.capitalize(), name=name, request=request, count=found["count"],
                offset=int(params.get("offset", 0)), limit=int(params.get("limit", 50)), rows=rows,
                rows_table=table(["label", "entity", "classes", "sources", "also"], rows), facets=found["facets"],
                facet_keys={"class": "kind"}, filters=filters)


def catalogue_page(title: str, lede: str, items: list, json_url: str) -> HTMLResponse:
    """A list of things to open (the canned queries, the analyses), each with its description."""
    return page("catalogue.html", title=title, lede=lede, items=items, json_url=json_url)


def query_page(query, operation, request: Request, answer: dict | None, names: list[str],
               error: str | None = None, status: int = 200) -> HTMLResponse:
    values = {k: v for k, v in request.query_params.items() if k not in ("format", "offset", "limit")}
    if answer is not None:
        answer = {**answer, "table": table(answer["columns"], answer["rows"])}
    return page("query.html", status, title=query.title, query=query, operation=operation, values=values,
                names=names, request=request, answer=answer, error=error,
                editor_fragment=urlencode({"sparql": query.text}))


def analysis_page(analysis, operation, request: Request, result: object, names: list[str],
                  error: str | None = None, ask: bool = False, status: int = 200) -> HTMLResponse:
    values = {k: v for k, v in request.query_params.items() if k != "format"}
    grid = _grid(result) if analysis.name == "matrix" and isinstance(result, dict) else None
    return page("analysis.html", status, title=analysis.title, analysis=analysis, operation=operation,
                values=values, names=names, request=request, error=error, ask=ask, grid=grid,
                result_blocks=blocks(result) if result and grid is None else [])


_SIGNS = {"demands": "▲", "supports": "✓", "conditional": "◐", "uncertain": "?", "rejects": "✕"}
"""Each stance's sign: the matrix never says a stance by colour alone."""


def _grid(result: dict) -> dict:
    """The positions matrix as the page lays it out: rows, columns, and each cell by (actor, issue)."""
    return {"actors": result["actors"], "issues": result["issues"], "as_of": result["as_of"],
            "since": result["since"], "signs": _SIGNS,
            "cells": {(c["actor"], c["issue"]): c for c in result["cells"]}}


def graphs_page(stats: dict, *, title: str = "Named graphs", json_url: str = "/stats") -> HTMLResponse:
    graphs = [{"graph": name, "triples": count} for name, count in stats["graphs"].items()]
    for row in graphs:
        if str(row["graph"]).startswith(str(DGS)):
            row["document"] = row["graph"]
    classes = [{"class": name, "members": count} for name, count in stats["classes"].items()]
    return page("graphs.html", title=title, triples=stats["triples"], json_url=json_url,
                graphs=table(["graph", "document", "triples"], graphs), classes=table(["class", "members"], classes))


LISTINGS = {"queries": ("/queries", "The canned queries"), "analyses": ("/analysis", "The analyses"),
            "operations": ("/operations", "Every operation"), "entities": ("/actors", "The actors"),
            "sources": ("/sources", "The sources"), "export formats": ("/export", "The export formats")}
"""Where a page lists each kind of name, for the link after an unknown one (the web's own hint)."""


def problem_page(status: int, title: str, detail: str, extra: dict) -> HTMLResponse:
    suggestion, listing = extra.get("suggestion"), LISTINGS.get(str(extra.get("listing")))
    return page("problem.html", status, title=title, status=status, detail=detail, line=extra.get("line"),
                column=extra.get("column"), suggestion=suggestion, listing=listing, suggestion_to=None)


def rows_page(request: Request, title: str, tables: list[Table], *, lede: str = "", fields: list[Field] = (),
              names: list[str] = (), links: list[tuple[str, str]] = (), error: str | None = None,
              data_formats: tuple[str, ...] = ("json",), status: int = 200) -> HTMLResponse:
    """A page that is one answer: tables (captioned), an optional form of ``fields``, links, the same as data."""
    return page("rows.html", status, title=title, lede=lede, tables=tables, fields=list(fields), names=list(names),
                links=list(links), error=error, request=request, data_formats=data_formats)
