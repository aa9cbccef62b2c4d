"""Commands that ask the graph: canned queries, any SPARQL, the analyses, and every operation by name."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from ..analysis.registry import ANALYSES, Projections, run_analysis
from ..errors import QueryError, QueryParameterError
from ..formats import GRAPH_FORMATS, TABLE_FORMATS
from ..graph import KnowledgeGraph
from ..operations import operations, run
from ..results import Table as ResultTable
from ..results import serialize_graph, serialize_table
from ..terms import short
from .common import DataOption, OntologyOption, ParamOption, StoreOption, layout_of, open_graph, parse_params
from .output import ROW_FORMATS, TEXT_FORMATS, formats, print_json, print_rows, print_value, table_format

__all__ = ["register"]

QUERY_FORMATS = ("table", *TABLE_FORMATS, *GRAPH_FORMATS)
RowFormat = formats(*ROW_FORMATS)
TextFormat = formats(*TEXT_FORMATS)
QueryFormat = formats(*QUERY_FORMATS, help=(
    "table, json, csv, tsv, sparql-json or sparql-xml for SELECT/ASK; turtle, ntriples, nquads, trig, jsonld or "
    "rdfxml for CONSTRUCT/DESCRIBE. Default: a table in a terminal, csv (or turtle) when piped."))


def list_queries(data: DataOption = None, ontology: OntologyOption = None, format: RowFormat = None) -> None:
    """List the canned queries with their descriptions and parameters."""
    canned = KnowledgeGraph(layout_of(data, ontology)).canned
    chosen = table_format(format)
    if chosen == "json":
        print_json([{"name": q.name, "title": q.title, "description": q.description, "form": q.form,
                     "parameters": [{"name": p.name, "type": p.type, "default": p.default,
                                     "required": p.required, "description": p.description}
                                    for p in q.parameters]} for q in canned.values()])
        return
    rows = [{"name": q.name, "title": q.title, "parameters": ", ".join(
        f"{p.name}: {p.type}" + (f" = {p.default}" if p.default else " (required)") for p in q.parameters)}
        for q in canned.values()]
    print_rows(["name", "title", "parameters"], rows, chosen, keep_whole=("name",))


def query(
    name: Annotated[str | None, typer.Argument(help="Canned query name, or - to read SPARQL from stdin.")] = None,
    param: ParamOption = None,
    file: Annotated[Path | None, typer.Option("--file", help="Run the SPARQL in this file.")] = None,
    format: QueryFormat = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help=(
        "Validate the data before querying (off by default: `diplograph validate` does it once)."))] = False,
) -> None:
    """Run a canned query (with --param), a SPARQL file (--file) or SPARQL from stdin (-)."""
    params = parse_params(param)
    if file is not None or name == "-":
        if params:
            raise QueryParameterError("--param applies to canned queries only")
        text = file.read_text(encoding="utf-8") if file is not None else sys.stdin.read()
        result = open_graph(data, ontology, store, validate=validate).query(text)
    elif name:
        graph = open_graph(data, ontology, store, validate=validate)
        result = graph.run_canned(name, **params)
    else:
        raise QueryError("name a canned query (see `diplograph queries`), or use --file or -")
    _print_result(result, format)


def _print_result(result, format: str | None) -> None:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        chosen = format or "turtle"
        if chosen not in GRAPH_FORMATS:
            raise QueryError(f"a {result.type} result cannot be written as {chosen!r}; "
                             f"use one of {', '.join(GRAPH_FORMATS)}")
        sys.stdout.buffer.write(serialize_graph(result.graph, chosen))
        return
    table = ResultTable.from_result(result)
    chosen = table_format(format)
    if chosen == "table":
        if table.boolean is not None:
            print("true" if table.boolean else "false")
            return
        rows = [{v: short(row[v]) for v in table.variables if v in row} for row in table.rows]
        print_rows(table.variables, rows, "table")
        return
    if chosen not in TABLE_FORMATS:
        raise QueryError(f"a {result.type} result cannot be written as {chosen!r}; "
                         f"use table or one of {', '.join(TABLE_FORMATS)}")
    sys.stdout.buffer.write(serialize_table(table, chosen))
    if chosen == "json":
        sys.stdout.write("\n")


def analyze(
    name: Annotated[str | None, typer.Argument(help="Analysis name; omit to list them.")] = None,
    option: Annotated[list[str] | None, typer.Option("--option", "-o", help="Option as NAME=VALUE.")] = None,
    format: RowFormat = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
) -> None:
    chosen = table_format(format)
    if name is None:
        if chosen == "json":
            print_json([{"name": a.name, "title": a.title, "description": a.description,
                         "options": [{"name": o.name, "default": o.default, "description": o.description}
                                     for o in a.options]} for a in ANALYSES.values()])
            return
        rows = [{"name": a.name, "what": a.description,
                 "options": ", ".join(f"{o.name}={o.default}" for o in a.options)} for a in ANALYSES.values()]
        print_rows(["name", "what", "options"], rows, chosen, keep_whole=("name",))
        return
    graph = open_graph(data, ontology, store, validate=False)
    result = run_analysis(Projections(graph), name, parse_params(option))
    if chosen == "json":
        print_json({"analysis": name, "rules": ANALYSES[name].rules, "result": result})
        return
    print_value(result, chosen)


analyze.__doc__ = "Run a networkx analysis over the graph's projections:\n\n" + "\n\n".join(
    f"{a.name}: {a.description.rstrip('.…')}." for a in ANALYSES.values())


def operations_command(data: DataOption = None, ontology: OntologyOption = None, format: RowFormat = None) -> None:
    """Every operation — canned queries and analyses alike — with its parameters."""
    found = operations(open_graph(data, ontology, None, validate=False))
    chosen = table_format(format)
    if chosen == "json":
        print_json({"operations": [asdict(o) | {"path": o.path} for o in found.values()]})
        return
    rows = [{"name": item.name, "kind": item.kind, "title": item.title, "parameters": ", ".join(
        f"{p.name}: {p.type}" + ("" if p.required else "?") for p in item.parameters)} for item in found.values()]
    print_rows(["name", "kind", "title", "parameters"], rows, chosen, keep_whole=("name",))


def run_command(
    name: Annotated[str, typer.Argument(help="An operation: a canned query or an analysis (see `operations`).")],
    param: ParamOption = None,
    format: RowFormat = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
) -> None:
    """Run any operation by name, with its parameters; the same answer as its route on the service."""
    result = run(open_graph(data, ontology, store, validate=False), name, parse_params(param))
    chosen = table_format(format)
    if chosen == "json":
        print_json({"operation": name, "result": result})
        return
    print_value(result, chosen)


def register(app: typer.Typer) -> None:
    app.command("queries")(list_queries)
    app.command()(query)
    app.command()(analyze)
    app.command("operations")(operations_command)
    app.command("run")(run_command)
