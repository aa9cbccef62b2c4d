"""Adding and removing source documents, and the analyst's helpers: suggestions and near-duplicate warnings."""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import URIRef

from .coverage import coverage
from .errors import DiplographError, Problem
from .graph import KnowledgeGraph
from .load import CONTEXT_IRI, ENTITIES_GRAPH, FACT_SHEET_SUFFIXES, Layout
from .namespaces import DG, DGS, RDF, RDFS, SKOS
from .results import short

__all__ = ["Suggestion", "add_source", "near_duplicates", "remove_source", "slug_for", "suggest"]

_TEMPLATE = """# Fact sheet for {title!r} ({date}). YAML-LD: JSON-LD written as YAML, with the project's context
# (ontology/context.jsonld). Every fact needs who asserts it (attributedTo), how (assertionMode) and the
# exact words of the source (evidence). Name entities by their prefixed IRI (dgr:russia) or by a label or
# alias the graph knows ("Moscow", "Kyiv"). Check with:  diplograph validate   Gaps:  diplograph suggest {slug}
"@context": {context}
"@graph":
  - id: dgs:{slug}
    type: SourceDocument
    title: {title_yaml}
    issued: {date}
    textFile: sources/{slug}.txt
    sha256: {sha256}{extra}
  # An example statement, to copy and adapt:
  # - id: dgr:demand-example
  #   type: Demand
  #   label: Ukraine must withdraw from the occupied territories
  #   demandedBy: Moscow
  #   demandedOf: Kyiv
  #   callsFor: [WithdrawalOfForces, TerritorialConcession]
  #   attributedTo: dgr:putin
  #   assertionMode: Reported
  #   derivedFrom: dgs:{slug}
  #   statedOn: {date}
  #   evidence:
  #     - source: dgs:{slug}
  #       selector: {{type: TextQuoteSelector, exact: "the exact words of the source"}}
"""


def slug_for(text_file: Path, day: date) -> str:
    """A readable, stable name for a source: its date and its file name, in lowercase ASCII.

    >>> slug_for(Path("Talks in Geneva (draft).txt"), date(2026, 1, 5))
    '2026-01-05-talks-in-geneva-draft'
    """
    stem = unicodedata.normalize("NFKD", text_file.stem).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    prefix = day.isoformat()
    return stem if stem.startswith(prefix) else f"{prefix}-{stem}"


def add_source(layout: Layout, text_file: Path, *, title: str, day: date, publisher: str | None = None,
               url: str | None = None) -> tuple[str, Path]:
    """Copy ``text_file`` unchanged into ``data/sources/``, and start its fact sheet with the source's metadata.

    Returns
    -------
    (slug, path of the new fact sheet)

    Raises
    ------
    DiplographError
        when a source of that name exists already (nothing is written then).
    """
    slug = slug_for(text_file, day)
    target = layout.sources_dir / f"{slug}.txt"
    sheet = layout.documents_dir / f"{slug}.yaml"
    existing = [p for p in (target, *(layout.documents_dir / f"{slug}{s}" for s in FACT_SHEET_SUFFIXES)) if p.exists()]
    if existing:
        raise DiplographError(f"source {slug!r} exists already ({existing[0]}); remove it first or rename the file")
    raw = text_file.read_bytes()
    raw.decode("utf-8")  # a source must be UTF-8 text; fail before writing anything
    layout.sources_dir.mkdir(parents=True, exist_ok=True)
    layout.documents_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(text_file, target)
    extra = ""
    if publisher:
        extra += f"\n    publisher: {_yaml_string(publisher)}"
    if url:
        extra += f"\n    url: {_yaml_string(url)}"
    sheet.write_text(_TEMPLATE.format(title=title, title_yaml=_yaml_string(title), date=day.isoformat(), slug=slug,
                                      sha256=hashlib.sha256(raw).hexdigest(), context=CONTEXT_IRI, extra=extra),
                     encoding="utf-8")
    return slug, sheet


