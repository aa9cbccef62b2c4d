"""Commands about where the graph lives and how it leaves: statistics, stores, generated corpora, exports."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path
from typing import Annotated

import typer

from .. import atomic
from ..analysis.registry import Projections
from ..errors import DataError, DiplographError
from ..export import Selection, export
from ..formats import EXPORT_FORMATS
from ..generate import BYTES_PER_QUAD, generate_documents
from ..generate import generate as write_corpus
from ..layout import StoreSpec
from ..store import build
from .common import (
    DataOption,
    OntologyOption,
    ParamOption,
    StoreOption,
    layout_of,
    open_graph,
    parse_params,
    status,
    writable,
)
from .output import TEXT_FORMATS, err, formats, out, print_json, print_rows, table_format
from .progress import report

__all__ = ["MAX_GENERATED", "register"]

MAX_GENERATED = 2_000_000_000
"""The most triples `generate` writes: about 400 GB of N-Quads, past any machine this runs on."""

ExportFormat = formats(*EXPORT_FORMATS, help=(
    "graphml, gexf, cytoscape, d3, dot, or an RDF format: turtle, ntriples, nquads, trig, jsonld, rdfxml."))


def stats(data: DataOption = None, ontology: OntologyOption = None, store: StoreOption = None,
          format: formats(*TEXT_FORMATS) = None) -> None:  # type: ignore[valid-type]
    """Triples, named graphs, and entities per class."""
    summary = open_graph(data, ontology, store, validate=False).stats()
    if table_format(format, rows=False) == "json":
        print_json({"triples": summary.triples, "graphs": summary.graphs, "classes": summary.classes})
        return
    out.print(f"{summary.triples} triples in {len(summary.graphs)} named graphs")
    print_rows(["named graph", "triples"], [{"named graph": n, "triples": c} for n, c in summary.graphs.items()],
               "table")
    print_rows(["class (with subclasses)", "instances"],
               [{"class (with subclasses)": n, "instances": c} for n, c in summary.classes.items()], "table")


def load(
    store: Annotated[str, typer.Option(help="Where to build the store: oxigraph:PATH (an empty or new folder) or "
                                            "sparql:QUERY_URL,UPDATE_URL.")],
    data: DataOption = None,
    ontology: OntologyOption = None,
    validate: Annotated[bool, typer.Option("--validate/--no-validate", help=(
        "Validate the Turtle and YAML files first (N-Quads files, e.g. generated corpora, go straight in)."))] = True,
) -> None:
    """Build a persistent store from the data files, once; `serve --store` then opens it without re-parsing."""
    spec = StoreSpec.parse(store)
    if spec.kind == "memory":
        raise DiplographError("the memory store is built at every start; load builds a persistent one: "
                              "--store oxigraph:PATH or sparql:QUERY_URL,UPDATE_URL")
    layout = layout_of(data, ontology)
    started = time.perf_counter()
    try:
        with report(err, "loading", unit="quads") as advance:
            count = build(spec, layout, validate=validate, progress=lambda what, n: advance(n, what))
    except DataError as error:
        for problem in error.problems:
            err.print(str(problem), soft_wrap=True)
        err.print(f"error: {len(error.problems)} problem(s); nothing was loaded")
        raise typer.Exit(1) from None
    seconds = time.perf_counter() - started
    target = spec.path if spec.kind == "oxigraph" else spec.query_url
    out.print(f"loaded {count:,} quads into {target} in {seconds:.1f} s ({count / seconds:,.0f} quads/s)")


def export_graph(
    format: ExportFormat,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")]
    = None,
    view: Annotated[str, typer.Option(help="entity (the entity graph) or stance (actor stance network).")] = "entity",
    entity: Annotated[str | None, typer.Option(help="Only this entity's neighbourhood.")] = None,
    depth: Annotated[int, typer.Option(help="Hops around --entity.")] = 1,
    query: Annotated[str | None, typer.Option(help="Export a CONSTRUCT canned query's result.")] = None,
    param: ParamOption = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
    store: StoreOption = None,
) -> None:
    """Export the graph, a projection, a neighbourhood or a query result for Gephi, Cytoscape, yEd, D3, Graphviz."""
    if format is None:
        raise DiplographError(f"name a format with -f: {', '.join(EXPORT_FORMATS)}")
    target = writable(out_file) if out_file is not None else None
    graph = open_graph(data, ontology, store, validate=False)
    selection = Selection(view=view, entity=entity, depth=depth, query=query, params=parse_params(param))
    with status(f"exporting {format}"):
        content = export(Projections(graph), format, selection)
    if target is None:
        sys.stdout.buffer.write(content)
        return
    atomic.write(target, content)
    err.print(f"wrote {len(content):,} bytes to {target}")


def generate(
    out_file: Annotated[Path, typer.Option("--out", "-o", help="N-Quads file to write, outside data/ (e.g. "
                                                               "corpus/synthetic.nq; load it with --data corpus); "
                                                               "with --documents, a new data folder.")],
    triples: Annotated[int, typer.Option(help="At least this many triples (1 to 2,000,000,000).")] = 100_000,
    seed: Annotated[int, typer.Option(help="Random seed: same seed and size, same file.")] = 0,
    documents: Annotated[int | None, typer.Option(
        help="Instead, write a data folder of this many documents (1 to 100,000) with source texts, every quote "
             "in its text, references across documents: the whole documents path can be measured on it.")] = None,
) -> None:
    """Write a synthetic corpus (for benchmarks) as N-Quads, streamed: memory stays flat at any size.

    The file (or folder) appears only when complete: an error or Ctrl-C leaves nothing behind.
    """
    if documents is not None:
        _generate_documents(out_file, documents)
        return
    if not 1 <= triples <= MAX_GENERATED:
        raise DiplographError(f"--triples must be between 1 and {MAX_GENERATED:,}, not {triples:,}")
    target = writable(out_file)
    needed = triples * BYTES_PER_QUAD
    free = shutil.disk_usage(target.parent).free
    if needed > free:
        raise DiplographError(f"{triples:,} triples need about {needed / 1e9:,.1f} GB; {target.parent} has "
                              f"{free / 1e9:,.1f} GB free")
    with report(err, f"generating {target.name}", total=triples, unit="quads") as advance:
        with atomic.staged(target, text=True) as handle:
            written = write_corpus(handle, triples, seed=seed, progress=advance)
    err.print(f"wrote {written:,} quads to {target}")


def _generate_documents(folder: Path, count: int) -> None:
    if not 1 <= count <= 100_000:
        raise DiplographError(f"--documents must be between 1 and 100,000, not {count:,}")
    target = folder.expanduser().absolute()
    if target.exists():
        raise DiplographError(f"{target} exists; name a new folder for the generated documents")
    if not target.parent.is_dir():
        raise DiplographError(f"{target.parent}: no such folder")
    building = target.with_name(f".{target.name}.building-{os.getpid()}")
    try:
        with report(err, f"generating {target.name}", total=count, unit="documents") as advance:
            generate_documents(building, count, progress=advance)
        os.replace(building, target)
    finally:
        shutil.rmtree(building, ignore_errors=True)
    err.print(f"wrote {count:,} documents to {target}; check them with `diplograph validate --data {target}`")


def register(app: typer.Typer) -> None:
    app.command()(stats)
    app.command()(load)
    app.command("export")(export_graph)
    app.command()(generate)
