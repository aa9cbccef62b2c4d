"""Drafted facts, never auto-accepted: candidate statements for a document, proposed by rules and a gazetteer.

For each sentence of a registered document that no fact cites yet, a
candidate says: the sentence (the verbatim quote it would cite), the known
entities it mentions (the graph's labels and aliases, matched exactly or, for
spelling variants such as "Zelensky" or "Zaporozhzhia", closely), a proposed
kind of statement with its asserter and assertion mode from cue words ("X
insists that …" → a demand by X; "… rejects …" → a position with dg:Rejects;
"analysts say …" → the analysts' assessment; evaluative words in the author's
voice → the author's judgement), a proposed date from the text's own date
expressions resolved against the document's date (dateparser), and a
confidence. No model, no network: rules and the graph's names.

Candidates go to a review file (:mod:`diplograph.review`), never loaded as
facts, where a person accepts or rejects each.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import replace
from datetime import date, datetime

from .errors import DiplographError
from .evidence import quotes_from
from .fidelity import contexts
from .graph import KnowledgeGraph
from .namespaces import DCTERMS, DG, DGS
from .review import Candidate, Mention, read_candidates, review_file, write_candidates
from .terms import short

__all__ = ["Gazetteer", "draft", "propose"]

_BOUNDARY = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)[”\"’)]*\s+(?=[“\"‘A-Z])")
_CLOSE = 0.84
"""How alike a phrase must be to a label or alias to be proposed as that entity (difflib's ratio)."""

_RULES: list[tuple[str, re.Pattern, str, str]] = [
    # (kind, cue, assertion mode, what the rule says) — first match wins
    ("Position", re.compile(r"\b(reject(s|ed)?|refus(e|es|ed)|unacceptable|oppos(e|es|ed))\b", re.I), "Reported",
     "a rejection: a position with stance Rejects, held by the first actor named"),
    ("Demand", re.compile(r"\b(insist(s|ed)?|demand(s|ed)?|must|call(s|ed)? (on|for))\b", re.I), "Reported",
     "a demand by the first actor named, of the next one"),
    ("Assessment", re.compile(r"\b(analysts?|experts?|observers)\b.*\b(say|said|interpret|believe|note[sd]?|"
                              r"argue)\b", re.I), "Interpretation", "a reading, attributed to those who read so"),
    ("Claim", re.compile(r"\b(said|says|stated|announced|told|declared)\b", re.I), "Reported",
     "something an actor said, attributed to them"),
    ("Assessment", re.compile(r"\b(ultimatum|capitulation|blackmail|not a compromise|signal|likely|will|should)\b",
                              re.I), "Judgement", "an evaluation in the author's voice: the author's judgement"),
    ("Claim", re.compile(r"."), "FactualAssertion",
     "no cue word: a statement in the author's voice, the author's factual assertion (least sure)"),
]
_SAID_WHEN = re.compile(r"\b(yesterday|today|this week|last week)\b", re.I)
"""Date words that, unlike "in March", say when a statement was made."""
_DATE_WORDS = re.compile(r"\b(january|february|march|april|may|june|july|august|september|october|november|"
                         r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                         r"this week|last week)\b", re.I)


def propose(graph: KnowledgeGraph, name: str, *, uncited_only: bool = True, read_context: bool = True
            ) -> list[Candidate]:
    """Candidates for document ``name``, one per sentence a rule applies to (only sentences no fact cites yet,
    unless ``uncited_only`` is False, as the drafting benchmark asks); nothing is written. ``read_context`` False
    reads each sentence alone, without its list lead and headings (the benchmark's baseline).

    Raises
    ------
    DiplographError
        when no source of that name is registered.
    """
    path = graph.source_texts().get(name)
    if path is None:
        raise DiplographError(f"no source document {name!r} (register it with add-source)")
    text = path.read_text(encoding="utf-8")
    issued = graph.dataset.value(DGS[name], DCTERMS.issued)
    day = date.fromisoformat(str(issued)) if issued is not None else None
    author = graph.dataset.value(DGS[name], DCTERMS.creator)
    cited = {quote.exact for quote in quotes_from(graph.dataset, DGS[name])}
    gazetteer = _gazetteer(graph)
    found = []
    for line, around in contexts(text):
        for sentence in _sentences(line):
            if uncited_only and any(quote in sentence or sentence in quote for quote in cited):
                continue
            candidate = _candidate(sentence, gazetteer, day, str(author) if author else None)
            if candidate is not None:
                found.append(_in_context(candidate, around, gazetteer) if read_context else candidate)
    return found


def draft(graph: KnowledgeGraph, name: str) -> list[Candidate]:
    """Draft candidates for document ``name`` into its review file (keeping earlier decisions); the pending ones.

    Raises
    ------
    DiplographError
        when no source of that name is registered.
    """
    earlier = {c.id: c for c in read_candidates(review_file(graph.layout, name))}
    drafted = [earlier.get(c.id, c) for c in propose(graph, name)]  # a decision stands: rejected is not re-proposed
    kept = {c.id for c in drafted}
    drafted += [c for c in earlier.values() if c.id not in kept and c.status != "pending"]
    write_candidates(review_file(graph.layout, name), drafted)
    return [c for c in drafted if c.status == "pending"]


# ---------------------------------------------------------------------- the rules


def _sentences(line: str) -> list[str]:
    """A line's sentences (a heading or list item is one): split after . ! ? before a capital or a quote mark,
    so that "U.S.-drafted" or "2.5" stay whole."""
    return [part.strip() for part in _BOUNDARY.split(line.strip().lstrip("•").strip()) if len(part.split()) >= 4]


_PRINCIPLES = re.compile(r"\b(principles?|red lines?|non-negotiable)\b", re.I)


def _in_context(candidate: Candidate, around: list[str], gazetteer) -> Candidate:
    """A fallback candidate (no cue in its own words) re-read through the line's list lead and headings.

    An article says whose words a line is in its structure: a list led by "Zelenskyy repeatedly emphasizes three
    non-negotiable principles:" holds his principles; a section headed "Analysts: …" holds their readings.
    """
    if candidate.assertion_mode != "FactualAssertion" or not around:
        return candidate
    lead, headings = around[0] if around[0].endswith(":") else "", [a for a in around if not a.endswith(":")]
    if lead and _PRINCIPLES.search(lead):
        holders = [m for m in _mentions(lead, gazetteer) if m.actor]
        if holders:
            return replace(candidate, kind="Principle", asserted_by=holders[0].entity, assertion_mode="Reported",
                           rule="a list of principles, held by the actor its lead names")
    for heading in headings:
        named = _speaker(heading, gazetteer)
        if named:
            reading = named[0].entity in ("dgr:analysts", "dgr:diplomats")
            return replace(candidate, kind="Assessment" if reading else "Claim", asserted_by=named[0].entity,
                           assertion_mode="Interpretation" if reading else "Reported",
                           rule="a line under a heading that names whose words follow (\"Analysts: …\")")
    return candidate


_VOICE = re.compile(r"^(?:(?:['’]s?\s+)?(?:response|position|view|answer|reply|stance|line))?$", re.I)
"""What may follow the actor's name before a heading's colon for the heading to say whose words follow."""


def _speaker(heading: str, gazetteer) -> list[Mention]:
    """The actor a heading gives the floor to: "Analysts: …", "Ukraine’s response: …" — not "Europe’s dilemma: …"."""
    if ":" not in heading:
        return []
    prefix = heading.split(":", 1)[0].strip()
    for mention in _mentions(prefix, gazetteer):
        start = prefix.casefold().find(mention.text.casefold())
        if mention.actor and start == 0 and _VOICE.match(prefix[len(mention.text):].strip()):
            return [mention]
    return []


class Gazetteer(dict):
    """Casefolded label or alias → (entity as a prefixed name, its label, whether it is an actor), with a look-up of
    the closest spelling that compares a phrase only with names of its first letter and a length that could reach
    the cut-off — so drafting costs what the document costs, not the document times the corpus's names."""

    def __init__(self, names: dict[str, tuple[str, str, bool]]):
        super().__init__(names)
        self._by_letter: dict[str, list[str]] = {}
        for key in sorted(self):
            self._by_letter.setdefault(key[:1], []).append(key)
        self._seen: dict[str, str | None] = {}

    def closest(self, key: str) -> str | None:
        """The name spelt most like ``key`` (difflib's ratio at least ``_CLOSE``), if any."""
        if key not in self._seen:
            # a ratio of 2M/(a+b) >= c needs the shorter at least c/(2-c) of the longer
            reach = _CLOSE / (2 - _CLOSE)
            near = [k for k in self._by_letter.get(key[:1], ())
                    if min(len(k), len(key)) >= reach * max(len(k), len(key))]
            found = difflib.get_close_matches(key, near, n=1, cutoff=_CLOSE)
            self._seen[key] = found[0] if found else None
        return self._seen[key]


def _gazetteer(graph: KnowledgeGraph) -> Gazetteer:
    names = graph.names
    actors = set(graph.instances(DG.Actor))
    return Gazetteer({spelling: (short(iri), graph.label(iri), iri in actors)
                      for spelling, iri in names.by_label.items() if spelling in names.entities})


def _mentions(sentence: str, gazetteer: Gazetteer) -> list[Mention]:
    words = re.findall(r"[\w’'.-]+", sentence)
    found: dict[str, Mention] = {}
    for size in (4, 3, 2, 1):
        for start in range(len(words) - size + 1):
            phrase = " ".join(words[start:start + size]).strip(".,;:’'")
            key = phrase.casefold()
            if len(key) < 3:
                continue
            if key in gazetteer:
                entity, label, actor = gazetteer[key]
                found.setdefault(entity, Mention(phrase, entity, label, 1.0, actor))
                continue
            if size <= 2 and phrase[:1].isupper():  # a name, spelt otherwise
                close = gazetteer.closest(key)
                if close:
                    entity, label, actor = gazetteer[close]
                    score = round(difflib.SequenceMatcher(None, key, close).ratio(), 2)
                    if entity not in found:
                        found[entity] = Mention(phrase, entity, label, score, actor)
    return sorted(found.values(), key=lambda m: sentence.casefold().find(m.text.casefold()))


def _candidate(sentence: str, gazetteer, day: date | None, author: str | None) -> Candidate | None:
    mentions = _mentions(sentence, gazetteer)
    actors = [m for m in mentions if m.actor]
    for kind, cue, mode, rule in _RULES:
        if not cue.search(sentence):
            continue
        if mode == "Reported" and not actors:
            continue  # a party's statement needs the party named
        asserter = actors[0].entity if mode == "Reported" else None
        if kind == "Assessment" and mode == "Interpretation":
            asserter = next((m.entity for m in mentions if m.entity in ("dgr:analysts", "dgr:diplomats")),
                            "dgr:analysts")
        if mode in ("Judgement", "FactualAssertion"):
            asserter = author and short(author)
        stated_on, precision = _date(sentence, day)
        base = 0.2 if mode == "FactualAssertion" else 0.4  # the fallback rule is the least sure
        confidence = round(min(1.0, base + 0.2 * bool(actors) + 0.1 * min(len(mentions), 3)
                               + 0.1 * (stated_on is not None)) * min([m.score for m in mentions] or [1.0]), 2)
        return Candidate(id=hashlib.sha1(sentence.encode()).hexdigest()[:10], sentence=sentence, kind=kind,
                         asserted_by=asserter, assertion_mode=mode, rule=rule, mentions=mentions,
                         stated_on=stated_on, date_precision=precision, confidence=confidence,
                         new_entities=_unknown_names(sentence, mentions))
    return None


_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+(?:the\s+)?|the\s+)?[A-Z][\w’'-]+)*")
_NOT_NAMES = {"On", "In", "The", "A", "An", "It", "This", "That", "These", "Those", "He", "She", "They", "We", "But",
              "And", "By", "For", "If", "As", "At", "While", "Whether", "After", "Before", "MADE", "NOT"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _unknown_names(sentence: str, mentions: list[Mention]) -> list[str]:
    """Capitalised phrases that no mention covers: proper names the graph does not know yet."""
    known = " ".join(m.text for m in mentions).casefold()
    found = []
    for match in _NAME.finditer(sentence):
        if match.start() == 0 and " " not in match.group():
            continue  # one capitalised word opening the sentence: any word is capitalised there
        words = [w for w in match.group().split() if w not in _NOT_NAMES and w not in _MONTHS]
        name = " ".join(words).strip(" ’'-")
        if len(name) > 2 and name.casefold() not in known and not any(
                w.casefold() in known for w in words if len(w) > 3):
            found.append(name)
    return list(dict.fromkeys(found))



def _date(sentence: str, day: date | None) -> tuple[str | None, str | None]:
    """The statement's own date: "On January 30, …", "yesterday", "this week", resolved against the document's date.

    A date the sentence gives for something else ("talks could resume in March") is not proposed.
    """
    if day is None or not _DATE_WORDS.search(sentence):
        return None, None
    from dateparser.search import search_dates

    base = datetime(day.year, day.month, day.day)
    found = search_dates(sentence, languages=["en"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                                "REQUIRE_PARTS": ["month"]}) or []
    for text, when in found:
        if not _DATE_WORDS.search(text) or when.date() > day:
            continue
        introduced = re.match(r"on\s", text.strip(), re.I) or re.search(r"\bon\s+" + re.escape(text.strip()),
                                                                         sentence, re.I)
        if not (_SAID_WHEN.search(text) or introduced):
            continue  # "could resume in March": when something happens, not when it was said
        precision = "DayPrecision" if re.search(r"\d|day|today|yesterday", text, re.I) else "MonthPrecision"
        shown = when.date() if precision == "DayPrecision" else when.date().replace(day=1)
        return shown.isoformat(), precision
    return None, None


