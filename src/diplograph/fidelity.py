"""The fidelity audit: does each fact say what its quotes say, with its date kind and its asserter?

Validation checks form (shapes, terms, verbatim quotes); this audit checks, as
far as a program can, meaning. It lists for an editor's review:

* a measure, characterisation, qualifier or reading (``dg:callsFor``,
  ``dg:forbids``, ``dg:characterisedAs``, ``dg:qualifier``,
  ``dg:readsAsCallingFor``) none of whose words — the concept's labels and cue
  words (``skos:hiddenLabel``) — occur where the statement's quotes stand;
* a party (who demands, of whom, who holds, who acts, who asserts or
  describes) not named there either, unless the statement declares a
  derivation rule (``dg:derivedBy``) that covers it;
* a reported statement without a date or a date precision;
* a position whose holder neither is nor speaks for its asserter;
* a described entity (a proposal, a guarantee …) without who describes it
  or without an assertion mode;
* a canned query that shows a date without saying what kind of date it is;
* and what :mod:`diplograph.scrutiny` (who speaks, qualifiers, dates, negations) and
  :mod:`diplograph.consistency` (stance, recurrence, kind and mode, named places and targets) read more closely.

"Where a quote stands" is its line in the source text, the line that leads the
list it belongs to (the nearest earlier line ending in a colon), and the
headings of its section. Words match case-insensitively at the start of a
word, so "withdraw" finds "withdrawal" and "Russia" finds "Russian".

This module holds the rules; :mod:`diplograph.auditing` runs them over a graph
or a data folder (and checks the canned queries' dates).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from . import consistency, scrutiny
from .evidence import Evidence, evidence_of
from .namespaces import DG, PROV, RDF, RDFS, SKOS
from .reporting import READER_WORDS
from .terms import local_name, short
from .wording import contexts, cue_in, named_alike, normalise
from .world import World

__all__ = ["Finding", "RULES", "findings_in", "statements_in"]

RULES = {
    "words-not-in-source": "a measure, characterisation, qualifier or reading whose words (labels, cue words) do not "
                           "occur in the statement's quoted lines, their list's lead or their section's headings",
    "party-not-in-source": "a party named neither in the quoted lines, their list's lead nor their headings, and "
                           "no derivation rule declared by the statement covers it; an actor or a territory a "
                           "statement is about (dg:about) likewise",
    "referent-not-in-context": "a party derived from the context (dg:ReferentFromContext) that the lines before the "
                               "quote do not name either",
    "undated-report": "a reported statement with no date (dg:statedOn, dg:statedNotAfter) and no date precision",
    "position-not-the-holders": "a position whose holder is not its asserter (nor speaks for it, nor belongs to it) "
                                "and that is not reported as the holder's, nor said on a page of the holder's own "
                                "(dg:PublisherForState)",
    "description-without-asserter": "a described entity without dg:describedBy or without dg:assertionMode",
    "date-without-kind": "a canned query that shows a date (?date, ?…Date) without its kind (?dateKind, ?…DateKind)",
    **scrutiny.RULES,
    **consistency.RULES,
}

_RIVAL_ROLES = (DG.callsFor, DG.forbids, DG.characterisedAs, DG.qualifier, DG.readsAsCallingFor,
                DG.legitimacyVerdict)
"""The roles whose concepts are alternatives: a measure's longer cue ("territorial surrender") takes its words from
a characterisation ("surrender"). A negotiability is said beside them ("not a single meter" is both a measure and
non-negotiable)."""
_CONCEPT_ROLES = (*_RIVAL_ROLES, DG.negotiability, DG.actionType, DG.status, DG.guaranteeKind)
_BEFORE_LINES = 12
"""How far back (lines that are not blank) a referent taken from the context must be named: its paragraph and the
few before it, as an editor resolves "they" or "Recognize our control"."""
_PARTY_ROLES = (DG.demandedBy, DG.demandedOf, DG.holder, DG.heldBy, DG.actor, DG.statusHolder, DG.member,
                DG.affiliatedWith, PROV.wasAttributedTo, DG.describedBy, DG.guarantor, DG.constrains)


@dataclass(frozen=True)
class Finding:
    """One thing for an editor to review: the node, the rule it breaks, and what exactly."""

    node: str
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.node}: {self.message} [{self.rule}]"


def statements_in(data: Graph | World) -> list[URIRef]:
    """Every statement of ``data``: an instance of dg:Statement or of a subclass, sorted."""
    classes = set(data.transitive_subjects(RDFS.subClassOf, DG.Statement))
    return sorted({node for cls in classes for node in data.subjects(RDF.type, cls) if isinstance(node, URIRef)})


def findings_in(data: Graph | World, statements: list[URIRef], texts: dict[str, Path]) -> list[Finding]:
    """Every finding but the canned queries', for ``statements`` of ``data`` (``texts``: the source texts by
    name, as the whole graph registers them)."""
    auditor = _Auditor(data, statements, texts)
    findings = [*auditor.words(), *auditor.parties(), *auditor.dates(), *auditor.positions(),
                *auditor.descriptions(),
                *scrutiny.speakers(auditor, Finding), *scrutiny.qualifiers(auditor, Finding),
                *scrutiny.dates(auditor, Finding), *scrutiny.readings(auditor, Finding),
                *scrutiny.sections(auditor, Finding), *scrutiny.uncertainty(auditor, Finding),
                *scrutiny.stances(auditor, Finding), *scrutiny.negations(auditor, Finding),
                *scrutiny.shadowed_concepts(auditor, Finding, _RIVAL_ROLES, auditor.context),
                *consistency.stances(auditor, Finding), *consistency.recurrences(auditor, Finding),
                *consistency.predictions(auditor, Finding), *consistency.assessments(auditor, Finding),
                *consistency.places(auditor, Finding), *consistency.targets(auditor, Finding),
                *consistency.preconditions(auditor, Finding), *consistency.readings_of_own_stances(auditor, Finding),
                *consistency.questions(auditor, Finding), *consistency.demands_of_themselves(auditor, Finding),
                *consistency.offices_in_words(auditor, Finding), *consistency.authors_voice(auditor, Finding),
                *consistency.dates_in_words(auditor, Finding)]
    return sorted(set(findings), key=lambda f: (f.node, f.rule, f.message))


class _Auditor:
    def __init__(self, data: Graph | World, statements: list[URIRef], texts: dict[str, Path]):
        self.data = data
        self._statements = statements
        self._paths = texts
        self._texts: dict[str, str] = {}
        self._lines: dict[str, list[tuple[str, list[str]]]] = {}
        self._evidence: dict = {}
        self._memo: dict = {}

    def statements(self) -> list[URIRef]:
        return self._statements

    def evidence(self, node) -> list[Evidence]:
        """``node``'s quotes, walked once: every rule asks."""
        found = self._evidence.get(node)
        if found is None:
            found = self._evidence[node] = evidence_of(self.data, node)
        return found

    def text_of(self, source: URIRef | str) -> str:
        """A source's text, read when first asked for (an audit of one document reads one text)."""
        name = local_name(source) if isinstance(source, URIRef) else source
        if name not in self._texts:
            path = self._paths.get(name)
            self._texts[name] = path.read_text(encoding="utf-8") if path is not None else ""
        return self._texts[name]

    def headings(self, node) -> list[str]:
        """The normalised headings and list leads of the lines where ``node``'s quotes stand."""
        found: list[str] = []
        for lines, at in self._quoted_lines(node):
            found += [part for part in lines[at][1] if part not in found]
        return found

    def curie(self, node) -> str:
        return short(node) if isinstance(node, URIRef) else str(node)

    # ------------------------------------------------------------------ where the quotes stand

    def _sections(self, name: str) -> list[tuple[str, list[str]]]:
        """A source's (normalised line, its context lines: list lead and headings), for every non-blank line."""
        if name not in self._lines:
            headings: dict[str, str] = {}  # a heading stands over many lines: normalised once
            self._lines[name] = [(normalise(line), [headings.get(part) or headings.setdefault(part, normalise(part))
                                                    for part in around])
                                 for line, around in contexts(self.text_of(name))]
        return self._lines[name]

    def _quoted_lines(self, node) -> list[tuple[list[tuple[str, list[str]]], int]]:
        """Where ``node``'s quotes stand: each (its source's lines as ``_sections`` gives them, the index of a line
        holding a quote), in the order of its quotes and lines — the one walk every rule of context makes."""
        found = self._memo.get(("quoted lines", node))
        if found is None:
            found = self._memo[("quoted lines", node)] = []
            for evidence in self.evidence(node):
                wanted, name = normalise(evidence.quote), local_name(evidence.source)
                lines, (text, starts) = self._sections(name), self._located(name)
                hits = dict.fromkeys(range(len(lines))) if not wanted else {}
                at = text.find(wanted) if wanted else -1
                while at >= 0:  # a normalised quote has no line break: each place it is found is in one line
                    hits[bisect_right(starts, at) - 1] = None
                    at = text.find(wanted, at + 1)
                found += [(lines, line) for line in hits]
        return found

    def _located(self, name: str) -> tuple[str, list[int]]:
        """A source's normalised lines joined by line breaks, and where each starts: a quote's lines found by one
        scan of the text rather than a look into each line."""
        found = self._memo.get(("located", name))
        if found is None:
            lines = [line for line, _ in self._sections(name)]
            starts = [0]
            for line in lines[:-1]:
                starts.append(starts[-1] + len(line) + 1)
            found = self._memo[("located", name)] = ("\n".join(lines), starts)
        return found

    def context(self, node) -> str:
        """The normalised text around every quote of ``node``: its lines, their list's lead, their headings."""
        found = self._memo.get(("context", node))
        if found is None:
            found = self._memo[("context", node)] = "\n".join(
                part for lines, at in self._quoted_lines(node) for part in (lines[at][0], *lines[at][1]))
        return found

    # ------------------------------------------------------------------ the rules

    def words(self):
        for role in _CONCEPT_ROLES:
            for node, concept in self.data.subject_objects(role):
                if not isinstance(concept, URIRef) or not list(self.data.objects(node, DG.evidence)):
                    continue
                cues = self.cues(concept)
                if cues and not cue_in(self.context(node), cues):
                    yield Finding(self.curie(node), "words-not-in-source",
                                  f"{self.curie(role)} {self.curie(concept)}: none of {sorted(cues)} occurs where "
                                  "its quotes stand")

    def parties(self):
        for role in (*_PARTY_ROLES, DG.about):
            for node, party in self.data.subject_objects(role):
                if not isinstance(party, URIRef) or (party, RDF.type, DG.Author) in self.data:
                    continue
                if not list(self.data.objects(node, DG.evidence)) or (
                        role == DG.about and not self.named_in_its_sources(node, party)):
                    continue  # what a statement is about may be another statement, or a group the text leaves unnamed
                cues = self.names(party)
                rules = self.covering(node, role)
                if DG.ReferentFromContext in rules and not rules - {DG.ReferentFromContext} and cues and \
                        self.named_in_its_sources(node, party) and not cue_in(self.before(node), cues):
                    yield Finding(self.curie(node), "referent-not-in-context",
                                  f"{self.curie(role)} {self.curie(party)}: derived from the context "
                                  f"(dg:ReferentFromContext), but not named in the {_BEFORE_LINES} lines before "
                                  f"its quotes (looked for {sorted(cues)})")
                elif not rules and cues and not self.named_where_quoted(node, party):
                    yield Finding(self.curie(node), "party-not-in-source",
                                  f"{self.curie(role)} {self.curie(party)}: not named where its quotes stand "
                                  f"(looked for {sorted(cues)}); name the rule that derives it (dg:derivedBy)")

    def dates(self):
        for node in self._statements:
            if (node, DG.assertionMode, DG.Reported) in self.data:
                if not any((node, p, None) in self.data for p in (DG.statedOn, DG.statedNotAfter, DG.datePrecision)):
                    yield Finding(self.curie(node), "undated-report",
                                  "reported without dg:statedOn, dg:statedNotAfter or dg:datePrecision: the "
                                  "document's date would stand in for when it was said")

    def positions(self):
        for node in self.data.subjects(RDF.type, DG.Position):
            holders = set(self.data.objects(node, DG.holder))
            asserters = set(self.data.objects(node, PROV.wasAttributedTo))
            reported = (node, DG.assertionMode, DG.Reported) in self.data
            own_page = DG.PublisherForState in self.covering(node, DG.holder)  # its body's own page says it
            for holder in holders:
                speaks = {holder} | self.speakers_for(holder)
                if not own_page and (not (asserters & speaks) or not reported):
                    yield Finding(self.curie(node), "position-not-the-holders",
                                  f"held by {self.curie(holder)} but asserted by "
                                  f"{', '.join(sorted(map(self.curie, asserters))) or 'nobody'}"
                                  f"{'' if reported else ' (not reported as its own)'}: an asserter's claim about "
                                  "the holder is a dg:Claim, not the holder's position")

    def descriptions(self):
        statements = set(self._statements)
        described = {node for node, _ in self.data.subject_objects(DG.evidence)} - statements
        described -= {*self.data.subjects(RDF.type, DG.SourceDocument), *self.data.subjects(RDF.type, DG.Correction)}
        for node in described:
            if not list(self.data.objects(node, DG.describedBy)):
                yield Finding(self.curie(node), "description-without-asserter",
                              "quoted but without dg:describedBy: who does the source say describes it?")
            if not list(self.data.objects(node, DG.assertionMode)):
                yield Finding(self.curie(node), "description-without-asserter", "without dg:assertionMode")

    # ------------------------------------------------------------------ words for things

    def _once(self, kind: str, node, compute: Callable[[], frozenset]) -> frozenset:
        """What ``compute`` finds about ``node``, found once per audit: every rule asks of the same few nodes."""
        found = self._memo.get((kind, node))
        if found is None:
            found = self._memo[(kind, node)] = compute()
        return found

    def cues(self, concept) -> frozenset[str]:
        return self._once("cues", concept, lambda: frozenset(
            str(label) for p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, RDFS.label)
            for label in self.data.objects(concept, p)))

    def names(self, actor) -> frozenset[str]:
        """The words that name ``actor`` in a text: its labels, aliases and demonyms ("Ukrainian" names Ukraine in
        "Ukrainian Deputy Foreign Minister …"); for readers of events (analysts, experts), every word for them, as
        drafting reads them ("according to researchers" is the analysts' reading)."""
        found = self.cues(actor)
        return self._once("names", actor, lambda: found | set(READER_WORDS)
                          if any(name.casefold() in READER_WORDS for name in found) else found)

    def actor_names(self) -> dict[URIRef, set[str]]:
        """Every actor's names, casefolded: what the rules of speakers look for in a quote."""
        found = self._memo.get("actor names")
        if found is None:
            found = self._memo["actor names"] = {actor: {name.casefold() for name in self.names(actor)}
                                                 for actor in scrutiny.actors_in(self.data)}
        return found

    def speakers_for(self, actor) -> frozenset:
        """Who speaks for ``actor``: persons in an office of it (dg:Affiliation), and its members and parts."""
        data = self.data
        return self._once("speakers", actor, lambda: frozenset(
            {person for affiliation in data.subjects(DG.affiliatedWith, actor)
             for person in data.objects(affiliation, DG.member)}
            | set(data.subjects(DG.memberOf, actor)) | set(data.subjects(DG.partOf, actor))))

    def covered(self, node, role) -> bool:
        """Whether a derivation rule the statement declares covers a party in ``role``."""
        return bool(self.covering(node, role))

    def covering(self, node, role) -> set:
        """The derivation rules the statement declares that cover a party in ``role``."""
        return {rule for rule in self.data.objects(node, DG.derivedBy) if (rule, DG.appliesTo, role) in self.data}

    def named_in_its_sources(self, node, thing) -> bool:
        """Whether the texts ``node`` quotes name ``thing`` anywhere: a party the editor named for what the text
        leaves unnamed ("some governments", "no side"), or a statement, is named nowhere — a rule of its words has
        nothing to check."""
        names = self.names(thing)
        return bool(names) and self.is_party_or_place(thing) and any(
            self._named_in(evidence.source, thing, names) for evidence in self.evidence(node))

    def _named_in(self, source, thing, names: frozenset[str]) -> bool:
        """Whether ``source``'s text names ``thing``: a scan of the whole text, made once per pair (a document's
        statements quote one or two texts and name the same few parties)."""
        found = self._memo.get(("named in", source, thing))
        if found is None:
            found = self._memo[("named in", source, thing)] = cue_in(self.whole_text(source), names)
        return found

    def is_party_or_place(self, thing) -> bool:
        """Whether ``thing`` is an actor or a territory (a described plan or mechanism is referred to by any words:
        "oversight" for a monitoring mission)."""
        classes = self._once("party classes", DG.Actor, lambda: frozenset(
            {*self.data.transitive_subjects(RDFS.subClassOf, DG.Actor),
             *self.data.transitive_subjects(RDFS.subClassOf, DG.Territory)}))
        return any(cls in classes for cls in self.data.objects(thing, RDF.type))

    def whole_text(self, source) -> str:
        return self._located(local_name(source))[0]

    def before(self, node) -> str:
        """The normalised text of the lines before each quote of ``node`` (up to ``_BEFORE_LINES`` that are not
        blank) and the quote's own: where a referent resolved "from the surrounding paragraphs" is named."""
        found = self._memo.get(("before", node))
        if found is None:
            found = self._memo[("before", node)] = "\n".join(
                text for lines, at in self._quoted_lines(node) for text, _ in lines[max(0, at - _BEFORE_LINES):at + 1])
        return found

    def named_where_quoted(self, node, thing, *, by_its_quotes: bool = False) -> bool:
        """Whether ``thing`` is named (its labels, aliases, or one of them spelt another way) where ``node``'s
        quotes stand — or, ``by_its_quotes``, by the words that describe it in its own quotes ("NATO as the only
        credible protection" names the protection by NATO)."""
        names, context = set(self.names(thing)), self.context(node)
        if by_its_quotes:
            names |= {evidence.quote for evidence in self.evidence(thing)}
        return bool(names) and (cue_in(context, names) or named_alike(context, names))
