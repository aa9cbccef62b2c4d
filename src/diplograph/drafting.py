"""Drafted facts, never auto-accepted: candidate statements for a document, proposed by rules and a gazetteer.

For each sentence of a registered document that no fact cites yet, a candidate says: the verbatim quote, the known
entities it mentions (labels and aliases, matched exactly or, for spellings such as "Zelensky", closely), a kind
of statement with its asserter and mode from the reporting structure ("X insists that …" → a demand by X;
"analysts say …" → their assessment; evaluative words in the author's voice → the author's judgement) and the
line's context (list leads, headings), a date resolved against the document's (dateparser), and a confidence.
No model, no network. Candidates go to a review file (:mod:`diplograph.review`), where a person decides each.
What one sentence gives read alone is :mod:`diplograph.attribution`'s; this module reads it in its page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta

from .attribution import candidate_of
from .continued import held_by_another, quote_continued
from .dating import days_after
from .errors import DiplographError
from .evidence import quotes_from
from .gazetteer import Gazetteer, gazetteer_of
from .graph import KnowledgeGraph
from .kinds import kind_of
from .leads import (
    as_its_points,
    in_context,
    its_points,
    labelled_party,
    listed_points,
    referred_by,
    standing_for,
)
from .mentions import affiliations, with_people
from .namespaces import DCTERMS, DGS
from .plans import own_plans
from .referring import Earlier
from .releases import in_own_voice, publishing_party
from .review import Candidate, Mention, read_candidates, review_file, write_candidates
from .speakers import as_before, named_again, spoken_of
from .terms import short
from .wording import DATELINE, Byline, contexts

__all__ = ["draft", "draft_sentence", "propose"]

_BOUNDARY = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)" + "".join(rf"(?<!\b{title}\.)" for title in (
    "Mr", "Ms", "Mrs", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "St")) + r"[”\"’)]*\s+(?=[“\"‘A-Z])")

_TURN = re.compile(r"^(?P<who>[A-Z][A-Z .'’-]{1,60}?)(?:\s*\((?P<whose>[^()]{2,40})\))?:\s+(?=\S)")
"""A transcript's turn: its speaker's label in capitals, with their state or body after it at their first turn
("FOREIGN MINISTER ANA MADEUPESCU (Moldova): …")."""
_BULLET = re.compile(r"^(?:[•\-*–—]|\d{1,2}[.)]|(?:Q|A|Question|Answer):|" + _TURN.pattern[1:] + r")\s*")
"""A list item's marker, as a page's text gives it ("• ", "- ", "1. "), an interview's ("Q: ", "A: ") or a
transcript's speaker label: not part of its words."""
_ANSWER = re.compile(r"^(?:A|Answer):\s+")
_BETTING = re.compile(r"\b(?:betting|banking|counting)\s+(?:that|on)\b", re.I)
"""A reading of another party's intent in an answer ("Moscow is betting that …"): the interviewee's assessment."""
_SHOULD = re.compile(r"\b(?:should|ought\s+to)\s+(?!not\s+be\b|be\s+(?:no|a|an|the)\b)\w", re.I)
_THE_FLOOR = {"Q", "QUESTION", "REPORTER", "JOURNALIST", "MODERATOR", "HOST", "CHAIR", "PRESENTER", "INTERVIEWER"}
"""Labels of turns that are no party's words: the floor's questions, the moderator's."""

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
    byline = Byline(graph.label(author) if author is not None else None)
    party = publishing_party(graph.label(author) if author is not None else None, gazetteer := graph.cached(
        "gazetteer", lambda: gazetteer_of(graph)))  # a ministry's own page: its state
    cited = {quote.exact for quote in quotes_from(graph.dataset, DGS[name])}
    found, leads, earlier = [], {}, Earlier(graph, name)  # leads: a list's lead → the points read under it
    referred: dict[str, Candidate] = {}  # a list's lead → the statement drafted before that it refers to
    interviewee: Mention | None = None  # the state of the last person the page introduced with an office
    speakers: dict[str, Mention] = {}  # a transcript's labels → the state or body each speaker is of
    for line, around in _placed(text):
        paragraph_starts = len(found)
        for sentence in [] if byline.of(line) else _sentences(line):
            if uncited_only and any(quote in sentence or sentence in quote for quote in cited):
                earlier.passed(sentence)
                continue
            candidate = in_own_voice(candidate_of(sentence, gazetteer, day, str(author) if author else None, name),
                                     party, short(author) if author else None)
            introduced = affiliations(sentence, gazetteer, short(author) if author else None, name,
                                      labelled_party(sentence, gazetteer) or spoken_of(found))
            found += introduced
            interviewee = next((a.mentions[-1] for a in introduced if len(a.mentions) > 1), interviewee)
            if candidate is not None and _ANSWER.match(line):
                candidate = _answered(candidate, interviewee)
            elif candidate is not None and (turn := _TURN.match(line)):
                candidate = _answered(candidate, _turn_of(turn, speakers, gazetteer))
            if candidate is not None:
                lead = around[0] if around else ""
                candidate = in_context(candidate, around, gazetteer, referred.get(lead) or its_points(lead, found),
                                       item=bool(_BULLET.match(line))) if read_context else candidate
                candidate = quote_continued(candidate, found[paragraph_starts:])
                read = as_before(named_again(candidate, found), found, gazetteer)
                found.append(_dated_after(_referring(own_plans(held_by_another(read, found), found, gazetteer), earlier,
                                                     gazetteer), found))
                leads.setdefault(lead, []).append(found[-1])  # a lead's points, in order
                referred |= referred_by(found[-1], found)
            earlier.passed(sentence)
            if candidate is not None:
                earlier.drafted(found[-1])
    if not read_context:
        return found
    listed = listed_points(found, leads, referred)
    return [standing_for(as_its_points(c, leads.get(c.sentence, [])), listed.get(c.id, [])) for c in found]


