"""The classes the hundred-and-twenty-seventh to hundred-and-twenty-ninth made-up pages (a minister's interview
reported, a prime minister's speech to parliament, an aid group's release) showed, each pinned on sentences of
their own: "In an interview with a … broadcaster," says where the speaker spoke, the outlet is not the speaker; "was
not seeking" disavows; "will not negotiate while …" sets a condition; "would not send troops" refuses; a quotation
opening "We will …" commits to a course; a title's label then "no troops for …" refuses; the words of sending
troops, of a meeting with a counterpart, of bringing prisoners home and of a pause in the fighting name what they
are about.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions


def test_the_outlet_of_an_interview_is_not_the_speaker():
    assert drafted_alone("In an interview with a French broadcaster, Lithuania's foreign minister said Minsk must "
                         "free the prisoners.")[1] == "dgr:lithuania"


def test_disavowals_conditions_refusals_and_commitments():
    assert kind_of("The minister said Minsk was not seeking a conflict with NATO.") == "Position"
    assert kind_of("Chisinau said it will not negotiate while Russian troops remain.") == "Demand"
    assert kind_of("Warsaw said it would not send troops to Ukraine.") == "Position"
    assert kind_of('"We will stay the course," the minister said.') == "Position"
    assert kind_of("Latvian PM: no troops for Ukraine") == "Position"


def test_the_words_that_name_what_a_stance_is_about():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:PeacekeepingForce" in gazetteer.measures_in("Latvia will send no troops for Ukraine.")
    assert "dg:Negotiation" in gazetteer.measures_in("He did not rule out a meeting with his counterpart.")
    assert "dg:PrisonerExchange" in gazetteer.measures_in("We will bring them home.")
    assert "dgr:ceasefire" in {m.entity for m in mentions("Kyiv wants a pause in the fighting.", gazetteer)}
