"""The classes the three-hundred-and-twenty-first to -third made-up pages (an exchange of prisoners, a court's
ruling, a proposed ban on gas) showed, each pinned on sentences of their own: an international court that "ruled
that" reports, no party, and its adjective names no state; lawyers "for" the families are of no party; what "gives"
a party "room to" bargain is the author's reading (what gives "time to" is left to the verdicts, as an older key
has it).
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

DAY = date(2028, 12, 9)


def test_an_international_court_that_ruled_reports_and_names_no_state(project, tmp_path):
    sentence = "The European Court of Human Rights ruled that Moscow had violated the right to a fair trial."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.assertion_mode == "Reported" and drafted.asserted_by.startswith("dgr:author-")
    assert "dgr:europe" not in {m.entity for m in drafted.mentions} and not drafted.findings


def test_lawyers_for_the_families_are_of_no_party(project, tmp_path):
    sentence = "Lawyers for the detainees said the ruling would speed up their release."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and not drafted.findings


def test_what_gives_a_party_time_to_bargain_is_a_reading():
    assert drafted_alone("The long transition gives Bratislava room to extract more concessions.")[::2] == (
        "Assessment", "Interpretation")
