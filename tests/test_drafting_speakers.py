"""The classes the eleventh made-up page (a Security Council session) showed, each pinned on sentences of its own:
a speaker who serves somewhere ("envoy to the UN") speaks for whoever sends them; a party's belief about how
things are is its assessment, and what is to happen at a time to come a prediction; the qualifiers a sentence's
words carry and the measures it calls for (not what it puts them before) are drafted as the audit reads them; the
states of the war's diplomacy beyond the belligerents are known by their names, adjectives and capitals.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.documents import add_source
from diplograph.drafting import draft, draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.review import proposed_fact


@pytest.fixture(scope="module")
def bundled() -> KnowledgeGraph:
    return KnowledgeGraph.open()


def test_a_speaker_is_who_sends_them_not_where_they_serve(bundled):
    envoy = draft_sentence(bundled, "Poland's ambassador to the UN accused Moscow of blocking grain exports.")
    assert envoy.asserted_by == "dgr:poland"
    posted = draft_sentence(bundled, "Estonia's envoy in Brussels said the talks had stalled.")
    assert posted.asserted_by == "dgr:estonia"
    agent = draft_sentence(bundled, "Finland was urged by the European Union to send more air defence.")
    assert agent.asserted_by == "dgr:european-union"  # a passive's agent still speaks, though after "by"


def test_a_belief_is_an_assessment_and_a_scheduled_event_a_prediction(bundled):
    belief = draft_sentence(bundled, "Latvia's foreign minister said Riga believes the sanctions are working.")
    assert (belief.kind, belief.asserted_by, belief.assertion_mode) == ("Assessment", "dgr:latvia", "Reported")
    scheduled = draft_sentence(bundled, "Lithuania will host a donors' conference next month, an official said.")
    assert scheduled.kind == "Prediction"
    refusal = draft_sentence(bundled, "Kyiv will not attend the talks next week, the ministry said.")
    assert refusal.kind != "Prediction"  # a refusal, whatever its date
    assert draft_sentence(bundled, "The think tank said Russia has more troops.").kind != "Assessment"


def test_qualifiers_and_measures_are_drafted_as_the_audit_reads_them(bundled):
    sole = draft_sentence(bundled, "Estonia insists that NATO membership is the only real guarantee.")
    assert sole.qualifiers == ["dg:Exclusive"]
    assert proposed_fact(sole, "a-page")["qualifier"] == ["dg:Exclusive"]
    assert draft_sentence(bundled, "Estonia insists that this is not only a question of land.").qualifiers == []
    first = draft_sentence(bundled, "Poland demanded a ceasefire before any talks.")
    assert first.measures == ["dg:Ceasefire"]  # the talks are what the ceasefire must come before
    assert proposed_fact(first, "a-page")["preconditionFor"] == ["dgr:negotiations"]
    talks = draft_sentence(bundled, "Finland called on both sides to resume direct talks.")
    assert talks.measures == ["dg:Negotiation"]


def test_drafts_of_the_new_classes_are_audit_clean(project, tmp_path):
    text = tmp_path / "session.txt"
    text.write_text("June 3, 2026\n\nPoland's ambassador to the UN accused Moscow of shelling a port.\n\n"
                    "Estonia insists that NATO membership is the only real guarantee.\n\n"
                    "Finland called on both sides to resume direct talks.\n", encoding="utf-8")
    slug, _ = add_source(project.layout, text, title="A session (made up)", day=date(2026, 6, 3))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = draft(graph, slug)
    assert len(drafted) == 3
    assert {c.sentence: c.findings for c in drafted} == {c.sentence: [] for c in drafted}


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("China's special envoy called for restraint.", "dgr:china"),
    ("A French diplomat said the plan was premature.", "dgr:france"),
    ("Ankara offered to host a prisoner exchange.", "dgr:turkey"),
    ("The Vatican's envoy urged the return of deported children.", "dgr:holy-see"),
    ("The UN Security Council rejected the draft.", "dgr:un-security-council"),
])
def test_the_states_and_bodies_of_the_wars_diplomacy_are_known(bundled, sentence, speaker):
    assert draft_sentence(bundled, sentence).asserted_by == speaker


def test_needs_arguments_and_denials_have_their_kinds_and_speakers(bundled):
    """The twelfth page's classes (an opinion column), on sentences of their own."""
    needs = draft_sentence(bundled, "Moldova's president said the country needs air defence before winter.")
    assert (needs.kind, needs.asserted_by) == ("Demand", "dgr:moldova")
    wants = draft_sentence(bundled, "Budapest wants an exemption from the oil embargo.")
    assert (wants.kind, wants.asserted_by, wants.assertion_mode) == ("Demand", "dgr:hungary", "Reported")
    assert draft_sentence(bundled, "Europe needs to spend more on defence.").kind != "Demand"  # an obligation
    argued = draft_sentence(bundled, "Slovakia argued that the embargo hurts its refineries.")
    assert (argued.kind, argued.asserted_by) == ("Assessment", "dgr:slovakia")
    denial = draft_sentence(bundled, "Minsk denies that its airfields were used in the attack.")
    assert (denial.kind, denial.asserted_by, denial.assertion_mode) == ("Claim", "dgr:belarus", "Reported")


