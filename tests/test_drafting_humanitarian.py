"""The classes the two-hundred-and-twenty-fifth to two-hundred-and-twenty-seventh made-up pages (bodies returned, a
sanctions package on the shadow fleet, a speech at the UN) showed, each pinned on sentences of their own: a
humanitarian or rights body the page names is no party, and the audit reads it so too; a package of sanctions
approved is the act, recorded; an office named again after the party whose office it is ("Later, the ambassador")
speaks for that party.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs


def test_a_humanitarian_body_is_no_party(project, tmp_path):
    sentence = "Human Rights Watch urged Moscow to let monitors visit the detention centres."
    kind, asserter, mode = drafted_alone(sentence)
    assert (kind, asserter, mode) == ("Claim", "dgr:author-x", "Reported")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 5, 3))
    assert drafted[sentence].findings == []


def test_a_package_of_sanctions_approved_is_recorded():
    kind, asserter, mode = drafted_alone("Britain on Tuesday approved a new package of sanctions on Russian banks.")
    assert (kind, asserter, mode) == ("Claim", "dgr:author-x", "FactualAssertion")


def test_an_office_named_again_speaks_for_the_party_whose_office_it_is(project, tmp_path):
    later = "Later, the ambassador told reporters that the vote had been \"a farce\"."
    drafted = drafted_paragraphs(project, tmp_path, "Belarus's ambassador left the hall before the vote.", later,
                                 day=date(2028, 5, 4))
    assert drafted[later].asserted_by == "dgr:belarus" and drafted[later].findings == []
