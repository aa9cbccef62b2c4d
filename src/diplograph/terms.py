"""IRIs as people read them: the one way an IRI becomes a prefixed name (``dgr:russia``) and back.

Every face and view shortens and expands IRIs through these two functions,
with the prefixes every query and serialisation binds (``namespaces.PREFIXES``),
so a name printed by the command line, shown on a page or used as a node key
of a projection is the same everywhere.
"""

from __future__ import annotations

import functools
import re

from .namespaces import PREFIXES

__all__ = ["expand", "local_name", "short"]

_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.\-%]*[A-Za-z0-9_\-%])?")
"""A local name a prefixed name can carry as it is (SPARQL's PN_LOCAL, without escapes)."""
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def short(term: object) -> str:
    """A prefixed name for an IRI under a known prefix, else the IRI in angle brackets; a blank node as ``_:id``;
    anything else (a literal, a string that is no IRI) as its text.

    >>> short("https://w3id.org/diplograph/id/russia"), short("https://w3id.org/diplograph/ontology#State")
    ('dgr:russia', 'dg:State')
    >>> short("http://www.wikidata.org/entity/Q159"), short("https://w3id.org/diplograph/id/a/b")
    ('<http://www.wikidata.org/entity/Q159>', '<https://w3id.org/diplograph/id/a/b>')
    """
    kind = type(term).__name__
    text = getattr(term, "value", None) if kind in ("NamedNode", "BlankNode", "Literal") else None
    text = str(term) if text is None else text
    if kind in ("BNode", "BlankNode"):
        return f"_:{text}"
    if kind in ("Literal",):
        return text
    return _short_iri(text)


@functools.lru_cache(maxsize=1 << 16)
def _short_iri(text: str) -> str:
    """``short`` of a text that may be an IRI, remembered: the projections ask for the same IRIs millions of times."""
    if not _SCHEME.match(text):
        return text
    for prefix, namespace in _BY_LENGTH:
        if text.startswith(namespace) and _LOCAL.fullmatch(text[len(namespace):]):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def expand(name: str, default: str | None = None) -> str:
    """The IRI a prefixed name stands for (``dgr:russia``); a full IRI as it is; a bare name in the ``default``
    prefix's namespace, if one is given.

    >>> expand("dgr:russia"), expand("State", "dg"), expand("<urn:x>")
    ('https://w3id.org/diplograph/id/russia', 'https://w3id.org/diplograph/ontology#State', 'urn:x')
    """
    text = name.strip()
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and not local.startswith("//"):
        return PREFIXES[prefix] + local
    if not sep and default is not None:
        return PREFIXES[default] + text
    return text


def local_name(iri: object) -> str:
    """The last segment of an IRI (after ``#`` or ``/``): ``russia`` for ``dgr:russia``."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
