"""The classes the three-hundred-and-thirty-ninth to -forty-first made-up pages (an envoy appointed, a letter from
Moscow in the first person, museum treasures taken) showed, each pinned on sentences of their own: a person a party
"appointed … as its envoy" is its office-holder, named again he speaks; a speaker's "first task" is its position;
"conceded" reports only what follows it, and "the hardest part" is a verdict; "verified" records; people the writer
"met" and the director of a museum are no party; the writer "came away convinced"; what is "easier to" do "than"
another, and "all the more telling", are verdicts; returning what was taken (artefacts, cultural property) is
reparation.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.drafting import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_a_person_a_party_appointed_as_its_envoy_speaks_for_it_when_named_again(project, tmp_path):
    appointed = ("WARSAW, 25 January — Poland on Monday named Ewa Madeupska, a former ambassador, as its envoy "
                 "for Belarus.")
    again = "Madeupska said her first task would be to reopen the border crossings."
    drafted = drafted_paragraphs(project, tmp_path, f"{appointed} {again}", day=date(2029, 1, 25))
    [affiliation] = [c for c in drafted.values() if c.kind == "Affiliation"]
    assert affiliation.new_person == "Ewa Madeupska" and "dgr:poland" in affiliation.content
    assert drafted[again].asserted_by == "dgr:ewa-madeupska" and drafted[again].kind == "Position"


def test_conceding_reports_only_what_follows_and_the_hardest_part_is_a_verdict():
    assert voice("A mediator who starts from the map has conceded the hardest part of the talks.").kind == "none"
    assert drafted_alone("A mediator who starts from the map has conceded the hardest part of the talks.")[::2] == \
        ("Assessment", "Judgement")


def test_verifying_records_and_people_the_writer_met_and_a_museums_director_are_no_party(project, tmp_path):
    assert voice("The UN mission has verified 12 more deaths in the region.").verb == "verified"
    met = "A teacher I met in Odesa said most of her pupils had left the city."
    director = "“We hid what we could in the cellars,” said the director of the city's history museum."
    drafted = drafted_paragraphs(project, tmp_path, met, director, day=date(2029, 1, 25))
    for sentence in (met, director):
        assert drafted[sentence].asserted_by.startswith("dgr:author-"), sentence
        assert drafted[sentence].assertion_mode == "Reported" and not drafted[sentence].findings, sentence


def test_the_writer_convinced_and_comparative_verdicts():
    for sentence in ("I came away convinced that the ceasefire will not survive the spring.",
                     "Grain is easier to ship than weapons, which makes the blockade all the more telling."):
        assert drafted_alone(sentence)[::2] == ("Assessment", "Judgement"), sentence


def test_returning_what_was_taken_is_reparation():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:Reparations" in gazetteer.measures_in("Kyiv demands the restitution of artefacts taken from Mariupol.")
    assert "dg:Reparations" in gazetteer.measures_in("Vilnius urged Moscow to hand back looted cultural property.")
    assert kind_of("Madeupska said her main priority was to reopen the crossings.") == "Position"
