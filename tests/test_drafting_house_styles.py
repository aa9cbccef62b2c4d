"""The classes the hundred-and-sixty-second to hundred-and-sixty-fourth made-up pages (a Kyiv outlet's house style, a
state agency's English, a White House threat) showed, each pinned on sentences of their own: "emphasized",
"underlined", "pointed out", "highlighted" report; "expressed <a capital>'s support" supports; a headline that gives a
party's words after its name ("Zelensky: …") is theirs, a topic's label is not; "the aggressor state" is Russia and
"freezing the war" the frozen-conflict model; "has always called for" recurs; "can only be achieved through" is a
verdict; sanctions that take effect if a party fails to act demand the act; senators named by their party are no
party's people; "National Security Council" is no UN body, for the drafter or the audit.
"""

from __future__ import annotations

from helpers import MADE_UP_AUTHOR, drafted_alone
from rdflib import URIRef

from diplograph.dating import recurring
from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.judgements import EVALUATIVE
from diplograph.kinds import kind_of
from diplograph.leads import labelled_reading
from diplograph.mentions import mentions
from diplograph.namespaces import DGR
from diplograph.reporting import voice
from diplograph.scrutiny import _speakers

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_agency_verbs_of_saying():
    for verb in ("emphasized", "underlined", "pointed out", "highlighted", "underscored"):
        assert voice(f"The Latvian minister {verb} that the sanctions must stay.").verb == verb
    assert kind_of("Slovakia's president expressed Bratislava's support for the talks.") == "Position"


def test_a_headline_giving_a_partys_words_after_its_name():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert labelled_reading("Putin: Russia will not give back the regions", gazetteer) == \
        "Putin says Russia will not give back the regions"
    assert labelled_reading("Ukraine: What we know about the talks", gazetteer) is None
    assert drafted_alone("Zelenskyy: Kyiv will never recognise the annexation")[1:] == ("dgr:zelenskyy", "Reported")


def test_names_a_kyiv_outlet_uses():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    found = {m.entity for m in mentions("The aggressor state wants a freezing of the war on its terms.", gazetteer)}
    assert {"dgr:russia", "dgr:frozen-conflict"} <= found


def test_recurrence_verdicts_and_threats_on_a_condition():
    assert recurring("Finland has always called for a tribunal.")
    assert EVALUATIVE.search("Peace can only be achieved through talks.")
    assert kind_of("The EU is preparing tariffs that would apply if Minsk fails to release the prisoners.") == \
        "Demand"


def test_senators_named_by_their_party_are_no_partys_people():
    assert drafted_alone("Several Democratic senators urged the administration to send more aid.") == \
        ("Claim", _AUTHOR, "Reported")


def test_a_national_security_council_is_no_un_body():
    quote = "\"Time is running out,\" National Security Council spokesperson Dana Madeupford told reporters."
    assert draft_sentence(KnowledgeGraph.open(), quote).asserted_by != "dgr:un-security-council"
    council, states = URIRef(f"{DGR}un-security-council"), URIRef(f"{DGR}united-states")
    names = {council: {"security council", "un security council"}, states: {"national security council", "us"}}
    assert _speakers(quote, names) == {states}  # the audit reads the longer name, as the drafter does
