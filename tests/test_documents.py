"""Adding a document: register the text, fill a YAML-LD fact sheet that reuses entities by alias, validate.

The second document is made up for the tests (tests/fixtures/2026-01-12-made-up-geneva-talks.*).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from helpers import DOCUMENT, REPO
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from diplograph.corpus import validate_files
from diplograph.documents import add_source, near_duplicates, near_duplicates_in, remove_source, suggest
from diplograph.entities import describe
from diplograph.errors import DataError
from diplograph.graph import KnowledgeGraph
from diplograph.layout import Layout
from diplograph.load import parse_into
from diplograph.namespaces import DG, DGR, DGS, PROV, RDF
from diplograph.sheets import SourceFile

FIXTURES = REPO / "tests" / "fixtures"
NEW = "2026-01-12-made-up-geneva-talks"
DIPLOGRAPH = Path(sys.executable).with_name("diplograph")


def graph_quads(graph: KnowledgeGraph, name: URIRef) -> Graph:
    """A document's named graph, compared by isomorphism (its evidence nodes are blank)."""
    copy = Graph()
    for triple in graph.dataset.graph(name):
        copy.add(triple)
    return copy


@pytest.fixture
def added(project):
    """The project copy with the made-up document registered and its fact sheet filled in."""
    slug, sheet = add_source(project.layout, FIXTURES / f"{NEW}.txt",
                             title="Geneva round ends without agreement (made-up test document)", day=date(2026, 1, 12))
    assert slug == NEW
    shutil.copyfile(FIXTURES / f"{NEW}.yaml", sheet)
    return project


def test_add_source_copies_text_and_starts_a_valid_sheet(project):
    slug, sheet = add_source(project.layout, FIXTURES / f"{NEW}.txt", title="Made-up", day=date(2026, 1, 12),
                             publisher="Test desk", url="https://example.org/made-up")
    copied = project.layout.sources_dir / f"{slug}.txt"
    assert copied.read_bytes() == (FIXTURES / f"{NEW}.txt").read_bytes()
    header = yaml.safe_load(sheet.read_text())["@graph"][0]
    assert len(header["sha256"]) == 64 and header["publisher"] == "Test desk"
    assert validate_files(project.layout) == []  # a sheet with only its source already validates
    graph = KnowledgeGraph(project.layout)
    graph.load()
    assert (DGS[slug], RDF.type, DG.SourceDocument) in graph.dataset
    with pytest.raises(Exception, match="exists already"):
        add_source(project.layout, FIXTURES / f"{NEW}.txt", title="again", day=date(2026, 1, 12))


def test_second_document_reuses_entities_by_alias(added, graph):
    before_first = graph_quads(graph, DGS[DOCUMENT])
    assert validate_files(added.layout) == []
    merged = KnowledgeGraph(added.layout)
    merged.load()
    new = merged.dataset.graph(DGS[NEW])
    demand = DGR["demand-cede-occupied-regions-before-ceasefire"]
    assert (demand, DG.demandedBy, DGR.russia) in new  # "Moscow"
    assert (demand, DG.demandedOf, DGR.ukraine) in new  # "Kyiv"
    assert (demand, DG.concerns, DGR["occupied-territories-of-ukraine"]) in new  # "occupied regions"
    assert (DGR["action-washington-keeps-adjusting-framework"], DG.actor, DGR["united-states"]) in new
    # no duplicate actors: the states are the same ones (the reference entities name eight)
    assert len(merged.instances(DG.State)) == len(graph.instances(DG.State)) == 43
    # adding a document never changes another document's graph
    assert isomorphic(graph_quads(merged, DGS[DOCUMENT]), before_first)
    # both documents now speak about Russia
    russia = describe(merged, "Moscow")
    assert {e.source for s in russia.statements for e in s.evidence} >= {DGS[DOCUMENT], DGS[NEW]}


def test_suggestions_list_uncited_sentences_that_name_known_entities(added):
    merged = KnowledgeGraph(added.layout)
    merged.load()
    found = suggest(merged, NEW)
    texts = [s.text for s in found]
    assert "Observers noted that Poland and Finland sent deputy ministers to Geneva." in texts
    observers = found[texts.index("Observers noted that Poland and Finland sent deputy ministers to Geneva.")]
    assert observers.mentions == ("dgr:finland", "dgr:poland")
    assert not any("Moscow repeated" in t for t in texts)  # cited already


