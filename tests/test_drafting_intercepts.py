"""The classes the three-hundred-and-fifty-first to -third made-up pages (an intercepted call, a mayor's quarrel
with his government, a prize for rights groups) showed, each pinned on sentences of their own: a thing a party put out
"of what it said was" something is its claim; a laboratory that "found no sign" reports, and is no party; a capital's
mayor or a region's governor speaks for the state the dateline's capital is of; a jury and the head of a group are no
party; congratulating reports a stance.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_what_a_party_put_out_as_what_it_said_it_was_is_its_claim(project, tmp_path):
    sentence = ("Poland's border guard on Tuesday published photographs of what it said were Belarusian soldiers "
                "cutting the fence.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 21))[sentence]
    assert (drafted.kind, drafted.asserted_by, drafted.assertion_mode) == ("Claim", "dgr:poland", "Reported")


def test_a_laboratory_that_found_no_sign_reports_for_no_party(project, tmp_path):
    sentence = "A forensic laboratory in Vienna found no evidence that the documents had been forged."
    assert voice(sentence).verb == "found"
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 21))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"


def test_a_capitals_mayor_speaks_for_the_datelines_state(project, tmp_path):
    sentence = ("WARSAW, 21 February — The capital's mayor said on Tuesday that the city would take in 5,000 more "
                "refugees.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 21))[sentence]
    assert drafted.asserted_by == "dgr:poland"


def test_a_jury_and_the_head_of_a_group_are_no_party(project, tmp_path):
    jury = "The jury said the film had shown “the cost of war for ordinary people”."
    head = "The head of the Belarusian group said the award would protect its members in prison."
    drafted = drafted_paragraphs(project, tmp_path, jury, head, day=date(2029, 2, 21))
    for sentence in (jury, head):
        assert drafted[sentence].asserted_by.startswith("dgr:author-"), sentence
        assert not drafted[sentence].findings, sentence


def test_congratulating_reports_a_stance():
    assert voice("Finland's president congratulated the winners.").verb == "congratulated"
    assert kind_of("Finland's president congratulated the winners.") == "Position"
