"""The classes the three-hundred-and-forty-second to -fourth made-up pages (a minister's resignation, a UN
estimate of a population, a pledge of a referendum) showed, each pinned on sentences of their own: a state's bureau,
its president's office or its central bank speak for the party the page spoke of; figures "published by" a party are
its own; what someone "cautioned" could happen is forecast; what "could only be held after" another act demands it;
what a constitution or a law "requires" is a record of its terms; a demographer reads; "a sign of strength" is a
verdict.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_a_states_bureau_and_its_presidents_office_speak_for_it(project, tmp_path):
    before = "CHISINAU, 1 February — Moldova's energy minister resigned on Tuesday."
    bureau = "The National Integrity Bureau said the minister had hidden two flats from his declaration."
    office = "The president's office said it would name a successor within a week."
    drafted = drafted_paragraphs(project, tmp_path, before, f"{bureau} {office}", day=date(2029, 2, 1))
    assert drafted[bureau].asserted_by == "dgr:moldova" and drafted[office].asserted_by == "dgr:moldova"


def test_figures_published_by_a_party_are_its_own(project, tmp_path):
    sentence = ("Some 3,000 schools in Ukraine have been damaged, according to figures published by the UN "
                "children's agency on Monday.")
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2029, 2, 1))[sentence]
    assert drafted.asserted_by == "dgr:united-nations" and drafted.assertion_mode == "Reported"


def test_a_caution_forecasts_and_a_vote_only_after_a_truce_demands_it():
    assert kind_of("Turkey cautioned that the new patrols might provoke an incident at sea.") == "Prediction"
    assert kind_of("The president said elections could only be held once martial law had been lifted.") == "Demand"


def test_what_a_law_requires_is_a_record_of_its_terms():
    kind, asserter, mode = drafted_alone("Moldova's constitution requires any change to its neutrality to be "
                                         "approved by a referendum.")
    assert (kind, mode) == ("Claim", "FactualAssertion") and asserter.startswith("dgr:author-")


def test_a_demographer_reads_and_a_sign_of_strength_is_a_verdict():
    kind, asserter, mode = drafted_alone("A demographer in Lviv said the country would need migrants to fill its "
                                         "factories.")
    assert (asserter, mode) == ("dgr:analysts", "Interpretation")
    assert drafted_alone("Admitting a mistake early is a sign of strength.")[::2] == ("Assessment", "Judgement")
