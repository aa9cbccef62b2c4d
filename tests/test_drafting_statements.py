"""The classes the hundred-and-third to hundred-and-fifth made-up pages (an institute's daily assessment, a group's
joint statement on a ministry's page, an ambassador's op-ed) showed, each pinned on sentences of their own: what a
party "is trying to" do is the writer's reading of its intent; "no evidence for" a claim is a verdict on it; people
of no party keep no party's voice whatever nationality qualifies them, and a stance they take is told as a claim;
"Western capitals" are sources the page does not name, after "For three years,"; the first person opening a
sentence is the author, whatever its verb ("We reaffirm …"), and "We will continue to …" commits to a course; a
byline naming a state's office-holder makes the page that state's own voice (not a former one's); a report given
after its content ("…, writes Poland's foreign minister.") has its speaker after the verb; a question on a state
body's page takes no stance.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_html

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.releases import publishing_party
from diplograph.reporting import voice
from diplograph.review import accept

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")


def test_what_a_party_is_trying_to_do_is_the_writers_reading():
    assert drafted_alone("Minsk is probably trying to stall the talks.") == ("Assessment", _AUTHOR, "Interpretation")


def test_no_evidence_for_a_claim_is_a_verdict_on_it():
    assert drafted_alone("We found no evidence for the allegation.") == ("Assessment", _AUTHOR, "Judgement")


def test_people_of_no_party_keep_no_partys_voice():
    assert drafted_alone("Russian nationalists denounced the prisoner exchange.") == ("Claim", _AUTHOR, "Reported")
    assert voice("For two years, Western capitals have argued that the plan is dead.").kind == "anonymous"
    assert voice("EU leaders argued that the plan is dead.", ["EU"]).kind == "reported"  # the Union's leaders


def test_a_report_given_after_its_content_has_its_speaker_after_the_verb():
    sentence = "Europe should stop waiting for Washington, writes Poland's foreign minister."
    heard = voice(sentence, ["Europe", "Washington", "Poland"])
    assert sentence[heard.speaker_start:heard.speaker_end] == "Poland's foreign minister"
    assert kind_of(sentence) == "Position"
    # a clause between commas is no report after the content: the speaker is still before the verb
    assert drafted_alone("The Kremlin's spokesman, asked about it, said Russia's terms were final.")[1] == "dgr:russia"


_MINISTRY = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Statement (made up)</title>
<meta name="author" content="Ministry of Foreign Affairs of Finland"></head><body><article>
<h1>Joint statement of the Nordic foreign ministers</h1>
<p>We reaffirm our full support for the territorial integrity of Moldova.</p>
<p>We will continue to train Moldova's border guards.</p>
<p>Will Finland send troops to Moldova?</p>
</article></body></html>
"""


def test_the_first_person_on_a_state_bodys_page_is_its_stance_and_a_question_takes_none(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _MINISTRY, day=date(2027, 7, 6))
    author = f"dgr:author-{name}"
    support = drafted["We reaffirm our full support for the territorial integrity of Moldova."]
    assert (support.kind, support.asserted_by, support.assertion_mode, support.speaks_for) == \
        ("Position", author, "FactualAssertion", "dgr:finland")
    assert "dg:RestorationOfBorders" in support.measures  # what the support is towards
    course = drafted["We will continue to train Moldova's border guards."]
    assert (course.kind, course.asserted_by, course.speaks_for) == ("Position", author, "dgr:finland")
    question = drafted["Will Finland send troops to Moldova?"]
    assert (question.kind, question.assertion_mode, question.speaks_for) == ("Assessment", "Framing", None)
    accept(project.layout, name, support.id)  # valid as drafted


def test_a_byline_naming_a_states_office_holder_is_that_states_voice():
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert publishing_party("Anna Madeupova, Ukraine's ambassador to Finland", gazetteer) == "dgr:ukraine"
    assert publishing_party("Anna Madeupova, former ambassador of Ukraine to Finland", gazetteer) is None