def test_near_duplicate_entity_is_named(added):
    merged = KnowledgeGraph(added.layout)
    merged.load()
    warnings = near_duplicates(merged)
    assert near_duplicates_in(added.layout) == warnings  # read from the documents that type actors only
    assert len(warnings) == 1
    warning = warnings[0]
    assert "dgr:volodymyr-zelensky" in warning.message and "dgr:zelenskyy" in warning.message
    assert warning.file == f"data/documents/{NEW}.yaml"
    assert warning.line == (FIXTURES / f"{NEW}.yaml").read_text().splitlines().index(
        "  - id: dgr:volodymyr-zelensky") + 1
    result = subprocess.run([str(DIPLOGRAPH), "validate", "--data", str(added.layout.data), "--ontology",
                             str(added.layout.ontology)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "looks like dgr:zelenskyy" in result.stderr


def test_timeline_orders_positions_by_date(added):
    merged = KnowledgeGraph(added.layout)
    merged.load()
    rows = [r.asdict() for r in merged.run_canned("position-timeline", actor="Moscow")]
    dates = [str(r["date"]) for r in rows]
    assert dates == sorted(dates)
    assert dates[-1] == "2026-01-10"  # the statement's own date, not its document's (2026-01-12)
    assert {str(r["statement"]) for r in rows if str(r["date"]) == "2026-01-10"} == {
        str(DGR["demand-cede-occupied-regions-before-ceasefire"])}
    recent = [r.asdict() for r in merged.run_canned("position-timeline", actor="dgr:russia", **{"from": "2026-01-01"})]
    assert {str(r["date"]) for r in recent} == {"2026-01-10"}


@pytest.mark.parametrize("edit, message", [
    (('exact: "Volodymyr Zelensky answered', 'exact: "Volodymyr Zelensky shouted'), "not found verbatim"),
    (("callsFor: [TerritorialConcession]", "callsFor: [TerritorialConcesion]"),
     "unknown entity 'TerritorialConcesion' for callsFor (not a label, alias, vocabulary term or prefixed IRI); "
     "did you mean 'TerritorialConcession'?"),
    (("callsFor: [TerritorialConcession]", "callsFor: [dg:TerritorialConcesion]"),
     "unknown term dg:TerritorialConcesion"),
    (("demandedBy: Moscow", "demandedBy: Moskow"), "unknown entity 'Moskow'"),
    (("    actor: Washington", "    actor: US"), "unknown entity 'US' for actor (not a label, alias, vocabulary "
                                                 "term or prefixed IRI); did you mean 'United States'?"),
    (("    stance: Rejects", "    stance: Rejects\n    stance: [oops"), "YAML syntax error"),
])
def test_invalid_fact_sheet_is_refused_with_file_and_line_and_changes_nothing(added, edit, message):
    sheet = added.layout.documents_dir / f"{NEW}.yaml"
    text = sheet.read_text()
    old, new = edit
    line = text[: text.index(old)].count("\n") + 1
    graph = KnowledgeGraph(added.layout)
    graph.load()
    before = graph.stats()
    sheet.write_text(text.replace(old, new, 1))
    problems = validate_files(added.layout)
    matching = [p for p in problems if message in p.message]
    assert matching, problems
    assert matching[0].file == f"data/documents/{NEW}.yaml"
    assert matching[0].line in (line, line + 1, line + 2)  # YAML reports where it noticed
    with pytest.raises(DataError):
        graph.load()
    assert graph.stats() == before


def test_remote_context_is_refused(added):
    sheet = added.layout.documents_dir / f"{NEW}.yaml"
    sheet.write_text(sheet.read_text().replace('"@context": https://w3id.org/diplograph/context',
                                               '"@context": http://127.0.0.1:9/context.jsonld'))
    problems = validate_files(added.layout)
    assert [p.line for p in problems if "@context must be" in p.message] == [2]


def test_removing_a_source_removes_exactly_its_graph(added, graph):
    before = graph_quads(graph, DGS[DOCUMENT])
    removed, backup = remove_source(added.layout, NEW)
    assert {p.name for p in removed} == {f"{NEW}.yaml", f"{NEW}.txt"}
    assert {p.name for p in backup.rglob("*") if p.is_file()} == {f"{NEW}.yaml", f"{NEW}.txt"}
    after = KnowledgeGraph(added.layout)
    after.load()
    assert len(after.dataset.graph(DGS[NEW])) == 0
    assert isomorphic(graph_quads(after, DGS[DOCUMENT]), before)
    assert after.stats().triples == graph.stats().triples


def test_yaml_ld_and_turtle_give_the_same_rdf(tmp_path):
    layout = Layout.default()
    yaml_text = """"@context": https://w3id.org/diplograph/context
"@graph":
  - id: dgr:x
    type: Demand
    label: An example
    demandedBy: dgr:russia
    callsFor: [Ceasefire]
    statedOn: 2026-01-10
    evidence:
      - source: dgs:y
        selector: {type: TextQuoteSelector, exact: "some words"}
"""
    turtle = """@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix dgr: <https://w3id.org/diplograph/id/> .
@prefix dgs: <https://w3id.org/diplograph/source/> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
dgr:x a dg:Demand ; rdfs:label "An example"@en ; dg:demandedBy dgr:russia ; dg:callsFor dg:Ceasefire ;
  dg:statedOn "2026-01-10"^^xsd:date ;
  dg:evidence [ oa:hasSource dgs:y ; oa:hasSelector [ a oa:TextQuoteSelector ; oa:exact "some words" ] ] .
"""
    path = tmp_path / "sheet.yaml"
    path.write_text(yaml_text)
    from_yaml = Graph()
    parse_into(from_yaml, SourceFile(path, DGS.y, "sheet.yaml", yaml_text), layout)
    assert isomorphic(from_yaml, Graph().parse(data=turtle, format="turtle"))
    assert (DGR.x, DG.statedOn, Literal("2026-01-10", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) \
        in from_yaml


def test_cli_add_suggest_remove(project):
    common = ["--data", str(project.layout.data), "--ontology", str(project.layout.ontology)]
    added = subprocess.run([str(DIPLOGRAPH), "add-source", str(FIXTURES / f"{NEW}.txt"), "--title", "Made-up",
                            "--date", "2026-01-12", *common], capture_output=True, text=True, timeout=120)
    assert added.returncode == 0, added.stderr
    assert f"added {NEW}" in added.stdout
    shutil.copyfile(FIXTURES / f"{NEW}.yaml", project.layout.documents_dir / f"{NEW}.yaml")
    suggested = subprocess.run([str(DIPLOGRAPH), "suggest", NEW, "--format", "json", *common],
                               capture_output=True, text=True, timeout=120)
    assert "Observers noted" in suggested.stdout
    removed = subprocess.run([str(DIPLOGRAPH), "remove-source", NEW, *common], capture_output=True, text=True,
                             timeout=120)
    assert removed.returncode == 0 and not (project.layout.documents_dir / f"{NEW}.yaml").exists()
    bad_date = subprocess.run([str(DIPLOGRAPH), "add-source", str(FIXTURES / f"{NEW}.txt"), "--title", "x",
                               "--date", "12/01/2026", *common], capture_output=True, text=True, timeout=120)
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr


def test_what_is_new_since_a_date_is_the_newer_document(added):
    merged = KnowledgeGraph(added.layout)
    merged.load()
    new = {str(r.statement) for r in merged.run_canned("new-statements", since="2026-01-01")}
    # every statement of the Geneva document (published 2026-01-12), none of the article's (2025-11-30)
    expected = {str(s) for s in merged.dataset.graph(DGS[NEW]).subjects(PROV.wasDerivedFrom, DGS[NEW])}
    assert new == expected and expected
    everything = [str(r.published) for r in merged.run_canned("new-statements")]
    assert everything == sorted(everything, reverse=True)  # newest first


def test_the_source_texts_are_those_in_the_folder_and_a_symlink_out_of_it_is_left_out(project, tmp_path):
    """Texts are found again when the folder changes (a new one, one gone), and a symlink named like a text but
    leading out of the folder is never registered: a request reads only the folder's own files."""
    outside = tmp_path / "secret.txt"
    outside.write_text("not a source", encoding="utf-8")
    sources = project.layout.sources_dir
    before = project.layout.source_texts()
    assert DOCUMENT in before
    (sources / "escape.txt").symlink_to(outside)
    (sources / "extra-page.txt").write_text("A made-up page.", encoding="utf-8")
    after = project.layout.source_texts()
    assert "extra-page" in after and "escape" not in after and set(before) < set(after)
    (sources / "extra-page.txt").unlink()
    assert "extra-page" not in project.layout.source_texts()


def test_the_fingerprint_changes_with_any_file_the_graph_is_built_from_and_the_listing_with_the_folder(project):
    """What the watch of a running server compares: a fact sheet edited in place (same size), a document added or
    removed, a text in a sub-folder of sources/ changed; and the documents the layout lists follow the folder."""
    import os

    layout = project.layout
    first = layout.fingerprint()
    assert layout.fingerprint() == first
    info = os.stat(project.document)
    os.utime(project.document, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))  # same bytes, later time
    second = layout.fingerprint()
    assert second != first
    original = layout.sources_dir / "originals" / "page.html"
    original.parent.mkdir(exist_ok=True)
    original.write_text("<p>one</p>", encoding="utf-8")
    third = layout.fingerprint()
    assert third != second
    original.write_text("<p>two</p>", encoding="utf-8")
    assert layout.fingerprint() != third
    before = [path for path, _ in layout.files()]
    added = layout.documents_dir / "2026-01-01-added.ttl"
    added.write_text(project.document.read_text(encoding="utf-8"), encoding="utf-8")
    listed = layout.files()
    assert (added, DGS["2026-01-01-added"]) in listed and [path for path, _ in listed if path != added] == before
    documents = [path.name for path, _ in listed if path.parent == layout.documents_dir]
    assert documents == sorted(documents) and len(documents) == 2
    added.unlink()
    assert [path for path, _ in layout.files()] == before
