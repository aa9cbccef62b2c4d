"""The classes the two-hundred-and-twenty-second to two-hundred-and-twenty-fourth made-up pages (a bridge struck and
talks postponed, an analysis of the gap on territory, missiles kept in Belarus) showed, each pinned on sentences of
their own: a vow of retaliation is a stance; sides "far apart" are a verdict; of two clauses joined by a semicolon the
first speaks; others after an unnamed source are unnamed too, for the drafter and the audit alike.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_a_vow_of_retaliation_is_a_stance():
    assert kind_of("Lukashenko vowed \"a proportionate response\".") == "Position"
    assert kind_of("The Kremlin promised to retaliate.") == "Position"


def test_sides_far_apart_are_a_verdict():
    kind, asserter, mode = drafted_alone("After a week in Geneva the delegations are still far apart on prisoners.")
    assert (kind, asserter, mode) == ("Assessment", "dgr:author-x", "Judgement")


def test_of_two_clauses_joined_by_a_semicolon_the_first_speaks():
    kind, asserter, _ = drafted_alone("Hungary wants the gas transit restored; Kyiv says the contract is over.")
    assert (kind, asserter) == ("Demand", "dgr:hungary")


def test_others_after_an_unnamed_source_are_unnamed_too(project, tmp_path):
    others = "Others saw a chance for a truce before the winter."
    drafted = drafted_paragraphs(project, tmp_path, "A senior Western official said the talks had stalled.", others,
                                 day=date(2028, 4, 26))
    read = drafted[others]
    assert read.asserted_by.startswith("dgr:author-") and read.assertion_mode == "Reported"
    assert read.kind in ("Assessment", "Prediction") and read.findings == []
