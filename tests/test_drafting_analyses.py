"""The classes the hundred-and-fifteenth to hundred-and-seventeenth made-up pages (a news analysis with honorifics,
a military body's daily figures, a scholar's blog with citations) showed, each pinned on sentences of their own:
"Mr." or "Ms." ends no sentence; someone who once held an office speaks for no party now; "of Ukraine's" is a
state, not a share of its people, and a report given after its content ("…, the General Staff … reported on
Monday.") has its speaker; "General Staff" is no person; "called Ukrainian estimates propaganda" is a verdict; a
cited study ("as Madeupson (2019) shows") is a source the page vouches for; "my own reading" is the author's
first person, and what "appears simple" the author's reading; a title in two parts is one statement; what a speaker
says a thing would bring about is a prediction, what their own body would do a position; a thing's name in the
plural is the thing; a verdict on what something is or how it stands ("remains fragile", "was a trap") is an
assessment.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions, roles
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_an_honorific_ends_no_sentence_and_a_two_part_title_is_one(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Do sanctions work? What the evidence says",
                                 "Polish Foreign Minister Anna Madeupska arrived in Kyiv.",
                                 "Ms. Madeupska said on Monday that Warsaw would host talks.", day=date(2027, 8, 5))
    assert drafted["Ms. Madeupska said on Monday that Warsaw would host talks."].asserted_by == "dgr:anna-madeupska"
    assert "Do sanctions work? What the evidence says" in drafted


def test_a_former_office_holder_speaks_for_no_party():
    assert drafted_alone("Ms. Madeupova, a former adviser to Poland's president, said Warsaw could not accept the "
                         "plan.") == ("Claim", _AUTHOR, "Reported")


def test_a_states_possessive_after_of_is_the_state_and_its_body_reports():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    [ukraine] = mentions("the General Staff of Ukraine's Armed Forces", gazetteer)
    assert ukraine.actor
    assert drafted_alone("Russia lost a brigade, the General Staff of Ukraine's Armed Forces reported on Monday.")[1] \
        == "dgr:ukraine"
    assert roles("General Staff: Russia lost a brigade") == []


def test_a_verdict_named_after_a_qualified_noun():
    assert kind_of("Moscow has called Ukrainian estimates propaganda.") == "Assessment"
    assert kind_of("Kyiv called elections for May.") != "Assessment"


def test_a_cited_study_is_vouched_for_by_the_page():
    assert drafted_alone("Truces with monitors last longer, as Madeupson (2019) shows.") == \
        ("Claim", _AUTHOR, "Reported")


def test_the_authors_own_reading_and_what_appears_so():
    assert voice("My own reading of the figures is gloomier.").kind == "author"
    assert drafted_alone("For Minsk, the choice appears simple.")[2] == "Interpretation"


def test_what_a_thing_would_bring_about_is_predicted_what_ones_body_would_do_is_a_position():
    assert kind_of("Officials say the plan would leave Kyiv defenceless.") == "Prediction"
    assert kind_of("NATO's chief said the alliance would keep supplying arms.") == "Position"


def test_a_things_name_in_the_plural_is_the_thing():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("Ceasefires rarely hold.", gazetteer)] == ["dgr:ceasefire"]


def test_a_verdict_on_what_something_is_or_how_it_stands():
    assert drafted_alone("The truce remains fragile.") == ("Assessment", _AUTHOR, "Judgement")
    assert kind_of("Minsk said the offer was a trap.") == "Assessment"
    assert drafted_alone("The truce remains in force.") == ("Claim", _AUTHOR, "FactualAssertion")
