"""The classes the hundred-and-seventy-fourth to hundred-and-seventy-sixth made-up pages (reactions by country, a
head of state's speech on the office's own page, an interview in questions and answers) showed, each pinned on
sentences and pages of their own: "…, and we will respect it" commits to a course; "we expect <party> to …" asks it
of the party; "we cannot rule it out" assesses; support that "will not waver" supports; a reaction "more muted" is a
verdict; an office named after a line's label ("Germany: Chancellor <Name> said …") is that party's.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.judgements import EVALUATIVE
from diplograph.kinds import kind_of


def test_first_person_courses_expectations_and_risks():
    assert kind_of("The border is closed, and we will keep it closed.") == "Position"
    assert kind_of("We expect Hungary to lift its veto before the summit.") == "Demand"
    assert kind_of("Analysts expect Hungary to lift its veto before the summit.") == "Prediction"
    assert EVALUATIVE.search("We cannot rule it out.") and EVALUATIVE.search("An attack cannot be ruled out.")


def test_support_that_will_not_waver_and_a_muted_reaction():
    assert kind_of("Norway's commitment to Ukraine will not weaken.") == "Position"
    assert EVALUATIVE.search("Beijing's response was far more guarded.")


def test_an_office_named_after_a_lines_label_is_that_partys(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Leaders reacted on Sunday to the truce.",
                                 "Italy: Prime Minister Giulia Madeupetti said the truce was welcome.",
                                 day=date(2027, 12, 30))
    office = next(c for c in drafted.values() if c.kind == "Affiliation")
    assert [m.entity for m in office.mentions] == ["dgr:giulia-madeupetti", "dgr:italy"]
