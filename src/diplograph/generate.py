"""A synthetic corpus with the shape of real ones, for benchmarks: seeded, reproducible, ontology-valid, streamed.

Many source documents, recurring actors and territories, demands, principles,
positions, claims, each with who asserts it and a quote. It is written as
N-Quads, one document graph at a time, so memory stays flat at any size. The
quotes are generated sentences: the data passes the SHACL shapes, but there
are no source texts to check quotes against, so load it without the quote
check (``diplograph load`` does).
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TextIO

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from . import atomic
from .namespaces import DCTERMS, DG, DGS, OA, PROV, RDF, RDFS
from .resources import bundled

__all__ = ["SYNTHETIC", "generate", "generate_documents"]

SYNTHETIC = "https://w3id.org/diplograph/synthetic/"
_KINDS = (DG.State, DG.State, DG.Person, DG.Organisation, DG.Group)
_MEASURES = (DG.WithdrawalOfForces, DG.TerritorialConcession, DG.RecognitionOfControl, DG.EndOfOccupation,
             DG.RestorationOfBorders, DG.NoTerritorialConcessions, DG.MilitaryLimitation, DG.BindingSecurityGuarantee,
             DG.GuaranteeWithoutAlliance, DG.Ceasefire, DG.Negotiation, DG.InternationalMonitoring)
_STANCES = (DG.Supports, DG.Rejects, DG.ConditionallyAccepts, DG.AcceptsAsBasis)
_MODES = (DG.Reported, DG.Interpretation, DG.Judgement, DG.FactualAssertion)
_VERBS = ("demands", "insists on", "calls for", "rejects", "supports", "warns against", "proposes")


@dataclass(frozen=True)
class _World:
    actors: list[tuple[URIRef, URIRef, str]]
    territories: list[tuple[URIRef, str]]


BYTES_PER_QUAD = 200
"""A generous bound on the size of one generated N-Quads line, for the free-space check before writing."""


def generate(out: TextIO, triples: int, *, seed: int = 0, progress: Callable[[int], None] | None = None) -> int:
    """Write at least ``triples`` quads to ``out`` (N-Quads); return how many were written.

    The same ``seed`` and size give the same bytes.

    >>> import io
    >>> buffer = io.StringIO()
    >>> written = generate(buffer, 500, seed=1)
    >>> written >= 500 and buffer.getvalue().count("\\n") == written
    True
    """
    rng = random.Random(seed)
    size = max(20, int(triples ** 0.5) // 4)
    world = _World(
        actors=[(URIRef(f"{SYNTHETIC}actor/{i}"), _KINDS[i % len(_KINDS)], f"Actor {i}") for i in range(size)],
        territories=[(URIRef(f"{SYNTHETIC}territory/{i}"), f"Territory {i}") for i in range(size)],
    )
    written = 0
    reference = URIRef(f"{SYNTHETIC}graph/entities")
    for quad in _reference(world, reference):
        out.write(quad)
        written += 1
    document = 0
    while written < triples:
        for quad in _document(world, document, rng):
            out.write(quad)
            written += 1
        document += 1
        if progress is not None and document % 64 == 0:
            progress(written)
    return written


def _quad(s: URIRef, p: URIRef, o, g: URIRef) -> str:
    return f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} .\n"


def _reference(world: _World, graph: URIRef) -> Iterator[str]:
    for iri, kind, label in world.actors:
        yield _quad(iri, RDF.type, kind, graph)
        yield _quad(iri, RDFS.label, Literal(label, lang="en"), graph)
    for iri, label in world.territories:
        yield _quad(iri, RDF.type, DG.Territory, graph)
        yield _quad(iri, RDFS.label, Literal(label, lang="en"), graph)


def _document(world: _World, number: int, rng: random.Random) -> Iterator[str]:
    source = URIRef(f"{DGS}synthetic-{number}")
    issued = date(2022, 2, 24) + timedelta(days=number % 1400)
    author = URIRef(f"{SYNTHETIC}author/{number}")
    yield _quad(source, RDF.type, DG.SourceDocument, source)
    yield _quad(source, DCTERMS.title, Literal(f"Synthetic report {number}", lang="en"), source)
    yield _quad(source, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.date), source)
    yield _quad(source, DG.textFile, Literal(f"sources/synthetic-{number}.txt"), source)
    yield _quad(source, DG.sha256, Literal(hashlib.sha256(str(number).encode()).hexdigest()), source)
    yield _quad(author, RDF.type, DG.Author, source)
    yield _quad(author, RDFS.label, Literal(f"Author of synthetic report {number}", lang="en"), source)
    for index in range(rng.randint(8, 24)):
        yield from _statement(world, source, author, f"{number}-{index}", rng)


def _statement(world: _World, source: URIRef, author: URIRef, key: str, rng: random.Random) -> Iterator[str]:
    iri = URIRef(f"{SYNTHETIC}statement/{key}")
    actor, _, actor_label = rng.choice(world.actors)
    other = rng.choice(world.actors)[0]
    territory, territory_label = rng.choice(world.territories)
    measure = rng.choice(_MEASURES)
    kind = rng.choice((DG.Demand, DG.Demand, DG.Principle, DG.Position, DG.Claim))
    verb = rng.choice(_VERBS)
    sentence = f"{actor_label} {verb} {measure.rsplit('#', 1)[-1]} over {territory_label} ({key})."
    yield _quad(iri, RDF.type, kind, source)
    yield _quad(iri, RDFS.label, Literal(sentence, lang="en"), source)
    if kind == DG.Demand:
        yield _quad(iri, DG.demandedBy, actor, source)
        yield _quad(iri, DG.demandedOf, other, source)
        yield _quad(iri, DG.callsFor, measure, source)
        yield _quad(iri, DG.concerns, territory, source)
    elif kind == DG.Principle:
        yield _quad(iri, DG.heldBy, actor, source)
        yield _quad(iri, DG.callsFor, measure, source)
    elif kind == DG.Position:
        yield _quad(iri, DG.holder, actor, source)
        yield _quad(iri, DG.stance, rng.choice(_STANCES), source)
        yield _quad(iri, DG.towards, measure, source)
    else:
        yield _quad(iri, DG.about, other, source)
    attributed = author if rng.random() < 0.3 else actor
    yield _quad(iri, PROV.wasAttributedTo, attributed, source)
    yield _quad(iri, DG.assertionMode, rng.choice(_MODES), source)
    yield _quad(iri, PROV.wasDerivedFrom, source, source)
    evidence = URIRef(f"{SYNTHETIC}evidence/{key}")
    selector = URIRef(f"{SYNTHETIC}selector/{key}")
    yield _quad(iri, DG.evidence, evidence, source)
    yield _quad(evidence, OA.hasSource, source, source)
    yield _quad(evidence, OA.hasSelector, selector, source)
    yield _quad(selector, RDF.type, OA.TextQuoteSelector, source)
    yield _quad(selector, OA.exact, Literal(sentence), source)


def generate_documents(folder: Path, count: int, *, progress: Callable[[int], None] | None = None) -> list[str]:
    """Write a data folder of ``count`` documents, valid by construction: the names of the documents written.

    Each is the bundled document under a name of its own — its own source
    text (a first line and a last sentence added), statement IRIs, named
    graph and text digest — and each after the first holds one more statement,
    a position towards a statement of the document before it: a reference
    across documents. The reference entities are the bundled ones, shared by
    all. Unlike the N-Quads corpus, every quote is in its text, so the whole
    document path (validation, review, audit) can be measured on it.
    """
    template = bundled("data")
    (sheet,) = sorted((template / "documents").glob("*.ttl"))
    turtle = sheet.read_text(encoding="utf-8")
    text = (template / "sources" / f"{sheet.stem}.txt").read_text(encoding="utf-8")
    defined = sorted(set(re.findall(r"^dgr:([\w.-]+)", turtle, re.MULTILINE)), key=len, reverse=True)
    (folder / "documents").mkdir(parents=True, exist_ok=True)
    (folder / "sources").mkdir(exist_ok=True)
    atomic.write(folder / "entities.ttl", (template / "entities.ttl").read_bytes())
    names = []
    for number in range(count):
        name = f"synthetic-{number:04d}"
        own = f"Synthetic report {number}, a copy made for measuring.\n\n{text.rstrip()}\n"
        if number:
            own += f"\nKyiv rejects the reading given in synthetic report {number - 1}.\n"
        atomic.write(folder / "sources" / f"{name}.txt", own)
        atomic.write(folder / "documents" / f"{name}.ttl",
                     _renamed(turtle, sheet.stem, name, number, defined, own) + _answer(name, number))
        names.append(name)
        if progress is not None:
            progress(number + 1)
    return names


def _renamed(turtle: str, old: str, name: str, number: int, defined: list[str], text: str) -> str:
    """The template document as document ``name``: its IRIs, source, digest and aliases its own."""
    turtle = turtle.replace(f"dgs:{old}", f"dgs:{name}").replace(f"sources/{old}.txt", f"sources/{name}.txt")
    turtle = re.sub(r'dg:sha256 "[0-9a-f]{64}"', f'dg:sha256 "{hashlib.sha256(text.encode()).hexdigest()}"',
                    turtle)
    pattern = re.compile(r"\bdgr:(" + "|".join(re.escape(local) for local in defined) + r")(?![\w.-]*[\w-])")
    turtle = pattern.sub(lambda match: f"dgr:{match.group(1)}-{number:04d}", turtle)
    return re.sub(r"skos:altLabel ([^\n]*?)\s*([;.])[ \t]*$", lambda line: _aliases(line, number), turtle,
                  flags=re.M)


def _aliases(line: re.Match, number: int) -> str:
    """A template's aliases made this copy's own (an alias names one thing in the whole corpus), their words kept as
    cue words (``skos:hiddenLabel``: the copy's text says them, drafting and the audit look for them)."""
    own = re.sub(r'"([^"]*)"@en', rf'"\1 ({number})"@en', line.group(1))
    return f"skos:altLabel {own} ;\n    skos:hiddenLabel {line.group(1)} {line.group(2)}"


def _answer(name: str, number: int) -> str:
    if not number:
        return ""
    return f"""
dgr:position-answers-{number:04d} a dg:Position ;
    rdfs:label "Kyiv rejects the reading of synthetic report {number - 1}"@en ;
    dg:holder dgr:ukraine ;
    dg:stance dg:Rejects ;
    dg:towards dgr:position-putin-plan-as-basis-{number - 1:04d} ;
    prov:wasAttributedTo dgr:ukraine ;
    dg:assertionMode dg:Reported ;
    dg:datePrecision dg:AsOfDocument ;
    prov:wasDerivedFrom dgs:{name} ;
    dg:evidence [ oa:hasSource dgs:{name} ;
        oa:hasSelector [ a oa:TextQuoteSelector ;
            oa:exact "Kyiv rejects the reading given in synthetic report {number - 1}." ] ] .
"""
