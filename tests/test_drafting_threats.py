"""The classes the two-hundred-and-ninety-seventh to -ninth made-up pages (a call on a third state over oil, children
returned through a mediator, mine clearing at sea) showed, each pinned on sentences of their own: "countered that"
reports; "a ministry spokesman" is the ministry the page spoke of; what a party "could otherwise" do is its threat;
what its troops or ships will do is its plan; a pace "painfully slow" is a verdict; a trade named with a city ("a
Warsaw banker") is no party; urging others to stop buying a party's goods calls for sanctions.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

DAY = date(2028, 10, 12)


def test_countered_that_reports_and_a_ministry_spokesman_is_the_ministry_spoken_of(project, tmp_path):
    first = "Brazil's foreign ministry countered that its trade with Moscow broke no law."
    second = "A ministry spokesman added that Brazil had always favoured talks over isolation."
    drafted = drafted_paragraphs(project, tmp_path, f"{first} {second}", day=DAY)
    assert (drafted[first].asserted_by, drafted[first].assertion_mode) == ("dgr:brazil", "Reported")
    assert (drafted[second].asserted_by, drafted[second].assertion_mode) == ("dgr:brazil", "Reported")


def test_what_a_party_could_otherwise_do_is_its_threat(project, tmp_path):
    sentence = "Brussels could otherwise freeze the funds, an EU official told reporters."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:european-union")


def test_what_its_troops_or_ships_will_do_is_the_speakers_plan(project, tmp_path):
    ships = "Sofia replied that its ships would remain in Bulgarian waters."
    troops = "Finland's defence minister said their troops will not cross the border under any circumstances."
    drafted = drafted_paragraphs(project, tmp_path, ships, troops, day=DAY)
    assert (drafted[ships].kind, drafted[ships].asserted_by) == ("Position", "dgr:bulgaria")
    assert (drafted[troops].kind, drafted[troops].asserted_by) == ("Position", "dgr:finland")


def test_a_pace_painfully_slow_is_the_authors_verdict():
    assert drafted_alone("Progress on the exchanges remains painfully slow.")[::2] == ("Assessment", "Judgement")
    assert drafted_alone("The aid that arrived this autumn was woefully inadequate.")[::2] == (
        "Assessment", "Judgement")


def test_a_trade_named_with_a_city_is_no_party(project, tmp_path):
    sentence = "Freight rates on the Danube have doubled since August, a Warsaw banker said."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"
    assert "dgr:poland" not in {m.entity for m in drafted.mentions}


def test_urging_others_to_stop_buying_a_partys_goods_calls_for_sanctions(project, tmp_path):
    sentence = "Canada urged Turkey on Tuesday to stop buying Russian gas."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert drafted.kind == "Demand" and "dg:Sanctions" in drafted.measures
