"""Pages for people, from Jinja2 templates with autoescape: every value is text unless a filter made it a link.

One environment renders every page (``api/templates/``). What may become an
``href`` is decided in one place, :func:`href`: a local path, or an http(s)
address — anything else (``javascript:``, ``data:``, a relative path that
would escape) is shown as text. Data for a page's script goes into a
``<script type="application/json">`` block through :func:`json_for_html`,
which escapes ``<``, ``>``, ``&`` and the JavaScript line separators, so no
value can end the block or open a comment. Pages carry no inline script or
handler: the Content-Security-Policy (see :mod:`diplograph.api.security`)
allows scripts from this server's ``/static/`` only.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlencode, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from rdflib import Literal

from .. import __version__
from ..namespaces import DGR, DGS
from ..terms import short

__all__ = ["Link", "NAVIGATION", "href", "json_for_html", "link", "page", "quote_anchor", "render"]

NAVIGATION = (("/", "Browse"), ("/queries", "Queries"), ("/analysis", "Analyses"), ("/sources", "Sources"),
              ("/graphs", "Graphs"), ("/explore", "Explore"), ("/sparql", "SPARQL"), ("/docs", "API"))
"""The same navigation on every page."""


@dataclass(frozen=True)
class Link:
    """Text, and where it leads (None: shown as text); ``external`` for an address outside this service."""

    text: str
    to: str | None = None
    external: bool = False


def href(value: object) -> str | None:
    """``value`` as a link target if it is safe to follow: a local path, or an http(s) address; else None.

    >>> href("/id/russia"), href("https://example.org/a?b=c")
    ('/id/russia', 'https://example.org/a?b=c')
    >>> [href(v) for v in ("javascript:alert(1)", "JaVaScRiPt:x", "data:text/html,x", "//evil.example", " /x")]
    [None, None, None, None, None]
    """
    text = str(value)
    if any(ord(c) < 0x21 or c in '<>"`\\' for c in text):
        return None
    if text.startswith("/"):
        return text if not text.startswith("//") else None
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc else None


def link(node: object, label: str | None = None) -> Link:
    """A link to the node's page when it is this graph's (an entity, a source), else to the node if it is a web
    address, else its text."""
    iri = str(node)
    if iri.startswith("/"):
        return Link(label or iri, href(iri))
    if iri.startswith(str(DGR)):
        return Link(label or short(iri), "/id/" + iri[len(str(DGR)):])
    if iri.startswith(str(DGS)):
        return Link(label or short(iri), "/source/" + iri[len(str(DGS)):])
    if iri.startswith("dgr:") and " " not in iri:
        return Link(label or iri, "/id/" + iri[4:])
    if iri.startswith("dgs:") and " " not in iri:
        return Link(label or iri, "/source/" + iri[4:])
    target = href(iri) if iri.startswith(("http://", "https://")) else None
    return Link(label or iri, target, external=target is not None)


def as_key(value: object) -> str:
    """``value`` as a plain string, for looking it up in a mapping of strings (an rdflib term is not equal to one)."""
    return str.__str__(value) if isinstance(value, str) else str(value)


def json_for_html(value: object) -> Markup:
    """``value`` as JSON that is safe inside an HTML ``<script type="application/json">`` block.

    >>> str(json_for_html({"q": "</script><!--<script>&\\u2028"}))
    '{"q": "\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u003cscript\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, default=str)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return Markup(text)  # noqa: S704 - escaped above for this one context


def quote_anchor(quote: str) -> str:
    """The fragment id of a quote in the source reader (stable: the same quote, the same anchor)."""
    return "q-" + hashlib.sha1(quote.encode()).hexdigest()[:10]


def in_context(source: object, quote: str) -> str:
    """The quote's place in the source reader."""
    return f"/source/{str(source).rsplit('/', 1)[-1]}#{quote_anchor(quote)}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 quoted passage``, ``3 quoted passages``."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def with_query(request: Request, **changes: object) -> str:
    """This page's path and query with some parameters changed (None removes one)."""
    params = {k: v for k, v in request.query_params.items()}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("diplograph.api", "templates"), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters |= {"href": href, "link": link, "json_for_html": json_for_html, "anchor": quote_anchor,
                    "in_context": in_context, "plural": plural, "short": short, "key": as_key}
    env.globals |= {"navigation": NAVIGATION, "version": __version__, "with_query": with_query}
    env.tests["literal"] = lambda value: isinstance(value, Literal)
    return env


def render(template: str, **context: object) -> str:
    """The page ``template`` filled with ``context`` (autoescaped)."""
    return environment().get_template(template).render(**context)


def page(template: str, status_code: int = 200, **context: object) -> HTMLResponse:
    """A page as a response; it varies with Accept (the same URL answers JSON to programs)."""
    return HTMLResponse(render(template, **context), status_code=status_code, headers={"Vary": "Accept"})
