"""The positions matrix: where each party stands on each issue, as of a date, and what changed since another.

Rows are actors, columns the issues of the negotiation (``dg:Issues``). A
cell holds the actor's latest stance on the issue on or before the chosen
date — *demands* (a demand or principle calling for a measure of that issue),
*supports*, *rejects*, *conditional* or *uncertain* (a position towards such a
measure, or towards a proposal point calling for one) — with the statement it
comes from, its date and the kind of that date, how many sources state a
stance of that actor on that issue, and the quotes. Nothing is merged or
reconciled: a cell shows the latest statement and counts the others.

Examples
--------
>>> from diplograph.graph import KnowledgeGraph
>>> cells = positions_matrix(KnowledgeGraph.open())["cells"]
>>> sorted({c["stance"] for c in cells if c["actor"] == "dgr:russia"})
['demands']
"""

from __future__ import annotations

from collections import defaultdict

from ..convert import plain_rows
from ..graph import KnowledgeGraph
from ..terms import short

__all__ = ["STANCES", "positions_matrix"]

STANCES = {"dg:Supports": "supports", "dg:Rejects": "rejects", "dg:ConditionallyAccepts": "conditional",
           "dg:AcceptsAsBasis": "conditional", "dg:Undetermined": "uncertain"}
"""A position's stance as the matrix names it; demands and principles are "demands"."""

_STANCES = """
SELECT ?statement ?actor ?issue ?stance ?source ?issued ?stated ?notAfter ?quote WHERE {
  {
    ?statement dg:demandedBy|dg:heldBy ?actor ; dg:callsFor/dg:issue ?issue .
    BIND(dg:Demands AS ?stance)
  } UNION {
    ?statement a dg:Position ; dg:holder ?actor ; dg:stance ?stance ; dg:towards ?target .
    ?target (dg:callsFor|dg:hasPoint/dg:callsFor)?/dg:issue ?issue .
  }
  ?statement prov:wasDerivedFrom ?source ; dg:evidence/oa:hasSelector/oa:exact ?quote .
  ?source dcterms:issued ?issued .
  OPTIONAL { ?statement dg:statedOn ?stated }
  OPTIONAL { ?statement dg:statedNotAfter ?notAfter }
}"""


def positions_matrix(graph: KnowledgeGraph, as_of: str | None = None, since: str | None = None) -> dict:
    """Actors × issues, each cell the actor's latest stance on the issue on or before ``as_of`` (ISO date; all
    dates when None); with ``since``, each cell says whether its stance differs from the one it had then."""
    statements = _statements(graph)
    cells = []
    for (actor, issue), stated in sorted(_by_cell(statements).items()):
        now = _latest(stated, as_of)
        if now is None:
            continue
        then = _latest(stated, since) if since else now
        shown = [s for s in stated if as_of is None or s["date"] <= as_of]
        cells.append({"actor": actor, "actorLabel": graph.label(graph.resolve(actor)), "issue": issue,
                      "issueLabel": graph.label(graph.resolve(issue)), "stance": now["stance"],
                      "statement": now["statement"], "date": now["date"], "dateKind": now["dateKind"],
                      "sources": len({s["source"] for s in shown}), "statements": len(shown),
                      "quotes": sorted(now["quotes"]),
                      "changed": since is not None and (then is None or then["stance"] != now["stance"])})
    return {"as_of": as_of, "since": since, "actors": sorted({(c["actorLabel"], c["actor"]) for c in cells}),
            "issues": sorted({(c["issueLabel"], c["issue"]) for c in cells}), "cells": cells}


def _statements(graph: KnowledgeGraph) -> dict[tuple, dict]:
    """(statement, actor, issue) → its stance, date and the kind of date, source and quotes."""
    found: dict[tuple, dict] = {}
    for statement, actor, issue, stance, source, issued, stated, not_after, quote in plain_rows(
            graph.store.run(_STANCES)):
        key = (short(statement), short(actor), short(issue))
        stance = "demands" if short(stance) == "dg:Demands" else STANCES.get(short(stance), "uncertain")
        if stated:
            date, kind = stated[:10], "stated"
        elif not_after:
            date, kind = not_after[:10], "said before the document, not after this date"
        else:
            date, kind = issued[:10], "the document's date"
        entry = found.setdefault(key, {"statement": key[0], "stance": stance, "date": date, "dateKind": kind,
                                       "source": short(source), "quotes": set()})
        entry["quotes"].add(quote)
    return found


def _by_cell(statements: dict[tuple, dict]) -> dict[tuple[str, str], list[dict]]:
    cells: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for (_, actor, issue), entry in statements.items():
        cells[(actor, issue)].append(entry)
    return cells


def _latest(stated: list[dict], day: str | None) -> dict | None:
    """The statement with the latest date on or before ``day`` (ties: the last by IRI), or None."""
    known = [s for s in stated if day is None or s["date"] <= day]
    return max(known, key=lambda s: (s["date"], s["statement"])) if known else None
