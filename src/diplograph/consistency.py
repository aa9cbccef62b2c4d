"""The audit's check of what a statement records against its own words: its stance, its recurrence, its kind,
its mode, and the named places and things it is about or takes a stance towards.

Each check is a generator of findings over an auditor (``fidelity``), as in
:mod:`diplograph.scrutiny`. They are made to miss rather than to cry wolf: a
finding needs words that say otherwise, or named things that are not named.

* stance-not-in-words — the quotes take a stance ("refuses", "welcomes", "as a
  basis for") and none of them is the position's recorded stance;
* recurrence-not-recorded, recurrence-without-words — "repeatedly", "again",
  "has long" without dg:Recurring, or dg:Recurring without such a word;
* prediction-without-future — a prediction whose quotes and lines speak of
  nothing to come;
* assessment-as-fact — an assessment (a reading, a prediction, an analogy)
  recorded as a factual assertion;
* place-not-in-source — a named place (a territory whose label is a proper
  name) that the statement concerns or is about, named neither in its quoted
  lines nor their lead and headings;
* target-not-in-source — what a position is towards, when it is a thing or a
  concept rather than another statement, named nowhere there either;
* precondition-not-in-words, precondition-not-recorded — a precondition whose
  words say nothing of an order, or "before any dialogue" without one;
* own-stance-as-reading — a party's own demand, principle or position recorded
  as its interpretation or judgement;
* question-as-judgement — a judgement or claim whose every quote is a question;
* demand-of-itself — a demand made of its own demander;
* date-not-in-words — a day or month the quote's lines give no date for, or a
  bound before the document's date with none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from rdflib import Dataset, URIRef

from .dating import recurring
from .evidence import Evidence
from .judgements import UNCERTAIN
from .kinds import kind_of, looks_ahead
from .namespaces import DG, PROV, RDF, RDFS, SKOS
from .reporting import CLAIMING, voice
from .scrutiny import issued_on
from .stances import stances_in
from .wording import comes_first_before, word_start

__all__ = ["RULES", "assessments", "dates_in_words", "demands_of_themselves", "places", "preconditions",
           "predictions", "questions", "readings_of_own_stances", "recurrences", "stances", "targets"]

RULES = {
    "stance-not-in-words": "a position whose quotes take a stance (reject, welcome, as a basis …) other than the "
                           "one it records, and not its own",
    "recurrence-not-recorded": "the quote says the statement is made again and again (repeatedly, again, has long) "
                               "and its date precision is not dg:Recurring",
    "recurrence-without-words": "dg:Recurring, but no word of the quotes or their lines says it is made again",
    "prediction-without-future": "a prediction whose quotes and lines speak of nothing to come (will, likely, "
                                 "expected …)",
    "assessment-as-fact": "an assessment (a reading, a prediction, an analogy) recorded as a dg:FactualAssertion",
    "place-not-in-source": "a named place the statement concerns or is about, named neither in its quoted lines, "
                           "their list's lead nor their headings",
    "target-not-in-source": "what a position is towards (a thing or a concept, not a statement) is named nowhere "
                            "its quotes stand",
    "precondition-not-in-words": "a demand recorded as a precondition (dg:preconditionFor) whose words say nothing "
                                 "of an order (before, until, first, then, only after …)",
    "precondition-not-recorded": "a demand whose quote puts it before talks or a cease-fire (\"before any "
                                 "dialogue\", \"then we will talk\") without dg:preconditionFor",
    "own-stance-as-reading": "a party's own demand, principle or position (its demander or holder is its asserter) "
                             "recorded as an interpretation, a judgement or a fact rather than reported",
    "prediction-as-claim": "a claim whose every quote is a prediction (\"will likely\", \"is expected to\")",
    "calls-for-what-it-precedes": "a demand calling for a measure whose words stand only in what its quote puts it "
                                  "before (\"withdraw before any cease-fire\" does not call for the cease-fire)",
    "question-as-judgement": "a judgement or a claim whose every quote is a question: it asks, it frames "
                             "(dg:Framing), it does not judge",
    "demand-of-itself": "a demand whose demander is also the one it is made of",
    "office-not-in-words": "an affiliation whose office (dg:role) the words where it is quoted do not give",

    "date-not-in-words": "a date the quote's lines do not give: a day or month with no date words, or a bound "
                         "before the document's date with none",
}
_DATE_WORDS = re.compile(r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                         r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                         r"week|month|year|(?:next|following)\s+day|days?\s+(?:later|after)|\d{1,2}(?:st|nd|rd|th)?)\b",
                         re.I)
_ORDER = re.compile(r"\b(before|until|unless|first|then|only (?:after|when|if|once)|precondition|prior to|"
                    r"as a condition|in exchange)\b|\bno\s+[\w-]+(?:\s+[\w-]+)?\s+without\b", re.I)
_BEFORE_TALKS = re.compile(r"\b(?:before|until|prior to)\s+(?:any\s+|the\s+)?(?:talks|negotiations?|dialogue|"
                           r"cease-?fire)|\bthen we will (?:talk|negotiate)\b|"
                           r"\bno\s+(?:talks|negotiations?|dialogue|cease-?fire)\s+without\b", re.I)
_OWN = ((DG.Demand, DG.demandedBy), (DG.Principle, DG.heldBy), (DG.Position, DG.holder))
_ASSESSMENTS = (DG.Assessment, DG.Prediction, DG.HistoricalAnalogy)


class Auditor(Protocol):
    """What these checks need of the audit (``fidelity._Auditor``)."""

    data: Dataset

    def curie(self, node) -> str: ...
    def evidence(self, node) -> list[Evidence]: ...
    def context(self, node) -> str: ...
    def names(self, actor) -> frozenset[str]: ...
    def cues(self, concept) -> frozenset[str]: ...
    def covered(self, node, role) -> bool: ...
    def named_where_quoted(self, node, thing, *, by_its_quotes: bool = False) -> bool: ...
    def statements(self) -> list[URIRef]: ...


def _only_after(auditor: Auditor, node, cues: frozenset[str]) -> bool:
    """Whether ``cues`` stand in what ``node``'s quotes put it before ("… before any cease-fire") and nowhere else
    in them."""
    said_after = said_elsewhere = False
    for evidence in auditor.evidence(node):
        after = comes_first_before(evidence.quote)
        said_after |= bool(after) and _says(after or "", cues)
        said_elsewhere |= _says(evidence.quote.replace(after, " ") if after else evidence.quote, cues)
    return bool(cues) and said_after and not said_elsewhere


def _says(text: str, cues: frozenset[str]) -> bool:
    """Whether ``text`` has one of ``cues`` where a word starts, whatever the case."""
    folded = text.casefold()
    return any(word_start(cue.casefold()).search(folded) for cue in cues)


def _quoted(auditor: Auditor, node) -> str:
    return "\n".join(evidence.quote for evidence in auditor.evidence(node))


def stances(auditor: Auditor, finding) -> Iterator:
    """Positions whose quotes take a stance, none of them the recorded one."""
    data = auditor.data
    for node in data.subjects(RDF.type, DG.Position):
        for stance in data.objects(node, DG.stance):
            quoted = _quoted(auditor, node)
            said = stances_in(quoted)
            recorded = str(stance).rsplit("#", 1)[-1]
            if said and recorded not in said and (recorded != "Undetermined" or not UNCERTAIN.search(quoted)):
                yield finding(auditor.curie(node), "stance-not-in-words",
                              f"records dg:{recorded}, but its quotes say {', '.join(sorted(said))}")


def recurrences(auditor: Auditor, finding) -> Iterator:
    """Statements said again and again without dg:Recurring, and dg:Recurring without a word that says so."""
    data = auditor.data
    for node in auditor.statements():
        precision = data.value(node, DG.datePrecision)
        if precision is None:
            continue
        if recurring(_quoted(auditor, node)) and precision != DG.Recurring:
            yield finding(auditor.curie(node), "recurrence-not-recorded",
                          f"the quote says it is said again and again, but its precision is {auditor.curie(precision)}")
        elif precision == DG.Recurring and not recurring(auditor.context(node)):
            yield finding(auditor.curie(node), "recurrence-without-words",
                          "dg:Recurring, but no word where its quotes stand says it is said again")


def predictions(auditor: Auditor, finding) -> Iterator:
    """Predictions that speak of nothing to come, and claims whose words are a prediction."""
    for node in auditor.data.subjects(RDF.type, DG.Prediction):
        if auditor.evidence(node) and not looks_ahead(auditor.context(node)):
            yield finding(auditor.curie(node), "prediction-without-future",
                          "a dg:Prediction, but nothing where its quotes stand speaks of what is to come")
    for node in auditor.data.subjects(RDF.type, DG.Claim):
        quotes = [evidence.quote for evidence in auditor.evidence(node)]
        if quotes and all(kind_of(quote) == "Prediction" and voice(quote).verb.casefold() not in CLAIMING
                          for quote in quotes) and \
                not any(UNCERTAIN.search(quote) for quote in quotes):
            yield finding(auditor.curie(node), "prediction-as-claim",
                          "a dg:Claim whose every quote predicts (\"will likely\", \"is expected to\"): a "
                          "dg:Prediction, its asserter's reading of what is to come")


def assessments(auditor: Auditor, finding) -> Iterator:
    """Readings recorded as facts."""
    data = auditor.data
    for cls in _ASSESSMENTS:
        for node in data.subjects(RDF.type, cls):
            if (node, DG.assertionMode, DG.FactualAssertion) in data:
                yield finding(auditor.curie(node), "assessment-as-fact",
                              f"a {auditor.curie(cls)} is its asserter's reading (dg:Judgement, dg:Interpretation) "
                              "or a party's words (dg:Reported), not a dg:FactualAssertion")


def places(auditor: Auditor, finding) -> Iterator:
    """Named places a statement concerns or is about that its quotes' lines do not name."""
    data = auditor.data
    territories = _instances(data, DG.Territory)
    for role in (DG.concerns, DG.about, DG.example, DG.territory, DG.location):
        for node, place in data.subject_objects(role):
            if place not in territories or not _proper_name(data, place) or not auditor.evidence(node):
                continue
            if not auditor.covered(node, role) and not auditor.named_where_quoted(node, place):
                yield finding(auditor.curie(node), "place-not-in-source",
                              f"{auditor.curie(role)} {auditor.curie(place)}: not named where its quotes stand "
                              f"(looked for {sorted(auditor.names(place))})")


