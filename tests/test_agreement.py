"""Many sources together: the same statement said in several documents, and a stance that changes over time.

The bundled article is one source; a made-up second document (tests/fixtures/2026-01-20-made-up-moscow-briefing)
reports Russia's demand to limit Ukraine's army again, and Putin rejecting the plan he had called a basis.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.analysis.registry import Projections, run_analysis
from diplograph.auditing import audit
from diplograph.corpus import validate_files
from diplograph.graph import KnowledgeGraph

FIXTURES = Path(__file__).parent / "fixtures"
BRIEFING = "2026-01-20-made-up-moscow-briefing"


@pytest.fixture
def two_sources(project):
    for suffix, folder in ((".yaml", "documents"), (".txt", "sources")):
        shutil.copyfile(FIXTURES / f"{BRIEFING}{suffix}", project.layout.data / folder / f"{BRIEFING}{suffix}")
    return project


@pytest.fixture
def merged(two_sources) -> KnowledgeGraph:
    graph = KnowledgeGraph(two_sources.layout)
    graph.load()
    return graph


def test_the_second_document_is_valid_and_faithful(two_sources, merged):
    assert validate_files(two_sources.layout) == []
    assert audit(merged) == []


def test_one_source_corroborates_nothing_and_changes_nothing(graph):
    projections = Projections(graph)
    assert run_analysis(projections, "corroboration") == []
    assert run_analysis(projections, "changes") == []


def test_the_same_demand_in_two_sources_is_said_in_two_with_each_quote(merged):
    [group] = run_analysis(Projections(merged), "corroboration")
    # "Russia insists on restricting Ukraine’s army size …" (the article) and "Russia again insists on restricting
    # the size of Ukraine's army." (the briefing): the same demand, by the same party, of the same party — but the
    # article's concerns the army's size, strategic weapons and range, the briefing's the army's size alone: related
    assert group["kind"] == "Demand" and group["said_in"] == 2 and group["relation"] == "related"
    assert group["content"] == {"demandedBy": ["dgr:russia"], "demandedOf": ["dgr:ukraine"],
                                "callsFor": ["dg:MilitaryLimitation"]}
    statements = {s["statement"]: s for s in group["statements"]}
    assert set(statements) == {"dgr:demand-limit-ukrainian-military", "dgr:demand-limit-ukrainian-army-size-again"}
    assert statements["dgr:demand-limit-ukrainian-army-size-again"]["concerns"] == ["dgr:ukraine-army-size"]
    assert statements["dgr:demand-limit-ukrainian-military"]["concerns"] == [
        "dgr:ukraine-army-size", "dgr:ukraine-long-range-capabilities", "dgr:ukraine-strategic-weapons"]
    assert statements["dgr:demand-limit-ukrainian-army-size-again"]["quotes"] == [
        "Russia again insists on restricting the size of Ukraine's army."]
    assert statements["dgr:demand-limit-ukrainian-military"]["quotes"][0].startswith("Russia insists on restricting")


def test_putins_change_of_stance_is_shown_with_both_quotes_and_dates(merged):
    [change] = run_analysis(Projections(merged), "changes")
    assert (change["holder"], change["towards"]) == ("dgr:putin", "dgr:28-point-plan")
    before, after = change["before"], change["after"]
    # "… publicly stated that a U.S.-drafted peace proposal could serve as a basis …" (before 2025-11-30), then
    # "On January 19, Putin rejected the 28-point plan as a basis for any talks."
    assert (before["stance"], before["date"], before["dateKind"]) == (
        "dg:AcceptsAsBasis", "2025-11-30", "said before the document, not after this date")
    assert (after["stance"], after["date"], after["dateKind"]) == ("dg:Rejects", "2026-01-19", "stated")
    assert "could serve as a basis for future negotiations" in before["quotes"][0]
    assert after["quotes"] == ["On January 19, Putin rejected the 28-point plan as a basis for any talks."]


def test_the_command_line_shows_the_change(two_sources):
    diplograph = Path(sys.executable).with_name("diplograph")
    result = subprocess.run([str(diplograph), "analyze", "changes", "--format", "json", "--data",
                             str(two_sources.layout.data), "--ontology", str(two_sources.layout.ontology)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert "stance-change" in answer["rules"]
    [change] = answer["result"]
    assert (change["before"]["statement"], change["after"]["statement"]) == (
        "dgr:position-putin-plan-as-basis", "dgr:position-putin-rejects-plan-as-basis")


def test_the_canned_query_lists_the_same_change(merged, graph):
    assert list(graph.run_canned("stance-changes")) == []  # one source: nothing changes
    [row] = [r.asdict() for r in merged.run_canned("stance-changes", holder="Putin")]
    assert (str(row["earlierStance"]), str(row["earlierDate"]), str(row["earlierDateKind"])) == (
        "accepts as a basis for negotiation", "2025-11-30", "said before the document, not after this date")
    assert (str(row["laterStance"]), str(row["laterDate"]), str(row["laterDateKind"])) == (
        "rejects", "2026-01-19", "stated")
    assert str(row["laterQuote"]) == "On January 19, Putin rejected the 28-point plan as a basis for any talks."


def test_two_sources_disagreeing_on_a_fact_are_shown_side_by_side(merged, graph):
    assert run_analysis(Projections(graph), "disagreements") == []
    [disagreement] = run_analysis(Projections(merged), "disagreements")
    # the article: Russia claims "Ukraine’s leadership is “illegitimate”"; the briefing: "The European Union said
    # Ukraine's leadership is legitimate …" — both kept, neither preferred
    assert disagreement["about"] == ["dgr:ukrainian-leadership"]
    sides = {s["statement"]: (s["value"], s["asserted_by"]) for s in disagreement["statements"]}
    assert sides == {
        "dgr:legitimacy-claim-ukrainian-leadership-illegitimate": (["dg:Illegitimate"], ["dgr:russia"]),
        "dgr:legitimacy-claim-eu-ukrainian-leadership-legitimate": (["dg:Legitimate"], ["dgr:european-union"])}


def test_a_demand_concerning_the_same_things_is_the_same_and_another_territory_is_not(two_sources):
    sheet = two_sources.layout.documents_dir / f"{BRIEFING}.yaml"
    text = sheet.read_text(encoding="utf-8")
    wider = "concerns: [dgr:ukraine-army-size, dgr:ukraine-strategic-weapons, dgr:ukraine-long-range-capabilities]"
    sheet.write_text(text.replace("concerns: dgr:ukraine-army-size", wider), encoding="utf-8")
    graph = KnowledgeGraph(two_sources.layout)
    graph.load()
    [group] = run_analysis(Projections(graph), "corroboration")
    assert group["relation"] == "same" and group["said_in"] == 2
    sheet.write_text(text.replace("concerns: dgr:ukraine-army-size", "concerns: dgr:donbas"), encoding="utf-8")
    graph.load()
    assert [g["relation"] for g in run_analysis(Projections(graph), "corroboration")] == ["related"]


def test_the_matrix_moves_with_the_date_and_marks_what_changed(merged):
    def cell(result, actor, issue):
        return next(c for c in result["cells"] if (c["actor"], c["issue"]) == (actor, issue))

    projections = Projections(merged)
    # the article (2025-11-30): Putin said the plan could serve as a basis; the plan's points include the
    # territorial status of the occupied regions, so his stance on territory is conditional
    before = run_analysis(projections, "matrix", {"as_of": "2025-12-31"})
    assert cell(before, "dgr:putin", "dg:IssueTerritory")["stance"] == "conditional"
    # the briefing: "On January 19, Putin rejected the 28-point plan as a basis for any talks."
    after = run_analysis(projections, "matrix", {"as_of": "2026-01-31", "since": "2025-12-31"})
    changed = cell(after, "dgr:putin", "dg:IssueTerritory")
    assert (changed["stance"], changed["date"], changed["dateKind"], changed["changed"]) == (
        "rejects", "2026-01-19", "stated", True)
    assert changed["quotes"] == ["On January 19, Putin rejected the 28-point plan as a basis for any talks."]
    assert changed["sources"] == 2
    # Russia demanded limits on Ukraine's forces in both documents: the same stance, not changed
    limits = cell(after, "dgr:russia", "dg:IssueForceLimits")
    assert (limits["stance"], limits["changed"], limits["sources"]) == ("demands", False, 2)


def _status_document(layout, name: str, sentence: str, status: str) -> None:
    """A made-up document stating Russia's status over Zaporizhzhia in one sentence."""
    import hashlib

    text = f"MADE-UP TEST DOCUMENT — NOT A REAL SOURCE.\n\n{sentence}\n"
    (layout.data / "sources" / f"{name}.txt").write_text(text, encoding="utf-8")
    (layout.documents_dir / f"{name}.yaml").write_text(f"""\
"@context": https://w3id.org/diplograph/context
"@graph":
  - id: dgs:{name}
    type: SourceDocument
    title: "{name} (made-up test document)"
    issued: {name[:10]}
    textFile: sources/{name}.txt
    sha256: {hashlib.sha256(text.encode()).hexdigest()}
    creator: dgr:author-{name}
  - id: dgr:author-{name}
    type: Author
    label: "Author of {name}"
  - id: dgr:status-{name}
    type: TerritorialStatus
    label: "{sentence}"
    territory: dgr:zaporizhzhia
    statusHolder: dgr:russia
    status: {status}
    attributedTo: dgr:author-{name}
    assertionMode: FactualAssertion
    derivedFrom: dgs:{name}
    evidence:
      - source: dgs:{name}
        selector: {{type: TextQuoteSelector, exact: "{sentence}"}}
""", encoding="utf-8")


