"""The classes the ninety-first to ninety-third made-up pages (a senator's op-ed, a council's own release, an
explainer in questions and answers) showed, each pinned on sentences of their own: a title in the author's first
person frames; the author's own record in the first person ("I have supported …") is a fact it states, never the
stance of the party it names; what something would bring about, in the author's voice, is the author's prediction;
a pronoun that holds a stance with no verb of saying ("It wants …") is the party spoken of before, not the first
party named; a press office of the Council of the European Union speaks for the Union; remaining committed to
something supports it — and, from the ninety-fourth to ninety-sixth (an address, a ministry's briefing, takeaways):
readiness for a truce supports it, seeming willing is the author's reading, and what ought to happen, said in a
state body's own voice, is its position.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_html, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.releases import publishing_party
from diplograph.stances import stance_of

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


def test_readiness_for_a_truce_supports_it_and_seeming_willing_is_the_authors_reading():
    ready = "Moldova is ready for a ceasefire if Russia leaves Transnistria."
    assert (kind_of(ready), stance_of(ready)) == ("Position", "Supports")
    assert kind_of("The speaker said the vote showed Moldova was ready for peace.") != "Position"  # nothing named
    assert drafted_alone("Second, Minsk appears more willing to host talks.") == \
        ("Assessment", _AUTHOR, "Interpretation")


_BRIEFING = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Briefing (made up)</title>
<meta name="author" content="Ministry of Foreign Affairs of Finland"></head><body><article>
<h1>Briefing of the ministry's spokesperson</h1>
<p>Spokesperson: Finland welcomes the prisoner exchange.</p>
<p>All parties should respect the truce on energy sites.</p>
</article></body></html>
"""


def test_what_ought_to_happen_in_a_state_bodys_own_voice_is_its_position(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _BRIEFING, day=date(2027, 6, 16))
    ought = drafted["All parties should respect the truce on energy sites."]
    assert (ought.kind, ought.asserted_by, ought.speaks_for) == ("Position", f"dgr:author-{name}", "dgr:finland")
