"""Coverage: which content sentences of a source some quote cites."""

from __future__ import annotations

from diplograph.coverage import coverage, sentences
from diplograph.graph import KnowledgeGraph


def test_sentences_leave_out_the_footer_and_list_markers(source_text):
    found = sentences(source_text, "Leave a Reply")
    texts = [s.text for s in found]
    assert "Territorial status of occupied regions" in texts  # "1. " removed
    assert "Complete withdrawal of Russian forces" in texts  # bullet removed
    assert not any("Leave a Reply" in t or "email address" in t for t in texts)
    for sentence in found:
        assert source_text[sentence.start:sentence.end] == sentence.text


def test_sentences_split_on_sentence_ends_but_not_abbreviations():
    found = [s.text for s in sentences("Putin said a U.S.-drafted plan could work. Kyiv refused.")]
    assert found == ["Putin said a U.S.-drafted plan could work.", "Kyiv refused."]


def test_bundled_document_is_at_least_90_percent_cited(graph):
    [report] = coverage(graph)
    assert report.title.startswith("Ukraine–Russia Peace Talks")
    assert len(report.sentences) >= 50
    assert report.ratio >= 0.9


def test_an_uncited_sentence_is_listed(project):
    text = project.document.read_text(encoding="utf-8")
    start = text.index("dgr:claim-western-europe-fatigued a dg:Claim")
    end = text.index("\n\n", start)
    project.document.write_text(text[:start] + text[end + 2:], encoding="utf-8")
    graph = KnowledgeGraph(project.layout)
    graph.load()
    [report] = coverage(graph)
    assert [s.text for s in report.uncited] == [
        "Western Europe is fatigued by energy prices, refugee flows and economic tensions."]
