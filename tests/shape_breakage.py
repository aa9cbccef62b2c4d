"""Shared by the shape-focus tests: every property shape broken on a bundled node, and the two ways to check it
(see tests/test_shape_focus.py)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from diplograph import validate
from diplograph.corpus import document_graph, read_corpus
from diplograph.layout import Layout
from diplograph.namespaces import RDF, RDFS, SH
from diplograph.validate import Context, check_document

__all__ = ["Breakage", "breakages", "bundled", "check_both_ways", "focused_problems", "full_problems", "ident",
           "instance_of"]


@dataclass(frozen=True)
class Breakage:
    shape_class: URIRef
    path: URIRef
    how: str  # "removed" or "string"


def breakages() -> list[Breakage]:
    shapes = Graph().parse(Layout.default().shapes_file, format="turtle")
    found = []
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef):
                continue
            if int(shapes.value(prop, SH.minCount) or 0) >= 1:
                found.append(Breakage(cls, path, "removed"))
            if any(shapes.value(prop, term) is not None for term in (SH["class"], SH["in"], SH.node)):
                found.append(Breakage(cls, path, "string"))
    return sorted(set(found), key=lambda b: (str(b.shape_class), str(b.path), b.how))


@functools.cache
def bundled():
    layout = Layout.default()
    corpus = read_corpus(layout, validate=False)
    return layout, corpus, Context.of(corpus.shared)


def instance_of(corpus, context: Context, breakage: Breakage):
    """A document and a node of it of the targeted class (or a subclass) that has the property."""
    classes = {breakage.shape_class, *context.graph.transitive_subjects(RDFS.subClassOf, breakage.shape_class)}
    for document in corpus.documents:
        graph = document_graph(document)
        for node in graph.subjects(RDF.type, None):
            if isinstance(node, URIRef) and set(graph.objects(node, RDF.type)) & classes \
                    and (node, breakage.path, None) in graph:
                return document, graph, node
    return None


def full_problems(layout: Layout, context: Context, graph: Graph, file) -> set[tuple]:
    """The shapes' problems validating every node, kept for the document's own nodes (as before focus nodes)."""
    own = {s for s in graph.subjects() if isinstance(s, URIRef)}
    problems = validate._shape_violations(layout, context.graph, validate._Locator(graph, [file]), graph)
    return {(p.line, p.message, p.focus) for p in problems if p.focus is None or URIRef(p.focus) in own}


@functools.cache
def _shape_messages(shapes_file: Path) -> frozenset[str]:
    return frozenset(str(m) for m in Graph().parse(shapes_file, format="turtle").objects(None, SH.message))


def focused_problems(layout: Layout, context: Context, graph: Graph, file) -> set[tuple]:
    problems, _ = check_document(layout, context, file, graph)
    return {(p.line, p.message, p.focus) for p in problems
            if any(p.message.startswith(m) for m in _shape_messages(layout.shapes_file)) or "(path " in p.message}




def check_both_ways(breakage: Breakage) -> None:
    """Break a bundled node as ``breakage`` says; the same shape problems both ways, and one at that node."""
    layout, corpus, context = bundled()
    found = instance_of(corpus, context, breakage)
    if found is None:
        pytest.skip(f"no bundled node of {breakage.shape_class} has {breakage.path}")
    document, graph, node = found
    graph.remove((node, breakage.path, None))
    if breakage.how == "string":
        graph.add((node, breakage.path, Literal("not a node")))
    full = full_problems(layout, context, graph, document.file)
    focused = focused_problems(layout, context, graph, document.file)
    assert focused == full
    assert any(focus == str(node) for _, _, focus in focused), f"{node} {breakage.path} {breakage.how}: {focused}"


def ident(breakage: Breakage) -> str:
    return f"{breakage.shape_class.split('#')[-1]}-{breakage.path.split('#')[-1].split('/')[-1]}-{breakage.how}"
