"""The classes the sixty-first to sixty-third made-up pages (a General Assembly vote, a border closure, a joint
plan) showed, each pinned on sentences of their own: the General Assembly is the UN; "states" is a noun unless
it reports "that"; a body that adopted a resolution demanding something demands it; a one-word verdict joined to
another verb is still the caller's; humanitarian traffic is humanitarian access; a plan presented with the points
it "calls for:" is proposed, point by point, by its presenters — a plan to be presented later is not yet; a party
studying a proposal takes a position on it; "…, the interior ministry announced" speaks for the party the sentence
is about, and what that party will do is its position — and, from the sixty-fourth to sixty-sixth (a truce offer's
reactions, a mediator, a debate on relief): a report whose verb is followed by "on <day> that …" is no closing
report; needing more details is a stance, not a demand; "two officials said" is anonymous; "is considering easing"
is no belief; critics, wherever they are, are no party; "…, and its foreign ministry said" is the first party's,
for the drafter and the audit alike.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.reporting import voice


def test_the_general_assembly_is_the_un_and_states_is_a_noun_unless_it_reports():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("The General Assembly met in New York.", gazetteer)] == ["dgr:united-nations"]
    assert voice("Forty states voted against the text.").kind == "none"
    assert voice("The declaration states that borders are inviolable.").kind == "reported"


def test_a_body_that_adopted_a_resolution_demanding_something_demands_it():
    assert drafted_alone("The UN General Assembly adopted a resolution on Friday demanding a ceasefire.")[:2] == \
        ("Demand", "dgr:united-nations")


def test_a_verdict_joined_to_another_verb_and_humanitarian_traffic():
    assert drafted_alone("Minsk called the decision reckless and recalled its ambassador.")[1:] == \
        ("dgr:belarus", "Reported")
    assert gazetteer_of(KnowledgeGraph.open()).measures_in("Keep humanitarian traffic moving.") == \
        ["dg:HumanitarianAccess"]


def test_a_plan_presented_with_its_points_is_proposed_point_by_point(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "India and Brazil presented a joint plan on Monday that calls for:",
                                 "- a halt to strikes on energy infrastructure;", "- an exchange of all prisoners.",
                                 day=date(2027, 3, 24))
    lead = drafted["India and Brazil presented a joint plan on Monday that calls for:"]
    point = drafted["an exchange of all prisoners."]
    assert (lead.kind, lead.asserted_by) == ("Proposal", "dgr:india")
    assert (point.kind, point.asserted_by, point.assertion_mode) == ("Proposal", "dgr:india", "Reported")
    assert kind_of("India will present a plan next month.") != "Proposal"  # announced, not yet put forward


def test_a_party_studying_a_proposal_takes_a_position():
    assert kind_of("Minsk said it was studying the proposal.") == "Position"


def test_a_ministry_closing_the_sentence_speaks_for_its_party_and_its_plans_are_its_position(project, tmp_path):
    sentence = ("RIGA, 3 March — Latvia will close two more border crossings with Russia on Friday, the interior "
                "ministry announced.")
    assert drafted_alone(sentence)[1:] == ("dgr:latvia", "Reported")
    closing = drafted_paragraphs(project, tmp_path, sentence, day=date(2027, 3, 3))[sentence]
    assert (closing.kind, closing.asserted_by) == ("Position", "dgr:latvia")
    assert closing.measures == ["dg:BorderClosure"]  # what the position is towards


def test_a_report_followed_by_on_a_day_that_is_no_closing_report_and_two_officials_are_anonymous():
    assert voice("Its envoy, Ana Madeupova, said on Monday that Chisinau was ready to talk.").speaker_end > 0
    assert voice("Minsk is weighing new tariffs, two officials said.").kind == "anonymous"


def test_needing_details_is_a_stance_and_considering_an_action_is_no_belief():
    assert kind_of("Minsk said it needed more time before answering.") == "Position"
    assert kind_of("Warsaw is considering closing the crossing.") != "Assessment"


def test_critics_are_no_party_and_its_ministry_speaks_for_the_first_party(project, tmp_path):
    assert drafted_alone("Critics in Minsk accuse Vilnius of provoking a crisis.")[1:] == ("dgr:author-x", "Reported")
    sentence = ("Moldova joined the Riga framework in 2025, and its foreign ministry said in May that it backed a "
                "truce at sea.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2027, 3, 3))[sentence]
    assert drafted.asserted_by == "dgr:moldova"
    assert not [f for f in drafted.findings if "speaker-not-asserter" in f]  # the audit reads it alike
