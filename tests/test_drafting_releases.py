"""A state body's own page (a ministry's release, an embassy's statement): its author is kept as the page declares
it, and what the page says in its own voice — "We call on …", "The Ministry condemns …", "<State> remains open to
…" — is the author's assertion and the state's demand or position (``dg:PublisherForState``), accepted as drafted
and clean for the audit; what it reports others saying stays theirs. Pinned on a page of its own.
"""

from __future__ import annotations

from datetime import date

from diplograph.documents import add_source
from diplograph.drafting import draft
from diplograph.extract import extract
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.review import accept
from diplograph.stances import stance_of

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Statement on the talks in Geneva (made up)</title>
<meta name="author" content="{author}"><meta property="article:published_time" content="2027-04-20"></head>
<body><header><a href="/">Press</a></header><article><h1>Statement on the talks in Geneva</h1>
<p>The Ministry welcomes the resumption of talks on a ceasefire in Geneva.</p>
<p>We call on Moscow to withdraw its troops from Transnistria without delay.</p>
<p>Moldova remains ready to host a round of negotiations.</p>
<p>Russia's foreign minister said on Monday that Moscow would keep its troops in Transnistria.</p>
</article></body></html>
"""


def _page(tmp_path, author: str):
    page = tmp_path / "release.html"
    page.write_text(_PAGE.format(author=author), encoding="utf-8")
    return page


def test_a_bodys_declared_name_is_kept_where_a_persons_is_cleaned(tmp_path):
    assert extract(_page(tmp_path, "Ministry of Foreign Affairs of Moldova")).author == \
        "Ministry of Foreign Affairs of Moldova"  # the library's cleaning for people's names would drop it
    assert extract(_page(tmp_path, "Ana Madeupescu of a made-up wire")).author == "Ana Madeupescu"


def test_a_ministrys_own_voice_is_its_states_stance_and_reports_stay_theirs(project, tmp_path):
    name, _ = add_source(project.layout, _page(tmp_path, "Ministry of Foreign Affairs of Moldova"),
                         day=date(2027, 4, 20))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = {c.sentence: c for c in draft(graph, name)}
    author = f"dgr:author-{name}"
    call = drafted["We call on Moscow to withdraw its troops from Transnistria without delay."]
    assert (call.kind, call.asserted_by, call.assertion_mode, call.speaks_for, call.derived_by) == \
        ("Demand", author, "FactualAssertion", "dgr:moldova", "PublisherForState")
    welcome = drafted["The Ministry welcomes the resumption of talks on a ceasefire in Geneva."]
    assert (welcome.kind, welcome.asserted_by, welcome.speaks_for) == ("Position", author, "dgr:moldova")
    ready = drafted["Moldova remains ready to host a round of negotiations."]
    assert (ready.asserted_by, ready.speaks_for) == (author, "dgr:moldova")
    reported = drafted["Russia's foreign minister said on Monday that Moscow would keep its troops in Transnistria."]
    assert (reported.asserted_by, reported.assertion_mode, reported.speaks_for) == ("dgr:russia", "Reported", None)
    for candidate in (call, welcome):
        assert not candidate.findings
        accept(project.layout, name, candidate.id)  # valid as drafted: the demander and holder are Moldova's
    sheet = (project.layout.data / "documents" / f"{name}.yaml").read_text(encoding="utf-8")
    assert "demandedBy: dgr:moldova" in sheet and "derivedBy: PublisherForState" in sheet


def test_a_newspapers_we_is_no_states(project, tmp_path):
    name, _ = add_source(project.layout, _page(tmp_path, "Made-up Daily Desk"), day=date(2027, 4, 20))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    call = {c.sentence: c for c in draft(graph, name)}[
        "We call on Moscow to withdraw its troops from Transnistria without delay."]
    assert (call.kind, call.asserted_by, call.assertion_mode, call.speaks_for) == \
        ("Assessment", f"dgr:author-{name}", "Judgement", None)  # the paper's call: its judgement, not Russia's


def test_condemning_something_rejects_it():
    sentence = "Warsaw condemned the strike on the port."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Rejects")
