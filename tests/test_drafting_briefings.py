"""The classes the hundred-and-sixty-fifth to hundred-and-sixty-seventh made-up pages (a ministry spokesperson's
briefing, a non-aligned state's minister, a statement to a parliament) showed, each pinned on sentences and pages of
their own: "Asked about reports that …, X said …" requests nothing; "would continue to" is no recurring statement;
a shadow minister speaks for the opposition; "Foreign Secretary" is an office of the United Kingdom; what a side
"always did … and would" do, or what a minister "tells MPs" it will do, is its plan.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.dating import recurring
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import people
from diplograph.outsiders import no_partys_people

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_what_a_speaker_was_asked_is_no_request():
    assert kind_of("Asked about reports that Turkish banks had sent funds to Russia, the minister said Ankara had "
                   "broken no rules.") != "Demand"
    assert kind_of("Kyiv asked Ankara to close the straits to Russian warships.") == "Demand"


def test_what_will_go_on_is_no_recurring_statement():
    assert not recurring("The minister said Poland would continue to train Ukrainian pilots.")
    assert recurring("Moscow continues to insist on its terms.")


def test_a_shadow_minister_speaks_for_the_opposition():
    assert no_partys_people("The shadow defence secretary")
    assert drafted_alone("The shadow foreign secretary said the opposition backed the sanctions.")[1:] == \
        (_AUTHOR, "Reported")


def test_the_foreign_secretary_is_the_united_kingdoms():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    (_, person, owner, _), = people("Foreign Secretary Tom Madeupwick said the sanctions were working.", gazetteer)
    assert (person.entity, owner.entity) == ("dgr:tom-madeupwick", "dgr:united-kingdom")


def test_what_a_side_always_did_and_would_do_or_tells_mps_it_will_do_is_its_plan(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Japan's foreign ministry spokesman said Japan had always supported Ukraine and would "
        "keep funding its reconstruction.", "Defence Secretary tells MPs Britain will send more drones to Kyiv",
        day=date(2027, 12, 9))
    assert drafted["Japan's foreign ministry spokesman said Japan had always supported Ukraine and would keep "
                   "funding its reconstruction."].kind == "Position"
    told = drafted["Defence Secretary tells MPs Britain will send more drones to Kyiv"]
    assert (told.kind, told.asserted_by, told.assertion_mode) == ("Position", "dgr:united-kingdom", "Reported")
