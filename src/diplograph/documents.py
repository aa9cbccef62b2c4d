"""Adding and removing source documents, and the analyst's helpers: suggestions and near-duplicate warnings."""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from rdflib import URIRef

from . import atomic
from .coverage import coverage
from .errors import DiplographError, Problem
from .extract import CONTROL_CHARACTERS, Extracted, extract
from .graph import KnowledgeGraph
from .layout import CONTEXT_IRI, ENTITIES_GRAPH, FACT_SHEET_SUFFIXES, Layout
from .namespaces import DG, DGS, RDF, RDFS, SKOS
from .resources import is_bundled_copy
from .schema import read_schema
from .settings import DEFAULT_MAX_DOCUMENT_MB
from .sheets import dump_yaml, load_yaml
from .terms import expand, short

__all__ = ["Suggestion", "add_source", "near_duplicates", "near_duplicates_in", "remove_source", "slug_for",
           "suggest"]

_HEADER = """# A fact sheet: YAML-LD (JSON-LD written as YAML) with the project's context (ontology/context.jsonld).
# Every fact needs who asserts it (attributedTo), how (assertionMode) and the exact words of the source
# (evidence). Name entities by their prefixed IRI (dgr:russia) or by a label or alias the graph knows
# ("Moscow", "Kyiv"). Check with `diplograph validate`; draft candidates with `diplograph draft {slug}`.
"""
_EXAMPLE = """  # An example statement, to copy and adapt:
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
  #   datePrecision: DayPrecision
  #   evidence:
  #     - source: dgs:{slug}
  #       selector: {{type: TextQuoteSelector, exact: "the exact words of the source"}}
"""
_LONGEST_SLUG = 80


def slug_for(document: Path, day: date, title: str | None = None) -> str:
    """A readable, stable name for a source: its date and its file name (else its title), in lowercase ASCII.

    Names in other scripts are transliterated, so every name is a valid IRI
    segment and file name; one with nothing left to spell is named by its date alone.

    >>> slug_for(Path("Talks in Geneva (draft).txt"), date(2026, 1, 5))
    '2026-01-05-talks-in-geneva-draft'
    >>> slug_for(Path("Переговоры у Відні.html"), date(2026, 2, 21))
    '2026-02-21-peregovory-u-vidni'
    >>> slug_for(Path("___.txt"), date(2026, 2, 21), "…")
    '2026-02-21-document'
    """
    from anyascii import anyascii

    prefix = day.isoformat()
    for name in (document.stem, title or ""):
        stem = re.sub(r"[^a-z0-9]+", "-", anyascii(unicodedata.normalize("NFC", name)).lower()).strip("-")
        stem = stem.removeprefix(prefix).strip("-")[:_LONGEST_SLUG].strip("-")
        if stem:
            return f"{prefix}-{stem}"
    return f"{prefix}-document"


def add_source(layout: Layout, document: Path, *, title: str | None = None, day: date | None = None,
               publisher: str | None = None, url: str | None = None,
               max_mb: float = DEFAULT_MAX_DOCUMENT_MB) -> tuple[str, Path]:
    """Register a document — plain text, a saved HTML page or a PDF — and start its fact sheet.

    The text quotes will cite goes to ``data/sources/<slug>.txt`` (UTF-8 plain
    text unchanged; an HTML page's main text, a PDF's text layer or text in
    another encoding, decoded and normalised, see :mod:`diplograph.extract`);
    anything but UTF-8 plain text is also kept as received in
    ``data/sources/originals/``, its SHA-256 in the fact sheet. Title, date,
    publisher and URL come from the options, else from the file itself.

    The sheet names the source's author (``creator``: the page's or PDF's named
    author, else "Author of …"), so the author's own judgements have an
    asserter. It is written last, each file through a temporary file and a
    rename: until it exists the document is not registered, and an interrupted
    run can simply be repeated.

    Returns
    -------
    (slug, path of the new fact sheet)

    Raises
    ------
    DiplographError
        when the file cannot be read, says neither title nor date and none is given, a metadata value has
        control characters, or a source of that name exists already (nothing is written then).
    """
    extracted = extract(document, max_mb=max_mb)
    source = _described(document, extracted, title, day, publisher, url)
    slug = slug_for(document, date.fromisoformat(source["issued"]), source["title"])
    sheet = layout.documents_dir / f"{slug}.yaml"
    existing = [p for p in (layout.documents_dir / f"{slug}{s}" for s in FACT_SHEET_SUFFIXES) if p.exists()]
    if existing:
        raise DiplographError(f"source {slug!r} exists already ({existing[0]}); remove it first or rename the file")
    _refuse_bundled(layout)
    author = {"id": f"dgr:author-{slug}", "type": "Author",
              "label": extracted.author or f"Author of “{source['title']}”"}
    source = {"id": f"dgs:{slug}", "type": "SourceDocument", **source, "creator": author["id"],
              **_kept(layout, slug, document, extracted)}
    body = dump_yaml({"@context": CONTEXT_IRI, "@graph": [source, author]})
    atomic.write(sheet, _HEADER.format(slug=slug) + body + _EXAMPLE.format(slug=slug, date=source["issued"]),
                 check=_parses_as_yaml)
    return slug, sheet


