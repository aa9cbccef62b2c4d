"""Media types the API produces, and turning a query outcome into a negotiated response."""

from __future__ import annotations

from fastapi import Response

from ..answers import Outcome
from ..formats import ALIASES, GRAPH_FORMATS, TABLE_FORMATS
from .negotiation import choose
from .problems import NotAcceptable

__all__ = ["FORMAT_NAMES", "GRAPH_TYPES", "TABLE_TYPES", "answer_format", "graph_response", "outcome_response",
           "pick"]

# media type -> our format name; the first is the default when anything goes.
TABLE_TYPES = {TABLE_FORMATS[name].media_type: name for name in ("sparql-json", "sparql-xml", "csv", "tsv")} | {
    "application/json": "sparql-json"}
"""What a SPARQL query's table may be negotiated as (SPARQL JSON first; plain JSON means SPARQL JSON here)."""
GRAPH_TYPES = {f.media_type: name for name, f in GRAPH_FORMATS.items()} | {
    "text/plain": "ntriples", "application/x-turtle": "turtle"}
"""What a graph may be negotiated as (Turtle first), with the media types older clients send."""
_ALIASES = ALIASES


FORMAT_NAMES = sorted({*TABLE_TYPES.values(), *GRAPH_TYPES.values(), *_ALIASES, *TABLE_TYPES, *GRAPH_TYPES})
"""Every value ``?format=`` takes on the SPARQL and store routes: a name, a short name or a media type."""


def pick(accept: str | None, format: str | None, offered: dict[str, str]) -> tuple[str, str]:
    """(format name, media type) from an explicit ``format`` or else the Accept header.

    Raises
    ------
    NotAcceptable
    """
    if format is not None:
        names = set(offered.values())
        name = format if format in names else offered.get(format) or _ALIASES.get(format, format)
        for media_type, candidate in offered.items():
            if candidate == name:
                return name, media_type
        raise NotAcceptable(f"format {format!r} is not available here", sorted(names))
    media_type = choose(accept, list(offered))
    if media_type is None:
        raise NotAcceptable(f"cannot produce any of: {accept}", list(offered))
    return offered[media_type], media_type


def outcome_response(outcome: Outcome, media_type: str) -> Response:
    """The worker's bytes as a response of the negotiated media type."""
    headers = {"Vary": "Accept"}
    if outcome.truncated:
        headers["X-Diplograph-Truncated"] = "true"
    return Response(outcome.body, media_type=_with_charset(media_type), headers=headers)


def answer_format(form: str, accept: str | None, format: str | None) -> tuple[str, str]:
    """(format name, media type) for a query of ``form``: a results format, or an RDF one for a graph."""
    return pick(accept, format, GRAPH_TYPES if form in ("CONSTRUCT", "DESCRIBE") else TABLE_TYPES)


def graph_response(body: bytes, media_type: str, headers: dict[str, str] | None = None) -> Response:
    return Response(body, media_type=_with_charset(media_type), headers={"Vary": "Accept", **(headers or {})})


def _with_charset(media_type: str) -> str:
    return media_type if media_type.endswith(("json", "+xml")) else f"{media_type}; charset=utf-8"


