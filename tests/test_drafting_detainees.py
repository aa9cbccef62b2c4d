"""The classes the three-hundred-and-ninth to -eleventh made-up pages (a church envoy's mission, an analysis of
stalled talks, ministers and frozen assets) showed, each pinned on sentences of their own: what a party "wants" in a
relative clause ("whom Kyiv wants released") is no demand of the sentence's subject; "stress", "concede",
"acknowledge" and "admit" report, in the present too, and negotiators "on both sides" are sources the page does not
name; what a party "cannot accept" if it cedes or rewards is a line it holds; "a dangerous bet" is a verdict; a
party's name after a long aside still wants; a banker "in" a capital is no state.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

DAY = date(2028, 11, 9)


def test_what_a_party_wants_in_a_relative_clause_is_no_demand_of_the_subject():
    assert kind_of("She carried letters from 40 families whom Moldova wants reunited by spring.") != "Demand"
    assert kind_of("The envoy said that Moldova wants its families reunited by spring.") == "Demand"


def test_present_verbs_of_conceding_report_and_negotiators_on_both_sides_are_unnamed(project, tmp_path):
    official = "Hungarian officials acknowledge that the pipeline deal has stalled."
    unnamed = "Negotiators on both sides concede that the talks have run out of ideas."
    drafted = drafted_paragraphs(project, tmp_path, official, unnamed, day=DAY)
    assert (drafted[official].asserted_by, drafted[official].assertion_mode) == ("dgr:hungary", "Reported")
    assert drafted[unnamed].assertion_mode == "Reported" and drafted[unnamed].asserted_by.startswith("dgr:author-")


def test_what_a_party_cannot_accept_if_it_cedes_is_a_line_it_holds():
    assert kind_of("Kyiv says it cannot accept any settlement that cedes the coast to Russia.") == "Principle"


def test_a_dangerous_bet_is_a_verdict_and_a_long_aside_does_not_hide_who_wants():
    assert drafted_alone("It is a risky gamble for everyone involved.")[::2] == ("Assessment", "Judgement")
    assert kind_of("Austria, which hosts the agency and most of its staff, wants the others to share the cost.") == \
        "Demand"


def test_a_banker_in_a_capital_is_no_state(project, tmp_path):
    banker = "A senior banker in Berlin said the loan would be hard to sell to investors."
    drafted = drafted_paragraphs(project, tmp_path, banker, day=DAY)[banker]
    assert "dgr:germany" not in {m.entity for m in drafted.mentions}  # (a think tank "in Warsaw" names Poland, as
    # an older key has it)
