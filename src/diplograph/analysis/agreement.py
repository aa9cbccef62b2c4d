"""What many sources say together: the same statement in several documents, and a stance that changes.

*Corroboration* links statements of different documents that state the same
thing: the same kind of statement, the same asserters and the same content
(for a demand: who demands, of whom, which measures; for a position: who holds
it, which stance, towards what …) *concerning the same things* (``dg:concerns``):
such a group's ``relation`` is "same". Statements that agree in all but what
they concern — a withdrawal from one oblast and from every occupied territory,
a limit on the army's size and on the army, its weapons and its range — are
grouped as "related", each with what it concerns, never as the same statement.
The wording may differ. Each group says in how many sources it is said, with
every statement's quotes — nothing is merged.

*Disagreements* are two sources stating a fact about the same thing
differently (one calls a leadership legitimate, another illegitimate): both
are listed with their asserters and quotes, never reconciled.

*Changes* are the same holder's positions towards the same thing with
different stances, in date order (the statement's own date, else a bound
the source gives, else its document's), each with its quotes and the kind of
its date — shown side by side, never reconciled.
"""

from __future__ import annotations

from collections import defaultdict

from ..convert import plain_rows
from ..graph import KnowledgeGraph
from ..terms import short

__all__ = ["CONTENT", "DISPUTABLE", "changes", "corroboration", "disagreements"]

CONTENT: dict[str, tuple[str, ...]] = {
    "Demand": ("demandedBy", "demandedOf", "callsFor"),
    "Principle": ("heldBy", "callsFor"),
    "RedLine": ("heldBy", "callsFor"),
    "Position": ("holder", "stance", "towards"),
    "LegitimacyClaim": ("about", "legitimacyVerdict"),
    "TerritorialStatus": ("territory", "statusHolder", "status"),
    "Action": ("actor", "actionType", "target"),
    "Affiliation": ("member", "affiliatedWith"),
}
"""What a statement says, by its class: the properties two statements must share to state the same thing."""

DISPUTABLE: dict[str, tuple[tuple[str, ...], str, bool]] = {
    "LegitimacyClaim": (("about",), "legitimacyVerdict", False),
    "TerritorialStatus": (("territory", "statusHolder"), "status", True),
}
"""Facts two sources can disagree on, by class: what they are about, the property whose values may exclude each
other, and whether only the values the vocabulary declares exclusive do (``dg:exclusiveOf``, lifted through
``skos:broader``): one territory may be occupied and claimed at once, but not controlled and not controlled."""

_STATEMENTS = """
SELECT ?statement ?label ?type ?source ?issued ?stated ?notAfter ?quote ?by WHERE {
  ?statement a ?type ; rdfs:label ?label ; prov:wasDerivedFrom ?source ; prov:wasAttributedTo ?by ;
      dg:evidence/oa:hasSelector/oa:exact ?quote .
  ?source dcterms:issued ?issued .
  OPTIONAL { ?statement dg:statedOn ?stated }
  OPTIONAL { ?statement dg:statedNotAfter ?notAfter }
  FILTER(STRSTARTS(STR(?type), STR(dg:)))
}"""


def _statements(graph: KnowledgeGraph) -> dict[str, dict]:
    """Every statement with its sources, asserters, quotes, date and content: read once per generation (three
    analyses read it; none changes it)."""
    return graph.cached("agreement: statements", lambda: _read_statements(graph))