def _dated_after(candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A sentence dated from the day the sentence before gave ("Kyiv rejected it the next day"): that day and the
    days it counts, to the day."""
    offset = days_after(candidate.sentence)
    before = next((c for c in reversed(found) if c.stated_on and c.date_precision == "DayPrecision"), None)
    if candidate.stated_on or offset is None or before is None:
        return candidate
    return replace(candidate, stated_on=(date.fromisoformat(before.stated_on) + timedelta(days=offset)).isoformat(),
                   date_precision="DayPrecision")


def _placed(text: str) -> Iterator[tuple[str, list[str]]]:
    """Each line with its context (``wording.contexts``), its list's lead kept only for the list's own lines: an
    item ("• ", "- ", "1. ") or the line right after the lead. A paragraph further down is not the list's: "Ukraine
    set out three conditions:" leads its items, not the news below them."""
    previous = ""
    for line, around in contexts(text):
        lead = around[0] if around and around[0].endswith(":") else ""
        yield line, around if not lead or _BULLET.match(line) or previous == lead else around[1:]
        previous = line


def _referring(candidate: Candidate, earlier: Earlier, gazetteer: Gazetteer) -> Candidate:
    """A candidate whose words refer back ("rejected the demand", "Putin's conditions") with those statements among
    what it is about; the party whose statements they are ("Putin's") is named as their maker, not as what the
    candidate is about — unless it is the one who speaks ("repeating Beijing's call": Beijing's own, again). A
    stance given in reply that names no measure is a stance on what it answers."""
    def owner(name: str) -> str | None:
        key = gazetteer.lookup(re.sub(r"^(?:the|The)\s+", "", name))
        return gazetteer[key][0] if key is not None else None

    speaker = candidate.asserted_by if candidate.assertion_mode == "Reported" else None  # the author's "his" is not
    referents = [r for r in earlier.referents(candidate.sentence, owner, speaker)
                 if all(m.entity != r.entity for m in candidate.mentions)]
    if not referents and candidate.kind == "Position" and not candidate.measures:  # "Kyiv replied it would not …"
        referents = earlier.answered(candidate.sentence, speaker)
    if not referents:
        return candidate
    possessor = re.match(r"(.+?)['’]s\s", referents[0].text)
    maker = owner(possessor.group(1)) if possessor else None
    kept = [m for m in candidate.mentions if m.entity != maker or maker == candidate.asserted_by]
    return replace(candidate, mentions=[*kept, *referents],
                   content=[*(r.entity for r in referents),
                            *(e for e in (candidate.content or [m.entity for m in kept])
                              if e != maker or maker == candidate.asserted_by)])


def _turn_of(turn: re.Match, speakers: dict[str, Mention], gazetteer: Gazetteer) -> Mention | None:
    """The state or body a transcript's turn speaks for: named after its label at the speaker's first turn, and
    remembered by the label; none for the floor's questions and the moderator."""
    who = turn.group("who").strip()
    if who in _THE_FLOOR:
        return None
    named = [m for m in with_people(turn.group("whose") or "", gazetteer) if m.actor]
    if named:
        speakers[who] = named[0]
    return speakers.get(who)


def _answered(candidate: Candidate, interviewee: Mention | None) -> Candidate:
    """An interview's answer ("A: We are ready to …") or a transcript's turn: the words of the person the page
    introduced, recorded as their state's, whatever pronoun they use; its kind from its own words — what others
    "should" do they ask for, what another "is betting that" they read."""
    if interviewee is None:
        return candidate
    kind = kind_of(candidate.sentence) or ("Demand" if _SHOULD.search(candidate.sentence) else "Assessment"
                                           if _BETTING.search(candidate.sentence) else "Claim")
    return replace(candidate, kind=kind, asserted_by=interviewee.entity,
                   assertion_mode="Reported", mentions=[interviewee, *(m for m in candidate.mentions
                                                                       if m.entity != interviewee.entity)],
                   rule=f"an answer or a turn: the words of the person introduced, for {interviewee.label}",
                   derived_by="ReferentFromContext")  # the speaker is named where the page introduced them


def draft_sentence(graph: KnowledgeGraph, sentence: str, day: date | None = None, author: str | None = None
                   ) -> Candidate:
    """The candidate one sentence gives, read alone, in a document of date ``day`` by ``author`` (an IRI).

    >>> draft_sentence(KnowledgeGraph.open(), "Kyiv rejects Moscow's terms.").asserted_by
    'dgr:ukraine'
    """
    return candidate_of(sentence, graph.cached("gazetteer", lambda: gazetteer_of(graph)), day, author)


def draft(graph: KnowledgeGraph, name: str) -> list[Candidate]:
    """Draft candidates for document ``name`` into its review file (keeping earlier decisions); the pending ones.

    Raises
    ------
    DiplographError
        when no source of that name is registered.
    """
    from .vetting import vet

    earlier = {c.id: c for c in read_candidates(review_file(graph.layout, name))}
    proposed = propose(graph, name)
    vet(graph, name, [c for c in proposed if c.id not in earlier])  # audited before they are offered
    drafted = [earlier.get(c.id, c) for c in proposed]  # a decision stands: rejected is not re-proposed
    kept = {c.id for c in drafted}
    drafted += [c for c in earlier.values() if c.id not in kept and c.status != "pending"]
    write_candidates(review_file(graph.layout, name), drafted)
    return [c for c in drafted if c.status == "pending"]


# ---------------------------------------------------------------------- the rules


def _sentences(line: str) -> list[str]:
    """A line's sentences (a heading or list item is one): split after . ! ? before a capital or a quote mark,
    so that "U.S.-drafted", "2.5" or "Mr. Putin" stay whole; a title in two parts ("Do truces hold? What the
    research says") is one."""
    line = _BULLET.sub("", line.strip())
    dateline = DATELINE.match(line)  # "MOSCOW, July 26. Russian President …": the dateline opens the first sentence
    parts = [part.strip() for part in _BOUNDARY.split(line[dateline.end() if dateline else 0:])]
    if dateline and parts:
        parts[0] = line[:dateline.end()] + parts[0]
    if len(parts) > 1 and len(line) <= 120 and not line.endswith((*_ENDS, ":", ";", ")", "”", '"')):
        parts = [line]
    return [part for part in parts if len(part.split()) >= 4 or len(part.split()) >= 2 and part.endswith(_ENDS)]


_ENDS = (".", "!", "?", ".”", "?”", '."', '?"')
"""How a whole sentence ends: a short one ("That is false.", "Verdict: misleading.", "What happens next?") is a
statement too — a fact check's verdict, an explainer's question — where a short line without its stop is a
page's furniture ("Read more", "Share this")."""
