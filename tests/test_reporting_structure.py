"""Who speaks, in which sentences, and what they refer to: the classes the fifth and sixth made-up pages showed,
each pinned on sentences of its own (not the pages' words).

A word of a name is no reporting verb ("the Baltic states urged"); a report can come after its content ("…, the
Polish president said"); a verb in a clause of time tells an event, not whose words the sentence carries; a
conditional threat demands its condition; an offer is a proposal and a refusal to concede a position; "Finland's
demands" are Finland's statements read before; a byline is no statement; the audit hears every party of a joint
subject.
"""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import Graph, URIRef

from diplograph.documents import add_source
from diplograph.drafting import draft_sentence, propose
from diplograph.fidelity import findings_in
from diplograph.graph import KnowledgeGraph
from diplograph.referring import Earlier
from diplograph.review import Candidate
from diplograph.terms import short


@pytest.fixture(scope="module")
def bundled() -> KnowledgeGraph:
    return KnowledgeGraph.open()


def test_a_word_of_a_name_is_not_a_reporting_verb(bundled):
    urged = draft_sentence(bundled, "The Baltic states urged Moscow to free every prisoner of war.")
    assert (urged.kind, urged.asserted_by, urged.assertion_mode) == ("Demand", "dgr:baltic-states", "Reported")
    assert urged.measures[:1] == ["dg:PrisonerExchange"]
    silent = draft_sentence(bundled, "The United States has not commented on the plan.")
    assert (silent.kind, silent.asserted_by, silent.assertion_mode) == ("Claim", None, "FactualAssertion")


def test_a_report_given_after_its_content_is_the_speakers(bundled):
    """The party named in the content ("Russia") is not the speaker; the one before the closing verb is."""
    after = draft_sentence(bundled, "Russia must return the deported children, the Polish president told reporters "
                                    "on Monday.", date(2026, 5, 13))
    assert (after.kind, after.asserted_by, after.stated_on) == ("Demand", "dgr:poland", "2026-05-11")
    quoted = draft_sentence(bundled, "“We won’t sign a deal that cedes land,” Finland’s foreign minister said.")
    assert (quoted.kind, quoted.asserted_by) == ("Position", "dgr:finland")


def test_a_verb_in_a_clause_of_time_tells_an_event_not_a_speaker(bundled):
    event = draft_sentence(bundled, "Grain exports resumed after Russia accused the monitors of bias.")
    assert (event.asserted_by, event.assertion_mode) == (None, "FactualAssertion")


def test_a_conditional_threat_demands_its_condition_and_an_offer_is_a_proposal(bundled):
    threat = draft_sentence(bundled, "Moscow will halt the grain deal unless the West lifts sanctions.")
    assert (threat.kind, threat.asserted_by) == ("Demand", "dgr:russia")
    assert threat.measures[0] == "dg:SanctionsRelief"  # "lifts sanctions": relief, named before the sanctions
    offer = draft_sentence(bundled, "Estonia offered last week to host the next round of talks.")
    assert (offer.kind, offer.asserted_by) == ("Proposal", "dgr:estonia")
    assert draft_sentence(bundled, "The Kremlin offered no details.").kind != "Proposal"


def _drafted(sentence: str, kind: str, by: str, number: int) -> Candidate:
    return Candidate(id=f"{number:010d}", sentence=sentence, kind=kind, asserted_by=by, assertion_mode="Reported",
                     rule="a test")


