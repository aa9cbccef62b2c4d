"""The classes the ninety-first to ninety-third made-up pages (a senator's op-ed, a council's own release, an
explainer in questions and answers) showed, each pinned on sentences of their own: a title in the author's first
person frames; the author's own record in the first person ("I have supported …") is a fact it states, never the
stance of the party it names; what something would bring about, in the author's voice, is the author's prediction;
a pronoun that holds a stance with no verb of saying ("It wants …") is the party spoken of before, not the first
party named; a press office of the Council of the European Union speaks for the Union; remaining committed to
something supports it.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import stance_of
from diplograph.speakers import publishing_party

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_a_title_in_the_first_person_frames(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Opinion: Why I will back the new package",
                                 "The package is due next month.", day=date(2027, 6, 9))
    title = drafted["Opinion: Why I will back the new package"]
    assert (title.kind, title.assertion_mode) == ("Assessment", "Framing")


def test_the_authors_record_in_the_first_person_is_a_fact_it_states():
    assert drafted_alone("I have backed Moldova since the first day.") == ("Claim", _AUTHOR, "FactualAssertion")
    assert drafted_alone("We support Moldova's bid.")[1:] == (_AUTHOR, "Judgement")  # a view, not Moldova's stance


def test_what_something_would_bring_about_is_the_authors_prediction():
    assert drafted_alone("Lifting the sanctions now would embolden Moscow.") == ("Prediction", _AUTHOR, "Judgement")


def test_a_pronoun_holding_a_stance_is_the_party_spoken_of_before(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Minsk said on Monday that it would host no foreign troops.",
                                 "It wants guarantees that include China and exclude NATO.", day=date(2027, 6, 9))
    assert drafted["It wants guarantees that include China and exclude NATO."].asserted_by == "dgr:belarus"


def test_a_council_press_office_speaks_for_the_union_and_remaining_committed_supports():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert publishing_party("Press Office of the Council of the European Union", gazetteer) == "dgr:european-union"
    assert publishing_party("Atlantic Council staff", gazetteer) is None
    assert stance_of("Finland remains committed to the coalition.") == "Supports"
