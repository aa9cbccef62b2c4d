"""Commands of the documents workflow: register a source, draft and review its facts, validate, audit, cover."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..corpus import validate_files
from ..documents import add_source, near_duplicates_in, remove_source, suggest
from ..drafting import draft as draft_candidates
from ..errors import DiplographError
from ..review import Candidate, read_candidates, review_file
from ..review import accept as accept_candidate
from ..review import reject as reject_candidate
from .common import DataOption, OntologyOption, StoreOption, layout_of, open_graph, settings_of, status
from .output import TEXT_FORMATS, err, formats, out, print_json, print_rows, table_format
from .progress import report

__all__ = ["register"]

_RELOAD = ("A running `diplograph serve` on these files picks the change up within seconds (it watches the data "
           "folder).")

TextFormat = formats(*TEXT_FORMATS)
ReportFormat = formats("text", "json", help="text (one line per item, also when piped) or json.")


def validate(data: DataOption = None, ontology: OntologyOption = None) -> None:
    """Parse, SHACL-validate, check every quote against its source and every term against the ontology."""
    layout = layout_of(data, ontology)
    with report(err, "validating (parse, terms, shapes, quotes)", unit="documents") as advance:
        problems = validate_files(layout, progress=lambda what, done, total: advance(done, f"{what} of {total}"))
    for problem in problems:
        err.print(str(problem), soft_wrap=True)
    if problems:
        err.print(f"{len(problems)} problem(s) found.")
        raise typer.Exit(1)
    with status("looking for near-duplicate names"):
        warnings = near_duplicates_in(layout)
    for warning in warnings:
        err.print(str(warning), soft_wrap=True)
    out.print(f"OK: {len(layout.files())} files valid (shapes, terms, quotes, source hashes).")


def audit(data: DataOption = None, ontology: OntologyOption = None, format: ReportFormat = None) -> None:
    """List facts whose words, parties, dates or asserters their quotes do not bear out, for review.

    Validation checks form; the audit checks meaning as far as a program can
    (see ``diplograph.fidelity``): a measure or party not named where its
    quotes stand (unless a derivation rule covers it), a reported statement
    without a date precision, a position that is not its holder's, a described
    entity without who describes it, a query showing a date without its kind;
    a stance, recurrence, prediction, negotiability or precondition its words
    do not bear out; a reading recorded as a fact; a named place or a target
    not named (``--format json`` lists every rule). Exit code 1 when anything
    is found.
    """
    from ..auditing import audit_files
    from ..fidelity import RULES

    layout = layout_of(data, ontology)
    with status("auditing what the facts say against their quotes"):
        findings = audit_files(layout)
    if format == "json":
        print_json({"findings": [asdict(f) for f in findings], "rules": RULES})
    else:
        for finding in findings:
            out.print(Text(str(finding)), soft_wrap=True)
        out.print(f"{len(findings)} finding(s)." if findings else "OK: nothing to review.")
    if findings:
        raise typer.Exit(1)


def coverage(data: DataOption = None, ontology: OntologyOption = None, store: StoreOption = None,
             format: ReportFormat = None) -> None:
    """Per source document: the share of content sentences that some fact's quote cites, and the others."""
    from ..coverage import coverage as document_coverage

    reports = document_coverage(open_graph(data, ontology, store, validate=False))
    if format == "json":
        print_json([{"source": r.source, "title": r.title, "sentences": len(r.sentences), "cited": r.cited,
                     "ratio": round(r.ratio, 4),
                     "uncited": [{"start": s.start, "end": s.end, "text": s.text} for s in r.uncited]}
                    for r in reports])
        return
    for found in reports:
        out.print(Text(f"{found.source}\n  {found.title}\n  {found.cited}/{len(found.sentences)} content "
                       f"sentences cited ({found.ratio:.1%})"))
        for sentence in found.uncited:
            out.print(Text(f"  uncited @{sentence.start}: {sentence.text}"))


def suggest_command(source: Annotated[str, typer.Argument(help="The source's name, title or IRI.")],
                    data: DataOption = None, ontology: OntologyOption = None, store: StoreOption = None,
                    format: ReportFormat = None) -> None:
    """List the sentences of a source that mention known entities and that no fact cites yet: a to-do list."""
    graph = open_graph(data, ontology, store, validate=False)
    found = suggest(graph, graph.source(source))
    if format == "json":
        print_json([{"start": s.start, "text": s.text, "mentions": list(s.mentions)} for s in found])
        return
    for suggestion in found:
        out.print(Text(f"@{suggestion.start} [{', '.join(suggestion.mentions)}] {suggestion.text}"))
    err.print(f"{len(found)} sentence(s) to encode")


