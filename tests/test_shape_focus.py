"""A document's shapes are validated from its own named nodes (pySHACL's focus nodes) instead of from every node
of the shared graphs too: the same problems must come out either way.

For every property shape of ``ontology/shapes.ttl`` that a class targets, a node of the bundled documents with
that property is broken twice — the values removed, then replaced by a plain string — and each broken document is
checked both ways. What must be reported comes from reading the shapes: removing values breaks ``sh:minCount``; a
string breaks ``sh:class``, ``sh:in``, ``sh:node`` and an IRI ``sh:datatype``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from rdflib import Graph, Literal, URIRef

from diplograph import validate
from diplograph.corpus import document_graph, read_corpus
from diplograph.layout import Layout
from diplograph.namespaces import RDF, RDFS, SH
from diplograph.validate import Context, check_document


@dataclass(frozen=True)
class Breakage:
    shape_class: URIRef
    path: URIRef
    how: str  # "removed" or "string"


def _breakages() -> list[Breakage]:
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


@pytest.fixture(scope="module")
def bundled():
    layout = Layout.default()
    corpus = read_corpus(layout, validate=False)
    return layout, corpus, Context.of(corpus.shared)


def _instance(corpus, context: Context, breakage: Breakage):
    """A document and a node of it of the targeted class (or a subclass) that has the property."""
    classes = {breakage.shape_class, *context.graph.transitive_subjects(RDFS.subClassOf, breakage.shape_class)}
    for document in corpus.documents:
        graph = document_graph(document)
        for node in graph.subjects(RDF.type, None):
            if isinstance(node, URIRef) and set(graph.objects(node, RDF.type)) & classes \
                    and (node, breakage.path, None) in graph:
                return document, graph, node
    return None


def _full(layout: Layout, context: Context, graph: Graph, file) -> set[tuple]:
    """The shapes' problems validating every node, kept for the document's own nodes (as before focus nodes)."""
    own = {s for s in graph.subjects() if isinstance(s, URIRef)}
    problems = validate._shape_violations(layout, context.graph + graph, validate._Locator(graph, [file]))
    return {(p.line, p.message, p.focus) for p in problems if p.focus is None or URIRef(p.focus) in own}


def _focused(layout: Layout, context: Context, graph: Graph, file) -> set[tuple]:
    problems, _ = check_document(layout, context, file, graph)
    shape_messages = {str(m) for m in Graph().parse(layout.shapes_file, format="turtle").objects(None, SH.message)}
    return {(p.line, p.message, p.focus) for p in problems
            if any(p.message.startswith(m) for m in shape_messages) or "(path " in p.message}


@pytest.mark.parametrize("breakage", _breakages(), ids=lambda b: f"{b.shape_class.split('#')[-1]}-"
                                                              f"{b.path.split('#')[-1].split('/')[-1]}-{b.how}")
def test_a_broken_node_is_reported_the_same_from_its_document_s_nodes(bundled, breakage: Breakage) -> None:
    layout, corpus, context = bundled
    found = _instance(corpus, context, breakage)
    if found is None:
        pytest.skip(f"no bundled node of {breakage.shape_class} has {breakage.path}")
    document, graph, node = found
    graph.remove((node, breakage.path, None))
    if breakage.how == "string":
        graph.add((node, breakage.path, Literal("not a node")))
    full = _full(layout, context, graph, document.file)
    focused = _focused(layout, context, graph, document.file)
    assert focused == full
    assert any(focus == str(node) for _, _, focus in focused), f"{node} {breakage.path} {breakage.how}: {focused}"


def test_the_bundled_documents_give_no_shape_problem_either_way(bundled) -> None:
    layout, corpus, context = bundled
    for document in corpus.documents:
        graph = document_graph(document)
        assert _full(layout, context, graph, document.file) == set() == _focused(layout, context, graph,
                                                                                  document.file)
