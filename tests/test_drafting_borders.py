"""The classes the hundred-and-eighty-third to hundred-and-eighty-fifth made-up pages (a border kept shut, a summit's
declaration, a gas-transit row) showed, each pinned on sentences and pages of their own: a measure kept "until" a
time waits for no one's act, and what a party "decided" to do is its stance; what an act "would only" bring about is
a prediction; measures a party weighs are its stance, not a belief; "describes <name> as" is a verdict; a pronoun
whose clause a ", saying" follows speaks; "stops short of" and "would not help" refuse; a reply that names no
measure is a stance on what it answers; "again" in what was said does not make the saying recurring; a negation that
ends the sentence before a quote does not negate it; energy transit and joining "the alliance" are measures.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_paragraphs

from diplograph.dating import date_of
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.review import accept


def test_kept_until_a_time_is_a_decision_and_until_an_act_a_demand():
    assert kind_of("Norway decided to keep its airspace closed to Russian planes until March.") == "Position"
    assert kind_of("Vilnius will keep the crossing shut until the end of the year.") != "Demand"
    assert kind_of("The allies will keep the sanctions in place until Russia withdraws.") == "Demand"


def test_what_an_act_would_only_bring_about_is_a_prediction():
    assert kind_of("The minister told lawmakers that lifting the ban now would only encourage more attacks.") == \
        "Prediction"
    assert kind_of("The envoy said that easing the sanctions \"would buy the Kremlin time\".") == "Prediction"


def test_measures_weighed_are_a_stance_and_a_view_held_is_a_belief():
    assert kind_of("Lithuania is considering similar steps, its interior minister said.") == "Position"
    assert kind_of("Poland and Romania are weighing new restrictions on Russian trucks.") == "Position"
    assert kind_of("London considers the talks a delaying tactic.") == "Assessment"


def test_describing_a_named_party_as_something_is_a_verdict():
    assert kind_of("The communique describes China as \"a decisive enabler\" of the war.") == "Assessment"
    assert kind_of("The minister described Lukashenko as a co-aggressor.") == "Assessment"


def test_a_pronoun_that_a_saying_follows_speaks_and_stopping_short_refuses(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "The Council of Europe's assembly adopted a resolution on the war on Tuesday.",
        "The Parliamentary Assembly is part of the OSCE framework, officials said.",
        "Finland said on Tuesday it backed the assembly's call for a tribunal.",
        "It stopped short of naming a date for the tribunal, saying only that work would begin soon.",
        day=date(2027, 6, 16))
    short = drafted["It stopped short of naming a date for the tribunal, saying only that work would begin soon."]
    assert (short.kind, short.asserted_by, short.assertion_mode) == ("Position", "dgr:finland", "Reported")


def test_a_reply_that_names_no_measure_is_a_stance_on_what_it_answers(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Hungary demanded on Monday that Ukraine restore the transit of Russian oil.",
        "Ukraine's foreign ministry replied that it would not help Moscow \"finance its war\".",
        day=date(2027, 6, 15))
    demand = drafted["Hungary demanded on Monday that Ukraine restore the transit of Russian oil."]
    assert "dg:EnergyTransit" in demand.measures
    reply = drafted["Ukraine's foreign ministry replied that it would not help Moscow \"finance its war\"."]
    assert (reply.kind, reply.asserted_by) == ("Position", "dgr:ukraine")
    assert f"dgr:demand-{demand.id}" in {m.entity for m in reply.mentions}
    assert reply.findings == []


def test_a_negation_ending_the_sentence_before_a_quote_does_not_negate_it(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Slovakia warned it would cut power exports to Ukraine if Kyiv did not.",
        "Kyiv said it would not be blackmailed.", day=date(2027, 6, 15))
    said = drafted["Kyiv said it would not be blackmailed."]
    assert not [f for f in said.findings if "follows" in f]


def test_again_in_what_was_said_does_not_make_the_saying_recurring():
    monday = date(2027, 6, 16)
    assert date_of("Bratislava on Monday demanded that Kyiv let gas flow again.", monday) == \
        ("2027-06-14", "DayPrecision")
    assert date_of("Bratislava again demanded that Kyiv let gas flow.", monday) == (None, "Recurring")


def test_energy_transit_and_joining_the_alliance_are_measures():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:EnergyTransit" in gazetteer.measures_in("Budapest urged Kyiv to extend the gas transit agreement.")
    assert "dg:AllianceMembership" in gazetteer.measures_in("Kyiv wants an invitation to join the alliance.")
    assert gazetteer.lookup("North Atlantic Treaty Organization") is not None


def test_a_reply_accepted_as_drafted(project, tmp_path):
    from helpers import drafted_page

    name, drafted = drafted_page(
        project.layout, tmp_path, "Hungary demanded on Monday that Ukraine restore the transit of Russian oil.\n\n"
        "Ukraine's foreign ministry replied that it would not help Moscow \"finance its war\".\n",
        title="A reply (made up)", day=date(2027, 6, 15))
    for sentence in ("Hungary demanded on Monday that Ukraine restore the transit of Russian oil.",
                     "Ukraine's foreign ministry replied that it would not help Moscow \"finance its war\"."):
        accept(project.layout, name, drafted[sentence].id)
