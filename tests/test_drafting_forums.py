"""The classes the three-hundred-and-thirty-sixth to -eighth made-up pages (an offer of arms talks, a business
forum, a border village under fire) showed, each pinned on sentences of their own: an event's organisers are no
party; "registered" or "recorded" in a relative clause ("several that had registered withdrew") reports nothing;
who is "paying the price of" something is the author's verdict; a buffer or demilitarised zone is a withdrawal of
forces from a strip of land.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.drafting import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.reporting import voice


def test_an_events_organisers_are_no_party(project, tmp_path):
    sentence = "Ministers from 12 countries came to the energy conference in Baku, the organisers said on Tuesday."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 1, 18))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"
    assert not drafted.findings


def test_a_verb_of_recording_in_a_relative_clause_reports_nothing():
    assert voice("Most exhibitors stayed home, and two that had registered pulled out at the last minute.").kind \
        == "none"
    kind, asserter, mode = drafted_alone("Most exhibitors stayed home, and two that had registered pulled out at "
                                         "the last minute.")
    assert (kind, mode) == ("Claim", "FactualAssertion")


def test_who_pays_the_price_is_the_authors_verdict():
    assert drafted_alone("Farmers on both banks of the river are paying the price of the blockade.")[::2] == \
        ("Assessment", "Judgement")


def test_a_buffer_zone_is_a_withdrawal_of_forces():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:WithdrawalOfForces" in gazetteer.measures_in("Minsk wants a buffer zone along the border.")
    assert "dg:WithdrawalOfForces" in gazetteer.measures_in("The plan sets up a demilitarised zone 20 km wide.")
