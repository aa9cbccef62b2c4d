"""The classes the three-hundred-and-thirtieth to -second made-up pages (a cyberattack blamed on a party, an
obituary of a former negotiator, readers' questions answered) showed, each pinned on sentences of their own: a
man's family, friends or colleagues who tell of him are no party; a "he" who "led" a party's delegation speaks for
it, over the lines that go on about him, also after an opening "At those talks"; people "working for" a service
take no stance; what a party said a long-named event "could" set off is forecast; a rule of thumb ("is rarely
certain") and who "did more to" are the author's judgements; "recalled that" reports.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_a_family_that_tells_of_a_death_is_no_party(project, tmp_path):
    sentence = ("Olena Madeupchuk, who served as Poland's consul in Lviv for a decade, died on Sunday in Krakow, "
                "her family said.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 1, 9))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"
    assert (drafted.stated_on, drafted.date_precision) == ("2029-01-07", "DayPrecision")


def test_he_who_led_a_partys_delegation_speaks_for_it_over_lines_about_him(project, tmp_path):
    opening = "Stepan Madeupiuk, who led Moldova's delegation at the gas talks in Vienna, retired this week."
    aside = "He was 68."
    insisted = "At those talks he insisted that Russia pay for the gas it had taken without a contract."
    drafted = drafted_paragraphs(project, tmp_path, f"{opening} {aside}", insisted, day=date(2029, 1, 9))
    assert drafted[insisted].asserted_by == "dgr:moldova"
    assert drafted[insisted].assertion_mode == "Reported"


def test_people_working_for_a_service_take_no_stance():
    assert kind_of("Police said the men, working for a foreign intelligence service, had photographed "
                   "the port.") != "Position"
    assert kind_of("Kyiv said it would keep working for a just peace.") == "Position"


def test_what_a_long_named_event_could_set_off_is_forecast():
    assert kind_of("The alliance has said that a large attack on the undersea cables of a member state "
                   "could trigger a joint response.") == "Prediction"


def test_a_rule_of_thumb_and_who_did_more_are_the_authors_judgements():
    for sentence in ("Blame in a blackout is seldom simple, and both capitals know it.",
                     "No European leader has done more to keep the coalition together."):
        assert drafted_alone(sentence)[::2] == ("Assessment", "Judgement"), sentence


def test_recalling_reports_and_colleagues_are_no_party():
    assert voice("Her deputies recalled that the minister never missed a meeting.").verb == "recalled"
    kind, asserter, mode = drafted_alone("Colleagues remember a stubborn envoy who never left a meeting early.")
    assert asserter.startswith("dgr:author-") and mode == "Reported"
