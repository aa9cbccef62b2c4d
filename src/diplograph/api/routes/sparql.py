"""SPARQL 1.1 Protocol at /sparql (query, update, service description, editor) and the read-only Graph Store."""

from __future__ import annotations

from typing import Annotated
from typing import Literal as OneOf
from urllib.parse import parse_qs

from fastapi import APIRouter, Header, Query, Request, Response
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from ...errors import QueryError, UnknownEntityError
from ...results import serialize_graph
from ..deps import ServiceDep, bearer_token, read_body
from ..formats import FORMAT_NAMES, GRAPH_TYPES, answer_format, graph_response, outcome_response, pick
from ..negotiation import choose
from ..pages import editor_page
from ..problems import UnsupportedMediaType

router = APIRouter(tags=["sparql"])

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

GraphUris = Annotated[list[str], Query(alias="default-graph-uri", description="default graph(s) of the "
                                                "query's dataset: local graph IRIs only")]
NamedUris = Annotated[list[str], Query(alias="named-graph-uri", description="named graphs of the query's "
                                                "dataset: local graph IRIs only")]
FormatParam = Annotated[OneOf[tuple(FORMAT_NAMES)] | None, Query(  # type: ignore[valid-type]
    description="override Accept: json, xml, csv, tsv, turtle, ntriples, nquads, trig, jsonld, rdfxml or a media "
                "type (a graph's format for CONSTRUCT, a table's for SELECT)")]
TimeoutParam = Annotated[float | None, Query(ge=1, le=3600, description="seconds (at least 1); may only lower "
                                              "the server's limit")]

_QUERY_BODY = {
    "application/sparql-query": {"schema": {"type": "string"}},
    "application/sparql-update": {"schema": {"type": "string"}},
    "application/x-www-form-urlencoded": {"schema": {
        "type": "object", "additionalProperties": False,
        "properties": {"query": {"type": "string"}, "update": {"type": "string"},
                       "default-graph-uri": {"type": "string"}, "named-graph-uri": {"type": "string"}},
        "oneOf": [{"required": ["query"], "not": {"required": ["update"]}},
                  {"required": ["update"], "not": {"required": ["query"]}}]}},
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
    default_graph_uri: GraphUris = [],  # noqa: B006 - FastAPI copies a default
    named_graph_uri: NamedUris = [],  # noqa: B006
    format: FormatParam = None,
    timeout: TimeoutParam = None,
) -> Response:
    """With ``query``: run it. Without: the service description for RDF clients, the query editor for browsers."""
    accept = request.headers.get("accept")
    if len(request.query_params.getlist("query")) > 1:
        raise QueryError("the request has more than one query parameter; send exactly one")
    if "update" in request.query_params:
        raise QueryError("an update must be sent with POST (application/sparql-update or a form), never with GET")
    if query is None:
        if format is None and choose(accept, ["text/html", *GRAPH_TYPES]) == "text/html":
            return editor_page(service.canned_queries())
        name, media_type = pick(accept, format, GRAPH_TYPES)
        description = await _service_description(service, service.base_url + "/sparql")
        return graph_response(serialize_graph(description, name), media_type)
    return await _run(service, query, default_graph_uri, named_graph_uri, accept, format, timeout)


@router.post("/sparql", summary="SPARQL query or update (POST)", responses={**_RESULTS, 204: {"description":
             "Update applied"}, 401: {"description": "Missing or wrong token"}, 403: {"description": "Read-only"},
             413: {"description": "Body too large"}, 415: {"description": "Unsupported media type"}},
             openapi_extra={"requestBody": {"content": _QUERY_BODY, "required": True}})
