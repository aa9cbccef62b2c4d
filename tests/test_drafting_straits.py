"""The classes the two-hundred-and-thirty-first to two-hundred-and-thirty-third made-up pages (straits kept shut, a
donors' conference, accession talks scheduled) showed, each pinned on sentences of their own: "said" after "to
<Capital>" is still a verb; a request under review is a stance on it, and "the request" refers to the one made
before.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_said_after_to_a_capital_is_still_a_verb():
    assert drafted_alone("China's envoy to Brussels said the tariffs were unfair.")[1] == "dgr:china"


def test_a_request_under_review_is_a_stance_on_the_request_made_before(project, tmp_path):
    later = "Norwegian officials said the request was under consideration."
    assert kind_of(later) == "Position"
    drafted = drafted_paragraphs(project, tmp_path, "Finland and Sweden have asked for access to the port.", later,
                                 day=date(2028, 5, 17))
    assert any(m.entity.startswith("dgr:demand-") for m in drafted[later].mentions)
