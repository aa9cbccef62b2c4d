"""The classes the seventeenth made-up page (a wire story quoting state media, an ombudsman, a minister asked a
question) showed, each pinned on sentences of its own: a second clause with a subject of its own is another
party's statement, so the first clause's words give the kind; "openness to" is a stance; "too early to discuss"
refuses; "is widely seen as" is the author's reading; a government named for where it sits (the State Department,
the Foreign Office, the Élysée) is its state; an ombudsman is an office.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.stances import stance_of

FRIDAY = date(2026, 12, 11)
AUTHOR = "https://w3id.org/diplograph/id/author-made-up"


@pytest.fixture(scope="module")
def bundled() -> KnowledgeGraph:
    return KnowledgeGraph.open()


def test_the_first_clause_gives_the_kind_of_its_partys_statement(bundled):
    assert kind_of("Berlin backs the monitoring plan as Moscow demands its withdrawal") == "Position"
    assert kind_of("Budapest insists on a veto while the Commission offers a compromise") == "Demand"
    assert kind_of("Talks stalled as Russia demanded new guarantees") == "Demand"  # no cue of its own: the whole
    headline = draft_sentence(bundled, "Berlin backs the monitoring plan as Moscow demands its withdrawal",
                              FRIDAY, AUTHOR)
    assert (headline.kind, headline.asserted_by) == ("Position", "dgr:germany")


def test_openness_is_a_stance_and_too_early_to_discuss_refuses():
    assert kind_of("Hungary signals readiness to host a summit.") == "Position"
    assert stance_of("Hungary signals readiness to host a summit.") == "Supports"
    too_early = "Asked about a truce, the Belarusian foreign minister said it was too early to discuss one."
    assert (kind_of(too_early), stance_of(too_early)) == ("Position", "Rejects")


def test_widely_seen_as_is_the_authors_reading(bundled):
    candidate = draft_sentence(bundled, "The summit is widely regarded as a turning point for the talks.", FRIDAY,
                               AUTHOR)
    assert (candidate.kind, candidate.assertion_mode) == ("Assessment", "Interpretation")
    assert candidate.asserted_by == "dgr:author-made-up"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Kyiv must not be pushed into concessions, a Foreign Office spokesperson said on Thursday.", "dgr:united-kingdom"),
    ("The Élysée said the ceasefire proposal deserved a hearing.", "dgr:france"),
    ("The plan is dead on arrival, a Pentagon official told reporters.", "dgr:united-states"),
])
def test_a_government_named_for_where_it_sits_is_its_state(bundled, sentence, speaker):
    assert draft_sentence(bundled, sentence, FRIDAY, AUTHOR).asserted_by == speaker


def test_an_ombudsman_is_an_office_of_the_state_named_before_it(bundled):
    from diplograph.gazetteer import gazetteer_of
    from diplograph.mentions import affiliations

    sentence = "Moldova's human rights ombudsman, Ana Madeupescu, urged both sides to free the detainees."
    (affiliation,) = affiliations(sentence, gazetteer_of(bundled), AUTHOR)
    assert affiliation.new_person == "Ana Madeupescu" and "dgr:moldova" in affiliation.content
    assert affiliation.role == "human rights ombudsman"
    demand = draft_sentence(bundled, sentence, FRIDAY, AUTHOR)
    assert demand.kind == "Demand" and demand.asserted_by in ("dgr:ana-madeupescu", "dgr:moldova")
