"""The ``diplograph`` command: a thin shell over the Python API that prints what it returns."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import orjson
import typer
from rich.console import Console
from rich.table import Table

from .coverage import coverage as document_coverage
from .documents import near_duplicates
from .errors import DataError, DiplographError, QueryError, QueryParameterError
from .graph import KnowledgeGraph
from .load import Layout
from .results import GRAPH_FORMATS, TABLE_FORMATS, serialize_graph, serialize_table, short
from .results import Table as ResultTable
from .settings import Settings
from .store import StoreSpec
from .validate import validate_files

app = typer.Typer(help="diplograph: the diplomacy of the Russia–Ukraine war as a knowledge graph.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

DataOption = Annotated[list[Path] | None, typer.Option("--data", help=(
    "Data folder (default: the bundled graph). Give it again to add folders of reference files and N-Quads "
    "corpora, e.g. --data data --data corpus."))]
OntologyOption = Annotated[Path | None, typer.Option("--ontology", help="Ontology folder (default: bundled).")]
StoreOption = Annotated[str | None, typer.Option("--store", help=(
    "memory (default: load the data folders), oxigraph:PATH (built by `diplograph load`) or "
    "sparql:QUERY_URL; also DIPLOGRAPH_STORE."))]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


def main() -> None:
    """The console entry point: diplograph's own errors become one line on standard error, never a traceback."""
    try:
        app()
    except DiplographError as error:  # a DataError says its first problem and how many more there are
        err.print(f"error: {error}", markup=False, soft_wrap=True)
        sys.exit(2)
    except OSError as error:  # a folder that cannot be written, a full disk …
        where = f"{error.filename}: " if error.filename else ""
        err.print(f"error: {where}{error.strerror or error}", markup=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        sys.exit(130)


def _settings(data: list[Path] | None = None, ontology: Path | None = None, store: str | None = None,
              **more: object) -> Settings:
    """The settings of one command: its options over DIPLOGRAPH_* variables over the defaults."""
    given = {"data": data[0] if data else None, "extra_data": list(data[1:]) if data else None,
             "ontology": ontology, "store": store, **more}
    return Settings(**{key: value for key, value in given.items() if value is not None})


def _layout(data: list[Path] | None, ontology: Path | None) -> Layout:
    layout = _settings(data, ontology).layout()
    layout.check_folders()
    return layout


def _open(data: list[Path] | None, ontology: Path | None, store: str | None = None, *,
          validate: bool = True) -> KnowledgeGraph:
    """The graph the options name: the data folders loaded into memory, or a built or remote store opened."""
    settings = _settings(data, ontology, store)
    layout = settings.layout()
    layout.check_folders()
    graph = KnowledgeGraph(layout, settings.store_spec())
    graph.load(validate=validate)
    return graph


def _print_json(value: object) -> None:
    sys.stdout.write(orjson.dumps(value, option=orjson.OPT_INDENT_2).decode() + "\n")


@app.command()
def validate(data: DataOption = None, ontology: OntologyOption = None) -> None:
    """Parse, SHACL-validate, check every quote against its source and every term against the ontology."""
    layout = _layout(data, ontology)
    with _status("validating (parse, terms, shapes, quotes)"):
        problems = validate_files(layout)
    for problem in problems:
        err.print(str(problem), markup=False, soft_wrap=True)
    if problems:
        err.print(f"{len(problems)} problem(s) found.", markup=False)
        raise typer.Exit(1)
    graph = KnowledgeGraph(layout)
    graph.load(validate=False)
    with _status("looking for near-duplicate names"):
        warnings = near_duplicates(graph)
    for warning in warnings:
        err.print(str(warning), markup=False, soft_wrap=True)
    files = len(layout.files())
    out.print(f"OK: {files} files valid (shapes, terms, quotes, source hashes).", markup=False)


@app.command()
def audit(data: DataOption = None, ontology: OntologyOption = None, format: FormatOption = "table") -> None:
    """List facts whose words, parties, dates or asserters their quotes do not bear out, for review.

    Validation checks form; the audit checks meaning as far as a program can
    (see ``diplograph.fidelity``): a measure or party not named where its
    quotes stand (unless a derivation rule covers it), a reported statement
    without a date precision, a position that is not its holder's, a described
    entity without who describes it, a query showing a date without its kind.
    Exit code 1 when anything is found.
    """
    from .fidelity import RULES
    from .fidelity import audit as run_audit

    with _status("auditing what the facts say against their quotes"):
        findings = run_audit(_open(data, ontology, None, validate=False))
    if format == "json":
        _print_json({"findings": [asdict(f) for f in findings], "rules": RULES})
    else:
        for finding in findings:
            out.print(str(finding), markup=False, soft_wrap=True)
        out.print(f"{len(findings)} finding(s)." if findings else "OK: nothing to review.", markup=False)
    if findings:
        raise typer.Exit(1)


@app.command()
def stats(data: DataOption = None, ontology: OntologyOption = None, store: StoreOption = None,
          format: FormatOption = "table") -> None:
    """Triples, named graphs, and entities per class."""
    summary = _open(data, ontology, store, validate=False).stats()
    if format == "json":
        _print_json({"triples": summary.triples, "graphs": summary.graphs, "classes": summary.classes})
        return
    out.print(f"{summary.triples} triples in {len(summary.graphs)} named graphs", markup=False)
    graphs = Table("named graph", "triples")
    for name, count in summary.graphs.items():
        graphs.add_row(name, str(count))
    classes = Table("class (with subclasses)", "instances")
    for name, count in summary.classes.items():
        classes.add_row(name, str(count))
    out.print(graphs)
    out.print(classes)


@app.command()
def coverage(data: DataOption = None, ontology: OntologyOption = None, store: StoreOption = None,
             format: FormatOption = "table") -> None:
    """Per source document: the share of content sentences that some fact's quote cites, and the others."""
    reports = document_coverage(_open(data, ontology, store, validate=False))
    if format == "json":
        _print_json([{"source": r.source, "title": r.title, "sentences": len(r.sentences), "cited": r.cited,
                      "ratio": round(r.ratio, 4),
                      "uncited": [{"start": s.start, "end": s.end, "text": s.text} for s in r.uncited]}
                     for r in reports])
        return
    for report in reports:
        out.print(f"{report.source}\n  {report.title}\n  {report.cited}/{len(report.sentences)} content "
                  f"sentences cited ({report.ratio:.1%})", markup=False)
        for sentence in report.uncited:
            out.print(f"  uncited @{sentence.start}: {sentence.text}", markup=False)


@app.command("queries")
def list_queries(data: DataOption = None, ontology: OntologyOption = None, format: FormatOption = "table") -> None:
    """List the canned queries with their descriptions and parameters."""
    canned = KnowledgeGraph(_layout(data, ontology)).canned
    if format == "json":
        _print_json([{"name": q.name, "title": q.title, "description": q.description, "form": q.form,
                      "parameters": [{"name": p.name, "type": p.type, "default": p.default,
                                      "required": p.required, "description": p.description}
                                     for p in q.parameters]} for q in canned.values()])
        return
    table = Table("name", "title", "parameters", show_lines=False)
    for query in canned.values():
        params = ", ".join(f"{p.name}: {p.type}" + (f" = {p.default}" if p.default else " (required)")
                           for p in query.parameters)
        table.add_row(query.name, query.title, params)
    out.print(table)


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="Canned query name, or - to read SPARQL from stdin.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Parameter as NAME=VALUE.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="Run the SPARQL in this file.")] = None,
    format: Annotated[str | None, typer.Option("--format", "-f", help=(
        "table, json, csv, tsv, sparql-json or sparql-xml for SELECT/ASK; "
        "turtle, ntriples, nquads, trig, jsonld or rdfxml for CONSTRUCT/DESCRIBE. "
        "Default: table in a terminal, csv (or turtle) when piped."))] = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help=(
        "Validate the data before querying (off by default: `diplograph validate` does it once)."))] = False,
) -> None:
    """Run a canned query (with --param), a SPARQL file (--file) or SPARQL from stdin (-)."""
    params = _parse_params(param or [])
    if file is not None or name == "-":
        if params:
            raise QueryParameterError("--param applies to canned queries only")
        text = file.read_text(encoding="utf-8") if file is not None else sys.stdin.read()
        graph = _open(data, ontology, store, validate=validate)
        result = graph.query(text)
    elif name:
        graph = _open(data, ontology, store, validate=validate)
        result = graph.run_canned(name, **params)
    else:
        raise QueryError("name a canned query (see `diplograph queries`), or use --file or -")
    _print_result(result, format)


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryParameterError(f"--param takes NAME=VALUE, not {pair!r}")
        params[key.strip()] = value
    return params


