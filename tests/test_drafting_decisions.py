"""The classes the hundred-and-fifty-third to hundred-and-fifty-fifth made-up pages (a prisoner exchange, a summit's
decision on frozen assets, a plan pressed at the UN) showed, each pinned on sentences and pages of their own:
families of the missing are people of no party; a measure kept "frozen" or "in place" until a party acts demands the
act, and what is kept waits for it; "pays for the damage" is reparations; a party that "presses" a plan proposes
it, and the plan's terms after a call to back it are the caller's proposal; a stance told in the passive ("was
backed by all members") is a record.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.outsiders import no_partys_people
from diplograph.wording import comes_first_before

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_families_of_the_missing_are_no_party():
    assert no_partys_people("Relatives of the missing sailors")
    assert drafted_alone("Families of the detained journalists have accused Minsk of lying.") == \
        ("Claim", _AUTHOR, "Reported")


def test_a_measure_kept_until_a_party_acts_demands_the_act():
    sentence = "Canada agreed on Friday to keep its sanctions in place until Russia pays for the damage in Ukraine."
    kept = draft_sentence(KnowledgeGraph.open(), sentence, author=MADE_UP_AUTHOR)
    assert (kept.kind, kept.asserted_by, kept.measures) == ("Demand", "dgr:canada", ["dg:Reparations"])
    assert comes_first_before(sentence) == "keep its sanctions in place"
    assert kind_of("The Commission will keep up the pressure until Russia ends the war.") != "Demand"


def test_a_plan_pressed_and_its_terms(project, tmp_path):
    assert kind_of("India and Brazil press peace plan at summit") == "Proposal"
    drafted = drafted_paragraphs(
        project, tmp_path,
        "Turkey's president, Recep Madeupoglu, urged the Security Council on Monday to back a plan drawn up with "
        "Qatar for a ceasefire at sea.",
        "The plan would open the ports and set up a joint inspection centre.", day=date(2027, 11, 4))
    terms = drafted["The plan would open the ports and set up a joint inspection centre."]
    pressed = drafted["Turkey's president, Recep Madeupoglu, urged the Security Council on Monday to back a plan "
                      "drawn up with Qatar for a ceasefire at sea."]
    assert (terms.kind, terms.asserted_by) == ("Proposal", pressed.asserted_by)
    assert pressed.asserted_by is not None and not pressed.asserted_by.startswith("dgr:author-")


def test_a_stance_told_in_the_passive_is_a_record():
    assert drafted_alone("The package was approved by all member states after Slovakia dropped its veto.") == \
        ("Claim", _AUTHOR, "FactualAssertion")
