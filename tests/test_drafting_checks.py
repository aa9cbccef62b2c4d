"""The classes the twenty-third to twenty-fifth made-up pages (an explainer of questions, a parliament's debate, a
fact check) showed, each pinned on sentences of their own: a question the page asks frames whatever verb it holds;
a short whole sentence ("That is wrong.") is a statement; a verdict on a claim is the author's judgement; "his
office", "her spokeswoman" speak for whoever spoke just before; observers sent are no readers; a call on someone
to act demands the act; "will keep backing" supports; "will only sign on the basis of" demands the basis; a
speaker who claims or accuses makes a claim; an opposition leader, a lawmaker, a senator are people with an office.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_page

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import roles
from diplograph.reporting import reader_voice
from diplograph.stances import stance_of
from diplograph.wording import asks


def test_a_question_the_page_asks_frames_whatever_verb_it_holds():
    graph = KnowledgeGraph.open()
    for question in ("How did Warsaw respond?", "Quick take: will Ankara host the talks?",
                     "Why does Moscow reject the plan?"):
        drafted = draft_sentence(graph, question, author="https://w3id.org/diplograph/id/author-x")
        assert (drafted.kind, drafted.assertion_mode, drafted.asserted_by) == \
            ("Assessment", "Framing", "dgr:author-x"), question
    assert not asks("Poland asked whether the talks would resume.")
    assert not asks("“Why now?” said the Polish minister.")


def test_short_verdicts_are_statements_and_the_authors_judgements(project, tmp_path):
    slug, drafted = drafted_page(project.layout, tmp_path, "Claim checked: Warsaw has stopped all arms deliveries "
                                 "to Kyiv.\n\nThis is wrong.\n\nRating: false.\n\n"
                                 "The statement overlooks three deliveries made in May.\n\nRead more\n",
                                 title="A check (made up)", day=date(2026, 6, 5))
    assert "Read more" not in drafted  # a short line without its stop: furniture
    for verdict in ("This is wrong.", "Rating: false.", "The statement overlooks three deliveries made in May."):
        candidate = drafted[verdict]
        assert (candidate.kind, candidate.assertion_mode) == ("Assessment", "Judgement"), verdict
        assert candidate.asserted_by == f"dgr:author-{slug}"


def test_his_office_and_her_spokeswoman_speak_for_the_speaker_before(project, tmp_path):
    _, drafted = drafted_page(project.layout, tmp_path, "Poland's foreign minister said on Monday that Warsaw would "
                              "back a mission in Moldova.\n\nHis office rejected Russia's objections as "
                              "interference.\n\nHer spokeswoman said the mission could start in spring.\n",
                              title="Offices (made up)", day=date(2026, 6, 10))
    office = drafted["His office rejected Russia's objections as interference."]
    assert (office.kind, office.asserted_by, office.derived_by) == ("Position", "dgr:poland", "ReferentFromContext")
    assert drafted["Her spokeswoman said the mission could start in spring."].asserted_by == "dgr:poland"


def test_observers_sent_are_no_readers_but_analysts_cited_are():
    assert not reader_voice("Finland has offered to send observers, according to officials in Helsinki.")
    assert reader_voice("According to analysts at a Vienna institute, the truce will hold.")
    drafted = draft_sentence(KnowledgeGraph.open(),
                             "Finland has offered to send observers, according to officials in Helsinki.")
    assert (drafted.kind, drafted.assertion_mode) == ("Proposal", "Reported")


def test_a_call_to_act_a_kept_support_a_basis_and_a_claim():
    assert kind_of("The senator called on Washington to propose new sanctions.") == "Demand"
    assert kind_of("Paris urged Brussels to offer more air defence.") == "Demand"
    assert (kind_of("Rome will keep backing Kyiv in the talks."),
            stance_of("Rome will keep backing Kyiv in the talks.")) == ("Position", "Supports")
    assert kind_of("Minsk continues to support the Russian plan.") == "Position"
    assert kind_of("Tehran would sign only on the basis of a lifted embargo.") == "Demand"
    graph = KnowledgeGraph.open()
    claimed = draft_sentence(graph, "A Belarusian news anchor claimed that Poland had rejected every proposal "
                                    "put forward since spring.")
    assert claimed.kind == "Claim"
    accused = draft_sentence(graph, "Hungary accused the EU of blocking a deal proposed by Turkey.")
    assert (accused.kind, accused.asserted_by) == ("Claim", "dgr:hungary")


def test_an_opposition_leader_a_lawmaker_and_a_senator_have_offices():
    found = [(r.office, r.name) for sentence in ("Opposition leader Karl Madeupsson demanded new elections.",
                                                 "Lawmaker Anna Madeupska voted against the package.",
                                                 "US Senator John Madeupford said aid would continue.")
             for r in roles(sentence)]
    assert found == [("Opposition leader", "Karl Madeupsson"), ("Lawmaker", "Anna Madeupska"),
                     ("US Senator", "John Madeupford")]


def test_a_participle_after_a_noun_reports_nothing():
    """"the sanctions announced by the EU", "three deliveries announced in May": the verb qualifies the noun; "The
    ministry said on Monday that …" and "The foreign ministry announced in May that …" still report."""
    from diplograph.reporting import voice

    assert voice("Madrid welcomed the sanctions announced by Brussels last week.").verb == "welcomed"
    assert voice("The report omits two shipments confirmed in April.").kind == "none"
    assert voice("The ministry said on Monday that the talks would resume.").verb == "said"
    assert voice("The foreign ministry announced in May that it would send observers.").verb == "announced"
    judged = draft_sentence(KnowledgeGraph.open(), "The report omits two shipments confirmed in April.",
                            author="https://w3id.org/diplograph/id/author-x")
    assert (judged.kind, judged.assertion_mode) == ("Assessment", "Judgement")


def test_a_compound_names_who_did_it():
    from diplograph.gazetteer import gazetteer_of
    from diplograph.mentions import mentions

    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("Minsk rejected the Turkish-brokered grain deal.", gazetteer)] == \
        ["dgr:belarus", "dgr:turkey"]
    assert [m.entity for m in mentions("Kyiv studied the Qatari-mediated exchange.", gazetteer)] == \
        ["dgr:ukraine", "dgr:qatar"]
    assert mentions("A State-led effort and a well-made plan.", gazetteer) == []  # no party's name before the hyphen
