"""Drafting reads the reporting structure: who speaks, in what voice, when, about whom — on sentences of their own.

Expected answers are read off each sentence: the speaker is the subject of its reporting verb, the date the latest
such weekday on or before the document's date, the measure the one its words name.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplograph.dating import date_of
from diplograph.drafting import draft_sentence
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import roles
from diplograph.reporting import voice
from diplograph.review import proposed_fact

WEDNESDAY = date(2026, 3, 4)
AUTHOR = "https://w3id.org/diplograph/id/author-made-up"


@pytest.fixture(scope="module")
def graph() -> KnowledgeGraph:
    return KnowledgeGraph.open()


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The envoy said on Monday that the talks would go on.", ("2026-03-02", "DayPrecision")),
    ("On Tuesday the foreign ministry warned of new strikes.", ("2026-03-03", "DayPrecision")),
    ("Speaking last Thursday, the president promised aid.", ("2026-02-26", "DayPrecision")),
    ("The minister said on Wednesday that nothing had changed.", ("2026-03-04", "DayPrecision")),
    ("Kyiv repeated that it would not trade land for a pause.", (None, "Recurring")),
    ("Moscow has long insisted on a neutral Ukraine.", (None, "Recurring")),
])
def test_weekdays_resolve_to_the_latest_such_day_and_repetition_is_recurring(sentence, expected):
    assert date_of(sentence, WEDNESDAY) == expected


def test_the_speaker_is_the_subject_of_the_reporting_verb_not_the_first_party_named(graph):
    candidate = draft_sentence(graph, "In a call with Kyiv, Moscow's envoy demanded that the Ukrainian army leave "
                                      "the region.", WEDNESDAY, AUTHOR)
    assert (candidate.kind, candidate.asserted_by, candidate.assertion_mode) == ("Demand", "dgr:russia", "Reported")
    fact = proposed_fact(candidate, "made-up")
    assert fact["demandedBy"] == "dgr:russia" and fact["demandedOf"] == "dgr:ukraine"


def test_a_headline_in_which_one_party_rejects_the_others_terms_is_the_first_partys_position(graph):
    candidate = draft_sentence(graph, "Kyiv rejects Moscow's new terms for a cease-fire", WEDNESDAY, AUTHOR)
    assert (candidate.kind, candidate.asserted_by) == ("Position", "dgr:ukraine")
    assert proposed_fact(candidate, "made-up")["holder"] == "dgr:ukraine"


def test_an_unnamed_speaker_is_not_replaced_by_a_party_the_content_names(graph):
    candidate = draft_sentence(graph, "A senior official said that Ukraine must give up the east.", WEDNESDAY,
                               AUTHOR)
    assert candidate.asserted_by != "dgr:ukraine"
    assert "demandedBy" not in proposed_fact(candidate, "made-up")  # the reviewer names the speaker


def test_unnamed_sources_are_vouched_for_by_the_reporting_source(graph):
    candidate = draft_sentence(graph, "Two officials who asked not to be named said Moscow would accept monitors.",
                               WEDNESDAY, AUTHOR)
    assert (candidate.asserted_by, candidate.assertion_mode) == ("dgr:author-made-up", "Reported")
    assert "dgr:russia" in {m.entity for m in candidate.mentions}


@pytest.mark.parametrize(("sentence", "kind", "mode", "asserter"), [
    ("Washington proposed a monitoring mission along the front line.", "Proposal", "Reported", "dgr:united-states"),
    ("The Russian ministry said Kyiv is expected to accept the terms by spring.", "Prediction", "Reported",
     "dgr:russia"),
    ("We believe the plan cannot hold without firm guarantees.", "Assessment", "Judgement", "dgr:author-made-up"),
    ("Analysts interpret the pause as a regrouping of forces.", "Assessment", "Interpretation", "dgr:analysts"),
    ("According to researchers at a made-up institute, Moscow is likely to press on.", "Prediction",
     "Interpretation", "dgr:analysts"),
    ("Washington welcomed the monitoring mission along the front line.", "Position", "Reported",
     "dgr:united-states"),
    ("Kyiv regards the ceasefire line as a temporary boundary only.", "Position", "Reported", "dgr:ukraine"),
    ("Moscow said the draft could serve as a basis for further talks.", "Position", "Reported", "dgr:russia"),
    ("Washington insists that Moscow withdraw, and welcomed the monitors.", "Demand", "Reported",
     "dgr:united-states"),
    ("Diplomatic leaks referred to a second draft prepared for the envoys.", "Claim", "Reported",
     "dgr:diplomatic-sources"),
])
def test_each_kind_from_its_cues_with_its_voice(graph, sentence, kind, mode, asserter):
    candidate = draft_sentence(graph, sentence, WEDNESDAY, AUTHOR)
    assert (candidate.kind, candidate.assertion_mode, candidate.asserted_by) == (kind, mode, asserter)


def test_short_acronyms_and_demonyms_name_their_entities(graph):
    candidate = draft_sentence(graph, "The EU and a Ukrainian delegation met US envoys.", WEDNESDAY, AUTHOR)
    assert {"dgr:european-union", "dgr:ukraine", "dgr:united-states"} <= {m.entity for m in candidate.mentions}
    assert not {"EU", "Ukrainian", "US"} & set(candidate.new_entities)
    lower = draft_sentence(graph, "Prices in the region rose, as did the use of us all.", WEDNESDAY, AUTHOR)
    assert "dgr:united-states" not in {m.entity for m in lower.mentions}  # "us" is not "US"


def test_a_demand_calls_for_what_its_words_name_and_nothing_by_default(graph):
    named = draft_sentence(graph, "Moscow demanded that Kyiv withdraw from four regions.", WEDNESDAY, AUTHOR)
    assert proposed_fact(named, "made-up")["callsFor"] == ["dg:WithdrawalOfForces"]
    unnamed = draft_sentence(graph, "Moscow demanded that Kyiv act within a week.", WEDNESDAY, AUTHOR)
    assert "callsFor" not in proposed_fact(unnamed, "made-up")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Estonian Interior Minister Kalev Tamm warned that the border stays shut.",
     [("Estonian Interior Minister", "Kalev Tamm")]),
    ("Kremlin spokesman Ivan Orlov told reporters the offer stands.", [("Kremlin spokesman", "Ivan Orlov")]),
    ("Talks resumed after Secretary of State Mary Hale arrived.", [("Secretary of State", "Mary Hale")]),
    ("Former Prime Minister Lena Berg said it was too late.", []),  # a former office is no affiliation now
    ("The minister said on Tuesday that nothing changed.", []),  # an office without a name
])
def test_people_named_with_an_office(sentence, expected):
    assert [(r.office, r.name) for r in roles(sentence)] == expected
    for role in roles(sentence):
        assert sentence[role.start:].startswith(role.phrase) and role.phrase.endswith(role.name)


def test_a_new_official_with_a_role_speaks_and_is_proposed_as_a_person_affiliated_with_the_state(graph):
    from diplograph.gazetteer import gazetteer_of
    from diplograph.mentions import affiliations

    sentence = "Ukrainian Deputy Foreign Minister Petro Marchuk said on Monday that Moscow must release every prisoner."
    speaker = draft_sentence(graph, sentence, date(2026, 4, 8))
    assert speaker.asserted_by == "dgr:petro-marchuk" and speaker.kind == "Demand"
    assert proposed_fact(speaker, "x")["demandedOf"] == "dgr:russia"
    [affiliation] = affiliations(sentence, gazetteer_of(graph), "dgr:author-x")
    assert (affiliation.kind, affiliation.new_person, affiliation.role) == (
        "Affiliation", "Petro Marchuk", "Deputy Foreign Minister")
    assert affiliation.sentence == "Ukrainian Deputy Foreign Minister Petro Marchuk"
    fact = proposed_fact(affiliation, "x")
    assert (fact["member"], fact["affiliatedWith"], fact["attributedTo"]) == (
        "dgr:petro-marchuk", "dgr:ukraine", "dgr:author-x")
    # a person the graph knows is not proposed again
    assert affiliations("President Volodymyr Zelenskyy said so.", gazetteer_of(graph), "dgr:author-x") == []


def test_reading_intent_into_an_act_is_the_writers_assessment_and_a_noun_is_no_demand(graph):
    author, iri = "dgr:author-x", "https://w3id.org/diplograph/id/author-x"
    read_into = draft_sentence(graph, "Kyiv effectively concedes the eastern front by pulling back.", author=iri)
    # the author's reading of a situation (dg:Interpretation's definition), not a verdict on it (dg:Judgement's)
    assert (read_into.kind, read_into.assertion_mode, read_into.asserted_by) == ("Assessment", "Interpretation",
                                                                                 author)
    purpose = draft_sentence(graph, "With the new offer, Washington seeks to split its allies.", author=iri)
    assert (purpose.kind, purpose.asserted_by) == ("Assessment", author)
    noun = draft_sentence(graph, "Their demand for elections surprised the mediators in Geneva.", author=iri)
    assert noun.kind != "Demand" and noun.assertion_mode != "Reported"
    assert kind_of("The call for a ceasefire went unanswered.") is None
    assert kind_of("Berlin calls for a ceasefire.") == "Demand"


def test_a_line_is_read_through_its_context_headings_quotes_and_analysis(graph):
    from dataclasses import replace as changed

    from diplograph.gazetteer import gazetteer_of
    from diplograph.leads import in_context

    words = gazetteer_of(graph)
    author = "dgr:author-x"

    def read(sentence: str, around: list[str]):
        drafted = draft_sentence(graph, sentence, author="https://w3id.org/diplograph/id/author-x")
        return in_context(changed(drafted), around, words)

    title = read("Winter talks on a knife edge", [])
    assert (title.kind, title.assertion_mode, title.asserted_by) == ("Assessment", "Framing", author)
    item = read("Territorial exchanges along the front", ["The draft covers three topics:"])
    assert item.assertion_mode == "FactualAssertion"  # a list item is no title
    quoted = read("“Withdraw every soldier, then we will sign.”", ["Kyiv’s answer was blunt:"])
    assert (quoted.kind, quoted.asserted_by, quoted.assertion_mode) == ("Demand", "dgr:ukraine", "Reported")
    point = read("Fewer troops along the Dnipro for the next decade", ["The plan has serious consequences:"])
    assert (point.kind, point.assertion_mode, point.asserted_by) == ("Assessment", "Judgement", author)


def test_an_interpretive_line_under_a_readers_heading_is_their_reading(graph):
    from diplograph.gazetteer import gazetteer_of
    from diplograph.leads import in_context

    words = gazetteer_of(graph)
    line = "By insisting on early elections, Moscow attempts to split the coalition"
    alone = draft_sentence(graph, line, author="https://w3id.org/diplograph/id/author-x")
    assert (alone.asserted_by, alone.assertion_mode) == ("dgr:author-x", "Interpretation")  # the writer's reading
    under = in_context(alone, ["Analysts: a tactic, not a plan"], words)
    assert (under.kind, under.asserted_by, under.assertion_mode) == ("Assessment", "dgr:analysts", "Interpretation")
    elsewhere = in_context(alone, ["Europe’s dilemma: stability or principle?"], words)
    assert elsewhere.asserted_by == "dgr:author-x"  # a heading that gives nobody the floor changes nothing


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kyiv rejected the ceasefire map outright.", "Rejects"),
    ("Washington welcomed the ceasefire map.", "Supports"),
    ("Moscow said the ceasefire map could serve as a basis for talks.", "AcceptsAsBasis"),
    ("Kyiv regards the ceasefire map as a first draft.", "Undetermined"),  # a view: the reviewer says which
])
def test_a_drafted_position_takes_the_stance_its_words_say_and_assumes_none(graph, sentence, stance):
    candidate = draft_sentence(graph, sentence, WEDNESDAY, AUTHOR)
    assert candidate.kind == "Position"
    assert proposed_fact(candidate, "made-up")["stance"] == stance


def test_a_speaker_whose_name_ends_in_a_is_not_read_as_a_determiner():
    """"China warned": the verb follows a name ending in "a", not the article "a"."""
    assert voice("China warned that the corridor would close.").verb == "warned"
    # "called it a …" gives the speakers' verdict (a report of their reading); "so-called" and "a town called" do not
    assert voice("Officials called it a warning to Minsk.").verb == "called"
    assert voice("The so-called peace plan was leaked to a town called Minsk.").verb == ""


def test_a_categorical_never_about_conceding_is_a_principle_whatever_verb_reports_it():
    """"will never accept", "is non-negotiable", "a red line": a line the party holds, not a demand of another."""
    from diplograph.kinds import kind_of

    assert kind_of("Estonia stressed on Friday that it would never accept a frozen conflict.") == "Principle"
    assert kind_of("Lithuania insisted that the border question is non-negotiable.") == "Principle"
    assert kind_of("Lithuania insisted that Russia withdraw first.") == "Demand"  # no "never": a demand
    assert kind_of("Latvia rejected the plan and said it would never accept it.") == "Position"  # a rejection first


def test_a_warning_of_what_will_happen_is_a_prediction_unless_the_sentence_demands_or_rejects():
    from diplograph.kinds import kind_of

    assert kind_of("The Latvian minister warned on Monday that fuel prices will rise.") == "Prediction"
    assert kind_of("Estonia warned that Russia must pull back first.") == "Demand"
    assert kind_of("Lithuania demanded a pull-back and warned it would seek sanctions.") == "Demand"
    assert kind_of("Latvia rejected the offer and warned it would fail.") == "Position"