def test_a_partys_statements_are_what_its_possessive_names(bundled):
    earlier = Earlier(bundled, "a-page-no-graph-holds")
    earlier.drafted(_drafted("Finland demanded that Russia withdraw.", "Demand", "dgr:finland", 1))
    earlier.drafted(_drafted("Moscow demanded that Kyiv recognise its control.", "Demand", "dgr:russia", 2))
    earlier.drafted(_drafted("Finland also demanded reparations.", "Demand", "dgr:finland", 3))
    earlier.drafted(_drafted("Estonia said in a statement that talks should resume.", "Claim", "dgr:estonia", 4))
    earlier.drafted(_drafted("Latvia agreed.", "Claim", "dgr:latvia", 5))
    owner = {"Finland": "dgr:finland", "Moscow": "dgr:russia"}.get
    assert {m.entity for m in earlier.referents("Kyiv welcomed Finland's demands.", owner)} == {
        "dgr:demand-0000000001", "dgr:demand-0000000003"}
    assert [m.entity for m in earlier.referents("Kyiv rejected Moscow's latest demand.", owner)] == [
        "dgr:demand-0000000002"]
    # a word that names no kind refers to the last sentence that used it, not merely the last one read
    assert [m.entity for m in earlier.referents("Kyiv ignored the statement.")] == ["dgr:claim-0000000004"]


def test_a_possessive_referent_is_what_the_sentence_is_about_not_its_maker(project, tmp_path):
    text = tmp_path / "welcome.txt"
    text.write_text("June 2, 2026\n\nFinland demanded on Monday that Russia withdraw from the border.\n\n"
                    "Kyiv welcomed Finland's demand.\n")
    slug, _ = add_source(project.layout, text, title="A welcome (made up)", day=date(2026, 6, 2))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    demand, welcome = propose(graph, slug)
    assert (welcome.kind, welcome.asserted_by) == ("Position", "dgr:ukraine")
    assert {m.entity for m in welcome.mentions} == {"dgr:ukraine", f"dgr:demand-{demand.id}"}


def test_a_byline_is_page_furniture_not_a_statement(project, tmp_path):
    text = tmp_path / "byline.txt"
    text.write_text("Kyiv says no\n\nBy Anna Madeup · Monday 4 May 2026\n\nKyiv rejected the offer on Sunday.\n")
    slug, _ = add_source(project.layout, text, title="Kyiv says no (made up)", day=date(2026, 5, 4))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    sentences = [c.sentence for c in propose(graph, slug)]
    assert "Kyiv rejected the offer on Sunday." in sentences
    assert not any("Anna Madeup" in s for s in sentences)


_JOINT = """@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix dgr: <https://w3id.org/diplograph/id/> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix prov: <http://www.w3.org/ns/prov#> .
dgr:demand-joint a dg:Demand ; prov:wasAttributedTo dgr:{asserter} ; dg:assertionMode dg:Reported ;
  dg:evidence [ oa:hasSource <https://w3id.org/diplograph/source/a-page> ;
                oa:hasSelector [ oa:exact "Latvia and Estonia demanded that Russia pay reparations." ] ] ."""


@pytest.mark.parametrize(("asserter", "flagged"), [("latvia", False), ("estonia", False), ("poland", True)])
def test_the_audit_hears_every_party_of_a_joint_subject(bundled, asserter, flagged):
    world = bundled.world([], extra=Graph().parse(data=_JOINT.replace("{asserter}", asserter), format="turtle"))
    node = URIRef("https://w3id.org/diplograph/id/demand-joint")
    found = [f for f in findings_in(world, [node], {}) if f.rule == "speaker-not-asserter"]
    assert bool(found) == flagged
    if flagged:
        assert "dgr:estonia and dgr:latvia" in found[0].message, found
    assert short(node) == "dgr:demand-joint"


def test_a_report_in_the_passive_voice_is_its_agents(bundled):
    """"Kyiv was urged by the EU": the EU demands, of Kyiv; a passive without an agent names no speaker."""
    from diplograph.review import proposed_fact

    urged = draft_sentence(bundled, "Moldova was urged by the EU on Friday to hold a truce.", date(2026, 9, 9))
    fact = proposed_fact(urged, "a-made-up-page")
    assert (urged.kind, urged.asserted_by, urged.stated_on) == ("Demand", "dgr:european-union", "2026-09-04")
    assert (fact["demandedBy"], fact["callsFor"]) == ("dgr:european-union", ["dg:Ceasefire"])
    assert draft_sentence(bundled, "The truce was rejected on Friday.").asserted_by is None


