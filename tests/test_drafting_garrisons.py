"""The classes the three-hundred-and-sixty-sixth to -eighth made-up pages (a trial in absentia, an island's
garrison doubled, power exports resumed) showed, each pinned on sentences of their own: prosecutors speak for the
state the dateline's capital is of; a lawyer, islanders and people "interviewed in" a town are no party; "answers to"
a court reports nothing; what "would stop again" is to happen again, not a statement made again.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.dating import recurring
from diplograph.reporting import voice


def test_prosecutors_speak_for_the_datelines_state(project, tmp_path):
    first = "MINSK, 28 March — A Minsk court on Tuesday jailed two Lithuanian lorry drivers for smuggling."
    charged = "Prosecutors accused them of carrying drone parts for Ukraine's army."
    drafted = drafted_paragraphs(project, tmp_path, f"{first} {charged}", day=date(2029, 3, 28))
    assert drafted[charged].asserted_by == "dgr:belarus"


def test_a_lawyer_and_islanders_interviewed_in_a_town_are_no_party(project, tmp_path):
    lawyer = "“A verdict without a defence is no verdict,” a Belarusian lawyer said."
    islanders = "Islanders interviewed in the port of Mariehamn said they had seen more patrol boats this spring."
    drafted = drafted_paragraphs(project, tmp_path, lawyer, islanders, day=date(2029, 3, 28))
    for sentence in (lawyer, islanders):
        assert drafted[sentence].asserted_by.startswith("dgr:author-"), sentence
        assert not drafted[sentence].findings, sentence


def test_answering_to_a_court_reports_nothing():
    assert voice("Belarus no longer answers to any European court.").kind == "none"


def test_what_would_happen_again_is_no_statement_made_again():
    assert not recurring("The minister said deliveries would stop again the moment the strikes resumed.")
    assert recurring("The minister again said deliveries would stop.")
