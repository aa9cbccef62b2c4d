"""The classes the seventy-ninth to eighty-first made-up pages (an explainer in bullets, a parliament's mandate
vote, a think tank's recommendations) showed, each pinned on sentences of their own: lawmakers the page does not
name are the page's to vouch for, for drafter and audit alike ("Russian lawmakers" name their state); an office "of
parliament" before a name introduces a person; "said such proposals would …" reports a clause, not the proposals as
a thing, and what it says they would bring about is a prediction; "gave away too much" is a verdict; returning
detained civilians is the return of deported people.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import people
from diplograph.reporting import voice
from diplograph.scrutiny import _vouched

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_lawmakers_the_page_does_not_name_are_its_to_vouch_for():
    sentence = "Opposition lawmakers said the deal was rushed."
    assert drafted_alone(sentence)[1:] == (_AUTHOR, "Reported") and _vouched(sentence)
    assert drafted_alone("Russian lawmakers said the deal was rushed.")[1] == "dgr:russia"


def test_an_office_of_parliament_before_a_name_introduces_a_person():
    found = people("The chair of parliament, Irina Madeupova, opened the session.",
                   gazetteer_of(KnowledgeGraph.open()))
    assert [(role.name, office) for role, _, _, office in found] == [("Irina Madeupova", "chair of parliament")]


def test_said_such_proposals_reports_a_clause_and_what_they_would_bring_about_is_predicted():
    sentence = "Hungary's envoy said such steps would only prolong the fighting."
    assert voice(sentence).verb == "said"
    assert kind_of(sentence) == "Prediction"
    assert kind_of("Hungary's envoy repeated such claims at the meeting.") != "Prediction"


def test_giving_away_too_much_is_a_verdict():
    assert kind_of("Critics said the text conceded too much to Moscow.") == "Assessment"


def test_returning_detained_civilians_is_the_return_of_deported_people():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert gazetteer.measures_in("Kyiv asked for the return of civilians held in Russia.") == ["dg:ReturnOfDeported"]
