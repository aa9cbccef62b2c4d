"""The classes the twenty-first made-up page (a council's conclusions) showed, each pinned on sentences of its own:
a body named by what it is ("The Council calls on …") is the body of the party the sentence before names; "It"
speaks for whoever spoke just before, as "they" does; renewing one's support is a stance; "the offer by <party>"
is that party's, not a statement read before.
"""

from __future__ import annotations

from datetime import date

from diplograph.documents import add_source
from diplograph.drafting import draft
from diplograph.graph import KnowledgeGraph
from diplograph.kinds import kind_of
from diplograph.review import proposed_fact
from diplograph.stances import stance_of


def test_a_body_and_it_speak_for_the_party_named_before(project, tmp_path):
    text = tmp_path / "summit.txt"
    text.write_text("NATO defence ministers gathered in Brussels on Thursday for a two-day meeting.\n\n"
                    "The alliance urged Russia to halt its strikes on energy infrastructure.\n\n"
                    "It reaffirmed its support for Ukraine's air defence.\n\n"
                    "It also welcomed the offer by Turkey to host talks on shipping.\n", encoding="utf-8")
    slug, _ = add_source(project.layout, text, title="A summit (made up)", day=date(2026, 6, 5))
    graph = KnowledgeGraph(project.layout)
    graph.load(validate=False)
    drafted = {c.sentence: c for c in draft(graph, slug)}
    urged = drafted["The alliance urged Russia to halt its strikes on energy infrastructure."]
    assert (urged.kind, urged.asserted_by, urged.derived_by) == ("Demand", "dgr:nato", "ReferentFromContext")
    support = drafted["It reaffirmed its support for Ukraine's air defence."]
    assert (support.kind, support.asserted_by) == ("Position", "dgr:nato")
    assert proposed_fact(support, slug)["holder"] == "dgr:nato"  # a party taken from the context holds it
    welcomed = drafted["It also welcomed the offer by Turkey to host talks on shipping."]
    assert welcomed.asserted_by == "dgr:nato"
    assert not any(m.entity.startswith("dgr:position-") for m in welcomed.mentions)  # Turkey's offer, not NATO's
    assert urged.findings == [] and support.findings == []


def test_renewing_ones_support_is_a_stance():
    sentence = "The Commission reiterated its full support for the reconstruction conference."
    assert (kind_of(sentence), stance_of(sentence)) == ("Position", "Supports")


def test_a_boycott_an_offer_made_again_and_our_take():
    """(The twenty-second page, a newsletter digest.) A boycott refuses; an offer made again is an offer; "our
    take" is the author's first person."""
    from diplograph.reporting import voice

    assert (kind_of("Belarus said it would boycott the summit."),
            stance_of("Belarus said it would boycott the summit.")) == ("Position", "Rejects")
    assert kind_of("Qatar offered again to mediate the return of children.") == "Proposal"
    assert kind_of("Qatar offered once more to host the families.") == "Proposal"
    assert voice("Our take: the summit changed nothing.").kind == "author"
    assert voice("My verdict is that the plan is dead.").kind == "author"
