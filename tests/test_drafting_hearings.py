"""The classes the forty-third to forty-fifth made-up pages (a leaked draft, a Senate hearing, an analyst's
newsletter) showed, each pinned on sentences of their own: calling something by a one-word verdict ("called the
report fabricated") is the caller's; "the proposed terms" proposes nothing; a line opening "whether" asks, unless a
clause of its own says something of it; a plan's text as the subject of what it would do proposes it, the page
describing it, and "Under the draft, …" gives its terms alike; "the envoy replied" is the official the page
introduced with that office; a stance the reported words give another party is the speaker's claim about it; what
a speaker says its own side will do is its position; accepting the loss of land recognises another's control.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.wording import asks

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _drafted(sentence: str):
    return drafted_alone(sentence)


def _page(project, folder, *paragraphs: str) -> dict:
    return drafted_paragraphs(project, folder, *paragraphs, day=date(2027, 3, 3))


def test_a_one_word_verdict_is_the_callers():
    assert _drafted("Minsk called the allegations baseless.")[1:] == ("dgr:belarus", "Reported")
    assert _drafted("Kyiv called the talks off.")[2] == "FactualAssertion"  # a particle, no verdict: no one speaks


def test_the_proposed_terms_propose_nothing():
    assert kind_of("A diplomat asked whether Minsk had read the proposed terms.") != "Proposal"
    assert kind_of("Ankara proposed new terms.") == "Proposal"


def test_a_line_opening_whether_asks_unless_a_clause_says_something_of_it():
    assert asks("whether Hungary lifts its veto before the summit;")
    assert _drafted("whether Hungary offers to host the talks.")[2] == "Framing"
    assert not asks("Whether Hungary will lift its veto is unclear.")


def test_a_plans_text_that_would_do_something_proposes_it_and_its_terms_follow(project, tmp_path):
    drafted = _page(project, tmp_path,
                    "A draft agreement, obtained by this paper, would create a demilitarised zone along the border.",
                    "Under the draft, Moldova would grant autonomy to the region.")
    draft_text = drafted["A draft agreement, obtained by this paper, would create a demilitarised zone along the "
                         "border."]
    assert (draft_text.kind, draft_text.assertion_mode) == ("Proposal", "FactualAssertion")
    assert draft_text.asserted_by.startswith("dgr:author-")
    terms = drafted["Under the draft, Moldova would grant autonomy to the region."]
    assert (terms.kind, terms.asserted_by, terms.assertion_mode) == \
        ("Proposal", draft_text.asserted_by, "FactualAssertion")
    assert kind_of("The plan would collapse within weeks.") != "Proposal"  # what befalls a plan is no term of it


def test_the_envoy_is_the_official_the_page_introduced_and_anothers_stance_is_a_claim(project, tmp_path):
    drafted = _page(project, tmp_path,
                    "The EU special envoy for Moldova, Anna Madeupescu, told reporters on Monday that talks would "
                    "resume.", "The envoy replied that Moscow had rejected every proposal so far.")
    replied = drafted["The envoy replied that Moscow had rejected every proposal so far."]
    assert replied.asserted_by == "dgr:anna-madeupescu"
    assert replied.kind == "Claim"  # Moscow's rejection, as the envoy tells it: not the envoy's own stance


def test_what_a_speakers_own_side_will_do_is_its_position(project, tmp_path):
    drafted = _page(project, tmp_path, "Germany's defence minister said on Monday that talks were needed.",
                    "He said Berlin would deliver more air-defence systems this year.")
    said = drafted["He said Berlin would deliver more air-defence systems this year."]
    assert (said.kind, said.asserted_by) == ("Position", "dgr:germany")
    assert _drafted("Warsaw said Moscow would attack again.")[0] != "Position"  # another's doing: no stance


def test_accepting_the_loss_of_land_recognises_anothers_control():
    assert gazetteer_of(KnowledgeGraph.open()).measures_in("Kyiv must accept the loss of the peninsula.") == \
        ["dg:RecognitionOfControl"]
