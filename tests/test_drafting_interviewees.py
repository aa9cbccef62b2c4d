"""The classes the three-hundred-and-twenty-fourth to -sixth made-up pages (a truce appeal, an interview in
questions and answers, strikes on ports) showed, each pinned on sentences of their own: what an interviewee says
others "should" do they ask for, and that a party "is betting that" is their reading; "hopes for …" that "look slim"
are a verdict; what "appears aimed at" is the author's reading.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_alone, drafted_html

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An interview (made up)</title>
<meta name="author" content="Made-up Reporter"></head><body><article><h1>An interview</h1>
<p>Latvia's Defence Minister Ilze Madeupberga spoke to us in Riga on Friday.</p>
<p>Q: What do you ask of your neighbours?</p>
<p>A: Every member of the alliance should double its air defence.</p>
<p>Q: And Moscow?</p>
<p>A: Moscow is betting that Europe will lose interest by spring.</p>
</article></body></html>"""


def test_an_interviewees_should_asks_and_is_betting_that_is_their_reading(project, tmp_path):
    _, drafted = drafted_html(project.layout, tmp_path, PAGE, day=date(2028, 12, 16))
    asks = drafted["Every member of the alliance should double its air defence."]
    bets = drafted["Moscow is betting that Europe will lose interest by spring."]
    assert (asks.kind, asks.asserted_by) == ("Demand", "dgr:latvia")
    assert bets.kind in ("Assessment", "Prediction") and bets.asserted_by == "dgr:latvia"


def test_hopes_that_look_slim_are_a_verdict_and_what_appears_aimed_at_is_a_reading():
    assert drafted_alone("Hopes for a deal before the election look slim.")[::2] == ("Assessment", "Judgement")
    assert drafted_alone("The raids appear aimed at draining air defences before winter.")[::2] == (
        "Assessment", "Interpretation")
