"""The classes the hundred-and-thirty-sixth to hundred-and-thirty-eighth made-up pages (hedged reports, an envoy's
tour, a governor's posts) showed, each pinned on sentences of their own: what is told "reportedly" or "allegedly",
no one named saying it, the page vouches is reported (a speaker named before "reportedly told" still speaks);
officials who "remain sceptical" give a view; "has sought to" is the writer's reading; an office "for Eurasian
affairs" keeps its name, and a name given surname first is found again by its first word; a list of cities after
a venue's "in" are venues.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.mentions import mentions
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_hearsay_is_reported_by_no_one_named():
    assert voice("The ministry has reportedly ordered new drills.").kind == "anonymous"
    assert drafted_alone("The ministry has reportedly ordered new drills.") == ("Claim", _AUTHOR, "Reported")
    assert drafted_alone("The Kremlin reportedly told envoys that it would not accept the plan.")[1] == "dgr:russia"


def test_a_sceptical_view_and_a_reading_of_aims():
    assert drafted_alone("Western officials remain sceptical of the offer.") == ("Assessment", _AUTHOR, "Reported")
    assert drafted_alone("Ankara has sought to present itself as a mediator.")[2] == "Interpretation"


def test_an_office_for_affairs_and_a_surname_first(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "China's special envoy for Eurasian affairs, Wang Madeuping, "
                                 "arrived in Kyiv.", "Wang told reporters that Beijing would stay neutral.",
                                 day=date(2027, 9, 23))
    assert drafted["Wang told reporters that Beijing would stay neutral."].asserted_by == "dgr:wang-madeuping"


def test_cities_listed_after_a_venue_are_venues():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("They held talks in Warsaw, Berlin and Paris.", gazetteer)] == \
        ["dgr:negotiations"]
