"""What the commands print: one choice of formats per kind of answer, tables for people, CSV/JSON for programs.

A table when the output is a terminal; when it is piped, CSV for rows and
JSON for nested answers, so that ``diplograph run … | csvlook`` works without
a flag. Data is printed as text, never read as rich markup or emoji codes
(``dgr:russia:`` stays as written). A table too wide for the terminal turns
into a record view (one block of ``column: value`` lines per row) instead of
cutting its cells.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Sequence
from typing import Annotated, Literal

import orjson
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["ROW_FORMATS", "TEXT_FORMATS", "err", "formats", "out", "print_json", "print_rows", "print_value",
           "record_view", "rows_of", "table_format"]

out = Console(highlight=False, markup=False, emoji=False)
err = Console(stderr=True, highlight=False, markup=False, emoji=False)

TEXT_FORMATS = ("table", "json")
"""For answers that are not rows: a table or text for people, JSON for programs."""
ROW_FORMATS = ("table", "json", "csv")
"""For rows of values (an operation's answer)."""

_WIDEST_CELL = 12
"""A column narrower than this in a terminal table is cut: past it, the record view is clearer."""


def formats(*names: str, help: str = "") -> object:
    """An ``--format/-f`` option taking exactly ``names`` (anything else: exit code 2 listing them)."""
    choice = Literal.__getitem__(tuple(names))  # type: ignore[attr-defined]
    default = "a table in a terminal, else " + ("csv" if "csv" in names else "json") + " when piped"
    return Annotated[choice | None, typer.Option("--format", "-f", help=help or f"{', '.join(names)} "
                                                 f"(default: {default}).")]


def table_format(chosen: str | None, *, rows: bool = True) -> str:
    """The format to print in: the one chosen, else a table in a terminal, CSV (rows) or JSON when piped."""
    if chosen:
        return chosen
    if sys.stdout.isatty():
        return "table"
    return "csv" if rows else "json"


def print_json(value: object) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2, default=str).decode() + "\n")


def print_rows(columns: Sequence[str], rows: Sequence[dict[str, object]], format: str, *,
               keep_whole: Iterable[str] = (), title: str | None = None) -> None:
    """Rows as a table (or record view), JSON or CSV. Columns in ``keep_whole`` are never folded (ids)."""
    if format == "json":
        print_json([{c: row.get(c) for c in columns if c in row} for row in rows])
    elif format in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if format == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_text(row.get(c)) for c in columns] for row in rows])
        sys.stdout.write(buffer.getvalue())
    elif len(columns) * _WIDEST_CELL > out.width:
        record_view(columns, rows, title=title)
    else:
        table = Table(*[], title=title, show_lines=True)
        whole = set(keep_whole)
        for column in columns:
            table.add_column(column, no_wrap=column in whole, overflow="fold",
                             min_width=max(len(column), 10) if column in whole else None)
        for row in rows:
            table.add_row(*(Text(_text(row.get(c))) for c in columns))
        out.print(table)
        out.print(f"{len(rows)} row{'' if len(rows) == 1 else 's'}")


def record_view(columns: Sequence[str], rows: Sequence[dict[str, object]], *, title: str | None = None) -> None:
    """One block per row, a ``column: value`` line per value: what a table too wide for the terminal becomes."""
    if title:
        out.print(Text(title, style="bold"))
    width = max((len(c) for c in columns), default=0)
    for number, row in enumerate(rows, start=1):
        out.print(Text(f"— {number} —", style="dim"))
        for column in columns:
            value = _text(row.get(column))
            if value:
                out.print(Text(f"{column.rjust(width)}: {value}"))
    out.print(f"{len(rows)} row{'' if len(rows) == 1 else 's'}")


def print_value(value: object, format: str) -> None:
    """Any JSON-ready answer (an analysis's or an operation's): JSON, CSV of its rows, or tables in a terminal.

    Rows are a list of records; a record of such lists is shown as one table
    per key; a list of lists of records (paths) as one table per list.
    """
    if format == "json":
        print_json(value)
        return
    columns, rows = rows_of(value)
    if format in ("csv", "tsv"):
        print_rows(columns, rows, format)
        return
    for title, part in _parts(value):
        if isinstance(part, list) and part and all(isinstance(r, dict) for r in part):
            names = list(dict.fromkeys(k for r in part for k in r))
            print_rows(names, part, "table", title=title)
        elif isinstance(part, list) and not part:
            out.print(Text(f"{title + ': ' if title else ''}nothing found"))
        else:
            out.print(Text(f"{title + ': ' if title else ''}{_text(part)}"))


def rows_of(value: object) -> tuple[list[str], list[dict[str, object]]]:
    """``value`` as one table: a list of records as it is; nested parts with a ``part`` column saying which.

    >>> rows_of([{"a": 1}, {"a": 2, "b": 3}])
    (['a', 'b'], [{'a': 1}, {'a': 2, 'b': 3}])
    >>> rows_of({"groups": [["x", "y"]], "balance": 0.5})[1]
    [{'part': 'groups', 'item': 1, 'value': 'x | y'}, {'part': 'balance', 'value': 0.5}]
    """
    if isinstance(value, list) and all(isinstance(r, dict) for r in value):
        return list(dict.fromkeys(k for r in value for k in r)), list(value)
    rows: list[dict[str, object]] = []
    for title, part in _parts(value):
        if isinstance(part, list) and all(isinstance(r, dict) for r in part):
            rows += [{"part": title, **r} for r in part]
        elif isinstance(part, list):
            rows += [{"part": title, "item": n, "value": _text(v)} for n, v in enumerate(part, start=1)]
        else:
            rows.append({"part": title, "value": part})
    return list(dict.fromkeys(k for r in rows for k in r)), rows


def _parts(value: object) -> list[tuple[str, object]]:
    """The parts of an answer, each with its title: its keys, or "path N" for a list of paths."""
    if isinstance(value, dict):
        return [(str(k), v) for k, v in value.items() if k != "labels"]
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return [(f"path {n}", v) for n, v in enumerate(value, start=1)]
    return [("", value)]


def _text(value: object) -> str:
    """A value as one cell's text: lists joined with " | ", numbers as they are, nothing as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, list | tuple):
        return " | ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return orjson.dumps(value, default=str).decode()
    return str(value)
