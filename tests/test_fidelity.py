"""Fidelity: the graph says what its source says, dated and attributed, read through the answers a user gets.

One test per correction of the fidelity review (each reads a canned query, an analysis or an entity page and
quotes the sentence that decides it), then the audit: zero findings on the bundled graph, and each kind of
mutation found on a broken copy.
"""

from __future__ import annotations

import pytest

from diplograph.analysis.registry import Projections, run_analysis
from diplograph.auditing import audit
from diplograph.entities import describe
from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import DG, DGR, DGS, PROV

AUTHOR = DGR["author-2025-11-30-peace-talks-putin-conditions"]
WITHDRAWAL = DGR["demand-ukraine-withdraws-before-talks"]


def rows(graph, name, **params):
    return [row.asdict() for row in graph.run_canned(name, **params)]


# ---------------------------------------------------------------------- 1. no editor's reading inside a party's words

def test_putins_withdrawal_demand_calls_for_withdrawal_only(graph):
    # "Putin insisted that Ukraine must withdraw its military forces from territories currently occupied by Russia
    # before any cease-fire or dialogue could begin." — a withdrawal; "territorial surrender" is the author's word.
    page = describe(graph, WITHDRAWAL)
    measures = {r.node for r in page.outgoing if r.predicate == DG.callsFor}
    assert measures == {DG.WithdrawalOfForces}
    demands = rows(graph, "demands", by="dgr:russia")
    withdrawal = next(r for r in demands if r["demand"] == WITHDRAWAL)
    assert str(withdrawal["measures"]) == "withdrawal of forces"


def test_no_analysis_shows_the_withdrawal_demand_as_a_territorial_concession_except_as_a_reading(graph):
    conflicts = run_analysis(Projections(graph), "conflicts", {"demander": "russia"})
    about_withdrawal = [c for c in conflicts if c["demand"] == "dgr:demand-ukraine-withdraws-before-talks"]
    assert about_withdrawal
    for conflict in about_withdrawal:
        if conflict["rule"] == "stated-rejection":  # "Ukraine refuses."
            assert conflict["opponent"] == "dgr:position-ukraine-refuses-putin-conditions"
            continue
        assert conflict["rule"] == "read-as-incompatible"
        assert conflict["read_by"] == ["dgr:author-2025-11-30-peace-talks-putin-conditions"]
        assert conflict["reading_quotes"]
    surrender = [c for c in about_withdrawal if c["measures"] and c["measures"][0] == "dg:TerritorialConcession"]
    assert {q for c in surrender for q in c["reading_quotes"]} == {
        "His proposal essentially offers a territorial surrender in exchange for temporary calm."}


def test_cq9_says_which_conflicts_are_stated_and_which_are_read_into_a_demand(graph):
    result = rows(graph, "cq09-demands-vs-principles")
    withdrawal_rows = [r for r in result if r["demand"] == WITHDRAWAL]
    assert withdrawal_rows and all(str(r["basis"]).startswith("read as such by Author of") for r in withdrawal_rows)
    assert all(r["readBy"] == AUTHOR for r in withdrawal_rows)


# ---------------------------------------------------------------------- 2. dates that say what kind they are

def test_putins_statements_are_dated_before_the_document(graph):
    # "For the first time in months, Russian President Vladimir Putin publicly stated …" and "Putin insisted …":
    # said before the article of 2025-11-30, on no stated day.
    timeline = rows(graph, "position-timeline", actor="dgr:putin")
    assert {r["statement"] for r in timeline} == {DGR["position-putin-plan-as-basis"], WITHDRAWAL}
    for row in timeline:
        assert str(row["date"]) == "2025-11-30"
        assert str(row["dateKind"]) == "said before the document, not after this date"


def test_zelenskyys_principles_are_recurring_and_ukraines_refusal_is_held_as_of_the_document(graph):
    # "President Volodymyr Zelenskyy repeatedly emphasizes three non-negotiable principles:"
    kinds = {str(r["dateKind"]) for r in rows(graph, "position-timeline", actor="dgr:zelenskyy")}
    assert "the document's date — repeatedly, up to the document" in kinds
    ukraine = {r["statement"]: str(r["dateKind"]) for r in rows(graph, "position-timeline", actor="dgr:ukraine")}
    # "Ukraine refuses."
    assert ukraine[DGR["position-ukraine-refuses-putin-conditions"]] == "the document's date — held as of the document"


