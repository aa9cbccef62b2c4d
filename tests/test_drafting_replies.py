"""The classes the two-hundred-and-forty-third and the -sixth to -eighth made-up pages (a fact check, a briefing in
Beijing, a sanctions package, refugees in Poland) showed, each pinned on sentences of their own: a rejection of
accusations is the subject's reply, and the rejection decides its kind over the verdict it gives; "added … to its
list" reports nothing; a state's government that wants something asks for it; "the next day" counts from the day
the sentence before gave.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_rejecting_accusations_is_the_subjects_reply_and_the_rejection_decides():
    sentence = "Minsk rejected accusations that Belarusian troops had entered Ukraine, calling them “baseless lies”."
    assert drafted_alone(sentence) == ("Position", "dgr:belarus", "Reported")  # not the author's verdict


def test_adding_names_to_a_list_reports_nothing():
    kind, asserter, mode = drafted_alone("The British Treasury added 20 Iranian firms to its sanctions list.")
    assert asserter.startswith("dgr:author") and mode == "FactualAssertion"


def test_a_states_government_that_wants_something_asks_for_it():
    assert kind_of("Moldova's government wants the bridge reopened by the winter.") == "Demand"


def test_the_next_day_counts_from_the_day_the_sentence_before_gave(project, tmp_path):
    first = "Russia proposed a pause in the fighting on 3 May."
    later = "Ukraine turned the proposal down two days later."
    drafted = drafted_paragraphs(project, tmp_path, first, later, day=date(2028, 6, 21))
    assert (drafted[later].stated_on, drafted[later].date_precision) == ("2028-05-05", "DayPrecision")
    assert drafted[later].findings == []  # the audit reads "two days later" as words of a date