def _described(document: Path, extracted: Extracted, title: str | None, day: date | None, publisher: str | None,
                url: str | None) -> dict[str, str]:
    """The source's title, date, publisher and address: the options', else the file's own, each one line."""
    title, day = title or extracted.title, day or extracted.day
    missing = [name for name, value in (("--title", title), ("--date", day)) if value is None]
    if missing:
        raise DiplographError(f"{document}: {' and '.join(missing)} needed (the {extracted.kind} file does not say)")
    assert title is not None and day is not None
    publisher, url = publisher or extracted.publisher, url or extracted.url
    for what, value in (("title", title), ("publisher", publisher), ("url", url)):
        if value is not None and (CONTROL_CHARACTERS.search(value) or re.search(r"[\n\r]", value)):
            raise DiplographError(f"--{what} has a control character or a line break; give it as one line")
    if url is not None and not re.match(r"https?://[^\s<>\"]+$", url):
        url = None  # a page's own address that is not a web address (file:, javascript:, …) is not recorded
    return {"title": title, "issued": day.isoformat(),
            **{key: value for key, value in (("publisher", publisher), ("url", url)) if value}}


def _kept(layout: Layout, slug: str, document: Path, extracted: Extracted) -> dict[str, str]:
    """Write the text quotes will cite (and the original, unless the text is it); their entries in the sheet."""
    text = extracted.text.encode("utf-8")
    layout.sources_dir.mkdir(parents=True, exist_ok=True)
    layout.documents_dir.mkdir(parents=True, exist_ok=True)
    atomic.write(layout.sources_dir / f"{slug}.txt", text)
    entries = {"textFile": f"sources/{slug}.txt", "sha256": hashlib.sha256(text).hexdigest()}
    if not extracted.unchanged:
        raw = document.read_bytes()
        original = layout.sources_dir / "originals" / f"{slug}{document.suffix.lower() or '.txt'}"
        original.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(original, raw)
        entries |= {"originalFile": f"sources/originals/{original.name}",
                    "originalSha256": hashlib.sha256(raw).hexdigest()}
    return entries


def _parses_as_yaml(path: Path) -> None:
    """A written fact sheet reads back as the mapping it was meant to be (else it is not put in place)."""
    loaded = load_yaml(path.read_text(encoding="utf-8"))
    if not isinstance(loaded, dict) or "@graph" not in loaded:
        raise DiplographError(f"{path}: the fact sheet did not read back; nothing was registered")


