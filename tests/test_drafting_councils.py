"""The classes the seventy-sixth to seventy-eighth made-up pages (a Security Council meeting, an op-ed on an
analogy, a leaked memo) showed, each pinned on sentences of their own: calls a body hears are no call of its own;
"…, officials say" is an anonymous source for drafter and audit alike; an analogy in the author's voice ("Unlike in
Korea, …") is the author's judgement; what a document no party is named for says of others' stances is a claim
the page vouches for; rebuilding Ukraine and using frozen assets are measures the vocabulary names; "The council
…" after the Security Council was named is that council, from the context.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_calls_a_body_hears_are_not_its_own():
    sentence = "NATO hears fresh calls for air defence at its summit"
    assert voice(sentence).kind == "none" and kind_of(sentence) != "Demand"
    assert kind_of("NATO calls for more air defence.") == "Demand"


def test_officials_say_closing_a_sentence_is_an_anonymous_source():
    sentence = "A vote is unlikely this week, officials say."
    assert voice(sentence).kind == "anonymous"  # the audit reads it without names, and so does it
    assert drafted_alone(sentence)[1:] == (_AUTHOR, "Reported")


def test_an_analogy_in_the_authors_voice_is_its_judgement():
    assert drafted_alone("Unlike in 1995, no one is ready to police the line.") == ("Assessment", _AUTHOR, "Judgement")


def test_what_a_document_says_of_others_stances_is_a_claim_the_page_vouches_for():
    sentence = "A leaked cable obtained by this newspaper says that two capitals oppose the deal."
    assert drafted_alone(sentence) == ("Claim", _AUTHOR, "Reported")


def test_rebuilding_and_frozen_assets_are_measures():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert gazetteer.measures_in("Berlin wants a fund to rebuild Ukraine's grid.") == ["dg:Reconstruction"]
    assert "dg:Reparations" in gazetteer.measures_in("Kyiv wants the frozen Russian assets seized.")


def test_a_body_named_by_what_it_is_is_the_one_named_before(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "The Security Council met on Monday to discuss the dam.",
                                 "The council is expected to vote on a statement next week.", day=date(2027, 5, 5))
    council = drafted["The council is expected to vote on a statement next week."]
    assert "dgr:un-security-council" in {m.entity for m in council.mentions}
    assert council.derived_by == "ReferentFromContext" and not council.findings
