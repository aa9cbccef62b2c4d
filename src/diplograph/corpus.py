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
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

import orjson
from rdflib import Dataset, Graph, URIRef

from . import cache, shacl
from .cache import code_digest
from .checking import FORMAT, Progress, Workers, kept_check, remember_check
from .convert import graph_of_nquads
from .crossing import Crossings, Elsewhere, Index, across
from .errors import DataError, Problem
from .layout import ENTITIES_GRAPH, ONTOLOGY_GRAPH, Layout
from .load import one_look, read_file, read_shared, signature
from .namespaces import DGS
from .sheets import SourceFile
from .validate import Context, check_shared

__all__ = ["Corpus", "Document", "Progress", "check_key", "kept_graph", "read_corpus", "shared_key",
           "source_files", "validate_files"]



@dataclass
class Document:
    """One document's file, its graph as N-Quads, its index and the problems its own checks found."""

    file: SourceFile
    key: str
    index: Index
    digest: str = ""
    """The SHA-256 of its N-Quads (a kept graph is used only when it still has it)."""
    nquads: bytes = field(repr=False, default=b"")
    problems: list[Problem] = field(default_factory=list)
    name: str = ""
    """Its name (its file's stem): asked for a few times per document on each read, so kept, not worked out."""

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.file.path.stem


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


def source_files(layout: Layout) -> list[SourceFile]:
    """Every file a corpus of ``layout`` is read from, as text, in the order of ``Corpus.files``, unparsed.

    Raises
    ------
    DataError
        naming a file that cannot be read.
    """
    shared, documents = [], []
    for path, graph in layout.files():
        if graph in (ONTOLOGY_GRAPH, ENTITIES_GRAPH):
            shared.append(read_file(layout, path, graph))
        elif graph is not None:
            documents.append(read_file(layout, path, URIRef(f"{DGS}{path.stem}")))
    return shared + documents


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
    shared, shared_files, shared_key = read_shared(layout, overrides, _salt())
    paths = [path for path, graph in layout.files() if graph not in (None, ONTOLOGY_GRAPH, ENTITIES_GRAPH)]
    with Workers(layout, shared, overrides) as workers, one_look():
        documents = _read_documents(layout, paths, shared_key, overrides, graphs, held, workers, progress)
        corpus = Corpus(shared, shared_files, documents, [], shared_key=shared_key)
        if validate:
            corpus.problems = _check(layout, corpus, workers, progress)
    return corpus


def _salt() -> str:
    """What every kept result also depends on: the format of what is kept, the code, the SHACL engine."""
    return f"{FORMAT}:{code_digest()}:{shacl.engine_name()}"


# --------------------------------------------------------------------------- reading

def _read_documents(layout: Layout, paths: list[Path], shared_key: str, overrides: dict[Path, str] | None,
                    graphs: bool, held: dict[str, str] | None, workers: Workers,
                    progress: Progress | None) -> list[Document]:
    """Every document: known ones from this process's memory or the cache, the others parsed by ``workers``."""
    documents: list[Document | None] = []
    unparsed: list[tuple[int, SourceFile, str]] = []
    problems: list[Problem] = []
    for number, path in enumerate(paths, start=1):
        try:
            found = _known(layout, path, shared_key, overrides, graphs, held)
        except DataError as error:
            problems += error.problems
            continue
        if isinstance(found, Document):
            documents.append(found)
        else:
            unparsed.append((len(documents), *found))
            documents.append(None)
        if progress and (number % 100 == 0 or number == len(paths)):
            progress("reading documents", number, len(paths))
    jobs = [(file, key) for _, file, key in unparsed]
    for (at, file, key), parsed in zip(unparsed, workers.parse(jobs, progress), strict=True):
        if isinstance(parsed, list):
            problems += parsed
            continue
        nquads, index, digest = parsed  # kept in the cache folder by the process that parsed it
        documents[at] = Document(file, key, index, digest, nquads)
        _remember(file.path, shared_key, overrides, documents[at])
    if problems:
        raise DataError(problems)
    return [document for document in documents if document is not None]


_SEEN: dict[Path, tuple[tuple, Document]] = {}
"""Documents read by this process: path → (what the file and shared graphs were, the document without graph)."""


def _known(layout: Layout, path: Path, shared_key: str, overrides: dict[Path, str] | None, graphs: bool,
           held: dict[str, str] | None) -> Document | tuple[SourceFile, str]:
    """A document read before — by this process (its file unchanged), or into the cache (its content the same)
    — with its graph when ``graphs`` asks and ``held`` does not hold it; else its file and key, to be parsed."""
    seen = None if overrides and path in overrides else _SEEN.get(path)
    if seen is not None and seen[0] == (shared_key, signature(path)):
        kept = seen[1]
        document = Document(kept.file, kept.key, kept.index, kept.digest, name=kept.name)  # its graph, problems set
    else:
        file = read_file(layout, path, URIRef(f"{DGS}{path.stem}"), overrides)
        key = _content_key(shared_key, path, overrides, file.text)
        kept = _kept_index(key)
        if kept is None:
            return file, key
        document = Document(file, key, *kept)
        _remember(path, shared_key, overrides, document)
    if graphs and not (held and held.get(path.stem) == document.key):
        nquads = cache.read("graphs", document.key)
        if nquads is None or hashlib.sha256(nquads).hexdigest() != document.digest:
            return document.file, document.key  # the kept graph is gone or damaged: parse again
        document.nquads = nquads
    return document


