"""The audit's check of a record against its own words (diplograph.consistency), on statements of its own: each
rule finds what its words contradict, and stays quiet where the words say nothing either way."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, URIRef

from diplograph.fidelity import findings_in
from diplograph.graph import KnowledgeGraph

_HEAD = """@prefix dg: <https://w3id.org/diplograph/ontology#> . @prefix dgr: <https://w3id.org/diplograph/id/> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
_NODE = URIRef("https://w3id.org/diplograph/id/statement-under-test")


@pytest.fixture(scope="module")
def rules(tmp_path_factory) -> Callable[[str, str], set[str]]:
    """The rules the audit finds broken by a statement's own triples (``body``) quoting ``quote``, the one line of a
    page's text."""
    graph, folder = KnowledgeGraph.open(), tmp_path_factory.mktemp("pages")

    def broken(body: str, quote: str) -> set[str]:
        text = folder / "a-page.txt"
        text.write_text(f"{quote}\n", encoding="utf-8")
        own = Graph().parse(data=_HEAD + f"""dgr:statement-under-test {body} ;
          dg:evidence [ oa:hasSource <https://w3id.org/diplograph/source/a-page> ;
                        oa:hasSelector [ oa:exact "{quote}" ] ] .""", format="turtle")
        world = graph.world([], extra=own)
        return {f.rule for f in findings_in(world, [_NODE], {"a-page": text})}

    return broken


@pytest.mark.parametrize(("stance", "quote", "flagged"), [
    ("Supports", "Finland rejected the ceasefire plan.", True),
    ("Rejects", "Finland welcomed the ceasefire plan.", True),
    ("Rejects", "Finland rejected the ceasefire plan.", False),
    ("Supports", "Finland spoke about the ceasefire plan.", False),  # no stance in the words: nothing to contradict
])
def test_a_stance_its_words_contradict(rules, stance, quote, flagged):
    body = (f"a dg:Position ; dg:holder dgr:finland ; dg:stance dg:{stance} ; dg:towards dgr:ceasefire ; "
            "prov:wasAttributedTo dgr:finland ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument")
    assert ("stance-not-in-words" in rules(body, quote)) == flagged


@pytest.mark.parametrize(("precision", "quote", "rule"), [
    ("AsOfDocument", "Estonia has repeatedly demanded a ceasefire.", "recurrence-not-recorded"),
    ("Recurring", "Estonia demanded a ceasefire.", "recurrence-without-words"),
])
def test_recurrence_and_its_words(rules, precision, quote, rule):
    body = ("a dg:Claim ; prov:wasAttributedTo dgr:estonia ; dg:assertionMode dg:Reported ; "
            f"dg:datePrecision dg:{precision}")
    assert rule in rules(body, quote)
    body = body.replace(f"dg:{precision}", "dg:Recurring" if precision == "AsOfDocument" else "dg:AsOfDocument")
    assert not {"recurrence-not-recorded", "recurrence-without-words"} & rules(body, quote)


def test_a_prediction_needs_words_of_what_is_to_come_and_a_reading_is_no_fact(rules):
    prediction = "a dg:Prediction ; prov:wasAttributedTo dgr:analysts ; dg:assertionMode dg:Interpretation"
    assert "prediction-without-future" in rules(prediction, "Analysts say Russia faces shortages.")
    assert "prediction-without-future" not in rules(prediction, "Analysts say Russia will face shortages.")
    fact = "a dg:Assessment ; prov:wasAttributedTo dgr:analysts ; dg:assertionMode dg:FactualAssertion"
    assert "assessment-as-fact" in rules(fact, "Analysts say the offer is a trap.")


def test_a_named_place_must_be_named_a_described_territory_need_not(rules):
    claim = "a dg:Claim ; prov:wasAttributedTo dgr:analysts ; dg:assertionMode dg:FactualAssertion ; dg:concerns "
    quote = "Analysts say the front has not moved near Mariupol."
    assert "place-not-in-source" in rules(claim + "dgr:transnistria", quote)
    assert "place-not-in-source" not in rules(claim + "dgr:mariupol", quote)
    # "Russian-occupied territories of Ukraine" describes a territory: a reading may concern it unnamed
    assert "place-not-in-source" not in rules(claim + "dgr:occupied-territories-of-ukraine", quote)


def test_a_target_must_be_named_by_its_labels_or_its_own_quotes(rules):
    position = ("a dg:Position ; dg:holder dgr:poland ; dg:stance dg:Rejects ; prov:wasAttributedTo dgr:poland ; "
                "dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument ; dg:towards ")
    assert "target-not-in-source" in rules(position + "dg:Ceasefire", "Poland rejects any concession.")
    assert "target-not-in-source" not in rules(position + "dg:Ceasefire",
                                                "Poland rejects a cease-fire now.")
    # the protection by NATO is described in its own quote as "NATO as the only credible protection"
    assert "target-not-in-source" not in rules(position + "dgr:nato-protection",
                                                "Poland rejects NATO as the only credible protection.")


