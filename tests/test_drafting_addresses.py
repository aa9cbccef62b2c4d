"""The classes the thirty-fourth to thirty-sixth made-up pages (a council debate, two leaders' addresses, a think
tank's brief) showed, each pinned on sentences of their own: an interpretive word in what a named speaker is
reported to say is the speaker's reading, not the author's; asking someone to act demands the act; a pronoun
before a verb joined to the reporting one ("She praised … and asked …") speaks, not a party named in between;
"is expected" with a time to come predicts; "this week" dates nothing; a title whose words no named party says
frames; circulating a plan proposes it, and "Under the proposal, …" gives its terms, its proposer's.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_page

from diplograph.dating import date_of
from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.reporting import kind_of

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _drafted(sentence: str):
    drafted = draft_sentence(KnowledgeGraph.open(), sentence, author=AUTHOR)
    return drafted.kind, drafted.asserted_by, drafted.assertion_mode


def _page(project, folder, *paragraphs: str) -> dict:
    return drafted_page(project.layout, folder, "\n\n".join(paragraphs) + "\n", title="A page (made up)",
                        day=date(2027, 2, 10))[1]


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
