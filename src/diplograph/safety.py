"""What a query may not do, checked on its parsed algebra before it runs: reach out, load, or grow without bound."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import URIRef
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query

from .errors import QueryLimitError, UnsafeQueryError

__all__ = ["DatasetSpec", "check_text", "check_query", "check_update"]

_OPENERS = {"(": ")", "{": "}", "[": "]"}


@dataclass(frozen=True)
class DatasetSpec:
    """The RDF dataset a query runs against (SPARQL 1.1 Protocol / FROM clauses).

    Empty lists mean "the whole store": the default graph is the union of all
    graphs and every named graph is visible.
    """

    default_graphs: tuple[URIRef, ...] = field(default=())
    named_graphs: tuple[URIRef, ...] = field(default=())

    @property
    def restricted(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


def check_text(text: str, *, max_length: int, max_depth: int) -> None:
    """Refuse queries too long or nested too deep to parse safely (parsers recurse per bracket).

    >>> check_text("SELECT * WHERE { ?s ?p ?o }", max_length=100, max_depth=8)
    >>> check_text("(" * 50, max_length=100, max_depth=8)
    Traceback (most recent call last):
    ...
    diplograph.errors.QueryLimitError: query nests brackets 50 deep; the limit is 8
    """
    if len(text) > max_length:
        raise QueryLimitError(f"query is {len(text)} characters long; the limit is {max_length}", limit="length")
    depth = deepest = 0
    quote: str | None = None
    escaped = False
    for char in text:
        if quote:  # brackets inside string literals do not nest
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in _OPENERS:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _OPENERS.values():
            depth -= 1
    if deepest > max_depth:
        raise QueryLimitError(f"query nests brackets {deepest} deep; the limit is {max_depth}", limit="nesting")


def check_query(query: Query, local_graphs: Iterable[URIRef]) -> DatasetSpec:
    """Refuse SERVICE anywhere (also SILENT, in subqueries and EXISTS) and FROM / FROM NAMED on graphs not in the store.

    Returns the dataset the FROM clauses ask for, to be served from the store
    instead of being fetched.

    Raises
    ------
    UnsafeQueryError
    """
    _refuse_service(query.algebra)
    local = set(local_graphs)
    defaults, named = [], []
    for clause in query.algebra.get("datasetClause") or []:
        iri = clause.get("default") or clause.get("named")
        if iri not in local:
            keyword = "FROM" if clause.get("default") else "FROM NAMED"
            raise UnsafeQueryError(f"{keyword} <{iri}> is not a graph of this store; queries cannot load "
                                   "data from the network or the file system")
        (defaults if clause.get("default") else named).append(iri)
    return DatasetSpec(tuple(defaults), tuple(named))


def check_update(update: Iterable[CompValue]) -> None:
    """Refuse LOAD (it reads URLs and files) and SERVICE inside an update's WHERE.

    Raises
    ------
    UnsafeQueryError
    """
    for operation in update:
        if operation.name == "Load":
            raise UnsafeQueryError("LOAD is not allowed: updates cannot read from the network or the file system")
        _refuse_service(operation)


def _refuse_service(node: object) -> None:
    for part in _walk(node):
        if part.name == "ServiceGraphPattern":
            raise UnsafeQueryError(f"SERVICE <{part.get('term')}> is not allowed: queries cannot reach "
                                   "other endpoints")


def _walk(node: object) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple | set):
        for value in node:
            yield from _walk(value)
