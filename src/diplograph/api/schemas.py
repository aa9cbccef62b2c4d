"""Response models of the JSON API (they document the OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "AnalysesPublic", "AnalysisPublic", "AnalysisResultPublic", "CollectionPublic", "EntityPublic", "EvidencePublic",
    "HealthPublic", "ItemPublic", "NeighborhoodPublic", "OptionPublic", "PathsPublic", "Problem", "QueriesPublic",
    "QueryPublic", "QueryResultPublic", "RelationPublic", "StatsPublic",
]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(examples=["https://w3id.org/diplograph/problems/query-syntax"])
    title: str = Field(examples=["Malformed SPARQL"])
    status: int = Field(examples=[400])
    detail: str = Field(examples=["SPARQL syntax error at line 1, column 10: Expected SelectQuery"])


class HealthPublic(BaseModel):
    status: str = Field(examples=["ok"])
    triples: int = Field(examples=[1765])
    graphs: int = Field(examples=[3])
    workers: int = Field(examples=[2])
    sandbox: dict[str, str] = Field(default_factory=dict, examples=[{"network": "isolated", "files": "isolated"}],
                                    description="what the kernel granted the query workers")
    derived: str = Field("not started", examples=["ready"],
                         description="projections, centralities and statistics of this graph version: \"building\" "
                                     "(requests compute what they need meanwhile), \"ready\", or why not")
    data: str = Field("current", examples=["current"],
                      description="the data files as served: \"current\", \"reloading\" (they changed and are being "
                                  "validated), or why the changed files are not served")


class StatsPublic(BaseModel):
    triples: int = Field(examples=[1765])
    graphs: dict[str, int]
    classes: dict[str, int] = Field(examples=[{"dg:Demand": 3, "dg:Actor": 20}])


class ParameterPublic(BaseModel):
    name: str = Field(examples=["demander"])
    type: str = Field(examples=["IRI"])
    default: str | None = Field(examples=["dgr:russia"])
    required: bool
    description: str = Field(examples=["who demands"])


class QueryPublic(BaseModel):
    name: str = Field(examples=["cq02-preconditions"])
    title: str = Field(examples=["CQ2 — What one actor demands of another before a process can begin"])
    description: str
    form: str = Field(examples=["SELECT"])
    parameters: list[ParameterPublic]
    sparql: str


class QueriesPublic(BaseModel):
    data: list[QueryPublic]
    count: int


class QueryResultPublic(BaseModel):
    query: str = Field(examples=["cq04-military-limits"])
    parameters: dict[str, str] = Field(examples=[{"demander": "https://w3id.org/diplograph/id/russia"}])
    columns: list[str]
    rows: list[dict[str, str | int | float | bool]] = Field(
        examples=[[{"capabilityLabel": "Ukraine's army size", "quote": "Russia insists on restricting …"}]])
    count: int = Field(description="rows on this page")
    offset: int
    limit: int
    has_more: bool = Field(description="a next page exists")
    truncated: bool = Field(description="the service's row cap cut the result")
    next: str | None = None


class EvidencePublic(BaseModel):
    source: str = Field(examples=["https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions"])
    quote: str = Field(examples=["Ukraine refuses."])


class StatementRefPublic(BaseModel):
    iri: str
    label: str
    types: list[str]
    via: str = Field(description="the property that links the statement to the entity")
    asserted_by: list[str]
    mode: str | None
    evidence: list[EvidencePublic]


class RelationPublic(BaseModel):
    predicate: str
    predicate_label: str
    node: str
    node_label: str
    is_literal: bool
    graph: str | None


class EntityPublic(BaseModel):
    id: str = Field(examples=["russia"])
    iri: str = Field(examples=["https://w3id.org/diplograph/id/russia"])
    label: str = Field(examples=["Russia"])
    types: list[str]
    aliases: list[str] = Field(examples=[["Moscow"]])
    outgoing: list[RelationPublic]
    incoming: list[RelationPublic]
    evidence: list[EvidencePublic]
    statements: list[StatementRefPublic]


class ItemPublic(BaseModel):
    id: str
    iri: str
    label: str
    types: list[str]
    aliases: list[str]
    sources: list[str]


class CollectionPublic(BaseModel):
    data: list[ItemPublic]
    count: int = Field(description="items matching the filters, on all pages")
    offset: int
    limit: int
    facets: dict[str, dict[str, int]] = Field(examples=[{"class": {"dg:State": 5}, "source": {}, "kind": {}}])


class NodePublic(BaseModel):
    id: str
    label: str
    cls: str


class EdgePublic(BaseModel):
    source: str
    target: str
    predicate: str
    label: str
    quotes: list[str]


class NeighborhoodPublic(BaseModel):
    center: str
    depth: int
    nodes: list[NodePublic]
    edges: list[EdgePublic]


class StepPublic(BaseModel):
    source: str
    target: str
    predicate: str
    label: str
    statement: str | None
    quotes: list[str]


class PathsPublic(BaseModel):
    source: str
    target: str
    paths: list[list[StepPublic]]


class OptionPublic(BaseModel):
    name: str
    type: str
    default: str | int | bool | None
    description: str
    choices: list[str]


class AnalysisPublic(BaseModel):
    name: str
    title: str
    description: str
    options: list[OptionPublic]
    rules: dict[str, str]


class AnalysesPublic(BaseModel):
    data: list[AnalysisPublic]
    count: int


class AnalysisResultPublic(BaseModel):
    analysis: str
    options: dict[str, str]
    rules: dict[str, str]
    result: Any
