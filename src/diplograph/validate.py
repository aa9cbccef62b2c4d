"""Checks that the data is well formed and faithful: ontology terms, SHACL shapes, quotes against sources."""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from . import shacl
from .errors import DataError, DiplographError, Problem, relative
from .layout import ONTOLOGY_GRAPH, Layout
from .load import parse_into
from .namespaces import DCTERMS, DG, OA, PROV, RDF, RDFS, SKOS
from .sheets import SourceFile
from .terms import short

__all__ = ["Context", "check_document", "check_shared", "read_source_text", "source_path"]

# Namespaces whose terms a data file may only use if the ontology declares them.
_CHECKED_NAMESPACES = (str(DG), str(PROV), str(OA), str(DCTERMS), str(SKOS), str(RDFS))
_ALWAYS_KNOWN = {RDF.type}


@dataclass(frozen=True)
class Context:
    """What every document is checked against: the ontology and the reference entities, as one graph."""

    graph: Graph
    declared: frozenset[Node]
    """The terms the ontology declares."""

    @classmethod
    def of(cls, shared: Dataset) -> Context:
        graph = Graph()
        for s, p, o, _ in shared.quads((None, None, None, None)):
            graph.add((s, p, o))
        return cls(graph, frozenset(shared.graph(ONTOLOGY_GRAPH).subjects()) | _ALWAYS_KNOWN)


def check_shared(layout: Layout, shared: Dataset, files: list[SourceFile], context: Context) -> list[Problem]:
    """The ontology and the reference entities on their own: terms, shapes, control characters."""
    locator = _Locator(context.graph, files)
    problems: list[Problem] = []
    for file in files:
        parsed = Graph()
        parse_into(parsed, file, layout)
        problems += _unknown_terms(context.declared, file, parsed)
        problems += _literal_problems(file, parsed, locator)
        if file.graph != ONTOLOGY_GRAPH:  # evidence belongs in its document's own file, never in shared ones
            problems += _evidence_problems(parsed, file.graph, {}, file, _Locator(parsed, [file]))
    problems += _shape_violations(layout, context.graph, locator)
    return _sorted(problems)


def check_document(layout: Layout, context: Context, file: SourceFile, graph: Graph,
                   elsewhere: Iterable[tuple[Node, Node, Node]] = (),
                   nquads: bytes | None = None) -> tuple[list[Problem], dict[str, str]]:
    """Every check of one document's graph: terms, shapes, its source text and quotes, control characters.

    ``elsewhere`` are the classes (``rdf:type`` triples) of what the document
    refers to that other documents describe, so that ``sh:class`` sees them;
    shapes are reported only for nodes this document describes (the others
    are checked in their own). ``nquads`` is ``graph`` as N-Quads, when the caller has them (the SHACL engine
    may read them rather than a serialization of the graph). Returns the problems and the files read, each
    with its SHA-256 ("" when unreadable): a remembered result holds while they are unchanged.
    """
    locator = _Locator(graph, [file])
    problems = list(_unknown_terms(context.declared, file, graph))
    own = {s for s in graph.subjects() if isinstance(s, URIRef)}
    problems += [p for p in _shape_violations(layout, context.graph, locator, graph, elsewhere, own, nquads)
                 if p.focus is None or URIRef(p.focus) in own]
    reads: dict[str, str] = {}
    problems += _source_problems(layout, file, graph, locator, reads)
    problems += _literal_problems(file, graph, locator)
    return _sorted(problems), reads


def _sorted(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message))


# --------------------------------------------------------------------------- terms

def _unknown_terms(declared: frozenset[Node], file: SourceFile, parsed: Graph) -> Iterator[Problem]:
    """Terms in the checked namespaces that the ontology does not declare: typos, mostly."""
    seen: set[URIRef] = set()
    for s, p, o in parsed:
        for term in (s, p, o):
            if not isinstance(term, URIRef) or term in declared or term in seen:
                continue
            reused = str(term).startswith(_CHECKED_NAMESPACES) and (term is p or (p == RDF.type and term is o))
            # The ontology may use any OWL/RDFS machinery; data files only declared terms.
            checked_here = str(term).startswith(str(DG)) or (reused and file.graph != ONTOLOGY_GRAPH)
            if checked_here:
                seen.add(term)
                yield Problem(file.display, file.line_of(str(term)),
                              f"unknown term {short_in(term, file)}{_suggestion(term, declared, file)}")


def _suggestion(term: URIRef, declared: frozenset[Node], file: SourceFile) -> str:
    namespace = str(term).rsplit("#", 1)[0] if "#" in term else str(term).rsplit("/", 1)[0]
    same_namespace = [str(d) for d in declared if isinstance(d, URIRef) and str(d).startswith(namespace)]
    close = difflib.get_close_matches(str(term), same_namespace, n=1, cutoff=0.8)
    if close:
        return f" (not in the ontology; did you mean {short_in(URIRef(close[0]), file)}?)"
    return " (not in the ontology)"


