"""The classes the hundred-and-ninety-eighth to two-hundredth made-up pages (a nuclear plant cut off, an aid bill
passed, talks ended with a communique) showed, each pinned on sentences and pages of their own: "the Speaker" speaks
for the state the page spoke of; what a party says "is needed" it asks for, but not what is needed "to" do something;
a prediction quoted after "would" is still one; an infinitive's "again" does not make the saying recurring; a
position that "will not change" is a line held, one that "has not changed" with a demand beside it is the demand;
a protection zone is nuclear safety, "military and economic aid" military aid.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.dating import date_of
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of


def test_the_speaker_speaks_for_the_state_the_page_spoke_of(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Poland's parliament on Tuesday approved a law on hosting allied troops.",
        "The Speaker said the law \"sends a signal to Moscow\".", day=date(2027, 6, 30))
    said = drafted["The Speaker said the law \"sends a signal to Moscow\"."]
    assert (said.asserted_by, said.assertion_mode) == ("dgr:poland", "Reported")


def test_what_is_said_to_be_needed_is_asked_for_but_not_what_is_needed_to_act():
    assert kind_of("The minister said more shells were urgently needed at the front.") == "Demand"
    assert kind_of("The ministry says the delay is needed to check the figures.") != "Demand"


def test_a_quoted_prediction_after_would_and_an_infinitives_again():
    assert kind_of("Beijing said the sanctions would \"solve nothing\".") == "Prediction"
    assert date_of("Both sides agreed on Sunday to meet again in Geneva.", date(2027, 7, 5)) == \
        ("2027-07-04", "DayPrecision")


def test_a_position_that_will_not_change_is_a_line_and_one_unchanged_with_a_demand_demands():
    assert kind_of("Minsk said its position on the border \"will never change\".") == "Principle"
    assert kind_of("Our stance has not changed: the occupying troops must leave.") == "Demand"
    assert kind_of("Ankara said its position on the straits had not changed.") == "Position"


def test_a_protection_zone_and_military_and_economic_aid_are_measures():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:NuclearSafety" in gazetteer.measures_in("The agency proposed a protection zone around the site.")
    assert "dg:MilitaryAid" in gazetteer.measures_in("Norway pledged military and economic aid for next year.")
