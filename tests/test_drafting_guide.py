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
