"""The classes the three-hundred-and-fifty-seventh to -ninth made-up pages (an envoy proposed for the bloc, a ban
on a party's diamonds, wounded soldiers treated abroad) showed, each pinned on sentences of their own: declining "to
take part" is a refusal; "argues about" reports no one; "complain that" reports; a surgeon at a hospital in a city is
no party; an office-holder who says "she would" do something states her side's plan.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_declining_to_take_part_refuses():
    assert kind_of("Austria has declined to take part in the training mission.") == "Position"


def test_arguing_about_reports_no_one_and_complaining_that_reports():
    assert voice("Of all the aid Norway gives, this is the kind nobody argues about.").kind == "none"
    sentence = "Shippers in Rotterdam complain that the new checks will double their costs."
    assert voice(sentence).verb == "complain"
    kind, asserter, mode = drafted_alone(sentence)
    assert asserter.startswith("dgr:author-") and mode == "Reported"


def test_a_surgeon_at_a_hospital_in_a_city_is_no_party(project, tmp_path):
    sentence = "A surgeon at a children's hospital in Lviv said most of the wounds came from glide bombs."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 3, 7))[sentence]
    assert drafted.asserted_by.startswith("dgr:author-") and not drafted.findings


def test_an_office_holder_who_says_she_would_act_states_her_sides_plan(project, tmp_path):
    sentence = "Finland's foreign minister said she would raise the request with her Nordic colleagues next week."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 3, 7))[sentence]
    assert (drafted.kind, drafted.asserted_by) == ("Position", "dgr:finland")