def targets(auditor: Auditor, finding) -> Iterator:
    """What a position is towards, when a thing or a concept, named nowhere its quotes stand."""
    data = auditor.data
    statements = _instances(data, DG.Statement)
    for node, target in data.subject_objects(DG.towards):
        if not isinstance(target, URIRef) or target in statements or not auditor.evidence(node):
            continue
        if auditor.covered(node, DG.towards) or auditor.named_where_quoted(node, target, by_its_quotes=True):
            continue
        if (target, RDF.type, DG.Proposal) in data and auditor.evidence(target) and \
                _REFERS_TO_PLAN.search(_quoted(auditor, node)):
            continue  # "The UN welcomed the offer": a plan of this document, referred to
        if auditor.names(target):
            yield finding(auditor.curie(node), "target-not-in-source",
                          f"dg:towards {auditor.curie(target)}: not named where its quotes stand "
                          f"(looked for {sorted(auditor.names(target))})")


_REFERS_TO_PLAN = re.compile(r"\b(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+)?(?:offer|proposal|plan|"
                             r"initiative|idea)s?\b", re.I)
"""Words that refer back to a plan put forward ("the offer", "this new proposal")."""


def preconditions(auditor: Auditor, finding) -> Iterator:
    """Demands recorded as preconditions without words of order, and demands put before talks without it."""
    data = auditor.data
    for node in _instances(data, DG.Demand):
        if not auditor.evidence(node):
            continue
        if (node, DG.preconditionFor, None) in data:
            if not _ORDER.search(auditor.context(node)):
                yield finding(auditor.curie(node), "precondition-not-in-words",
                              "dg:preconditionFor, but nothing where its quotes stand says what comes first")
        elif _BEFORE_TALKS.search(_quoted(auditor, node)):
            yield finding(auditor.curie(node), "precondition-not-recorded",
                          "its quote puts it before talks or a cease-fire, and it has no dg:preconditionFor")
        for measure in data.objects(node, DG.callsFor):
            if _only_after(auditor, node, auditor.cues(measure)):
                yield finding(auditor.curie(node), "calls-for-what-it-precedes",
                              f"dg:callsFor {auditor.curie(measure)}, whose words stand only in what the quote puts "
                              "the demand before")


