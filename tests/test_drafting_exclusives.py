"""The classes the hundred-and-twenty-fourth to hundred-and-twenty-sixth made-up pages (an explainer with questions
for subheadings, an exclusive from documents, a government's briefing reported) showed, each pinned on sentences of
their own: "…, documents show" is a source the page vouches for, in a title too; a wire's label joined to a title
("EXCLUSIVE-U.S. …") is no part of the first name; "had no plans to" refuses, "has no intention of" is a reading;
a state's opposition as a body is not its voice, one of its people named with an office speaks as that person;
asking someone for something demands it; long-range missiles are military aid.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_page

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.outsiders import no_partys_people
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_what_documents_show_the_page_vouches_for(project, tmp_path):
    assert voice("Minsk is moving troops to the border, documents show.").kind == "according"
    assert drafted_alone("Minsk is moving troops to the border, documents show.") == ("Claim", _AUTHOR, "Reported")
    _, drafted = drafted_page(project.layout, tmp_path, "EXCLUSIVE-Minsk readies new troops, documents show\n\n"
                              "Officials in Minsk declined to comment.\n", title="A page (made up)",
                              day=date(2027, 8, 26))
    title = drafted["EXCLUSIVE-Minsk readies new troops, documents show"]
    assert (title.asserted_by.startswith("dgr:author-"), title.assertion_mode) == (True, "Reported")


def test_a_wires_label_is_no_part_of_a_name():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("EXCLUSIVE-U.S. weighs new sanctions on Minsk", gazetteer)][:1] == \
        ["dgr:united-states"]


def test_no_plans_refuses_and_no_intention_is_a_reading():
    assert kind_of("Berlin said it had no plans to send troops.") == "Position"
    assert kind_of("London believes Russia has no intention of ending the war.") != "Position"


def test_a_states_opposition_is_not_its_voice_but_its_leader_speaks():
    accusation = "The opposition Social Democrats accused the government of weakness."
    assert drafted_alone(accusation) == ("Claim", _AUTHOR, "Reported")
    assert voice(accusation).kind == "anonymous"  # the page vouches: the audit has nothing to ask
    assert not no_partys_people("Opposition leader Petra Madeupova")


def test_asking_a_party_for_something_and_long_range_missiles():
    assert kind_of("Kyiv has asked Berlin for more shells.") == "Demand"
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:MilitaryAid" in gazetteer.measures_in("Germany has no plans to supply long-range missiles.")
