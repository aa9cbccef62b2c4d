"""The classes the two-hundred-and-eighty-second to -fourth made-up pages (prisoners agreed in Istanbul, documents on
air defences, farmers blocking crossings) showed, each pinned on sentences of their own: protesters are people of no
party, whose demand the page tells of; what a minister says "the government" will not do, after sharing a concern,
is its stance; a hypothetical whose subject has "on this scale" is still a forecast.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_protesters_are_people_of_no_party(project, tmp_path):
    sentence = "The protesters demand an end to fuel exports to Moldova."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 9, 12))[sentence]
    assert (drafted.kind, drafted.asserted_by, drafted.assertion_mode) == ("Claim", "dgr:author-2028-09-12-page",
                                                                           "Reported")
    assert drafted.findings == []


def test_what_the_government_will_not_do_after_sharing_a_concern_is_its_stance():
    assert kind_of("Latvia's interior minister said the government understood the anger but would not seal the "
                   "border.") == "Position"


def test_a_hypothetical_on_this_scale_is_a_forecast():
    assert drafted_alone("A withdrawal on this scale would leave the southern front thinly held.") == \
        ("Prediction", AUTHOR, "Judgement")
