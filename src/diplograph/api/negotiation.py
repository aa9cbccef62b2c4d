"""Content negotiation: pick the best media type we can produce for an Accept header (with q-values)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["MediaRange", "choose", "parse_accept"]


@dataclass(frozen=True)
class MediaRange:
    """One range of an Accept header (``text/*;q=0.5``), with its place in the header (ties go to the first)."""

    type: str
    subtype: str
    q: float
    order: int

    def matches(self, media_type: str) -> bool:
        main, _, sub = media_type.partition("/")
        return (self.type in ("*", main)) and (self.subtype in ("*", sub))

    @property
    def specificity(self) -> int:
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header; a missing or empty header accepts anything.

    >>> [(r.type, r.subtype, r.q) for r in parse_accept("text/csv;q=0.5, application/json")]
    [('text', 'csv', 0.5), ('application', 'json', 1.0)]
    """
    if not header or not header.strip():
        return [MediaRange("*", "*", 1.0, 0)]
    ranges = []
    for order, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            media = "*/*" if media == "*" else media + "/*"
        main, _, sub = media.partition("/")
        q = 1.0
        for parameter in pieces[1:]:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub or "*", q, order))
    return ranges


def choose(header: str | None, offered: list[str]) -> str | None:
    """The offered media type the client prefers, or None when it accepts none of them (→ 406).

    Each offered type takes the q of the most specific range that matches it;
    ties go to the order of ``offered`` (our preference).

    >>> choose("application/sparql-results+xml;q=0.9, text/csv", ["application/sparql-results+json", "text/csv",
    ...        "application/sparql-results+xml"])
    'text/csv'
    >>> choose("text/html, */*;q=0.1", ["text/turtle", "text/html"])
    'text/html'
    >>> choose("image/png", ["text/turtle"]) is None
    True
    """
    ranges = parse_accept(header)
    best: tuple[float, int] | None = None
    chosen = None
    for preference, media_type in enumerate(offered):
        matching = [r for r in ranges if r.matches(media_type)]
        if not matching:
            continue
        most_specific = max(matching, key=lambda r: (r.specificity, r.q))
        if most_specific.q <= 0:
            continue
        score = (most_specific.q, -preference)
        if best is None or score > best:
            best, chosen = score, media_type
    return chosen
