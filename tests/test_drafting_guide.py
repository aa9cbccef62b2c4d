"""The classes the eighteenth made-up page (a guide to each party's terms, a heading per party) showed, each pinned
on sentences of its own: a web page's text has a line per block and no blank line, and its headings stand alone on
their lines; a list item naming a measure under a heading that is a party's name is that party's terms (a demand).
"""

from __future__ import annotations

import pytest

from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.leads import in_context
from diplograph.wording import contexts

AUTHOR = "https://w3id.org/diplograph/id/author-made-up"


@pytest.fixture(scope="module")
def bundled() -> KnowledgeGraph:
    return KnowledgeGraph.open()


def test_a_packed_texts_headings_stand_alone_on_their_lines():
    packed = ("A guide to the terms\nSome context first.\nHungary\n- A veto over new sanctions.\nWhat next\n"
              "Talks go on.\n")
    read = dict(contexts(packed))
    assert read["- A veto over new sanctions."] == ["Hungary", "A guide to the terms"]
    assert read["Talks go on."] == ["What next", "A guide to the terms"]
    assert read["Some context first."] == ["A guide to the terms"]  # a sentence is no heading
    spaced = "A guide to the terms\n\nSome context first.\nHungary\nTalks go on.\n"
    assert dict(contexts(spaced))["Talks go on."] == ["A guide to the terms"]  # blank lines: only they set one apart


def test_an_item_naming_a_measure_under_a_partys_name_is_its_demand(bundled):
    words = gazetteer_of(bundled)
    point = draft_sentence(bundled, "A full withdrawal of foreign troops from the border.", author=AUTHOR)
    under = in_context(point, ["Hungary", "A guide to the terms"], words, item=True)
    assert (under.kind, under.asserted_by, under.assertion_mode) == ("Demand", "dgr:hungary", "Reported")
    assert "dgr:hungary" in {m.entity for m in under.mentions}
    terms = in_context(point, ["Hungary's terms", "A guide"], words, item=True)
    assert terms.asserted_by == "dgr:hungary"
    sentence = draft_sentence(bundled, "The government met on Monday to weigh a withdrawal.", author=AUTHOR)
    assert in_context(sentence, ["Hungary", "A guide"], words).kind != "Demand"  # a paragraph, not an item
    aside = draft_sentence(bundled, "A long night of meetings in the capital.", author=AUTHOR)
    assert in_context(aside, ["Hungary", "A guide"], words, item=True).kind != "Demand"  # no measure: no terms
    elsewhere = in_context(point, ["Hungary and the veto", "A guide"], words, item=True)
    assert elsewhere.asserted_by != "dgr:hungary"  # a heading that is more than the party's name


def test_a_transcripts_turns_are_their_speakers_words_and_the_floors_questions_frame(project, tmp_path):
    """(The nineteenth page, a press conference's transcript.) A turn under a speaker's label in capitals is the
    words of the state named after the label at the speaker's first turn — at every later turn too — its kind from
    its own words; the floor's questions and the moderator's words are nobody's position."""
    from datetime import date

    from diplograph.documents import add_source
    from diplograph.drafting import draft

    text = tmp_path / "briefing.txt"
    text.write_text("Briefing after the Oslo talks\n\n"
                    "CHAIR: The two envoys will now answer questions from the press.\n\n"
                    "SPECIAL ENVOY MARTA MADEUPSEN (Finland): Helsinki insists on a monitored ceasefire.\n\n"
                    "REPORTER: Is Turkey still willing to mediate?\n\n"
                    "SPECIAL ENVOY MARTA MADEUPSEN: We are prepared to host a further round of talks.\n",
                    encoding="utf-8")
    slug, _ = add_source(project.layout, text, title="A briefing (made up)", day=date(2026, 6, 3))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = {c.sentence: c for c in draft(graph, slug)}
    first = drafted["Helsinki insists on a monitored ceasefire."]
    assert (first.kind, first.asserted_by, first.assertion_mode) == ("Demand", "dgr:finland", "Reported")
    later = drafted["We are prepared to host a further round of talks."]
    assert (later.kind, later.asserted_by) == ("Proposal", "dgr:finland")  # the label, remembered
    question = drafted["Is Turkey still willing to mediate?"]
    assert (question.assertion_mode, question.asserted_by) == ("Framing", f"dgr:author-{slug}")
    assert drafted["The two envoys will now answer questions from the press."].asserted_by == f"dgr:author-{slug}"
    assert first.findings == [] and later.findings == []
