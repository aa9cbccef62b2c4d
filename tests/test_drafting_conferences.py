"""The classes the hundred-and-ninety-fifth to hundred-and-ninety-seventh made-up pages (a security conference's
speeches, a port struck, a joint statement of eight leaders) showed, each pinned on sentences of their own: a
speaker's circumstance ("speaking after him") is no language, and the speaker stays named; "voiced support for"
supports; the invited in the passive propose nothing; a spokesman for the navy speaks for the state the page spoke
of, and what a strike "was meant to" do is a reading of intent; what "had to stop" is demanded, whatever is offered
beside it; brokers in a capital are no party; "no agreement should … without" sets a condition; "would be worse than"
is a verdict.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.stances import stance_of

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_a_speakers_circumstance_is_no_language():
    assert drafted_alone("Zelensky, speaking before the vote, urged lawmakers to back the aid bill.")[1] == \
        "dgr:zelenskyy"


def test_voicing_support_supports_and_the_invited_propose_nothing():
    sentence = "India's envoy voiced support for a prisoner exchange."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Supports")
    assert drafted_alone("Neither Belarus nor Iran was invited to the summit.") == \
        ("Claim", _AUTHOR, "FactualAssertion")


def test_a_navys_spokesman_and_what_a_strike_was_meant_to_do(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Russian missiles hit a shipyard in Mykolaiv overnight, Ukraine's air force said.",
        "A spokeswoman for the air force said the attack was designed to \"terrorise the city\".",
        day=date(2027, 6, 25))
    read = drafted["A spokeswoman for the air force said the attack was designed to \"terrorise the city\"."]
    assert (read.kind, read.asserted_by, read.assertion_mode) == ("Assessment", "dgr:ukraine", "Reported")


def test_what_had_to_stop_is_demanded_whatever_is_offered():
    assert kind_of("The Swiss president said the shelling of the plant had to stop and offered to host talks.") == \
        "Demand"


def test_people_of_a_trade_in_a_capital_are_no_party():
    assert drafted_alone("Freight rates on the Danube have doubled, according to shippers in Bucharest.") == \
        ("Claim", _AUTHOR, "Reported")


def test_no_agreement_should_be_made_without_a_party_sets_a_condition_and_worse_than_is_a_verdict():
    assert kind_of("No decision on Moldova should be taken without Moldova in the room, the ministers said.") == \
        "Demand"
    assert kind_of("The minister said a freeze \"would be worse than the war itself\".") == "Assessment"
