"""The class the two-hundred-and-seventieth to -second made-up pages (a live blog of strikes, an interview in
questions and answers, a parliament's ratification) showed, pinned on sentences of its own: an asking no one has done
("But no one has asked us to host talks") is a record of what was not asked, no demand — in an answer as in the
author's voice.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_an_asking_no_one_has_done_is_no_demand():
    assert kind_of("But no one has asked Vienna to host the talks.") != "Demand"
    assert drafted_alone("Nobody has urged Kyiv to accept the plan.") == ("Claim", AUTHOR, "FactualAssertion")
    assert kind_of("Berlin has asked Vienna to host the talks.") == "Demand"
