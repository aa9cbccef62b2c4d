"""The classes the two-hundred-and-thirteenth to two-hundred-and-fifteenth made-up pages (a council that fails to
agree, a loan vetoed, a president's interview) showed, each pinned on sentences of their own: a veto cast is a
record; money "better spent" elsewhere is a verdict; ways explored are a stance; what "we cannot" do is a line held;
what a party dismisses others' suggestions of is no offer of its own, and "the idea" is theirs; an unnamed
spokesman in a capital speaks for its state; a denial with an account is the account; a loan is financial support.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.stances import stance_of


def test_a_veto_cast_is_a_record_and_one_threatened_a_stance():
    assert drafted_alone("Slovakia on Tuesday vetoed the new aid package for Moldova.")[0] == "Claim"
    assert drafted_alone("Austria has blocked the declaration twice this year.")[0] == "Claim"
    assert kind_of("Slovakia blocks EU aid package") == "Position"
    assert kind_of("Slovakia said it would block the package.") == "Position"


def test_money_better_spent_elsewhere_is_a_verdict():
    assert kind_of("Bratislava says the funds would be better used at home.") == "Assessment"


def test_ways_explored_are_a_stance():
    assert kind_of("Dutch officials are exploring ways to send the ammunition through Poland.") == "Position"


def test_what_we_cannot_do_is_a_line_held_but_not_what_we_cannot_confirm():
    assert kind_of("\"We cannot stand aside while a neighbour burns,\" he said.") == "Position"
    assert kind_of("\"We cannot confirm the figures,\" he said.") != "Position"


def test_suggestions_dismissed_are_no_offer_and_the_idea_is_theirs(project, tmp_path):
    sentence = "Oslo dismissed suggestions that Norway could host the talks, calling the idea \"unrealistic\"."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")
    drafted = drafted_paragraphs(project, tmp_path, "Sweden demanded that the talks move to Geneva.", sentence,
                                 day=date(2028, 4, 5))
    assert not any(m.entity.startswith("dgr:demand-") for m in drafted[sentence].mentions)


def test_an_unnamed_spokesman_in_a_capital_speaks_for_its_state():
    kind, asserter, mode = drafted_alone("In Warsaw, a government spokesman called the decision \"a grave error\".")
    assert (kind, asserter, mode) == ("Assessment", "dgr:poland", "Reported")
    assert drafted_alone("In Warsaw, President Putin said the talks were over.")[1] == "dgr:putin"


def test_a_denial_with_an_account_is_the_account():
    assert kind_of("Minsk denied the accusation, saying the aircraft had strayed because of bad weather.") == "Claim"
    assert kind_of("Minsk denied the accusation.") == "Position"


def test_a_loan_is_financial_support():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert gazetteer.measures_in("The bank approved a new loan for Kyiv.") == ["dg:FinancialSupport"]
    assert "dg:FinancialSupport" in gazetteer.measures_in("Brussels paid out budget support worth 4 billion euros.")