def _remember(path: Path, shared_key: str, overrides: dict[Path, str] | None, document: Document) -> None:
    if overrides and path in overrides:
        return  # not the file's content
    if len(_SEEN) >= 20_000:
        _SEEN.clear()
    _SEEN[path] = ((shared_key, signature(path)), replace(document, nquads=b"", problems=[]))


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
        if kept and kept.get("format") == FORMAT and kept.get("key") == key:
            return Index.from_json(kept["index"]), str(kept["graph"])
    except (orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        pass
    return None


def kept_graph(key: str) -> bytes | None:
    """The N-Quads of the document of content ``key`` as validation kept them, if still there and whole."""
    kept = _kept_index(key)
    nquads = cache.read("graphs", key) if kept is not None else None
    if kept is None or nquads is None or hashlib.sha256(nquads).hexdigest() != kept[1]:
        return None
    return nquads


def document_graph(document: Document) -> Graph:
    """A document's graph, read back from its N-Quads."""
    return graph_of_nquads(document.nquads, document.file.graph)


# --------------------------------------------------------------------------- checking

def _check(layout: Layout, corpus: Corpus, workers: Workers, progress: Progress | None) -> list[Problem]:
    key = f"shared-{corpus.shared_key}"
    problems = kept_check(layout, key)
    if problems is None:
        problems = check_shared(layout, corpus.shared, corpus.shared_files, Context.of(corpus.shared))
        remember_check(layout, key, problems, {})
    same = _as_last_checked(layout, corpus)
    if same is not None:
        return sorted(set(problems + same), key=lambda p: (p.file, p.line or 0, p.message))
    pairs = _elsewhere(layout, corpus)
    todo: list[tuple[Document, str, list]] = []
    checked_as: dict[str, str] = {}
    for document in corpus.documents:
        elsewhere = pairs[document.name]
        key = checked_as[document.name] = check_key(document, elsewhere)
        found = kept_check(layout, key)
        if found is None:
            todo.append((document, key, elsewhere))
        else:
            document.problems = found
    for document, _, _ in todo:
        if not document.nquads:  # read for its index only: its graph is needed now
            document.nquads = _graph_of(layout, document, workers)
    jobs = [(document.file, document.nquads, elsewhere, key) for document, key, elsewhere in todo]
    for (document, key, _), (found, reads) in zip(todo, workers.check(jobs, progress), strict=True):
        document.problems = found
        remember_check(layout, key, found, reads, kept=True)
    corpus.checked = [document.name for document, _, _ in todo]
    for document in corpus.documents:
        problems += document.problems
    with _KEPT_LOCK:
        crossings = _kept(_CROSSINGS, layout, corpus, lambda: Crossings(corpus.shared))
        crossing = across(crossings, [(d.name, d.file, d.key, d.index) for d in corpus.documents])
    _LAST_CHECKED[layout] = (_signature(corpus), checked_as, crossing)
    problems += crossing
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


_LAST_CHECKED: dict[Layout, tuple[tuple, dict[str, str], list[Problem]]] = {}
"""Per layout, the corpus this process checked last: its documents' content keys, each one's check key, and the
problems across documents. A server that validated an accept's sheet and then serves it reads the same corpus
twice; the second time costs a look-up per document instead of the work across all of them."""


def _signature(corpus: Corpus) -> tuple:
    return (corpus.shared_key, tuple((document.name, document.key) for document in corpus.documents))


def _as_last_checked(layout: Layout, corpus: Corpus) -> list[Problem] | None:
    """The problems of ``corpus`` if it is the one checked last here (and every document's checks still hold);
    else None. Sets each document's problems."""
    last = _LAST_CHECKED.get(layout)
    if last is None or last[0] != _signature(corpus):
        return None
    found = []
    for document in corpus.documents:
        kept = kept_check(layout, last[1][document.name])
        if kept is None:
            return None
        document.problems = kept
        found += kept
    return found + last[2]


def _graph_of(layout: Layout, document: Document, workers: Workers) -> bytes:
    """A document's N-Quads: kept, or parsed again."""
    nquads = cache.read("graphs", document.key)
    if nquads is not None and hashlib.sha256(nquads).hexdigest() == document.digest:
        return nquads
    parsed = next(workers.parse([(document.file, document.key)]))
    if isinstance(parsed, list):
        raise DataError(parsed)
    return parsed[0]


def check_key(document: Document, elsewhere: list[list[str]]) -> str:
    """What names a document's checks: its content key and the classes other documents give what it refers to."""
    return hashlib.sha256(document.key.encode() + orjson.dumps(elsewhere)).hexdigest()


def _elsewhere(layout: Layout, corpus: Corpus) -> dict[str, list[list[str]]]:
    """Each document's (IRI, class) pairs from the other documents, from what this process worked out for the
    corpus it checked last, brought up to ``corpus`` (see ``crossing.Elsewhere``)."""
    with _KEPT_LOCK:
        found = _kept(_ELSEWHERE, layout, corpus, Elsewhere)
        return found.update({document.name: (document.key, document.index) for document in corpus.documents})


T = TypeVar("T")


def _kept(table: dict[Layout, tuple[str, T]], layout: Layout, corpus: Corpus, make: Callable[[], T]) -> T:
    """What this process keeps of ``layout``'s documents in ``table``, made again when the shared files changed."""
    shared, found = table.get(layout, ("", None))
    if found is None or shared != corpus.shared_key:
        found = make()
        table[layout] = (corpus.shared_key, found)
    return found


_ELSEWHERE: dict[Layout, tuple[str, Elsewhere]] = {}
_CROSSINGS: dict[Layout, tuple[str, Crossings]] = {}
_KEPT_LOCK = threading.Lock()
