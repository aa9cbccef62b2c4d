"""The classes the two-hundred-and-sixteenth to two-hundred-and-eighteenth made-up pages (an opinion column, a wire
on direct talks, a ministry's release) showed, each pinned on sentences of their own: what parties "told
themselves" is the writer's verdict, not their words; terms or goals said to be unchanged are a position restated;
experts a party would send are no analysts.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of


def test_what_parties_told_themselves_is_the_writers_verdict():
    kind, asserter, mode = drafted_alone("For months Western capitals told themselves that sanctions would bite "
                                         "within a year.")
    assert kind in ("Assessment", "Prediction") and (asserter, mode) == ("dgr:author-x", "Judgement")  # a family
    assert drafted_alone("Poland told its allies that the border would stay shut.")[1] == "dgr:poland"


def test_terms_said_to_be_unchanged_are_a_position_restated():
    assert kind_of("Minsk said on Friday that its conditions had not changed.") == "Position"
    assert kind_of("The foreign minister said the aims of the mission remained unchanged.") == "Position"


def test_experts_a_party_would_send_are_no_analysts():
    drafted = draft_sentence(KnowledgeGraph.open(), "Estonia offered to send experts to help clear the mines.")
    assert "dgr:analysts" not in {m.entity for m in drafted.mentions}
    read = draft_sentence(KnowledgeGraph.open(), "Experts say the mines will take a decade to clear.")
    assert "dgr:analysts" in {m.entity for m in read.mentions}
