"""The classes the two-hundred-and-ninety-first to -third made-up pages (a visit told from a readout, an explainer of
vetoes, a village claimed and denied) showed, each pinned on sentences of their own: what a party's wording
"suggests" is the author's reading; what a party says it will not do, after what else it says ("… and that it will
not pay"), is its stance.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.kinds import kind_of

AUTHOR = "dgr:author-x"


def test_what_a_partys_wording_suggests_is_the_authors_reading():
    assert drafted_alone("Ankara's cautious wording suggests it wants to keep both capitals on side.") == \
        ("Assessment", AUTHOR, "Interpretation")


def test_what_a_party_says_it_will_not_do_after_what_else_it_says_is_its_stance():
    sentence = "Slovakia's government says the sanctions hurt its economy and that it will not pay into the fund."
    assert kind_of(sentence) == "Position"
