"""The two SHACL engines give the same answers: on every shape of ``ontology/shapes.ttl`` broken on a bundled node,
and on the W3C core tests of the features those shapes use.

rudof is the engine validation runs (it is about ten times faster); pySHACL is the reference. What must be
reported comes from reading the shapes: a removed value breaks ``sh:minCount``; a string breaks ``sh:class``,
``sh:in``, ``sh:node`` (through ``sh:nodeKind``) and an IRI ``sh:datatype``; an IRI described nowhere breaks
``sh:class``, ``sh:in`` and ``sh:node``; a second value breaks ``sh:maxCount 1``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from shape_breakage import Breakage, bundled, ident, instance_of

from diplograph import shacl
from diplograph.corpus import document_graph
from diplograph.errors import DiplographError
from diplograph.layout import Layout
from diplograph.namespaces import RDF, SH, XSD
from diplograph.validate import check_document

W3C = Path(__file__).parent / "fixtures" / "w3c-shacl-core"
MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
SHT = "http://www.w3.org/ns/shacl-test#"


def _breakages() -> list[Breakage]:
    shapes = Graph().parse(Layout.default().shapes_file, format="turtle")
    found = set()
    for shape, cls in shapes.subject_objects(SH.targetClass):
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef):
                continue
            if int(shapes.value(prop, SH.minCount) or 0) >= 1:
                found.add(Breakage(cls, path, "removed"))
            if any(shapes.value(prop, term) is not None for term in (SH["class"], SH["in"], SH.node)):
                found |= {Breakage(cls, path, "string"), Breakage(cls, path, "nowhere")}
            if shapes.value(prop, SH.datatype) not in (None, XSD.string):
                found.add(Breakage(cls, path, "string"))
            if shapes.value(prop, SH.maxCount) == Literal(1):
                found.add(Breakage(cls, path, "second"))
    return sorted(found, key=lambda b: (str(b.shape_class), str(b.path), b.how))


def _broken(breakage: Breakage):
    layout, corpus, context = bundled()
    found = instance_of(corpus, context, breakage)
    if found is None:
        pytest.skip(f"no bundled node of {breakage.shape_class} has {breakage.path}")
    document, graph, node = found
    values = list(graph.objects(node, breakage.path))
    if breakage.how == "second":
        value = values[0]
        graph.add((node, breakage.path, URIRef(f"{value}-another") if isinstance(value, URIRef)
                   else Literal(f"{value} another", lang=value.language, datatype=value.datatype)))
        return layout, context, graph, node
    graph.remove((node, breakage.path, None))
    if breakage.how == "string":
        graph.add((node, breakage.path, Literal("not a node")))
    elif breakage.how == "nowhere":
        graph.add((node, breakage.path, URIRef("https://w3id.org/diplograph/id/described-nowhere")))
    return layout, context, graph, node


def _answers(layout, context, graph, engine: str) -> set[tuple[str, str | None, str]]:
    own = {s for s in graph.subjects() if isinstance(s, URIRef)}
    found = shacl.violations(shacl.shapes_of(layout.shapes_file), context.graph, graph, own=own, engine=engine)
    return {(str(v.focus), str(v.path) if v.path else None, v.message) for v in found}


@pytest.mark.parametrize("breakage", _breakages(), ids=ident)
def test_both_engines_report_a_broken_shape_at_the_same_node_path_and_message(breakage: Breakage) -> None:
    layout, context, graph, node = _broken(breakage)
    rudof = _answers(layout, context, graph, "rudof")
    reference = _answers(layout, context, graph, "pyshacl")
    assert rudof == reference
    if breakage.how == "nowhere" and breakage.path == URIRef("https://w3id.org/diplograph/ontology#evidence"):
        return  # an evidence node described nowhere breaks its own shape, not the statement's: checked below
    assert (str(node), str(breakage.path)) in {(focus, path) for focus, path, _ in rudof}, rudof


def test_an_evidence_node_described_nowhere_is_reported_by_both_engines() -> None:
    breakage = Breakage(URIRef("https://w3id.org/diplograph/ontology#Statement"),
                        URIRef("https://w3id.org/diplograph/ontology#evidence"), "nowhere")
    layout, context, graph, node = _broken(breakage)
    rudof = _answers(layout, context, graph, "rudof")
    assert rudof == _answers(layout, context, graph, "pyshacl")
    assert (str(node), str(breakage.path)) in {(focus, path) for focus, path, _ in rudof}


def test_the_bundled_documents_conform_for_both_engines() -> None:
    layout, corpus, context = bundled()
    for document in corpus.documents:
        graph = document_graph(document)
        assert _answers(layout, context, graph, "rudof") == set() == _answers(layout, context, graph, "pyshacl")


def test_every_property_shape_has_a_message_and_every_sh_node_a_node_kind() -> None:
    """So that both engines word a problem alike, and rudof sees a literal given where a node shape is wanted."""
    shapes = Graph().parse(Layout.default().shapes_file, format="turtle")
    for prop in shapes.objects(None, SH.property):
        assert shapes.value(prop, SH.message) is not None, shapes.value(prop, SH.path)
        if shapes.value(prop, SH.node) is not None:
            assert shapes.value(prop, SH.nodeKind) == SH.BlankNodeOrIRI, shapes.value(prop, SH.path)


@pytest.mark.parametrize("engine", shacl.ENGINES)
def test_an_ill_formed_date_is_reported_with_its_line_whichever_the_engine(engine, monkeypatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_SHACL_ENGINE", engine)
    layout, corpus, context = bundled()
    document = corpus.documents[0]
    graph = document_graph(document)
    node, predicate, _ = next((s, p, o) for s, p, o in graph if isinstance(o, Literal) and o.datatype == XSD.date)
    graph.set((node, predicate, Literal("2025-13-45", datatype=XSD.date)))
    problems, _ = check_document(layout, context, document.file, graph)
    found = [p for p in problems if "'2025-13-45' is not a valid xsd:date" in p.message]
    assert found and found[0].line == document.file.line_of(str(node)), problems


def test_an_unknown_engine_is_refused_by_name(monkeypatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_SHACL_ENGINE", "jena")
    with pytest.raises(DiplographError, match="DIPLOGRAPH_SHACL_ENGINE='jena': choose one of rudof, pyshacl"):
        shacl.engine_name()


# --------------------------------------------------------------------------- W3C core tests

def _w3c_tests() -> list[Path]:
    return sorted(p for p in W3C.rglob("*.ttl") if not p.stem.endswith(("-data", "-shapes")))


def _expected(manifest: Graph, test: URIRef) -> tuple[bool, Counter]:
    result = manifest.value(test, URIRef(MF + "result"))
    conforms = manifest.value(result, SH.conforms).toPython()
    return conforms, Counter((_named(manifest.value(r, SH.focusNode)), _named(manifest.value(r, SH.resultPath)))
                             for r in manifest.objects(result, SH.result))


def _named(node) -> str:
    """A node as the tests compare it: blank nodes are all alike (the data and the expected report are parsed
    apart, so their labels differ)."""
    return "_:blank" if isinstance(node, BNode) else str(node or "")


@pytest.mark.parametrize("engine", shacl.ENGINES)
@pytest.mark.parametrize("path", _w3c_tests(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_w3c_core_tests_of_the_features_the_shapes_use(path: Path, engine: str) -> None:
    manifest = Graph().parse(path, format="turtle", publicID=path.as_uri())
    test = manifest.value(next(manifest.objects(None, URIRef(MF + "entries"))), RDF.first)
    action = manifest.value(test, URIRef(MF + "action"))
    data_file = Path(manifest.value(action, URIRef(SHT + "dataGraph")).removeprefix("file://"))
    shapes_file = Path(manifest.value(action, URIRef(SHT + "shapesGraph")).removeprefix("file://"))
    data = Graph().parse(data_file, format="turtle", publicID=data_file.as_uri())
    found = shacl.violations(shacl.shapes_of(shapes_file), Graph(), data, engine=engine)
    conforms, expected = _expected(manifest, test)
    answered = (not found, Counter((_named(v.focus), _named(v.path)) for v in found))
    assert answered[0] == conforms
    assert set(answered[1]) == set(expected)


def test_documents_checked_in_threads_at_once_get_their_own_answers() -> None:
    """The server checks in threads; one rudof session per context stages one document at a time."""
    from concurrent.futures import ThreadPoolExecutor

    breakage = Breakage(URIRef("https://w3id.org/diplograph/ontology#Statement"),
                        URIRef("https://w3id.org/diplograph/ontology#evidence"), "removed")
    layout, context, broken, node = _broken(breakage)
    _, corpus, _ = bundled()
    whole = document_graph(corpus.documents[0])
    graphs = [broken, whole] * 8
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda g: _answers(layout, context, g, "rudof"), graphs))
    assert all((str(node), str(breakage.path)) in {(f, p) for f, p, _ in a} for a in answers[0::2])
    assert all(a == set() for a in answers[1::2])
