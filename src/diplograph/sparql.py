"""SPARQL text, read token by token: what a query or update is, and what it may not do, in microseconds.

The engine (Oxigraph, or a remote one) parses and evaluates; before a text
reaches it, :func:`inspect` tokenizes it with the grammar's own terminals
(IRIs, prefixed names, variables, the four string forms, comments, numbers,
keywords, punctuation — SPARQL 1.1 §19.8). The checks then look at tokens, so a
keyword inside a comment, a string literal, an IRI or a prefixed name
(``ex:service``) is never mistaken for one, and brackets in strings do not nest.
What is checked: the length, the bracket depth (engines' parsers recurse per
bracket), SERVICE and LOAD anywhere (also SILENT, in subqueries and EXISTS),
prefixes that no PREFIX declares, and for updates the operations that would
touch a data graph. The worker's operating-system sandbox stays behind this
as the backstop (a parser differential must not reach the network).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .errors import QueryLimitError, QuerySyntaxError, UnsafeQueryError
from .namespaces import PREFIXES

__all__ = ["Token", "Inspection", "inspect", "tokens", "with_values"]

_PN_CHARS_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
                  "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = (f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?")

_TOKEN = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("space", r"\s+"),
    ("comment", r"#[^\n\r]*"),
    ("iri", r"<(?:[^<>\"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>"),
    ("long1", r"'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''"),
    ("long2", r'"""(?:(?:"|"")?(?:[^"\\]|\\.))*"""'),
    ("string1", r"'(?:[^'\\\n\r]|\\.)*'"),
    ("string2", r'"(?:[^"\\\n\r]|\\.)*"'),
    ("bnode", f"_:[{_PN_CHARS_U}0-9](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"),
    ("pname", f"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
    ("var", f"[?$][{_PN_CHARS_U}0-9][{_PN_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"),
    ("langtag", r"@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*"),
    ("number", r"[0-9]+\.[0-9]*[eE][+-]?[0-9]+|[0-9]*\.[0-9]+(?:[eE][+-]?[0-9]+)?|[0-9]+(?:[eE][+-]?[0-9]+)?"),
    ("keyword", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("punct", r"\^\^|&&|\|\||!=|<=|>=|[{}()\[\];,.*/|^?+!=<>\-]"),
)), re.DOTALL)

_OPEN = {"{": "}", "(": ")", "[": "]"}
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}
_UPDATE_OPERATIONS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


@dataclass(frozen=True)
class Token:
    """One terminal: its kind (the group names above), its text, and where it starts (1-based line and column)."""

    kind: str
    text: str
    start: int
    line: int
    column: int

    @property
    def word(self) -> str:
        """The keyword in upper case ('' for anything else)."""
        return self.text.upper() if self.kind == "keyword" else ""


def tokens(text: str) -> list[Token]:
    """The tokens of ``text`` without spaces and comments.

    >>> [t.text for t in tokens('SELECT * # SERVICE\\nWHERE { ?s ex:service "SERVICE" }')]
    ['SELECT', '*', 'WHERE', '{', '?s', 'ex:service', '"SERVICE"', '}']

    Raises
    ------
    QuerySyntaxError
        where a character starts no token (an unterminated string, say).
    """
    found = []
    position, line, line_start = 0, 1, 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            raise QuerySyntaxError(f"unexpected {text[position]!r}", line, position - line_start + 1)
        kind = match.lastgroup or ""
        if kind not in ("space", "comment"):
            found.append(Token(kind, match.group(), position, line, position - line_start + 1))
        newlines = match.group().count("\n")
        if newlines:
            line += newlines
            line_start = match.start() + match.group().rindex("\n") + 1
        position = match.end()
    return found


@dataclass(frozen=True)
class Inspection:
    """What the tokens say about a text: its form, its PREFIX declarations, its dataset clauses, its depth."""

    tokens: list[Token]
    form: str
    """SELECT, CONSTRUCT, DESCRIBE, ASK, or UPDATE."""
    prefixes: dict[str, str]
    """Declared in the text (after the predeclared ones)."""
    dataset: list[tuple[str, str]] = field(default_factory=list)
    """(FROM or FROM NAMED, IRI) clauses, IRIs expanded."""
    depth: int = 0


def inspect(text: str, *, max_length: int = 100_000, max_depth: int = 64, update: bool = False) -> Inspection:
    """Tokenize and check a query (or, with ``update``, an update); raise at the first thing refused.

    >>> inspect("SELECT ?x FROM <urn:g> WHERE { ?x ?p ?o }").dataset
    [('FROM', 'urn:g')]
    >>> inspect("ASK { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    diplograph.errors.UnsafeQueryError: SERVICE (line 1, column 7) is not allowed: queries cannot reach other endpoints

    Raises
    ------
    QueryLimitError
        for a text too long or nested too deep.
    QuerySyntaxError
        for a character that starts no token, an unknown prefix, an unbalanced bracket, or no query form.
    UnsafeQueryError
        for SERVICE or LOAD anywhere.
    """
    if len(text) > max_length:
        raise QueryLimitError(f"query is {len(text)} characters long; the limit is {max_length}", limit="length")
    found = tokens(text)
    depth = _depth(found, max_depth)
    prefixes = dict(PREFIXES)
    declared: dict[str, str] = {}
    dataset = []
    form = "UPDATE" if update else ""
    for index, token in enumerate(found):
        word = token.word
        if word in ("SERVICE", "LOAD"):
            what = "queries cannot reach other endpoints" if word == "SERVICE" else \
                "updates cannot read from the network or the file system"
            raise UnsafeQueryError(f"{word} (line {token.line}, column {token.column}) is not allowed: {what}")
        if word == "PREFIX" and index + 2 < len(found) and found[index + 1].kind == "pname":
            name = found[index + 1].text[:-1]
            iri = found[index + 2].text[1:-1]
            prefixes[name] = declared[name] = iri
        elif token.kind == "pname":
            prefix = token.text.split(":", 1)[0]
            if prefix not in prefixes:
                raise QuerySyntaxError(f"unknown prefix {prefix + ':'!r} (declare it with PREFIX; predeclared: "
                                       f"{', '.join(sorted(PREFIXES))})", token.line, token.column)
        elif word in _FORMS and not form:
            form = word
        elif word in _UPDATE_OPERATIONS and not form and not update:
            raise QuerySyntaxError(f"{word} is an update: send it as an update (application/sparql-update or the "
                                   "update form field), not as a query", token.line, token.column)
        elif word == "FROM" and form not in ("", "UPDATE"):
            named = index + 1 < len(found) and found[index + 1].word == "NAMED"
            target = found[index + 2] if named and index + 2 < len(found) else \
                (found[index + 1] if index + 1 < len(found) else None)
            if target is not None:
                dataset.append(("FROM NAMED" if named else "FROM", _expand(target, prefixes)))
    if not form:
        position = found[0] if found else Token("", "", 0, 1, 1)
        raise QuerySyntaxError("expected SELECT, CONSTRUCT, DESCRIBE or ASK", position.line, position.column)
    return Inspection(found, form, declared, dataset, depth)


def _depth(found: Iterable[Token], limit: int) -> int:
    stack: list[Token] = []
    deepest = 0
    for token in found:
        if token.kind != "punct":
            continue
        if token.text in _OPEN:
            stack.append(token)
            deepest = max(deepest, len(stack))
            if deepest > limit:
                raise QueryLimitError(f"query nests brackets more than {limit} deep (line {token.line}, column "
                                      f"{token.column}); the limit is {limit}", limit="nesting")
        elif token.text in _OPEN.values():
            if not stack or _OPEN[stack[-1].text] != token.text:
                raise QuerySyntaxError(f"unbalanced {token.text!r}", token.line, token.column)
            stack.pop()
    if stack:
        raise QuerySyntaxError(f"{stack[-1].text!r} is never closed", stack[-1].line, stack[-1].column)
    return deepest


def _expand(token: Token, prefixes: dict[str, str]) -> str:
    if token.kind == "iri":
        return token.text[1:-1]
    if token.kind == "pname":
        prefix, local = token.text.split(":", 1)
        return prefixes.get(prefix, "") + re.sub(r"\\(.)", r"\1", local)
    return token.text


def with_values(text: str, values: dict[str, str]) -> str:
    """``text`` with a VALUES block binding ``values`` (variable → term in SPARQL syntax) in its main group.

    For engines without a substitution API (a remote one): the block goes
    right after the ``{`` that opens the query's WHERE group, found among the
    tokens, so a comment or a string that mentions WHERE cannot move it.

    >>> with_values("# rows where {x}\\nSELECT ?x WHERE { ?x ?p ?o }", {"p": "<urn:p>"})
    '# rows where {x}\\nSELECT ?x WHERE { VALUES (?p) { (<urn:p>) }  ?x ?p ?o }'
    """
    if not values:
        return text
    found = tokens(text)
    start = next((i for i, t in enumerate(found) if t.word in _FORMS), None)
    if start is None:
        raise QuerySyntaxError("expected SELECT, CONSTRUCT, DESCRIBE or ASK", 1, 1)
    opening = first = None
    parentheses = 0
    for index in range(start + 1, len(found)):
        token = found[index]
        parentheses += {"(": 1, ")": -1}.get(token.text, 0) if token.kind == "punct" else 0
        if token.text == "{" and parentheses == 0:
            if found[index - 1].word == "WHERE":
                opening = token  # the WHERE group, wherever it is
                break
            first = first or token
    if opening is None and found[start].word != "CONSTRUCT":
        opening = first  # ASK { … } or SELECT … { … }: WHERE is optional there
    if opening is None:
        raise QuerySyntaxError("the query has no WHERE group to bind values in", 1, 1)
    names = " ".join(f"?{name}" for name in values)
    row = " ".join(values.values())
    cut = opening.start + 1
    return f"{text[:cut]} VALUES ({names}) {{ ({row}) }} {text[cut:]}"
