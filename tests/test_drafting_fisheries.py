"""The classes the three-hundred-and-sixtieth to -second made-up pages (a fishing dispute, a refinery struck, a
bridge called a target) showed, each pinned on sentences of their own: "did not support" rejects; fishermen "in the
northern town of" a place are no party; "Russia's security council" speaks for Russia in the audit too, not for the
UN's.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of


def test_not_supporting_rejects():
    assert kind_of("A Pentagon spokesman said Washington did not support strikes on civilian ports.") == "Position"


def test_fishermen_in_a_town_of_a_place_are_no_party(project, tmp_path):
    sentence = "Fishermen in the small port of Vardo said they had lost half their income since the ban."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 3, 14))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and not drafted.findings


def test_a_partys_security_council_speaks_for_it_in_the_audit_too(project, tmp_path):
    sentence = "Russia's security council secretary said Moscow would answer with strikes on Ukraine's ports."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 3, 14))[sentence]
    assert drafted.asserted_by == "dgr:russia" and not drafted.findings
