"""Canned queries: SPARQL files with a metadata header, and safe binding of their typed parameters.

A canned query is a ``.rq`` file in ``queries/`` whose leading comment lines
declare its metadata::

    # title: CQ2 — What one actor demands of another before a process can begin
    # description: Demands made by one actor of another that are preconditions ...
    # param demander: IRI = dgr:russia  -- who demands
    # param addressee: IRI = *  -- of whom (optional: any addressee when left out)

A parameter named ``demander`` is the query variable ``?demander``. Values are
parsed into RDF terms of the declared type and go into the query as a
``VALUES`` block at the start of its main ``WHERE`` group, written from the
terms' own serialisation, so no value can change the query's structure.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import QueryParameterError
from .namespaces import DGR, PREFIXES

__all__ = ["CannedQuery", "PARAMETER_TYPES", "Parameter", "load_queries", "parse_term"]

PARAMETER_TYPES = ("IRI", "string", "integer", "decimal", "date", "boolean")
ANY = "*"
"""The default of an optional parameter: left out, its variable matches anything."""

_HEADER = re.compile(r"^#\s*(title|description|param)\s*:?\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>\w+)\s*(?:=\s*(?P<default>\S+))?\s*(?:--\s*(?P<doc>.*))?$")
_FORM = re.compile(r"^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)
_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def parse_term(value: str | Node, type_: str, *, what: str = "value") -> Node:
    """Turn a user-supplied ``value`` into an RDF term of ``type_``, or raise QueryParameterError.

    IRIs may be written in full (``https://…`` or ``<https://…>``), as prefixed
    names (``dgr:russia``) or as a bare entity name (``russia`` → ``dgr:russia``).

    >>> parse_term("dgr:russia", "IRI").n3()
    '<https://w3id.org/diplograph/id/russia>'
    >>> parse_term("3", "integer").n3()
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    >>> parse_term('x" } ; DROP ALL #', "string").n3()
    '"x\\\\" } ; DROP ALL #"'
    """
    if isinstance(value, Node):
        return value
    try:
        if type_ == "IRI":
            return _parse_iri(value)
        if type_ == "string":
            return Literal(value)
        if type_ == "integer":
            return Literal(int(value), datatype=XSD.integer)
        if type_ == "decimal":
            return Literal(_decimal(value), datatype=XSD.decimal)
        if type_ == "date":
            return Literal(dt.date.fromisoformat(value), datatype=XSD.date)
        if type_ == "boolean":
            if value.lower() not in ("true", "false", "1", "0"):
                raise ValueError("expected true or false")
            return Literal(value.lower() in ("true", "1"), datatype=XSD.boolean)
    except ValueError as error:
        raise QueryParameterError(f"{what}: {value!r} is not a valid {type_} ({error})") from None
    raise QueryParameterError(f"{what}: unknown parameter type {type_!r}; use one of {', '.join(PARAMETER_TYPES)}")


def _decimal(value: str) -> Decimal:
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValueError("expected a decimal number") from None


def _parse_iri(value: str) -> URIRef:
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    elif ":" in text and not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.IGNORECASE):
        prefix, local = text.split(":", 1)
        if prefix not in PREFIXES:
            raise ValueError(f"unknown prefix {prefix!r}; known: {', '.join(PREFIXES)}")
        text = PREFIXES[prefix] + local
    elif ":" not in text:
        text = str(DGR) + text
    if not text or _IRI_FORBIDDEN.search(text):
        raise ValueError("an IRI cannot contain spaces or any of <>\"{}|^`\\")
    return URIRef(text)


@dataclass(frozen=True)
class Parameter:
    """A declared parameter of a canned query."""

    name: str
    type: str
    default: str | None = None
    description: str = ""

    @property
    def required(self) -> bool:
        """A parameter declared without a default must be given."""
        return self.default is None

    @property
    def optional(self) -> bool:
        """A parameter declared ``= *`` may be left out: its variable then matches anything."""
        return self.default == ANY

    def term(self, value: str | Node | None) -> Node | None:
        """The RDF term for ``value`` (or for the default when ``value`` is None; None when optional)."""
        if value is None or value == "":
            if self.default is None:
                raise QueryParameterError(f"missing required parameter {self.name!r} ({self.type})")
            if self.optional:
                return None
            value = self.default
        return parse_term(value, self.type, what=f"parameter {self.name!r}")


@dataclass(frozen=True)
class CannedQuery:
    """A stored query with its metadata; ``bind`` yields runnable SPARQL."""

    name: str
    title: str
    description: str
    parameters: tuple[Parameter, ...]
    text: str
    path: Path | None = None

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        match = _FORM.search(self.text)
        return match.group(1).upper() if match else "SELECT"

    def terms(self, values: dict[str, str | Node | None] | None = None) -> dict[str, Node]:
        """Every parameter's RDF term: the given value parsed by its declared type, or the default.

        Raises
        ------
        QueryParameterError
            for an unknown parameter, a missing required one, or an ill-typed value.
        """
        values = dict(values or {})
        known = {p.name for p in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryParameterError(f"query {self.name!r} has no parameter {unknown[0]!r}; "
                                      f"its parameters: {', '.join(sorted(known)) or 'none'}")
        terms = {p.name: p.term(values.get(p.name)) for p in self.parameters}
        return {name: term for name, term in terms.items() if term is not None}

    @classmethod
    def from_text(cls, name: str, text: str, path: Path | None = None) -> CannedQuery:
        """Read the metadata header of a query file."""
        meta: dict[str, str] = {}
        parameters = []
        for line in text.splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            header = _HEADER.match(line)
            if not header:
                continue
            key, rest = header.groups()
            if key == "param":
                parameters.append(_parse_parameter(rest.strip(), name))
            else:
                meta[key] = rest.strip()
        return cls(name=name, title=meta.get("title", name), description=meta.get("description", ""),
                   parameters=tuple(parameters), text=text, path=path)


def _parse_parameter(spec: str, query: str) -> Parameter:
    match = _PARAM.match(spec)
    if not match or match["type"] not in PARAMETER_TYPES:
        raise QueryParameterError(f"query {query!r}: bad parameter declaration {spec!r}; "
                                  f"expected 'name: TYPE = default  -- description' with TYPE one of "
                                  f"{', '.join(PARAMETER_TYPES)}")
    return Parameter(match["name"], match["type"], match["default"], (match["doc"] or "").strip())


def load_queries(folder: Path) -> dict[str, CannedQuery]:
    """Every ``*.rq`` file of ``folder``, by name (the file name without extension)."""
    return {path.stem: CannedQuery.from_text(path.stem, path.read_text(encoding="utf-8"), path)
            for path in sorted(folder.glob("*.rq"))}
