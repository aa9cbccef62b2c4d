"""The classes the twentieth made-up page (an analysis quoting named and unnamed experts) showed, each pinned on
sentences of its own: a quotation's own verbs are the quoted speaker's, not the sentence's report; a speaker named
after the verb as a fellow, a professor or a researcher gives a reading, as analysts do; "an analyst" is one of the
analysts.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.reporting import reader_voice, voice

SATURDAY = date(2026, 12, 12)
AUTHOR = "https://w3id.org/diplograph/id/author-made-up"


@pytest.fixture(scope="module")
def bundled() -> KnowledgeGraph:
    return KnowledgeGraph.open()


def test_a_quotations_own_verbs_are_not_the_sentences_report():
    heard = voice("“Nobody here believes the truce will last,” the Latvian minister said.")
    assert (heard.kind, heard.verb) == ("reported", "said")
    assert voice("“We demand guarantees,” said Estonia's envoy.").verb == "said"


@pytest.mark.parametrize("sentence", [
    "“The truce will not hold,” said Anna Madeupska, a professor of politics at a made-up university.",
    "“Both capitals are playing for time,” said Jonas Madeupis, a senior researcher at a made-up institute.",
])
def test_a_speaker_named_as_a_researcher_gives_a_reading(bundled, sentence):
    assert reader_voice(sentence)
    candidate = draft_sentence(bundled, sentence, SATURDAY, AUTHOR)
    assert (candidate.asserted_by, candidate.assertion_mode) == ("dgr:analysts", "Interpretation")
    assert not reader_voice("“The truce will not hold,” said the Polish foreign minister.")


def test_one_analyst_is_one_of_the_analysts(bundled):
    candidate = draft_sentence(bundled, "The sanctions, one analyst noted, have not changed Moscow's course.",
                               SATURDAY, AUTHOR)
    assert candidate.asserted_by == "dgr:analysts" and "dgr:analysts" in {m.entity for m in candidate.mentions}
