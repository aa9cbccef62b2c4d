"""Drafted facts for review: rules and the graph's names propose, a person accepts or rejects, validation decides.

Run on the made-up Moscow briefing (tests/fixtures) registered with add-source, and on a few made-up sentences.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from diplograph.documents import add_source
from diplograph.drafting import draft, propose
from diplograph.errors import DataError
from diplograph.graph import KnowledgeGraph
from diplograph.namespaces import DG, DGR, RDF
from diplograph.review import accept, reject, review_file

FIXTURES = Path(__file__).parent / "fixtures"
BRIEFING = "2026-01-20-made-up-moscow-briefing"


@pytest.fixture
def registered(project):
    slug, _ = add_source(project.layout, FIXTURES / f"{BRIEFING}.txt", title="Moscow hardens its line (made up)",
                         day=date(2026, 1, 20))
    assert slug == BRIEFING
    return project


def load(project) -> KnowledgeGraph:
    graph = KnowledgeGraph(project.layout)
    graph.load()
    return graph


def by_sentence(candidates, start: str):
    return next(c for c in candidates if c.sentence.startswith(start))


def test_draft_proposes_a_rejection_and_a_demand_with_parties_and_dates(registered):
    size = load(registered).size()
    candidates = draft(load(registered), BRIEFING)
    rejection = by_sentence(candidates, "On January 19, Putin rejected")
    # "On January 19, Putin rejected the 28-point plan as a basis for any talks." (the document is of 2026-01-20)
    assert (rejection.kind, rejection.asserted_by, rejection.assertion_mode) == ("Position", "dgr:putin", "Reported")
    assert (rejection.stated_on, rejection.date_precision) == ("2026-01-19", "DayPrecision")
    assert {m.entity for m in rejection.mentions} >= {"dgr:putin", "dgr:28-point-plan"}
    demand = by_sentence(candidates, "Russia again insists")
    assert (demand.kind, demand.asserted_by) == ("Demand", "dgr:russia")
    assert [m.entity for m in demand.mentions if m.entity in ("dgr:russia", "dgr:ukraine")] == ["dgr:russia",
                                                                                               "dgr:ukraine"]
    assert all(0 < c.confidence <= 1 for c in candidates)
    # the review file holds them; it is never loaded as facts
    assert "On January 19, Putin rejected" in review_file(registered.layout, BRIEFING).read_text()
    assert load(registered).size() == size


def test_spelling_variants_are_matched_closely_and_future_dates_are_not_statement_dates(project, tmp_path):
    text = tmp_path / "variants.txt"
    text.write_text("February 2, 2026\n\nOn January 30, Zelenskky rejected any talks about Zaporozhzhia.\n"
                    "Analysts say the talks could resume in March.\n")
    slug, _ = add_source(project.layout, text, title="Variants (made up)", day=date(2026, 2, 2))
    candidates = draft(load(project), slug)
    rejection = by_sentence(candidates, "On January 30")
    close = {m.entity: m.score for m in rejection.mentions}
    assert close["dgr:zelenskyy"] < 1 and close["dgr:zaporizhzhia"] < 1  # "Zelenskky", "Zaporozhzhia"
    assert rejection.stated_on == "2026-01-30"
    reading = by_sentence(candidates, "Analysts say")
    # what could happen in a month to come is forecast: a prediction (an assessment), the analysts' reading
    assert (reading.kind, reading.asserted_by, reading.assertion_mode) == ("Prediction", "dgr:analysts",
                                                                           "Interpretation")
    assert reading.stated_on is None  # "in March" is when talks could resume, not when analysts said so


def test_accepting_writes_a_validated_fact_and_it_is_not_proposed_again(registered):
    candidate = by_sentence(draft(load(registered), BRIEFING), "On January 19, Putin rejected")
    iri = accept(registered.layout, BRIEFING, candidate.id, label="Putin rejects the plan as a basis",
                 edits={"towards": "dgr:28-point-plan"})
    graph = load(registered)  # validates
    statement = DGR[iri.removeprefix("dgr:")]
    assert (statement, DG.holder, DGR.putin) in graph.dataset
    assert (statement, DG.stance, DG.Rejects) in graph.dataset
    assert str(graph.dataset.value(statement, DG.statedOn)) == "2026-01-19"
    assert not any(c.sentence.startswith("On January 19") for c in draft(graph, BRIEFING))  # now cited


def test_rejected_candidates_are_remembered(registered):
    candidate = by_sentence(draft(load(registered), BRIEFING), "Russia again insists")
    reject(registered.layout, BRIEFING, candidate.id)
    assert not any(c.id == candidate.id for c in draft(load(registered), BRIEFING))


def test_a_candidate_that_does_not_validate_is_refused_with_file_and_line_and_nothing_changes(registered):
    candidate = by_sentence(draft(load(registered), BRIEFING), "Russia again insists")
    sheet = registered.layout.documents_dir / f"{BRIEFING}.yaml"
    before = sheet.read_text()
    with pytest.raises(DataError) as raised:
        accept(registered.layout, BRIEFING, candidate.id, edits={"callsFor": "Withdrawl"})  # a typo
    message = str(raised.value)
    assert f"data/documents/{BRIEFING}.yaml:" in message and "Withdrawl" in message
    assert sheet.read_text() == before


def test_removing_a_document_removes_its_drafts_its_original_and_its_links(project):
    from diplograph.documents import remove_source

    page = Path(__file__).parent / "fixtures" / "made-up-saved-article.html"
    slug, _ = add_source(project.layout, page)  # title and date from the page
    graph = load(project)
    assert draft(graph, slug)
    drafts = review_file(project.layout, slug)
    original = project.layout.sources_dir / "originals" / f"{slug}.html"
    assert drafts.exists() and original.exists()
    moved, backup = remove_source(project.layout, slug)
    assert not drafts.exists() and not original.exists()
    assert {str(p.relative_to(backup)) for p in backup.rglob("*") if p.is_file()} == {
        f"documents/{slug}.yaml", f"sources/{slug}.txt", f"sources/originals/{slug}.html", f"review/{slug}.yaml"}
    after = load(project)
    assert str(after.dataset.namespace_manager.expand_curie(f"dgs:{slug}")) not in {str(g) for g in after.graphs()}


def test_names_the_graph_does_not_know_are_proposed_as_new_entities(project):
    page = Path(__file__).parent / "fixtures" / "made-up-saved-article.html"
    slug, _ = add_source(project.layout, page)
    observers = by_sentence(draft(load(project), slug), "Observers from the International Committee")
    assert "International Committee of the Red Cross" in observers.new_entities
    meeting = by_sentence(propose_all(project, slug), "Negotiators from Kyiv and Moscow met in Vienna")
    assert meeting.new_entities == ["Vienna"]  # Kyiv and Moscow are known; "Negotiators" merely opens the sentence


def propose_all(project, slug):
    from diplograph.drafting import propose

    return propose(load(project), slug, uncited_only=False)


def test_review_by_command_line_accepts_with_an_edit_and_rejects(registered):
    import subprocess
    import sys

    diplograph = Path(sys.executable).with_name("diplograph")
    where = ["--data", str(registered.layout.data), "--ontology", str(registered.layout.ontology)]
    drafted = subprocess.run([str(diplograph), "draft", BRIEFING, *where], capture_output=True, text=True,
                             timeout=120)
    assert drafted.returncode == 0 and "candidate(s) pending" in drafted.stderr
    piped = json.loads(drafted.stdout)  # piped, the candidates are JSON; the summary goes to standard error
    candidates = draft(load(registered), BRIEFING)
    assert sorted(c["id"] for c in piped) == sorted(c.id for c in candidates)
    rejection = by_sentence(candidates, "On January 19, Putin rejected")
    demand = by_sentence(candidates, "Russia again insists")
    accepted = subprocess.run([str(diplograph), "review", BRIEFING, "--accept", rejection.id, "--label",
                               "Putin rejects the plan", "--set", "towards=dgr:28-point-plan", *where],
                              capture_output=True, text=True, timeout=300)
    assert accepted.returncode == 0, accepted.stderr
    rejected = subprocess.run([str(diplograph), "review", BRIEFING, "--reject", demand.id, *where],
                              capture_output=True, text=True, timeout=120)
    assert rejected.returncode == 0
    listed = subprocess.run([str(diplograph), "review", BRIEFING, *where], capture_output=True, text=True,
                            timeout=120)
    assert rejection.id not in listed.stdout and demand.id not in listed.stdout
    graph = load(registered)
    assert (DGR[f"position-{rejection.id}"], DG.towards, DGR["28-point-plan"]) in graph.dataset


def test_a_line_is_read_through_its_list_lead_and_its_heading(graph):
    from diplograph.drafting import propose

    candidates = propose(graph, "2025-11-30-peace-talks-putin-conditions", uncited_only=False)
    # "President Volodymyr Zelenskyy repeatedly emphasizes three non-negotiable principles:" leads the list
    borders = by_sentence(candidates, "Restoration of internationally recognized borders")
    assert (borders.kind, borders.asserted_by, borders.assertion_mode) == ("Principle", "dgr:zelenskyy", "Reported")
    # under the heading "Analysts: Strategic rhetoric, not genuine peace"
    strains = by_sentence(candidates, "Russia is facing logistical strains")
    assert strains.asserted_by == "dgr:analysts"  # a bullet of the analysts' section, as the hand-made fact has it
    rhetoric = by_sentence(candidates, "Negotiation rhetoric could buy time")
    assert (rhetoric.kind, rhetoric.asserted_by) == ("Assessment", "dgr:analysts")
    # "Europe’s dilemma: stability or principle?" names Europe but gives it no floor: the author speaks on
    fatigue = by_sentence(candidates, "Western Europe is fatigued")
    assert fatigue.asserted_by == "dgr:author-2025-11-30-peace-talks-putin-conditions"
    # a place is no actor: "Territorial status of occupied regions" is nobody's demand
    status = by_sentence(candidates, "Territorial status of occupied regions")
    assert "dgr:occupied-territories-of-ukraine" in {m.entity for m in status.mentions}
    assert not any(m.actor for m in status.mentions) and status.assertion_mode == "FactualAssertion"


def test_a_new_official_is_accepted_as_a_person_with_an_affiliation_before_what_they_said(project, tmp_path):
    from diplograph.corpus import validate_files

    page = tmp_path / "2026-04-08-made-up-new-official.txt"
    page.write_text("MADE-UP TEST DOCUMENT — NOT A REAL SOURCE.\n\nApril 8, 2026\n\n"
                    "Ukrainian Deputy Foreign Minister Petro Marchuk said on Monday that Moscow must withdraw its "
                    "troops from the border regions.\n", encoding="utf-8")
    slug, sheet = add_source(project.layout, page, title="A new official (made up)", day=date(2026, 4, 8))
    candidates = draft(load(project), slug)
    affiliation = next(c for c in candidates if c.kind == "Affiliation")
    said = next(c for c in candidates if c.kind == "Demand")
    assert said.asserted_by == "dgr:petro-marchuk" and said.stated_on == "2026-04-06"
    with pytest.raises(DataError) as refused:  # what he said needs him in the graph first
        accept(project.layout, slug, said.id)
    assert "dg:demandedBy an actor" in str(refused.value) and f"{slug}.yaml:" in str(refused.value)
    accept(project.layout, slug, affiliation.id)
    accept(project.layout, slug, said.id)
    assert validate_files(project.layout) == []
    graph = load(project)
    person = DGR["petro-marchuk"]
    assert (person, RDF.type, DG.Person) in graph.dataset
    [held] = graph.dataset.subjects(DG.member, person)
    assert graph.dataset.value(held, DG.affiliatedWith) == DGR.ukraine
    assert str(graph.dataset.value(held, DG.role)) == "Deputy Foreign Minister"
    assert graph.dataset.value(DGR[f"demand-{said.id}"], DG.demandedBy) == person


def test_a_list_lead_is_drafted_as_the_statements_it_introduces(project, tmp_path):
    page = tmp_path / "2026-05-02-made-up-list-leads.txt"
    page.write_text("MADE-UP TEST DOCUMENT — NOT A REAL SOURCE.\n\nMay 2, 2026\n\n"
                    "Kyiv sets out its red lines for the summit:\n\n"
                    "• No recognition of annexed land in any form\n"
                    "• Sanctions stay until the last soldier has left\n\n"
                    "The leaked draft would have grave consequences:\n\n"
                    "• Ukraine would lose its leverage before any talks\n", encoding="utf-8")
    slug, _ = add_source(project.layout, page, title="List leads (made up)", day=date(2026, 5, 2))
    candidates = propose(load(project), slug)
    red_lines = by_sentence(candidates, "Kyiv sets out its red lines")
    point = by_sentence(candidates, "No recognition of annexed land")
    assert (point.kind, point.asserted_by) == ("Principle", "dgr:ukraine")
    assert (red_lines.kind, red_lines.asserted_by, red_lines.assertion_mode) == (
        point.kind, point.asserted_by, point.assertion_mode)
    consequences = by_sentence(candidates, "The leaked draft would have grave consequences")
    assert (consequences.kind, consequences.assertion_mode) == ("Assessment", "Judgement")
    assert not consequences.asserted_by.startswith(("dgr:ukraine", "dgr:russia"))  # the author's, not a party's


def test_drafts_of_unnamed_sources_readers_and_a_respelt_name_are_offered_audit_clean(project, tmp_path):
    """Three classes the audit flagged though drafting had read them right: words from sources the page does not
    name (the page vouches, its author asserts, reported), a reading given to "scholars" (the analysts' words), a
    speaker named in another spelling than the graph's ("Zelenskiy")."""
    from diplograph.vetting import vet

    text = tmp_path / "clean.txt"
    text.write_text("March 9, 2026\n\n"
                    "People familiar with the talks said Brussels would soon table a new sanctions package.\n"
                    "Scholars at a made-up Oslo centre argue that the truce is likely to fray by autumn.\n"
                    "Zelenskiy insisted on Friday that Kyiv will never cede Crimea.\n")
    slug, _ = add_source(project.layout, text, title="Clean drafts (made up)", day=date(2026, 3, 9))
    graph = load(project)
    candidates = vet(graph, slug, propose(graph, slug, uncited_only=False))
    unnamed = by_sentence(candidates, "People familiar")
    reading = by_sentence(candidates, "Scholars at")
    respelt = by_sentence(candidates, "Zelenskiy insisted")
    assert (unnamed.asserted_by, unnamed.assertion_mode) == (f"dgr:author-{slug}", "Reported")
    assert (reading.asserted_by, reading.assertion_mode) == ("dgr:analysts", "Interpretation")
    assert respelt.asserted_by == "dgr:zelenskyy"
    assert (unnamed.findings, reading.findings, respelt.findings) == ([], [], [])


def test_a_reporting_word_that_opens_a_headline_is_a_noun_not_a_speaker():
    from diplograph.reporting import voice

    assert voice("Warnings and refusals before the Vienna round").kind == "none"
    assert voice("Vienna warned that the round would fail.").verb == "warned"


def test_a_point_under_parties_firm_line_is_their_principle(project, tmp_path):
    """A lead in which named parties "maintain a firm line:" lists what they hold: each point is their principle."""
    text = tmp_path / "line.txt"
    text.write_text("March 10, 2026\n\nPoland and Finland maintain a firm line:\n\n"
                    "No border may be redrawn by force.\n")
    slug, _ = add_source(project.layout, text, title="A firm line (made up)", day=date(2026, 3, 10))
    point = by_sentence(propose_all(project, slug), "No border")
    assert (point.kind, point.asserted_by, point.assertion_mode) == ("Principle", "dgr:poland", "Reported")


def test_a_party_named_inside_a_phrase_of_the_lead_does_not_hold_its_principles(project, tmp_path):
    """"Neighbours wary of Moscow's intentions — Finland above all — keep a common line:": the line is Finland's;
    Moscow is what the neighbours are wary of."""
    text = tmp_path / "wary.txt"
    text.write_text("April 2, 2026\n\nNeighbours wary of Moscow's intentions — Finland above all — keep a common line:"
                    "\n\nNo sanctions may be lifted before a withdrawal.\n")
    slug, _ = add_source(project.layout, text, title="A common line (made up)", day=date(2026, 4, 2))
    point = by_sentence(propose_all(project, slug), "No sanctions")
    assert (point.kind, point.asserted_by) == ("Principle", "dgr:finland")


def test_a_new_name_is_proposed_without_its_article_or_possessive():
    """A capitalised phrase the graph does not know is proposed as a name: not "the Kremlin" after a weekday, nor
    "Poland's" when Poland is known."""
    from diplograph.mentions import unknown_names

    assert unknown_names("On Friday the Vatican envoy Marco Rossi met Poland's minister.", ["Poland"]) == \
        ["Vatican", "Marco Rossi"]


def test_a_pronoun_speaks_for_the_party_who_spoke_just_before(project, tmp_path):
    """"They warned that …" after a sentence Finland speaks in is Finland's; a pronoun with no party speaking
    before it is left to the source to vouch for, not given to whoever is named in its words."""
    text = tmp_path / "pronoun.txt"
    text.write_text("April 9, 2026\n\nHe warned that Moscow would reject any ceasefire proposal.\n\n"
                    "Finland demanded that Russia withdraw from the border areas. They also warned that the talks "
                    "would fail without guarantees.\n")
    slug, _ = add_source(project.layout, text, title="Who warned (made up)", day=date(2026, 4, 9))
    candidates = propose_all(project, slug)
    after = by_sentence(candidates, "They also warned")
    assert (after.asserted_by, after.assertion_mode) == ("dgr:finland", "Reported")
    alone = by_sentence(candidates, "He warned")
    assert alone.asserted_by != "dgr:russia" and "no party spoke just before" in alone.rule


def test_a_drafted_demand_concerns_the_territory_its_words_name(project):
    """What a demand is about besides its parties — a territory the sentence names — is proposed as dg:concerns,
    not left out; the parties keep their own places."""
    from diplograph.drafting import draft_sentence
    from diplograph.review import proposed_fact

    candidate = draft_sentence(load(project), "Poland demanded on Friday that Moscow pull its troops out of the "
                               "Donbas.", date(2026, 5, 8))
    fact = proposed_fact(candidate, "a-made-up-page")
    assert (fact["type"], fact["demandedBy"], fact["demandedOf"]) == ("Demand", "dgr:poland", "dgr:russia")
    assert fact["concerns"] == ["dgr:donbas"]


def test_a_rejection_of_the_demand_is_drafted_towards_that_demand_and_accepted_after_it(project, tmp_path):
    """"Kyiv turned the demand down" is a position towards the demand drafted from an earlier sentence; accepted
    in reading order, both validate; a sentence referring back to nothing read before refers to nothing."""
    from diplograph.review import accept, proposed_fact

    text = tmp_path / "referring.txt"
    text.write_text("May 12, 2026\n\nKyiv rejected the plan outright.\n\n"
                    "On Monday, Poland demanded that Russia withdraw its troops from Zaporizhzhia.\n\n"
                    "Kyiv rejected the demand on Tuesday as too timid.\n")
    slug, _ = add_source(project.layout, text, title="Back and forth (made up)", day=date(2026, 5, 12))
    candidates = draft(load(project), slug)
    demand, answer = by_sentence(candidates, "On Monday, Poland"), by_sentence(candidates, "Kyiv rejected the demand")
    assert proposed_fact(answer, slug)["towards"] == f"dgr:demand-{demand.id}"
    assert proposed_fact(by_sentence(candidates, "Kyiv rejected the plan"), slug).get("towards") is None
    with pytest.raises(DataError, match=f"demand-{demand.id} is referred to"):  # the demand is not in the sheet yet
        accept(project.layout, slug, answer.id)
    accept(project.layout, slug, demand.id)
    assert accept(project.layout, slug, answer.id) == f"dgr:position-{answer.id}"


def test_only_a_word_for_a_statement_after_a_determiner_refers_back():
    """"the demand", "this new plan" refer back; "said that Kyiv demands" (a clause) and "a demand" do not."""
    from diplograph.graph import KnowledgeGraph
    from diplograph.referring import Earlier
    from diplograph.review import Candidate

    earlier = Earlier(KnowledgeGraph.open(), "2026-01-20-made-up-moscow-briefing")  # a name no graph holds
    earlier.drafted(Candidate(id="0123456789", sentence="Finland demanded that Russia withdraw.", kind="Demand",
                              asserted_by="dgr:finland", assertion_mode="Reported", rule="a test"))
    assert [m.entity for m in earlier.referents("Kyiv rejected the demand.")] == ["dgr:demand-0123456789"]
    assert earlier.referents("Moscow said that Kyiv demands too much.") == []
    assert earlier.referents("Kyiv made a demand of its own.") == []
    assert earlier.referents("Kyiv rejected this new plan.") == []  # a plan is a proposal: none was read
