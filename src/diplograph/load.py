"""Reading the project's files into one dataset, one named graph per file group, with file:line for what fails."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from .convert import to_native, triples_from_native
from .errors import DataError, Problem, relative
from .layout import YAML_SUFFIXES, Layout
from .names import Names
from .sheets import SourceFile, read_fact_sheet

__all__ = ["native_triples", "one_look", "parse_into", "read_file", "read_shared", "signature"]

_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')
"""Characters an IRI may not hold (RFC 3987): JSON-LD lets them through, every RDF writer refuses them."""


def read_file(layout: Layout, path: Path, graph: URIRef, overrides: dict[Path, str] | None = None) -> SourceFile:
    """A Turtle file or fact sheet as text (``overrides`` may give the text it would have once written).

    Raises
    ------
    DataError
        when it cannot be read as UTF-8 text.
    """
    display = relative(path, layout.root)
    try:
        text = overrides[path] if overrides and path in overrides else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([Problem(display, None, f"cannot read: {error}")]) from None
    return SourceFile(path, graph, display, text)


def parse_into(graph: Graph, file: SourceFile, layout: Layout, names: Names | None = None) -> None:
    """Parse a Turtle file or a YAML-LD fact sheet into ``graph``.

    Raises
    ------
    DataError
        with the file and line of the syntax error.
    """
    if file.path.suffix not in YAML_SUFFIXES:
        add = graph.add
        for triple in triples_from_native(_turtle(file)):
            add(triple)
        return
    for triple in _json_ld(file, layout, names):
        graph.add(triple)


def native_triples(file: SourceFile, layout: Layout, names: Names | None = None) -> list[ox.Triple | ox.Quad]:
    """A Turtle file or a YAML-LD fact sheet, parsed, as Oxigraph's triples (or quads in the default graph): what
    a document's N-Quads and index are made from, with no rdflib term made for a Turtle file (parsed and indexed
    three times faster: 17 → 5 ms a generated document).

    Raises
    ------
    DataError
        with the file and line of the syntax error.
    """
    if file.path.suffix not in YAML_SUFFIXES:
        return _turtle(file)
    return [ox.Triple(to_native(s), to_native(p), to_native(o)) for s, p, o in _json_ld(file, layout, names)]


def _turtle(file: SourceFile) -> list[ox.Quad]:
    """Turtle read by Oxigraph's parser: several times faster than rdflib's, and strict about IRIs."""
    try:
        return list(ox.parse(file.text, format=ox.RdfFormat.TURTLE, base_iri=file.path.as_uri()))
    except SyntaxError as error:
        why = str(error.msg).split(": ", 1)[-1] if error.msg.startswith("Parser error") else error.msg
        raise DataError([Problem(file.display, error.lineno, f"Turtle syntax error: {why}")]) from None


def _json_ld(file: SourceFile, layout: Layout, names: Names | None) -> Graph:
    document = read_fact_sheet(file, layout, names)
    try:
        parsed = Graph().parse(data=json.dumps(document), format="json-ld")
    except Exception as error:  # the JSON-LD processor reports what it cannot expand
        raise DataError([Problem(file.display, None, f"JSON-LD error: {error}")]) from None
    bad = sorted({str(term) for triple in parsed for term in triple
                  if isinstance(term, URIRef) and _NOT_IRI.search(str(term))})
    if bad:  # JSON-LD takes any string as an IRI; no store or format can carry these
        raise DataError([Problem(file.display, file.line_containing(iri[-20:]) or None,
                                 f"not an IRI: {iri[:80]!r} (spaces and any of <>\"{{}}|^`\\ are not allowed)")
                         for iri in bad])
    return parsed


def read_shared(layout: Layout, overrides: dict[Path, str] | None = None,
                salt: str = "") -> tuple[Dataset, list[SourceFile], str]:
    """The ontology and reference entities, parsed; and a digest of everything every document depends on (them,
    the shapes, the JSON-LD context, and ``salt``: the code and the format of what is kept).

    Raises
    ------
    DataError
        naming ``file:line`` for every shared file that does not parse.
    """
    paths = [path for path, _ in layout.shared_files()]
    seen = (salt, tuple((path, signature(path)) for path in [layout.shapes_file, layout.context_file, *paths]))
    if not (overrides and overrides.keys() & set(paths)) and _SHARED.get(layout) is not None:
        if _SHARED[layout][0] == seen:
            return _SHARED[layout][1]
    shared = Dataset(default_union=True)
    files, problems = [], []
    digest = hashlib.sha256(salt.encode())
    for extra in (layout.shapes_file, layout.context_file):
        digest.update(extra.read_bytes() if extra.is_file() else b"-")
    for path, graph in layout.shared_files():
        try:
            file = read_file(layout, path, graph, overrides)
            files.append(file)
            digest.update(f"{path}\0{graph}\0".encode() + hashlib.sha256(file.text.encode()).digest())
            parse_into(shared.graph(graph), file, layout)
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    if not (overrides and overrides.keys() & set(paths)):
        _SHARED[layout] = (seen, (shared, files, digest.hexdigest()))
    return shared, files, digest.hexdigest()


_SHARED: dict[Layout, tuple[tuple, tuple[Dataset, list[SourceFile], str]]] = {}
"""The shared graphs last read by this process, per layout, with what their files were: a server re-reads them
only when one changed. Read only, never changed by a reader."""


def signature(path: Path) -> tuple[int, int, int]:
    """What tells that a file changed without reading it: its inode (an atomic write renames a new one into
    place), size and modification time; zeros when it is missing. Looked up once a file within ``one_look``."""
    looked: dict | None = getattr(_PASS, "looked", None)
    if looked is not None and path in looked:
        return looked[path]
    try:
        info = os.stat(path)
        found = (info.st_ino, info.st_size, info.st_mtime_ns)
    except OSError:
        found = (0, 0, 0)
    if looked is not None:
        looked[path] = found
    return found


_PASS = threading.local()


@contextmanager
def one_look() -> Iterator[None]:
    """A pass over the files in which each file's ``signature`` is looked up once: reading a corpus asks whether a
    document's file changed, then again for the check that read it (with its text) — at a thousand documents,
    a third of the looks of each read an accepted fact costs."""
    outer = getattr(_PASS, "looked", None)
    _PASS.looked = {} if outer is None else outer
    try:
        yield
    finally:
        _PASS.looked = outer
