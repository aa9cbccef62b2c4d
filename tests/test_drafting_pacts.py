"""The classes the two-hundred-and-ninety-fourth to -sixth made-up pages (a security pact, a Senate hearing, an
exile's column) showed, each pinned on sentences of their own: the terms of an agreement signed, told in the author's
voice, are a record; what a speaker says "his country" will do is its stance; lawmakers "from both parties" are of
no party, after a dateline too; a verb after "who" reports nothing; what "only helps" the other side is a verdict.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_the_terms_of_an_agreement_signed_are_a_record():
    sentence = "Under the treaty, Norway will share radar data with Finland within an hour of any launch."
    assert drafted_alone(sentence) == ("Claim", AUTHOR, "FactualAssertion")


def test_what_his_country_will_do_is_the_speakers_stance(project, tmp_path):
    sentence = "Norway's prime minister said his country would train another 2,000 soldiers next year."
    assert kind_of(sentence) == "Prediction"  # read alone: a time to come
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 10, 5))[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:norway")


def test_lawmakers_from_both_parties_are_of_no_party_after_a_dateline_too(project, tmp_path):
    sentence = "OSLO, 6 October — Deputies from all parties urged the government to explain the delay."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 10, 6))[sentence]
    assert (drafted.kind, drafted.assertion_mode) == ("Claim", "Reported")
    assert drafted.asserted_by.startswith("dgr:author-")


def test_a_verb_after_who_reports_nothing_and_what_only_helps_is_a_verdict():
    assert drafted_alone("Western capitals should welcome those who refuse to fight.") == (
        "Assessment", AUTHOR, "Judgement")
    assert drafted_alone("Closing the border only helps the other side's recruiters.") == \
        ("Assessment", AUTHOR, "Judgement")
