"""One registry of operations: every canned query and every analysis as the same kind of thing.

An operation has a name, a title, a description, typed parameters (with
defaults, choices, and whether they name an entity, which is then resolved by
label or alias) and a way to run. Canned queries are read from ``queries/``,
analyses come from :mod:`diplograph.analysis.registry`; both are presented
here alike, so the command line (``diplograph run``, ``diplograph
operations``), the JSON API (``/operations``) and the HTML forms are built
from one description and stay thin.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import QueryError, unknown
from .graph import KnowledgeGraph

__all__ = ["Operation", "OperationParameter", "operation", "operations", "run"]


@dataclass(frozen=True)
class OperationParameter:
    """A typed parameter: ``type`` is IRI, string, date, integer, boolean …; ``entity`` when it names an entity."""

    name: str
    type: str
    description: str = ""
    default: object = None
    required: bool = False
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    entity: bool = False
    """It names an entity (a label, an alias or an IRI, resolved in the graph)."""


@dataclass(frozen=True)
class Operation:
    """A canned query (``kind`` "query") or an analysis (``kind`` "analysis"), described alike."""

    name: str
    kind: str
    title: str
    description: str
    parameters: tuple[OperationParameter, ...]
    rules: tuple[tuple[str, str], ...] = ()

    @property
    def path(self) -> str:
        """Its URL on the service."""
        return f"/queries/{self.name}" if self.kind == "query" else f"/analysis/{self.name}"


def operations(graph: KnowledgeGraph) -> dict[str, Operation]:
    """Every operation by name: the canned queries, then the analyses.

    >>> found = operations(KnowledgeGraph.open())
    >>> found["demands"].kind, found["conflicts"].kind
    ('query', 'analysis')
    >>> [p.name for p in found["conflicts"].parameters]
    ['demander', 'holder', 'limit']
    """
    from .analysis.registry import ANALYSES

    found: dict[str, Operation] = {}
    for query in graph.canned.values():
        found[query.name] = Operation(
            query.name, "query", query.title, query.description,
            tuple(OperationParameter(p.name, p.type, p.description, None if p.optional else p.default,
                                     p.required, entity=p.type == "IRI") for p in query.parameters))
    for analysis in ANALYSES.values():
        found.setdefault(analysis.name, Operation(
            analysis.name, "analysis", analysis.title, analysis.description,
            tuple(OperationParameter(o.name, o.type.__name__, o.description, o.default, o.required,
                                     tuple(o.choices), o.minimum, o.maximum, o.entity)
                  for o in analysis.options), tuple(analysis.rules.items())))
    return found


def operation(graph: KnowledgeGraph, name: str) -> Operation:
    try:
        return operations(graph)[name]
    except KeyError:
        raise unknown("operation", name, operations(graph), "operations") from None


def run(graph: KnowledgeGraph, name: str, params: dict[str, str] | None = None) -> object:
    """Run operation ``name`` with parameters given as strings; JSON-ready rows (a query) or result (an analysis).

    >>> rows = run(KnowledgeGraph.open(), "demands", {"by": "Moscow"})
    >>> len(rows)
    3
    """
    from .analysis.registry import Projections, run_analysis
    from .results import Table

    chosen = operation(graph, name)
    params = dict(params or {})
    if chosen.kind == "analysis":
        return run_analysis(graph.cached("projections", lambda: Projections(graph)), name, params)
    query = graph.canned_query(name)
    if query.form not in ("SELECT", "ASK"):
        raise QueryError(f"{name} is a {query.form} query: export it (`diplograph query {name} -f turtle`)")
    return Table.from_result(graph.run_canned(name, **params)).records()
