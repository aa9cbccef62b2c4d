"""How much of each source document the facts cite: the sentences no quote covers are gaps in the encoding."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

from .evidence import quotes_from
from .graph import KnowledgeGraph
from .namespaces import DG
from .validate import read_source_text

__all__ = ["DocumentCoverage", "Sentence", "coverage", "sentences"]

_BULLET = re.compile(r"^(?:[\s•\-*·]+|\s*\d+[.)]\s+)+")  # list markers: bullets and "1."
_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’]?\s+(?=[A-Z“\"‘(])")
# A sentence counts as cited when quotes cover at least this share of its characters.
CITED_SHARE = 0.5


@dataclass(frozen=True)
class Sentence:
    """A content sentence (or heading, or list item) with its character span in the source."""

    start: int
    end: int
    text: str
    cited: bool = False


@dataclass(frozen=True)
class DocumentCoverage:
    """Coverage of one source document."""

    source: str
    title: str
    sentences: list[Sentence]

    @property
    def cited(self) -> int:
        return sum(s.cited for s in self.sentences)

    @property
    def ratio(self) -> float:
        return self.cited / len(self.sentences) if self.sentences else 1.0

    @property
    def uncited(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.cited]


def sentences(text: str, end_marker: str | None = None) -> list[Sentence]:
    """Split a document's content into sentences, headings and list items, with their spans.

    Everything from ``end_marker`` on (a comment form, a footer) is not content.

    >>> [s.text for s in sentences("Title\\n\\n• One. Two!\\nLeave a Reply\\nJunk", "Leave a Reply")]
    ['Title', 'One.', 'Two!']
    """
    if end_marker and end_marker in text:
        text = text[: text.index(end_marker)]
    found = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = _BULLET.match(body)
        start = offset + (lead.end() if lead else 0)
        content = body[lead.end():] if lead else body
        position = 0
        for piece in _SENTENCE_END.split(content):
            position = content.index(piece, position)
            stripped = piece.strip()
            if stripped:
                piece_start = start + position + (len(piece) - len(piece.lstrip()))
                found.append(Sentence(piece_start, piece_start + len(stripped), stripped))
            position += len(piece)
        offset += len(line)
    return found


def coverage(graph: KnowledgeGraph) -> list[DocumentCoverage]:
    """For each source document, which of its sentences at least one quote cites."""
    reports = []
    for source in graph.instances(DG.SourceDocument):
        dataset = graph.dataset
        text = read_source_text(graph.layout, str(dataset.value(source, DG.textFile)))
        marker = dataset.value(source, DG.contentEndMarker)
        covered = _quoted_characters(graph, source, text)
        marked = []
        for sentence in sentences(text, str(marker) if marker else None):
            chars = [i for i in range(sentence.start, sentence.end) if not text[i].isspace()]
            share = sum(i in covered for i in chars) / len(chars) if chars else 1.0
            marked.append(Sentence(sentence.start, sentence.end, sentence.text, share >= CITED_SHARE))
        title = str(dataset.value(source, URIRef("http://purl.org/dc/terms/title")) or source)
        reports.append(DocumentCoverage(str(source), title, marked))
    return reports


def _quoted_characters(graph: KnowledgeGraph, source: URIRef, text: str) -> set[int]:
    """Character positions of ``text`` that some quote of ``source`` covers (every occurrence)."""
    covered: set[int] = set()
    for quote in quotes_from(graph.dataset, source):
        if not quote.exact:
            continue
        for match in re.finditer(re.escape(quote.prefix + quote.exact + quote.suffix), text):
            start = match.start() + len(quote.prefix)
            covered.update(range(start, start + len(quote.exact)))
    return covered