def _read_statements(graph: KnowledgeGraph) -> dict[str, dict]:
    found: dict[str, dict] = {}
    names: dict[str, str] = {}  # an IRI recurs on many rows (a source, an asserter): shortened once

    def shortened(iri: str) -> str:
        return names.get(iri) or names.setdefault(iri, short(iri))

    for statement, label, type_, source, issued, stated, not_after, quote, by in plain_rows(
            graph.store.run(_STATEMENTS)):
        key = shortened(statement)
        entry = found.setdefault(key, {"statement": key, "label": label, "types": set(), "sources": set(),
                                       "asserters": set(), "quotes": set(), "content": {}})
        entry["types"].add(type_.rsplit("#", 1)[-1])
        entry["sources"].add(shortened(source))
        entry["asserters"].add(shortened(by))
        entry["quotes"].add(quote)
        if stated:
            entry["date"], entry["dateKind"] = stated, "stated"
        elif not_after and "date" not in entry:
            entry["date"], entry["dateKind"] = not_after, "said before the document, not after this date"
        elif "date" not in entry:
            entry["date"], entry["dateKind"] = issued, "the document's date"
    properties = sorted({p for props in CONTENT.values() for p in props} | {"concerns"})
    values = " ".join(f"dg:{p}" for p in properties)
    for subject, predicate, value in plain_rows(graph.store.run(
            f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}")):
        key = shortened(subject)
        if key in found:
            found[key]["content"].setdefault(predicate.rsplit("#", 1)[-1], set()).add(shortened(value))
    return found


def _signature(entry: dict) -> tuple | None:
    kind = next((t for t in sorted(entry["types"]) if t in CONTENT), None)
    if kind is None:
        return None
    content = tuple((p, tuple(sorted(entry["content"].get(p, ())))) for p in CONTENT[kind])
    if not any(values for _, values in content):
        return None
    return kind, tuple(sorted(entry["asserters"])), content


def _public(entry: dict, *, concerns: bool = False) -> dict:
    public = {"statement": entry["statement"], "label": entry["label"], "sources": sorted(entry["sources"]),
              "date": entry["date"], "dateKind": entry["dateKind"], "quotes": sorted(entry["quotes"])}
    return public | ({"concerns": sorted(entry["content"].get("concerns", ()))} if concerns else {})


def corroboration(graph: KnowledgeGraph) -> list[dict]:
    """Groups of statements from two or more documents that state the same thing, most corroborated first.

    Each group: its ``kind``, ``asserted_by``, the shared ``content``, its ``relation`` ("same": they concern the
    same things too; "related": what they concern differs, e.g. one is narrower), the number of ``sources``, and
    every statement with its own quotes (and, when related, what it concerns).
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for entry in _statements(graph).values():
        signature = _signature(entry)
        if signature is not None:
            groups[signature].append(entry)
    found = []
    for (kind, asserters, content), members in groups.items():
        by_concerns: dict[tuple, list[dict]] = defaultdict(list)
        for member in members:
            by_concerns[tuple(sorted(member["content"].get("concerns", ())))].append(member)
        same = [group for group in by_concerns.values() if len(_sources(group)) > 1]
        related = len(_sources(members)) > 1 and len(by_concerns) > 1
        for group, relation in [(g, "same") for g in same] + ([(members, "related")] if related else []):
            found.append({"kind": kind, "asserted_by": list(asserters), "relation": relation,
                          "content": {p: list(v) for p, v in content if v}, "said_in": len(_sources(group)),
                          "sources": sorted(_sources(group)),
                          "statements": [_public(m, concerns=relation == "related")
                                         for m in sorted(group, key=lambda m: (m["date"], m["statement"]))]})
    return sorted(found, key=lambda g: (-g["said_in"], g["relation"] != "same", g["kind"],
                                        g["statements"][0]["statement"]))


def _sources(members: list[dict]) -> set[str]:
    return {s for m in members for s in m["sources"]}


def changes(graph: KnowledgeGraph) -> list[dict]:
    """Each change of stance: the same holder towards the same thing, one stance and then another, in date order."""
    positions: dict[tuple, list[dict]] = defaultdict(list)
    for entry in _statements(graph).values():
        if "Position" not in entry["types"]:
            continue
        stance = sorted(entry["content"].get("stance", ()))
        for holder in entry["content"].get("holder", ()):
            for target in entry["content"].get("towards", ()):
                positions[(holder, target)].append({**_public(entry), "stance": stance[0] if stance else None})
    found = []
    for (holder, target), held in sorted(positions.items()):
        held.sort(key=lambda p: (p["date"], p["statement"]))
        for before, after in zip(held, held[1:], strict=False):
            if before["stance"] != after["stance"]:
                found.append({"holder": holder, "towards": target, "before": before, "after": after})
    return found


def disagreements(graph: KnowledgeGraph) -> list[dict]:
    """Facts about the same thing stated differently in different documents (``DISPUTABLE``), side by side."""
    facts: dict[tuple, list[dict]] = defaultdict(list)
    for entry in _statements(graph).values():
        kind = next((t for t in sorted(entry["types"]) if t in DISPUTABLE), None)
        if kind is None:
            continue
        about, value, _ = DISPUTABLE[kind]
        subject = tuple(tuple(sorted(entry["content"].get(p, ()))) for p in about)
        verdict = tuple(sorted(entry["content"].get(value, ())))
        if all(subject) and verdict:
            facts[(kind, subject)].append({**_public(entry), "value": list(verdict),
                                           "asserted_by": sorted(entry["asserters"])})
    exclusive = _exclusive(graph)
    found = []
    for (kind, subject), stated in sorted(facts.items()):
        values = {tuple(s["value"]) for s in stated}
        sources = {src for s in stated for src in s["sources"]}
        if DISPUTABLE[kind][2] and not any((a, b) in exclusive for x in values for y in values for a in x for b in y):
            continue
        if len(values) > 1 and len(sources) > 1:
            found.append({"kind": kind, "about": [v for part in subject for v in part],
                          "statements": sorted(stated, key=lambda s: (s["date"], s["statement"]))})
    return found


def _exclusive(graph: KnowledgeGraph) -> set[tuple[str, str]]:
    """Pairs of vocabulary values that exclude each other (``dg:exclusiveOf`` either way, and what is narrower)."""
    pairs = {(short(row.a), short(row.b)) for row in graph.query(
        "SELECT ?a ?b WHERE { ?x dg:exclusiveOf|^dg:exclusiveOf ?y . ?a skos:broader* ?x . ?b skos:broader* ?y }")}
    return pairs | {(b, a) for a, b in pairs}