def test_a_precondition_needs_words_of_order_and_before_talks_needs_a_precondition(rules):
    demand = ("a dg:Demand ; dg:demandedBy dgr:latvia ; dg:demandedOf dgr:russia ; dg:callsFor dg:WithdrawalOfForces ; "
              "prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument")
    ordered = demand + " ; dg:preconditionFor dgr:negotiations"
    assert "precondition-not-in-words" in rules(ordered, "Latvia demands that Russia withdraw its troops.")
    before_talks = "Latvia demands that Russia withdraw its troops before any talks."
    assert not {"precondition-not-in-words", "precondition-not-recorded"} & rules(ordered, before_talks)
    assert "precondition-not-recorded" in rules(demand, before_talks)


def test_a_partys_own_demand_is_reported_not_its_reading(rules):
    demand = ("a dg:Demand ; dg:demandedBy dgr:latvia ; dg:demandedOf dgr:russia ; dg:callsFor dg:WithdrawalOfForces ; "
              "prov:wasAttributedTo dgr:latvia ; dg:datePrecision dg:AsOfDocument ; dg:assertionMode dg:")
    quote = "Latvia demands that Russia withdraw its troops."
    assert "own-stance-as-reading" in rules(demand + "Judgement", quote)
    assert "own-stance-as-reading" not in rules(demand + "Reported", quote)


def test_a_question_frames_a_demand_of_itself_and_a_date_without_words(rules):
    asked = "a dg:Assessment ; prov:wasAttributedTo dgr:analysts ; dg:assertionMode dg:"
    assert "question-as-judgement" in rules(asked + "Judgement", "Will the truce hold?")
    assert "question-as-judgement" not in rules(asked + "Framing", "Will the truce hold?")
    itself = ("a dg:Demand ; dg:demandedBy dgr:latvia ; dg:demandedOf dgr:latvia ; dg:callsFor dg:Ceasefire ; "
              "prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument")
    assert "demand-of-itself" in rules(itself, "Latvia demands a ceasefire.")
    dated = ("a dg:Claim ; prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; "
             'dg:datePrecision dg:DayPrecision ; dg:statedOn "2026-03-02"^^<http://www.w3.org/2001/XMLSchema#date>')
    assert "date-not-in-words" in rules(dated, "Latvia said the talks had stalled.")
    assert "date-not-in-words" not in rules(dated, "Latvia said on Monday that the talks had stalled.")



_PAGE = "Finland closed two crossings.\n\nAn essay on fences.\n\n" + "A line.\n" * 14 + \
    "Latvia is rebuilding its border fences.\n"


@pytest.mark.parametrize(("body", "rule", "flagged"), [
    # what a claim is about: a party the page names, but not where the claim is quoted
    ("a dg:Claim ; dg:about dgr:finland", "party-not-in-source", True),
    ("a dg:Claim ; dg:about dgr:latvia", "party-not-in-source", False),
    ("a dg:Claim ; dg:about dgr:some-european-governments", "party-not-in-source", False),  # an editor's name
    # a party taken from the context must be named in the lines before: Finland is, but too far back
    ("a dg:Demand ; dg:demandedBy dgr:latvia ; dg:demandedOf dgr:finland ; dg:derivedBy dg:ReferentFromContext ; "
     "dg:callsFor dg:Ceasefire", "referent-not-in-context", True),
])
def test_a_party_a_statement_names_is_named_where_it_is_quoted_or_just_before(body, rule, flagged, tmp_path):
    graph = KnowledgeGraph.open()
    text = tmp_path / "a-page.txt"
    text.write_text(_PAGE, encoding="utf-8")
    own = Graph().parse(data=_HEAD + f"""dgr:statement-under-test {body} ; prov:wasAttributedTo dgr:latvia ;
          dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument ;
          dg:evidence [ oa:hasSource <https://w3id.org/diplograph/source/a-page> ;
                        oa:hasSelector [ oa:exact "Latvia is rebuilding its border fences." ] ] .""", format="turtle")
    found = {f.rule for f in findings_in(graph.world([], extra=own), [_NODE], {"a-page": text})}
    assert (rule in found) == flagged, found


