"""The classes the three-hundred-and-third to -fifth made-up pages (an agency chief's shuttle, an institute's weekly
note, a veto threat) showed, each pinned on sentences of their own: a "he" after "the head of" a body is the body;
being "one … away from a disaster" is a warning's verdict; "nothing to negotiate" refuses; no "sign of giving ground"
is a verdict; "we assess" is the author's; a veto "unless" another acts demands the act; what states named by a
region "want" they ask for; what "looks designed to" is a reading; troops that must "leave" a place are a withdrawal.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

DAY = date(2028, 10, 26)


def test_a_he_after_the_head_of_a_body_is_the_body(project, tmp_path):
    first = "The secretary-general of NATO visited Warsaw and Vilnius on Wednesday."
    second = "He promised that the alliance would defend every inch of its territory."
    drafted = drafted_paragraphs(project, tmp_path, f"{first} {second}", day=DAY)
    assert drafted[second].asserted_by == "dgr:nato"


def test_a_step_away_from_a_disaster_is_a_warnings_verdict_and_nothing_to_negotiate_refuses():
    assert kind_of("“The region is a few days away from a humanitarian catastrophe,” the envoy said.") == "Assessment"
    assert kind_of("“There is nothing to discuss about our sovereignty,” the minister told reporters.") == "Position"


def test_no_sign_of_giving_ground_is_a_verdict_and_we_assess_is_the_authors():
    assert drafted_alone("So far neither capital has shown any sign of compromise.")[::2] == ("Assessment", "Judgement")
    assert drafted_alone("We assess that Minsk is seeking a role as a go-between.") == (
        "Assessment", "dgr:author-x", "Judgement")


def test_a_veto_unless_another_acts_demands_the_act_and_what_states_want_they_ask_for():
    assert kind_of("Hungary's foreign minister said Budapest would veto the package unless Kyiv reopened the "
                   "pipeline.") == "Demand"
    assert kind_of("Finland and the Nordic states want the fund doubled by spring.") == "Demand"


def test_what_looks_designed_to_is_a_reading():
    assert drafted_alone("The offer looks designed to split the allies rather than to end the war.")[::2] == (
        "Assessment", "Interpretation")


def test_troops_that_must_leave_a_place_are_a_withdrawal(project, tmp_path):
    sentence = "Moldova insists that Russian troops leave Transnistria."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.kind == "Demand" and "dg:WithdrawalOfForces" in drafted.measures
