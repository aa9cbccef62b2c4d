"""Mutations of the bundled data that a careless edit or a wrong draft would make, by class, and a runner that
reports which of them `validate` and `audit` catch.

Each mutation changes one node's block of the bundled document (or moves it to the reference entities); the runner
applies each to a fresh copy of data/ and ontology/, and counts it caught when validation reports a problem or the
audit a finding. Used by tests/test_mutations.py and bench/bench_mutations.py.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DOCUMENT = "2025-11-30-peace-talks-putin-conditions"
AUTHOR = f"dgr:author-{DOCUMENT}"


@dataclass(frozen=True)
class Mutation:
    kind: str
    node: str
    old: str
    new: str
    """Replaces ``old`` in the node's block; "MOVE" moves the whole block to the reference entities."""


def _attributed(node: str, old: str, new: str, kind: str = "wrong speaker") -> Mutation:
    return Mutation(kind, node, f"prov:wasAttributedTo {old} ;", f"prov:wasAttributedTo {new} ;")


MONITORING = "dgr:claim-russia-stance-on-monitoring-unknown"
PLAN_BASIS = "dgr:position-putin-plan-as-basis"
PRECISION = "    dg:datePrecision dg:"

MUTATIONS = [
    # a speaker merely named in the quote (or not at all) made the asserter
    _attributed("dgr:demand-ukraine-withdraws-before-talks", "dgr:putin", "dgr:ukraine"),
    _attributed("dgr:demand-limit-ukrainian-military", "dgr:russia", "dgr:ukraine"),
    _attributed("dgr:position-putin-plan-as-basis", "dgr:putin", "dgr:united-states"),
    _attributed("dgr:position-ukrainian-officials-reject-concessions", "dgr:ukrainian-officials", "dgr:russia"),
    _attributed("dgr:assessment-preserves-military-pressure", AUTHOR, "dgr:russia"),
    _attributed("dgr:assessment-implicit-recognition-of-sovereignty", AUTHOR, "dgr:russia"),
    _attributed("dgr:assessment-undermines-kyiv-legitimacy", AUTHOR, "dgr:ukraine"),
    # an analysts' or a party's words given to the author
    _attributed("dgr:red-line-not-a-single-meter", "dgr:ukraine", AUTHOR, "author in another's voice"),
    _attributed("dgr:position-ukraine-nato-only-credible-protection", "dgr:ukraine", AUTHOR,
                "author in another's voice"),
    _attributed("dgr:position-ukrainian-officials-reject-concessions", "dgr:ukrainian-officials", AUTHOR,
                "author in another's voice"),
    _attributed("dgr:legitimacy-claim-ukrainian-leadership-illegitimate", "dgr:russia", AUTHOR,
                "author in another's voice"),
    # the author's uncertainty made a party's stance, or not said
    Mutation("uncertainty", MONITORING, f"prov:wasAttributedTo {AUTHOR} ;\n    dg:assertionMode dg:FactualAssertion ;",
             f"prov:wasAttributedTo dgr:russia ;\n    dg:assertionMode dg:Reported ;\n{PRECISION}AsOfDocument ;"),
    Mutation("uncertainty", MONITORING, "    dg:ascribesStance dg:Undetermined ;", ""),
    Mutation("uncertainty", MONITORING, f"prov:wasAttributedTo {AUTHOR} ;",
             f"prov:wasAttributedTo {AUTHOR}, dgr:russia ;"),
    # dates without their kind, or a kind they do not fit
    Mutation("dates", "dgr:position-putin-plan-as-basis", "    dg:datePrecision dg:BeforeDocument ;", ""),
    Mutation("dates", "dgr:demand-ukraine-withdraws-before-talks", "    dg:datePrecision dg:BeforeDocument ;", ""),
    Mutation("dates", "dgr:action-united-states-circulated-plan", '"2025-11-30"^^xsd:date', '"2025-12-15"^^xsd:date'),
    Mutation("dates", PLAN_BASIS, f"{PRECISION}BeforeDocument", f"{PRECISION}DayPrecision"),
    Mutation("dates", "dgr:demand-recognise-russian-control", f"{PRECISION}AsOfDocument", f"{PRECISION}MonthPrecision"),
    Mutation("dates", "dgr:demand-limit-ukrainian-military", "    dg:datePrecision dg:AsOfDocument ;",
             '    dg:datePrecision dg:AsOfDocument ;\n    dg:statedOn "2025-11-02"^^xsd:date ;'),
    Mutation("dates", "dgr:red-line-not-a-single-meter", "    dg:datePrecision dg:AsOfDocument ;", ""),
    # a qualifier the quote says, dropped
    Mutation("qualifier", "dgr:position-ukraine-nato-only-credible-protection", "    dg:qualifier dg:Exclusive ;", ""),
    Mutation("qualifier", "dgr:neutral-observers", "    dg:qualifier dg:Potential ;", ""),
    Mutation("qualifier", "dgr:demand-limit-ukrainian-military", "    dg:callsFor dg:MilitaryLimitation ;",
             "    dg:callsFor dg:MilitaryLimitation ;\n    dg:qualifier dg:Potential ;"),
    # the demander and the one the demand is made of, swapped
    Mutation("swapped parties", "dgr:demand-ukraine-withdraws-before-talks",
             "dg:demandedBy dgr:russia ;\n    dg:demandedOf dgr:ukraine ;",
             "dg:demandedBy dgr:ukraine ;\n    dg:demandedOf dgr:russia ;"),
    Mutation("swapped parties", "dgr:demand-recognise-russian-control",
             "dg:demandedBy dgr:russia ;\n    dg:demandedOf dgr:ukraine ;",
             "dg:demandedBy dgr:ukraine ;\n    dg:demandedOf dgr:russia ;"),
    Mutation("swapped parties", "dgr:demand-limit-ukrainian-military",
             "dg:demandedBy dgr:russia ;\n    dg:demandedOf dgr:ukraine ;",
             "dg:demandedBy dgr:ukraine ;\n    dg:demandedOf dgr:russia ;"),
    Mutation("swapped parties", "dgr:red-line-not-a-single-meter", "dg:heldBy dgr:ukraine ;", "dg:heldBy dgr:russia ;"),
    # a measure or concept the quote does not name (or names only inside another's words)
    Mutation("measure not named", "dgr:demand-limit-ukrainian-military", "dg:callsFor dg:MilitaryLimitation",
             "dg:callsFor dg:TerritorialConcession"),
    Mutation("measure not named", "dgr:demand-recognise-russian-control", "dg:callsFor dg:RecognitionOfControl",
             "dg:callsFor dg:Ceasefire"),
    Mutation("measure not named", "dgr:red-line-not-a-single-meter", "dg:callsFor dg:NoTerritorialConcessions",
             "dg:callsFor dg:BindingSecurityGuarantee"),
    Mutation("measure not named", "dgr:demand-ukraine-withdraws-before-talks", "dg:callsFor dg:WithdrawalOfForces",
             "dg:callsFor dg:WithdrawalOfForces, dg:TerritorialConcession"),
    Mutation("measure not named", "dgr:assessment-territorial-surrender-for-calm",
             "    dg:readsAsCallingFor dg:TerritorialConcession ;",
             "    dg:characterisedAs dg:Capitulation ;\n    dg:readsAsCallingFor dg:TerritorialConcession ;"),
    Mutation("measure not named", "dgr:assessment-conditions-are-an-ultimatum", "dg:characterisedAs dg:Ultimatum",
             "dg:characterisedAs dg:Capitulation"),
    # a statement moved out of its document's graph
    Mutation("moved", "dgr:demand-limit-ukrainian-military", "MOVE", ""),
    Mutation("moved", "dgr:position-ukraine-rejects-legitimising-control", "MOVE", ""),
    Mutation("moved", "dgr:assessment-conditions-are-an-ultimatum", "MOVE", ""),
    # a position's stance turned round (its words reject, welcome or take it as a basis)
    Mutation("stance flipped", "dgr:position-ukraine-refuses-putin-conditions", "dg:stance dg:Rejects",
             "dg:stance dg:Supports"),
    Mutation("stance flipped", PLAN_BASIS, "dg:stance dg:AcceptsAsBasis", "dg:stance dg:Rejects"),
    Mutation("stance flipped", "dgr:position-ukrainian-officials-reject-concessions", "dg:stance dg:Rejects",
             "dg:stance dg:Supports"),
    Mutation("stance flipped", "dgr:position-public-opinion-opposes-trading-territory", "dg:stance dg:Rejects",
             "dg:stance dg:AcceptsAsBasis"),
    # a statement said again and again made a one-off, or the other way round
    Mutation("recurrence", "dgr:principle-complete-withdrawal-of-russian-forces", f"{PRECISION}Recurring",
             f"{PRECISION}AsOfDocument"),
    Mutation("recurrence", "dgr:position-ukraine-refuses-putin-conditions", f"{PRECISION}AsOfDocument",
             f"{PRECISION}Recurring"),
    # a reading recorded as a fact, or a statement of the present made a prediction
    Mutation("kind or mode", "dgr:assessment-rhetoric-buys-time", "dg:assertionMode dg:Interpretation",
             "dg:assertionMode dg:FactualAssertion"),
    Mutation("kind or mode", "dgr:assessment-preserves-military-pressure", "dg:assertionMode dg:Interpretation",
             "dg:assertionMode dg:FactualAssertion"),
    Mutation("kind or mode", "dgr:claim-russia-faces-strains", "a dg:Claim", "a dg:Prediction"),
    Mutation("kind or mode", "dgr:claim-plan-text-undisclosed", "a dg:Claim", "a dg:Prediction"),
    # a named place or a target the quote does not name
    Mutation("place or target not named", "dgr:assessment-rhetoric-buys-time",
             "dg:concerns dgr:donbas, dgr:zaporizhzhia", "dg:concerns dgr:donbas, dgr:transnistria"),
    Mutation("place or target not named", "dgr:claim-russia-faces-strains", "dg:concerns dgr:logistical-strains",
             "dg:concerns dgr:abkhazia, dgr:logistical-strains"),
    Mutation("place or target not named", "dgr:position-ukraine-rejects-legitimising-control",
             "dg:towards dgr:28-point-plan-element-territorial-status", "dg:towards dgr:nato-protection"),
    Mutation("place or target not named", "dgr:position-public-opinion-opposes-trading-territory",
             "dg:towards dg:TerritorialConcession", "dg:towards dg:Ceasefire"),
    # what a demand or principle is recorded to be, beyond its words: a negotiability, a precondition, a reading
    Mutation("negotiability or order", "dgr:principle-forced-concessions-legitimize-aggression",
             "    dg:callsFor dg:NoForcedConcessions ;",
             "    dg:callsFor dg:NoForcedConcessions ;\n    dg:negotiability dg:NonNegotiable ;"),
    Mutation("negotiability or order", "dgr:demand-limit-ukrainian-military", "    dg:callsFor dg:MilitaryLimitation ;",
             "    dg:callsFor dg:MilitaryLimitation ;\n    dg:preconditionFor dgr:negotiations ;"),
    Mutation("negotiability or order", "dgr:demand-recognise-russian-control",
             "    dg:preconditionFor dgr:negotiations ;\n", ""),
    Mutation("negotiability or order", "dgr:demand-recognise-russian-control", "dg:assertionMode dg:Reported",
             "dg:assertionMode dg:Judgement"),
    # a verdict, a mode, a party or a date the words do not give
    Mutation("verdict, question, party or date", "dgr:legitimacy-claim-ukrainian-leadership-illegitimate",
             "dg:legitimacyVerdict dg:Illegitimate", "dg:legitimacyVerdict dg:Legitimate"),
    Mutation("verdict, question, party or date", "dgr:assessment-europe-dilemma", "dg:assertionMode dg:Framing",
             "dg:assertionMode dg:Judgement"),
    Mutation("verdict, question, party or date", "dgr:demand-limit-ukrainian-military", "dg:demandedOf dgr:ukraine",
             "dg:demandedOf dgr:russia"),
    Mutation("verdict, question, party or date", PLAN_BASIS, 'dg:statedNotAfter "2025-11-30"^^xsd:date',
             'dg:statedNotAfter "2025-10-30"^^xsd:date'),
    # a quote shortened so that it drops its negation
    Mutation("negation dropped", "dgr:assessment-conditions-are-an-ultimatum",
             'oa:exact "Putin’s conditions: not a compromise, but an ultimatum"',
             'oa:exact "a compromise, but an ultimatum"'),
    Mutation("negation dropped", "dgr:red-line-not-a-single-meter",
             'oa:exact "Ukraine’s response: “Not a single meter”"', 'oa:exact "a single meter"'),
    Mutation("negation dropped", "dgr:legitimacy-claim-ukrainian-leadership-illegitimate",
             'oa:exact "claiming Ukraine’s leadership is “illegitimate” and not a va', 'oa:exact "a va'),
    # the fifth round, written before their rules: a party edited where the words (or the lines before) say another
    Mutation("subject or referent", "dgr:claim-russia-faces-strains", "dg:about dgr:russia", "dg:about dgr:ukraine"),
    Mutation("subject or referent", "dgr:demand-recognise-russian-control", "dg:demandedOf dgr:ukraine",
             "dg:demandedOf dgr:europe"),  # "Recognize our control": Ukraine is named in the lines before, Europe not
    Mutation("subject or referent", "dgr:assessment-rhetoric-buys-time", "prov:wasAttributedTo dgr:analysts",
             "prov:wasAttributedTo dgr:russia"),
    Mutation("subject or referent", "dgr:neutral-observers", "dg:describedBy dgr:analysts, dgr:diplomats",
             "dg:describedBy dgr:russia"),
    Mutation("kind or mode", "dgr:demand-recognise-russian-control", "dg:assertionMode dg:Reported",
             "dg:assertionMode dg:Interpretation"),
    Mutation("kind or mode", "dgr:assessment-europe-dilemma", "dg:assertionMode dg:Framing",
             "dg:assertionMode dg:FactualAssertion"),
    Mutation("stance flipped", "dgr:position-ukraine-refuses-putin-conditions", "dg:stance dg:Rejects",
             "dg:stance dg:ConditionallyAccepts"),
    Mutation("dates", "dgr:demand-recognise-russian-control", "    dg:datePrecision dg:AsOfDocument ;",
             '    dg:statedOn "2025-11-27"^^xsd:date ;\n    dg:datePrecision dg:DayPrecision ;'),
    # the sixth round, written before their rules: a kind, a mode, a stance or a measure the words contradict
    Mutation("swapped parties", "dgr:demand-limit-ukrainian-military",
             "dg:demandedBy dgr:russia ;\n    dg:demandedOf dgr:ukraine ;",
             "dg:demandedBy dgr:ukraine ;\n    dg:demandedOf dgr:russia ;"),
    Mutation("measure not named", "dgr:demand-ukraine-withdraws-before-talks", "dg:callsFor dg:WithdrawalOfForces ;",
             "dg:callsFor dg:Ceasefire ;"),  # named, but as what the withdrawal must come before
    Mutation("kind or mode", "dgr:demand-limit-ukrainian-military", "dg:assertionMode dg:Reported",
             "dg:assertionMode dg:FactualAssertion"),
    Mutation("kind or mode", "dgr:prediction-shapes-european-architecture", "a dg:Prediction", "a dg:Claim"),
    Mutation("kind or mode", "dgr:prediction-shapes-european-architecture", "dg:assertionMode dg:Judgement",
             "dg:assertionMode dg:FactualAssertion"),
    Mutation("subject or referent", "dgr:claim-russia-faces-strains", "prov:wasAttributedTo dgr:analysts",
             "prov:wasAttributedTo dgr:diplomatic-sources"),
    Mutation("qualifier", "dgr:position-ukrainian-officials-reject-concessions", "dg:stance dg:Rejects ;",
             "dg:stance dg:Rejects ;\n    dg:qualifier dg:Potential ;"),
    Mutation("stance flipped", "dgr:position-ukrainian-officials-reject-concessions", "dg:stance dg:Rejects",
             "dg:stance dg:Undetermined"),
    # the seventh round, written before their rules: acts, statuses, offices, examples and bounds the words deny
    Mutation("act, status or office", "dgr:action-united-states-circulated-plan", "dg:actionType dg:Circulating",
             "dg:actionType dg:Drafting"),
    Mutation("act, status or office", "dgr:status-russia-occupies-territories", "dg:status dg:Occupies",
             "dg:status dg:DoesNotControl"),
    Mutation("act, status or office", "dgr:affiliation-putin-president-of-russia", 'dg:role "President"',
             'dg:role "Prime Minister"'),
    Mutation("swapped parties", "dgr:status-russia-occupies-territories", "dg:statusHolder dgr:russia",
             "dg:statusHolder dgr:ukraine"),  # not caught: "occupied by Russia" names Ukraine on the same line
    Mutation("place or target not named", "dgr:analogy-frozen-conflict",
             "dg:example dgr:transnistria, dgr:abkhazia, dgr:donbas", "dg:example dgr:transnistria, dgr:abkhazia, "
             "dgr:mariupol"),
    Mutation("measure not named", "dgr:legal-constraint-constitution-prohibits-ceding-land",
             "dg:forbids dg:TerritorialConcession", "dg:forbids dg:Neutrality"),
    Mutation("dates", "dgr:action-united-states-circulated-plan", 'dg:statedNotAfter "2025-11-30"^^xsd:date',
             'dg:statedNotAfter "2025-12-30"^^xsd:date'),
    Mutation("kind or mode", "dgr:demand-limit-ukrainian-military", "dg:assertionMode dg:Reported",
             "dg:assertionMode dg:Framing"),
    # the eighth round, written before their rules: guarantees, events and plan points (three not caught)
    Mutation("act, status or office", "dgr:international-guarantees", "dg:guaranteeKind dg:International",
             "dg:guaranteeKind dg:Binding"),
    Mutation("act, status or office", "dgr:28-point-plan-element-military-limits", "dg:pointNumber 2",
             "dg:pointNumber 7"),  # not caught: nothing reads a point's place in its list
    Mutation("place or target not named", "dgr:massacres-bucha-mariupol-izium-hostomel",
             "dg:location dgr:bucha, dgr:mariupol, dgr:izium, dgr:hostomel",
             "dg:location dgr:bucha, dgr:mariupol, dgr:izium, dgr:zaporizhzhia"),
    Mutation("place or target not named", "dgr:28-point-plan-element-military-limits",
             "dg:concerns dgr:ukraine-army-size, dgr:ukraine-strategic-weapons, dgr:ukraine-long-range-capabilities",
             "dg:concerns dgr:donbas"),
    Mutation("swapped parties", "dgr:binding-long-term-security-guarantees", "dg:beneficiary dgr:ukraine",
             "dg:beneficiary dgr:russia"),  # not caught: the quote names no beneficiary, right or wrong
    Mutation("author in another's voice", "dgr:binding-long-term-security-guarantees", "dg:describedBy dgr:zelenskyy",
             f"dg:describedBy {AUTHOR}"),
    Mutation("kind or mode", "dgr:massacres-bucha-mariupol-izium-hostomel", "dg:assertionMode dg:FactualAssertion",
             "dg:assertionMode dg:Interpretation"),  # not caught: the article records author's readings so too
    Mutation("measure not named", "dgr:28-point-plan-element-military-limits", "dg:callsFor dg:MilitaryLimitation",
             "dg:callsFor dg:Elections"),
    # the ninth round, written before their rules: guarantors, constraints, readings (one not caught)
    Mutation("qualifier", "dgr:position-ukrainian-officials-reject-concessions", "    dg:stance dg:Rejects ;",
             "    dg:stance dg:Rejects ;\n    dg:qualifier dg:Exclusive ;"),
    Mutation("subject or referent", "dgr:assessment-attention-for-preconditions",
             "dg:about dgr:position-putin-plan-as-basis",
             "dg:about dgr:demand-limit-ukrainian-military"),  # not caught: readings name far statements as "his
    # proposal", "the comment" — the bundled article's own readings do — so where a reading stands proves nothing
    Mutation("swapped parties", "dgr:nato-protection", "dg:guarantor dgr:nato", "dg:guarantor dgr:european-union"),
    Mutation("swapped parties", "dgr:action-united-states-circulated-plan", "dg:actor dgr:united-states",
             "dg:actor dgr:russia"),
    Mutation("swapped parties", "dgr:legal-constraint-constitution-prohibits-ceding-land", "dg:constrains dgr:ukraine",
             "dg:constrains dgr:russia"),
    Mutation("negotiability or order", "dgr:demand-ukraine-withdraws-before-talks",
             "    dg:preconditionFor dgr:ceasefire, dgr:negotiations ;\n", ""),
    Mutation("kind or mode", "dgr:assessment-fragile-sign-of-dialogue", "dg:assertionMode dg:Judgement",
             "dg:assertionMode dg:FactualAssertion"),
    Mutation("wrong speaker", "dgr:position-ukrainian-officials-reject-concessions",
             "dg:holder dgr:ukrainian-officials ;", "dg:holder dgr:putin ;"),
]


