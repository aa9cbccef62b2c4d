"""The classes the thirty-fourth to thirty-ninth made-up pages (a council debate, two leaders' addresses, a think
tank's brief, live updates, a column in the first person, a joint declaration and its conditions) showed, each
pinned on sentences of their own: an interpretive word in what a named speaker is
reported to say is the speaker's reading, not the author's; asking someone to act demands the act; a pronoun
before a verb joined to the reporting one ("She praised … and asked …") speaks, not a party named in between;
"is expected" with a time to come predicts; "this week" dates nothing; a title whose words no named party says
frames; circulating a plan proposes it, and "Under the proposal, …" gives its terms, its proposer's; conditions set
out without a determiner are demanded; "their statement" is the parties named before, and so are its points;
criticising rejects; what may happen by a time to come predicts; what a speaker says it will do is its position;
"In my experience" is the author's; the subject of a verb joined to the reporting one speaks, for the drafter and
the audit alike; a veto of any text that does not say something demands it; "the Emirates" are the UAE.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.dating import date_of
from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _drafted(sentence: str):
    return drafted_alone(sentence)


def _page(project, folder, *paragraphs: str) -> dict:
    return drafted_paragraphs(project, folder, *paragraphs, day=date(2027, 2, 10))


def test_an_interpretive_word_in_a_speakers_words_is_the_speakers_reading():
    assert _drafted("Germany's chancellor described the strikes as an attempt to break the will of Ukrainians.")[1:] \
        == ("dgr:germany", "Reported")
    # before the reporting verb it is the writer's: "in effect" frames what Moscow did
    assert _drafted("In effect, Moscow rejected the offer.")[2] == "Interpretation"


def test_asking_someone_to_act_demands_the_act():
    assert kind_of("The minister asked Brussels to speed up the accession talks.") == "Demand"
    assert _drafted("Moldova's president asked the European Union to speed up the accession talks.")[:2] == \
        ("Demand", "dgr:moldova")


def test_a_pronoun_before_a_joined_verb_speaks_not_the_party_named_between(project, tmp_path):
    drafted = _page(project, tmp_path, "Finland's president said on Monday that Helsinki would keep its border "
                    "closed.", "She praised German support and asked Berlin to send more air defence systems.")
    asked = drafted["She praised German support and asked Berlin to send more air defence systems."]
    assert (asked.kind, asked.asserted_by, asked.assertion_mode) == ("Demand", "dgr:finland", "Reported")


def test_expected_with_a_time_to_come_predicts_and_is_the_authors_when_no_one_says_it():
    for sentence in ("A decision is expected next month.", "New talks are expected within weeks."):
        assert kind_of(sentence) == "Prediction", sentence
    kind, _, mode = _drafted("A ruling is expected later this year.")
    assert (kind, mode) == ("Prediction", "Judgement")


def test_this_week_gives_neither_a_day_nor_a_month():
    for sentence in ("Kyiv said this week that it would not attend the summit.",
                     "Budapest signalled last week that it would lift its veto."):
        assert date_of(sentence, date(2027, 2, 10)) == (None, None), sentence
    assert date_of("Kyiv said on Monday that it would not attend.", date(2027, 2, 10)) == ("2027-02-08", "DayPrecision")


def test_a_title_no_named_party_says_frames(project, tmp_path):
    drafted = _page(project, tmp_path, "Ministers trade warnings over the grain corridor",
                    "Turkey said on Monday that it would host new talks.")
    title = drafted["Ministers trade warnings over the grain corridor"]
    assert (title.kind, title.assertion_mode) == ("Assessment", "Framing")


def test_circulating_a_plan_proposes_it_and_its_terms_are_its_proposers(project, tmp_path):
    assert kind_of("Qatar circulated a draft framework for talks on shipping.") == "Proposal"
    drafted = _page(project, tmp_path, "Switzerland proposed a plan for an exchange of prisoners on Monday.",
                    "Under the proposal, both sides would first release the wounded.")
    terms = drafted["Under the proposal, both sides would first release the wounded."]
    assert (terms.kind, terms.asserted_by, terms.assertion_mode) == ("Proposal", "dgr:switzerland", "Reported")


def test_conditions_set_out_are_demanded_and_their_statements_points_are_the_parties_named_before(project,
                                                                                                   tmp_path):
    for sentence in ("Estonia sets out conditions for new sanctions", "Ministers set out three conditions:"):
        assert kind_of(sentence) == "Demand", sentence
    drafted = _page(project, tmp_path, "The leaders of Finland and Estonia met in Tallinn on Monday and issued a "
                    "joint statement.", "Their statement sets out two conditions for a truce:",
                    "- the return of deported children;", "- an exchange of all prisoners.")
    for sentence in ("Their statement sets out two conditions for a truce:", "the return of deported children;",
                     "an exchange of all prisoners."):
        found = drafted[sentence]
        assert (found.kind, found.asserted_by, found.assertion_mode) == ("Demand", "dgr:finland", "Reported"), sentence


def test_criticising_rejects_and_what_may_happen_by_a_time_to_come_predicts():
    assert _drafted("Slovakia's prime minister criticised the sanctions package as harmful.")[:2] == \
        ("Position", "dgr:slovakia")
    assert kind_of("Officials said a deal could be signed by the end of the month.") == "Prediction"
    assert kind_of("Negotiators may meet again soon, the mediator said.") == "Prediction"


def test_what_a_speaker_says_it_will_do_is_its_position_and_a_conditional_veto_demands():
    for sentence in ("Finland said it would extend the border closure.",
                     "Japan has signalled that it will send more aid."):
        assert kind_of(sentence) == "Position", sentence
    assert kind_of("China said it would veto any resolution that did not mention the sanctions.") == "Demand"


def test_in_my_experience_is_the_authors_voice():
    assert voice("In my experience, such talks rarely succeed.").kind == "author"


def test_the_subject_of_a_joined_verb_speaks_for_the_drafter_and_the_audit(project, tmp_path):
    sentence = "Poland's president praised the Baltic states for their support and called for more air defence."
    drafted = _page(project, tmp_path, sentence)[sentence]
    assert drafted.asserted_by == "dgr:poland"
    assert not [f for f in drafted.findings if "speaker-not-asserter" in f]  # the audit reads the speaker alike


def test_the_emirates_are_the_uae():
    drafted = draft_sentence(KnowledgeGraph.open(), "Kyiv thanked the Emirates for hosting the talks.")
    assert "dgr:united-arab-emirates" in {m.entity for m in drafted.mentions}
