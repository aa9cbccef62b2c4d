"""The classes the three-hundred-and-fifteenth to -seventeenth made-up pages (a nuclear warning, refugees'
returns, a plan with its points listed) showed, each pinned on sentences of their own: a list under "Among its
points:" gives the plan's terms, its proposer's; a state's own council ("Russia's Security Council") is the state's,
and the office-holder named after it is its person; what a party "saw no change" in is its reading, and what "would
require" something in a relative clause demands nothing; what is "best read as", what lies "behind" something, and
what a plan is "less about" than another are the author's readings; "The agency" after "the UN refugee agency" is
the UN, whatever else the sentence before named.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of

DAY = date(2028, 11, 23)


def test_a_list_under_among_its_points_gives_the_plans_terms(project, tmp_path):
    lead = "Turkey put forward a four-point plan for the Black Sea on Tuesday. Among its points:"
    point = "- A joint centre to inspect ships bound for Ukrainian ports."
    drafted = drafted_paragraphs(project, tmp_path, lead, point, day=DAY)
    item = drafted[point[2:]]
    assert (item.kind, item.asserted_by, item.assertion_mode) == ("Proposal", "dgr:turkey", "Reported")


def test_a_states_own_council_is_the_states_and_its_office_holder_its_person(project, tmp_path):
    sentence = ("The secretary of Ukraine's Security Council, Oleh Madeupenko, said on Monday that the front had "
                "stabilised.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=DAY)[sentence]
    entities = {m.entity for m in drafted.mentions}
    assert "dgr:un-security-council" not in entities and "dgr:ukraine" in entities
    assert drafted.asserted_by == "dgr:oleh-madeupenko"


def test_seeing_no_change_is_a_reading_and_a_relative_would_require_demands_nothing():
    assert kind_of("The alliance said it saw no sign of Russian troops massing near the border.") == "Assessment"
    assert kind_of("Berlin said there had been no attack that would require a response.") != "Demand"


def test_best_read_as_behind_and_less_about_are_readings():
    for sentence in ("Such statements are best understood as messages to a home audience.",
                     "Behind the offer lies a wish to split the coalition.",
                     "The summit was less about Ukraine than about the alliance's own unity."):
        assert drafted_alone(sentence)[::2] == ("Assessment", "Interpretation"), sentence


def test_the_agency_after_the_un_refugee_agency_is_the_un(project, tmp_path):
    first = "Some 900,000 Ukrainians live in the European Union's eastern states, according to the UN refugee agency."
    second = "The agency warned that aid for them would run out by March."
    drafted = drafted_paragraphs(project, tmp_path, f"{first} {second}", day=DAY)
    assert drafted[second].asserted_by == "dgr:united-nations"
