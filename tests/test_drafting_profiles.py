"""The classes the seventieth to seventy-second made-up pages (a presidency's readout of a call, an institute's
scenarios, a negotiator's profile) showed, each pinned on sentences of their own: a readout's "the <State> side" is
its state speaking on its own page; an institute's or a press service's declared name is kept; a person the page
introduced with an office, named again by surname, is mentioned and speaks; "In March he …" is a pronoun that
speaks, and "he" is the last person the page introduced when no party spoke just before; a month in which
something was done dates it to the month; the author's scenarios ("In the second, …") are the author's predictions;
"our researchers see" is the author's first person; a refusal without a condition met demands it; colleagues'
verdicts are the page's to vouch for; "said a European diplomat who …" names no party.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_html, drafted_paragraphs

from diplograph.dating import date_of
from diplograph.extract import extract
from diplograph.kinds import kind_of, looks_ahead
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")
_READOUT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Call with Finland (made up)</title>
<meta name="author" content="Press Service of the President of Poland"></head>
<body><article><h1>Telephone conversation with the President of Finland</h1>
<p>The Polish side confirmed its readiness for a summit on reconstruction in the spring.</p>
<p>The leaders also spoke about the Baltic Sea and energy prices in the region.</p>
</article></body></html>
"""


def test_a_readouts_own_side_is_its_state_on_its_own_page(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _READOUT, day=date(2027, 4, 21))
    assert extract(tmp_path / "page.html").author == "Press Service of the President of Poland"  # not "Press Service"
    side = drafted["The Polish side confirmed its readiness for a summit on reconstruction in the spring."]
    assert (side.kind, side.asserted_by, side.speaks_for, side.findings) == \
        ("Position", f"dgr:author-{name}", "dgr:poland", [])


def test_a_person_introduced_with_an_office_is_named_again_by_surname(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Latvia's foreign minister, Ilze Madeupina, arrived in Kyiv on Monday.",
        "Madeupina offered to host talks on prisoner exchanges in Riga.", day=date(2027, 4, 21))
    again = drafted["Madeupina offered to host talks on prisoner exchanges in Riga."]
    assert again.asserted_by in {"dgr:ilze-madeupina", "dgr:latvia"}
    assert "dgr:ilze-madeupina" in {m.entity for m in again.mentions}


def test_he_after_a_time_phrase_is_the_last_person_introduced(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Estonia's chief negotiator, Mart Madeupson, has led every round since 2025.",
        "Diplomats call him stubborn.", "In January he rejected a plan to hold talks in Minsk.",
        day=date(2027, 4, 21))
    rejected = drafted["In January he rejected a plan to hold talks in Minsk."]
    assert rejected.asserted_by in {"dgr:mart-madeupson", "dgr:estonia"}
    assert (rejected.stated_on, rejected.date_precision) == ("2027-01-01", "MonthPrecision")


def test_a_month_in_which_something_was_done_dates_it_to_the_month():
    day = date(2027, 4, 21)
    assert date_of("Kyiv turned the offer down last month.", day) == ("2027-03-01", "MonthPrecision")
    assert date_of("Earlier this month, Warsaw said no.", day) == ("2027-04-01", "MonthPrecision")
    assert date_of("In May 2025, Kyiv proposed a truce.", day) == ("2025-05-01", "MonthPrecision")  # a year, no day
    assert date_of("Talks may resume in May.", day) == (None, None)  # ahead: not when anything was said
    assert date_of("The truce held until March.", day) == (None, None)  # a bound


def test_the_authors_scenarios_are_its_predictions_for_drafter_and_audit():
    sentence = "In the worst case, Moscow walks out and the front moves west."
    assert drafted_alone(sentence) == ("Prediction", _AUTHOR, "Judgement") and looks_ahead(sentence)
    assert drafted_alone("In Geneva, Moscow walked out.")[0] != "Prediction"  # a place, not a scenario


def test_our_researchers_are_the_author():
    assert drafted_alone("Our analysts expect the truce to fail.")[1:] == (_AUTHOR, "Judgement")
    assert drafted_alone("Analysts expect the truce to fail.")[1] != _AUTHOR  # theirs


def test_refusing_a_thing_without_a_condition_met_demands_the_condition():
    assert kind_of("Moldova said it would veto any deal without a Russian withdrawal.") == "Demand"
    assert kind_of("Moldova said it would veto the deal.") == "Position"


def test_colleagues_verdicts_and_an_unnamed_diplomats_words_are_the_pages_to_vouch_for():
    assert drafted_alone("Colleagues describe her as tireless.") == ("Assessment", _AUTHOR, "Reported")
    quoted = "“She never gives an inch,” said a European diplomat who knows her."
    assert voice(quoted).kind == "anonymous"
    assert drafted_alone(quoted)[1] == _AUTHOR
    assert voice("“We will never give an inch,” said Germany's envoy.").kind == "reported"