def readings_of_own_stances(auditor: Auditor, finding) -> Iterator:
    """A party's own demand, principle or position recorded as its interpretation or judgement."""
    data = auditor.data
    for cls, role in _OWN:
        for node in _instances(data, cls):
            mode = data.value(node, DG.assertionMode)
            own = set(data.objects(node, role)) & set(data.objects(node, PROV.wasAttributedTo))
            if mode in (DG.Interpretation, DG.Judgement, DG.FactualAssertion, DG.Framing) and own:
                yield finding(auditor.curie(node), "own-stance-as-reading",
                              f"{auditor.curie(sorted(own)[0])}'s own {auditor.curie(cls)}, recorded as "
                              f"{auditor.curie(mode)}: a party's stance is reported (dg:Reported), its reading "
                              "is another's")


def questions(auditor: Auditor, finding) -> Iterator:
    """Judgements and claims that only ask."""
    data = auditor.data
    for node in auditor.statements():
        quotes = [e.quote.rstrip(" ”\"’'") for e in auditor.evidence(node)]
        mode = data.value(node, DG.assertionMode)
        if quotes and all(q.endswith("?") for q in quotes) and mode in (DG.Judgement, DG.FactualAssertion):
            yield finding(auditor.curie(node), "question-as-judgement",
                          f"every quote is a question, recorded as {auditor.curie(mode)}: a question frames "
                          "(dg:Framing), it does not judge or assert")