def _print_result(result, format: str | None) -> None:
    terminal = sys.stdout.isatty()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        chosen = format or "turtle"
        if chosen not in GRAPH_FORMATS:
            raise QueryError(f"a {result.type} result cannot be written as {chosen!r}; "
                             f"use one of {', '.join(GRAPH_FORMATS)}")
        sys.stdout.buffer.write(serialize_graph(result.graph, chosen))
        return
    table = ResultTable.from_result(result)
    chosen = format or ("table" if terminal else "csv")
    if chosen == "table":
        _print_rich_table(table)
        return
    if chosen not in TABLE_FORMATS:
        raise QueryError(f"a {result.type} result cannot be written as {chosen!r}; "
                         f"use table or one of {', '.join(TABLE_FORMATS)}")
    sys.stdout.buffer.write(serialize_table(table, chosen))
    if chosen == "json":
        sys.stdout.write("\n")


def _print_rich_table(table: ResultTable) -> None:
    if table.boolean is not None:
        out.print("true" if table.boolean else "false", markup=False)
        return
    view = Table(*table.variables, show_lines=True)
    for row in table.rows:
        view.add_row(*(short(row[v]) if v in row else "" for v in table.variables))
    out.print(view)
    out.print(f"{len(table.rows)} row(s)", markup=False)