async def create_sparql(
    request: Request,
    service: ServiceDep,
    default_graph_uri: GraphUris = [],  # noqa: B006 - FastAPI copies a default
    named_graph_uri: NamedUris = [],  # noqa: B006
    format: FormatParam = None,
    timeout: TimeoutParam = None,
    authorization: Annotated[str | None, Header(description="Bearer token, for updates")] = None,
) -> Response:
    """Query via ``application/sparql-query`` or a form; update via ``application/sparql-update`` or a form."""
    body = await read_body(request, service.settings.max_body_bytes)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(f"the request body is not UTF-8 (byte {error.start})") from None
    defaults, named = list(default_graph_uri or []), list(named_graph_uri or [])
    if content_type == "application/x-www-form-urlencoded":
        form = parse_qs(text, keep_blank_values=True)
        defaults += form.get("default-graph-uri", [])
        named += form.get("named-graph-uri", [])
        if len(form.get("query", [])) + len(form.get("update", [])) > 1:
            raise QueryError("the form has more than one query or update; send exactly one")
        if "update" in form:
            return await _update(service, form["update"][0], authorization)
        if "query" not in form:
            raise QueryError("the form has neither a query nor an update field")
        text = form["query"][0]
    elif content_type == "application/sparql-update":
        return await _update(service, text, authorization)
    elif content_type != "application/sparql-query":
        raise UnsupportedMediaType("send application/sparql-query, application/sparql-update or a form "
                                   "(application/x-www-form-urlencoded)")
    return await _run(service, text, defaults, named, request.headers.get("accept"), format, timeout)


async def _run(service, text: str, defaults, named, accept: str | None, format: str | None,
               timeout: float | None) -> Response:
    inspection = service.inspect(text)
    name, media_type = answer_format(inspection.form, accept, format)
    outcome = await service.sparql(text, inspection=inspection, default_graphs=defaults, named_graphs=named,
                                   format=name, timeout=timeout)
    return outcome_response(outcome, media_type)


async def _update(service, text: str, authorization: str | None) -> Response:
    await service.update(text, bearer_token(authorization))
    return Response(status_code=204)


async def _service_description(service, endpoint: str) -> Graph:
    description = Graph()
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
    sizes = (await service.stats())["graphs"]
    for number, name in enumerate(service.graphs):
        node = URIRef(f"{endpoint}#graph-{number}")
        description.add((dataset, SD.namedGraph, node))
        description.add((node, RDF.type, SD.NamedGraph))
        description.add((node, SD.name, name))
        graph_node = URIRef(f"{endpoint}#graph-{number}-description")
        description.add((node, SD.graph, graph_node))
        description.add((graph_node, RDF.type, SD.Graph))
        description.add((graph_node, VOID.triples, Literal(sizes.get(str(name), 0))))
    description.add((default, VOID.triples, Literal(service.triples)))
    return description


@router.api_route("/store", methods=["GET", "HEAD"], summary="Graph Store Protocol (read-only): one graph, the "
                  "union, or the whole dataset",
                  responses={200: {"description": "RDF", "content": {m: {} for m in (
                      "text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
                      "application/trig", "application/n-quads")}}, 404: {"description": "No such graph"}})
async def read_store(
    request: Request,
    service: ServiceDep,
    graph: Annotated[str | None, Query(description="IRI of a named graph")] = None,
    default: Annotated[str | None, Query(description="present: the default graph (the union of all graphs)")] = None,
    format: FormatParam = None,
) -> Response:
    """``?graph=IRI``: that graph; ``?default``: the union default graph; neither: the dataset as TriG/N-Quads."""
    accept = request.headers.get("accept")
    if graph is not None:
        if URIRef(graph) not in set(service.graphs):
            raise UnknownEntityError(f"no graph <{graph}> in this store")
        name, media_type = pick(accept, format, GRAPH_TYPES)
        body = await service.dump(name, graph)
    elif default is not None:
        name, media_type = pick(accept, format, GRAPH_TYPES)
        body = await service.dump(name, union=True)
    else:
        name, media_type = pick(accept, format, {"application/trig": "trig", "application/n-quads": "nquads"})
        body = await service.dump(name)
    return graph_response(body, media_type)
