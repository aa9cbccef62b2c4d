"""The source reader's text: cut at every quote's start and end, each piece marked with the quotes covering it.

Quotes may nest ("Russian President Vladimir Putin" inside the sentence that
quotes him), so the text is cut at every boundary and each piece carries all
the quotes around it. Lines no quote touches are uncited — the coverage view,
for the editor adding facts. Drafted candidates (the review view) are marked
too, in their own colour. The template escapes every piece.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.responses import HTMLResponse

from ..graph import KnowledgeGraph
from ..tasks import ReadingTask, Task
from ..worklist import choices
from .render import quote_anchor, render

__all__ = ["Piece", "ReaderPage", "Reading", "read", "reader_page"]


@dataclass(frozen=True)
class Piece:
    text: str
    starts: tuple[str, ...]
    """Anchors that begin here (``q-…`` for a quote, ``c-…`` for a candidate)."""
    covering: tuple[str, ...]
    """Anchors of every quote or candidate this piece lies in."""

    @property
    def kind(self) -> str:
        if not self.covering:
            return ""
        if all(c.startswith("c-") for c in self.covering):
            return "candidate"
        return f"depth-{min(len(self.covering), 3)}"


@dataclass(frozen=True)
class Reading:
    lines: list[list[Piece]]
    data: dict[str, dict]
    """What each anchor supports (for the page's script): the quote, its statements, or the candidate."""
    quotes: int
    cited_lines: int
    content_lines: int

    @staticmethod
    def cites(line: list[Piece]) -> bool:
        return any(p.kind.startswith("depth-") for p in line)


def read(text: str, quotes: dict[str, list[dict]], candidates: list[dict] | None, name: str) -> Reading:
    """``text`` cut for the reader, with ``quotes`` (quote → what it supports) and drafted ``candidates``."""
    spans = []
    data: dict[str, dict] = {}
    for quote, supported in sorted(quotes.items()):
        start = text.find(quote)
        if start >= 0:
            anchor = quote_anchor(quote)
            spans.append((start, start + len(quote), anchor))
            data[anchor] = {"quote": quote, "supports": supported}
    found = len(spans)
    for candidate in candidates or []:
        start = text.find(candidate["sentence"])
        if start >= 0:
            anchor = f"c-{candidate['id']}"
            spans.append((start, start + len(candidate["sentence"]), anchor))
            data[anchor] = {"quote": candidate["sentence"], "supports": [], "candidate": candidate, "name": name}
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starts: dict[int, list[str]] = {}
    for start, _, anchor in spans:
        starts.setdefault(start, []).append(anchor)
    lines: list[list[Piece]] = [[]]
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = tuple(anchor for s, e, anchor in spans if s <= a and b <= e)
        pieces = text[a:b].split("\n")
        for number, part in enumerate(pieces):
            if number:
                lines.append([])
            if part or (number == 0 and a in starts):
                lines[-1].append(Piece(part, tuple(starts.get(a, ())) if number == 0 else (), covering))
    content = sum(1 for line in text.split("\n") if line.strip())
    cited = sum(1 for line in lines if Reading.cites(line))
    return Reading(lines, data, found, cited, content)


@dataclass(frozen=True)
class ReaderPage(Task):
    """The source reader's page, built in a query worker (bounded like any request): the text, cut and marked."""

    name: str
    title: str
    candidates: list[dict] | None = None
    writable: bool = False
    single: tuple[str, ...] = ()
    """The review form's properties that take one value (read from the shapes by the service: a worker reads no
    file)."""

    def run(self, graph: KnowledgeGraph) -> bytes:
        text = graph.source_texts()[self.name].read_text(encoding="utf-8")
        quotes = ReadingTask(self.name).run(graph)["quotes"]
        cut = read(text, quotes, self.candidates, self.name)
        offered = choices(graph, list(self.single)) if self.candidates is not None and self.writable else None
        return render("reader.html", title=self.title, name=self.name, reading=cut, candidates=self.candidates,
                      writable=self.writable, offered=offered).encode()


async def reader_page(service, name: str, title: str, candidates: list[dict] | None, *,
                      writable: bool = False, single: list[str] | None = None) -> HTMLResponse:
    """The source's text with every quote highlighted; a click lists what the quote supports."""
    body = (await service.run(ReaderPage(name, title, candidates, writable, tuple(single or ())))).body
    return HTMLResponse(body, headers={"Vary": "Accept"})
