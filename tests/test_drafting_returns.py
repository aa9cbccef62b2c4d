"""The classes the hundred-and-ninety-second to hundred-and-ninety-fourth made-up pages (children returned through a
mediator, an explainer of guarantees, troops in a breakaway region) showed, each pinned on sentences and pages of
their own: the "as" of what something is called opens no clause of time ("describes them as evacuees and says …");
a breakaway region's leaders are no party the graph holds; a speaker who accuses makes a claim, and the audit does
not call it a prediction for the plans it adds; "troops to leave" calls for their withdrawal.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_page

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.reporting import voice
from diplograph.review import accept

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_what_something_is_called_opens_no_clause_of_time():
    sentence = "Minsk describes the detainees as saboteurs and says they will be tried."
    heard = voice(sentence, ["Minsk"])
    assert (heard.kind, heard.verb) == ("reported", "says")
    assert drafted_alone(sentence)[1:] == ("dgr:belarus", "Reported")


def test_a_breakaway_regions_leaders_are_no_party(project, tmp_path):
    sentence = "The breakaway region's leader said the checkpoints had been closed by mistake."
    assert drafted_alone(sentence) == ("Claim", _AUTHOR, "Reported")
    name, drafted = drafted_page(project.layout, tmp_path, sentence + "\n", title="Checkpoints (made up)",
                                 day=date(2027, 6, 24))
    assert drafted[sentence].findings == []
    accept(project.layout, name, drafted[sentence].id)


def test_an_accusation_with_a_plan_is_a_claim_the_audit_accepts(project, tmp_path):
    sentence = "Russia's defence ministry accused Kyiv of \"sabotage\" and said the convoy would go ahead."
    kind, asserter, mode = drafted_alone(sentence)
    assert (kind, asserter, mode) == ("Claim", "dgr:russia", "Reported")
    name, drafted = drafted_page(project.layout, tmp_path, sentence + "\n", title="A convoy (made up)",
                                 day=date(2027, 6, 24))
    assert drafted[sentence].findings == []
    accept(project.layout, name, drafted[sentence].id)


def test_troops_to_leave_call_for_their_withdrawal():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:WithdrawalOfForces" in gazetteer.measures_in("Chisinau renews its call for Russian troops to leave")
