"""The classes the hundred-and-eighty-sixth to hundred-and-eighty-eighth made-up pages (shipping talks with a
quotation set apart, a morning digest, a president's remarks) showed, each pinned on sentences and pages of their
own: what "should" be done, quoted before "he told", is a position; "is due to" looks ahead; a closing "after <party>
asked …" is the record's circumstance, not its kind; "Whether … will decide …" is the author's reading; a refusal in
the passive ("would not be recognised") rejects; "estimate that" reports; a stance whose object points back answers
the stance just before it.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of, looks_ahead
from diplograph.stances import stance_of

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_what_should_be_done_quoted_before_he_told_is_a_position():
    sentence = "\"No one should shell a nuclear plant, whoever holds it,\" she told the council."
    assert kind_of(sentence) == "Position"


def test_due_to_looks_ahead():
    assert looks_ahead("The inspectors are due to return in March.")
    assert drafted_alone("The inspectors are due to return in March.") == ("Prediction", _AUTHOR, "Judgement")


def test_a_closing_after_clause_is_the_records_circumstance_and_only_after_a_condition():
    sentence = "Ministers failed on Monday to approve the loan after Hungary demanded more guarantees."
    assert drafted_alone(sentence) == ("Claim", _AUTHOR, "FactualAssertion")
    assert kind_of("Moscow will resume the talks only after Kyiv withdraws its troops.") == "Demand"


def test_an_open_question_the_author_weighs_is_the_authors_reading():
    assert drafted_alone("Whether Berlin joins the coalition will shape what Paris does next.") == \
        ("Assessment", _AUTHOR, "Judgement")
    assert drafted_alone("Whether Berlin will join the coalition is unclear.") == \
        ("Claim", _AUTHOR, "FactualAssertion")


def test_a_refusal_in_the_passive_rejects():
    sentence = "The ministry said any referendum held under occupation would not be recognised by Kyiv."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")


def test_an_estimate_is_reported_and_looks_ahead():
    kind, asserter, mode = drafted_alone("Military planners estimate that clearing the mines would take a decade.")
    assert (kind, mode) == ("Prediction", "Reported")


def test_a_stance_whose_object_points_back_answers_the_one_before(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Belarus wants the border reopened before it releases the detained lorry drivers, its "
        "foreign ministry said.", "Lithuania rejects any link between the two.", "Poland welcomed the talks.",
        day=date(2027, 6, 18))
    demand = drafted["Belarus wants the border reopened before it releases the detained lorry drivers, its foreign "
                     "ministry said."]
    answer = drafted["Lithuania rejects any link between the two."]
    assert (answer.kind, answer.asserted_by) == ("Position", "dgr:lithuania")
    assert f"dgr:demand-{demand.id}" in {m.entity for m in answer.mentions}
    welcomed = drafted["Poland welcomed the talks."]
    assert not [m for m in welcomed.mentions if m.entity.startswith("dgr:demand-")]
