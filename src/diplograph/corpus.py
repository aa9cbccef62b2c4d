"""The data files read document by document, each parsed and checked once per content, the rest from an index.

A corpus grows one document at a time, so every step should cost what the
changed document costs. Each document's graph (as N-Quads), its index — what
it describes, what it refers to, its classes and aliases — and the result of
its checks are kept in the cache folder, named by what they depend on: the
document's bytes, the ontology, shapes and reference entities, the code (and,
for the checks, the classes of what it refers to in other documents and the
digests of the texts it quotes). An unchanged document costs a look-up.

What crosses documents — references to what no file describes, the same IRI
described by two documents, one alias for two entities — is worked out from
the indexes alone. Checks of many changed documents run in parallel.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path

import orjson
from rdflib import Dataset, Graph, URIRef

from . import cache
from .cache import code_digest
from .crossing import Index, across
from .errors import DataError, Problem
from .layout import ENTITIES_GRAPH, ONTOLOGY_GRAPH, Layout
from .load import parse_into, read_file
from .names import Names
from .namespaces import DGS, RDF
from .sheets import SourceFile
from .validate import Context, check_document, check_shared

__all__ = ["Corpus", "Document", "check_key", "read_corpus", "shared_key", "validate_files"]

_FORMAT = 1
_PARALLEL_FROM = 6
"""Checks of at least this many changed documents are spread over the processors."""

Progress = Callable[[str, int, int], None]
"""Told (what is being done, how many done, of how many)."""


@dataclass
class Document:
    """One document's file, its graph as N-Quads, its index and the problems its own checks found."""

    file: SourceFile
    key: str
    index: Index
    nquads: bytes = field(repr=False, default=b"")
    problems: list[Problem] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.file.path.stem


@dataclass
class Corpus:
    """Every file of a layout, read: the shared graphs (ontology, reference entities), each document, the problems."""

    shared: Dataset
    shared_files: list[SourceFile]
    documents: list[Document]
    problems: list[Problem]
    checked: list[str] = field(default_factory=list)
    """The documents whose checks were computed this time (not taken from the cache)."""
    shared_key: str = ""
    """A digest of what every document depends on (ontology, shapes, reference entities, code)."""

    @property
    def keys(self) -> dict[str, str]:
        """Each document's name → the digest of its content."""
        return {document.name: document.key for document in self.documents}

    @property
    def files(self) -> list[SourceFile]:
        return self.shared_files + [document.file for document in self.documents]

    def dataset(self) -> Dataset:
        """Every graph in one rdflib dataset (for a remote store's upload; costly at scale)."""
        dataset = Dataset(default_union=True)
        for quad in self.shared.quads((None, None, None, None)):
            dataset.add(quad)
        for part in self.nquads():
            dataset.parse(data=part, format="nquads")
        return dataset

    def nquads(self) -> Iterator[bytes]:
        """Every document's graph, as N-Quads, document by document."""
        for document in self.documents:
            yield document.nquads


def shared_key(layout: Layout, shared: str) -> str:
    """``shared`` (what all documents share) with the N-Quads files by size and time: a change to either means
    every graph must be loaded again."""
    bulk = [(str(path), path.stat().st_size, path.stat().st_mtime_ns)
            for path, graph in layout.files() if graph is None]
    return f"{shared}:{bulk}"


def validate_files(layout: Layout, overrides: dict[Path, str] | None = None,
                   progress: Progress | None = None) -> list[Problem]:
    """Every problem of ``layout``'s files (with ``overrides``, a file's text as it would be written); empty when
    valid. Unchanged documents cost a look-up in the cache."""
    try:
        return read_corpus(layout, overrides=overrides, progress=progress, graphs=False).problems
    except DataError as error:
        return error.problems


def read_corpus(layout: Layout, *, validate: bool = True, overrides: dict[Path, str] | None = None,
                progress: Progress | None = None, graphs: bool = True, held: dict[str, str] | None = None
                ) -> Corpus:
    """Read and (by default) check every file of ``layout``, one document at a time (see the module).

    ``graphs`` False leaves the documents' N-Quads unread (validation needs only the indexes), as ``held`` does
    for the documents it names with their content keys (a store holds their graphs already).

    Raises
    ------
    DataError
        naming ``file:line`` for every file that does not parse.
    """
    shared, shared_files, shared_key = _read_shared(layout, overrides)
    names = Names.of(shared)
    documents, problems = [], []
    paths = [path for path, graph in layout.files() if graph not in (None, ONTOLOGY_GRAPH, ENTITIES_GRAPH)]
    for number, path in enumerate(paths, start=1):
        try:
            wanted = graphs and not (held and held.get(path.stem) == _content_key(shared_key, path, overrides))
            documents.append(_document(layout, path, shared_key, names, overrides, wanted))
        except DataError as error:
            problems += error.problems
        if progress and (number % 50 == 0 or number == len(paths)):
            progress("reading documents", number, len(paths))
    if problems:
        raise DataError(problems)
    corpus = Corpus(shared, shared_files, documents, [], shared_key=shared_key)
    if validate:
        def reread(document: Document) -> bytes:
            return _document(layout, document.file.path, shared_key, names, overrides, True).nquads

        corpus.problems = _check(layout, corpus, shared_key, reread, progress)
    return corpus


