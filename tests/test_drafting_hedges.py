"""The classes the hundred-and-sixty-eighth to hundred-and-seventieth made-up pages (a court's warrant, a ministry's
own comment, a hedged analysis) showed, each pinned on sentences of their own: "an official accused of …" is
accused, not accusing; "insists the children were evacuated" claims, it demands nothing; "only confirm that" and
"there are signs that" read meaning; what a party "could be forced to" do, and "it is possible that", are the
author's judgement; a clause saying no one said it ("although neither side has said so") and a passive with no agent
("will be announced") report no one's words; "some in Washington believe" is the author's judgement, "some in
Washington argue" is theirs.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone

from diplograph.judgements import interpretive
from diplograph.kinds import kind_of
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_accused_of_and_insisted_that_it_happened():
    assert voice("A court charged a Belarusian general accused of shelling Kharkiv.").verb != "accused"
    assert kind_of("Minsk insists the convoy was stopped for inspection.") != "Demand"
    assert kind_of("Minsk insists that the convoy must turn back.") == "Demand"


def test_words_that_read_meaning():
    assert interpretive("The strikes only confirm that Moscow wants no truce.")
    assert interpretive("There are growing signs that Minsk is preparing to mediate.")


def test_what_may_happen_and_what_is_possible_are_the_authors():
    assert drafted_alone("Moldova could be forced to accept Russian troops if the talks collapse.") == \
        ("Assessment", _AUTHOR, "Judgement")
    assert drafted_alone("It is possible that the monitors will arrive before March, although no one has said "
                         "so.") == ("Assessment", _AUTHOR, "Judgement")
    assert voice("A new round will be announced next week.").kind == "none"


def test_some_in_a_capital_believe_or_argue():
    assert drafted_alone("Some in Berlin believe that the sanctions are working.")[1:] == (_AUTHOR, "Judgement")
    assert drafted_alone("Some in Berlin argue that the sanctions are working.")[2] == "Reported"
