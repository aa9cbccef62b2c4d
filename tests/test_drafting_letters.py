"""The classes the fifty-second to fifty-fourth made-up pages (an anniversary's speeches, a director's letter, a
weekend roundup) showed, each pinned on sentences of their own: what the author says a party must do is the
author's judgement, never the party's demand; a belief given to no one in particular ("Few expect …") is the
author's; accepting no peace of a kind is a principle; "its offer" is a noun; a veto threat rejects, unless it
names what a text must say; offering to host proposes; what something "would invite" is no invitation; the
European Council is the EU; "In Moscow, …" says where; a pronoun that speaks names no one the audit could hold
against the drafter — and, from the fifty-fifth to fifty-seventh (live updates, a ministry's release, a former
envoy's op-ed): monitors who recorded something report it; a verb of saying under a modal ("Kyiv should insist")
reports nothing; "shows once again that" and "does not intend to" read meaning and intent into events; a just
peace is a peace agreement.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_page

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions
from diplograph.reporting import voice
from diplograph.stances import stance_of

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _drafted(sentence: str):
    return drafted_alone(sentence)


def test_what_the_author_says_a_party_must_do_is_the_authors_judgement():
    assert _drafted("Berlin must therefore double its air-defence deliveries.") == \
        ("Assessment", "dgr:author-x", "Judgement")
    assert _drafted("Moscow insists that Kyiv must withdraw.")[:2] == ("Demand", "dgr:russia")  # a party's demand


def test_a_belief_given_to_no_one_in_particular_is_the_authors():
    assert _drafted("Few believe the truce will hold.")[1:] == ("dgr:author-x", "Judgement")


def test_accepting_no_peace_of_a_kind_is_a_principle_calling_for_what_it_names():
    sentence = "Chisinau said it would accept no settlement that left Transnistria under occupation."
    assert kind_of(sentence) == "Principle"
    assert "dg:EndOfOccupation" in gazetteer_of(KnowledgeGraph.open()).measures_in(sentence)


def test_its_offer_is_a_noun_and_a_call_for_restraint_demands_it():
    assert kind_of("India called for calm and renewed its offer to mediate.") == "Demand"


def test_a_veto_threat_rejects_unless_it_names_what_a_text_must_say():
    sentence = "Slovakia said it would veto any new loan for Kyiv."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")
    assert kind_of("Moscow said it would veto any resolution that did not mention its tankers.") == "Demand"


def test_offering_to_host_proposes_and_what_would_invite_is_no_invitation():
    assert kind_of("Vienna said it would host a new round if both sides agreed.") == "Proposal"
    assert kind_of("Weakness would invite Moscow to press on.") != "Proposal"


def test_the_european_council_is_the_eu_and_in_a_capital_says_where():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("The European Council president spoke first.", gazetteer)] == \
        ["dgr:european-union"]
    assert [m.entity for m in mentions("In Minsk, President Lukashenko said nothing.", gazetteer)] == []


def test_a_pronoun_that_speaks_names_no_one_the_audit_holds_against_the_draft(project, tmp_path):
    _, drafted = drafted_page(project.layout, tmp_path, "\n\n".join([
        "Moldova's president told parliament on Monday that the war had to end.",
        "She thanked the states that had helped Ukraine and asked them to keep sanctions in place."]) + "\n",
        title="A page (made up)", day=date(2027, 3, 3))
    asked = drafted["She thanked the states that had helped Ukraine and asked them to keep sanctions in place."]
    assert asked.asserted_by == "dgr:moldova"
    assert not [f for f in asked.findings if "speaker-not-asserter" in f]


def test_monitors_report_what_they_recorded_and_a_modal_verb_of_saying_reports_nothing():
    assert voice("OSCE monitors recorded 12 explosions near the plant.").kind == "reported"
    assert voice("Kyiv should therefore insist on monitors.").kind == "none"
    assert _drafted("Chisinau should insist on observers before any vote.")[1:] == ("dgr:author-x", "Judgement")


def test_reading_meaning_and_intent_into_events_is_the_authors_interpretation():
    for sentence in ("The strike shows once again that Moscow wants no truce.",
                     "Minsk signs treaties it does not intend to honour."):
        assert _drafted(sentence)[1:] == ("dgr:author-x", "Interpretation"), sentence


def test_a_just_peace_is_a_peace_agreement():
    assert gazetteer_of(KnowledgeGraph.open()).measures_in("Kyiv is open to a just peace.") == ["dg:PeaceSettlement"]
