"""The classes the three-hundred-and-sixty-third to -fifth made-up pages (an occupied city without water,
prisoners' families protesting, a shell initiative) showed, each pinned on sentences of their own: a promise to act is
a stance ("money promised at earlier conferences" is none); figures "according to UN estimates" are the UN's; what a
party "announced on Tuesday that it would" do is its plan; the president's office on a page filed in a capital is
that state's, whoever the sentence before named; what "made" a state "a party to the conflict" is a verdict.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of


def test_a_promise_to_act_is_a_stance():
    assert kind_of("Poland's energy ministry has promised a new gas link by the end of the year.") == "Position"
    assert kind_of("Critics say much of the money promised at earlier conferences never arrived.") != "Position"


def test_figures_named_for_a_party_are_its_own(project, tmp_path):
    sentence = "About 40,000 people have left the region since January, according to UN estimates."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 3, 21))[sentence]
    assert drafted.asserted_by == "dgr:united-nations"


def test_what_a_party_announced_on_a_weekday_it_would_do_is_its_plan():
    assert kind_of("Denmark announced on Monday that it would send two more frigates to the Baltic.") == "Position"


def test_the_presidents_office_on_a_page_filed_in_a_capital_is_that_states(project, tmp_path):
    first = "VILNIUS, 21 March — Relatives of detained lorry drivers protested on Tuesday outside Belarus's embassy."
    office = "The president's office said it would not bargain with Minsk over the drivers."
    drafted = drafted_paragraphs(project, tmp_path, first, office, day=date(2029, 3, 21))
    assert drafted[office].asserted_by == "dgr:lithuania"


def test_making_a_state_a_party_to_the_conflict_is_a_verdict():
    assert kind_of("Russia's embassy in Oslo said the deliveries made Norway a party to the conflict.") == "Assessment"
