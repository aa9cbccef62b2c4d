"""The classes the three-hundred-and-sixth to -eighth made-up pages (a donors' conference, an explainer of draft
guarantees, a drone incursion) showed, each pinned on sentences of their own: "thanked … but told" is said by the
one who thanked; standing "in solidarity with" and mocking are
stances; a draft's terms told in the present ("commits", "It stops short of …") are the page's account of a
proposal; "the Budapest Memorandum" names no state, and what is "seen in Kyiv as" is a reading; what is "easy to
promise" is a verdict; signing "only as a bridge to" demands what it bridges to; a body that "puts the toll at" a
figure reports it; a verb in ", which offered …" reports nothing; a meeting that "would" be held on a weekday does
not date the statement.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.dating import date_of
from diplograph.kinds import kind_of

DAY = date(2028, 11, 2)


def test_thanked_but_told_is_said_by_the_one_who_thanked(project, tmp_path):
    sentence = ("Moldova's president thanked Bucharest but told reporters that her country would need far more "
                "help over the next five years.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.asserted_by == "dgr:moldova"  # what it would need over years is its forecast, as older keys have


def test_solidarity_and_mockery_are_stances():
    assert kind_of("The alliance said it stood in solidarity with Estonia.") == "Position"
    assert kind_of("A Kremlin spokesman mocked the proposal as theatre.") == "Position"


def test_a_drafts_terms_told_in_the_present_are_the_pages_account(project, tmp_path):
    first = "The draft obliges the guarantors to send air defence within a week of any new attack."
    second = "It stops short of a promise to send troops."
    drafted = drafted_paragraphs(project, tmp_path, f"{first} {second}", day=DAY)
    for sentence in (first, second):
        assert (drafted[sentence].kind, drafted[sentence].assertion_mode) == ("Proposal", "FactualAssertion")
        assert drafted[sentence].asserted_by.startswith("dgr:author-")


def test_a_memorandum_named_for_a_city_names_no_state_and_seen_in_kyiv_as_is_a_reading(project, tmp_path):
    sentence = "The Budapest Memorandum is often seen in Kyiv as a lesson in the worth of promises."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert "dgr:hungary" not in {m.entity for m in drafted.mentions}
    assert (drafted.kind, drafted.assertion_mode) == ("Assessment", "Interpretation")


def test_what_is_easy_to_promise_is_a_verdict_and_only_as_a_bridge_demands():
    assert drafted_alone("Guarantees are easy to promise and hard to honour.")[::2] == ("Assessment", "Judgement")
    assert kind_of("Chisinau has said it would accept the text only as a first step towards membership.") == "Demand"


def test_a_body_that_puts_the_toll_at_a_figure_reports_it(project, tmp_path):
    sentence = "The Red Cross puts the number of missing civilians at more than 20,000."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.assertion_mode == "Reported" and drafted.asserted_by.startswith("dgr:author-")


def test_a_verb_after_which_reports_nothing(project, tmp_path):
    sentence = "The Minsk accords, which offered the regions autonomy, are now widely seen as a failure."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.assertion_mode != "Reported"


def test_a_meeting_that_would_be_held_on_a_weekday_does_not_date_the_statement():
    assert date_of("The ministers said they would meet on Friday.", date(2028, 11, 7)) == (None, None)
    assert date_of("The ministers said on Friday they would meet.", date(2028, 11, 7)) == (
        "2028-11-03", "DayPrecision")
