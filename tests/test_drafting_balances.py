"""The classes the three-hundred-and-twenty-seventh to -ninth made-up pages (a summit preview, a plant's outage,
a state between two sides) showed, each pinned on sentences of their own: what a party says it "will never" impose
or join is a line it holds; making something "a condition of" membership demands it; officials a party installed
are no party; verdicts: what "serves no one but" a party, what "brings" something "closer to" an accident, what is
"becoming harder to" keep up.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_never_imposing_or_joining_is_a_line_and_a_condition_of_membership_is_demanded():
    assert kind_of("Belgrade says it will never join an alliance against Moscow.") == "Principle"
    assert kind_of("NATO has made an end to the border dispute a condition of Moldova's membership.") == "Demand"


def test_officials_a_party_installed_are_no_party(project, tmp_path):
    sentence = "Moscow-installed officials in the region blamed the shelling on Kyiv."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 12, 23))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and drafted.assertion_mode == "Reported"


def test_verdicts_of_whom_it_serves_what_it_brings_closer_and_what_grows_harder():
    for sentence in ("A frozen conflict serves no one but the arms trade.",
                     "Every new strike brings the region closer to a catastrophe.",
                     "Keeping the coalition together is becoming harder to manage."):
        assert drafted_alone(sentence)[::2] == ("Assessment", "Judgement"), sentence