# --------------------------------------------------------------------------- reading

def _read_shared(layout: Layout, overrides: dict[Path, str] | None) -> tuple[Dataset, list[SourceFile], str]:
    """The ontology and reference entities, parsed; and a digest of everything every document depends on."""
    shared = Dataset(default_union=True)
    files, problems = [], []
    digest = hashlib.sha256(f"{_FORMAT}:{code_digest()}".encode())
    for extra in (layout.shapes_file, layout.context_file):
        digest.update(extra.read_bytes() if extra.is_file() else b"-")
    for path, graph in layout.files():
        if graph not in (ONTOLOGY_GRAPH, ENTITIES_GRAPH):
            continue
        try:
            file = read_file(layout, path, graph, overrides)
            files.append(file)
            digest.update(f"{path}\0{graph}\0".encode() + hashlib.sha256(file.text.encode()).digest())
            parse_into(shared.graph(graph), file, layout)
        except DataError as error:
            problems += error.problems
    if problems:
        raise DataError(problems)
    return shared, files, digest.hexdigest()


def _document(layout: Layout, path: Path, shared_key: str, names: Names, overrides: dict[Path, str] | None,
              graphs: bool) -> Document:
    """One document, parsed — or, when this content was parsed before, its graph and index from the cache."""
    file = read_file(layout, path, URIRef(f"{DGS}{path.stem}"), overrides)
    key = _content_key(shared_key, path, overrides, file.text)
    kept = _kept_index(key)
    if kept is not None:
        index, digest = kept
        if not graphs:
            return Document(file, key, index)
        nquads = cache.read("graphs", key)
        if nquads is not None and hashlib.sha256(nquads).hexdigest() == digest:
            return Document(file, key, index, nquads)
    graph = Graph(identifier=file.graph)
    parse_into(graph, file, layout, names)
    nquads = _as_nquads(graph)
    index = Index.of(graph)
    cache.write("graphs", key, nquads)
    cache.write("indexes", key, orjson.dumps({"format": _FORMAT, "key": key, "index": index.as_json(),
                                              "graph": hashlib.sha256(nquads).hexdigest()}))
    return Document(file, key, index, nquads)


def _content_key(shared_key: str, path: Path, overrides: dict[Path, str] | None, text: str | None = None) -> str:
    """What names a document's parse: its name and bytes, and everything every document depends on."""
    if text is None:
        try:
            text = overrides[path] if overrides and path in overrides else path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""
    return hashlib.sha256(f"{shared_key}\0{path.name}\0".encode() + text.encode()).hexdigest()


def _kept_index(key: str) -> tuple[Index, str] | None:
    """A document's index and the digest of its N-Quads, as kept for exactly this content; None if not kept."""
    raw = cache.read("indexes", key)
    try:
        kept = orjson.loads(raw) if raw is not None else None
        if kept and kept.get("format") == _FORMAT and kept.get("key") == key:
            return Index.from_json(kept["index"]), str(kept["graph"])
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        pass
    return None


def _as_nquads(graph: Graph) -> bytes:
    dataset = Dataset()
    named = dataset.graph(graph.identifier)
    for triple in graph:
        named.add(triple)
    return dataset.serialize(format="nquads", encoding="utf-8")


def document_graph(document: Document) -> Graph:
    """A document's graph, read back from its N-Quads."""
    dataset = Dataset()
    dataset.parse(data=document.nquads, format="nquads")
    return dataset.graph(document.file.graph)


# --------------------------------------------------------------------------- checking

