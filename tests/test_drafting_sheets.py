"""The classes the eighty-fifth to eighty-seventh made-up pages (a live page with times, a ministry's fact sheet, an
alliance's meeting) showed, each pinned on sentences of their own: refusing to discuss something rejects it, and
refusing until something is done demands it; a quoted verdict on talks is an assessment; "calls these figures
fabricated" gives a verdict; a "secretary general" is one office; keeping up supplies and pledging support are
positions; on a state body's own page, the state named as the subject of its own demand is the page speaking.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_html

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import people
from diplograph.reporting import voice
from diplograph.stances import stance_of


def test_refusing_to_discuss_rejects_and_refusing_until_demands():
    refusal = "Moldova's envoy said Chisinau would not discuss the corridor."
    assert (kind_of(refusal), stance_of(refusal)) == ("Position", "Rejects")
    assert kind_of("Moldova's envoy said Chisinau would not discuss the corridor until the troops left.") == "Demand"


def test_a_quoted_verdict_and_a_verdict_on_these_figures_are_assessments():
    assert kind_of("Warsaw said the meeting was 'productive'.") == "Assessment"
    assert voice("Minsk calls these reports invented.").verb == "calls"
    assert kind_of("Minsk calls these reports invented.") == "Assessment"


def test_a_secretary_general_is_one_office():
    found = people("The OSCE's secretary general, Anna Madeupberg, arrived.", gazetteer_of(KnowledgeGraph.open()))
    assert [(role.name, office) for role, _, _, office in found] == [("Anna Madeupberg", "secretary general")]


def test_keeping_up_supplies_and_pledging_support_are_positions():
    assert kind_of("The Nordic states said they would keep providing shells to Kyiv.") == "Position"
    assert stance_of("The EU pledges long-term support to Moldova.") == "Supports"


_SHEET = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facts (made up)</title>
<meta name="author" content="Ministry of Foreign Affairs of Lithuania"></head><body><article>
<h1>Key facts on the corridor</h1>
<ul><li>Lithuania demands the release of every detained civilian.</li>
<li>Russia's foreign ministry says the detainees are criminals.</li></ul>
</article></body></html>
"""


def test_a_state_named_as_the_subject_of_its_own_pages_demand_is_the_page_speaking(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _SHEET, day=date(2027, 5, 26))
    own = drafted["Lithuania demands the release of every detained civilian."]
    assert (own.asserted_by, own.assertion_mode, own.speaks_for) == (f"dgr:author-{name}", "FactualAssertion",
                                                                      "dgr:lithuania")
    other = drafted["Russia's foreign ministry says the detainees are criminals."]
    assert (other.asserted_by, other.speaks_for) == ("dgr:russia", None)  # another state's words stay its own
