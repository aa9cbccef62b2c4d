"""The classes the hundred-and-thirtieth to hundred-and-thirty-second made-up pages (a diplomatic row over a drone,
technical talks hosted by a third state, a columnist's op-ed) showed, each pinned on sentences of their own: what a
speaker says it will do after saying something else ("said it was in close contact … and would strengthen …") is
its position, not a forecast of a consequence; "is expected in October" forecasts; a verdict in quotation marks
closes a characterisation ("called the talks “businesslike”"); "than announced" reports no one; "not an accident"
is a verdict.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.kinds import kind_of
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_what_the_speaker_says_it_will_do_after_another_clause_is_its_position():
    assert kind_of("Finland said it was in contact with Estonia and would strengthen its border patrols.") == \
        "Position"
    assert kind_of("Lifting the sanctions would strengthen Moscow.") == "Prediction"


def test_expected_in_a_month_forecasts_and_a_quoted_verdict_characterises():
    assert drafted_alone("A new round is expected in November.") == ("Prediction", _AUTHOR, "Judgement")
    assert kind_of('The Polish side called the talks "businesslike".') == "Assessment"


def test_than_announced_reports_no_one_and_not_an_accident_is_a_verdict():
    assert voice("The shells arrive later, and in smaller numbers than announced.").kind == "none"
    assert drafted_alone("The delay is not an accident.") == ("Assessment", _AUTHOR, "Judgement")
