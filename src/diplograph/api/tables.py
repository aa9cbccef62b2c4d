"""Answers as tables for pages: each value as links and text, each analysis result as a list of blocks.

Datasette's idea: any row a query or an analysis gives becomes a table in
which values that name an entity link to its page (named by a companion
``…Label`` column, or by the result's labels), statements show their words,
and nothing is written as markup — the templates escape every text part.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .render import Link, link

__all__ = ["Block", "Cell", "Quoted", "blocks", "cell", "table"]


@dataclass(frozen=True)
class Quoted:
    """A statement shown with its words: a link to it, what kind of stance and date it has, its quotes."""

    statement: Link
    details: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    """One table cell: links, texts and quoted statements, in order."""

    parts: tuple[Link | Quoted | str, ...] = ()


@dataclass(frozen=True)
class Table:
    columns: list[str]
    rows: list[list[Cell]]
    caption: str = ""


@dataclass(frozen=True)
class Block:
    """A part of an analysis result: a ``table``, numbered ``groups`` of entities, or a ``value``."""

    kind: str
    title: str = ""
    table: Table | None = None
    groups: list[Cell] = field(default_factory=list)
    value: Cell | None = None


def cell(value: object, labels: dict[str, str] | None = None) -> Cell:
    """A value as a cell: entity IRIs and prefixed names link to their pages (named by ``labels`` when it knows
    them), web addresses link out, lists are joined, statements carry their words.

    >>> cell("dgr:russia", {"dgr:russia": "Russia"}).parts
    (Link(text='Russia', to='/id/russia', external=False),)
    >>> cell("javascript:alert(1)").parts  # text, never a link
    ('javascript:alert(1)',)
    """
    labels = labels or {}
    if value is None:
        return Cell()
    if isinstance(value, list | tuple):
        parts: list[Link | Quoted | str] = []
        for number, item in enumerate(value):
            parts += ([", "] if number else []) + list(cell(item, labels).parts)
        return Cell(tuple(parts))
    if isinstance(value, dict) and "statement" in value:
        details = " · ".join(str(value[k]) for k in ("stance", "date") if value.get(k))
        if value.get("dateKind"):
            details += f" ({value['dateKind']})"
        statement = str(value["statement"])
        return Cell((Quoted(link(statement, str(value.get("label", labels.get(statement, statement)))), details,
                            tuple(str(q) for q in value.get("quotes", []))),))
    if isinstance(value, dict):
        parts = []
        for number, (key, item) in enumerate(value.items()):
            parts += (["; "] if number else []) + [f"{key}: "] + list(cell(item, labels).parts)
        return Cell(tuple(parts))
    text = str(value)
    if " " not in text and (text.startswith(("dgr:", "dgs:", "https://", "http://"))):
        return Cell((link(text, labels.get(text)),))
    return Cell((text,))


def table(columns: list[str], rows: list[dict], *, labels: dict[str, str] | None = None, caption: str = "") -> Table:
    """Rows as a table; a column with a companion ``…Label`` (or ``…_label``) column shows the label, linked."""
    companion = {c: name for c in columns for name in (f"{c}Label", f"{c}_label") if name in columns}
    shown = [c for c in columns if c not in companion.values()]

    def content(row: dict, column: str) -> Cell:
        value, label = row.get(column), row.get(companion.get(column, ""))
        if value is None or label is None:
            return cell(value, labels)
        return Cell((link(str(value), str(label)),))

    return Table(shown, [[content(row, c) for c in shown] for row in rows], caption)


def blocks(result: object, labels: dict[str, str] | None = None, title: str = "") -> list[Block]:
    """An analysis result as blocks: a list of records is a table, a list of paths one table per path, a record of
    such lists one block per key (numbered groups for a list of lists of names), anything else a value."""
    if isinstance(result, dict) and isinstance(result.get("labels"), dict):
        labels = {**(labels or {}), **result["labels"]}
    if isinstance(result, list) and result and all(isinstance(r, dict) for r in result):
        columns = list(dict.fromkeys(k for r in result for k in r))
        return [Block("table", title, table=table(columns, result, labels=labels))]
    if isinstance(result, list) and result and all(isinstance(r, list) for r in result):
        if all(isinstance(x, dict) for r in result for x in r):  # paths
            return [b for n, path in enumerate(result, start=1) for b in blocks(path, labels, f"Path {n}")]
        return [Block("groups", title, groups=[cell(group, labels) for group in result])]
    if isinstance(result, dict):
        found = []
        for key, value in result.items():
            if key != "labels" and not isinstance(value, dict):
                found += blocks(value, labels, str(key))
        return found
    if isinstance(result, list) and not result:
        return [Block("value", title, value=Cell(("none",)))]
    return [Block("value", title, value=cell(result, labels))]
