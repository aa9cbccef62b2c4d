"""The classes the sixteenth made-up page (a timeline of dated items) showed, each pinned on sentences of its own:
a date heading an item before a colon or a dash is the day of what the item reports (in the year before the
document's when it would otherwise lie after it); a participle after a comma reports the words of the clause's
subject; a reporting verb after a preposition is a noun; an offer made only on a condition demands the condition;
"back to the table" names the negotiations.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.dating import date_of
from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice

EARLY_JANUARY = date(2027, 1, 5)


@pytest.fixture(scope="module")
def bundled() -> KnowledgeGraph:
    return KnowledgeGraph.open()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("3 January: Poland proposes a monitoring mission.", ("2027-01-03", "DayPrecision")),
    ("28 December – Hungary blocks the aid package.", ("2026-12-28", "DayPrecision")),  # last year's
    ("Dec. 30 — Kyiv rejects the plan.", ("2026-12-30", "DayPrecision")),
    ("2 March 2025: Moscow walks out.", ("2025-03-02", "DayPrecision")),
    ("31 April: nobody met.", (None, None)),  # no such day: no date
    ("Talks may resume on 9 January: nothing is settled.", (None, None)),  # not at the head
])
def test_a_date_heading_an_item_is_its_day(sentence, expected):
    assert date_of(sentence, EARLY_JANUARY) == expected


def test_a_dated_item_is_drafted_on_its_day_as_its_partys_report(bundled):
    candidate = draft_sentence(bundled, "29 December: Finland offers to host a round of negotiations in Helsinki.",
                               EARLY_JANUARY)
    assert (candidate.kind, candidate.asserted_by, candidate.assertion_mode) == ("Proposal", "dgr:finland",
                                                                                 "Reported")
    assert (candidate.stated_on, candidate.date_precision) == ("2026-12-29", "DayPrecision")


def test_a_participle_after_a_comma_reports_the_clauses_subject(bundled):
    heard = voice("Hungary left the meeting early, warning that the sanctions would fail.")
    assert (heard.kind, heard.verb) == ("reported", "warning")
    candidate = draft_sentence(bundled, "Belarus closed the crossing, accusing Poland of provoking its guards.")
    assert (candidate.asserted_by, candidate.assertion_mode) == ("dgr:belarus", "Reported")
    assert voice("Accusing Kyiv of delays is easy.").kind == "none"  # no clause before it: no one reports


def test_a_reporting_verb_after_a_preposition_is_a_noun(bundled):
    assert voice("Markets swung between fear and relief all week.").kind == "none"
    candidate = draft_sentence(bundled, "Hopes for a truce moved between hope and despair after the strikes.")
    assert candidate.assertion_mode == "FactualAssertion"


def test_an_offer_on_a_condition_demands_the_condition():
    assert kind_of("Slovakia would send observers only if the ceasefire held for a month.") == "Demand"
    assert kind_of("Moldova will join provided that its neutrality is respected.") == "Demand"
    assert kind_of("The talks only resumed after the holidays.") is None
    assert kind_of("Riga would support a monitoring mission only if Moscow agreed.") == "Position"  # support


def test_back_to_the_table_names_the_negotiations(bundled):
    candidate = draft_sentence(bundled, "Canada urged both governments to go back to the negotiating table.")
    assert candidate.kind == "Demand" and "dgr:negotiations" in {m.entity for m in candidate.mentions}
    assert "dg:Negotiation" in candidate.measures
    plan = draft_sentence(bundled, "The plan is still on the table, a diplomat said.")
    assert "dgr:negotiations" not in {m.entity for m in plan.mentions}
