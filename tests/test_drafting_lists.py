"""The classes behind most demands and positions an analyst could not accept as drafted, each pinned on sentences
of their own: a list's lead that names no measure itself ("set out two conditions:") calls for what its points
call for and quotes them; so does a statement a later list gives the points of ("published a list of demands" …
"According to the text, Minsk must:"); what conditions are set *for* is what they precede, not what they call for;
the measures diplomacy keeps returning to are in the vocabulary (an energy truce, freedom of navigation,
restraint, a prisoner swap, closing border crossings, foreign troops); a survey's or an institute's findings are
the page's to vouch for — for the drafter and the audit alike — while a party's words stay the party's.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from helpers import drafted_page

from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.review import accept
from diplograph.vetting import vet
from diplograph.wording import comes_first_before

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _page(project, folder, *paragraphs: str) -> tuple[str, dict]:
    return drafted_page(project.layout, folder, "\n\n".join(paragraphs) + "\n", title="A page (made up)",
                        day=date(2027, 3, 3))


def test_a_lead_naming_no_measure_calls_for_what_its_points_call_for(project, tmp_path):
    name, drafted = _page(project, tmp_path, "Moldova's foreign minister set out two conditions:",
                          "- the withdrawal of Russian troops from Transnistria;",
                          "- the release of all detainees before any talks.")
    lead = drafted["Moldova's foreign minister set out two conditions:"]
    assert (lead.kind, lead.asserted_by) == ("Demand", "dgr:moldova")
    assert lead.measures == ["dg:EndOfOccupation", "dg:PrisonerExchange"]  # "withdrawal": its cue word
    assert lead.points == ["the withdrawal of Russian troops from Transnistria;",
                           "the release of all detainees before any talks."]
    assert not lead.findings
    accept(project.layout, name, lead.id)  # as drafted: it validates, its measures' words quoted where they stand
    sheet = (project.layout.documents_dir / f"{name}.yaml").read_text(encoding="utf-8")
    assert "exact: the withdrawal of Russian troops from Transnistria;" in sheet
    assert "dg:PrisonerExchange" in sheet or "PrisonerExchange" in sheet


def test_a_statement_a_later_list_gives_the_points_of_calls_for_them(project, tmp_path):
    name, drafted = _page(project, tmp_path,
                          "Poland's foreign ministry published on Monday a list of demands it says Belarus must meet.",
                          "According to the statement, Minsk must:",
                          "- reopen the border crossings it closed;",
                          "- release the detainees it holds.")
    published = drafted["Poland's foreign ministry published on Monday a list of demands it says Belarus must meet."]
    assert (published.kind, published.asserted_by) == ("Demand", "dgr:poland")
    assert set(published.measures) == {"dg:BorderClosure", "dg:PrisonerExchange"}
    accept(project.layout, name, published.id)


def test_what_conditions_are_set_for_is_what_they_precede():
    assert comes_first_before("They set out three conditions for a peace deal.") == "peace deal"
    assert comes_first_before("Ukraine named preconditions for any talks") == "talks"
    demand = draft_sentence(KnowledgeGraph.open(), "Kyiv set out its conditions for a peace settlement.",
                            author=AUTHOR)
    assert "dg:PeaceSettlement" not in demand.measures


@pytest.mark.parametrize(("sentence", "measure"), [
    ("Hungary urged all sides to show restraint.", "dg:DeEscalation"),
    ("Greece called on the parties to respect freedom of navigation in the strait.", "dg:FreedomOfNavigation"),
    ("Kyiv wants Moscow to stop strikes on energy infrastructure.", "dg:EnergyTruce"),
    ("The ombudsman called for an all-for-all swap.", "dg:PrisonerExchange"),
    ("Lithuania said it would close two border crossings with Belarus.", "dg:BorderClosure"),
    ("Moscow said it would not accept Western troops on Ukrainian soil.", "dg:PeacekeepingForce"),
    ("Romania urged allies to send Kyiv more air-defence batteries.", "dg:MilitaryAid"),
    ("Chisinau insists that Russian troops must leave Transnistria.", "dg:WithdrawalOfForces"),
    ("The president said Ukraine would never trade land for a truce.", "dg:TerritorialConcession"),
    ("Slovakia proposed a summit in Bratislava.", "dg:Negotiation"),
])
def test_measures_diplomacy_keeps_returning_to_are_named(sentence, measure):
    assert measure in gazetteer_of(KnowledgeGraph.open()).measures_in(sentence)


def test_a_surveys_findings_are_the_pages_to_vouch_for(project, tmp_path):
    name, drafted = _page(project, tmp_path,
                          "Most Moldovans back closer ties with Brussels, according to a survey by a Chisinau polling "
                       "institute.", "Support has grown since the autumn, the pollster said.",
                       "The Kremlin said the survey was rigged.")
    found = drafted["Most Moldovans back closer ties with Brussels, according to a survey by a Chisinau polling "
                    "institute."]
    assert (found.kind, found.assertion_mode) == ("Claim", "Reported") and found.asserted_by.startswith("dgr:author-")
    said = drafted["Support has grown since the autumn, the pollster said."]
    assert said.assertion_mode == "Reported" and said.asserted_by.startswith("dgr:author-")
    assert not [f for f in said.findings + found.findings if "reported-by-the-author" in f]
    # a party's words stay the party's, and attributed to the author the audit asks whose they are
    kremlin = drafted["The Kremlin said the survey was rigged."]
    assert kremlin.asserted_by == "dgr:russia"
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    misread = vet(graph, name, [replace(kremlin, asserted_by=said.asserted_by)])[0]
    assert [f for f in misread.findings if "reported-by-the-author" in f]
