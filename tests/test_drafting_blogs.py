"""The classes the two-hundred-and-seventy-ninth to -eighty-first made-up pages (a journalist freed in a swap, an
analyst's blog in the first person, the bill for rebuilding Ukraine) showed, each pinned on sentences of their own:
a "he" or "she" after the author's reading of an office-holder's remarks is that office-holder's state, not the
author; what the author "has argued" is the author's judgement; a proposal announced for later ("said it would
propose") is a stance, not yet a proposal; what something "would need", in quotation marks, is demanded.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_a_pronoun_after_the_authors_reading_of_an_office_holder_is_that_state(project, tmp_path):
    reading = "Last week's speech by Norway's prime minister suggests that Oslo has changed its mind."
    told = "She told parliament on Tuesday that any mission would need a UN mandate."
    drafted = drafted_paragraphs(project, tmp_path, f"{reading} {told}", day=date(2028, 9, 2))
    assert drafted[reading].assertion_mode == "Interpretation"
    assert (drafted[told].kind, drafted[told].asserted_by, drafted[told].assertion_mode) == \
        ("Demand", "dgr:norway", "Reported")


def test_what_the_author_has_argued_is_the_authors_judgement():
    assert drafted_alone("I have long argued that sanctions alone would not end the war.")[1:] == \
        (AUTHOR, "Judgement")


def test_a_proposal_announced_for_later_is_a_stance():
    assert kind_of("The Commission said it would propose using the windfall profits.") == "Position"
    assert kind_of("The Commission proposed using the windfall profits.") == "Proposal"


def test_what_something_would_need_in_quotation_marks_is_demanded():
    assert kind_of("The minister said any truce would need \"guarantees that work\".") == "Demand"
