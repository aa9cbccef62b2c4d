"""The classes the two-hundred-and-fifty-fifth to -seventh made-up pages (a foreign ministry's warning, a summit's
conclusions under headings, sanctions on a shadow fleet) showed, each pinned on sentences of their own: a silence
recorded is no forecast; a rule of thumb is a judgement; a party's own refusal, named, and a resolve that threats
"will not change" are stances; a measure that stays until a party acts demands the act; options on the table are a
stance; a party's embassy in a capital is not that capital's state; a state's organ and its unnamed official speak
for the dateline's state; office-holders named alone are the party's the page named them with; what a warning "is
aimed at" is the author's reading.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.wording import comes_first_before

AUTHOR = "dgr:author-x"


def test_a_silence_recorded_is_no_forecast():
    assert drafted_alone("Neither capital has so far announced that it will attend the summit.") == \
        ("Claim", AUTHOR, "FactualAssertion")


def test_a_rule_of_thumb_is_the_authors_judgement():
    assert drafted_alone("Truces of this sort have seldom outlasted the first winter.") == \
        ("Assessment", AUTHOR, "Judgement")
    assert drafted_alone("Such embargoes rarely survive a change of government.")[2] == "Judgement"


def test_a_partys_own_refusal_by_name_is_its_stance():
    sentence = "Latvia's envoy said Riga had wanted a tougher text but would not make a fuss about it."
    assert drafted_alone(sentence)[:2] == ("Position", "dgr:latvia")
    assert kind_of("The agency said it would not speculate on the cause.") != "Position"


def test_a_resolve_that_threats_will_not_change_is_a_stance():
    assert kind_of("Oslo said the threats would not alter its approach to the mission.") == "Position"


def test_a_measure_that_stays_until_a_party_acts_demands_the_act():
    sentence = "The minister said the restrictions would remain in force until Moscow released the sailors."
    assert kind_of(sentence) == "Demand"
    assert comes_first_before(sentence) == "remain in force"
    assert kind_of("The minister said the restrictions would remain in force until March.") != "Demand"


def test_options_kept_on_the_table_are_a_stance():
    assert kind_of("A Pentagon spokesman said all options were still on the table.") == "Position"


def test_an_embassy_in_a_capital_is_not_that_capitals_state():
    drafted = draft_sentence(KnowledgeGraph.open(), "China's embassy in London called the report baseless.",
                             author=MADE_UP_AUTHOR)
    assert drafted.asserted_by == "dgr:china"
    assert "dgr:united-kingdom" not in {m.entity for m in drafted.mentions}


def test_a_treasury_and_its_unnamed_official_speak_for_the_datelines_state(project, tmp_path):
    first = "LONDON, 3 July — Norway and Japan froze the assets of two more banks on Thursday."
    organ = "The Treasury said the freeze would stay in place until the banks' owners sold their stakes."
    official = "A Treasury official said all options remained on the table."
    drafted = drafted_paragraphs(project, tmp_path, first, organ, official, day=date(2028, 7, 3))
    assert (drafted[organ].kind, drafted[organ].asserted_by) == ("Demand", "dgr:united-kingdom")
    assert "dgr:united-kingdom" not in {m.entity for m in drafted[organ].mentions}  # "the Treasury" names no state
    assert (drafted[official].kind, drafted[official].asserted_by) == ("Position", "dgr:united-kingdom")


def test_office_holders_named_alone_are_the_partys_the_page_named_them_with(project, tmp_path):
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    named = "NATO leaders ended their summit in Vilnius on Thursday."
    alone = "Leaders call on Russia to return the deported children."
    assert drafted_paragraphs(project, tmp_path / "a", named, alone, day=date(2028, 7, 8))[alone].asserted_by == \
        "dgr:nato"
    unnamed = "Western leaders met in Rome on Thursday."
    drafted = drafted_paragraphs(project, tmp_path / "b", unnamed, alone, day=date(2028, 7, 9))[alone]
    assert drafted.asserted_by.startswith("dgr:author-")


def test_what_a_warning_is_aimed_at_is_the_authors_reading():
    assert drafted_alone("The threat is aimed mainly at the smaller members of the coalition.")[::2] == \
        ("Assessment", "Interpretation")
