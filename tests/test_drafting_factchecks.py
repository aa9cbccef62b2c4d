"""The classes the three-hundred-and-eighteenth to -twentieth made-up pages (a parliament's vote, a fact check,
sanctions enforcement) showed, each pinned on sentences of their own: "what it called" quotes the party, it is no
verdict; an opposition named with its leaning is no party; being "frustrated" is a party's reading; historians who
"agree that" are readers; "every state has the right to" is a principle; what something "says more about" and "is a
reminder of" are readings; a finding closing the sentence (", a think tank found.") and what notes "show that"
report; a quotation's own party that "will not" act, its speaker named after it with an audience ("told lawmakers
before the vote"), is that party's stance.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

DAY = date(2028, 11, 30)


def test_what_it_called_quotes_the_party_and_is_no_verdict(project, tmp_path):
    sentence = "Minsk welcomed what it called Warsaw's belated realism."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:belarus")


def test_an_opposition_named_with_its_leaning_is_no_party(project, tmp_path):
    sentence = "The liberal opposition accused the cabinet of abandoning Kyiv."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"
    assert not drafted.findings


def test_disappointment_is_a_reading_and_historians_who_agree_are_readers():
    assert kind_of("Moldova's president said she was frustrated by the decision.") == "Assessment"
    assert drafted_alone("Most historians agree that the treaty was never meant to last.") == (
        "Assessment", "dgr:analysts", "Interpretation")


def test_every_states_right_is_a_principle():
    assert kind_of("The alliance says every country has the right to decide its own security.") == "Principle"


def test_says_more_about_and_a_reminder_are_readings():
    for sentence in ("The quarrel says more about domestic politics than about the war.",
                     "For Chisinau, the winter is a harsh reminder of its dependence on Russian gas."):
        assert drafted_alone(sentence)[::2] == ("Assessment", "Interpretation"), sentence


def test_a_closing_finding_and_what_notes_show_are_reported_by_the_page(project, tmp_path):
    found = "Grain exports through the Danube fell by half in October, a Vienna institute found."
    notes = "Meeting notes show that the ministers discussed a ceasefire only briefly."
    drafted = drafted_paragraphs(project, tmp_path, found, notes, day=DAY)
    for sentence in (found, notes):
        assert drafted[sentence].assertion_mode == "Reported", sentence
        assert drafted[sentence].asserted_by.startswith("dgr:author-") and not drafted[sentence].findings


def test_a_quotations_own_party_that_will_not_act_is_its_stance(project, tmp_path):
    sentence = "“Sweden will not rush into this decision,” the prime minister told lawmakers after the debate."
    drafted = drafted_paragraphs(project, tmp_path, f"STOCKHOLM, 30 November — {sentence}", day=DAY)
    candidate = next(c for s, c in drafted.items() if s.endswith(sentence))
    assert (candidate.kind, candidate.asserted_by) == ("Position", "dgr:sweden")
    assert candidate.rule.startswith("an office speaks")  # the prime minister, after the quote: not "Sweden" in it
