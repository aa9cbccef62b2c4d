"""The classes the two-hundred-and-sixty-seventh to -ninth made-up pages (foreign troops in a breakaway region, an
institute's report on oil revenue, a humanitarian conference announced) showed, each pinned on sentences of their
own: what economists "conclude" is readers' reading; a ban or an embargo resisted is a stance; what a party "asked
that" be done is demanded; past events "of this sort" generalised are the author's judgement.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_what_economists_conclude_is_readers_reading():
    assert drafted_alone("The bank's economists conclude that the embargo has failed.") == \
        ("Assessment", "dgr:analysts", "Interpretation")


def test_a_ban_or_an_embargo_resisted_is_a_stance():
    assert drafted_alone("Hungary and Slovakia have resisted an embargo on Russian gas.")[:2] == \
        ("Position", "dgr:hungary")


def test_what_a_party_asked_that_be_done_is_demanded():
    assert kind_of("The minister welcomed the offer and asked that the talks resume in Vienna.") == "Demand"
    assert kind_of("\"The talks are a farce,\" said a farmer who asked that his name not be used.") != "Demand"


def test_past_events_of_this_sort_generalised_are_the_authors_judgement():
    assert drafted_alone("Previous summits of this sort ended with a communique and little else.") == \
        ("Assessment", AUTHOR, "Judgement")