def test_every_date_a_query_shows_comes_with_its_kind(graph):
    for actor in ("dgr:russia", "dgr:ukraine", "dgr:analysts", "dgr:author-2025-11-30-peace-talks-putin-conditions"):
        for row in rows(graph, "position-timeline", actor=actor):
            assert row["dateKind"], row
    for row in rows(graph, "demands"):
        assert row["dateKind"], row
    before_first = rows(graph, "position-timeline", actor="dgr:russia")
    # said before the document: listed before what the document reports as held on its day
    kinds = [str(r["dateKind"]) for r in before_first]
    assert kinds.index("said before the document, not after this date") < kinds.index(
        "the document's date — held as of the document")


# ---------------------------------------------------------------------- 3. the author's uncertainty is the author's

def test_russias_timeline_has_no_position_on_monitoring(graph):
    # "It is unknown whether Moscow would accept oversight on territories it claims to “own”." — the author's claim.
    timeline = rows(graph, "position-timeline", actor="dgr:russia")
    assert not any("monitoring" in str(r["statement"]) for r in timeline)
    claim = DGR["claim-russia-stance-on-monitoring-unknown"]
    assert (claim, PROV.wasAttributedTo, AUTHOR) in graph.dataset
    assert DG.Claim in graph.types(claim) and DG.Position not in graph.types(claim)
    assert not list(graph.dataset.subjects(DG.holder, DGR.russia))


# ---------------------------------------------------------------------- 4. plan elements named by content

def test_plan_elements_do_not_take_the_plans_point_numbers(graph):
    numbered = [s for s in graph.dataset.subjects() if str(s).startswith(str(DGR["28-point-plan-point-"]))]
    assert numbered == []
    elements = {r["point"] for r in rows(graph, "cq03-proposal-points")}
    assert elements == {DGR[f"28-point-plan-element-{name}"] for name in (
        "territorial-status", "military-limits", "guarantees-without-nato", "international-monitoring")}


def test_the_retired_iris_lead_to_their_replacements(graph):
    replaced = {r["corrects"]: r["replacedBy"] for r in rows(graph, "corrections") if "replacedBy" in r}
    assert replaced[DGR["28-point-plan-point-1"]] == DGR["28-point-plan-element-territorial-status"]
    assert replaced[DGR["position-russia-on-monitoring-unknown"]] == DGR["claim-russia-stance-on-monitoring-unknown"]


# ---------------------------------------------------------------------- 5. described, not attributed

def test_the_plan_is_described_by_the_leaks_not_attributed_to_them(graph):
    # "Diplomatic leaks refer to a “28-point plan”, initially circulated by Washington."
    plan = DGR["28-point-plan"]
    assert not list(graph.dataset.objects(plan, PROV.wasAttributedTo))
    provenance = [r for r in rows(graph, "cq10-provenance") if r["fact"] == plan]
    assert {r["assertedBy"] for r in provenance} == {DGR["diplomatic-sources"]}
    assert {str(r["mode"]) for r in provenance} == {"reported"}
    described = graph.query("SELECT ?e WHERE { ?e dg:describedBy ?who FILTER NOT EXISTS { ?e dg:assertionMode ?m } }")
    assert list(described) == []


# ---------------------------------------------------------------------- 6. qualifiers kept

def test_qualifiers_the_only_protection_and_potential_observers(graph):
    # "Kyiv views NATO as the only credible protection." / "Potential deployment of neutral observers …"
    assert (DGR["position-ukraine-nato-only-credible-protection"], DG.qualifier, DG.Exclusive) in graph.dataset
    assert (DGR["neutral-observers"], DG.qualifier, DG.Potential) in graph.dataset
    # "Russia is facing logistical strains, sanctions pressure and frontline exhaustion."
    concerns = set(graph.dataset.objects(DGR["claim-russia-faces-strains"], DG.concerns))
    assert concerns == {DGR["logistical-strains"], DGR["sanctions-pressure"], DGR["frontline-exhaustion"]}


def test_rhetorical_headings_are_framings_not_judgements(graph):
    for heading in ("assessment-europe-dilemma", "assessment-road-ahead"):
        assert graph.dataset.value(DGR[heading], DG.assertionMode) == DG.Framing


# ---------------------------------------------------------------------- 7. groups and places with members

def test_europe_has_members_and_their_principles_are_europes_through_them(graph):
    members = {r["member"] for r in rows(graph, "members", group="Europe")}
    assert {DGR.poland, DGR.finland, DGR["baltic-states"], DGR.estonia, DGR.latvia, DGR.lithuania} <= members
    assert DGR.russia not in members and DGR.ukraine not in members
    principles = rows(graph, "cq05-principles-of-actor", holder="dgr:europe")
    # "States familiar with Moscow’s behavior — Baltic countries, Poland, Finland — maintain a clear stance:"
    assert {r["principle"] for r in principles} == {DGR["principle-forced-concessions-legitimize-aggression"]}
    assert "editorial" in str(principles[0]["heldVia"])


