"""The web review's worklist: each pending candidate with the fact it would become, and what each editable property
may take — the vocabulary's concepts as choices, the graph's entities as names to pick from.

A reviewer should not have to remember that a stance is ``Rejects`` or that Kyiv is ``dgr:ukraine``: the page
offers what the ontology and the graph hold, in the form the fact sheet takes (a concept's local name, an entity's
prefixed IRI), and says which properties take one value only (from the shapes' ``sh:maxCount 1``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef

from .graph import KnowledgeGraph
from .layout import Layout
from .namespaces import DG, SH
from .review import Candidate, proposed_fact
from .terms import short

__all__ = ["SCHEMES", "choices", "queue", "single_valued"]

SCHEMES = {"assertionMode": "AssertionModes", "datePrecision": "DatePrecisions", "stance": "Stances",
           "qualifier": "Qualifiers", "callsFor": "Measures", "negotiability": "Negotiability",
           "ascribesStance": "Stances", "derivedBy": "DerivationRules"}
"""Editable properties whose values are the concepts of one vocabulary scheme."""
_ENTITY_VALUED = ("towards", "demandedBy", "demandedOf", "holder", "heldBy", "about", "concerns", "attributedTo",
                  "preconditionFor")
"""Editable properties whose values are entities of the graph (or concepts: a position may be towards a measure)."""
_SHOWN = ("type", "label", "attributedTo", "assertionMode", "statedOn", "datePrecision", "demandedBy", "demandedOf",
          "callsFor", "preconditionFor", "holder", "stance", "towards", "heldBy", "negotiability", "about",
          "ascribesStance", "concerns", "qualifier", "derivedBy")
"""The properties the form offers, in the order a reviewer reads a statement: what, who, when, then its parts."""


def queue(name: str, candidates: list[Candidate]) -> list[dict]:
    """Each candidate as the page needs it: its fields and ``proposed``, the fact it would become as drafted."""
    return [asdict(c) | {"proposed": _editable(proposed_fact(c, name))} for c in candidates]


def _editable(fact: dict[str, object]) -> dict[str, list[str]]:
    return {key: [str(v) for v in (value if isinstance(value, list) else [value])]
            for key, value in fact.items() if key in _SHOWN}


def choices(graph: KnowledgeGraph, single: list[str]) -> dict[str, object]:
    """What the form offers: ``fields`` (property → kind: "choice", "entity", "date" or "text"), ``choices``
    (property → [value, label] pairs), ``names`` ([value, label] of the graph's entities) and ``single`` (the
    properties that take one value: ``single_valued``, read where files may be read)."""
    def rows(sparql: str) -> list[list[str]]:
        found = {short(row[0]): str(row[1]) for row in graph.query(sparql) if isinstance(row[0], URIRef)}
        return sorted(([_term(value), label] for value, label in found.items()), key=lambda pair: pair[1].lower())

    offered = {prop: rows(f"SELECT ?c ?l WHERE {{ ?c skos:inScheme dg:{scheme} ; skos:prefLabel ?l }}")
               for prop, scheme in SCHEMES.items()}
    offered["type"] = rows("SELECT ?c ?l WHERE { ?c rdfs:subClassOf+ dg:Statement ; rdfs:label ?l }")
    names = rows("SELECT ?e ?l WHERE { ?e a ?class ; rdfs:label ?l FILTER(STRSTARTS(STR(?e), STR(dgr:))) "
                 "FILTER NOT EXISTS { VALUES ?record { dg:Statement dg:SourceDocument dg:Correction } "
                 "?class rdfs:subClassOf* ?record } }")
    fields = {prop: ("choice" if prop in offered else "entity" if prop in _ENTITY_VALUED
                     else "date" if prop == "statedOn" else "text") for prop in _SHOWN}
    return {"fields": fields, "choices": offered, "names": names, "single": single}


def _term(value: str) -> str:
    """A value as a fact sheet writes it: a concept or class of the ontology by its local name."""
    return value.removeprefix("dg:")


def single_valued(layout: Layout) -> list[str]:
    """The form's properties that take one value: a statement's type and label, and those some shape allows only
    once (``sh:maxCount 1`` on their path)."""
    info = (layout.shapes_file.stat().st_mtime_ns, layout.context_file.stat().st_mtime_ns)
    return sorted(_single_of(str(layout.shapes_file), str(layout.context_file), info) | {"type", "label"})


@lru_cache(maxsize=4)
def _single_of(shapes_file: str, context_file: str, _: tuple[int, int]) -> set[str]:
    """The form's properties that some shape allows only once (``sh:maxCount 1`` on their path)."""
    shapes = Graph().parse(shapes_file, format="turtle")
    once = {path for prop in shapes.subjects(SH.maxCount, None) if int(shapes.value(prop, SH.maxCount)) == 1
            for path in shapes.objects(prop, SH.path)}
    context = json.loads(Path(context_file).read_text(encoding="utf-8"))["@context"]
    prefixes = {key: value for key, value in context.items() if isinstance(value, str) and value.endswith(("#", "/"))}
    found = set()
    for prop in _SHOWN:
        term = context.get(prop, {})
        iri = term.get("@id") if isinstance(term, dict) else None
        if iri and ":" in iri and iri.split(":", 1)[0] in prefixes:
            iri = prefixes[iri.split(":", 1)[0]] + iri.split(":", 1)[1]
        if URIRef(iri or str(DG[prop])) in once:
            found.add(prop)
    return found


