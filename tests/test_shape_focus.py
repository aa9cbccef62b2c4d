"""A document's shapes are validated from its own named nodes (pySHACL's focus nodes) instead of from every node
of the shared graphs too: the same problems must come out either way.

For every property shape of ``ontology/shapes.ttl`` that a class targets, a node of the bundled documents with
that property is broken twice — the values removed, then replaced by a plain string — and each broken document is
checked both ways. What must be reported comes from reading the shapes: removing values breaks ``sh:minCount``; a
string breaks ``sh:class``, ``sh:in``, ``sh:node`` and an IRI ``sh:datatype``.
"""

from __future__ import annotations

import pytest
from shape_breakage import Breakage, breakages, bundled, check_both_ways, focused_problems, full_problems, ident

from diplograph.corpus import document_graph


@pytest.mark.parametrize("breakage", [b for b in breakages() if b.how == "removed"], ids=ident)
def test_a_node_missing_a_required_value_is_reported_the_same_from_its_document_s_nodes(breakage: Breakage) -> None:
    check_both_ways(breakage)


def test_the_bundled_documents_give_no_shape_problem_either_way() -> None:
    layout, corpus, context = bundled()
    for document in corpus.documents:
        graph = document_graph(document)
        assert full_problems(layout, context, graph, document.file) == set() == focused_problems(layout, context, graph,
                                                                                  document.file)
