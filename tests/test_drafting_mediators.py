"""The classes the two-hundred-and-twenty-eighth to two-hundred-and-thirtieth made-up pages (loans for a grid, an
offer to host talks, a transit halted) showed, each pinned on sentences of their own: "according to the ministry."
closing a sentence is the organ of the party the page spoke of; "there is no need for" refuses; a warning of
consequences if a party does not act demands the act; what is "in line with" or "in breach of" a law is a verdict;
the Pope speaks for the Holy See.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.stances import stance_of


def test_according_to_the_ministry_closing_a_sentence_is_the_party_spoken_of(project, tmp_path):
    later = "The grant will be paid in three tranches, according to the foreign ministry."
    drafted = drafted_paragraphs(project, tmp_path, "Norway promised Moldova 200 million euros on Tuesday.", later,
                                 day=date(2028, 5, 10))
    assert (drafted[later].asserted_by, drafted[later].assertion_mode) == ("dgr:norway", "Reported")


def test_there_is_no_need_for_refuses():
    sentence = "Ankara said there was no need for a new monitoring mission."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")


def test_a_warning_of_consequences_if_a_party_does_not_act_demands_the_act():
    assert kind_of("Minsk warned of \"a firm answer\" if the border was not reopened by Friday.") == "Demand"
    assert kind_of("Warsaw warned of consequences.") != "Demand"


def test_what_is_in_line_with_a_law_is_a_verdict():
    assert kind_of("The court's registrar said the arrest warrant was in line with the statute.") == "Assessment"
    assert kind_of("Moscow said the seizure of its assets was illegal.") == "Assessment"


def test_the_pope_speaks_for_the_holy_see():
    assert drafted_alone("The Pope said he would pray for an end to the war.")[1] == "dgr:holy-see"
