"""The classes the hundred-and-eightieth to hundred-and-eighty-second made-up pages (a prisoner swap told by both
sides, a parliament's appeal, an envoy's tour) showed, each pinned on sentences and pages of their own: a party's
hope for what is to come is its prediction; insisting on how things are is a claim, on what must be done a demand;
a parliament's adopted appeal demands what it calls for, and its speaker speaks for the state the page spoke of; a
state's parliament by its own name is the state; repeating a party's call by its name is that party's demand, and
the party stays among what the sentence is about; a name the gazetteer knows is no new entity.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of


def test_a_partys_hope_for_what_is_to_come_is_its_prediction():
    assert kind_of("The Swiss government said it hoped the meeting would open the way to a truce.") == "Prediction"
    assert kind_of("Ankara hopes that the next round could be held in Istanbul.") == "Prediction"
    assert kind_of("Talks have swung between hope and despair since the spring.") is None


def test_insisting_on_how_things_are_claims_and_on_what_must_be_done_demands():
    assert drafted_alone("Minsk insists it is not a party to the war.")[0] == "Claim"
    assert drafted_alone("Budapest insisted that it had never received the letter.")[0] == "Claim"
    assert kind_of("Moscow insists that Kyiv withdraw from the four regions.") == "Demand"
    assert kind_of("Warsaw insisted the grain embargo be kept in place.") == "Demand"


def test_a_parliaments_appeal_demands_and_its_speaker_speaks_for_the_state(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path,
        "Moldova's parliament on Thursday adopted an appeal calling on the European Union to open accession talks "
        "before the summer.",
        "\"We cannot wait another year,\" the speaker of parliament said after the vote.",
        day=date(2027, 6, 11))
    appeal = drafted["Moldova's parliament on Thursday adopted an appeal calling on the European Union to open "
                     "accession talks before the summer."]
    assert (appeal.kind, appeal.asserted_by, appeal.assertion_mode) == ("Demand", "dgr:moldova", "Reported")
    assert appeal.stated_on == "2027-06-10"
    speaker = drafted["\"We cannot wait another year,\" the speaker of parliament said after the vote."]
    assert (speaker.asserted_by, speaker.assertion_mode) == ("dgr:moldova", "Reported")


def test_a_states_parliament_by_its_own_name_is_the_state():
    drafted = draft_sentence(KnowledgeGraph.open(), "The Bundestag voted on Friday to send more air defence.")
    assert "dgr:germany" in {m.entity for m in drafted.mentions}
    assert "dgr:russia" in {m.entity for m in draft_sentence(KnowledgeGraph.open(),
                                                             "The State Duma ratified the treaty.").mentions}


def test_repeating_a_partys_call_by_its_name_is_its_demand_and_it_stays_named(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Turkey calls for a truce in the Black Sea",
        "Turkey's foreign minister ended a visit to Odesa on Friday, repeating Ankara's call for safe passage for "
        "merchant ships.",
        day=date(2027, 6, 12))
    repeated = drafted["Turkey's foreign minister ended a visit to Odesa on Friday, repeating Ankara's call for safe "
                       "passage for merchant ships."]
    assert (repeated.kind, repeated.asserted_by, repeated.assertion_mode) == ("Demand", "dgr:turkey", "Reported")
    assert "dgr:turkey" in {m.entity for m in repeated.mentions}
    assert "Ankara" not in repeated.new_entities
