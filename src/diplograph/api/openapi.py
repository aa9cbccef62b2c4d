"""The OpenAPI description, true to what is served: every status, every content type, every parameter's domain.

FastAPI describes the routes; this adds what it cannot know: one documented
path per operation of the registry (``diplograph.operations``) with its typed,
bounded parameters and the formats its answer comes in (the generic
``/queries/{name}`` and ``/analysis/{name}`` routes serve them all), and on
every operation the problems it answers with — RFC 9457
problem details, or a page for a browser — instead of FastAPI's validation
error model. Property-based tests (schemathesis, ``--checks all``) hold the
service to it.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from ..formats import GRAPH_FORMATS
from ..operations import Operation
from .schemas import AnalysisResultPublic, Problem, QueryResultPublic

__all__ = ["describe"]

_TYPES = {"IRI": {"type": "string", "minLength": 1, "description": "an entity: IRI, prefixed name, label or alias"},
          "date": {"type": "string", "format": "date"}, "Day": {"type": "string", "format": "date"},
          "int": {"type": "integer"}, "integer": {"type": "integer"},
          "bool": {"type": "boolean"}, "boolean": {"type": "boolean"}, "float": {"type": "number"},
          "decimal": {"type": "number"}, "string": {"type": "string", "minLength": 1},
          "str": {"type": "string", "minLength": 1}}
_PROBLEM = {"$ref": "#/components/schemas/Problem"}
_ROWS = {"application/json": {"schema": {"$ref": "#/components/schemas/QueryResultPublic"}},
         "text/csv": {"schema": {"type": "string"}}, "text/tab-separated-values": {"schema": {"type": "string"}},
         "text/html": {"schema": {"type": "string"}}}
_RDF = {f.media_type: {"schema": {}} for f in GRAPH_FORMATS.values()}  # text, or JSON for JSON-LD
_ANALYSIS = {"application/json": {"schema": {"$ref": "#/components/schemas/AnalysisResultPublic"}},
             "text/html": {"schema": {"type": "string"}}}
_PAGING = [
    {"name": "limit", "in": "query", "required": False, "description": "rows per page",
     "schema": {"type": "integer", "minimum": 1, "maximum": 10_000, "default": 100}},
    {"name": "offset", "in": "query", "required": False, "description": "rows to skip",
     "schema": {"type": "integer", "minimum": 0, "maximum": 1_000_000, "default": 0}},
    {"name": "timeout", "in": "query", "required": False, "description": "seconds (at least 1); lowers the limit",
     "schema": {"type": "number", "minimum": 1, "maximum": 3600}},
]
_PROBLEMS = {
    "400": "a parameter or a query the service cannot take (problem details say which, and where)",
    "404": "no such entity, source, query, analysis or graph (with the nearest name, if one is near)",
    "406": "none of the accepted formats can be produced",
    "422": "a parameter outside its documented domain",
    "503": "a query stopped at its time or memory limit, or every worker busy (Retry-After)",
}
_WRITE_PROBLEMS = {"401": "the update token is missing or wrong", "403": "the service is read-only",
                   "413": "the request body is larger than the limit",
                   "415": "a request body of a media type the route does not read"}


def describe(app: FastAPI, operations: list[Operation], query_forms: dict[str, str]) -> dict:
    """The service's OpenAPI document (``query_forms``: each canned query's form, SELECT or CONSTRUCT …)."""
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    models = schema.setdefault("components", {}).setdefault("schemas", {})
    for model in (AnalysisResultPublic, QueryResultPublic, Problem):
        models[model.__name__] = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for item in operations:
        schema["paths"][item.path] = {"get": _operation(item, query_forms.get(item.name))}
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            _problems(operation, method, path)
            if method == "head":  # a route for GET and HEAD: one function, two operations
                operation["operationId"] = operation.get("operationId", path) + "_head"
    for parameter in schema["paths"]["/paths"]["get"]["parameters"]:  # a page's form asks for them; data needs them
        parameter["required"] = parameter["required"] or parameter["name"] in ("from", "to")
    models.pop("HTTPValidationError", None)
    models.pop("ValidationError", None)
    return schema


def _operation(item: Operation, form: str | None) -> dict:
    """A canned query's or an analysis's own path: its parameters with their domains, its answer's formats."""
    parameters = [{"name": p.name, "in": "query", "required": p.required, "description": p.description,
                   "schema": {**_TYPES.get(p.type, {"type": "string"}),
                              **({"enum": list(p.choices)} if p.choices else {}),
                              **({"minimum": p.minimum} if p.minimum is not None else {}),
                              **({"maximum": p.maximum} if p.maximum is not None else {})}}
                  for p in item.parameters]
    for parameter in parameters:  # an optional parameter left empty (a form's blank field) is left out
        if not parameter["required"]:
            parameter["schema"] = {"anyOf": [parameter["schema"], {"type": "string", "maxLength": 0}]}
    if item.kind == "query":
        graph = form in ("CONSTRUCT", "DESCRIBE")
        formats = list(GRAPH_FORMATS) if graph else ["json", "csv", "tsv", "html"]
        parameters += [{"name": "format", "in": "query", "required": False, "schema": {"type": "string",
                        "enum": formats}, "description": "the answer's format (overrides Accept)"}, *_PAGING]
        content = _RDF if graph else _ROWS
    else:
        parameters.append({"name": "format", "in": "query", "required": False, "description": "json or html",
                           "schema": {"type": "string", "enum": ["json", "html"]}})
        content = _ANALYSIS
    return {"tags": ["operations"], "summary": item.title, "description": item.description,
            "operationId": f"run_{item.kind}_{item.name}".replace("-", "_"), "parameters": parameters,
            "responses": {"200": {"description": "the answer", "content": content}}}


def _problems(operation: dict, method: str, path: str) -> None:
    """Every problem the route answers with, as problem details (and, to a browser's GET, a page)."""
    responses = operation.setdefault("responses", {})
    codes = dict(_PROBLEMS)
    if method == "post":
        codes |= _WRITE_PROBLEMS
    content = {"application/problem+json": {"schema": _PROBLEM}}
    if method == "get":
        content["text/html"] = {"schema": {"type": "string"}}
    for code, why in codes.items():
        described = responses.get(code, {}).get("description")
        responses[code] = {"description": described if described and code != "422" else why, "content": content}
    if path in ("/id/{name}", "/source/{name}"):
        responses["307"] = {"description": "a name, title or prefixed name: to the entity's or source's own page",
                            "headers": {"Location": {"schema": {"type": "string"}}}}
