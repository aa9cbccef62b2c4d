"""The classes the hundred-and-fifty-sixth to hundred-and-fifty-eighth made-up pages (a gas transit row, an
air-defence announcement, a round of talks) showed, each pinned on sentences and pages of their own: "would not
renew" refuses; a body's spokeswoman ("a Commission spokeswoman") speaks for the organisation the sentence names; a
report given after its content may end with a clause that only counts ("…, bringing the total to 12."), and what the
speaker's side "will" do is then its plan; "demands" that "remained unchanged" is a noun.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.reporting import voice


def test_would_not_renew_refuses():
    assert kind_of("Moldova said it would not extend the transit agreement.") == "Position"


def test_a_bodys_spokeswoman_speaks_for_the_organisation_named(project, tmp_path):
    sentence = "Asked about the row, a Commission spokesman said the EU was following it closely."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2027, 11, 15))
    assert drafted[sentence].asserted_by == "dgr:european-union"


def test_a_report_after_its_content_may_end_with_a_count(project, tmp_path):
    sentence = ("France will send two more frigates to the Black Sea, Foreign Minister Claire Madeupont said on "
                "Monday, raising the number of French ships there to five.")
    heard = voice(sentence, ["France", "Black Sea", "Claire Madeupont"])
    assert heard.verb == "said" and heard.content_start == 0 and sentence[heard.speaker_start:].startswith(
        "Foreign Minister Claire Madeupont")
    plan = drafted_paragraphs(project, tmp_path, "France steps up its naval presence", sentence,
                              day=date(2027, 11, 16))[sentence]  # the minister's state: the one the page spoke of
    assert plan.kind == "Position" and plan.assertion_mode == "Reported"


def test_demands_that_remain_unchanged_are_a_noun():
    assert kind_of("The delegation said its core demands remained unchanged.") != "Demand"
    assert kind_of("The delegation demands that the monitors leave.") == "Demand"