def test_a_sentences_first_word_is_not_a_name_spelt_another_way(bundled):
    """"Whether Europe" shares most letters with "Western Europe", but not word by word."""
    found = {m.entity for m in draft_sentence(bundled, "Whether Europe can pay for it is unclear.").mentions}
    assert found == {"dgr:europe"}
    assert {m.entity for m in draft_sentence(bundled, "Volodymyr Zelensky spoke.").mentions} == {"dgr:zelenskyy"}


def test_a_report_after_its_quote_with_the_subject_after_the_verb(bundled):
    """The thirteenth page's classes (a round-up of ministers' terms), on sentences of their own."""
    inverted = draft_sentence(bundled, "“We will not sign a deal that cedes land,” said the Polish president.")
    assert (inverted.kind, inverted.asserted_by) == ("Position", "dgr:poland")
    refusal = draft_sentence(bundled, "“There can be no talk of elections while the war goes on,” said Estonia's "
                                      "prime minister.")
    assert (refusal.kind, refusal.asserted_by) == ("Position", "dgr:estonia")
    apposition = draft_sentence(bundled, "Finland's envoy, Anna Madeupova, said on Friday that Moscow was ready to "
                                         "consider a truce.", date(2026, 9, 11))
    assert apposition.asserted_by != "dgr:russia"  # a comma before the verb is no quote's end
    assert apposition.kind == "Position"  # "ready to consider": a stance, not a belief
    assert "dgr:ceasefire" in {m.entity for m in apposition.mentions}  # a truce


def test_pressing_calling_again_and_agreeing_to_host(bundled):
    push = draft_sentence(bundled, "Latvia is pushing for a tribunal for the crime of aggression.")
    assert (push.kind, push.asserted_by, push.assertion_mode) == ("Demand", "dgr:latvia", "Reported")
    again = draft_sentence(bundled, "The Kremlin renewed its call for Kyiv to drop its NATO bid.")
    assert (again.kind, again.asserted_by) == ("Demand", "dgr:russia")
    hosts = draft_sentence(bundled, "Switzerland and Qatar agreed to co-host a meeting on prisoners.")
    assert (hosts.kind, hosts.asserted_by, hosts.assertion_mode) == ("Proposal", "dgr:switzerland", "Reported")


def test_its_call_is_the_speakers_own(project, tmp_path):
    text = tmp_path / "calls.txt"
    text.write_text("June 4, 2026\n\nPoland demanded a tribunal for the crime of aggression.\n\n"
                    "The Kremlin repeated its call for Kyiv to drop its NATO bid.\n", encoding="utf-8")
    slug, _ = add_source(project.layout, text, title="Calls (made up)", day=date(2026, 6, 4))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    poland, kremlin = draft(graph, slug)
    assert f"dgr:demand-{poland.id}" not in {m.entity for m in kremlin.mentions}  # not Poland's demand


