"""The classes the two-hundred-and-fortieth to -second made-up pages (a ministry's release on a strike, an interview in
questions and answers, a live blog of talks) showed, each pinned on sentences of their own: a heading that gives a
party the floor; what a body's own page says its state will do; a position towards the party it names; a report
"by saying"; a refusal to put something on the agenda; an offer to help clear mines; a capital before "talks" as a
venue; humanitarian access in words of access.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_html, drafted_paragraphs

from diplograph.kinds import kind_of
from diplograph.review import proposed_fact


def test_a_heading_that_gives_a_party_the_floor_is_its_words_not_a_digest_item(project, tmp_path):
    page = ("<html><head><title>Talks live (made up)</title></head><body><main><h1>Talks live (made up)</h1>"
            "<section><p><time>10:40</time></p><h2>Moscow: no deal on Crimea</h2><p>The Russian delegation left the "
            "hall after two hours of talks on the status of the peninsula.</p></section>"
            "<section><p><time>09:15</time></p><h2>Morning digest</h2><p>What happened overnight:</p><ul><li>EU: "
            "ministers failed to agree on a new aid package.</li><li>Ukraine: Kyiv reported drone strikes on "
            "Odesa.</li></ul></section>"
            "</main></body></html>")
    _, drafted = drafted_html(project.layout, tmp_path, page, day=date(2028, 6, 7))
    floor = drafted["Moscow: no deal on Crimea"]
    assert (floor.kind, floor.asserted_by, floor.assertion_mode) == ("Position", "dgr:russia", "Reported")
    assert drafted["EU: ministers failed to agree on a new aid package."].assertion_mode != "Reported"


def test_what_a_bodys_own_page_says_its_state_will_do_is_its_account(project, tmp_path):
    page = ("<html><head><title>Statement (made up)</title><meta name=\"author\" content=\"Ministry of Foreign "
            "Affairs of Denmark\"></head><body><article><h1>Statement (made up)</h1>"
            "<p>Denmark will send a further 30 million euros to the United Nations refugee agency.</p>"
            "</article></body></html>")
    _, drafted = drafted_html(project.layout, tmp_path, page, day=date(2028, 6, 7))
    pledge = drafted["Denmark will send a further 30 million euros to the United Nations refugee agency."]
    assert (pledge.kind, pledge.assertion_mode) == ("Claim", "FactualAssertion")


def test_a_position_naming_no_measure_is_towards_the_party_it_names_by_name(project, tmp_path):
    sentence = "Sweden remains committed to supporting Moldova."
    candidate = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 6, 7))[sentence]
    assert proposed_fact(candidate, "x")["towards"] == "dgr:moldova"
    unnamed = drafted_alone("Kyiv will not accept a deal that rewards aggression, a senior Ukrainian official said.")
    assert unnamed[0] == "Position"  # its only other party is the speaker's likeness ("Ukrainian official"): none


def test_a_report_given_by_saying_names_its_speaker():
    sentence = "Qatar's emir closed the meeting by saying both sides had agreed to meet again."
    assert drafted_alone(sentence)[1:] == ("dgr:qatar", "Reported")


def test_keeping_something_off_the_agenda_is_a_stance():
    assert kind_of("An aide said sanctions were not on the agenda.") == "Position"
    assert kind_of("The envoy said the border would not be discussed.") == "Position"


def test_an_offer_to_help_clear_mines_is_a_proposal():
    assert kind_of("Norway is ready to help clear mines in the Kharkiv region.") == "Proposal"


def test_a_capital_before_talks_is_where_they_are_held(project, tmp_path):
    sentence = "Moldova's envoy said the Riyadh talks must include Transnistria."
    turkish = "Delegations met for Turkish-brokered talks on Monday."
    drafted = drafted_paragraphs(project, tmp_path, sentence, turkish, day=date(2028, 6, 7))
    assert "dgr:saudi-arabia" not in {m.entity for m in drafted[sentence].mentions}
    assert "dgr:turkey" in {m.entity for m in drafted[turkish].mentions}


def test_unhindered_access_names_humanitarian_access(project, tmp_path):
    sentence = "Ukraine calls on Russia to grant unhindered access to the occupied areas."
    drafted = drafted_paragraphs(project, tmp_path, sentence, day=date(2028, 6, 7))
    assert "dg:HumanitarianAccess" in drafted[sentence].measures
