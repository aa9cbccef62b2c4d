"""The classes the three-hundred-and-fifty-fourth to -sixth made-up pages (wreckage of foreign missiles, captured
soldiers of a third state, a peace mission from Africa) showed, each pinned on sentences of their own: a fear added
with "but" to a stance does not outweigh it; a single rights group is no party, as rights groups are; a plan that
"froze the conflict" names the frozen conflict, which a position can be towards.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of


def test_a_fear_added_with_but_does_not_outweigh_the_stance():
    assert kind_of("Madrid said it supported the mission but feared it would divide the bloc.") == "Position"


def test_a_single_rights_group_is_no_party(project, tmp_path):
    sentence = "A human rights group in Vilnius urged Warsaw not to send the men back to Belarus."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 28))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.kind == "Claim"


def test_a_plan_that_froze_the_conflict_names_the_frozen_conflict(project, tmp_path):
    sentence = "Chisinau said it would not accept any deal that froze the conflict in Transnistria."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 28))[sentence]
    assert "dgr:frozen-conflict" in {m.entity for m in drafted.mentions}