def test_an_office_with_its_ministry_names_its_state(bundled):
    from diplograph.gazetteer import gazetteer_of
    from diplograph.mentions import affiliations

    found = affiliations("Poland's foreign ministry spokesman, Jan Madeupski, said on Friday that talks stall.",
                         gazetteer_of(bundled), None)
    assert [(c.new_person, c.content[-1]) for c in found] == [("Jan Madeupski", "dgr:poland")]


def test_a_condition_put_as_a_refusal_and_a_report_that_closes_the_sentence(bundled):
    """The fourteenth page's classes (a live page), on sentences of their own."""
    condition = draft_sentence(bundled, "Moldova says no elections without international observers.")
    assert (condition.kind, condition.asserted_by) == ("Demand", "dgr:moldova")
    assert proposed_fact(condition, "a-page")["callsFor"] == ["dg:InternationalMonitoring"]
    closing = draft_sentence(bundled, "Kyiv will probably reject the plan, a senior Polish official predicted.")
    assert (closing.kind, closing.asserted_by) == ("Prediction", "dgr:poland")  # the last verb reports it
    unnamed = draft_sentence(bundled, "Moscow will certainly refuse, a Western diplomat said.")
    assert (unnamed.asserted_by, unnamed.assertion_mode) == (None, "Reported")  # an unnamed source: the page's
    denied = draft_sentence(bundled, "Neither Warsaw nor Vilnius has confirmed the report.")
    assert (denied.asserted_by, denied.assertion_mode) == (None, "FactualAssertion")
    assert draft_sentence(bundled, "Officials in Riga say the plan is a non-starter.").kind == "Position"
    invited = draft_sentence(bundled, "Switzerland has invited both delegations to Geneva.")
    assert (invited.kind, invited.asserted_by) == ("Proposal", "dgr:switzerland")


def test_the_offer_is_the_position_read_before_when_no_proposal_was(project, tmp_path):
    text = tmp_path / "offer.txt"
    text.write_text("June 5, 2026\n\nThe Kremlin says it is open to talks.\n\n"
                    "Officials in Kyiv say the Russian offer is a non-starter.\n", encoding="utf-8")
    slug, _ = add_source(project.layout, text, title="An offer (made up)", day=date(2026, 6, 5))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    opening, refusal = draft(graph, slug)
    assert proposed_fact(refusal, slug)["towards"] == f"dgr:position-{opening.id}"
    assert refusal.findings == [] and opening.findings == []


def test_an_interview_asks_in_the_pages_voice_and_answers_in_the_interviewees(project, tmp_path):
    """The fifteenth page's classes (an interview), on a page of its own."""
    text = tmp_path / "interview.txt"
    text.write_text("Interview: Estonia's prime minister\n\nJune 6, 2026\n\n"
                    "Estonia's prime minister, Kaja Madeupson, spoke to the paper on Friday.\n\n"
                    "Q: Will Estonia send more air defence to Ukraine?\n\n"
                    "A: We are ready to send two more systems this year.\n\n"
                    "Q: And Russia?\n\nA: Russia must pay reparations for the destruction.\n", encoding="utf-8")
    slug, _ = add_source(project.layout, text, title="An interview (made up)", day=date(2026, 6, 6))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = {c.sentence: c for c in draft(graph, slug)}
    question = drafted["Will Estonia send more air defence to Ukraine?"]  # the marker is not quoted
    assert (question.kind, question.assertion_mode) == ("Assessment", "Framing")
    ready = drafted["We are ready to send two more systems this year."]
    assert (ready.kind, ready.asserted_by, ready.assertion_mode) == ("Position", "dgr:estonia", "Reported")
    must = drafted["Russia must pay reparations for the destruction."]
    assert (must.kind, must.asserted_by) == ("Demand", "dgr:estonia")  # the interviewee's demand, of Russia
    assert proposed_fact(must, slug)["demandedOf"] == "dgr:russia"
    assert must.findings == [] and ready.findings == [] and question.findings == []