@app.command()
def analyze(
    name: Annotated[str | None, typer.Argument(help="Analysis name; omit to list them.")] = None,
    option: Annotated[list[str] | None, typer.Option("--option", "-o", help="Option as NAME=VALUE.")] = None,
    format: FormatOption = "table",
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
) -> None:
    """Run a networkx analysis: centrality, coalitions, stance-network, conflicts, paths, ego."""
    from .analysis.registry import ANALYSES, Projections, run_analysis

    if name is None:
        table = Table("name", "what", "options")
        for analysis in ANALYSES.values():
            table.add_row(analysis.name, analysis.description,
                          ", ".join(f"{o.name}={o.default}" for o in analysis.options))
        out.print(table)
        return
    graph = _open(data, ontology, store, validate=False)
    result = run_analysis(Projections(graph), name, _parse_params(option or []))
    if format == "json":
        _print_json({"analysis": name, "rules": ANALYSES[name].rules, "result": result})
        return
    _print_analysis(name, result)


def _print_analysis(name: str, result: object) -> None:
    if name == "coalitions":
        for number, group in enumerate(result["groups"], start=1):
            out.print(f"camp {number}: " + ", ".join(result["labels"][n] for n in group), markup=False)
        out.print(f"balance {result['balance']:.3f}, frustration {result['frustration']}", markup=False)
        return
    if name == "ego":
        result = result["edges"]
    if name == "paths":
        for number, path in enumerate(result, start=1):
            out.print(f"path {number}:", markup=False)
            for step in path:
                quote = f"  “{step['quotes'][0]}”" if step["quotes"] else ""
                out.print(f"  {step['source']} —{step['predicate']}→ {step['target']}{quote}", markup=False)
        return
    rows = result if isinstance(result, list) else [result]
    if not rows:
        out.print("no results", markup=False)
        return
    columns = [k for k in rows[0] if k not in ("reasons",)]
    table = Table(*columns, show_lines=True)
    for row in rows:
        table.add_row(*(_cell(row[c]) for c in columns))
    out.print(table)