def block(text: str, node: str) -> tuple[int, int]:
    """Where ``node``'s description starts and ends in a Turtle file (from its subject line to the blank line)."""
    start = text.index(f"\n{node} a ") + 1
    end = text.find("\n\n", start)
    return start, (len(text) if end < 0 else end + 1)


def apply(data: Path, mutation: Mutation) -> None:
    sheet = data / "documents" / f"{DOCUMENT}.ttl"
    text = sheet.read_text(encoding="utf-8")
    start, end = block(text, mutation.node)
    if mutation.old == "MOVE":
        entities = data / "entities.ttl"
        moved = text[start:end].replace("\n\n", "\n")
        entities.write_text(entities.read_text(encoding="utf-8") + "\n" + moved, encoding="utf-8")
        sheet.write_text(text[:start] + text[end:], encoding="utf-8")
        return
    part = text[start:end]
    if mutation.old not in part:
        raise AssertionError(f"{mutation.node}: {mutation.old!r} is not in its block")
    sheet.write_text(text[:start] + part.replace(mutation.old, mutation.new, 1) + text[end:], encoding="utf-8")


def caught(folder: Path, mutation: Mutation | None) -> tuple[bool, bool]:
    """(validate caught it, audit caught it) for ``mutation`` applied to a fresh copy in ``folder``."""
    from diplograph.auditing import audit
    from diplograph.corpus import validate_files
    from diplograph.graph import KnowledgeGraph
    from diplograph.layout import Layout

    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(REPO / "data", folder / "data", ignore=shutil.ignore_patterns("review", ".removed"))
    shutil.copytree(REPO / "ontology", folder / "ontology")
    if mutation is not None:
        apply(folder / "data", mutation)
    layout = Layout(folder / "data", folder / "ontology", REPO / "queries")
    problems = validate_files(layout)
    graph = KnowledgeGraph(layout)
    try:
        graph.load(validate=False)
        findings = audit(graph)
    except Exception:  # noqa: BLE001 - a copy that does not even load is caught by validation
        findings = []
    return bool(problems), bool(findings)


def run(folder: Path) -> dict[str, Counter]:
    """Per class: how many mutations, and how many validation, the audit, or either caught."""
    os.environ.setdefault("DIPLOGRAPH_CACHE", str(folder / "cache"))
    table: dict[str, Counter] = {}
    for number, mutation in enumerate(MUTATIONS):
        by_validation, by_audit = caught(folder / f"m{number}", mutation)
        row = table.setdefault(mutation.kind, Counter())
        row.update(mutations=1, validate=by_validation, audit=by_audit, either=by_validation or by_audit)
    return table
