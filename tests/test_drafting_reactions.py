"""The classes the twenty-sixth to twenty-eighth made-up pages (a round-up of reactions posted online, a prisoner
exchange, a ministry's list of terms) showed, each pinned on sentences of their own: words written or posted
("wrote on X that", "tweeted", "in a post on Telegram … blamed") are reported, and blaming is a claim; expecting
someone to act, or another of something, predicts; a characterization in quotes is a verdict; "the list repeats
demands Moscow made" tells of demands and makes none; "In our reading" is the author's; terms set out are
demanded; "its experts" are someone's own, not the analysts; a lead "Kyiv must:" names who is to do each point.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_page

from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _page(project, folder, *paragraphs: str) -> dict:
    """The candidates of a made-up page of ``paragraphs``, added and drafted as a user would, by sentence."""
    return drafted_page(project.layout, folder, "\n\n".join(paragraphs) + "\n", title="A page (made up)",
                        day=date(2026, 7, 3))[1]


def _drafted(sentence: str):
    drafted = draft_sentence(KnowledgeGraph.open(), sentence, author=AUTHOR)
    return drafted.kind, drafted.asserted_by, drafted.assertion_mode


def test_words_written_or_posted_are_reported_and_blaming_is_a_claim():
    assert _drafted("Finland's president wrote on X that the talks had failed.") == \
        ("Claim", "dgr:finland", "Reported")
    assert _drafted("The Polish foreign ministry tweeted that Warsaw would not recognise the vote.")[1:] == \
        ("dgr:poland", "Reported")
    assert _drafted("In a post on Facebook, a senior Turkish official blamed Moscow for the blackout.") == \
        ("Claim", "dgr:turkey", "Reported")
    # a statement posted somewhere is a noun and its participle: the verb that reports is the one after it
    posted = draft_sentence(KnowledgeGraph.open(), "In a statement posted on X, the Polish presidency accused "
                            "Moscow of lying.", author=AUTHOR)
    assert (posted.kind, posted.asserted_by) == ("Claim", "dgr:poland")


def test_expecting_someone_to_act_or_another_of_something_predicts():
    for sentence in ("Diplomats in Vienna expect the OSCE to extend its mission in the spring.",
                     "Officials in Ankara expect another meeting of the delegations before March.",
                     "Analysts expect Berlin to approve the package."):
        assert kind_of(sentence) == "Prediction", sentence
    kind, asserter, mode = _drafted("Officials in Ankara expect another meeting of the delegations before March.")
    assert (kind, asserter, mode) == ("Prediction", "dgr:turkey", "Reported")


def test_a_characterization_in_quotes_is_a_verdict_of_the_speaker():
    assert _drafted('Poland\'s prime minister called the plan "a trap, not a deal".') == \
        ("Assessment", "dgr:poland", "Reported")


def test_a_verb_telling_of_demands_reports_none_and_a_noun_made_by_a_party_is_no_demand():
    assert voice("The report repeats claims Kyiv made in 2023.").kind == "none"
    assert kind_of("The note repeats demands Moscow made last year.") is None
    assert _drafted("The note repeats demands Moscow made last year.") == \
        ("Claim", AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:"), "FactualAssertion")
    # still the party's, when it is the subject and nothing else reports it
    assert _drafted("Russia repeated demands that Kyiv withdraw from Zaporizhzhia.")[:2] == ("Demand", "dgr:russia")
    assert kind_of("Moscow demands that Kyiv withdraw its troops.") == "Demand"


def test_in_our_reading_is_the_authors_judgement_and_terms_set_out_are_demanded():
    assert _drafted("In our reading, the offer leaves Kyiv little room.") == \
        ("Assessment", AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:"), "Judgement")
    for headline in ("Kremlin lays out its conditions for a truce", "Warsaw sets out new terms for the mission"):
        assert kind_of(headline) == "Demand", headline


def test_its_experts_are_someone_s_own_and_a_lead_names_who_is_to_act(project, tmp_path):
    drafted = _page(project, tmp_path, "The OSCE said its experts had found no breach of the truce.",
                    "Moscow published its conditions on Friday.", "According to the text, Kyiv must:",
                    "- withdraw its forces from Zaporizhzhia;\n- hold elections within a year.")
    experts = drafted["The OSCE said its experts had found no breach of the truce."]
    assert "dgr:analysts" not in {m.entity for m in experts.mentions}
    for point in ("withdraw its forces from Zaporizhzhia;", "hold elections within a year."):
        assert "dgr:ukraine" in {m.entity for m in drafted[point].mentions}, point


# --------------------------------------------------------------------------- the twenty-ninth to thirty-first pages
# (two governments' readouts of a call, an opinion poll, an offer to host talks on shipping)


def test_both_governments_speak_as_the_parties_the_sentence_names():
    kind, asserter, mode = _drafted("The Polish and Finnish prime ministers met in Tallinn on Friday, according to "
                                    "statements released by both governments.")
    assert asserter in ("dgr:poland", "dgr:finland") and mode == "Reported"


def test_asking_for_demands_working_toward_supports_and_not_ready_to_rejects():
    assert kind_of("Warsaw's readout said the prime minister had asked for air defence before winter.") == "Demand"
    assert kind_of("The two ministers agreed to keep working toward a ceasefire.") == "Position"
    assert _drafted("A Finnish official said that Helsinki was not ready to send troops.")[0] == "Position"
    # taking part only on a condition demands the condition
    assert kind_of("Ankara said it would only attend if the sanctions on its banks were lifted.") == "Demand"


def test_a_share_of_a_people_is_the_public_a_poll_asked_not_the_state():
    kind, asserter, _ = _drafted("Most Poles oppose sending troops, survey finds")
    assert asserter == AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")
    _, asserter, mode = _drafted("Seventy per cent of Finns back the mission, according to a survey published by a "
                                 "Helsinki polling institute.")
    assert (asserter, mode) == (AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:"), "Reported")
    assert _drafted("The Russians rejected the plan.")[1] == "dgr:russia"  # a side, not a share of a people
    assert _drafted("Some diplomats doubt that the truce will hold.")[1] == "dgr:diplomats"


def test_a_one_word_verdict_and_a_caution_are_reported():
    assert _drafted("Polish officials have repeatedly called such claims nonsense.") == \
        ("Assessment", "dgr:poland", "Reported")
    assert kind_of("He called the meeting on Tuesday.") is None  # a meeting called: no verdict
    kind, asserter, mode = _drafted("Analysts caution that the truce could collapse within weeks.")
    assert (asserter, mode) == ("dgr:analysts", "Interpretation")


def test_a_plan_of_the_page_welcomed_as_the_offer_is_named_there(project, tmp_path):
    drafted = _page(project, tmp_path, "Switzerland said on Monday that it was ready to host talks on prisoner "
                    "exchanges.", "The OSCE welcomed the offer.")
    welcome = drafted["The OSCE welcomed the offer."]
    assert (welcome.kind, welcome.asserted_by) == ("Position", "dgr:osce")
    assert not welcome.findings, welcome.findings  # the audit sees "the offer" name the plan it refers to


# --------------------------------------------------------------------------- the thirty-second and third pages
# (a monitoring mission's report, a veto in the EU's council)


def test_a_body_named_by_what_it_is_speaks_as_the_organisation_named_near_it(project, tmp_path):
    drafted = _page(project, tmp_path, "NATO ministers met in Brussels on Monday.",
                    "Poland's defence minister said Warsaw would send more troops.",
                    "The alliance's secretary general said the talks had been useful.",
                    "IAEA inspectors visited the plant on Tuesday, the organisation said.")
    chief = drafted["The alliance's secretary general said the talks had been useful."]
    assert (chief.asserted_by, chief.derived_by) == ("dgr:nato", "ReferentFromContext")  # not Poland, just before
    assert drafted["IAEA inspectors visited the plant on Tuesday, the organisation said."].asserted_by == "dgr:iaea"


def test_denying_an_allegation_rejects_it_and_would_not_support_rejects():
    assert kind_of("Minsk denied the accusation on Friday.") == "Position"
    assert kind_of("The Kremlin denies that its forces target civilians.") != "Position"  # a claim of its own
    assert kind_of("Bratislava said it would not support new measures.") == "Position"


def test_hoping_to_act_looks_ahead():
    from diplograph.kinds import looks_ahead

    assert kind_of("The Finnish envoy said she hoped to reach a deal in March.") == "Prediction"
    assert looks_ahead("The Finnish envoy said she hoped to reach a deal in March.")
