"""Competency questions CQ1–CQ10 of shared/competency-questions.md, answered by the canned queries.

The expected answers are those a careful reader takes from the article; they are
checked by IRI or label, never by row count alone.
"""

from __future__ import annotations

from rdflib import Literal

from diplograph.namespaces import DG, DGR, OA, PROV, RDF


def rows(graph, name, **params):
    return [row.asdict() for row in graph.run_canned(name, **params)]


def labels(result, key):
    return {str(row[key]) for row in result}


def test_cq1_proposal_putin_accepts_as_basis_and_its_drafter(graph):
    result = rows(graph, "cq01-proposal-accepted-as-basis")
    assert {row["proposal"] for row in result} == {DGR["28-point-plan"]}
    assert {(row["drafter"], str(row["act"])) for row in result} == {
        (DGR["united-states"], "drafted"), (DGR["united-states"], "circulated")}
    assert all("could serve as a basis for future negotiations" in str(row["positionQuote"]) for row in result)
    quotes = labels(result, "draftingQuote")
    assert "a U.S.-drafted peace proposal" in quotes
    assert any("initially circulated by Washington" in q for q in quotes)


def test_cq2_withdrawal_before_any_ceasefire_or_dialogue(graph):
    result = rows(graph, "cq02-preconditions")
    assert [row["demand"] for row in result] == [DGR["demand-ukraine-withdraws-before-talks"]]
    row = result[0]
    assert set(str(row["before"]).split(", ")) == {"cease-fire", "negotiations"}
    assert row["territory"] == DGR["occupied-territories-of-ukraine"]
    assert "Ukraine must withdraw its military forces from territories currently occupied by Russia" \
        in str(row["quote"])
    assert row["assertedBy"] == DGR.putin


def test_cq2_recognition_is_a_precondition_for_talks_only(graph):
    result = rows(graph, "cq02-preconditions", process="dgr:negotiations")
    assert {row["demand"] for row in result} == {
        DGR["demand-ukraine-withdraws-before-talks"], DGR["demand-recognise-russian-control"]}


def test_cq3_four_elements_of_the_28_point_plan(graph):
    result = rows(graph, "cq03-proposal-points")
    assert [(int(row["number"]), str(row["pointLabel"])) for row in result] == [
        (1, "Territorial status of occupied regions"),
        (2, "Limits on Ukraine’s military forces"),
        (3, "Security guarantees without NATO"),
        (4, "International monitoring"),
    ]
    concerns = {int(row["number"]): str(row["concerns"]) for row in result}
    assert "Russian-occupied territories of Ukraine" in concerns[1]
    assert "Ukraine's army size" in concerns[2]
    assert "International guarantees" in concerns[3] and "NATO" in concerns[3]
    assert "neutral observers" in concerns[4]


def test_cq4_limits_russia_insists_on(graph):
    result = rows(graph, "cq04-military-limits")
    assert {row["capability"] for row in result} == {
        DGR["ukraine-army-size"], DGR["ukraine-strategic-weapons"], DGR["ukraine-long-range-capabilities"]}
    assert all(row["party"] == DGR.ukraine for row in result)
    assert all(str(row["quote"]).startswith("Russia insists on restricting") for row in result)


def test_cq5_zelenskyy_three_non_negotiable_principles(graph):
    result = rows(graph, "cq05-principles-of-actor")
    assert labels(result, "principleLabel") == {
        "Complete withdrawal of Russian forces",
        "Restoration of internationally recognized borders",
        "Binding long-term security guarantees",
    }
    assert labels(result, "negotiability") == {"non-negotiable"}
    assert all("three non-negotiable principles" in str(row["quote"]) for row in result)


def test_cq6_who_rejects_territorial_concessions(graph):
    result = rows(graph, "cq06-reject-territorial-concessions")
    actors = {row["actor"] for row in result}
    assert {DGR.ukraine, DGR["ukrainian-officials"], DGR.zelenskyy,
            DGR["baltic-states"], DGR.poland, DGR.finland} <= actors
    assert not actors & {DGR.russia, DGR.putin, DGR["united-states"]}
    baltic = [row for row in result if row["actor"] == DGR["baltic-states"]]
    assert any("Peace achieved through forced concessions legitimizes aggression." == str(r["quote"]) for r in baltic)
    officials = [row for row in result if row["actor"] == DGR["ukrainian-officials"]]
    assert [str(r["how"]) for r in officials] == ["rejects"]


def test_cq7_nato_is_kyivs_only_credible_protection_because_of_massacres(graph):
    result = rows(graph, "cq07-credible-protection")
    assert [row["guarantor"] for row in result] == [DGR.nato]
    assert set(str(result[0]["places"]).split(", ")) == {"Bucha", "Mariupol", "Izium", "Hostomel"}
    assert "Kyiv views NATO as the only credible protection" in str(result[0]["quote"])


def test_cq8_frozen_conflict_examples(graph):
    result = rows(graph, "cq08-analogy-examples")
    assert {row["territory"] for row in result} == {DGR.transnistria, DGR.abkhazia, DGR.donbas}


