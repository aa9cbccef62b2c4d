"""The classes the three-hundredth to -second made-up pages (gas to a breakaway region, a letter on membership
talks, a new try for a grain deal) showed, each pinned on sentences of their own: "appealed to … for" asks for
something, and a breakaway region's leaders named by its name are no party; a refusal until another acts demands the
act, a refusal until a time does not; a letter "aimed as much at" one capital as another is a reading; what
"hands" a party "a chance to" is the author's reading; what "looks increasingly fragile" is a verdict; needing "no
one's permission" asks for nothing.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

DAY = date(2028, 10, 19)


def test_appealed_for_asks_and_a_breakaway_regions_leaders_are_no_party(project, tmp_path):
    party = "Moldova appealed to its neighbours for emergency electricity supplies."
    region = "Abkhazia's separatist leaders appealed to Moscow for more tourists."
    drafted = drafted_paragraphs(project, tmp_path, party, region, day=DAY)
    assert (drafted[party].kind, drafted[party].asserted_by) == ("Demand", "dgr:moldova")
    assert (drafted[region].kind, drafted[region].assertion_mode) == ("Claim", "Reported")
    assert drafted[region].asserted_by.startswith("dgr:author-")


def test_a_refusal_until_another_acts_demands_the_act_not_until_a_time():
    assert kind_of("Slovakia will not agree to the package until Kyiv reopens the pipeline.") == "Demand"
    assert kind_of("Denmark said it would not send more jets until next year.") == "Position"


def test_a_letter_aimed_as_much_at_one_capital_as_another_is_a_reading(project, tmp_path):
    sentence = "A Western diplomat said the move was aimed as much at Warsaw as at Moscow."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    assert (drafted.kind, drafted.assertion_mode) == ("Assessment", "Reported")


def test_what_hands_a_party_a_chance_is_the_authors_reading_and_what_looks_fragile_a_verdict():
    assert drafted_alone("The blackout gives Kyiv an unexpected opportunity to court Minsk.")[::2] == (
        "Assessment", "Interpretation")
    assert drafted_alone("Two winters later, the truce looks increasingly fragile.")[::2] == (
        "Assessment", "Judgement")


def test_needing_no_ones_permission_asks_for_nothing():
    assert kind_of("Finland needs no one's permission to patrol its own coast.") != "Demand"
