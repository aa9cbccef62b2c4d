"""The classes the hundred-and-eighty-ninth to hundred-and-ninety-first made-up pages (a force planned by two
governments, a think tank's report, sanctions on firms) showed, each pinned on sentences and pages of their own:
"drawing up plans for" proposes, and what a planned force "would" do are its terms; "the two governments said" gives
the words to the parties the sentence names; the authors of a report "recommend" as readers, and "they also find"
goes on in their reading; "the findings" refers back to what was found; "firms it accuses of" gives the words to the
sentence's subject, for the drafter and the audit alike; a warning that those who act "will pay a price" is a
stance; a planned force's words are a peacekeeping force's; "Treasury Secretary" is an office of the United States.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.review import accept
from diplograph.wording import papers_terms


def test_drawing_up_plans_proposes_and_a_planned_forces_terms_are_its_plan():
    assert kind_of("Italy and Spain are drawing up plans for a naval mission in the Black Sea.") == "Proposal"
    assert papers_terms("The mission would not escort warships but would monitor the grain corridor.")
    assert not papers_terms("The minister would not escort the visitors.")


def test_the_two_governments_speak_as_the_parties_the_sentence_names():
    kind, asserter, mode = drafted_alone("Italy and Spain will hold joint naval drills in May, the two governments "
                                         "said on Friday.")
    assert asserter in ("dgr:italy", "dgr:spain") and mode == "Reported"


def test_a_reports_authors_recommend_as_readers_and_they_go_on_reading(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Grain exports through the Danube fell by a third last year, according to a study "
        "published on Monday by a made-up Bucharest institute.",
        "The authors recommend that Romania and Moldova open a second rail crossing.",
        "They also find that insurance costs have doubled since the spring.",
        "Moldova's economy ministry dismissed the findings as exaggerated.",
        day=date(2027, 6, 22))
    for sentence in ("The authors recommend that Romania and Moldova open a second rail crossing.",
                     "They also find that insurance costs have doubled since the spring."):
        read = drafted[sentence]
        assert (read.kind, read.asserted_by, read.assertion_mode) == ("Assessment", "dgr:analysts",
                                                                      "Interpretation"), sentence
    dismissed = drafted["Moldova's economy ministry dismissed the findings as exaggerated."]
    found = drafted["They also find that insurance costs have doubled since the spring."]
    assert f"dgr:assessment-{found.id}" in {m.entity for m in dismissed.mentions}


def test_firms_it_accuses_give_the_words_to_the_sentences_subject(project, tmp_path):
    sentence = ("Britain on Tuesday imposed sanctions on six Turkish companies it accuses of shipping machine tools "
                "to Russia.")
    assert drafted_alone(sentence)[1] == "dgr:united-kingdom"
    from helpers import drafted_page

    name, drafted = drafted_page(project.layout, tmp_path, sentence + "\n", title="Sanctions (made up)",
                                 day=date(2027, 6, 23))
    assert drafted[sentence].findings == []  # the audit reads the same speaker
    accept(project.layout, name, drafted[sentence].id)


def test_a_warning_that_those_who_act_will_pay_is_a_stance():
    assert kind_of("\"Anyone who helps Moscow evade the embargo will pay a heavy price,\" the minister said.") == \
        "Position"
    assert kind_of("Those who break the truce will face consequences, the envoy warned.") == "Position"


def test_a_planned_force_and_the_treasury_secretary():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:PeacekeepingForce" in gazetteer.measures_in("Canada may join a multinational force for Ukraine.")
    drafted = draft_sentence(KnowledgeGraph.open(), "The Treasury Secretary said the list would grow.")
    assert "dgr:united-states" in {m.entity for m in drafted.mentions}
