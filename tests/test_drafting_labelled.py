"""The classes the hundred-and-fifty-ninth to hundred-and-sixty-first made-up pages (a president's offer with a
condition, a factbox of stances labelled by party, shipping in a corridor) showed, each pinned on sentences of their
own: a line labelled by a party with a verb phrase after the colon is that party's; "will consider … only after …"
sets a condition; "has put forward no plan" proposes nothing; a capital followed by "would study" is the state
speaking, not a study; "no objection in principle to" accepts.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.leads import labelled_reading
from diplograph.mentions import mentions


def test_a_line_labelled_by_a_party_is_its_stance():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert labelled_reading("Poland: wants the sanctions kept until Russia pays.", gazetteer) == \
        "Poland wants the sanctions kept until Russia pays."
    assert labelled_reading("Background: talks began in March.", gazetteer) is None
    kind, asserter, mode = drafted_alone("Turkey: has offered to host a fourth round of talks in Istanbul.")
    assert (kind, asserter, mode) == ("Proposal", "dgr:turkey", "Reported")


def test_conditions_and_plans_not_put_forward():
    assert kind_of("Belarus says it will consider the offer only after the sanctions are lifted.") == "Demand"
    assert kind_of("India has put forward no plan of its own.") != "Proposal"


def test_a_capital_that_would_study_something_speaks():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("Officials said Paris would study the offer.", gazetteer)] == ["dgr:france"]
    assert mentions("A Paris study found the offer unworkable.", gazetteer) == []


def test_no_objection_in_principle_accepts():
    assert kind_of("Ankara said it had no objection in principle to the inspections.") == "Position"
