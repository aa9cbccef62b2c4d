"""The classes the hundred-and-sixth to hundred-and-eighth made-up pages (a feature from a front-line city, a wire
with an agency's dateline, a pope's appeal on the Holy See's own page) showed, each pinned on sentences of their
own: a private person ("Oksana, a 45-year-old teacher", "His sister, a retired nurse") speaks for no party and the
page vouches for their words; asking someone for something demands it, but an appeal that is a noun does not; a
call on people described at length ("I ask all who have influence over … to …") demands; a dateline with the
agency's name is a place and a byline, no party; an exhortation ("Let us …") or sympathy ("Our thoughts are with
…") is the author's first person; "I asked …" on a state body's own page is its demand.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_html

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_a_private_person_speaks_for_no_party():
    assert voice('"We want our sons back," said Oksana, a 45-year-old teacher.').kind == "anonymous"
    assert drafted_alone("His sister, a retired nurse, said the talks were pointless.") == \
        ("Assessment", _AUTHOR, "Reported")


def test_asking_someone_for_something_demands_it():
    assert kind_of("Chisinau has asked its partners for more radar systems.") == "Demand"
    assert kind_of("The minister's appeal for calm went unheeded.") != "Demand"  # an appeal that is a noun
    assert kind_of("I ask all who have influence over the warring sides to choose dialogue.") == "Demand"


def test_a_datelines_place_and_agency_are_no_party():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    found = mentions("MINSK, July 3 (Made-up Wire) - Poland said on Monday it would close two crossings.", gazetteer)
    assert [m.entity for m in found] == ["dgr:poland"]  # Minsk is where the report was filed


def test_an_exhortation_or_sympathy_is_the_authors_first_person():
    assert voice("Let us not forget the prisoners.").kind == "author"
    assert voice("Our thoughts are with the families of the victims.").kind == "author"


_ADDRESS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Address (made up)</title>
<meta name="author" content="Press Service of the President of Latvia"></head><body><article>
<h1>Address on the anniversary of the deportations</h1>
<p>I asked Moscow again to return every deported child to their families.</p>
</article></body></html>
"""


def test_i_asked_on_a_state_bodys_page_is_its_demand(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _ADDRESS, day=date(2027, 7, 15))
    ask = drafted["I asked Moscow again to return every deported child to their families."]
    assert (ask.kind, ask.asserted_by, ask.assertion_mode, ask.speaks_for) == \
        ("Demand", f"dgr:author-{name}", "FactualAssertion", "dgr:latvia")
