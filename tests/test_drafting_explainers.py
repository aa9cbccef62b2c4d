"""The classes the two-hundred-and-thirty-seventh to -ninth made-up pages (a truce turned down, an explainer under
question headings, a think tank's report on troops at a border) showed, each pinned on sentences of their own: a
possessive pronoun's negotiators speak for the party before; an official of "the alliance" is the organisation
named before; a short hedged answer and a gap "as wide as" are the author's judgement; "will not be intimidated"
is a stance; a cap on an army's size and an exchange of territory name their measures (the party whose army it is
stays named: the entity "Ukraine's army size" is not given the words "size of Ukraine's army", which would hide it).
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs


def test_its_negotiators_speak_for_the_party_before(project, tmp_path):
    later = "Its delegation has also floated a land swap around Kupiansk."
    drafted = drafted_paragraphs(project, tmp_path, "Moscow wants Kyiv to withdraw from the Donbas.", later,
                                 day=date(2028, 5, 31))
    assert (drafted[later].kind, drafted[later].asserted_by) == ("Proposal", "dgr:russia")
    assert "dg:TerritorialConcession" in drafted[later].measures


def test_an_official_of_the_alliance_is_the_organisation_named_before(project, tmp_path):
    later = "A senior alliance official said the brigade would stay until the autumn."
    drafted = drafted_paragraphs(project, tmp_path, "NATO sent a brigade to Lithuania in March.", later,
                                 day=date(2028, 5, 31))
    assert drafted[later].asserted_by == "dgr:nato"


def test_a_hedged_short_answer_and_a_gap_as_wide_as_are_the_authors_judgement():
    assert drafted_alone("Perhaps.")[::2] == ("Assessment", "Judgement")
    assert drafted_alone("The distance between Moscow and Kyiv on guarantees is as wide as ever.")[::2] == \
        ("Assessment", "Judgement")


def test_refusing_to_be_intimidated_is_a_stance():
    assert drafted_alone("Estonia's prime minister said her government would not be cowed by the threats.")[:2] == \
        ("Position", "dgr:estonia")


def test_a_cap_on_an_armys_size_and_an_exchange_of_territory_name_their_measures(project, tmp_path):
    sentence = "Russia wants a ceiling on the size of Ukraine's army and an exchange of territory near Kharkiv."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 5, 31))[sentence]
    assert {"dg:MilitaryLimitation", "dg:TerritorialConcession"} <= set(drafted.measures)
    assert "dg:PrisonerExchange" not in drafted.measures
