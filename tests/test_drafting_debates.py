"""The classes the two-hundred-and-forty-third to -fifth made-up pages (a fact check, a debate in a parliament, an
editorial) showed, each pinned on sentences of their own: a claim shared on social media is no party's; what a post
leaves out, who would suffer first and what a party should do are the author's judgement; a deployment "only after"
a condition demands it; members named by their political party, backbenchers too, are no party, for the drafter and
the audit alike; "too early to give a number" is a stance; "the government" on a page filed in a capital is that
state's.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_paragraphs

from diplograph.kinds import kind_of


def test_a_claim_shared_on_social_media_is_no_partys(project, tmp_path):
    sentence = "The rumour, circulated widely online this month, says Minsk has closed its border with Poland."
    candidate = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 6, 14))[sentence]
    assert candidate.asserted_by.startswith("dgr:author") and candidate.assertion_mode == "Reported"
    assert candidate.findings == []  # the page vouches for what no party's post says: no one is left unnamed


def test_what_a_post_leaves_out_and_who_would_suffer_first_are_the_authors_judgement():
    assert drafted_alone("The video glosses over the shelling that came before it.")[::2] == ("Assessment", "Judgement")
    assert drafted_alone("Farmers in Odesa would be the first to suffer.")[::2] == ("Assessment", "Judgement")


def test_what_a_party_should_do_in_the_authors_voice_is_the_authors_judgement():
    assert drafted_alone("Berlin should refuse.")[::2] == ("Assessment", "Judgement")


def test_deploying_only_after_a_condition_demands_it():
    assert kind_of("Paris said French troops would deploy only after a ceasefire was signed.") == "Demand"


def test_members_named_by_their_party_are_no_party_and_audit_clean_as_drafted(project, tmp_path):
    pressed = "Several Labour MPs pressed the minister to publish the cost of the mission."
    warned = "Conservative backbenchers warned that the mission would drag on for years."
    drafted = drafted_paragraphs(project, tmp_path, pressed, warned, day=date(2028, 6, 14))
    for sentence in (pressed, warned):
        candidate = drafted[sentence]
        assert candidate.asserted_by.startswith("dgr:author") and candidate.findings == []


def test_too_early_to_give_a_number_is_a_stance():
    assert kind_of("The minister said it was too early to give a number.") == "Position"


def test_the_government_on_a_page_filed_in_a_capital_is_that_states(project, tmp_path):
    later = "The government has said any deployment would need a vote in parliament."
    first = "OSLO, 14 June — Russia's ambassador called the plan a provocation."
    drafted = drafted_paragraphs(project, tmp_path, first, later, day=date(2028, 6, 14))
    assert drafted[later].asserted_by == "dgr:norway"