def test_europe_means_europe_and_eu_is_an_alias(graph):
    # "Europe’s dilemma: stability or principle?" — Europe, not Western Europe
    assert graph.dataset.value(DGR["assessment-europe-dilemma"], DG.about) == DGR.europe
    assert graph.resolve("EU") == DGR["european-union"]


def test_donbas_and_zaporizhzhia_overlap_the_occupied_territories(graph):
    occupied = DGR["occupied-territories-of-ukraine"]
    assert set(graph.dataset.objects(occupied, DG.overlaps)) == {DGR.donbas, DGR.zaporizhzhia}
    for territory in (DGR.donbas, DGR.zaporizhzhia, occupied):
        assert (territory, DG.partOf, DGR.ukraine) in graph.dataset


# ---------------------------------------------------------------------- 8. the frozen-conflict paragraph

def test_the_frozen_conflict_analogy_is_the_analysts(graph):
    # In the section "Analysts: Strategic rhetoric, not genuine peace": "This mirrors the “frozen conflict” model …"
    result = rows(graph, "cq08-analogy-examples")
    assert {r["assertedBy"] for r in result} == {DGR.analysts}


# ---------------------------------------------------------------------- the audit

def test_the_bundled_graph_has_nothing_to_review(graph):
    assert audit(graph) == []


MUTATIONS = {
    "a measure the quote does not say": (
        "    dg:callsFor dg:WithdrawalOfForces ;",
        "    dg:callsFor dg:WithdrawalOfForces, dg:TerritorialConcession ;",
        "dgr:demand-ukraine-withdraws-before-talks", "words-not-in-source"),
    "a qualifier the quote does not say": (
        "    dg:callsFor dg:MilitaryLimitation ;\n    dg:concerns dgr:ukraine-army-size, "
        "dgr:ukraine-strategic-weapons, dgr:ukraine-long-range-capabilities ;\n    prov:wasAttributedTo dgr:russia ;",
        "    dg:callsFor dg:MilitaryLimitation ;\n    dg:qualifier dg:Exclusive ;\n    dg:concerns "
        "dgr:ukraine-army-size, dgr:ukraine-strategic-weapons, dgr:ukraine-long-range-capabilities ;\n"
        "    prov:wasAttributedTo dgr:russia ;",
        "dgr:demand-limit-ukrainian-military", "words-not-in-source"),
    "a party the quote does not name": (
        "    dg:demandedOf dgr:ukraine ;\n    dg:callsFor dg:MilitaryLimitation ;",
        "    dg:demandedOf dgr:poland ;\n    dg:callsFor dg:MilitaryLimitation ;",
        "dgr:demand-limit-ukrainian-military", "party-not-in-source"),
    "an addressee without its derivation rule": (
        "    dg:derivedBy dg:ReferentFromContext ;  # \"Recognize our control\"", "    # \"Recognize our control\"",
        "dgr:demand-recognise-russian-control", "party-not-in-source"),
    "a reported statement without a date": (
        "    dg:datePrecision dg:AsOfDocument ;   # \"Kyiv argues\"\n", "",
        "dgr:claim-ceasefire-on-occupation-is-not-peace", "undated-report"),
    "the author's uncertainty as Russia's position": (
        "dgr:claim-russia-stance-on-monitoring-unknown a dg:Claim ;\n",
        "dgr:claim-russia-stance-on-monitoring-unknown a dg:Position ;\n    dg:holder dgr:russia ;\n"
        "    dg:stance dg:Undetermined ;\n",
        "dgr:claim-russia-stance-on-monitoring-unknown", "position-not-the-holders"),
    "a described entity without its assertion mode": (
        "    rdfs:label \"Potential deployment of neutral observers\"@en ;\n    dg:qualifier dg:Potential ;\n"
        "    dg:purpose \"to prevent escalation\" ;\n    dg:describedBy dgr:analysts, dgr:diplomats ;\n"
        "    dg:assertionMode dg:Reported ;\n",
        "    rdfs:label \"Potential deployment of neutral observers\"@en ;\n    dg:qualifier dg:Potential ;\n"
        "    dg:purpose \"to prevent escalation\" ;\n    dg:describedBy dgr:analysts, dgr:diplomats ;\n",
        "dgr:neutral-observers", "description-without-asserter"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_the_audit_finds_each_kind_of_mutation(project, name):
    old, new, node, rule = MUTATIONS[name]
    project.replace(project.document, old, new)
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    found = {(f.node, f.rule) for f in audit(graph)}
    assert (node, rule) in found, (name, found)


def test_the_audit_finds_a_query_showing_a_date_without_its_kind(project):
    project.replace(project.root / "queries" / "demands.rq", "(SAMPLE(?kind) AS ?dateKind)", "")
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    assert ("query demands", "date-without-kind") in {(f.node, f.rule) for f in audit(graph)}


def test_audit_command_exit_codes(project):
    import subprocess
    import sys
    from pathlib import Path

    diplograph = Path(sys.executable).with_name("diplograph")
    clean = subprocess.run([str(diplograph), "audit", "--data", str(project.root / "data"),
                            "--ontology", str(project.root / "ontology")], capture_output=True, text=True)
    assert clean.returncode == 0 and "nothing to review" in clean.stdout
    project.replace(project.document, *MUTATIONS["a measure the quote does not say"][:2])
    broken = subprocess.run([str(diplograph), "audit", "--data", str(project.root / "data"),
                             "--ontology", str(project.root / "ontology")], capture_output=True, text=True)
    assert broken.returncode == 1
    assert "dgr:demand-ukraine-withdraws-before-talks" in broken.stdout and "dg:TerritorialConcession" in broken.stdout


def test_many_documents_are_audited_over_the_processors_with_the_same_findings(tmp_path, monkeypatch):
    """Seven generated documents, one with a demander its quote does not name: the findings are the same audited in
    forked processes as one by one, and the second audit reads them from the cache."""
    import shutil

    from helpers import REPO

    from diplograph import auditing, fidelity
    from diplograph.generate import generate_documents
    from diplograph.layout import Layout

    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 7)
    sheet = tmp_path / "data" / "documents" / "synthetic-0003.ttl"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("dg:demandedBy dgr:russia ;", "dg:demandedBy dgr:poland ;", 1), encoding="utf-8")
    layout = Layout(tmp_path / "data", tmp_path / "ontology")

    def audited(cache: str, parallel_from: int):
        monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / cache))
        monkeypatch.setattr(auditing, "_PARALLEL_FROM", parallel_from)
        graph = KnowledgeGraph(layout)
        graph.load(validate=False)
        return audit(graph)

    one_by_one = audited("serial", 10**9)
    forked = audited("forked", 2)
    assert forked == one_by_one
    # each document's world (its graph, the ontology, the entities, in rdflib's memory) finds what a walk of the
    # whole store finds
    whole = KnowledgeGraph(layout)
    whole.load(validate=False)
    walked = fidelity.findings_in(whole.dataset, whole.instances(DG.Statement), whole.source_texts())
    assert set(walked) == {f for f in forked if not f.node.startswith("query ")} and walked
    moved = [f for f in forked if "dgr:poland" in f.message]  # the one statement changed, of that document
    assert moved and {f.node for f in moved} == {"dgr:demand-ukraine-withdraws-before-talks-0003"}
    monkeypatch.setattr(auditing, "_audit_documents",
                        lambda _, todo, __: pytest.fail(f"audited again: {todo}") if todo else iter(()))
    assert audited("forked", 2) == forked


