"""The classes the three-hundred-and-forty-fifth to -seventh made-up pages (diplomats expelled, a pilot who
defected, satellite internet for an army) showed, each pinned on sentences of their own: the audit reads who speaks
after a dateline, as the drafter does; a report closing with a party's organ by its possessive ("…, Poland's border
guard said.") is that party's; "called him a traitor" characterises; a soldier or a pilot speaking for himself, and a
private company, are no party (a state's company is its state's); what a private person asked for, as a party tells
it, is a claim; what "costs" a party "little" is a verdict.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_the_audit_reads_the_speaker_after_the_dateline(project, tmp_path):
    sentence = ("VILNIUS, 8 February — Lithuania ordered a Belarusian consul to leave the country on Wednesday, "
                "saying he had helped smuggle drones across the border.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 8))[sentence]
    assert drafted.asserted_by == "dgr:lithuania" and not drafted.findings


def test_a_closing_report_by_a_partys_organ_and_a_private_persons_request_told_by_it(project, tmp_path):
    sentence = ("A Belarusian truck driver crossed into Poland on foot on Sunday and asked for asylum, Poland's "
                "border guard said.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 8))[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Claim", "dgr:poland") and not drafted.findings


def test_calling_someone_a_traitor_characterises():
    assert voice("Minsk called him a traitor and said he would be tried.").verb == "called"
    assert kind_of("Minsk called him a traitor and said he would be tried.") == "Assessment"


def test_a_soldier_speaking_for_himself_and_a_private_company_are_no_party(project, tmp_path):
    soldier = "“We have not slept for three days,” the soldier said in a video posted by his brigade."
    company = "The company that makes the drones said it would not sell them to either side."
    state = "Russia's state gas company said deliveries to the region would resume on Monday."
    drafted = drafted_paragraphs(project, tmp_path, soldier, company, state, day=date(2029, 2, 8))
    for sentence in (soldier, company):
        assert drafted[sentence].asserted_by.startswith("dgr:author-"), sentence
        assert not drafted[sentence].findings, sentence
    assert drafted[company].kind == "Claim"
    assert drafted[state].asserted_by == "dgr:russia"


def test_what_costs_a_party_little_is_a_verdict():
    assert drafted_alone("Summoning the ambassador costs Minsk little and changes less.")[::2] == \
        ("Assessment", "Judgement")
