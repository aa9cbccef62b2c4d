"""The classes the hundred-and-twelfth to hundred-and-fourteenth made-up pages (a strike and its blame, a state
agency's report of a president's remarks, a commission's press release) showed, each pinned on sentences of their
own: a dateline closed by a full stop ("VILNIUS, July 30. …") opens its sentence, it does not end one; "According
to him" is the speaker before; a speaker's verdict that something "had failed" is an assessment; a commission
speaking of itself ("Commission proposes …", "The Commission today proposed …") is its page's own voice, and an
office-holder it introduces next is its own; a sentence of sources it does not name is no party spoken of, for an
office introduced after it.
"""

from __future__ import annotations

from datetime import date

from helpers import drafted_html, drafted_paragraphs

from diplograph.kinds import kind_of


def test_a_dateline_closed_by_a_full_stop_opens_its_sentence(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "VILNIUS, July 30. Poland said on Monday that it would host talks.",
                                 day=date(2027, 7, 30))
    assert drafted["VILNIUS, July 30. Poland said on Monday that it would host talks."].asserted_by == "dgr:poland"


def test_according_to_him_is_the_speaker_before(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Estonia's prime minister said on Monday that Tallinn would back "
                                 "the plan.", "According to him, any truce must be monitored.", day=date(2027, 7, 30))
    assert drafted["According to him, any truce must be monitored."].asserted_by == "dgr:estonia"


def test_a_verdict_that_something_had_failed_is_an_assessment():
    assert kind_of("The minister noted that the blockade had failed.") == "Assessment"


_RELEASE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Release (made up)</title>
<meta name="author" content="European Commission Press Corner"></head><body><article>
<h1>Commission proposes new sanctions on Belarus</h1>
<p>The Commission today proposed new sanctions on Belarus.</p>
<p>Commissioner Anna Madeupska said: "We will keep up the pressure on Minsk."</p>
</article></body></html>
"""


def test_a_commission_speaking_of_itself_is_its_pages_voice(project, tmp_path):
    name, drafted = drafted_html(project.layout, tmp_path, _RELEASE, day=date(2027, 7, 30))
    author = f"dgr:author-{name}"
    for sentence in ("Commission proposes new sanctions on Belarus", "The Commission today proposed new sanctions on "
                     "Belarus."):
        own = drafted[sentence]
        assert (own.kind, own.asserted_by, own.assertion_mode, own.speaks_for) == \
            ("Proposal", author, "FactualAssertion", "dgr:european-union")
    [affiliation] = [c for c in drafted.values() if c.kind == "Affiliation"]
    assert affiliation.content == ["dgr:anna-madeupska", "dgr:european-union"]  # the Commission's own
    pressure = drafted['Commissioner Anna Madeupska said: "We will keep up the pressure on Minsk."']
    assert (pressure.kind, pressure.measures) == ("Position", ["dg:Sanctions"])


def test_unnamed_sources_are_no_party_spoken_of(project, tmp_path):
    drafted = drafted_paragraphs(project, tmp_path, "Latvia's parliament voted on Tuesday to extend the mission.",
                                 "Opposition lawmakers said the vote came too late.",
                                 "The speaker of parliament, Inese Madeupa, welcomed the result.",
                                 day=date(2027, 7, 30))
    [affiliation] = [c for c in drafted.values() if c.kind == "Affiliation"]
    assert affiliation.content == ["dgr:inese-madeupa", "dgr:latvia"]