def remove_source(layout: Layout, slug: str, *, force: bool = False) -> tuple[list[Path], Path]:
    """Move a source's fact sheet, text, original file and drafts out of the corpus: exactly its named graph leaves.

    The files go to ``data/.removed/<slug>-<time>/``, not away: put them back to
    undo. Other documents that name the source, or entities and statements its
    fact sheet defines, would be left pointing at nothing, so the removal is
    refused then unless ``force`` is given.

    Returns
    -------
    (the files moved, the folder they were moved to)

    Raises
    ------
    DiplographError
        when there is no such source, or other documents depend on it (without ``force``).
    """
    _refuse_bundled(layout)
    found = [p for p in (*(layout.documents_dir / f"{slug}{s}" for s in FACT_SHEET_SUFFIXES),
                         layout.sources_dir / f"{slug}.txt",
                         *sorted((layout.sources_dir / "originals").glob(f"{slug}.*")),
                         layout.data / "review" / f"{slug}.yaml") if p.exists()]
    if not found:
        layout.document(slug)  # the nearest registered name, if one is near
        raise DiplographError(f"no source named {slug!r}")
    if not force:
        users = _dependents(layout, slug)
        if users:
            raise DiplographError(f"other documents refer to what {slug!r} defines ({'; '.join(users[:3])}"
                                  f"{' …' if len(users) > 3 else ''}); change those first, or use --force")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    backup = layout.data / ".removed" / f"{slug}-{stamp}"
    backup.mkdir(parents=True, exist_ok=False)
    moved = []
    for path in found:
        target = backup / path.relative_to(layout.data)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(path, target)
        moved.append(path)
    return moved, backup


def _dependents(layout: Layout, slug: str) -> list[str]:
    """``file:line: IRI`` of each reference from another document to the source or to an IRI it defines."""
    from .corpus import read_corpus

    corpus = read_corpus(layout, validate=False, graphs=False)
    own = next((d for d in corpus.documents if d.name == slug), None)
    defined = (own.index.described if own else frozenset()) | {str(DGS[slug])}
    found = []
    for document in corpus.documents:
        if document is own:
            continue
        used = (document.index.refers | document.index.described) & defined
        found += [f"{document.file.display}:{document.file.line_of(iri) or '?'}: {short(URIRef(iri))}"
                  for iri in sorted(used)]
    return found


def _refuse_bundled(layout: Layout) -> None:
    if is_bundled_copy(layout.data):
        raise DiplographError(f"{layout.data} is the copy installed with the package; copy it and name the copy "
                              "with --data DIR (or DIPLOGRAPH_DATA) to add or remove documents")


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
    sheets = {file.graph for file in graph.files} - {ENTITIES_GRAPH}
    warnings = []
    for subject, label in sorted(dataset.subject_objects(RDFS.label)):
        if not isinstance(subject, URIRef) or not _is_new_entity(graph, subject, sheets):
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


def near_duplicates_in(layout: Layout) -> list[Problem]:
    """:func:`near_duplicates` of the files of ``layout``, read from the documents that type an actor or a
    territory (and the shared graphs) only: no other document can hold a new entity's name, and loading all of
    them was most of a warm ``validate`` at 1,000 documents (5.6 of 10 s)."""
    from .corpus import read_corpus
    from .engine import LocalStore

    corpus = read_corpus(layout, validate=False)
    schema = read_schema(layout.ontology)
    kinds = {expand(k) for k in (schema.subclasses("dg:Actor") | schema.subclasses("dg:Territory"))
             - schema.subclasses("dg:Author")}  # a document's author is its own, never a near-duplicate
    naming = [d for d in corpus.documents if any(kinds.intersection(types) for types in d.index.types.values())]
    graph = KnowledgeGraph(layout)
    graph.swap(LocalStore.in_memory(corpus.shared, [], [d.nquads for d in naming]),
               corpus.shared_files + [d.file for d in naming])
    return near_duplicates(graph)


def _is_new_entity(graph: KnowledgeGraph, subject: URIRef, sheets: set[URIRef]) -> bool:
    """An actor or territory defined in a fact sheet (not the reference entities, not a generated corpus)."""
    dataset = graph.dataset
    schema = read_schema(graph.layout.ontology)
    kinds = (schema.subclasses("dg:Actor") | schema.subclasses("dg:Territory")) - schema.subclasses("dg:Author")
    if not {short(t) for t in dataset.objects(subject, RDF.type)} & kinds:
        return False
    graphs = {getattr(c, "identifier", c) for _, _, _, c in dataset.quads((subject, RDF.type, None, None))}
    return ENTITIES_GRAPH not in graphs and bool(graphs & sheets)


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