def short_in(term: URIRef, file: SourceFile) -> str:
    """``term`` as ``file`` spells it (a prefixed name where it declares one)."""
    spellings = file.spellings(str(term))
    return spellings[1] if len(spellings) > 1 else spellings[0]




def _literal_problems(file: SourceFile, graph: Graph, locator: _Locator) -> Iterator[Problem]:
    """Labels, quotes and metadata with control characters (tab and line ends aside): no output format can carry
    them faithfully (XML cannot at all), and no source text has them. And literals whose text is not a value of
    their datatype (``"2025-13-45"^^xsd:date``): no query could compare them, and rudof's ``sh:datatype`` lets
    some through."""
    from .extract import CONTROL_CHARACTERS

    for subject, _, value in graph:
        if not isinstance(value, Literal):
            continue
        found = CONTROL_CHARACTERS.search(value)
        if found:
            shown, line, named = locator.locate(subject)
            yield Problem(shown, line, f"control character U+{ord(found.group()):04X} in the text "
                                       f"{_clip(str(value)[:60])!r}; remove it", focus=named)
        if value.datatype is not None and value.ill_typed:
            shown, line, named = locator.locate(subject)
            yield Problem(shown, line, f"{_clip(str(value))!r} is not a valid {short(value.datatype)}", focus=named)


# --------------------------------------------------------------------------- SHACL

def _shape_violations(layout: Layout, context: Graph, locator: _Locator, graph: Graph | None = None,
                      extra: Iterable[tuple[Node, Node, Node]] = (), own: set[URIRef] | None = None,
                      nquads: bytes | None = None) -> list[Problem]:
    """The shapes' violations in ``context`` + ``graph`` + ``extra``; only of the nodes ``own`` names, when given."""
    found = shacl.violations(shacl.shapes_of(layout.shapes_file), context, graph if graph is not None else Graph(),
                             extra, own, nquads=nquads)
    problems = []
    for violation in found:
        message = violation.message
        if isinstance(violation.path, URIRef):
            message = f"{message} (path {short(violation.path)})"
        file, line, named = locator.locate(violation.focus)
        problems.append(Problem(file, line, message, focus=named))
    return problems


# --------------------------------------------------------------------------- sources and quotes

def read_source_text(layout: Layout, text_file: str) -> str:
    """The unchanged text of a source document, given its ``dg:textFile`` (a path inside the data folder).

    Raises
    ------
    DataError
        when the path leads outside the data folder's ``sources/`` (``..``, an absolute path, a symlink out).
    """
    return source_path(layout, text_file).read_text(encoding="utf-8")


def source_path(layout: Layout, text_file: str) -> Path:
    """``text_file`` resolved inside ``data/sources/``, symlinks followed, or a DataError naming it."""
    folder = layout.sources_dir.resolve()
    path = (layout.data / text_file).resolve()
    if not path.is_relative_to(folder):
        raise DataError([Problem(text_file, None, f"a source text must be a file in {layout.sources_dir}; "
                                                  f"{text_file!r} leads elsewhere")])
    return path


def _source_problems(layout: Layout, file: SourceFile, graph: Graph, locator: _Locator,
                     reads: dict[str, str]) -> Iterator[Problem]:
    texts: dict[URIRef, str] = {}
    if file.path.parent.resolve() == layout.documents_dir.resolve():
        yield from _document_header_problems(layout, graph, file, texts, reads)
    yield from _evidence_problems(graph, file.graph, texts, file, locator)


def _document_header_problems(layout: Layout, graph: Graph, file: SourceFile, texts: dict[URIRef, str],
                              reads: dict[str, str]) -> Iterator[Problem]:
    """A document file describes its own source, whose text exists and has not changed."""
    name = file.graph
    if (name, RDF.type, DG.SourceDocument) not in graph:
        yield Problem(file.display, 1, f"a document file must describe its source <{name}> as a dg:SourceDocument "
                                       f"(the file name gives the source's IRI)")
        return
    text_file = graph.value(name, DG.textFile)
    if text_file is None:
        return  # reported by SHACL
    line = file.line_of(str(name))
    raw, problem = _registered(layout, str(text_file), graph.value(name, DG.sha256), "source text",
                               "has changed since it was registered", reads)
    if problem:
        yield Problem(file.display, line, problem)
    if raw is None:
        return
    try:
        texts[name] = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        yield Problem(file.display, line, f"cannot read source text {text_file}: {error}")
        return
    original = graph.value(name, DG.originalFile)
    kept = None
    if original is not None:
        kept, problem = _registered(layout, str(original), graph.value(name, DG.originalSha256), "original file",
                                    "is not the one registered", reads)
        if problem:
            yield Problem(file.display, line, problem)
    yield from _damaged_text(layout, str(text_file), texts[name], kept)


