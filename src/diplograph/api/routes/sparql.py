"""SPARQL 1.1 Protocol at /sparql (query, update, service description, editor) and the read-only Graph Store."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import HTMLResponse
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from ...errors import QueryError, UnknownEntityError
from ...results import serialize_graph
from ..deps import ServiceDep, read_body
from ..formats import GRAPH_TYPES, graph_response, outcome_response, pick
from ..negotiation import choose
from ..pages import editor_page

router = APIRouter(tags=["sparql"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

GraphUris = Annotated[list[str] | None, Query(alias="default-graph-uri", description="default graph(s) of the "
                                                "query's dataset: local graph IRIs only")]
NamedUris = Annotated[list[str] | None, Query(alias="named-graph-uri", description="named graphs of the query's "
                                                "dataset: local graph IRIs only")]
FormatParam = Annotated[str | None, Query(description="override Accept: json, xml, csv, tsv, turtle, ntriples, "
                                          "nquads, trig, jsonld, rdfxml or a media type")]
TimeoutParam = Annotated[float | None, Query(ge=1, le=3600, description="seconds (at least 1); may only lower "
                                              "the server's limit")]

_QUERY_BODY = {
    "application/sparql-query": {"schema": {"type": "string"}},
    "application/sparql-update": {"schema": {"type": "string"}},
    "application/x-www-form-urlencoded": {"schema": {
        "type": "object",
        "properties": {"query": {"type": "string"}, "update": {"type": "string"},
                       "default-graph-uri": {"type": "string"}, "named-graph-uri": {"type": "string"}}}},
}
_RESULTS = {200: {"description": "Query results, in the negotiated format", "content": {
    m: {} for m in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                    "text/tab-separated-values", "text/turtle", "application/n-triples", "application/ld+json",
                    "application/trig", "application/n-quads", "application/rdf+xml", "text/html")}},
            406: {"description": "No acceptable format"}, 503: {"description": "Query stopped at its limit"}}


@router.api_route("/sparql", methods=["GET", "HEAD"], summary="SPARQL query (GET), service description, editor",
                  responses=_RESULTS)
async def read_sparql(
    request: Request,
    service: ServiceDep,
    query: Annotated[str | None, Query(description="SPARQL query")] = None,
    default_graph_uri: GraphUris = None,
    named_graph_uri: NamedUris = None,
    format: FormatParam = None,
    timeout: TimeoutParam = None,
) -> Response:
    """With ``query``: run it. Without: the service description for RDF clients, the query editor for browsers."""
    accept = request.headers.get("accept")
    if query is None:
        if format is None and choose(accept, ["text/html", *GRAPH_TYPES]) == "text/html":
            return HTMLResponse(editor_page(service))
        return graph_response(_service_description(service, str(request.url_for("read_sparql"))), accept, format)
    return await _run(service, query, default_graph_uri, named_graph_uri, accept, format, timeout)


@router.post("/sparql", summary="SPARQL query or update (POST)", responses={**_RESULTS, 204: {"description":
             "Update applied"}, 403: {"description": "Read-only"}, 413: {"description": "Body too large"},
             415: {"description": "Unsupported media type"}},
             openapi_extra={"requestBody": {"content": _QUERY_BODY, "required": True}})
async def create_sparql(
    request: Request,
    service: ServiceDep,
    default_graph_uri: GraphUris = None,
    named_graph_uri: NamedUris = None,
    format: FormatParam = None,
    timeout: TimeoutParam = None,
    authorization: Annotated[str | None, Header(description="Bearer token, for updates")] = None,
) -> Response:
    """Query via ``application/sparql-query`` or a form; update via ``application/sparql-update`` or a form."""
    body = await read_body(request, service.settings.max_body_bytes)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    text = body.decode("utf-8", errors="replace")
    defaults, named = list(default_graph_uri or []), list(named_graph_uri or [])
    if content_type == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        defaults += form.get("default-graph-uri", [])
        named += form.get("named-graph-uri", [])
        if "update" in form:
            return await _update(service, form["update"][0], authorization)
        if "query" not in form:
            raise QueryError("the form has neither a query nor an update field")
        text = form["query"][0]
    elif content_type == "application/sparql-update":
        return await _update(service, text, authorization)
    elif content_type != "application/sparql-query":
        return Response(status_code=415, content=b'{"type":"https://w3id.org/diplograph/problems/media-type",'
                        b'"title":"Unsupported media type","status":415,"detail":"send application/sparql-query, '
                        b'application/sparql-update or a form"}', media_type="application/problem+json")
    return await _run(service, text, defaults, named, request.headers.get("accept"), format, timeout)


async def _run(service, text: str, defaults, named, accept: str | None, format: str | None,
               timeout: float | None) -> Response:
    outcome = await service.sparql(text, default_graphs=defaults, named_graphs=named,
                                      timeout=timeout)
    return outcome_response(outcome, accept, format)


async def _update(service, text: str, authorization: str | None) -> Response:
    token = authorization[7:].strip() if authorization and authorization.lower().startswith("bearer ") else None
    await service.update(text, token)
    return Response(status_code=204)


def _service_description(service, endpoint: str) -> Graph:
    description = Graph()
    description.bind("sd", SD)
    description.bind("void", VOID)
    me = URIRef(endpoint)
    dataset = URIRef(endpoint + "#dataset")
    description.add((me, RDF.type, SD.Service))
    description.add((me, SD.endpoint, me))
    description.add((me, SD.supportedLanguage, SD.SPARQL11Query))
    if service.settings.allow_updates:
        description.add((me, SD.supportedLanguage, SD.SPARQL11Update))
    description.add((me, SD.feature, SD.UnionDefaultGraph))
    for media in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"):
        description.add((me, SD.resultFormat, FORMATS[media]))
    description.add((me, SD.defaultDataset, dataset))
    description.add((dataset, RDF.type, SD.Dataset))
    default = URIRef(endpoint + "#default-graph")
    description.add((dataset, SD.defaultGraph, default))
    description.add((default, RDF.type, SD.Graph))
    total = 0
    for name in service.graphs:
        size = len(service.graph.dataset.graph(name))
        total += size
        node = URIRef(f"{endpoint}#graph-{len(description)}")
        description.add((dataset, SD.namedGraph, node))
        description.add((node, RDF.type, SD.NamedGraph))
        description.add((node, SD.name, name))
        graph_node = URIRef(f"{endpoint}#graph-{len(description)}-description")
        description.add((node, SD.graph, graph_node))
        description.add((graph_node, RDF.type, SD.Graph))
        description.add((graph_node, VOID.triples, Literal(size)))
    description.add((default, VOID.triples, Literal(total)))
    return description


@router.get("/store", summary="Graph Store Protocol (read-only): one graph, the union, or the whole dataset",
            responses={200: {"description": "RDF", "content": {m: {} for m in (
                "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
                "application/trig", "application/n-quads")}}, 404: {"description": "No such graph"}})
def read_store(
    request: Request,
    service: ServiceDep,
    graph: Annotated[str | None, Query(description="IRI of a named graph")] = None,
    default: Annotated[str | None, Query(description="present: the default graph (the union of all graphs)")] = None,
    format: FormatParam = None,
) -> Response:
    """``?graph=IRI``: that graph; ``?default``: the union default graph; neither: the dataset as TriG/N-Quads."""
    accept = request.headers.get("accept")
    dataset = service.graph.dataset
    if graph is not None:
        if URIRef(graph) not in set(service.graphs):
            raise UnknownEntityError(f"no graph <{graph}> in this store")
        selected = Graph()
        for triple in dataset.graph(URIRef(graph)):
            selected.add(triple)
        return graph_response(selected, accept, format)
    if default is not None:
        union = Graph()
        for s, p, o, _ in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return graph_response(union, accept, format)
    name, media_type = pick(accept, format, {"application/trig": "trig", "application/n-quads": "nquads"})
    whole = Dataset()
    for s, p, o, context in dataset.quads((None, None, None, None)):
        whole.graph(getattr(context, "identifier", context)).add((s, p, o))
    return Response(serialize_graph(whole, name), media_type=f"{media_type}; charset=utf-8",
                    headers={"Vary": "Accept"})
