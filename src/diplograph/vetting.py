"""Drafts audited before they are offered: each candidate's fact, as it would be written, read by the audit.

A drafted fact that the audit would flag once accepted (a party the quote
does not name, a speaker other than the quote's, a dropped qualifier …) is
flagged now, beside its sentence, so that the reviewer sees why before
deciding. The facts are put, as the fact sheet would hold them, into the
document's world (``KnowledgeGraph.world``: the ontology, the reference
entities and the document's own graph — not the whole corpus) and audited
there.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .fidelity import findings_in, statements_in
from .graph import KnowledgeGraph
from .layout import CONTEXT_IRI
from .load import parse_into
from .namespaces import DGS
from .review import Candidate, proposed_fact
from .sheets import SourceFile, dump_yaml

__all__ = ["vet"]


def vet(graph: KnowledgeGraph, name: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` of document ``name``, each with the audit's findings on the fact it would become."""
    if not candidates:
        return candidates
    facts = {f"dgr:{c.kind.lower()}-{c.id}": c for c in candidates}
    sheet = dump_yaml({"@context": CONTEXT_IRI, "@graph": [proposed_fact(c, name) for c in candidates]})
    drafted = Graph()
    parse_into(drafted, SourceFile(Path(f"{name}.yaml"), DGS[name], f"drafts of {name}", sheet), graph.layout,
               graph.names)
    world = graph.world([DGS[name]], extra=drafted)
    found: dict[str, list[str]] = {}
    for finding in findings_in(world, statements_in(world), graph.source_texts()):
        if finding.node in facts:
            found.setdefault(finding.node, []).append(f"{finding.message} [{finding.rule}]")
    for iri, candidate in facts.items():
        candidate.findings = found.get(iri, [])
    return candidates
