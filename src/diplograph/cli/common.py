"""What every command shares: the options that name the graph, opening it, and the status spinner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from ..errors import QueryParameterError
from ..graph import KnowledgeGraph
from ..layout import Layout
from ..settings import Settings
from .output import err

__all__ = ["DataOption", "OntologyOption", "ParamOption", "StoreOption", "layout_of", "open_graph", "parse_params",
           "settings_of", "status", "writable"]

DataOption = Annotated[list[Path] | None, typer.Option("--data", help=(
    "Data folder (default: the bundled graph). Give it again to add folders of reference files and N-Quads "
    "corpora, e.g. --data data --data corpus."))]
OntologyOption = Annotated[Path | None, typer.Option("--ontology", help="Ontology folder (default: bundled).")]
StoreOption = Annotated[str | None, typer.Option("--store", help=(
    "memory (default: load the data folders), oxigraph:PATH (built by `diplograph load`) or "
    "sparql:QUERY_URL; also DIPLOGRAPH_STORE."))]
ParamOption = Annotated[list[str] | None, typer.Option("--param", "-p", help="Parameter as NAME=VALUE.")]


def settings_of(data: list[Path] | None = None, ontology: Path | None = None, store: str | None = None,
                **more: object) -> Settings:
    """The settings of one command: its options over DIPLOGRAPH_* variables over the defaults."""
    given = {"data": data[0] if data else None, "extra_data": list(data[1:]) if data else None,
             "ontology": ontology, "store": store, **more}
    return Settings(**{key: value for key, value in given.items() if value is not None})


def layout_of(data: list[Path] | None, ontology: Path | None) -> Layout:
    layout = settings_of(data, ontology).layout()
    layout.check_folders()
    return layout


def open_graph(data: list[Path] | None, ontology: Path | None, store: str | None = None, *,
               validate: bool = True) -> KnowledgeGraph:
    """The graph the options name: the data folders loaded into memory, or a built or remote store opened."""
    settings = settings_of(data, ontology, store)
    layout = settings.layout()
    layout.check_folders()
    graph = KnowledgeGraph(layout, settings.store_spec())
    graph.load(validate=validate)
    return graph


def parse_params(pairs: list[str] | None) -> dict[str, str]:
    """``NAME=VALUE`` pairs as a mapping (a value may contain ``=``).

    >>> parse_params(["by=Moscow", "text=a=b"])
    {'by': 'Moscow', 'text': 'a=b'}
    """
    params = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryParameterError(f"--param takes NAME=VALUE, not {pair!r}")
        params[key.strip()] = value
    return params


def writable(path: Path) -> Path:
    """``path`` as a file that can be created: its folder exists and it is not a folder itself."""
    from ..errors import DiplographError

    path = path.expanduser().absolute()
    if path.is_dir():
        raise DiplographError(f"{path} is a folder; name a file")
    if not path.parent.is_dir():
        raise DiplographError(f"{path.parent}: no such folder (create it first)")
    return path


@contextmanager
def status(what: str) -> Iterator[None]:
    """A spinner while one long step runs (in a terminal); nothing in a log."""
    if err.is_terminal:
        with err.status(what):
            yield
    else:
        yield