def test_two_sources_stating_exclusive_statuses_of_a_territory_disagree(project):
    _status_document(project.layout, "2026-02-01-made-up-front-report", "Russia controls Zaporizhzhia.", "Controls")
    _status_document(project.layout, "2026-02-02-made-up-counter-report",
                     "Russia does not control Zaporizhzhia.", "DoesNotControl")
    graph = KnowledgeGraph(project.layout)
    graph.load()
    [found] = run_analysis(Projections(graph), "disagreements")
    assert found["kind"] == "TerritorialStatus" and found["about"] == ["dgr:zaporizhzhia", "dgr:russia"]
    assert [s["value"] for s in found["statements"]] == [["dg:Controls"], ["dg:DoesNotControl"]]
    # occupies is narrower than controls: it excludes "does not control" too; claims ownership excludes nothing
    sheet = project.layout.documents_dir / "2026-02-01-made-up-front-report.yaml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("status: Controls", "status: Occupies"))
    graph.load()
    assert len(run_analysis(Projections(graph), "disagreements")) == 1
    sheet.write_text(sheet.read_text(encoding="utf-8").replace("status: Occupies", "status: ClaimsOwnership"))
    graph.load()
    assert run_analysis(Projections(graph), "disagreements") == []


def test_the_negotiation_space_says_who_closes_each_door_and_what_is_open(graph):
    space = run_analysis(Projections(graph), "space", {"issue": "dg:IssueTerritory"})
    by_measure = {m["measure"]: m for m in space["measures"]}
    # "Putin insisted that Ukraine must withdraw …" — and Ukraine refuses Putin's conditions
    withdrawal = by_measure["dg:WithdrawalOfForces"]
    assert [d["actor"] for d in withdrawal["demands"]] == ["dgr:russia"]
    assert "dgr:ukraine" in {r["actor"] for r in withdrawal["rejects"]} and not withdrawal["open"]
    # recognising Russia's control is incompatible (the vocabulary's judgement) with Ukraine's principles
    recognition = by_measure["dg:RecognitionOfControl"]
    assert "dgr:ukraine" in {c["actor"] for c in recognition["closes"]}
    assert "excludes it" in recognition["explanation"]
    # restoring the recognised borders: demanded by Ukraine, rejected or closed by nobody in this article
    borders = by_measure["dg:RestorationOfBorders"]
    assert borders["open"] and "dg:RestorationOfBorders" in space["open"]
    assert borders["explanation"].endswith("no party has rejected it.")
    assert all(quote for role in ("demands", "rejects", "closes") for entry in recognition[role]
               for quote in entry["quotes"])


def test_the_example_data_set_holds_the_article_unchanged_and_shows_every_cross_source_analysis():
    from diplograph.layout import Layout

    example = Path(__file__).parents[1] / "examples" / "multi-source"
    data = Path(__file__).parents[1] / "data"
    for path in [data / "entities.ttl", *(data / "documents").glob("*.ttl"), *(data / "sources").glob("*.txt")]:
        assert (example / path.relative_to(data)).read_bytes() == path.read_bytes(), path
    assert validate_files(Layout.of(example)) == []
    graph = KnowledgeGraph.open(example)
    for name in ("corroboration", "changes", "disagreements"):
        assert run_analysis(Projections(graph), name), name
