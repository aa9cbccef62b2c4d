"""The classes the two-hundred-and-sixty-first to -third made-up pages (a prosecutor's findings on deported children,
a threat over gas transit, an explainer under numbered headings) showed, each pinned on sentences of their own: what
a party did or does about the thing a relative clause names is not the sentence's report nor its act; a participle
after a comma shares its clause's subject; the page's own correspondent expects in the author's voice; lawyers working
on a case are people of no party; what people "expect the …" to be is a forecast; a hypothetical's long subject still
makes it one.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_what_a_party_did_about_the_thing_a_relative_clause_names_is_not_the_report():
    assert drafted_alone("A summit in Vienna, which Austria proposed in April, remains on the agenda.") == \
        ("Claim", AUTHOR, "FactualAssertion")


def test_a_stance_in_a_relative_clause_leaves_the_request_the_speakers():
    assert drafted_alone("Chisinau has asked for air defences like Poland's, which Moscow opposes.")[:2] == \
        ("Demand", "dgr:moldova")


def test_a_participle_after_a_comma_shares_its_clauses_subject(project, tmp_path):
    sentence = "Romania's president backed Chisinau, saying the region's security was at stake."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 7, 22))[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:romania")
    assert drafted.findings == []  # the audit reads the same speaker


def test_the_pages_own_correspondent_in_a_city_expects_in_the_authors_voice():
    assert drafted_alone("Our correspondent in Warsaw expects the vote to pass.") == \
        ("Prediction", AUTHOR, "Judgement")


def test_lawyers_working_on_a_case_are_people_of_no_party():
    assert drafted_alone("Lawyers working on the case expect the hearings to drag on for years.") == \
        ("Prediction", AUTHOR, "Reported")
    assert kind_of("Officials expect the first verdicts no sooner than 2031.") == "Prediction"


def test_a_hypotheticals_long_subject_still_makes_a_forecast():
    assert drafted_alone("A single drone over the plant could close the talks for months.") == \
        ("Prediction", AUTHOR, "Judgement")
