"""The classes the hundred-and-forty-fourth to hundred-and-forty-sixth made-up pages (a council meeting's coverage,
an institute's policy brief, a mediator's timeline) showed, each pinned on sentences of their own: a state named by
its formal name ("the Russian Federation") and a UN official named by office speak for their state or the UN, and no
word of a title is a new person's name; an investigation called for is accountability, attacks on civilian
infrastructure a halt to strikes on it; "our research suggests" is the author's judgement; a refusal "until" a
condition calls for the condition, and what must wait is what it precedes; a "whether" clause that "may depend on"
something is a statement.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.mentions import people
from diplograph.wording import comes_first_before

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def _drafted(sentence: str):
    return draft_sentence(KnowledgeGraph.open(), sentence, author=MADE_UP_AUTHOR)


def test_formal_names_and_un_offices_speak_and_no_title_word_is_a_person():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    said = "The representative of the Slovak Republic said that the sanctions were hurting Europe more than Russia."
    assert _drafted(said).asserted_by == "dgr:slovakia"
    assert people(said, gazetteer) == []
    briefed = "The Under-Secretary-General for Political Affairs told members that both sides must return to talks."
    assert _drafted(briefed).asserted_by == "dgr:united-nations"
    assert people(briefed, gazetteer) == []


def test_an_investigation_and_attacks_on_civilian_infrastructure_are_measures():
    demand = _drafted("Canada urged Minsk to allow an independent investigation into the shelling.")
    assert demand.kind == "Demand" and "dg:Accountability" in demand.measures
    halt = _drafted("France's ambassador said attacks on civilian infrastructure must stop at once.")
    assert halt.kind == "Demand" and halt.measures == ["dg:EnergyTruce"]


def test_our_research_is_the_authors_judgement():
    assert drafted_alone("Our research suggests that the new export rules are widely ignored.") == \
        ("Assessment", _AUTHOR, "Judgement")


def test_a_refusal_until_a_condition_calls_for_the_condition():
    refusal = _drafted("Belarus said it would not return to the talks until Poland pulls back its troops.")
    assert (refusal.kind, refusal.measures) == ("Demand", ["dg:WithdrawalOfForces"])
    assert comes_first_before(refusal.sentence) == "return to the talks"
    assert _drafted("Moldova says there can be no talks unless Russian troops withdraw.").kind == "Demand"
    assert comes_first_before("A ceasefire must come before any talks on borders.") == "talks on borders"


def test_a_whether_clause_that_may_depend_on_something_is_a_statement():
    assert drafted_alone("Whether the monitors arrive may depend on the weather more than on Moscow.") == \
        ("Assessment", _AUTHOR, "Judgement")
    assert drafted_alone("whether Finland can keep both delegations in Helsinki;")[2] == "Framing"
