"""`diplograph validate` and loading: the bundled data passes; each kind of bad input fails with file:line."""

from __future__ import annotations

import os

import pytest

from diplograph.corpus import validate_files
from diplograph.errors import DataError
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout

DOC_FILE = "data/documents/2025-11-30-peace-talks-putin-conditions.ttl"


def test_bundled_data_is_valid():
    assert validate_files(Layout.default()) == []


def test_malformed_turtle_names_file_and_line(project):
    line = project.replace(project.document, "dg:holder dgr:putin ;", "dg:holder dgr:putin ;;; ]")
    problems = validate_files(project.layout)
    assert len(problems) == 1
    assert problems[0].file == DOC_FILE
    assert problems[0].line == line
    assert "syntax" in problems[0].message.lower()


def test_an_iri_with_a_space_is_refused_at_its_line(project):
    """No store or format can carry it; Oxigraph's Turtle parser refuses it where rdflib's let it through."""
    line = project.replace(project.document, "dg:holder dgr:putin ;",
                           "dg:holder <https://w3id.org/diplograph/id/vladimir putin> ;")
    problems = validate_files(project.layout)
    assert [(p.file, p.line) for p in problems] == [(DOC_FILE, line)]
    assert problems[0].message.startswith("Turtle syntax error")


def test_misspelt_ontology_term_names_line_and_suggests(project):
    line = project.replace(project.document, "dg:preconditionFor dgr:ceasefire, dgr:negotiations",
                           "dg:preconditonFor dgr:ceasefire, dgr:negotiations")
    problems = [p for p in validate_files(project.layout) if "unknown term" in p.message]
    assert [(p.file, p.line) for p in problems] == [(DOC_FILE, line)]
    assert "dg:preconditonFor" in problems[0].message
    assert "did you mean dg:preconditionFor" in problems[0].message


def test_misspelt_concept_is_flagged(project):
    line = project.replace(project.document, "dg:stance dg:AcceptsAsBasis", "dg:stance dg:AcceptsAsBasys")
    problems = validate_files(project.layout)
    assert any(p.line == line and "unknown term dg:AcceptsAsBasys" in p.message for p in problems)
    # and SHACL independently rejects the stance value
    assert any("dg:stance" in p.message for p in problems)


def test_misspelt_reused_term_is_flagged(project):
    line = project.replace(project.document, "dg:concerns dgr:negotiations ;\n    prov:wasAttributedTo dgr:putin ;",
                           "dg:concerns dgr:negotiations ;\n    prov:wasAtributedTo dgr:putin ;")
    problems = validate_files(project.layout)
    assert any(p.line == line + 1 and "unknown term prov:wasAtributedTo" in p.message for p in problems)


def test_quote_not_in_source_is_refused(project):
    line = project.replace(project.document, 'oa:exact "Ukraine refuses." ]', 'oa:exact "Ukraine refuses, firmly." ]')
    problems = validate_files(project.layout)
    assert len(problems) == 1
    assert (problems[0].file, problems[0].line) == (DOC_FILE, line)
    assert "not found verbatim" in problems[0].message
    assert "Ukraine refuses, firmly." in problems[0].message


def test_quote_with_straight_apostrophe_is_refused(project):
    # The source uses typographic apostrophes; a quote typed with ' is not verbatim.
    line = project.replace(project.document, 'oa:exact "Putin’s remarks do not signal',
                           'oa:exact "Putin\'s remarks do not signal')
    problems = validate_files(project.layout)
    assert [(p.line, "not found verbatim" in p.message) for p in problems] == [(line, True)]


def test_demand_without_demander_is_refused(project):
    text = project.document.read_text(encoding="utf-8")
    start = text.index("dgr:demand-limit-ukrainian-military a dg:Demand")
    block_end = text.index("\n\n", start)
    block = text[start:block_end]
    project.document.write_text(text[:start] + block.replace("    dg:demandedBy dgr:russia ;\n", "")
                                + text[block_end:], encoding="utf-8")
    expected_line = project.line_of(project.document, "dgr:demand-limit-ukrainian-military a dg:Demand")
    problems = validate_files(project.layout)
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.file, problem.line) == (DOC_FILE, expected_line)
    assert "demander" in problem.message
    assert problem.focus.endswith("demand-limit-ukrainian-military")


