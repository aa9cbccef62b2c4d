"""The classes the hundred-and-eighteenth to hundred-and-twentieth made-up pages (a wire's factbox, a UN
Secretary-General's remarks on the organisation's page, a breakaway region's call) showed, each pinned on sentences
of their own: a list's lead after a sentence on the same line is a sentence of its own, and "the sticking points" it
announces are the author's analysis; a secretary-general's page is the organisation's own voice; "I am deeply
concerned" is the author's first person; a weekday after "on" is when, not a word qualifying a noun; "de facto
authorities" is a name, not a reading; a breakaway region's capital names the region.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_html, drafted_paragraphs

from diplograph.gazetteer import gazetteer_of
from diplograph.graph import KnowledgeGraph
from diplograph.judgements import interpretive
from diplograph.mentions import mentions
from diplograph.reporting import voice


def test_a_lists_lead_after_a_sentence_is_its_own_and_the_authors_analysis(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Talks resume in Geneva on Monday. Here are the sticking points:",
                                 "- Russia wants the sanctions lifted.", day=date(2027, 8, 12))
    lead = drafted["Here are the sticking points:"]
    assert (lead.kind, lead.assertion_mode) == ("Assessment", "Judgement")
    assert "Talks resume in Geneva on Monday." in drafted


_REMARKS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Remarks (made up)</title>
<meta name="author" content="Office of the Secretary-General of the United Nations"></head><body><article>
<h1>Remarks to the press on the prisoners</h1>
<p>I am deeply concerned by the reports of ill-treatment of prisoners.</p>
<p>I call on the parties to release all prisoners of war without delay.</p>
</article></body></html>
"""


def test_a_secretary_generals_page_is_the_organisations_voice(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _REMARKS, day=date(2027, 8, 12))
    call = drafted["I call on the parties to release all prisoners of war without delay."]
    assert (call.kind, call.asserted_by, call.assertion_mode, call.speaks_for) == \
        ("Demand", f"dgr:author-{name}", "FactualAssertion", "dgr:united-nations")
    concern = drafted["I am deeply concerned by the reports of ill-treatment of prisoners."]
    assert (concern.kind, concern.assertion_mode) == ("Assessment", "Judgement")


def test_a_weekday_after_on_is_when():
    assert voice("The authorities in Minsk on Tuesday called for talks.").verb == "called for"


def test_de_facto_authorities_is_a_name_and_a_regions_capital_names_it():
    assert not interpretive("The de facto authorities in Tiraspol held a vote.")
    assert interpretive("Moscow de facto controls the region.")
    gazetteer = gazetteer_of(KnowledgeGraph.open())
    assert [m.entity for m in mentions("Chisinau rejects Tiraspol's call.", gazetteer)] == \
        ["dgr:moldova", "dgr:transnistria"]
