"""What is new: statements said or published since a date, as JSON for programs and as an Atom feed for readers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import JSONResponse

from ... import __version__
from ...formats import xml_safe
from ..deps import DateParam, ServiceDep, day
from ..pages import Field, prefers_html, rows_page
from ..tables import table

router = APIRouter(tags=["feed"])

_ATOM = "http://www.w3.org/2005/Atom"

async def _rows(service, since: date | None) -> list[dict]:
    query = service.canned_query("new-statements")
    outcome = await service.canned(query, {"since": since.isoformat()} if since else {})
    return outcome.records()


@router.get("/feed", summary="What is new: statements said or published since a date",
            responses={200: {"content": {"text/html": {}}}})
async def read_feed(request: Request, service: ServiceDep, since: DateParam = None,
                    format: Annotated[str | None, Query(pattern="^(json|html)$")] = None) -> Response:
    """Newest first; each with its date and what kind of date it is, its document, who asserts it and its quotes."""
    rows = await _rows(service, day(since, "since"))
    if prefers_html(request, format):
        shown = [{"date": r.get("date"), "what kind of date": r.get("dateKind"), "statement": r.get("statement"),
                  "statementLabel": r.get("statementLabel"), "asserted by": r.get("assertedBy"),
                  "quote": r.get("quote"), "source": r.get("source"), "sourceLabel": r.get("sourceTitle")}
                 for r in rows]
        return rows_page(request, "What is new" + (f" since {since}" if since else ""),
                         [table(["date", "what kind of date", "statement", "statementLabel", "asserted by", "quote",
                                 "source", "sourceLabel"], shown)],
                         lede="Statements said or published on or after a date, newest first.",
                         fields=[Field("since", "since", since or "", "YYYY-MM-DD", "date")],
                         links=[("/feed.atom" + (f"?since={since}" if since else ""), "The same as an Atom feed")])
    return JSONResponse({"since": since, "count": len(rows), "items": rows}, headers={"Vary": "Accept"})


@router.get("/feed.atom", summary="What is new, as an Atom feed", response_class=Response,
            responses={200: {"content": {"application/atom+xml": {}}}})
async def read_atom(request: Request, service: ServiceDep, since: DateParam = None) -> Response:
    """One entry per statement: its label, who asserts it and how, its quote, and a link to its page here."""
    rows = await _rows(service, day(since, "since"))
    base = service.base_url  # configured (DIPLOGRAPH_PUBLIC_URL), never the request's Host header
    ET.register_namespace("", _ATOM)
    feed = ET.Element(f"{{{_ATOM}}}feed")
    _text(feed, "title", "diplograph: what is new" + (f" since {since}" if since else ""))
    _text(feed, "id", f"{base}/feed.atom" + (f"?since={since}" if since else ""))
    newest = max((str(r.get("published", "")) for r in rows), default="")
    _text(feed, "updated", _instant(newest) if newest else datetime.now(UTC).isoformat(timespec="seconds"))
    ET.SubElement(feed, f"{{{_ATOM}}}link", rel="self",
                  href=f"{base}/feed.atom" + (f"?since={since}" if since else ""))
    _text(feed, "generator", "diplograph").set("version", __version__)
    for row in rows:
        entry = ET.SubElement(feed, f"{{{_ATOM}}}entry")
        iri = str(row["statement"])
        _text(entry, "id", iri)
        _text(entry, "title", str(row["statementLabel"]))
        _text(entry, "updated", _instant(str(row["published"])))
        _text(entry, "published", _instant(str(row["date"])))
        ET.SubElement(entry, f"{{{_ATOM}}}link", rel="alternate", type="text/html",
                      href=f"{base}/id/{iri.rsplit('/', 1)[-1]}")
        author = ET.SubElement(entry, f"{{{_ATOM}}}author")
        _text(author, "name", str(row["assertedBy"]))
        ET.SubElement(entry, f"{{{_ATOM}}}category", term=str(row["type"]).rsplit("#", 1)[-1])
        _text(entry, "summary", f"“{row['quote']}” — {row['assertedBy']}, {row.get('mode', '')}; "
                                f"{row['dateKind']} ({row['date']}); in “{row['sourceTitle']}”")
    body = xml_safe(ET.tostring(feed, encoding="utf-8", xml_declaration=True))
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def _text(parent: ET.Element, tag: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{_ATOM}}}{tag}")
    element.text = value
    return element


def _instant(day: str) -> str:
    """A date as the RFC 3339 instant Atom wants (midnight UTC)."""
    return f"{day[:10]}T00:00:00Z"