def test_statement_without_attribution_is_refused(project):
    factors = "    dg:concerns dgr:logistical-strains, dgr:sanctions-pressure, dgr:frontline-exhaustion ;\n"
    line = project.replace(project.document, factors + "    prov:wasAttributedTo dgr:analysts ;\n", factors)
    problems = validate_files(project.layout)
    assert len(problems) == 1
    assert "wasAttributedTo" in problems[0].message
    assert problems[0].focus.endswith("claim-russia-faces-strains")
    assert problems[0].line == project.line_of(project.document, "dgr:claim-russia-faces-strains a dg:Claim") < line


def test_edited_source_text_is_detected(project):
    source = project.root / "data" / "sources" / "2025-11-30-peace-talks-putin-conditions.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("brutal war", "brutal  war"), encoding="utf-8")
    problems = validate_files(project.layout)
    assert any("has changed since it was registered" in p.message for p in problems)
    # and the quote that relied on the old wording
    assert any("A fragile sign of dialogue in a brutal war" in p.message for p in problems)


def test_failed_load_keeps_previous_graph(project):
    graph = KnowledgeGraph(project.layout)
    graph.load()
    before = graph.stats()
    project.replace(project.document, "dg:holder dgr:putin ;", "dg:holder dgr:putin")
    with pytest.raises(DataError) as raised:
        graph.load()
    assert DOC_FILE in str(raised.value)
    assert graph.stats() == before
    assert graph.query("ASK { dgr:position-putin-plan-as-basis dg:holder dgr:putin }").askAnswer


def test_invalid_data_is_not_swapped_in(project):
    graph = KnowledgeGraph(project.layout)
    graph.load()
    project.replace(project.document, 'oa:exact "Ukraine refuses." ]', 'oa:exact "Ukraine agrees." ]')
    with pytest.raises(DataError, match="not found verbatim"):
        graph.load()
    assert graph.query('ASK { ?s oa:exact "Ukraine refuses." }').askAnswer


def test_shipped_source_is_the_corpus_document_unchanged():
    from helpers import DOCUMENT, REPO, SHARED_CORPUS

    original = SHARED_CORPUS / f"{DOCUMENT}.txt"
    if not original.exists():
        message = (f"this compares data/sources with the project's own copy of the corpus, expected at {original}; "
                   "it is beside the checkout only on the project's machines and in CI")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    assert (REPO / "data" / "sources" / f"{DOCUMENT}.txt").read_bytes() == original.read_bytes()


def test_a_control_character_in_a_label_is_refused_with_its_line(project):
    project.replace(project.document, 'rdfs:label "Ukraine refuses Putin\'s conditions"@en',
                    'rdfs:label "Ukraine refuses\\u0001 Putin\'s conditions"@en')
    problems = validate_files(project.layout)
    found = [p for p in problems if "control character U+0001" in p.message]
    assert found and found[0].file.endswith(".ttl")
    assert found[0].line == project.line_of(project.document, "dgr:position-ukraine-refuses-putin-conditions a")


def test_a_string_that_is_not_an_iri_is_refused_with_its_line(project, tmp_path):
    """JSON-LD takes any string as an IRI ("sameAs": "data:text/html,<script>…"); no RDF writer can carry it."""
    sheet = project.layout.documents_dir / "2026-03-01-odd.yaml"
    sheet.write_text('"@context": https://w3id.org/diplograph/context\n"@graph":\n  - id: dgr:odd-envoy\n'
                     '    type: Person\n    label: Odd envoy\n    sameAs: "data:text/html,<script>x"\n')
    problems = validate_files(project.layout)
    found = [(p.file, p.line) for p in problems if "not an IRI" in p.message]
    assert found == [("data/documents/2026-03-01-odd.yaml", 6)]
