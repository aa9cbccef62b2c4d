"""The classes the two-hundred-and-fourth to two-hundred-and-sixth made-up pages (a loan backed by frozen assets, an
evacuation ordered, a joint peace plan revived) showed, each pinned on sentences and pages of their own: more of
Europe's states and others a page names (Belgium, Romania, Norway, Iran …) are parties the graph holds, by their
names and adjectives — but not by a capital that names something else ("Brussels", "Vienna", "The Hague"); a
regional governor speaks for the state the page spoke of; "the plan calls for" is the words of whoever put it
forward; "was studying the proposals" weighs them; "had little chance" and "rewards the aggressor" are verdicts.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of


def _named(sentence: str) -> set[str]:
    return {m.entity for m in draft_sentence(KnowledgeGraph.open(), sentence).mentions}


def test_more_states_are_parties_by_name_and_adjective_but_not_by_a_shared_capital():
    assert {"dgr:belgium", "dgr:romania", "dgr:norway"} <= _named("Belgium, Romania and Norway signed the pledge.")
    assert "dgr:iran" in _named("Iranian drones were found in the wreckage.")
    assert "dgr:belgium" not in _named("Ministers met in Brussels on Monday.")
    assert "dgr:austria" not in _named("The OSCE council met in Vienna.")


def test_a_regional_governor_speaks_for_the_state_the_page_spoke_of(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Russian drones hit a power station near Sumy overnight, Ukraine's energy ministry said.",
        "The regional governor said repairs would take at least a week.", day=date(2027, 7, 12))
    said = drafted["The regional governor said repairs would take at least a week."]
    assert (said.asserted_by, said.assertion_mode) == ("dgr:ukraine", "Reported")


def test_what_the_plan_calls_for_is_the_words_of_whoever_put_it_forward(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "India and South Africa on Friday presented a joint plan for talks on the war.",
        "The plan calls for a ceasefire along the current line.", day=date(2027, 7, 12))
    terms = drafted["The plan calls for a ceasefire along the current line."]
    assert terms.asserted_by in ("dgr:india", "dgr:south-africa") and terms.assertion_mode == "Reported"


def test_weighing_proposals_and_verdicts_on_chances_and_on_rewarding_aggression():
    assert kind_of("Ankara said it was \"studying the proposals carefully\".") == "Position"
    assert kind_of("Officials said the talks had little chance of success before the summer.") == "Assessment"
    assert kind_of("Warsaw said any deal that left troops in place \"rewards aggression\".") == "Assessment"
