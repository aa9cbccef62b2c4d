"""The classes the hundred-and-forty-first to hundred-and-forty-third made-up pages (a parliament's resolution on a
wire, a live blog of timed entries, a fact check) showed, each pinned on sentences and pages of their own: a page of
several entries keeps its headline and their headings, in order; lines that speak to the reader are the page's
furniture; "the resolution urges" is the words of whoever adopted it; a clip or a post that "claims that" is vouched
for by the page; "claims" after a possessive or a verb is a noun; a state's lawmakers "back" a measure; "is largely
symbolic" is a verdict; what a minister says their own side "would" do is its plan, not a forecast.
"""

from __future__ import annotations

from datetime import date

from helpers import MADE_UP_AUTHOR, drafted_alone, drafted_html, drafted_paragraphs

from diplograph.extract import extract
from diplograph.reporting import voice
from diplograph.review import accept

_AUTHOR = MADE_UP_AUTHOR.replace("https://w3id.org/diplograph/id/", "dgr:")

_BLOG = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks live: Hungary blocks aid</title>
</head><body><nav><a href="/">Home</a></nav><main>
<h1>Talks live: Hungary blocks aid as ministers meet in Brussels</h1>
<div class="entry"><p><time>14:02</time></p><h2>Budapest digs in</h2>
<p>Hungary's foreign minister said Budapest would veto the next aid package for as long as it takes.</p></div>
<div class="entry"><p><time>13:30</time></p><h2>Ministers arrive</h2>
<p>Foreign ministers of the European Union began arriving in Brussels for a meeting on the war.</p>
<p>Sign up to our newsletter for a daily summary of the talks.</p></div>
</main></body></html>
"""


def test_a_page_of_several_entries_keeps_its_headline_and_headings_in_order(tmp_path):
    page = tmp_path / "blog.html"
    page.write_text(_BLOG, encoding="utf-8")
    lines = extract(page).text.splitlines()
    assert lines[:3] == ["Talks live: Hungary blocks aid as ministers meet in Brussels", "Budapest digs in",
                         "Hungary's foreign minister said Budapest would veto the next aid package for as long as "
                         "it takes."]
    assert lines.index("Ministers arrive") < lines.index(
        "Foreign ministers of the European Union began arriving in Brussels for a meeting on the war.")


def test_lines_that_speak_to_the_reader_are_not_statements(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Welcome to our coverage of the talks in Brussels.",
        "Hungary's foreign minister said Budapest would veto the package.",
        "Thank you for following our coverage of the war today.",
        '"Join us in praying for peace in Ukraine," the pope said.', day=date(2027, 10, 12))
    assert "Welcome to our coverage of the talks in Brussels." not in drafted
    assert "Thank you for following our coverage of the war today." not in drafted
    assert '"Join us in praying for peace in Ukraine," the pope said.' in drafted  # quoted: someone's words


def test_what_the_resolution_urges_is_the_words_of_whoever_adopted_it(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path, "Finland's parliament on Tuesday adopted a resolution on the war.",
        "The resolution, passed by a large majority, urges the government to send more air defence to Ukraine.",
        day=date(2027, 10, 13))
    urged = drafted["The resolution, passed by a large majority, urges the government to send more air defence to "
                    "Ukraine."]
    assert (urged.kind, urged.asserted_by, urged.assertion_mode) == ("Demand", "dgr:finland", "Reported")


def test_a_clip_that_claims_is_vouched_for_by_the_page(project, tmp_path):
    sentence = "A clip posted on several Telegram channels claims that Polish troops have crossed into Belarus."
    assert drafted_alone(sentence) == ("Claim", _AUTHOR, "Reported")
    html = (f"<!doctype html><html><head><meta charset='utf-8'><title>Did Polish troops cross? (made up)</title>"
            f"<meta name='author' content='Made-up Checkers'></head><body><article><h1>Did Polish troops cross into "
            f"Belarus?</h1><p>{sentence}</p><p>Poland's defence ministry said no soldier had left Polish soil, and "
            f"Belarus has not said otherwise.</p></article></body></html>")
    name, drafted = drafted_html(project.layout, tmp_path, html, day=date(2027, 10, 14))
    assert drafted[sentence].findings == []
    accept(project.layout, name, drafted[sentence].id)  # as drafted: the page vouches for what the clip claims


def test_claims_is_a_verb_after_a_subject_and_a_noun_after_a_possessive_or_a_verb():
    assert voice("Minsk claims that the drones came from Lithuania.").verb == "claims"
    assert voice("Kyiv dismissed claims that its troops had crossed the border.").verb != "claims"
    assert drafted_alone("Moscow's claims that the drones came from Lithuania are baseless.") == \
        ("Assessment", _AUTHOR, "Judgement")


def test_a_states_lawmakers_back_a_measure():
    kind, asserter, mode = drafted_alone("Italian senators back new air defence aid for Kyiv")
    assert (kind, asserter) == ("Position", "dgr:italy")
    assert drafted_alone("Italian officials back down on the price cap")[0] != "Position"


def test_a_largely_symbolic_step_is_the_authors_verdict():
    assert drafted_alone("The new sanctions are largely symbolic, since most of the banks are already cut off.") == \
        ("Assessment", _AUTHOR, "Judgement")


def test_what_a_minister_says_their_side_would_do_is_its_plan(project, tmp_path):
    drafted = drafted_paragraphs(
        project, tmp_path,
        "Finland's prime minister, Kaisa Madeupinen, told reporters on Friday that Helsinki would raise the "
        "tribunal at the next EU summit.", day=date(2027, 10, 15))
    plan = drafted["Finland's prime minister, Kaisa Madeupinen, told reporters on Friday that Helsinki would raise "
                   "the tribunal at the next EU summit."]
    assert plan.kind == "Position" and plan.assertion_mode == "Reported"
