"""The classes the two-hundred-and-seventy-sixth to -eighth made-up pages (a border kept closed, a week's digest, a
profile of a mediator) showed, each pinned on sentences of their own: a name with its office after it, set off by
commas, is a new person of the office's state; residents "of" a place named in lower case and people who have worked
with someone are people of no party; a party's stated aim is its stance.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.mentions import roles

AUTHOR = "dgr:author-x"


def test_a_name_with_its_office_after_it_is_a_new_person_of_the_offices_state(project, tmp_path):
    sentence = "Oksana Madeupchuk, Ukraine's deputy minister for reintegration, said 40 children had come home."
    assert [(r.name, r.office) for r in roles(sentence)] == \
        [("Oksana Madeupchuk", "Ukraine's deputy minister for reintegration")]
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 8, 29))
    affiliation = next(c for c in drafted.values() if c.kind == "Affiliation")
    assert [m.entity for m in affiliation.mentions] == ["dgr:oksana-madeupchuk", "dgr:ukraine"]
    assert roles("Saudi Arabia, the host of the talks, said it was ready.") == []


def test_residents_of_a_place_and_people_who_worked_with_someone_are_of_no_party(project, tmp_path):
    residents = "Residents of frontline villages say the shelling has not stopped."
    acquainted = "People who have worked with them describe them as tireless."
    drafted = drafted_paragraphs(project, tmp_path, residents, acquainted, day=date(2028, 8, 29))
    for sentence in (residents, acquainted):  # the page vouches for them: no party's words left to the author
        assert (drafted[sentence].asserted_by, drafted[sentence].assertion_mode) == ("dgr:author-2028-08-29-page",
                                                                                     "Reported")
        assert drafted[sentence].findings == []


def test_a_partys_stated_aim_is_its_stance():
    assert drafted_alone("Ankara says its only goal is to bring the two sides back to the table.")[:2] == \
        ("Position", "dgr:turkey")