def add_source_command(
    document: Annotated[Path, typer.Argument(help="The document: text, a saved HTML page, or a PDF.")],
    title: Annotated[str | None, typer.Option(help="Its title (else the page's or PDF's own).")] = None,
    date: Annotated[str | None, typer.Option(help="Its date, YYYY-MM-DD (else the page's or PDF's own).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it (else the site's name).")] = None,
    url: Annotated[str | None, typer.Option(help="Where it was found (else the page's own).")] = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """Register a new source: its text into data/sources/ (an HTML page's or PDF's extracted, the original kept
    beside it), and start its fact sheet in data/documents/. Documents past DIPLOGRAPH_MAX_DOCUMENT_MB (10 MB)
    are refused."""
    day = None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            raise DiplographError(f"--date must be YYYY-MM-DD, not {date!r}") from None
    settings = settings_of(data, ontology)
    layout = settings.layout()
    layout.check_folders()
    slug, sheet = add_source(layout, document, title=title, day=day, publisher=publisher, url=url,
                             max_mb=settings.max_document_mb)
    out.print(Text(f"added {slug}: its fact sheet is {sheet}. Next: `diplograph draft {slug}` proposes facts "
                   f"for review; `diplograph validate` checks the sheet. {_RELOAD}"))


def remove_source_command(
    slug: Annotated[str, typer.Argument(help="The source's name (its file name without extension).")],
    force: Annotated[bool, typer.Option(help="Remove it though other documents refer to what it defines.")] = False,
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """Remove a source: its fact sheet and text leave the corpus (kept in data/.removed/ to undo)."""
    removed, backup = remove_source(layout_of(data, ontology), slug, force=force)
    for path in removed:
        out.print(Text(f"removed {path}"), soft_wrap=True)
    out.print(Text(f"kept a copy in {backup}: move the files back to undo. {_RELOAD}"), soft_wrap=True)


def draft(name: Annotated[str, typer.Argument(help="The source's name (as add-source printed it), or its title.")],
          data: DataOption = None, ontology: OntologyOption = None, format: TextFormat = None) -> None:
    """Draft candidate statements for a document into data/review/NAME.yaml (never loaded as facts), for review."""
    graph = open_graph(data, ontology, None, validate=False)
    name = graph.source(name)
    candidates = draft_candidates(graph, name)
    _print_candidates(candidates, format)
    err.print(Text(f"{len(candidates)} candidate(s) pending in {review_file(graph.layout, name)}; "
                   f"`diplograph review {name} --accept ID` (or a unique start of it) or --reject ID"),
              soft_wrap=True)


def review(
    name: Annotated[str, typer.Argument(help="The source's name.")],
    accept: Annotated[str | None, typer.Option(help="Write this candidate (its id, or a unique start of it) into "
                                                    "the fact sheet, if the corpus still validates.")] = None,
    reject: Annotated[str | None, typer.Option(help="Reject this candidate: it is not proposed again.")] = None,
    label: Annotated[str | None, typer.Option(help="With --accept: the statement's label.")] = None,
    set_: Annotated[list[str] | None, typer.Option("--set", help="With --accept: PROPERTY=VALUE to change first "
                                                                 "(e.g. demandedOf=Kyiv); repeat a property for "
                                                                 "several values.")] = None,
    force: Annotated[bool, typer.Option(help="With --accept: accept a candidate rejected earlier.")] = False,
    all_: Annotated[bool, typer.Option("--all", help="List decided candidates too.")] = False,
    format: TextFormat = None,
    data: DataOption = None,
    ontology: OntologyOption = None,
) -> None:
    """List a document's pending candidates, or accept or reject one."""
    layout = layout_of(data, ontology)
    if accept and reject:
        raise DiplographError("--accept or --reject, not both")
    if accept:
        iri = accept_candidate(layout, name, accept, label=label, edits=_edits(set_ or []), force=force)
        out.print(Text(f"accepted {accept} as {iri} in data/documents/{name}.yaml (validated). {_RELOAD}"))
    elif reject:
        candidate = reject_candidate(layout, name, reject)
        out.print(Text(f"rejected {candidate.id} (on {candidate.decided_on}): it will not be proposed again"))
    else:
        candidates = read_candidates(review_file(layout, name))
        _print_candidates([c for c in candidates if all_ or c.status == "pending"], format)


def _edits(pairs: list[str]) -> dict[str, str | list[str]]:
    """``--set`` pairs; a property given twice gets both values."""
    from .common import parse_params

    edits: dict[str, str | list[str]] = {}
    for pair in pairs:
        [(key, value)] = parse_params([pair]).items()
        if key in edits:
            previous = edits[key]
            edits[key] = [*(previous if isinstance(previous, list) else [previous]), value]
        else:
            edits[key] = value
    return edits


def _print_candidates(candidates: list[Candidate], format: str | None) -> None:
    chosen = table_format(format, rows=False)
    if chosen == "json":
        print_json([asdict(c) for c in candidates])
        return
    rows = [{"id": c.id, "status": c.status, "kind": f"{c.kind} ({c.assertion_mode})",
             "asserted by": c.asserted_by or "?",
             "date": f"{c.stated_on} ({c.date_precision})" if c.stated_on else "",
             "confidence": f"{c.confidence:.2f}", "sentence": c.sentence,
             "mentions": ", ".join(f"{m.text}→{m.entity}" + ("" if m.score == 1 else f" ({m.score:.2f})")
                                   for m in c.mentions)} for c in candidates]
    columns = ["id", "kind", "asserted by", "date", "confidence", "sentence", "mentions"]
    if any(c.status != "pending" for c in candidates):
        columns.insert(1, "status")
    print_rows(columns, rows, "table", keep_whole=("id",))


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(audit)
    app.command()(coverage)
    app.command("suggest")(suggest_command)
    app.command("add-source")(add_source_command)
    app.command("remove-source")(remove_source_command)
    app.command()(draft)
    app.command()(review)
