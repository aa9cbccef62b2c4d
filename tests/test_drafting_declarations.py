"""The classes the hundred-and-thirty-third to hundred-and-thirty-fifth made-up pages (a declaration on behalf of
the Union, a Senate hearing, a think tank's roundtable) showed, each pinned on sentences of their own: "constitute
war crimes" is a verdict; states that "align themselves" with a text support it; "would not cut aid" refuses; a
question put or left unanswered ("pressed him on whether …", "declined to say whether …") takes no stance, but an
answer after the comma does; senators of a party the page does not name are vouched for; participants and "others"
of a meeting under the Chatham House rule are no party ("broadly agreed" too); "no consensus on whether" is
undetermined; military support is military aid.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_verdicts_in_law_alignment_and_refusals():
    assert drafted_alone("Such strikes constitute war crimes.") == ("Assessment", _AUTHOR, "Judgement")
    assert kind_of("Norway and Iceland align themselves with the statement.") == "Position"
    assert kind_of("The minister said Berlin would not cut aid to Kyiv.") == "Position"


def test_a_question_put_takes_no_stance_but_the_answer_does():
    assert kind_of("The senator pressed him on whether Washington would back a European force.") is None
    assert drafted_alone("The envoy declined to say whether Ankara would host the talks.") == \
        ("Claim", _AUTHOR, "FactualAssertion")
    assert kind_of("Asked whether Riga would send troops, the minister said Latvia would not send troops.") == \
        "Position"


def test_people_of_no_party_at_a_hearing_or_a_roundtable():
    assert voice("Several Republican senators said the aid cost too much.").kind in ("anonymous", "reported")
    assert drafted_alone("Participants broadly agreed that any force would need air support.") == \
        ("Claim", _AUTHOR, "Reported")
    assert voice("Others warned that Minsk would test the force.").kind == "anonymous"
    assert drafted_alone("There was no consensus on whether the force should include Turkish troops.") == \
        ("Claim", _AUTHOR, "FactualAssertion")


def test_military_support_is_military_aid():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:MilitaryAid" in gazetteer.measures_in("The EU will keep providing military support.")
