"""The classes the hundred-and-twenty-first to hundred-and-twenty-third made-up pages (an outlet's sources close to
a government, two ministers after a meeting, an institute's newsletter) showed, each pinned on sentences of their
own: a title closed by ", sources say" reports what sources say; "According to one of them" is one of the
unnamed sources before; "is not new" is a verdict; "possible only if" sets a condition; a clause ", while stressing
…" is a second statement, the first clause decides; "our senior fellow" and "our latest poll" are the page's own
(its judgement, a finding it vouches for), and a fellow it names is defined with the statement; an event's city is
where it is held.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_page

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.reporting import voice
from diplograph.review import accept

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_a_title_closed_by_sources_say_reports_them(project, tmp_path):
    _, drafted = drafted_page(project.layout, tmp_path, "Minsk readies new border closures, sources say\n\n"
                              "Officials in Minsk declined to comment.\n", title="A page (made up)",
                              day=date(2027, 8, 19))
    title = drafted["Minsk readies new border closures, sources say"]
    assert title.assertion_mode == "Reported" and title.asserted_by.startswith("dgr:author-")


def test_one_of_them_is_one_of_the_sources_before_and_a_verdict_that_it_is_not_new():
    assert voice("According to one of them, the talks are over.").kind == "anonymous"
    assert drafted_alone("The rift between the allies is not new.") == ("Assessment", _AUTHOR, "Judgement")


def test_a_condition_and_a_second_clause():
    assert kind_of("The minister said a deal was possible only if sanctions were lifted.") == "Demand"
    assert kind_of("Poland said it would keep working with Kyiv, while stressing that the border must stay "
                   "open.") == "Position"


def test_the_pages_own_fellow_and_poll(project, tmp_path):
    name, drafted = drafted_page(project.layout, tmp_path, "Our senior fellow Jonas Madeupis argues that the truce "
                                 "will fail.\n\nOur latest poll finds that most Lithuanians back the aid.\n",
                                 title="A page (made up)", day=date(2027, 8, 19))
    fellow = drafted["Our senior fellow Jonas Madeupis argues that the truce will fail."]
    assert (fellow.asserted_by, fellow.assertion_mode, fellow.new_person) == \
        (f"dgr:author-{name}", "Judgement", "Jonas Madeupis")
    poll = drafted["Our latest poll finds that most Lithuanians back the aid."]
    assert (poll.kind, poll.asserted_by, poll.assertion_mode) == ("Claim", f"dgr:author-{name}", "Reported")
    accept(project.layout, name, fellow.id)  # the fellow the statement is about is defined with it
    assert "id: dgr:jonas-madeupis" in (project.layout.documents_dir / f"{name}.yaml").read_text(encoding="utf-8")


def test_an_events_city_is_where_it_is_held():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert mentions("We will discuss the findings at an event in Warsaw.", gazetteer) == []
