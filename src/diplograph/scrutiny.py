"""The audit's closer reading: who speaks in a quote, what its qualifiers say, whether dates fit their precision,
and whether a concept is borne out by its own words rather than another concept's.

Each check is a generator of findings over an auditor (``fidelity``): it reads
the graph and the statement's quotes, never the files. Rules:

* speaker-not-asserter — the quote's sentence names a speaker (the party
  nearest before its reporting verb, outside a prepositional phrase: "states
  familiar with Moscow's behaviour warn" is not Moscow speaking) or is in the
  author's first person or analysts' voice, and the statement is attributed
  to someone else, with no derivation rule declared;
* qualifier-dropped — the quote says "only", "sole", "potential", "possible" …
  (a qualifier's cue words), and the statement does not carry that qualifier;
* date-without-precision, date-precision-mismatch — a date without its kind,
  or a kind the date does not fit;
* words-of-another-concept — every word that bears a concept out is part of a
  longer cue of a different concept ("territorial surrender" is a
  territorial concession, not a capitulation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Protocol

from rdflib import Dataset, Literal, URIRef

from .evidence import Evidence
from .judgements import UNCERTAIN
from .namespaces import DCTERMS, DG, PROV, RDF, RDFS, SKOS, XSD
from .outsiders import no_partys_people, no_partys_subject
from .reporting import IT_SAYS, READER_WORDS, after_preposition, voice, without_asides
from .speakers import pronoun_subject
from .wording import (
    DATELINE,
    ITS_CLAUSE,
    LINE_LABEL,
    NO_PARTY,
    NO_PARTYS_PAPER,
    UNNAMED_MEMBERS,
    joined_subject,
    word_start,
)

__all__ = ["RULES", "dates", "issued_on", "negations", "qualifier_words", "qualifiers", "readings", "sections",
           "shadowed_concepts", "speakers", "stances", "uncertainty"]

RULES = {
    "speaker-not-asserter": "the quote's sentence gives the words to a speaker (the subject of its reporting verb, "
                            "the author's first person, analysts) other than the statement's asserter (or, on a "
                            "state body's own page, dg:PublisherForState, the state it speaks for)",
    "qualifier-dropped": "the quote uses a qualifier's cue word (only, sole, potential, possible …) and the statement "
                         "does not carry the qualifier",
    "date-without-precision": "a dg:statedOn or dg:statedNotAfter without dg:datePrecision",
    "date-precision-mismatch": "a date precision the date does not fit (a day without a full date, a month not "
                               "given as its first day, before the document but after its date …)",
    "words-of-another-concept": "a concept borne out only by words that belong to a longer cue of another concept",
    "reading-without-its-reader": "an interpretation or judgement attributed to a party the quote does not give "
                                  "the words to (an author's or analysts' reading is theirs)",
    "author-in-anothers-section": "attributed to the author, but its section's heading gives the floor to a party "
                                  "(\"Analysts: …\", \"Ukraine's response: …\")",
    "uncertainty-as-stance": "the quote says a stance is unknown or uncertain (\"it is unknown whether\"), and the "
                             "statement is the party's own, or does not say so (dg:ascribesStance)",
    "stance-not-the-asserters": "a demand or principle whose demander or holder is not its asserter, nor speaks "
                                "for it, in a reported statement",
    "reported-by-the-author": "a statement reported (an actor's words) but attributed to the document's author",
    "negation-outside-quote": "the words just before the quote negate it (\"not\", \"no\", \"never\"): the quote "
                              "says the opposite of its sentence",
}
_STANCE_BEARING = (DG.Position, DG.Principle, DG.Demand, DG.Claim)
_READERS = re.compile(rf"\b({'|'.join(READER_WORDS)})\b", re.I)
_NEGATION = re.compile(r"(?<!\w)(not|no|never|n['’]t|neither|nor|without)[^\w.!?]*$", re.I)
"""A negating word just before a quote — in its sentence: "… if it did not." ends the sentence before it."""
_FLOOR = re.compile(r"^(?:['’]s?\s+)?(?:response|position|view|answer|reply|stance|line)?$", re.I)
_NOT_ONLY = re.compile(r"\bnot only\b|\bonly (?:after|then|when|if|once|until)\b", re.I)


class Auditor(Protocol):
    """What these checks need of the audit (``fidelity._Auditor``)."""

    data: Dataset

    def curie(self, node) -> str: ...
    def evidence(self, node) -> list[Evidence]: ...
    def cues(self, concept) -> set[str]: ...
    def names(self, actor) -> set[str]: ...
    def speakers_for(self, actor) -> set: ...
    def covered(self, node, role) -> bool: ...
    def statements(self) -> list[URIRef]: ...
    def headings(self, node) -> list[str]: ...
    def text_of(self, source: URIRef) -> str: ...
    def actor_names(self) -> dict[URIRef, set[str]]: ...


def speakers(auditor: Auditor, finding) -> Iterator:
    data = auditor.data
    actors = auditor.actor_names()
    for node in auditor.statements():
        if not any((node, RDF.type, cls) in data for cls in _STANCE_BEARING):
            continue  # a derivation rule does not excuse a speaker the quote names: it says who speaks for whom
        asserters = set(data.objects(node, PROV.wasAttributedTo))
        if (node, DG.derivedBy, DG.PublisherForState) in data:  # its author is a body of the state that holds it
            asserters |= {party for role in (DG.holder, DG.demandedBy, DG.heldBy) for party in data.objects(node, role)}
        for evidence in auditor.evidence(node):
            speakers = _speakers(evidence.quote, actors)
            if not speakers or any(speaker in asserters or _speaks_for(auditor, speaker, asserters)
                                   for speaker in speakers):
                continue
            yield finding(auditor.curie(node), "speaker-not-asserter",
                          f"{evidence.quote[:80]!r} gives the words to "
                          f"{' and '.join(sorted(map(auditor.curie, speakers)))}, but the statement "
                          f"is attributed to {', '.join(sorted(map(auditor.curie, asserters))) or 'nobody'}")


def actors_in(data: Dataset) -> set[URIRef]:
    """Every actor of ``data``: an instance of ``dg:Actor`` or of a class under it."""
    classes = {c for c in data.transitive_subjects(RDFS.subClassOf, DG.Actor)}
    return {s for c in classes for s in data.subjects(RDF.type, c) if isinstance(s, URIRef)}


def _speakers(quote: str, actors: dict[URIRef, set[str]]) -> set[URIRef]:
    """The parties the quote's own words give the floor to: the one named nearest before the reporting verb, with
    those joined to it ("Poland and the Baltic states said": both speak); none when it does not say (or says the
    author)."""
    folded = quote.casefold()
    named = [name for names in actors.values() for name in names if name in folded]
    heard = voice(quote, named)
    if heard.kind != "reported" or _READERS.search(quote[:heard.speaker_end]) \
            or NO_PARTY.search(quote[heard.speaker_start:heard.speaker_end]):  # "A German daily reported …"
        return set()
    found: list[tuple[int, int, URIRef]] = []
    begin = heard.speaker_start
    if (filed := DATELINE.match(quote)) and begin < filed.end() < heard.speaker_end:  # "BERLIN, 1 February —":
        begin = filed.end()  # where it was filed, not who speaks
    label = LINE_LABEL.match(quote, begin, heard.speaker_end)  # "Kyiv: Zelenskyy thanked …": not the label
    if label and any(_whole_words(name).search(folded, label.end(), heard.speaker_end) for name in named):
        begin = label.end()
    subject = without_asides(folded[begin:heard.speaker_end])  # the agent alone, in "was urged by
    # the EU"; not what a clause set off by commas names ("The EU, which has banned Russian oil, urged")
    if own := ITS_CLAUSE.search(subject):  # "Ukraine endorsed …, and its foreign ministry said": the first party's
        subject = subject[:own.start()]
        named = sorted((subject.find(name), actor) for actor, names in actors.items() for name in names
                       if _whole_words(name).search(subject))
        return {named[0][1]} if named else set()
    for actor, names in actors.items():
        for name in names:
            if name not in subject:
                continue
            for match in _whole_words(name).finditer(subject):
                if not after_preposition(subject, match.start()):
                    found.append((match.start(), match.end(), actor))
    found = [(start, end, actor) for start, end, actor in found  # "national security council": not the UN's
             if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in found)
             and not any(e < start and re.fullmatch(r"['’]s\s+", subject[e:start]) for s, e, _ in found)]  # "russia's
    # security council": russia's organ, not the un's
    if not found or pronoun_subject(quote[heard.speaker_start:heard.speaker_end].strip()):
        return set()  # "He thanked the countries that had supported Ukraine and asked …": he, whom it does not name
    found.sort()
    if joined_subject(subject, found[0][1]) or IT_SAYS.search(subject):  # "zelenskyy thanked the emirates … and
        return {found[0][2]}  # called for": zelenskyy; "… on chinese firms it accuses of": the subject
    *before, (joined_from, _, last) = found
    speakers = {last}
    for start, end, actor in reversed(before):
        if not _JOINED.fullmatch(subject[end:joined_from]):
            break
        speakers.add(actor)
        joined_from = start
    return speakers


_JOINED = re.compile(r"\s*(?:,|,?\s+and|,?\s+&)\s+(?:the\s+)?")
"""What joins the parties of one subject: "Poland and the Baltic states", "Poland, Finland and Estonia"."""


def _speaks_for(auditor: Auditor, speaker: URIRef, asserters: set) -> bool:
    return any(speaker in auditor.speakers_for(asserter) or asserter in auditor.speakers_for(speaker)
               for asserter in asserters)


def qualifiers(auditor: Auditor, finding) -> Iterator:
    data = auditor.data
    scheme = [(q, auditor.cues(q)) for q in data.subjects(SKOS.inScheme, DG.Qualifiers)]
    quoted = {n: auditor.evidence(n) for n, _ in data.subject_objects(DG.evidence)}
    by_quote: dict[str, set] = {}
    for node, found in quoted.items():
        for evidence in found:
            by_quote.setdefault(evidence.quote, set()).update(data.objects(node, DG.qualifier))
    for node in sorted(set(quoted) - _corrections(data)):
        own = set(data.objects(node, DG.qualifier))
        for evidence in quoted[node]:
            for qualifier, cues in scheme:
                said = qualifier_words(evidence.quote, cues)
                if not said or qualifier in own:
                    continue
                # a qualifier may sit on whatever else quotes these words (a position on "the only protection",
                # not the protection itself)
                if not any(qualifier in kept for other, kept in by_quote.items()
                           if evidence.quote in other or other in evidence.quote):
                    yield finding(auditor.curie(node), "qualifier-dropped",
                                  f"the quote says {said[0]!r} but the statement has no dg:qualifier "
                                  f"{auditor.curie(qualifier)}")


def qualifier_words(quote: str, cues: Iterable[str]) -> list[str]:
    """The words of a qualifier (its labels and cue words, ``cues``) that ``quote`` says, as whole words, sorted —
    not "only" in "not only" or "only after", which limit nothing. The audit asks a statement whose quote says them
    for the qualifier; the drafter proposes it.

    >>> qualifier_words("The only guarantee is membership.", ["only", "sole"])
    ['only']
    >>> qualifier_words("It is not only a question of land.", ["only"])
    []
    """
    text = _NOT_ONLY.sub(" ", quote.casefold())
    return sorted(cue for cue in cues if (folded := cue.casefold()) in text and _whole_words(folded).search(text))


@lru_cache(maxsize=4096)
def _whole_words(words: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")


def _corrections(data: Dataset) -> set:
    return set(data.subjects(RDF.type, DG.Correction))


def dates(auditor: Auditor, finding) -> Iterator:
    data = auditor.data
    for node in auditor.statements():
        precision = data.value(node, DG.datePrecision)
        stated, bound = data.value(node, DG.statedOn), data.value(node, DG.statedNotAfter)
        if (stated is not None or bound is not None) and precision is None:
            yield finding(auditor.curie(node), "date-without-precision",
                          "a date without dg:datePrecision: what kind of date it is must be said")
            continue
        problem = _mismatch(precision, stated, bound, issued_on(data, node))
        if problem:
            yield finding(auditor.curie(node), "date-precision-mismatch", problem)


def issued_on(data: Dataset, node) -> str | None:
    """The date of the document ``node`` is derived from (``dcterms:issued``), as written; None if not given."""
    source = data.value(node, PROV.wasDerivedFrom)
    issued = data.value(source, DCTERMS.issued) if source is not None else None
    return str(issued) if issued is not None else None


def _mismatch(precision, stated, bound, issued: str | None) -> str | None:
    full = isinstance(stated, Literal) and stated.datatype == XSD.date
    if precision == DG.DayPrecision and not full:
        return "dg:DayPrecision needs a full date (xsd:date) in dg:statedOn"
    if precision == DG.MonthPrecision and not (stated is not None and str(stated)[7:] in ("", "-01")):
        return "dg:MonthPrecision needs dg:statedOn as the month's first day (or an xsd:gYearMonth)"
    if precision == DG.BeforeDocument:
        if bound is None:
            return "dg:BeforeDocument needs dg:statedNotAfter (no later than the document's date)"
        if issued and str(bound) > issued:
            return f"dg:statedNotAfter {bound} is after the document's date {issued}"
    if precision in (DG.Recurring, DG.AsOfDocument) and stated is not None:
        return f"{str(precision).rsplit('#', 1)[-1]} gives no single date, but dg:statedOn is {stated}"
    if stated is not None and issued and str(stated)[:10] > issued:
        return f"dg:statedOn {stated} is after the document's date {issued}"
    return None


def shadowed_concepts(auditor: Auditor, finding, roles, context) -> Iterator:
    """A concept whose every cue in the quoted lines sits inside a longer cue of another concept."""
    data = auditor.data
    concepts = {c for role in roles for c in data.objects(None, role) if isinstance(c, URIRef)}
    cues = {c: frozenset(cue.casefold() for cue in auditor.cues(c)) for c in concepts}
    rivals = _rivals(tuple(cues.items()))
    for role in roles:
        for node, concept in data.subject_objects(role):
            if concept not in cues or not list(data.objects(node, DG.evidence)):
                continue
            text = context(node)
            spans = [m.span() for cue in cues[concept] for m in word_start(cue).finditer(text)]
            longer = [m.span() for cue in rivals[concept] for m in word_start(cue).finditer(text)]
            if spans and all(any(a <= s and e <= b and (b - a) > (e - s) for a, b in longer) for s, e in spans):
                yield finding(auditor.curie(node), "words-of-another-concept",
                              f"{auditor.curie(role)} {auditor.curie(concept)}: its words occur only inside a longer "
                              "cue of another concept")


@lru_cache(maxsize=1024)
def _rivals(cues: tuple[tuple[URIRef, frozenset[str]], ...]) -> dict[URIRef, set[str]]:
    """Each concept's rival cues: another concept's cues that hold one of its own, longer (only such a cue can
    cover its words). Documents of a corpus name the same few concepts: their rivals are found once."""
    return {c: {cue for other, words in cues if other != c for cue in words
                if any(own in cue and own != cue for own in own_cues)} for c, own_cues in cues}


def readings(auditor: Auditor, finding) -> Iterator:
    """Interpretations and judgements attributed to a party whose words the quote does not carry."""
    data = auditor.data
    actors = auditor.actor_names()
    for node in auditor.statements():
        mode = data.value(node, DG.assertionMode)
        if mode not in (DG.Interpretation, DG.Judgement) or auditor.covered(node, PROV.wasAttributedTo):
            continue
        for asserter in data.objects(node, PROV.wasAttributedTo):
            if (asserter, RDF.type, DG.Author) in data or asserter not in actors or _a_reader(auditor, asserter):
                continue
            heard = {speaker for e in auditor.evidence(node) for speaker in _speakers(e.quote, actors)}
            if not any(s == asserter or _speaks_for(auditor, s, {asserter}) for s in heard):
                yield finding(auditor.curie(node), "reading-without-its-reader",
                              f"a {auditor.curie(mode)} attributed to {auditor.curie(asserter)}, whose words the "
                              "quote does not carry")


def _a_reader(auditor: Auditor, actor) -> bool:
    return any(_READERS.search(name) for name in auditor.names(actor))


def sections(auditor: Auditor, finding) -> Iterator:
    """Author attributions under a heading that gives the floor to a party, or of words reported as an actor's."""
    data = auditor.data
    actors = auditor.actor_names()
    for node in auditor.statements():
        authors = [a for a in data.objects(node, PROV.wasAttributedTo) if (a, RDF.type, DG.Author) in data]
        if authors and (node, DG.assertionMode, DG.Reported) in data and not _unnamed_sources(auditor, node):
            yield finding(auditor.curie(node), "reported-by-the-author",
                          "reported (an actor's words) but attributed to the author: whose words are they?")
        if not authors or (node, DG.assertionMode, DG.FactualAssertion) in data:
            continue  # the author may state background facts anywhere; readings and stances have a voice
        for heading in auditor.headings(node):
            prefix = heading.split(":", 1)[0].strip() if ":" in heading else None
            floor = prefix and next((actor for actor, names in actors.items() for name in names
                                     if prefix.startswith(name) and _FLOOR.match(prefix[len(name):].strip())), None)
            if floor:
                yield finding(auditor.curie(node), "author-in-anothers-section",
                              f"attributed to the author, under the heading {heading[:60]!r}, which gives the floor "
                              f"to {auditor.curie(floor)}")
                break