def remove_source(layout: Layout, slug: str) -> list[Path]:
    """Delete a source's fact sheet and text: exactly its named graph leaves the corpus. Returns what was removed."""
    removed = [p for p in (*(layout.documents_dir / f"{slug}{s}" for s in FACT_SHEET_SUFFIXES),
                           layout.sources_dir / f"{slug}.txt") if p.exists()]
    if not removed:
        raise DiplographError(f"no source named {slug!r}")
    for path in removed:
        path.unlink()
    return removed


@dataclass(frozen=True)
class Suggestion:
    """A sentence of a source that mentions known entities but that no fact cites yet: a to-do for the analyst."""

    start: int
    text: str
    mentions: tuple[str, ...]


def suggest(graph: KnowledgeGraph, source: URIRef | str) -> list[Suggestion]:
    """Uncited sentences of ``source`` that name entities the graph knows, by label or alias.

    >>> kg = KnowledgeGraph.open()
    >>> suggest(kg, "2025-11-30-peace-talks-putin-conditions")  # every sentence is cited already
    []
    """
    iri = source if isinstance(source, URIRef) else (URIRef(source) if ":" in source else DGS[source])
    report = next((r for r in coverage(graph) if r.source == str(iri)), None)
    if report is None:
        raise DiplographError(f"no source document <{iri}>")
    names = _entity_names(graph)
    found = []
    for sentence in report.uncited:
        mentions = sorted({short(entity) for name, entity in names if _mentions(sentence.text, name)})
        if mentions:
            found.append(Suggestion(sentence.start, sentence.text, tuple(mentions)))
    return found


def near_duplicates(graph: KnowledgeGraph, threshold: float = 0.84) -> list[Problem]:
    """Warnings for entities of the documents whose label is close to another entity's label or alias.

    A different spelling or transliteration ("Zelensky", "Kiev") usually means
    the analyst meant the entity that exists already.
    """
    dataset = graph.dataset
    names = _entity_names(graph)
    warnings = []
    for subject, label in sorted(dataset.subject_objects(RDFS.label)):
        if not isinstance(subject, URIRef) or not _is_new_entity(graph, subject):
            continue
        wanted = _normal(str(label))
        best = max(((difflib.SequenceMatcher(None, wanted, _normal(name)).ratio(), name, other)
                    for name, other in names if other != subject), default=None)
        if best and best[0] >= threshold:
            file = next((f for f in graph.files if f.line_of(str(subject))), None)
            warnings.append(Problem(file.display if file else "?", file.line_of(str(subject)) if file else None,
                                    f"warning: {short(subject)} {str(label)!r} looks like {short(best[2])} "
                                    f"{best[1]!r}; reuse it (its IRI, label or alias) if it is the same",
                                    focus=str(subject)))
    return warnings


def _is_new_entity(graph: KnowledgeGraph, subject: URIRef) -> bool:
    """An actor or territory defined in a document graph (not the reference entities)."""
    dataset = graph.dataset
    kinds = {DG.Person, DG.State, DG.Organisation, DG.Group, DG.Territory}
    if not set(dataset.objects(subject, RDF.type)) & kinds:
        return False
    graphs = {getattr(c, "identifier", c) for _, _, _, c in dataset.quads((subject, RDF.type, None, None))}
    return ENTITIES_GRAPH not in graphs


def _entity_names(graph: KnowledgeGraph) -> list[tuple[str, URIRef]]:
    dataset = graph.dataset
    kinds = graph.instances(DG.Actor) + graph.instances(DG.Territory)
    names = []
    for entity in kinds:
        if (entity, RDF.type, DG.Author) in dataset:
            continue
        for predicate in (RDFS.label, SKOS.altLabel):
            names += [(str(name), entity) for name in dataset.objects(entity, predicate) if len(str(name)) >= 3]
    return names


def _mentions(text: str, name: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, re.IGNORECASE) is not None


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
