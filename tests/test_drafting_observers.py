"""The classes the two-hundred-and-first to two-hundred-and-third made-up pages (an offer to observe a vote, a
mine-clearing mission extended, a row over sanctions relief) showed, each pinned on sentences and pages of their own:
being prepared to send observers offers them; "its director" speaks for the body the page spoke of, and what a vote
"would require" is demanded; what is "a condition for" peace is demanded; "would not discuss … before" sets a
condition; "the three countries" are the parties the page named before, not unnamed sources.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of


def test_being_prepared_to_send_observers_offers_them():
    assert kind_of("The Council of Europe said it was ready to send 200 monitors to the region.") == "Proposal"
    assert kind_of("Hungary said it was not prepared to send observers.") != "Proposal"


def test_its_director_speaks_for_the_body_and_what_a_vote_would_require_is_demanded(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "The IAEA said on Monday it would keep two inspectors at the plant.",
        "Its director said any deal would require that the plant's staff could work without pressure.",
        day=date(2027, 7, 6))
    read = drafted["Its director said any deal would require that the plant's staff could work without pressure."]
    assert (read.kind, read.asserted_by, read.assertion_mode) == ("Demand", "dgr:iaea", "Reported")


def test_a_condition_for_peace_and_no_talks_before_a_truce_are_demanded():
    assert kind_of("\"Security guarantees are a precondition for any settlement,\" the minister said.") == "Demand"
    assert kind_of("An EU diplomat said the bloc would not discuss reconstruction before the shelling stops.") == \
        "Demand"


def test_parties_counted_are_those_the_page_named(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Poland, Lithuania and Latvia agreed on Friday to build a joint air-defence line.",
        "The three countries have rejected any role for Belarus in the talks.", day=date(2027, 7, 9))
    read = drafted["The three countries have rejected any role for Belarus in the talks."]
    assert (read.kind, read.asserted_by, read.assertion_mode) == ("Position", "dgr:poland", "Reported")