def test_an_audit_of_the_files_after_one_change_loads_and_audits_that_document_only(tmp_path, monkeypatch):
    """Five generated documents audited once; then one gets a demander its quote does not name. The audit of the
    files reads only that document's graph (into its world, beside the ontology and the entities; no document is
    loaded into a store), audits it alone, and finds what an audit of everything loaded afresh finds."""
    import shutil

    from helpers import REPO

    from diplograph import auditing
    from diplograph.generate import generate_documents
    from diplograph.layout import Layout

    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    generate_documents(tmp_path / "data", 5)
    layout = Layout(tmp_path / "data", tmp_path / "ontology")
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    assert auditing.audit_files(layout) == []
    sheet = tmp_path / "data" / "documents" / "synthetic-0002.ttl"
    text = sheet.read_text(encoding="utf-8")
    sheet.write_text(text.replace("dg:demandedBy dgr:russia ;", "dg:demandedBy dgr:poland ;", 1), encoding="utf-8")
    audited = []
    real = auditing._audit_documents

    def watched(graph, todo, parts):
        audited.append(([name for name, _ in todo], {str(g) for g in graph.graphs()}, sorted(parts)))
        return real(graph, todo, parts)

    monkeypatch.setattr(auditing, "_audit_documents", watched)
    found = auditing.audit_files(layout)
    [(names, graphs, parts)] = audited
    assert names == parts == ["synthetic-0002"]  # its graph read from the cache folder, given to its world
    assert not any(name.startswith(str(DGS)) for name in graphs)  # no document's graph loaded into a store
    assert {f.node for f in found} == {"dgr:demand-ukraine-withdraws-before-talks-0002"}
    monkeypatch.setattr(auditing, "_audit_documents", real)
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "fresh"))
    whole = KnowledgeGraph(layout)
    whole.load(validate=False)
    assert audit(whole) == found
