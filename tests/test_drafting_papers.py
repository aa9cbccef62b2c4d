"""The classes the eighty-second to eighty-fourth made-up pages (a position paper, claims over an energy truce, a
warning from Chisinau) showed, each pinned on sentences of their own: circulating a paper proposes; "a senior
European official" names no party, "a senior Russian official" names Russia; a speaker's reading of what another
"was trying to" do is an assessment; any basis for talks a party grants is a position; "warns against" rejects; "no
settlement could … without" demands; "brokered by Washington in March" is dated to the month; "Few in Chisinau
expect" is the author's belief, the capital only where they are.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.dating import date_of
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.reporting import voice
from diplograph.stances import stance_of

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_circulating_a_paper_proposes():
    assert kind_of("Brazil has circulated a short six-point paper on a ceasefire.") == "Proposal"


def test_a_regions_adjective_names_no_speaker_a_states_does():
    assert voice("A senior Western diplomat said the talks were stuck.", ["Western"]).kind == "anonymous"
    assert drafted_alone("A senior European official said the talks were stuck.")[1] == _AUTHOR
    assert drafted_alone("A senior Russian official said the talks were stuck.")[1] == "dgr:russia"


def test_a_reading_of_what_another_was_trying_to_do_is_an_assessment():
    assert kind_of("An aide said Ankara was trying to win favour with both sides.") == "Assessment"


def test_any_basis_for_talks_a_party_grants_is_a_position():
    sentence = "Kyiv called the proposal a workable basis for talks."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "AcceptsAsBasis")


def test_warning_against_rejects_and_no_deal_without_a_party_demands_it():
    assert (kind_of("Vilnius warned against any deal on the corridor."), stance_of("Vilnius warned against it.")) == \
        ("Position", "Rejects")
    assert kind_of("Riga said no agreement on the Baltic could be reached without the Baltic states.") == "Demand"


def test_a_thing_done_in_a_month_by_someone_is_dated_to_the_month():
    assert date_of("The deal, mediated by Ankara in February, covers grain.", date(2027, 5, 14)) == \
        ("2027-02-01", "MonthPrecision")


def test_few_in_a_capital_is_the_authors_belief_and_the_capital_only_where_they_are():
    sentence = "Few in Vilnius expect a quick answer."
    assert drafted_alone(sentence)[1:] == (_AUTHOR, "Judgement")
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions(sentence, gazetteer)] == []
    assert [m.entity for m in mentions("Some in Vilnius want a quick answer.", gazetteer)] == ["dgr:lithuania"]