def _cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, list | tuple):
        return "\n".join(map(str, value))
    return str(value)


@app.command()
def load(
    store: Annotated[str, typer.Option(help="Where to build the store: oxigraph:PATH (an empty or new folder) or "
                                            "sparql:QUERY_URL,UPDATE_URL.")],
    data: DataOption = None,
    ontology: OntologyOption = None,
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help=(
        "Validate the Turtle and YAML files first (N-Quads files, e.g. generated corpora, go straight in)."))] = True,
) -> None:
    """Build a persistent store from the data files, once; `serve --store` then opens it without re-parsing."""
    import time

    from .progress import report
    from .store import build

    spec = StoreSpec.parse(store)
    if spec.kind == "memory":
        raise DiplographError("the memory store is built at every start; load builds a persistent one: "
                              "--store oxigraph:PATH or sparql:QUERY_URL,UPDATE_URL")
    layout = _layout(data, ontology)
    started = time.perf_counter()
    try:
        with report(err, "loading", unit="quads") as advance:
            count = build(spec, layout, validate=validate, progress=lambda what, n: advance(n, what))
    except DataError as error:
        for problem in error.problems:
            err.print(str(problem), markup=False, soft_wrap=True)
        err.print(f"error: {len(error.problems)} problem(s); nothing was loaded", markup=False)
        raise typer.Exit(1) from None
    seconds = time.perf_counter() - started
    target = spec.path if spec.kind == "oxigraph" else spec.query_url
    out.print(f"loaded {count:,} quads into {target} in {seconds:.1f} s ({count / seconds:,.0f} quads/s)",
              markup=False)


