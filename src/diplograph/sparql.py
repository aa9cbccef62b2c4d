"""Parsing SPARQL into rdflib's algebra, with errors that give the line and column."""

from __future__ import annotations

from functools import lru_cache

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.sparql import Query

from .errors import QuerySyntaxError
from .namespaces import PREFIXES

__all__ = ["parse_query"]


@lru_cache(maxsize=1024)
def parse_query(text: str) -> Query:
    """Parse ``text`` into a SPARQL algebra query, with the project's prefixes predeclared (cached by text).

    Raises
    ------
    QuerySyntaxError
        with the 1-based line and column of the problem.

    >>> parse_query("SELECT * WHERE { ?s dg:x ?o }").algebra.name
    'SelectQuery'
    >>> try:
    ...     parse_query("SELECT * WHERE {\\n  ?s ?p ?o .\\n  FILTER(?o > )\\n}")
    ... except QuerySyntaxError as error:
    ...     print(error.line, error.column)
    3 3
    """
    try:
        return translateQuery(parseQuery(text), initNs=PREFIXES)
    except ParseBaseException as error:
        raise QuerySyntaxError(error.msg, error.lineno, error.col) from None
    except Exception as error:  # rdflib reports e.g. unknown prefixes as plain exceptions
        raise QuerySyntaxError(str(error), *_position_of(text, str(error))) from None


def _position_of(text: str, message: str) -> tuple[int, int]:
    """Best-effort position for errors rdflib reports without one (e.g. an unknown prefix)."""
    token = message.rsplit(":", 1)[-1].strip()
    if token:
        for number, line in enumerate(text.splitlines(), start=1):
            column = line.find(token + ":")
            if column >= 0:
                return number, column + 1
    return 1, 1