def _unnamed_sources(auditor: Auditor, node) -> bool:
    """Whether the words are reported from sources the page does not name ("officials who asked not to be named
    said") or that are no party (``_vouched``): then the page vouches for them, and its author is their asserter."""
    return any(_vouched(evidence.quote) for evidence in auditor.evidence(node))


def _vouched(quote: str) -> bool:
    """Whether the quote's speaker is one whose words the page vouches for: sources it does not name, a body that is
    no party ("the institute said", "according to a survey"), or lawmakers it does not name."""
    heard = voice(quote)
    speaker = quote[heard.speaker_start:heard.speaker_end]
    if heard.kind == "none" and no_partys_subject(quote):  # "Several Conservative MPs pressed her to …"
        return True
    return heard.kind == "anonymous" or heard.kind in ("according", "reported") and bool(
        NO_PARTY.search(speaker) or UNNAMED_MEMBERS.match(speaker.strip())
        or NO_PARTYS_PAPER.fullmatch(speaker.strip(" ,.")) or no_partys_people(speaker))


def uncertainty(auditor: Auditor, finding) -> Iterator:
    """A stance the quote calls unknown, recorded as the party's own, or not recorded as uncertain."""
    data = auditor.data
    for node in auditor.statements():
        quotes = [e.quote for e in auditor.evidence(node)]
        if not any(UNCERTAIN.search(q) and voice(q).kind == "none" for q in quotes):
            continue
        about = set(data.objects(node, DG.about)) | set(data.objects(node, DG.holder))
        asserters = set(data.objects(node, PROV.wasAttributedTo))
        if asserters & about or (node, RDF.type, DG.Position) in data:
            yield finding(auditor.curie(node), "uncertainty-as-stance",
                          "the quote says the stance is unknown; that is the asserter's account, not the party's "
                          "position (a dg:Claim with dg:ascribesStance dg:Undetermined)")
        elif (node, DG.ascribesStance, None) not in data:
            yield finding(auditor.curie(node), "uncertainty-as-stance",
                          "the quote says a stance is unknown, and the statement does not say whose "
                          "(dg:ascribesStance dg:Undetermined)")


