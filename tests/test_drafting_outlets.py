"""The classes the eighty-eighth to ninetieth made-up pages (a television interview, a press review, a state
agency's wire) showed, each pinned on sentences of their own: an answer "Not while …" after a colon demands what
would end the while; "would have to" demands; an outlet that reports ("A German daily reported that …") is no party
and no speaker the audit holds against the page; "what the papers say" asks, it reports nothing; "The ministry
said" is the ministry of the party the page spoke of last, past a banner that names no one; what a speaker says
something only did is a verdict; accepting "the new territorial realities" is recognising control — and, from the
ninety-seventh to ninety-ninth (a news conference, people briefed, a poll): aid that depends on something demands
it, "has not said whether" is no one's stance, "We read …" is the author's.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.reporting import voice
from diplograph.scrutiny import _vouched
from diplograph.stances import stance_of

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_not_while_after_a_colon_and_would_have_to_demand():
    assert kind_of('Asked about a truce, the envoy said: "Not until the shelling stops."') == "Demand"
    assert kind_of("She added that any deal would have to include Moldova.") == "Demand"


def test_an_outlet_that_reports_is_no_party():
    sentence = "A Finnish weekly reported that Helsinki was buying more shells."
    assert voice(sentence).verb == "reported"
    assert drafted_alone(sentence)[1:] == (_AUTHOR, "Reported") and _vouched(sentence)
    assert drafted_alone("A Finnish weekly reported that Helsinki would reject the plan.")[0] == "Claim"


def test_what_the_papers_say_asks_and_reports_nothing():
    assert voice("What Warsaw's papers say about the summit").kind == "none"


def test_the_ministry_is_the_party_spoken_of_last_past_a_banner(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Moldova sets out its terms for a corridor", "PAGE FOR TESTS",
        "The ministry said a meeting with Romanian officials could follow in July.", day=date(2027, 6, 2))
    assert drafted["The ministry said a meeting with Romanian officials could follow in July."].asserted_by == \
        "dgr:moldova"


def test_what_something_only_did_is_a_verdict_and_territorial_realities_are_control():
    assert kind_of("He said the embargo only deepened the crisis.") == "Assessment"
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert "dg:RecognitionOfControl" in gazetteer.measures_in("Kyiv must accept the new territorial realities.")


def test_the_words_of_stances_are_read_as_a_class_not_one_verb_at_a_time():
    """Refusing, welcoming and requesting have many verbs: each is read as the stance it takes, and a refusal to
    comment takes none."""
    for refusal in ("Kyiv turned down the offer.", "Budapest balked at the package.", "Moscow brushed aside the plan.",
                    "Bratislava objected to the text.", "Warsaw is firmly against the deal.",
                    "Chisinau declined to sign the memorandum."):
        assert (kind_of(refusal), stance_of(refusal)) == ("Position", "Rejects"), refusal
    for welcome in ("Ankara hailed the agreement.", "Rome is in favour of a truce.", "Vilnius praised the plan."):
        assert (kind_of(welcome), stance_of(welcome)) == ("Position", "Supports"), welcome
    for request in ("Kyiv requested that the talks move to Geneva.", "The EU appealed to Moscow to free the crew."):
        assert kind_of(request) == "Demand", request
    assert kind_of("The Kremlin declined to comment on the strikes.") != "Position"


def test_aid_that_depends_on_something_demands_it_and_not_saying_whether_is_undetermined():
    assert kind_of("Berlin has told Chisinau that further aid depends on reforms.") == "Demand"
    assert drafted_alone("Minsk has not said whether it would join the talks in July.") == \
        ("Claim", _AUTHOR, "FactualAssertion")  # no one's stance, and no forecast of the author's


def test_we_read_is_the_authors_first_person():
    assert drafted_alone("We read the vote as a warning to Moscow.")[1:] == (_AUTHOR, "Judgement")