@pytest.mark.parametrize(("body", "quote", "rule", "flagged"), [
    # a claim whose words predict is a prediction
    ("a dg:Claim ; dg:about dgr:finland ; prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; "
     "dg:datePrecision dg:AsOfDocument", "Latvia says Finland will likely join the talks.", "prediction-as-claim",
     True),
    ("a dg:Claim ; dg:about dgr:finland ; prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; "
     "dg:datePrecision dg:AsOfDocument", "Latvia says Finland joined the talks.", "prediction-as-claim", False),
    # a demand calls for what comes first, not for what it must come before
    ("a dg:Demand ; dg:demandedBy dgr:estonia ; dg:demandedOf dgr:russia ; dg:callsFor dg:Ceasefire ; "
     "dg:preconditionFor dgr:ceasefire ; prov:wasAttributedTo dgr:estonia ; dg:assertionMode dg:Reported ; "
     "dg:datePrecision dg:AsOfDocument", "Estonia insists that Russia withdraw before any ceasefire.",
     "calls-for-what-it-precedes", True),
    ("a dg:Demand ; dg:demandedBy dgr:estonia ; dg:demandedOf dgr:russia ; dg:callsFor dg:WithdrawalOfForces ; "
     "dg:preconditionFor dgr:ceasefire ; prov:wasAttributedTo dgr:estonia ; dg:assertionMode dg:Reported ; "
     "dg:datePrecision dg:AsOfDocument", "Estonia insists that Russia withdraw before any ceasefire.",
     "calls-for-what-it-precedes", False),
    # a party's own demand is reported, not the page's fact
    ("a dg:Demand ; dg:demandedBy dgr:estonia ; dg:demandedOf dgr:russia ; dg:callsFor dg:WithdrawalOfForces ; "
     "prov:wasAttributedTo dgr:estonia ; dg:assertionMode dg:FactualAssertion",
     "Estonia insists that Russia withdraw.", "own-stance-as-reading", True),
    # a stance the words take is not undetermined, unless the words say it is not known
    ("a dg:Position ; dg:holder dgr:finland ; dg:stance dg:Undetermined ; dg:towards dgr:ceasefire ; "
     "prov:wasAttributedTo dgr:finland ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument",
     "Finland rejected the ceasefire plan.", "stance-not-in-words", True),
    ("a dg:Position ; dg:holder dgr:finland ; dg:stance dg:Undetermined ; dg:towards dgr:ceasefire ; "
     "prov:wasAttributedTo dgr:finland ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument",
     "It is unclear whether Finland rejected the ceasefire plan.", "stance-not-in-words", False),
])
def test_kinds_modes_stances_and_measures_the_words_contradict(rules, body, quote, rule, flagged):
    assert (rule in rules(body, quote)) == flagged


@pytest.mark.parametrize(("body", "quote", "rule", "flagged"), [
    # an office the words do not give
    ("a dg:Affiliation ; dg:member dgr:putin ; dg:affiliatedWith dgr:russia ; dg:role \"Prime Minister\" ; "
     "prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:FactualAssertion",
     "Russian President Vladimir Putin spoke.", "office-not-in-words", True),
    ("a dg:Affiliation ; dg:member dgr:putin ; dg:affiliatedWith dgr:russia ; dg:role \"President\" ; "
     "prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:FactualAssertion",
     "Russian President Vladimir Putin spoke.", "office-not-in-words", False),
    # a territorial status, or a kind of act, the words do not give
    ("a dg:TerritorialStatus ; dg:territory dgr:donbas ; dg:statusHolder dgr:russia ; dg:status dg:DoesNotControl ; "
     "prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument",
     "Latvia says Russia occupies the Donbas.", "words-not-in-source", True),
    ("a dg:TerritorialStatus ; dg:territory dgr:donbas ; dg:statusHolder dgr:russia ; dg:status dg:Occupies ; "
     "prov:wasAttributedTo dgr:latvia ; dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument",
     "Latvia says Russia occupies the Donbas.", "words-not-in-source", False),
    ("a dg:Action ; dg:actor dgr:latvia ; dg:actionType dg:Drafting ; prov:wasAttributedTo dgr:latvia ; "
     "dg:assertionMode dg:Reported ; dg:datePrecision dg:AsOfDocument",
     "Latvia circulated the plan.", "words-not-in-source", True),
])
def test_offices_statuses_and_acts_the_words_do_not_give(rules, body, quote, rule, flagged):
    assert (rule in rules(body, quote)) == flagged


@pytest.mark.parametrize(("body", "quote", "rule", "flagged"), [
    # a guarantee's kind is said where it is quoted, as a measure is
    ("a dg:Guarantee ; dg:beneficiary dgr:latvia ; dg:guaranteeKind dg:Binding ; dg:describedBy dgr:latvia ; "
     "dg:assertionMode dg:Reported", "Latvia wants international guarantees.", "words-not-in-source", True),
    ("a dg:Guarantee ; dg:beneficiary dgr:latvia ; dg:guaranteeKind dg:International ; dg:describedBy dgr:latvia ; "
     "dg:assertionMode dg:Reported", "Latvia wants international guarantees.", "words-not-in-source", False),
    # an event's places are named where it is quoted
    ("a dg:Event ; dg:location dgr:mariupol ; dg:describedBy dgr:latvia ; dg:assertionMode dg:Reported",
     "Latvia condemned the shelling of Izium.", "place-not-in-source", True),
])
def test_guarantee_kinds_and_event_places_the_words_do_not_give(rules, body, quote, rule, flagged):
    assert (rule in rules(body, quote)) == flagged


def test_a_description_the_author_gives_as_an_actors_words_is_flagged(rules):
    body = ("a dg:Guarantee ; dg:beneficiary dgr:latvia ; dg:guaranteeKind dg:International ; "
            "dg:describedBy [ a dg:Author ] ; dg:assertionMode dg:Reported")  # the page's author
    assert "reported-by-the-author" in rules(body, "Latvia wants international guarantees.")
    assert "reported-by-the-author" not in rules(body.replace("dg:Reported", "dg:FactualAssertion"),
                                                 "Latvia wants international guarantees.")
