"""The classes the two-hundred-and-eighty-eighth to -ninetieth made-up pages (a monitoring mission's count, an appeal
for a truce, a new prime minister's first speech) showed, each pinned on sentences of their own: an appeal "on
Friday for" a truce demands it; a name with a title and its office after it ("Cardinal …, the Vatican's secretary of
state,") is a new person of the office's state; what a minister "told parliament" his government would do is its
stance; the author's "may" is a judgement.
"""

from __future__ import annotations

from helpers import drafted_alone

from diplograph.kinds import kind_of
from diplograph.mentions import roles

AUTHOR = "dgr:author-x"


def test_an_appeal_on_a_weekday_for_something_demands_it():
    assert drafted_alone("The pope appealed on Sunday for an end to strikes on power plants.")[:2] == \
        ("Demand", "dgr:holy-see")


def test_a_titled_name_with_its_office_after_it_is_a_new_person():
    found = roles("Archbishop Paolo Madeupetti, the Vatican's envoy to Moscow, said the talks were useful.")
    assert [(r.name, r.office) for r in found] == [("Paolo Madeupetti", "the Vatican's envoy to Moscow")]


def test_what_a_minister_told_parliament_his_government_would_do_is_its_stance():
    assert kind_of("The prime minister told parliament on Tuesday that his government would halt fuel exports.") == \
        "Position"


def test_the_authors_may_is_a_judgement():
    assert drafted_alone("Quiet work on prisoner exchanges may lend Ankara's offer more weight.")[::2] == \
        ("Assessment", "Judgement")
