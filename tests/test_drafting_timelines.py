"""The classes the three-hundred-and-twelfth to -fourteenth made-up pages (a vote in the General Assembly, a
week's timeline, a market report) showed, each pinned on sentences of their own: a weekday labelling a line dates
it; what a party says "could not wait" it presses for; what a text "would not help" bring about is a forecast, not a
refusal; "no point in" meeting "until" another acts demands the act; "Its governor" after a party's body speaks for
that party; what a fall or a vote "suggests" is the author's reading.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.dating import date_of
from diplograph.kinds import kind_of

DAY = date(2028, 11, 18)


def test_a_weekday_labelling_a_line_dates_it():
    assert date_of("Thursday: Finland and Estonia closed two more crossings.", DAY) == ("2028-11-16", "DayPrecision")


def test_what_could_not_wait_is_pressed_for_and_what_would_not_help_is_a_forecast():
    assert kind_of("Norway said the release of the sailors could not wait for a peace deal.") == "Demand"
    assert kind_of("Brazil abstained, saying the text would not help end the fighting.") == "Prediction"


def test_no_point_in_meeting_until_another_acts_demands_the_act():
    assert kind_of("Minsk said there was no point in talking until Vilnius reopened the border.") == "Demand"


def test_its_governor_after_a_partys_body_speaks_for_that_party(project, tmp_path):
    first = "Ukraine's central bank cut its key rate by a point on Thursday."
    second = "Its governor told reporters that inflation had peaked."
    drafted = drafted_paragraphs(project, tmp_path, f"{first} {second}", day=DAY)
    assert (drafted[second].asserted_by, drafted[second].assertion_mode) == ("dgr:ukraine", "Reported")


def test_what_a_fall_suggests_is_the_authors_reading():
    assert drafted_alone("The drop in exports suggests the embargo is finally working.")[::2] == (
        "Assessment", "Interpretation")
