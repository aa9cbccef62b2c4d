"""The classes the forty-sixth to forty-eighth made-up pages (an explainer under question headings, a mediator's
mission, a row over elections) showed, each pinned on sentences of their own: a title before a name is no part of
it, and "the cardinal" is the person the page introduced so; the European Commission is the EU; "The package
would …" gives the terms of the proposal drafted before; refusing something without a condition demands the
condition; threatening to veto, and saying something cannot be done while …, reject; a newly elected president is
an election; political scientists read events as analysts do; children taken away are the deported — and, from
the forty-ninth to fifty-first pages (a summit, a prisoner exchange, a fact check), what a party needs is what it
asks for but what others are said to need is no demand, what something would need is its condition, and what more
depends on is demanded — and, from the fifty-eighth to sixtieth (talks resuming, a donors' conference, a ship and a
mine): being encouraged by something supports it; critics are no party, the page vouches for them; a conference's
city is its venue.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_page

from diplograph.drafting import draft_sentence
from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.mentions import mentions, people
from diplograph.stances import stance_of

AUTHOR = "https://w3id.org/diplograph/id/author-x"


def _page(project, folder, *paragraphs: str) -> dict:
    return drafted_page(project.layout, folder, "\n\n".join(paragraphs) + "\n", title="A page (made up)",
                        day=date(2027, 3, 3))[1]


def _measures(sentence: str) -> list[str]:
    return gazetteer_of(KnowledgeGraph.open()).measures_in(sentence)


def test_a_title_is_no_part_of_a_name_and_the_title_names_the_person(project, tmp_path):
    sentence = "Moldova's envoy, Archbishop Ion Madeupescu, met officials in Chisinau on Monday."
    assert [person.entity for _, person, _, _ in people(sentence, gazetteer_of(KnowledgeGraph.open()))] == \
        ["dgr:ion-madeupescu"]
    drafted = _page(project, tmp_path, sentence, "The archbishop has repeatedly called for talks.")
    assert drafted["The archbishop has repeatedly called for talks."].asserted_by == "dgr:ion-madeupescu"


def test_the_european_commission_is_the_eu():
    drafted = draft_sentence(KnowledgeGraph.open(), "The European Commission proposed new tariffs on Russian steel.",
                             author=AUTHOR)
    assert (drafted.kind, drafted.asserted_by) == ("Proposal", "dgr:european-union")


def test_the_package_would_gives_the_terms_of_the_proposal_before(project, tmp_path):
    drafted = _page(project, tmp_path, "Canada proposed on Monday a cap on Russian fertiliser imports.",
                    "The package would also bar Russian banks from Canadian markets.")
    terms = drafted["The package would also bar Russian banks from Canadian markets."]
    assert (terms.kind, terms.asserted_by, terms.assertion_mode) == ("Proposal", "dgr:canada", "Reported")


def test_refusing_without_a_condition_demands_it():
    assert kind_of("Latvia said it would not sign the text without a clause on children.") == "Demand"
    assert kind_of("Latvia said it would not sign the text.") == "Position"


def test_threatening_to_veto_and_cannot_be_done_while_reject():
    for sentence in ("Slovakia has threatened to veto the package.",
                     "Kyiv said talks cannot be held while its cities are shelled."):
        assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects"), sentence


def test_a_newly_elected_president_is_an_election_and_children_taken_are_the_deported():
    assert _measures("Moscow wants a deal signed by a newly elected president.") == ["dg:Elections"]
    assert _measures("Kyiv demands the return of the children taken to Belarus.") == ["dg:ReturnOfDeported"]


def test_political_scientists_read_events_as_analysts_do():
    drafted = draft_sentence(KnowledgeGraph.open(), "Political scientists say the vote would split the coalition.",
                             author=AUTHOR)
    assert (drafted.asserted_by, drafted.assertion_mode) == ("dgr:analysts", "Interpretation")


def test_a_partys_needs_are_asked_for_but_others_needs_are_told_and_a_conditions_are_demanded():
    assert kind_of("Chisinau said it needed more border guards.") == "Demand"
    assert kind_of("The ombudsman said the freed civilians needed urgent care.") is None
    assert kind_of("Any truce would need monitors on both sides of the line.") == "Demand"
    assert kind_of("Minsk said further talks would depend on Vilnius reopening the crossing.") == "Demand"


def test_being_encouraged_supports_critics_are_vouched_for_and_a_conference_city_is_a_venue(project, tmp_path):
    sentence = "Canada said it was encouraged by the talks."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Supports")
    said = _page(project, tmp_path, "Critics say the pledges made in March have not arrived.")[
        "Critics say the pledges made in March have not arrived."]
    assert said.asserted_by.startswith("dgr:author-") and not said.findings
    named = mentions("Japan pledged a loan at a donors' conference in Rome on Monday.",
                     gazetteer_of(KnowledgeGraph.open()))
    assert [m.entity for m in named] == ["dgr:japan"]