def _damaged_text(layout: Layout, text_file: str, text: str, original: bytes | None) -> Iterator[Problem]:
    """A source text with replacement characters its original lacks (decoded in the wrong encoding), or with
    control characters no text carries: reported at its line in the text file."""
    from .extract import CONTROL_CHARACTERS, decode

    shown = relative(layout.data / text_file, layout.root)
    at = text.find("\ufffd")
    if at >= 0:
        try:
            source = decode(Path(text_file), original, html=True)[0] if original is not None else ""
        except DiplographError:
            source = ""
        if "\ufffd" not in source:
            yield Problem(shown, text.count("\n", 0, at) + 1, "replacement character U+FFFD: the text was decoded "
                          "in the wrong encoding; remove the source and add it again from its original")
    control = CONTROL_CHARACTERS.search(text)
    if control:
        yield Problem(shown, text.count("\n", 0, control.start()) + 1,
                      f"control character U+{ord(control.group()):04X} in a source text; remove it")


def _registered(layout: Layout, relative: str, recorded, what: str, changed: str, reads: dict[str, str]
                ) -> tuple[bytes | None, str | None]:
    """A file a document registers (its text, its original), read inside the data folder and checked against its
    recorded SHA-256: its bytes (None when it cannot be read), and what is wrong with it, if anything. ``reads``
    gets its path and digest."""
    reads[relative] = ""
    try:
        raw = source_path(layout, relative).read_bytes()
    except OSError as error:
        return None, f"cannot read {what} {relative}: {error}"
    except DataError as error:
        return None, error.problems[0].message
    actual = reads[relative] = hashlib.sha256(raw).hexdigest()
    if recorded is not None and str(recorded) != actual:
        return raw, f"{what} {relative} {changed} (sha256 {actual}, recorded {recorded})"
    return raw, None


def _evidence_problems(graph: Graph, name: URIRef, texts: dict[URIRef, str], file: SourceFile,
                       locator: _Locator) -> Iterator[Problem]:
    for evidence, source in graph.subject_objects(OA.hasSource):
        for selector in graph.objects(evidence, OA.hasSelector):
            exact = graph.value(selector, OA.exact)
            if exact is None:
                continue  # reported by SHACL
            if source != name:
                shown, line = _quote_location(str(exact), file, locator, evidence)
                yield Problem(shown, line, f"evidence cites <{source}>, but this file holds the facts of <{name}>; "
                                          "quote a document only in its own file")
                continue
            text = texts.get(name)
            if text is None:
                continue
            prefix = str(graph.value(selector, OA.prefix) or "")
            suffix = str(graph.value(selector, OA.suffix) or "")
            if prefix + str(exact) + suffix not in text:  # located only then: a search of the file's lines
                shown, line = _quote_location(str(exact), file, locator, evidence)
                yield Problem(shown, line, f"quote not found verbatim in its source: {_clip(str(exact))!r}"
                                          f"{_nearest_hint(str(exact), text)}")


def _quote_location(exact: str, file: SourceFile, locator: _Locator, evidence: Node) -> tuple[str, int | None]:
    for needle in (Literal(exact).n3()[1:41].rstrip("\\"), exact[:40]):
        line = file.line_containing(needle)
        if line:
            return file.display, line
    file, line, _ = locator.locate(evidence)
    return file, line


def _nearest_hint(quote: str, text: str) -> str:
    """Point at the closest passage, so that a typo in a long quote is quick to fix."""
    matcher = difflib.SequenceMatcher(None, text, quote, autojunk=False)
    match = matcher.find_longest_match(0, len(text), 0, len(quote))
    if match.size < 10:
        return ""
    start = max(0, match.a - match.b)
    return f"; closest passage: {_clip(text[start:start + len(quote)])!r}"


def _clip(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- locating nodes

@dataclass
class _Locator:
    """Finds the file and line that describe a node; blank nodes are traced to the named node that holds them."""

    graph: Graph
    files: list[SourceFile]

    def locate(self, node: Node | None) -> tuple[str, int | None, str | None]:
        named = self._named_holder(node)
        if named is None:
            return (self.files[0].display if self.files else "?"), None, None
        for file in self.files:
            line = file.line_of(str(named))
            if line:
                return file.display, line, str(named)
        return "?", None, str(named)

    def _named_holder(self, node: Node | None, depth: int = 0) -> URIRef | None:
        if isinstance(node, URIRef):
            return node
        if isinstance(node, BNode) and depth < 5:
            for holder in self.graph.subjects(None, node):
                found = self._named_holder(holder, depth + 1)
                if found is not None:
                    return found
        return None
