"""Every export read back by its real consumer; counts equal the selection's; odd labels survive every format."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import orjson
import pytest
from helpers import require_program
from rdflib import Dataset, Graph, Literal, URIRef

from diplograph.analysis.registry import Projections
from diplograph.export import EXPORT_FORMATS, Selection, export
from diplograph.graph import KnowledgeGraph

ODD = 'Київ & «Фінляндія» "quoted" <tag> \\ back'


@pytest.fixture(scope="module")
def projections(graph):
    return Projections(graph)


@pytest.fixture(scope="module")
def odd_projections(tmp_path_factory):
    """The bundled graph with Finland relabelled in Cyrillic, with quotes, an ampersand and angle brackets."""
    import shutil

    from helpers import REPO
    root = tmp_path_factory.mktemp("odd")
    for folder in ("data", "ontology", "queries"):
        shutil.copytree(REPO / folder, root / folder)
    entities = root / "data" / "entities.ttl"
    text = entities.read_text(encoding="utf-8")
    entities.write_text(text.replace('rdfs:label "Finland"@en', 'rdfs:label "' + ODD.replace("\\", "\\\\")
                                     .replace('"', '\\"') + '"@en'), encoding="utf-8")
    graph = KnowledgeGraph.open(root / "data", root / "ontology")
    return Projections(graph)


SELECTIONS = [Selection(), Selection(view="stance"), Selection(entity="Finland", depth=2)]


def expected(projections, selection):
    network = selection.network(projections)
    return network.number_of_nodes(), network.number_of_edges()


@pytest.mark.parametrize("selection", SELECTIONS, ids=["entity", "stance", "finland-2"])
def test_graphml_reads_back_in_networkx_and_igraph(projections, selection, tmp_path):
    data = export(projections, "graphml", selection)
    back = nx.read_graphml(io.BytesIO(data))
    assert (back.number_of_nodes(), back.number_of_edges()) == expected(projections, selection)
    import igraph
    path = tmp_path / "export.graphml"
    path.write_bytes(data)
    graph = igraph.Graph.Read_GraphML(str(path))
    assert (graph.vcount(), graph.ecount()) == expected(projections, selection)


@pytest.mark.parametrize("selection", SELECTIONS, ids=["entity", "stance", "finland-2"])
def test_gexf_13_reads_back_with_colours_and_sizes(projections, selection):
    data = export(projections, "gexf", selection)
    assert b'version="1.3"' in data
    back = nx.read_gexf(io.BytesIO(data), version="1.3")
    assert (back.number_of_nodes(), back.number_of_edges()) == expected(projections, selection)
    sizes = {d["viz"]["size"] for _, d in back.nodes(data=True)}
    assert len(sizes) > 1  # sized by centrality
    russia = next((d for n, d in back.nodes(data=True) if d.get("label") == "Russia"), None)
    if russia:
        assert russia["viz"]["color"] == {"r": 0x2b, "g": 0x6c, "b": 0xb0, "a": 1.0}


@pytest.mark.parametrize("format", ["cytoscape", "d3"])
def test_json_formats(projections, format):
    for selection in SELECTIONS:
        data = json.loads(export(projections, format, selection))
        nodes, edges = (data["elements"]["nodes"], data["elements"]["edges"]) if format == "cytoscape" \
            else (data["nodes"], data["links"])
        assert (len(nodes), len(edges)) == expected(projections, selection)
    quoted = json.loads(export(projections, "cytoscape", Selection()))["elements"]["edges"]
    assert any("Ukraine refuses." in e["data"].get("quotes", []) for e in quoted)


def test_dot_renders_with_graphviz(projections, tmp_path):
    dot = require_program("dot")
    for selection in SELECTIONS:
        source = tmp_path / "graph.dot"
        source.write_bytes(export(projections, "dot", selection))
        svg = subprocess.run([dot, "-Tsvg", str(source)], capture_output=True, check=True, timeout=120).stdout
        nodes, _ = expected(projections, selection)
        assert svg.count(b'class="node"') == nodes


@pytest.mark.parametrize("format", ["turtle", "ntriples", "jsonld", "rdfxml", "trig", "nquads"])
def test_rdf_formats_read_back(projections, format):
    from helpers import RDFLIB_PARSERS
    data = export(projections, format, Selection())
    parser = RDFLIB_PARSERS[format]
    if format in ("trig", "nquads", "jsonld"):  # the whole dataset keeps its named graphs
        back = Dataset()
        back.parse(data=data, format=parser)
        assert len(list(back.quads((None, None, None, None)))) == projections.graph.stats().triples
        assert {str(g.identifier) for g in back.graphs() if len(g)} >= {
            "https://w3id.org/diplograph/source/2025-11-30-peace-talks-putin-conditions"}
    else:
        assert len(Graph().parse(data=data, format=parser)) >= 1700


def test_construct_query_selection(projections):
    data = json.loads(export(projections, "d3", Selection(query="entity-graph", params={"entity": "dgr:poland"})))
    assert any(n["id"] == "dgr:poland" for n in data["nodes"])
    turtle = export(projections, "turtle", Selection(query="entity-graph", params={"entity": "dgr:poland"}))
    assert (URIRef("https://w3id.org/diplograph/id/poland"), URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal("Poland", lang="en")) in Graph().parse(data=turtle, format="turtle")


@pytest.mark.parametrize("format", ["graphml", "gexf", "cytoscape", "d3", "dot", "turtle", "jsonld", "trig"])
def test_non_latin_and_special_labels_survive(odd_projections, format, tmp_path):
    selection = Selection(entity="dgr:finland")
    data = export(odd_projections, format, selection)
    if format == "graphml":
        labels = {d.get("label") for _, d in nx.read_graphml(io.BytesIO(data)).nodes(data=True)}
    elif format == "gexf":
        labels = {d.get("label") for _, d in nx.read_gexf(io.BytesIO(data), version="1.3").nodes(data=True)}
    elif format == "cytoscape":
        labels = {n["data"]["label"] for n in json.loads(data)["elements"]["nodes"]}
    elif format == "d3":
        labels = {n["label"] for n in json.loads(data)["nodes"]}
    elif format == "dot":
        dot = require_program("dot")
        source = tmp_path / "g.dot"
        source.write_bytes(data)
        svg = subprocess.run([dot, "-Tsvg", str(source)], capture_output=True, check=True).stdout
        from xml.etree import ElementTree
        labels = {t.text for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")}
    else:
        graph = Dataset() if format == "trig" else Graph()
        graph.parse(data=data, format={"turtle": "turtle", "jsonld": "json-ld", "trig": "trig"}[format])
        labels = {str(o) for o in graph.objects(None, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))}
    assert ODD in labels


def test_unknown_format_and_view(projections):
    from diplograph.errors import QueryParameterError
    with pytest.raises(QueryParameterError, match="unknown export format"):
        export(projections, "pdf")
    with pytest.raises(QueryParameterError, match="not RDF"):
        export(projections, "turtle", Selection(view="stance"))
    assert set(EXPORT_FORMATS) >= {"graphml", "gexf", "cytoscape", "d3", "dot", "turtle", "trig", "nquads", "jsonld"}


def test_cli_export_writes_a_file(tmp_path):
    out = tmp_path / "stance.graphml"
    diplograph = Path(sys.executable).with_name("diplograph")
    result = subprocess.run([str(diplograph), "export", "--format", "graphml", "--view", "stance", "-o", str(out)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "dgr:russia" in nx.read_graphml(out)
    # a file written by a command is the user's, as any file they make: 0666 less the umask, not 0600
    result = subprocess.run([str(diplograph), "export", "-f", "d3", "-o", str(tmp_path / "g.json")],
                            capture_output=True, text=True, timeout=120, preexec_fn=lambda: os.umask(0o022))
    assert result.returncode == 0 and (tmp_path / "g.json").stat().st_mode & 0o777 == 0o644


def test_vocabulary_nodes_are_named_by_their_labels(projections):
    """A measure is a node of the export (skos:prefLabel "withdrawal of forces"), named as the vocabulary names it."""
    nodes = {n["id"]: n for n in orjson.loads(export(projections, "d3"))["nodes"]}
    assert nodes["dg:WithdrawalOfForces"]["label"].casefold() == "withdrawal of forces"
