"""Runtime updates, confined to an overlay graph: what they may do, and the rewrite that keeps them there.

The data files are the source of truth, so their graphs never change at run
time. An update (enabled with a token) acts on one graph, the overlay
``GRAPH.updates``, which queries see as part of the union like any other:

* ``INSERT DATA`` / ``DELETE DATA`` write into and delete from the overlay;
* ``INSERT … WHERE``, ``DELETE … WHERE`` and ``DELETE WHERE`` match their WHERE
  against the whole graph — every document, the reference entities, the
  ontology and the overlay, as a query would — and change only the overlay;
* ``CLEAR DEFAULT`` / ``DROP DEFAULT`` empty the overlay.

Anything that names a graph — ``GRAPH`` in a template or pattern, ``WITH``,
``USING``, ``CLEAR``/``DROP`` of other graphs, ``CREATE``, ``ADD``, ``MOVE``,
``COPY`` — and ``LOAD`` are refused, with a reason. The rewrite works on the
tokens of :mod:`diplograph.sparql`: it wraps data blocks in ``GRAPH <overlay>``
and gives each WHERE a ``WITH <overlay>`` and one ``USING`` per graph.
The overlay lives in memory and is dropped at restart.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import URIRef

from .errors import QuerySyntaxError, UnsafeQueryError
from .namespaces import GRAPH
from .sparql import Inspection, Token

__all__ = ["OVERLAY", "overlay_update"]

OVERLAY = GRAPH.updates
"""Where runtime updates go."""

_REFUSED = {
    "GRAPH": "names a graph",
    "WITH": "names a graph",
    "USING": "names the graphs its WHERE reads (it reads them all)",
    "CREATE": "creates a graph",
    "ADD": "copies between graphs",
    "MOVE": "moves between graphs",
    "COPY": "copies between graphs",
    "LOAD": "reads from the network or the file system",
}


def overlay_update(inspection: Inspection, text: str, graphs: Sequence[URIRef]) -> str:
    """``text`` rewritten so that it reads every graph and writes only the overlay.

    >>> from diplograph.sparql import inspect
    >>> text = "INSERT { ?d <urn:flag> true } WHERE { ?d a dg:Demand }"
    >>> print(overlay_update(inspect(text, update=True), text, [URIRef("urn:g")]).replace(str(OVERLAY), "overlay"))
    WITH <overlay> INSERT { ?d <urn:flag> true } USING <overlay> USING <urn:g> WHERE { ?d a dg:Demand }

    Raises
    ------
    UnsafeQueryError
        for an operation that would change or read a graph by name, or load data.
    """
    found = inspection.tokens
    for index, token in enumerate(found):
        if token.word in _REFUSED:
            raise _refused(token, _REFUSED[token.word])
        if token.word in ("CLEAR", "DROP"):
            target = next((t for t in found[index + 1:] if t.word != "SILENT"), None)
            if target is None or target.word != "DEFAULT":
                raise _refused(token, "empties graphs other than the overlay (use CLEAR DEFAULT for the overlay)")
    overlay = f"<{OVERLAY}>"
    using = " ".join(f"USING <{g}>" for g in sorted({*graphs, OVERLAY}))
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text
    for operation in _operations(found):
        words = [t.word for t in operation]
        first = operation[0]
        if words[:2] in (["INSERT", "DATA"], ["DELETE", "DATA"]):
            opening, closing = _group(operation, 2)
            edits.append((opening.start + 1, opening.start + 1, f" GRAPH {overlay} {{"))
            edits.append((closing.start, closing.start, "} "))
        elif words[:2] == ["DELETE", "WHERE"]:
            opening, closing = _group(operation, 2)
            pattern = text[opening.start:closing.start + 1]
            edits.append((first.start, closing.start + 1,
                          f"WITH {overlay} DELETE {pattern} {using} WHERE {pattern}"))
        elif first.word in ("INSERT", "DELETE"):
            where = next((t for t in operation if t.word == "WHERE"), None)
            if where is None:
                raise QuerySyntaxError(f"{first.word} {{ … }} needs a WHERE clause; for data without one, write "
                                       f"{first.word} DATA {{ … }}", first.line, first.column)
            edits.append((first.start, first.start, f"WITH {overlay} "))
            edits.append((where.start, where.start, f"{using} "))
        elif first.word in ("CLEAR", "DROP"):
            default = next((t for t in operation if t.word == "DEFAULT"), None)
            if default is None:
                raise _refused(first, "names no graph this service lets an update clear")
            edits.append((default.start, default.start + len(default.text), f"GRAPH {overlay}"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def _refused(token: Token, why: str) -> UnsafeQueryError:
    return UnsafeQueryError(f"{token.word} (line {token.line}, column {token.column}) {why}: runtime updates change "
                            "only the overlay graph, and the data files' graphs only change when their files do")


def _operations(found: list[Token]) -> list[list[Token]]:
    """The update's operations: tokens between top-level ``;``, after the PREFIX and BASE declarations."""
    operations: list[list[Token]] = [[]]
    depth = 0
    skip = 0
    for token in found:
        if skip:
            skip -= 1
            continue
        if depth == 0 and token.word in ("PREFIX", "BASE"):
            skip = 2 if token.word == "PREFIX" else 1
            continue
        if token.kind == "punct" and token.text in "{([":
            depth += 1
        elif token.kind == "punct" and token.text in "})]":
            depth -= 1
        if depth == 0 and token.text == ";":
            operations.append([])
            continue
        operations[-1].append(token)
    return [operation for operation in operations if operation]


def _group(operation: list[Token], start: int) -> tuple[Token, Token]:
    """The ``{`` at or after index ``start`` and its matching ``}``."""
    depth = 0
    opening = None
    for token in operation[start:]:
        if token.text == "{":
            opening = opening or token
            depth += 1
        elif token.text == "}":
            depth -= 1
            if depth == 0 and opening is not None:
                return opening, token
    raise UnsafeQueryError("an update's data block is not closed")