def demands_of_themselves(auditor: Auditor, finding) -> Iterator:
    """Demands made of their own demander."""
    data = auditor.data
    for node in _instances(data, DG.Demand):
        for party in set(data.objects(node, DG.demandedBy)) & set(data.objects(node, DG.demandedOf)):
            yield finding(auditor.curie(node), "demand-of-itself",
                          f"{auditor.curie(party)} demands it and is the one it is demanded of")


def offices_in_words(auditor: Auditor, finding) -> Iterator:
    """Affiliations whose office (``dg:role``) the words where they are quoted do not give."""
    data = auditor.data
    for node in _instances(data, DG.Affiliation):
        for role in data.objects(node, DG.role):
            words = re.findall(r"\w+", str(role))  # each word, wherever: "head of delegation" in "head of Russia's
            context = auditor.context(node)           # delegation"
            if auditor.evidence(node) and words and not all(_says(context, frozenset({w})) for w in words):
                yield finding(auditor.curie(node), "office-not-in-words",
                              f"dg:role {str(role)!r}: not said where its quotes stand")


def authors_voice(auditor: Auditor, finding) -> Iterator:
    """Descriptions the author gives as an actor's words (``dg:describedBy`` the author, reported): whose are they?
    (The statements' own rule is :func:`diplograph.scrutiny.speakers`'s.)"""
    data = auditor.data
    for node, author in data.subject_objects(DG.describedBy):
        if (author, RDF.type, DG.Author) not in data or not auditor.evidence(node):
            continue
        if (node, DG.assertionMode, DG.Reported) in data and not any(
                voice(e.quote).kind == "anonymous" for e in auditor.evidence(node)):
            yield finding(auditor.curie(node), "reported-by-the-author",
                          "described as reported (an actor's words) but by the author: whose words are they?")


def dates_in_words(auditor: Auditor, finding) -> Iterator:
    """Dates no word where the quotes stand gives: a day or a month, or a bound before the document's date."""
    data = auditor.data
    for node in auditor.statements():
        precision = data.value(node, DG.datePrecision)
        if not auditor.evidence(node) or _DATE_WORDS.search(auditor.context(node)):
            continue
        stated, bound = data.value(node, DG.statedOn), data.value(node, DG.statedNotAfter)
        issued = issued_on(data, node)
        if precision in (DG.DayPrecision, DG.MonthPrecision) and stated is not None:
            yield finding(auditor.curie(node), "date-not-in-words",
                          f"dg:statedOn {stated}, but no date is given where its quotes stand")
        elif precision == DG.BeforeDocument and bound is not None and issued and str(bound) < issued:
            yield finding(auditor.curie(node), "date-not-in-words",
                          f"dg:statedNotAfter {bound} is before the document's date ({issued}), and no date is "
                          "given where its quotes stand")


def _instances(data: Dataset, cls: URIRef) -> set:
    classes = set(data.transitive_subjects(RDFS.subClassOf, cls))
    return {node for c in classes for node in data.subjects(RDF.type, c)}


def _proper_name(data: Dataset, node) -> bool:
    """Whether ``node``'s label is a proper name ("Transnistria", "Donetsk Oblast"), every word of it capitalised
    but the small ones, not a description ("Russian-occupied territories of Ukraine")."""
    label = data.value(node, RDFS.label) or data.value(node, SKOS.prefLabel)
    words = [word for word in str(label or "").split() if word.casefold() not in _SMALL_WORDS]
    return bool(words) and all(word[:1].isupper() for word in words)


_SMALL_WORDS = {"of", "the", "and", "de", "du", "la", "on", "upon", "am", "an", "der", "di"}