def stances(auditor: Auditor, finding) -> Iterator:
    """Reported demands and principles whose demander or holder is neither the asserter nor speaks for it."""
    data = auditor.data
    for role in (DG.demandedBy, DG.heldBy):
        for node, party in data.subject_objects(role):
            if (node, DG.assertionMode, DG.Reported) not in data:
                continue
            asserters = set(data.objects(node, PROV.wasAttributedTo))
            if party not in asserters and not _speaks_for(auditor, party, asserters):
                yield finding(auditor.curie(node), "stance-not-the-asserters",
                              f"{auditor.curie(role)} {auditor.curie(party)}, but reported as said by "
                              f"{', '.join(sorted(map(auditor.curie, asserters))) or 'nobody'}")


def negations(auditor: Auditor, finding) -> Iterator:
    """A quote whose source negates it in the words just before it."""
    data = auditor.data
    for node in {n for n, _ in data.subject_objects(DG.evidence)}:
        for evidence in auditor.evidence(node):
            text = auditor.text_of(evidence.source)
            at = text.find(evidence.quote)
            if at > 0 and _NEGATION.search(text[max(0, at - 12):at]):
                yield finding(auditor.curie(node), "negation-outside-quote",
                              f"{evidence.quote[:60]!r} follows {text[max(0, at - 12):at].strip()!r} in the source")
