"""The classes the seventy-third to seventy-fifth made-up pages (sanctions in figures, a wire on guarantees, a
president's speech on her office's page) showed, each pinned on sentences of their own: a threat on a condition
demands the condition; a verdict on how talks went is an assessment; "has not yet said" is no one's words; "I do
not believe …" is the author's first person; a capital that only locates a body ("a Paris energy institute") or is
a word of a name ("the Munich Security Conference") is no party; "EU diplomats" are the EU's, not the group of
diplomats.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def _named(sentence: str) -> list[str]:
    return [m.entity for m in mentions(sentence, gazetteer_of(KnowledgeGraph.open()))]


def test_a_threat_on_a_condition_demands_the_condition():
    assert kind_of("Slovakia threatened to veto the loan unless its gas transit was restored.") == "Demand"
    assert kind_of("Slovakia threatened to veto the loan.") == "Position"


def test_a_verdict_on_how_talks_went_is_an_assessment():
    assert kind_of("A Latvian diplomat said the meeting had been frank but productive.") == "Assessment"
    assert kind_of("A Latvian diplomat said the meeting had been moved to Riga.") != "Assessment"


def test_not_yet_saying_is_no_ones_words_and_i_do_not_believe_is_the_authors():
    assert voice("Italy has not yet said whether it would send troops.").kind == "none"
    assert drafted_alone("I simply do not believe the Kremlin.") == ("Assessment", _AUTHOR, "Judgement")


def test_a_capital_that_locates_a_body_or_names_an_event_is_no_party():
    assert _named("A Berlin research institute estimated the losses.") == []
    assert _named("She spoke at the Munich Security Conference.") == []
    assert _named("Berlin rejected the plan.") == ["dgr:germany"]


def test_a_partys_diplomats_are_its_own_not_the_group_of_diplomats():
    assert _named("EU diplomats are drafting a statement.") == ["dgr:european-union"]
    assert _named("Diplomats are drafting a statement.") == ["dgr:diplomats"]
