"""The classes the hundred-and-seventy-seventh to hundred-and-seventy-ninth made-up pages (a strike and its blame, a
draft agreement seen by the outlet, a veto vowed on a condition) showed, each pinned on sentences of their own: a body
"horrified" or "appalled" assesses; what a draft "provides for" is its terms; a state that blocks "Ukraine's
accession" rejects it; a veto "as long as" a condition is unmet demands the condition; "regrets" and "deplores"
disapprove.
"""

from __future__ import annotations

from diplograph.judgements import EVALUATIVE
from diplograph.kinds import kind_of
from diplograph.wording import papers_terms


def test_horror_is_an_assessment():
    assert EVALUATIVE.search("The agency said it was \"appalled\" by the shelling.")
    assert kind_of("The agency said it was appalled by the shelling.") == "Assessment"


def test_what_a_draft_provides_for_is_its_terms():
    assert papers_terms("The framework also envisages a joint commission on prisoners.")
    assert not papers_terms("The minister also calls for a joint commission on prisoners.")


def test_vetoes_on_a_condition_and_disapproval():
    assert kind_of("Slovakia threatens to block Moldova's EU accession talks") == "Position"
    assert kind_of("Slovakia will veto the aid package as long as the gas dispute is not settled.") == "Demand"
    assert kind_of("The Commission regrets the decision.") == "Position"
    assert kind_of("Kyiv deplored the strike on the port.") == "Position"
