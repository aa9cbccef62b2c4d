"""The classes the sixty-seventh to sixty-ninth made-up pages (posts on social media, a summit's end, a wire of
quotations) showed, each pinned on sentences of their own: a quotation's speaker named after it with an office and
a name between commas; a word for readers inside the quotation ("observers") is the speaker's word, not readers
speaking; ", calling the plan a trap" gives a verdict; "this newspaper believes" is the author's first person; "no
one will decide for us" is a line held; "the sooner …, the sooner …" predicts, for the audit too; what a party
says ought to happen is its position for it (or against it); a word for what was said refers to a party's
statement, never the page's own; pulling forces out is a withdrawal.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of, looks_ahead
from diplograph.referring import Earlier
from diplograph.reporting import voice
from diplograph.review import Candidate
from diplograph.stances import stance_of


def test_a_quotations_speaker_after_it_with_an_office_and_a_name_between_commas():
    sentence = "“The crossings stay open,” Poland's interior minister, Marek Madeupski, told reporters on Friday."
    heard = voice(sentence)
    assert sentence[heard.speaker_start:heard.speaker_end].strip() == \
        "Poland's interior minister, Marek Madeupski,"
    _, asserter, mode = drafted_alone(sentence)
    assert asserter in {"dgr:poland", "dgr:marek-madeupski"} and mode == "Reported"  # the new official or his state


def test_a_readers_word_inside_a_quotation_is_the_speakers(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Finland's president, Aino Madeupnen, said on Monday that Helsinki would send no troops.",
        "“Any truce needs experts on the ground to watch it,” she said.", day=date(2027, 4, 14))
    quoted = drafted["“Any truce needs experts on the ground to watch it,” she said."]
    assert quoted.asserted_by in {"dgr:finland", "dgr:aino-madeupnen"} and quoted.assertion_mode == "Reported"


def test_calling_something_a_name_after_a_comma_gives_a_verdict():
    assert kind_of("Kyiv replied within minutes, calling the offer a trap.") == "Assessment"
    assert kind_of("Diplomats said a draft calling for a truce was blocked.") != "Assessment"  # a call, not a verdict


def test_this_newspaper_believes_is_the_authors_first_person():
    sentence = "The real question, this newspaper believes, is who pays for the rebuilding."
    assert drafted_alone(sentence) == ("Assessment", MADE_UP_AUTHOR.replace(
        "https://w3id.org/diplograph/id/", "dgr:"), "Judgement")
    assert voice("The editorial board thinks the deal is fragile.").kind == "author"


def test_no_one_deciding_for_a_party_is_a_line_it_holds():
    assert kind_of("“No one will decide for us where our border runs,” the minister wrote.") == "Principle"
    assert kind_of("Under no circumstances will Chisinau host foreign troops, its president said.") == "Principle"
    assert kind_of("No one can say when the talks will resume.") != "Principle"  # an uncertainty, no line held


def test_one_change_bringing_another_predicts_for_drafter_and_audit_alike():
    sentence = "“The longer the West hesitates, the higher the price,” the envoy said."
    assert kind_of(sentence) == "Prediction" and looks_ahead(sentence)
    assert kind_of("The more the merrier, as the saying goes.") is None  # no second comparative clause


def test_what_a_party_says_ought_to_happen_is_its_position_for_or_against_it():
    ought = "Slovakia's premier said sanctions should be eased before the winter."
    ought_not = "Berlin's envoy told reporters that the talks should not be rushed."
    assert (kind_of(ought), stance_of(ought)) == ("Position", "Supports")
    assert (kind_of(ought_not), stance_of(ought_not)) == ("Position", "Rejects")
    assert kind_of("Europe should brace for a long war.") != "Position"  # the author's: no party says it


def test_a_word_for_what_was_said_refers_to_a_partys_statement_never_the_pages_own():
    earlier = Earlier(KnowledgeGraph.open(), "2027-04-14-made-up-no-graph")  # a name no graph holds
    earlier.drafted(Candidate(id="0123456789", sentence="Moldova warned that the truce would fail.",
                              kind="Prediction", asserted_by="dgr:moldova", assertion_mode="Reported", rule="a test"))
    assert [m.entity for m in earlier.referents("Asked about the remarks, Kyiv said nothing.")] == \
        ["dgr:prediction-0123456789"]
    earlier.drafted(Candidate(id="9876543210", sentence="A summit ends in Lucerne", kind="Assessment",
                              asserted_by="dgr:author-page", assertion_mode="Framing", rule="a test"))
    assert [m.entity for m in earlier.referents("Forty states signed the final declaration.")] == \
        ["dgr:prediction-0123456789"]  # Moldova's, the last a party made: not the page's title


def test_pulling_forces_out_is_a_withdrawal():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:WithdrawalOfForces" in gazetteer.measures_in("Minsk must take its forces out of the border zone.")