def test_beliefs_warnings_and_categorical_refusals_have_their_kinds(bundled):
    doubt = draft_sentence(bundled, "Many experts doubt that the truce will last.")
    assert (doubt.kind, doubt.asserted_by, doubt.assertion_mode) == ("Prediction", "dgr:analysts", "Interpretation")
    fear = draft_sentence(bundled, "Latvia fears that Moscow might cut the gas.")
    assert (fear.asserted_by, fear.assertion_mode) == ("dgr:latvia", "Reported")
    warning = draft_sentence(bundled, "Estonia warned that the talks could collapse.")
    assert (warning.kind, warning.asserted_by) == ("Prediction", "dgr:estonia")
    never = draft_sentence(bundled, "Kyiv would never hand over Zaporizhzhia, its envoy said.")
    assert (never.kind, never.asserted_by) == ("Principle", "dgr:ukraine")
    backing = draft_sentence(bundled, "Poland said it would back a monitoring mission.")
    assert (backing.kind, backing.measures) == ("Position", ["dg:InternationalMonitoring"])
    tank = draft_sentence(bundled, "A Warsaw think tank published a survey of the front.")
    assert tank.assertion_mode == "FactualAssertion"  # "think" there is no verb of belief


def test_a_common_word_is_not_a_name_spelt_another_way(bundled):
    """"Analysis" looks like the alias "analysts", which is no proper name: only proper names are matched loosely."""
    framed = draft_sentence(bundled, "Analysis: a truce nobody guarantees")
    assert "dgr:analysts" not in {m.entity for m in framed.mentions}
    assert "dgr:zaporizhzhia" in {m.entity for m in draft_sentence(bundled, "Shelling hit Zaporozhzhia.").mentions}


def test_a_list_of_conditions_is_its_partys_demands_and_reaches_only_its_items(project, tmp_path):
    """A lead naming conditions makes its items (bulleted, the marker not quoted) the party's demands; the news
    below the list is not the list's; "before any talks" makes a demand a precondition of the talks."""
    from diplograph.review import proposed_fact

    text = tmp_path / "conditions.txt"
    text.write_text("September 3, 2026\n\nLatvia's envoy set out two conditions:\n\n- A ceasefire before any talks\n"
                    "- The return of deported children\n\nIt is unclear whether Estonia will attend the talks.\n")
    slug, _ = add_source(project.layout, text, title="Conditions (made up)", day=date(2026, 9, 3))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = {c.sentence: c for c in propose(graph, slug)}
    first, second = drafted["A ceasefire before any talks"], drafted["The return of deported children"]
    assert (first.kind, first.asserted_by) == (second.kind, second.asserted_by) == ("Demand", "dgr:latvia")
    unclear = drafted["It is unclear whether Estonia will attend the talks."]
    assert (unclear.kind, unclear.assertion_mode) == ("Claim", "FactualAssertion")
    assert proposed_fact(unclear, slug)["ascribesStance"] == "Undetermined"
    assert second.measures == ["dg:ReturnOfDeported"]
    assert proposed_fact(first, slug)["preconditionFor"] == ["dgr:negotiations"]


def test_verdicts_acceptances_and_refusals_to_withdraw(bundled):
    verdict = draft_sentence(bundled, "Estonia's president called the plan a trap.")
    assert (verdict.kind, verdict.asserted_by) == ("Assessment", "dgr:estonia")
    agree = draft_sentence(bundled, "Latvia said it would agree to a truce.")
    assert (agree.kind, agree.asserted_by) == ("Position", "dgr:latvia")
    stay = draft_sentence(bundled, "The Kremlin said it will not withdraw from Donbas.")
    assert (stay.kind, stay.asserted_by, stay.measures) == ("Position", "dgr:russia", ["dg:WithdrawalOfForces"])
    head = draft_sentence(bundled, "The head of Poland's delegation, Jan Madeupski, said talks must resume.")
    assert (head.kind, head.asserted_by) == ("Demand", "dgr:jan-madeupski")
    # a plan's point is named by what it says: "international monitoring" here is no mention of the article's point
    assert draft_sentence(bundled, "International monitoring of the border is needed.").mentions == []


