"""The negotiation space: per issue, who demands, accepts and rejects each measure, and what no party has closed.

For each issue of the negotiation (``dg:Issues``) and each of its measures:
who *demands* it (a demand or principle calling for it), who *accepts* it
(a position supporting it, or a proposal point calling for it, outright or
conditionally), who *rejects* it (a position rejecting it or such a point),
and which principles or red lines *close* it — those calling for a measure the
vocabulary declares incompatible with it (``dg:incompatibleWith``, an
editorial judgement named as such). A measure nobody rejects or closes is
*open*: the room left for a deal. Each measure is explained in one sentence,
and every party's stance carries its statement and quotes.

Examples
--------
>>> from diplograph.graph import KnowledgeGraph
>>> space = negotiation_space(KnowledgeGraph.open(), "dg:IssueTerritory")
>>> withdrawal = next(m for m in space["measures"] if m["measure"] == "dg:WithdrawalOfForces")
>>> [d["actor"] for d in withdrawal["demands"]]
['dgr:russia']
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import URIRef

from ..convert import plain_rows
from ..graph import KnowledgeGraph
from ..terms import short

__all__ = ["negotiation_space"]

_STANCES = """
SELECT ?measure ?statement ?actor ?role ?quote WHERE {
  ?measure dg:issue ?issue .
  {
    ?statement dg:demandedBy|dg:heldBy ?actor ; dg:callsFor ?measure . BIND("demands" AS ?role)
  } UNION {
    ?statement a dg:Position ; dg:holder ?actor ; dg:stance ?stance ; dg:towards ?target .
    ?target dg:callsFor? ?measure .
    BIND(IF(?stance = dg:Rejects, "rejects", IF(?stance = dg:Undetermined, "uncertain", "accepts")) AS ?role)
  } UNION {
    ?statement dg:heldBy ?actor ; dg:callsFor ?own .
    ?own dg:incompatibleWith|^dg:incompatibleWith ?measure . BIND("closes" AS ?role)
  }
  ?statement dg:evidence/oa:hasSelector/oa:exact ?quote .
}"""


def negotiation_space(graph: KnowledgeGraph, issue: str) -> dict:
    """The measures of ``issue`` (a prefixed name or IRI of a dg:Issues concept) with every party's stance on
    them, the open ones first, each explained in a sentence."""
    concept = graph.resolve(issue, what="issue")
    measures = {short(row[0]): str(row[1]) for row in graph.query(
        "SELECT ?m ?label WHERE { ?m dg:issue ?issue ; skos:prefLabel ?label }", bindings={"issue": concept})}
    stances: dict[str, dict[str, dict[tuple, dict]]] = defaultdict(lambda: defaultdict(dict))
    labels: dict[str, str] = {}  # an actor's label, asked once (it has many statements)
    for measure, statement, actor, role, quote in plain_rows(graph.store.run(_STANCES,
                                                                             substitutions={"issue": concept})):
        key = (short(actor), short(statement))
        if key[0] not in labels:
            labels[key[0]] = graph.label(URIRef(actor))
        entry = stances[short(measure)][role].setdefault(
            key, {"actor": key[0], "actorLabel": labels[key[0]], "statement": key[1], "quotes": []})
        if quote not in entry["quotes"]:
            entry["quotes"].append(quote)
    found = []
    for measure, label in sorted(measures.items(), key=lambda item: item[1]):
        roles = {role: sorted(stances[measure][role].values(), key=lambda e: (e["actor"], e["statement"]))
                 for role in ("demands", "accepts", "rejects", "uncertain", "closes")}
        found.append({"measure": measure, "label": label, **roles, "open": not (roles["rejects"] or roles["closes"]),
                      "explanation": _explain(label, roles)})
    found.sort(key=lambda m: (not m["open"], m["label"]))
    return {"issue": short(concept), "issueLabel": graph.label(concept), "measures": found,
            "open": [m["measure"] for m in found if m["open"]]}


def _explain(label: str, roles: dict[str, list[dict]]) -> str:
    """One sentence: who wants the measure, who refuses it, which principles close it."""
    def names(entries: list[dict]) -> str:
        return ", ".join(sorted({e["actorLabel"] for e in entries}))

    def verb(word: str, entries: list[dict]) -> str:
        return word + ("s" if len({e["actor"] for e in entries}) == 1 else "")

    parts = [f"{names(roles['demands'])} {verb('demand', roles['demands'])} {label}"] if roles["demands"] else [label]
    if roles["accepts"]:
        parts.append(f"{names(roles['accepts'])} would accept it")
    if roles["rejects"]:
        parts.append(f"{names(roles['rejects'])} {verb('reject', roles['rejects'])} it")
    if roles["closes"]:
        parts.append(f"a principle of {names(roles['closes'])} excludes it")
    if not (roles["rejects"] or roles["closes"]):
        parts.append("no party has rejected it")
    return "; ".join(parts) + "."