def _check(layout: Layout, corpus: Corpus, shared_key: str, reread: Callable[[Document], bytes],
           progress: Progress | None) -> list[Problem]:
    problems = _kept_check(layout, f"shared-{shared_key}")
    if problems is None:
        problems = check_shared(layout, corpus.shared, corpus.shared_files, Context.of(corpus.shared))
        _remember_check(f"shared-{shared_key}", problems, {})
    types = _types(corpus)
    todo: list[tuple[Document, str, list]] = []
    for document in corpus.documents:
        elsewhere = _elsewhere(document, types)
        key = check_key(document, elsewhere)
        found = _kept_check(layout, key)
        if found is None:
            todo.append((document, key, elsewhere))
        else:
            document.problems = found
    for document, _, _ in todo:
        if not document.nquads:  # read for its index only: its graph is needed now
            document.nquads = reread(document)
    for (document, key, _), (found, reads) in zip(todo, _run_checks(layout, corpus, todo, progress), strict=True):
        document.problems = found
        _remember_check(key, found, reads)
    corpus.checked = [document.name for document, _, _ in todo]
    for document in corpus.documents:
        problems += document.problems
    problems += across(corpus.shared, [(d.file, d.index) for d in corpus.documents])
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


def check_key(document: Document, elsewhere: list[list[str]]) -> str:
    """What names a document's checks: its content key and the classes other documents give what it refers to."""
    return hashlib.sha256(document.key.encode() + orjson.dumps(elsewhere)).hexdigest()


def _types(corpus: Corpus) -> dict[str, dict[str, list[str]]]:
    """Each IRI a document gives a class → (document name → its classes there)."""
    found: dict[str, dict[str, list[str]]] = {}
    for document in corpus.documents:
        for iri, classes in document.index.types.items():
            found.setdefault(iri, {})[document.name] = classes
    return found


def _elsewhere(document: Document, types: dict[str, dict[str, list[str]]]) -> list[list[str]]:
    """The classes other documents give to what ``document`` refers to or describes, as sorted (IRI, class) pairs."""
    pairs = set()
    for iri in document.index.refers | document.index.described:
        for name, classes in types.get(iri, {}).items():
            if name != document.name:
                pairs.update((iri, cls) for cls in classes)
    return [list(pair) for pair in sorted(pairs)]


def _run_checks(layout: Layout, corpus: Corpus, todo: list[tuple[Document, str, list]],
                progress: Progress | None) -> Iterator[tuple[list[Problem], dict[str, str]]]:
    """The checks of each document of ``todo``, in order; over several processes when there are many."""
    jobs = [(document.file, document.nquads, elsewhere) for document, _, elsewhere in todo]
    if not jobs:
        return
    workers = min(len(os.sched_getaffinity(0)), len(jobs)) if len(jobs) >= _PARALLEL_FROM else 1
    if workers <= 1:
        _init_worker(layout, corpus.shared)
        results: Iterable = map(_check_one, jobs)
        pool = None
    else:  # spawned, not forked: a server's sockets and threads must not be copied into the checkers
        pool = ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_init_worker,
                                   initargs=(layout, None))
        results = pool.map(_check_one, jobs, chunksize=4)
    try:
        for number, result in enumerate(results, start=1):
            if progress and (number % 10 == 0 or number == len(jobs)):
                progress("checking documents", number, len(jobs))
            yield result
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


_WORKER: dict[str, object] = {}


def _init_worker(layout: Layout, shared: Dataset | None) -> None:
    if shared is None:
        shared = _read_shared(layout, None)[0]
    _WORKER.update(layout=layout, context=Context.of(shared))


def _check_one(job: tuple[SourceFile, bytes, list]) -> tuple[list[Problem], dict[str, str]]:
    file, nquads, elsewhere = job
    dataset = Dataset()
    dataset.parse(data=nquads, format="nquads")
    triples = [(URIRef(iri), RDF.type, URIRef(cls)) for iri, cls in elsewhere]
    return check_document(_WORKER["layout"], _WORKER["context"], file, dataset.graph(file.graph),  # type: ignore
                          triples)


def _kept_check(layout: Layout, key: str) -> list[Problem] | None:
    """The problems kept for check ``key``, if kept and the texts it read are unchanged."""
    raw = cache.read("checks", key)
    try:
        kept = orjson.loads(raw) if raw is not None else None
        if not (kept and kept.get("format") == _FORMAT and kept.get("key") == key):
            return None
        for relative, digest in kept["reads"].items():
            path = layout.data / relative
            actual = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
            if actual != digest:
                return None
        return [Problem(p["file"], p["line"], p["message"], p["focus"]) for p in kept["problems"]]
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError, OSError):
        return None


def _remember_check(key: str, problems: list[Problem], reads: dict[str, str]) -> None:
    cache.write("checks", key, orjson.dumps({
        "format": _FORMAT, "key": key, "reads": reads,
        "problems": [{"file": p.file, "line": p.line, "message": p.message, "focus": p.focus} for p in problems]}))
