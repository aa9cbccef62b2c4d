"""The classes the two-hundred-and-nineteenth to two-hundred-and-twenty-first made-up pages (a Baltic cable
damaged, oil bought at a discount, an alliance summit) showed, each pinned on sentences of their own: "the country's
minister" after the content is the named party's; a clause set off by commas names no speaker, for the drafter and
the audit alike; a threat to impose penalties is a stance; what something "was the price of" is a reading; "the
alliance" anywhere is the alliance the page named; tariffs on a party's buyers are sanctions; patrols and defence
spending near Russia are allied deterrence.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_page, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.stances import stance_of


def test_the_countrys_minister_after_the_content_is_the_named_partys():
    assert drafted_alone("Brazil will not join the sanctions, the country's foreign minister said on Monday.")[1] \
        == "dgr:brazil"


def test_a_clause_set_off_by_commas_names_no_speaker(project, tmp_path):
    sentence = "Japan, which Russia has accused of hostility, urged China to press Moscow to end the war."
    assert drafted_alone(sentence)[1] == "dgr:japan"
    _, drafted = drafted_page(project.layout, tmp_path, sentence + "\n", title="Appeal (made up)",
                              day=date(2028, 4, 19))
    assert drafted[sentence].asserted_by == "dgr:japan" and drafted[sentence].findings == []


def test_a_threat_to_impose_penalties_is_a_stance():
    sentence = "Brussels has threatened to sanction banks that handle payments for Russian gas."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")


def test_what_something_was_the_price_of_is_a_reading():
    assert kind_of("Officials said the delay was the price of keeping Hungary on board.") == "Assessment"


def test_the_alliance_anywhere_is_the_alliance_the_page_named(project, tmp_path):
    later = "Finland has pushed for a permanent presence of the alliance on its eastern border."
    drafted = drafted_paragraphs(project, tmp_path, "NATO ministers met in Brussels on Thursday.", later,
                                 day=date(2028, 4, 20))
    assert "dgr:nato" in {m.entity for m in drafted[later].mentions}


def test_tariffs_on_a_partys_buyers_are_sanctions():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert gazetteer.measures_in("The senator proposed secondary tariffs on buyers of Iranian oil.") == \
        ["dg:Sanctions"]


def test_patrols_and_spending_near_russia_are_allied_deterrence():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert gazetteer.measures_in("Latvia asked its allies for more patrols along the border.") == \
        ["dg:AlliedDeterrence"]
    assert gazetteer.measures_in("Ministers debated the defence spending of southern members.") == \
        ["dg:AlliedDeterrence"]