def test_a_lead_that_refers_back_gives_its_points_to_that_statement(project, tmp_path):
    """"The statement lists two points:" after a joint statement: its points are that statement's demands, derived
    from the context (their party is not in their words); a lead announcing implications stays the author's; a
    correction notice is no statement; "the joint statement" is the one said jointly, not the last "statement"."""
    from diplograph.review import proposed_fact

    text = tmp_path / "points.txt"
    text.write_text("October 1, 2026\n\nIn a joint statement, Latvia said that any deal must include guarantees.\n\n"
                    "The statement lists two points:\n\n1. A withdrawal of Russian troops\n"
                    "2. Compensation for all war damage\n\nEstonia said in a statement that talks should wait.\n\n"
                    "Moscow rejected the joint statement.\n\nThe demand has grave implications:\n\n"
                    "- Fewer options for everyone involved\n\nCorrection: an earlier version misspelt a name.\n")
    slug, _ = add_source(project.layout, text, title="Points (made up)", day=date(2026, 10, 1))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = {c.sentence: c for c in propose(graph, slug)}
    joint = drafted["In a joint statement, Latvia said that any deal must include guarantees."]
    point = drafted["A withdrawal of Russian troops"]
    assert (point.kind, point.asserted_by, point.derived_by) == ("Demand", "dgr:latvia", "ReferentFromContext")
    fact = proposed_fact(point, slug)
    # "withdrawal" is a cue of the end of occupation, whose longer word holds withdrawal of forces' "withdraw"
    assert (fact["demandedBy"], fact["derivedBy"], fact["callsFor"]) == ("dgr:latvia", "ReferentFromContext",
                                                                         ["dg:EndOfOccupation"])
    assert drafted["Compensation for all war damage"].measures == ["dg:Reparations"]
    assert f"dgr:demand-{joint.id}" in {m.entity for m in drafted["Moscow rejected the joint statement."].mentions}
    reading = drafted["Fewer options for everyone involved"]
    assert (reading.kind, reading.assertion_mode, reading.derived_by) == ("Assessment", "Judgement", None)
    assert not any(sentence.startswith("Correction") for sentence in drafted)


def test_readiness_and_expectations(bundled):
    from diplograph.stances import stance_of

    ready = draft_sentence(bundled, "“We are ready to talk,” the Latvian president said.")
    assert (ready.kind, ready.asserted_by) == ("Position", "dgr:latvia")
    assert "dgr:negotiations" in {m.entity for m in ready.mentions}  # "talk" names the talks
    assert stance_of("Estonia is not ready to sign.") != "Supports"
    expecting = draft_sentence(bundled, "Officials in Warsaw expect a new round of talks.")
    assert expecting.kind == "Prediction"


def test_a_prediction_no_one_makes_is_the_authors_and_a_refusal_until_is_a_demand(bundled):
    expected = draft_sentence(bundled, "Baltic leaders are expected to meet in Riga next month.")
    assert (expected.kind, expected.asserted_by, expected.assertion_mode) == ("Prediction", None, "Judgement")
    until = draft_sentence(bundled, "Brussels said it would not ease sanctions until Russia withdraws.")
    assert (until.kind, until.asserted_by) == ("Demand", "dgr:european-union")  # Brussels: the EU's seat
    diplomat = draft_sentence(bundled, "Poland's top diplomat, Ewa Madeupska, said the talks must resume.")
    assert diplomat.asserted_by == "dgr:ewa-madeupska"
    unclear = draft_sentence(bundled, "It is not clear whether Finland will send observers.")
    assert (unclear.kind, unclear.assertion_mode) == ("Claim", "FactualAssertion")
    assert draft_sentence(bundled, "Kyiv urged Berlin to deliver more air defence.").measures == ["dg:MilitaryAid"]
