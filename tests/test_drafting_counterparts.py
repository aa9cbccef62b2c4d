"""The classes the two-hundred-and-fifty-eighth to -sixtieth made-up pages (two ministers at a news conference,
capitals' reactions to an exchange of prisoners, a former diplomat's column) showed, each pinned on sentences of their
own: a line's label is not its speaker; a counterpart with a name is a new person of the adjective's state; a
people's adjective after "held in" is no venue; a lesson the author learned, words that cost nothing, what a party
cannot wait for and an excuse are the author's judgements; a step resisted is a stance; a quotation told to a news
conference by a pronoun is the speaker's before.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.mentions import roles

AUTHOR = "dgr:author-x"


def test_a_lines_label_is_not_its_speaker(project, tmp_path):
    line = "Warsaw: Poland's president thanked Turkey for hosting the talks and said a new round was being prepared."
    drafted = drafted_paragraphs(project, tmp_path, line, day=date(2028, 7, 15))[line]
    assert drafted.asserted_by == "dgr:poland"
    assert drafted.findings == []  # the audit reads the same speaker


def test_a_counterpart_with_a_name_is_a_new_person_of_the_adjectives_state(project, tmp_path):
    sentence = "Her Finnish counterpart, Aino Madeupnen, said Finland would send more shells."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 7, 13))
    assert "dgr:aino-madeupnen" in {m.entity for m in drafted[sentence].mentions}
    assert drafted[sentence].asserted_by in ("dgr:finland", "dgr:aino-madeupnen")
    clause = "Speaking beside his Czech counterpart, Madeupov stressed that the talks must go on."
    assert [r.name for r in roles(clause)] == []  # the clause's subject after the comma, no apposition


def test_a_peoples_adjective_after_held_in_is_no_venue():
    drafted = draft_sentence(KnowledgeGraph.open(), "Kyiv said 300 civilians were still held in Russian prisons.",
                             author=MADE_UP_AUTHOR)
    assert "dgr:russia" in {m.entity for m in drafted.mentions}
    venue = draft_sentence(KnowledgeGraph.open(), "The two delegations met in Moscow on Monday.", author=MADE_UP_AUTHOR)
    assert "dgr:russia" not in {m.entity for m in venue.mentions}


def test_a_lesson_the_author_learned_is_a_judgement():
    assert drafted_alone("I negotiated with Moscow for a decade, and I learned that it never concedes first.") == \
        ("Assessment", AUTHOR, "Judgement")


def test_words_that_cost_nothing_and_what_cannot_wait_are_judgements():
    assert drafted_alone("Promises of this sort cost nothing.") == ("Assessment", AUTHOR, "Judgement")
    assert drafted_alone("Moldova cannot afford another winter without gas.")[::2] == ("Assessment", "Judgement")


def test_an_excuse_is_a_verdict():
    assert drafted_alone("That is not a plan; it is a pretext.")[::2] == ("Assessment", "Judgement")


def test_a_step_resisted_is_a_stance():
    assert drafted_alone("Rome and Madrid have resisted the proposal so far.")[:2] == ("Position", "dgr:italy")


def test_a_quotation_told_to_a_news_conference_by_a_pronoun_is_the_speakers_before(project, tmp_path):
    first = "Estonia's prime minister said the border would stay closed."
    quoted = "\"We will not be blackmailed,\" he told a press conference in Tallinn."
    drafted = drafted_paragraphs(project, tmp_path, first, quoted, day=date(2028, 7, 13))
    assert drafted[quoted].asserted_by == "dgr:estonia"