@app.command("add-source")
def add_source_command(
    document: Annotated[Path, typer.Argument(help="The document: UTF-8 text, a saved HTML page, or a PDF.")],
    title: Annotated[str | None, typer.Option(help="Its title (else the page's or PDF's own).")] = None,
    date: Annotated[str | None, typer.Option(help="Its date, YYYY-MM-DD (else the page's or PDF's own).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it (else the site's name).")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was found (else the page's own).")] = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """Register a new source: its text into data/sources/ (an HTML page's or PDF's extracted, the original kept
    beside it), and start its fact sheet in data/documents/."""
    import datetime as dt

    from .documents import add_source

    day = None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise DiplographError(f"--date must be YYYY-MM-DD, not {date!r}") from None
    slug, sheet = add_source(_layout(data, ontology), document, title=title, day=day, publisher=publisher, url=url)
    out.print(f"added {slug}: fill in {sheet}, then run `diplograph validate` and `diplograph suggest {slug}`",
              markup=False)


@app.command("operations")
def operations_command(data: DataOption = None, ontology: OntologyOption = None, format: FormatOption = "table"
                       ) -> None:
    """Every operation — canned queries and analyses alike — with its parameters."""
    from dataclasses import asdict

    from .operations import operations

    found = operations(_open(data, ontology, None, validate=False))
    if format == "json":
        _print_json({"operations": [asdict(o) | {"path": o.path} for o in found.values()]})
        return
    table = Table("name", "kind", "title", "parameters")
    for item in found.values():
        table.add_row(item.name, item.kind, item.title, ", ".join(
            f"{p.name}: {p.type}" + ("" if p.required else "?") for p in item.parameters))
    out.print(table)


@app.command("run")
def run_command(
    name: Annotated[str, typer.Argument(help="An operation: a canned query or an analysis (see `operations`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Parameter as NAME=VALUE.")] = None,
    format: FormatOption = "table",
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
) -> None:
    """Run any operation by name, with its parameters; the same answer as its route on the service."""
    from .operations import run

    result = run(_open(data, ontology, store, validate=False), name, _parse_params(param or []))
    if format == "json":
        _print_json({"operation": name, "result": result})
        return
    if isinstance(result, list) and result and all(isinstance(r, dict) for r in result):
        columns = list(dict.fromkeys(k for r in result for k in r))
        table = Table(*columns)
        for row in result:
            table.add_row(*(str(row.get(c, "")) for c in columns))
        out.print(table)
    else:
        _print_json(result)


@app.command()
def draft(
    name: Annotated[str, typer.Argument(help="The source's name (as add-source printed it).")],
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """Draft candidate statements for a document into data/review/NAME.yaml (never loaded as facts), for review."""
    from .drafting import draft as run_draft
    from .drafting import review_file

    graph = _open(data, ontology, None, validate=False)
    candidates = run_draft(graph, name)
    _print_candidates(candidates)
    out.print(f"{len(candidates)} candidate(s) pending in {review_file(graph.layout, name)}; "
              f"`diplograph review {name} --accept ID` or --reject ID", markup=False, soft_wrap=True)


@app.command()
def review(
    name: Annotated[str, typer.Argument(help="The source's name.")],
    accept: Annotated[str | None, typer.Option(help="Write this candidate into the fact sheet (if it validates).")]
    = None,
    reject: Annotated[str | None, typer.Option(help="Reject this candidate: it is not proposed again.")] = None,
    label: Annotated[str | None, typer.Option(help="With --accept: the statement's label.")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="With --accept: PROPERTY=VALUE to change first "
                                                                 "(e.g. demandedOf=Kyiv).")] = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """List a document's pending candidates, or accept or reject one."""
    from .drafting import accept as accept_candidate
    from .drafting import read_candidates, review_file
    from .drafting import reject as reject_candidate

    layout = _layout(data, ontology)
    if accept:
        iri = accept_candidate(layout, name, accept, label=label, edits=_parse_params(set_ or []))
        out.print(f"accepted {accept} as {iri} in data/documents/{name}.yaml (validated)", markup=False)
    elif reject:
        reject_candidate(layout, name, reject)
        out.print(f"rejected {reject}: it will not be proposed again", markup=False)
    else:
        _print_candidates([c for c in read_candidates(review_file(layout, name)) if c.status == "pending"])


def _print_candidates(candidates) -> None:
    table = Table("id", "kind", "asserted by", "date", "confidence", "sentence", "mentions")
    for c in candidates:
        mentions = ", ".join(f"{m.text}→{m.entity}" + ("" if m.score == 1 else f" ({m.score:.2f})")
                             for m in c.mentions)
        table.add_row(c.id, f"{c.kind} ({c.assertion_mode})", c.asserted_by or "?",
                      f"{c.stated_on} ({c.date_precision})" if c.stated_on else "", f"{c.confidence:.2f}",
                      c.sentence, mentions)
    out.print(table)


@app.command("remove-source")
def remove_source_command(
    slug: Annotated[str, typer.Argument(help="The source's name (its file name without extension).")],
    force: Annotated[bool, typer.Option(help="Remove it though other documents refer to what it defines.")] = False,
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """Remove a source: its fact sheet and text leave the corpus (kept in data/.removed/ to undo)."""
    from .documents import remove_source

    removed, backup = remove_source(_layout(data, ontology), slug, force=force)
    for path in removed:
        out.print(f"removed {path}", markup=False, soft_wrap=True)
    out.print(f"kept a copy in {backup}: move the files back to undo", markup=False, soft_wrap=True)


@app.command()
def suggest(
    source: Annotated[str, typer.Argument(help="The source's name, or its IRI.")],
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
    format: FormatOption = "table",
) -> None:
    """List the sentences of a source that mention known entities and that no fact cites yet: a to-do list."""
    from .documents import suggest as suggestions

    found = suggestions(_open(data, ontology, store, validate=False), source)
    if format == "json":
        _print_json([{"start": s.start, "text": s.text, "mentions": list(s.mentions)} for s in found])
        return
    for suggestion in found:
        out.print(f"@{suggestion.start} [{', '.join(suggestion.mentions)}] {suggestion.text}", markup=False)
    err.print(f"{len(found)} sentence(s) to encode", markup=False)


@app.command("export")
def export_graph(
    format: Annotated[str, typer.Option("--format", "-f", help=(
        "graphml, gexf, cytoscape, d3, dot, or an RDF format: turtle, ntriples, nquads, trig, jsonld, rdfxml."))],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")] = None,
    view: Annotated[str, typer.Option(help="entity (the entity graph) or stance (actor stance network).")] = "entity",
    entity: Annotated[str | None, typer.Option(help="Only this entity's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(help="Hops around --entity.")] = 1,
    query: Annotated[str | None, typer.Option(help="Export a CONSTRUCT canned query's result.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="Query parameter NAME=VALUE.")] = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
) -> None:
    """Export the graph, a projection, a neighbourhood or a query result for Gephi, Cytoscape, yEd, D3, Graphviz."""
    from .analysis.registry import Projections
    from .export import Selection, export

    target = _writable(out) if out is not None else None
    graph = _open(data, ontology, store, validate=False)
    selection = Selection(view=view, entity=entity, depth=depth, query=query, params=_parse_params(param or []))
    with _status(f"exporting {format}"):
        content = export(Projections(graph), format, selection)
    if target is None:
        sys.stdout.buffer.write(content)
        return
    with _atomic(target) as handle:
        handle.write(content)
    err.print(f"wrote {len(content):,} bytes to {target}", markup=False)


MAX_GENERATED = 2_000_000_000
"""The most triples `generate` writes: about 400 GB of N-Quads, past any machine this runs on."""


@app.command()
def generate(
    out: Annotated[Path, typer.Option("--out", "-o", help="N-Quads file to write, outside data/ (e.g. "
                                                          "corpus/synthetic.nq; load it with --data corpus).")],
    triples: Annotated[int, typer.Option(help="At least this many triples (1 to 2,000,000,000).")] = 100_000,
    seed: Annotated[int, typer.Option(help="Random seed: same seed and size, same file.")] = 0,
) -> None:
    """Write a synthetic corpus (for benchmarks) as N-Quads, streamed: memory stays flat at any size.

    The file appears only when complete: an error or Ctrl-C leaves nothing behind.
    """
    import shutil

    from .generate import BYTES_PER_QUAD
    from .generate import generate as write_corpus
    from .progress import report

    if not 1 <= triples <= MAX_GENERATED:
        raise DiplographError(f"--triples must be between 1 and {MAX_GENERATED:,}, not {triples:,}")
    target = _writable(out)
    needed = triples * BYTES_PER_QUAD
    free = shutil.disk_usage(target.parent).free
    if needed > free:
        raise DiplographError(f"{triples:,} triples need about {needed / 1e9:,.1f} GB; {target.parent} has "
                              f"{free / 1e9:,.1f} GB free")
    with report(err, f"generating {target.name}", total=triples, unit="quads") as advance:
        with _atomic(target, text=True) as handle:
            written = write_corpus(handle, triples, seed=seed, progress=advance)
    err.print(f"wrote {written:,} quads to {target}", markup=False)


def _writable(path: Path) -> Path:
    """``path`` as a file that can be created: its folder exists and it is not a folder itself."""
    path = path.expanduser().absolute()
    if path.is_dir():
        raise DiplographError(f"{path} is a folder; name a file")
    if not path.parent.is_dir():
        raise DiplographError(f"{path.parent}: no such folder (create it first)")
    return path


@contextmanager
def _atomic(path: Path, *, text: bool = False):
    """Write ``path`` through a temporary file beside it, renamed into place only when writing succeeded."""
    import os
    import tempfile

    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(descriptor, "w" if text else "wb", **({"encoding": "utf-8"} if text else {})) as handle:
            yield handle
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextmanager
def _status(what: str):
    """A spinner while one long step runs (in a terminal); nothing in a log."""
    if err.is_terminal:
        with err.status(what):
            yield
    else:
        yield


@app.command()
def serve(
    data: DataOption = None,
    ontology: OntologyOption = None,
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    store: StoreOption = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds a query may run (default 10).")] = None,
    workers: Annotated[int | None, typer.Option(help="Query worker processes (default: cores + 1).")] = None,
    max_rows: Annotated[int | None, typer.Option(help="Rows a query may return (default 10000).")] = None,
    allow_updates: Annotated[bool, typer.Option(help="Accept SPARQL Update with DIPLOGRAPH_UPDATE_TOKEN.")] = False,
    allow_review: Annotated[bool, typer.Option(help="Accept or reject drafted candidates from the review page "
                                                    "(writes fact sheets) with DIPLOGRAPH_UPDATE_TOKEN.")] = False,
    cors_origin: Annotated[list[str] | None, typer.Option(help="Allow browser calls from this origin.")] = None,
) -> None:
    """Serve the graph over HTTP: SPARQL endpoint, JSON API, linked-data pages. Read-only unless told otherwise.

    Every option can also be set as an environment variable DIPLOGRAPH_<OPTION> (e.g. DIPLOGRAPH_PORT).
    """
    import uvicorn

    from .api import create_app
    from .api.server import config as server_config
    from .service import Service

    settings = _settings(data, ontology, store, host=host, port=port, timeout=timeout, workers=workers,
                         max_rows=max_rows, cors_origins=cors_origin or None,
                         allow_updates=True if allow_updates else None,
                         allow_review=True if allow_review else None)
    if (settings.allow_updates or settings.allow_review) and not settings.update_token:
        raise DiplographError(f"--allow-{'updates' if settings.allow_updates else 'review'} needs a token in "
                              "DIPLOGRAPH_UPDATE_TOKEN")
    listener = _listen(settings.host, settings.port)  # before loading: a taken port is said at once
    settings.layout().check_folders()
    service = Service.from_settings(settings)
    # counts the engine answers at once: a full summary (`diplograph stats`) takes seconds on a large store
    mode = " and ".join([*(["updates enabled"] if settings.allow_updates else []),
                         *(["review enabled"] if settings.allow_review else [])]) or "read-only"
    err.print(f"diplograph: {service.triples:,} triples in {len(service.graphs):,} named graphs; serving on "
              f"http://{settings.host}:{settings.port}/ ({mode})", markup=False)
    config = server_config(create_app(service), host=settings.host, port=settings.port,
                           access_log=settings.access_log, head_timeout=settings.head_timeout,
                           max_head_bytes=settings.max_head_bytes, max_connections=settings.max_connections,
                           send_timeout=settings.send_timeout)
    uvicorn.Server(config).run(sockets=[listener])


def _listen(host: str, port: int):
    """A socket bound to ``host:port`` for the server, or a one-line error naming the way out."""
    import errno
    import socket

    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        listener = socket.socket(family, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise DiplographError(f"port {port} on {host} is taken (another diplograph?); choose another with "
                                  f"--port N or DIPLOGRAPH_PORT") from None
        raise DiplographError(f"cannot listen on {host}:{port}: {error.strerror}") from None
    listener.set_inheritable(True)
    return listener


if __name__ == "__main__":  # pragma: no cover
    main()
