"""The synthetic corpus: reproducible, and valid against the ontology's SHACL shapes."""

from __future__ import annotations

import io

from diplograph.corpus import validate_files
from diplograph.generate import generate
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout
from diplograph.namespaces import DG


def test_same_seed_same_corpus_and_size_is_respected():
    first, second, other = io.StringIO(), io.StringIO(), io.StringIO()
    assert generate(first, 3000, seed=7) >= 3000
    generate(second, 3000, seed=7)
    generate(other, 3000, seed=8)
    assert first.getvalue() == second.getvalue() != other.getvalue()


def test_generated_corpus_passes_the_shapes(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    with (data / "synthetic.nq").open("w", encoding="utf-8") as handle:
        generate(handle, 4000, seed=3)
    layout = Layout(data, Layout.default().ontology, Layout.default().queries)
    assert validate_files(layout) == []
    graph = KnowledgeGraph(layout)
    graph.load()
    stats = graph.stats()
    assert stats.classes["dg:SourceDocument"] >= 5
    assert stats.classes["dg:Demand"] > 20
    assert len(graph.instances(DG.Actor)) >= 20
