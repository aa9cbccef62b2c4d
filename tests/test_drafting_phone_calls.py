"""The classes the two-hundred-and-fifty-second to -fourth made-up pages (shipping talks, an opinion column on
enforcement, a call told from a readout) showed, each pinned on sentences of their own: a telephone call "on Monday"
calls on no one; readiness to host is an offer; an empty promise is a verdict; "which is why" reads a motive.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.kinds import kind_of


def test_a_telephone_call_on_a_weekday_calls_on_no_one():
    sentence = "The two presidents spoke in a telephone call on Friday, the Elysee said."
    assert kind_of(sentence) != "Demand"
    assert kind_of("Paris calls on Moscow to free the journalists.") == "Demand"


def test_readiness_to_host_is_an_offer():
    assert kind_of("Qatar reiterated its readiness to host a new round of talks.") == "Proposal"


def test_an_empty_promise_is_a_verdict():
    assert drafted_alone("A guarantee without troops is an empty promise.")[::2] == ("Assessment", "Judgement")


def test_which_is_why_reads_a_motive_in_the_authors_voice():
    kind, asserter, mode = drafted_alone("Chisinau remembers 2014, which is why it asks for air defences.")
    assert (kind, mode) == ("Assessment", "Interpretation") and asserter.startswith("dgr:author")
