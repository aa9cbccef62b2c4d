"""The classes the two-hundred-and-sixty-fourth to -sixth made-up pages (a UN assembly's vote, a transcript of a
foreign ministry's press conference, grain shipments by a coordination centre's count) showed, each pinned on
sentences of their own: parties joined as a subject speak through the first, for the drafter and the audit alike;
people of a trade after the content and a coordination centre are sources the page vouches for; a warning "against"
with its addressees between is a stance; a clause saying no one has offered something reports no one.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_parties_joined_as_a_subject_speak_through_the_first(project, tmp_path):
    sentence = "Brazil and South Africa abstained, saying the text ignored the causes of the war."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 7, 27))[sentence]
    assert drafted.asserted_by == "dgr:brazil"
    assert drafted.findings == []  # the audit reads the same speaker


def test_people_of_a_trade_after_the_content_are_a_source_the_page_vouches_for():
    assert drafted_alone("Freight rates have doubled since June, brokers in London said.") == \
        ("Claim", AUTHOR, "Reported")


def test_a_coordination_centre_is_a_source_the_page_vouches_for():
    assert drafted_alone("Forty ships left the ports last week, according to the joint coordination centre.") == \
        ("Claim", AUTHOR, "Reported")


def test_a_warning_against_with_its_addressees_between_is_a_stance():
    assert kind_of("Qatar's emir warned both sides against strikes on civilian ships, which he said would cost "
                   "lives.") == "Position"


def test_a_clause_saying_no_one_has_offered_something_reports_no_one():
    assert drafted_alone("A durable truce would require guarantees that neither Washington nor Beijing has yet "
                         "offered.") == ("Assessment", AUTHOR, "Judgement")