def test_cq9_russian_demands_conflict_with_ukrainian_principles(graph):
    result = rows(graph, "cq09-demands-vs-principles")
    stated = {(row["demand"], row["principle"]) for row in result if str(row["basis"]) == "stated"}
    read = {(row["demand"], row["principle"]) for row in result if str(row["basis"]).startswith("read as such by")}
    withdrawal, recognition = DGR["demand-ukraine-withdraws-before-talks"], DGR["demand-recognise-russian-control"]
    borders = DGR["principle-restoration-of-recognised-borders"]
    russian_withdrawal = DGR["principle-complete-withdrawal-of-russian-forces"]
    no_meter = DGR["red-line-not-a-single-meter"]
    guarantees = DGR["principle-binding-security-guarantees"]
    # “Recognize our control over these regions, then we will talk.” — recognition is what Moscow is reported to ask
    assert {(recognition, borders), (recognition, russian_withdrawal), (recognition, no_meter),
            (DGR["demand-limit-ukrainian-military"], guarantees),
            (DGR["28-point-plan-element-guarantees-without-nato"], guarantees)} <= stated
    # "Putin insisted that Ukraine must withdraw its military forces …": a withdrawal; the collision with Ukraine's
    # principles is the author's reading — "His proposal essentially offers a territorial surrender in exchange for
    # temporary calm." — so it is listed as read, by the author, with the reading's quote
    assert not any(demand == withdrawal for demand, _ in stated)
    assert {(withdrawal, borders), (withdrawal, russian_withdrawal), (withdrawal, no_meter)} <= read
    for row in result:
        if row["demand"] == withdrawal:
            assert row["readBy"] == DGR["author-2025-11-30-peace-talks-putin-conditions"] and row["readingQuote"]
    # Nothing Ukraine holds is paired with monitoring, which no principle opposes.
    assert not any(demand == DGR["28-point-plan-element-international-monitoring"] for demand, _ in stated | read)
    # Each pair says it is derived, and by which rule.
    assert {row["rule"] for row in result} == {DG.incompatibleWith}


def test_cq10_every_statement_has_source_and_verbatim_quote(graph, source_text):
    result = rows(graph, "cq10-provenance")
    facts = {row["fact"] for row in result}
    statements = set(graph.instances(DG.Statement))
    assert statements and statements <= facts
    for row in result:
        assert str(row["quote"]) in source_text, row["quote"]
        assert str(row["date"]) == "2025-11-30"


def test_author_judgements_are_attributed_to_the_author(graph):
    """"not a compromise, but an ultimatum" is the article's assessment, not a fact or a demand."""
    dataset = graph.dataset
    for quote in ("Putin’s conditions: not a compromise, but an ultimatum",
                  "His proposal essentially offers a territorial surrender in exchange for temporary calm.",
                  "These elements reveal a proposal aimed at enforcing Ukraine’s capitulation, "
                  "not reaching mutual peace."):
        # the statements that quote it (a correction may quote it too: it is not a statement)
        [statement] = [node for selector in dataset.subjects(OA.exact, Literal(quote))
                       for evidence in dataset.subjects(OA.hasSelector, selector)
                       for node in dataset.subjects(DG.evidence, evidence)
                       if (node, RDF.type, DG.Correction) not in dataset]
        assert (statement, RDF.type, DG.Assessment) in dataset
        assert dataset.value(statement, DG.assertionMode) == DG.Judgement
        author = dataset.value(statement, PROV.wasAttributedTo)
        assert (author, RDF.type, DG.Author) in dataset


def test_analysts_readings_are_theirs(graph):
    dataset = graph.dataset
    statement = DGR["assessment-signal-is-tactical-positioning"]
    assert dataset.value(statement, PROV.wasAttributedTo) == DGR.analysts
    assert dataset.value(statement, DG.assertionMode) == DG.Interpretation


def test_cq9_proposal_points_are_an_actors_only_when_it_accepts_the_proposal(graph):
    """The plan's points are Russia's to ask for because Putin accepts the plan as a basis ("Putin publicly stated that
    a U.S.-drafted peace proposal could serve as a basis for future negotiations"); Poland accepts no proposal, so
    asking for Poland's demands lists none of the plan's points as Poland's."""
    points = {row["demand"] for row in rows(graph, "cq09-demands-vs-principles")
              if str(row["kind"]) == "proposal point"}
    assert DGR["28-point-plan-element-guarantees-without-nato"] in points
    asked = rows(graph, "cq09-demands-vs-principles", demander="dgr:poland")
    assert not any(str(row["kind"]) == "proposal point" for row in asked)
    assert all(row["demander"] == DGR.poland for row in asked)


def test_cq9_lists_every_accepting_stance_of_the_vocabulary(graph):
    """CQ9 names the stances that accept a proposal (for Virtuoso 7, see the query): they must be exactly
    dg:ConditionallyAccepts and the stances below it, so a stance added to the vocabulary is not left out."""
    import re

    text = graph.canned_query("cq09-demands-vs-principles").text
    lists = re.findall(r"FILTER\(\?accepting IN \(([^)]*)\)\)", text)
    listed = [set(re.findall(r"dg:(\w+)", found)) for found in lists]
    narrower = {str(row[0]).rsplit("#", 1)[-1] for row in graph.query(
        "SELECT ?s WHERE { ?s skos:broader* dg:ConditionallyAccepts }")}
    assert listed and all(found == narrower for found in listed)
