"""The classes the two-hundred-and-forty-ninth to -fifty-first made-up pages (a president's pledge of elections, an
institute's weekly brief, a veto in the Security Council) showed, each pinned on sentences of their own: a leader's
legitimacy or mandate denied is a claim; a relative clause about a party named is not the sentence's act, and what
an announcement "was aimed at" is a reading; a text called one-sided gets a verdict; a leader the graph affiliates
with a state speaks of that state's own plans.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.acts import the_act
from diplograph.kinds import kind_of


def test_a_leaders_legitimacy_or_mandate_denied_is_a_claim():
    assert drafted_alone("The Kremlin has long said that Zelenskyy lacks any mandate to sign a treaty.")[:2] == \
        ("Claim", "dgr:russia")
    assert kind_of("Moscow argued that the Moldovan president's term had expired.") == "Claim"


def test_a_relative_clause_about_a_party_named_is_not_the_sentences_act():
    sentence = "Analysts said the visit was aimed at Berlin, which has urged Paris to send more tanks."
    assert the_act(sentence) == "Analysts said the visit was aimed at Berlin."
    assert kind_of(sentence) == "Assessment"


def test_a_text_called_one_sided_gets_a_verdict():
    assert kind_of("Belarus's envoy said the report was “biased” and ignored the facts.") == "Assessment"


def test_a_leader_the_graph_affiliates_with_a_state_speaks_of_its_own_plans(project, tmp_path):
    sentence = "Zelenskyy said on Monday that Ukraine would open two more border crossings with Poland."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 6, 28))[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:zelenskyy")
