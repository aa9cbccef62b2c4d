"""The classes the two-hundred-and-thirty-fourth to -sixth made-up pages (a drone crash in Moldova, an opinion column
on guarantees, a parliament's ban on exports) showed, each pinned on sentences of their own: an office no one was
introduced with is the dateline's state's; "…, the president's office said" is the party the sentence is about; a
request "on <day> for"; speakers who keep saying; an incentive given; a threat to treat a force as a target; what a
vote is said to show people want; "the account" refers back.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_an_office_no_one_was_introduced_with_is_the_datelines_state(project, tmp_path):
    later = "The foreign minister said the vote showed that Poles wanted the border kept open."
    drafted = drafted_paragraphs(project, tmp_path, "WARSAW, 19 May — Poland's parliament voted on Thursday to extend "
                                 "the border controls.", later, day=date(2028, 5, 19))
    assert (drafted[later].kind, drafted[later].asserted_by) == ("Claim", "dgr:poland")


def test_the_office_of_a_president_after_the_content_is_the_partys_named():
    sentence = "Latvia asked NATO on Friday for air defences after a drone hit a barn, the president's office said."
    assert drafted_alone(sentence)[:3] == ("Demand", "dgr:latvia", "Reported")


def test_unnamed_leaders_who_keep_saying_they_will_act_are_told_of():
    kind, asserter, mode = drafted_alone("Western leaders keep promising they will rebuild Ukraine's grid.")
    assert (kind, mode) == ("Claim", "Reported") and asserter.startswith("dgr:author")


def test_an_incentive_given_is_the_authors_judgement():
    kind, asserter, mode = drafted_alone("A freeze on the current line leaves Kyiv little incentive to negotiate.")
    assert (kind, mode) == ("Assessment", "Judgement")


def test_a_threat_to_treat_a_force_as_a_target_is_a_verdict_on_it():
    assert drafted_alone("Moscow has said it will regard any Western trainers in Ukraine as legitimate targets.")[:2] \
        == ("Assessment", "dgr:russia")


def test_what_a_vote_is_said_to_show_people_want_is_a_claim():
    assert kind_of("The chancellor said the poll showed that Germans wanted the aid to continue.") is None
    assert kind_of("The chancellor said Germany wanted the aid to continue.") == "Demand"


def test_dismissing_the_account_refers_back_to_it(project, tmp_path):
    later = "Russia's embassy dismissed the account as a provocation."
    drafted = drafted_paragraphs(project, tmp_path, "Lithuania said a Russian helicopter crossed its border on Sunday.",
                                 later, day=date(2028, 5, 22))
    assert any(m.entity.startswith("dgr:claim-") for m in drafted[later].mentions)
