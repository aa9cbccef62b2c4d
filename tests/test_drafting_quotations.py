"""The classes the hundred-and-fiftieth to hundred-and-fifty-second made-up pages (a president's refusal, a veto on a
wire, a neighbour's fears) showed, each pinned on sentences and pages of their own: "no vote could be held while …"
rules it out; "would be a gift to the aggressor" is a verdict; a risk that "is real" is assessed; "not immediately
clear" is not known; a state that "blocks" a statement rejects it (unless it sets a condition); a stance a sentence
gives a party before "…, diplomats said" is their claim about it; an accusation by unnamed states in the passive is
vouched for by the page; what a party fears is its assessment; a quotation standing alone after one that named its
speaker in the same paragraph is the same speaker's.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.judgements import EVALUATIVE, UNCERTAIN
from diplograph.kinds import kind_of
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_refusals_verdicts_and_what_is_not_known():
    assert kind_of("The president said that no referendum could take place while the front line moved.") == \
        "Position"
    assert EVALUATIVE.search("A freeze now would be a reward for the invader.")
    assert EVALUATIVE.search("Officials say the danger of escalation is growing.")
    assert UNCERTAIN.search("It was not immediately clear whether Ankara would attend.")


def test_a_state_that_blocks_a_statement_rejects_it_unless_it_sets_a_condition():
    assert kind_of("Slovakia blocks new EU sanctions package") == "Position"
    assert kind_of("Slovakia said it would block the package unless gas transit resumed.") == "Demand"


def test_a_stance_told_by_diplomats_is_their_claim(project, tmp_path):
    sentence = "Slovakia on Friday blocked a joint declaration on the tribunal, diplomats said."
    told = drafted_paragraphs(project, tmp_path, sentence, day=date(2027, 10, 29))[sentence]
    assert (told.kind, told.assertion_mode) == ("Claim", "Reported") and told.asserted_by != "dgr:slovakia"


def test_an_accusation_by_unnamed_states_in_the_passive_is_vouched_for():
    assert voice("Bratislava has been accused by several member states of stalling the talks.").kind == "anonymous"
    assert voice("Bratislava has been accused by the European Commission of stalling the talks.").kind == \
        "reported"


def test_what_a_party_fears_is_its_assessment():
    assert drafted_alone("Latvia fears being left alone if the talks fail.")[:2] == ("Assessment", "dgr:latvia")
    assert drafted_alone("Latvia fears a ceasefire would free Russian troops.")[0] == "Prediction"  # an assessment


def test_a_quotation_standing_alone_goes_on_in_its_speakers_voice(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path,
        "Estonia's prime minister, Kadri Madeupsoo, warned on Monday that Russia would test the alliance.",
        "\"We know this neighbour,\" Madeupsoo told reporters. \"Its promises have never stopped its tanks.\"",
        "\"Nothing has changed in the east.\"", day=date(2027, 10, 28))
    going_on = drafted["\"Its promises have never stopped its tanks.\""]
    said = drafted["\"We know this neighbour,\" Madeupsoo told reporters."]
    assert (going_on.asserted_by, going_on.assertion_mode) == (said.asserted_by, "Reported")
    assert said.asserted_by is not None and not said.asserted_by.startswith("dgr:author-")
    alone = drafted["\"Nothing has changed in the east.\""]  # a paragraph of its own: no speaker named before it
    assert alone.asserted_by.startswith("dgr:author-")
