"""Drafted facts, never auto-accepted: candidate statements for a document, proposed by rules and a gazetteer.

For each sentence of a registered document that no fact cites yet, a candidate says: the verbatim quote, the known
entities it mentions (labels and aliases, matched exactly or, for spellings such as "Zelensky", closely), a kind
of statement with its asserter and mode from the reporting structure ("X insists that …" → a demand by X;
"analysts say …" → their assessment; evaluative words in the author's voice → the author's judgement) and the
line's context (list leads, headings), a date resolved against the document's (dateparser), and a confidence.
No model, no network. Candidates go to a review file (:mod:`diplograph.review`), where a person decides each.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

from .dating import date_of
from .errors import DiplographError
from .evidence import quotes_from
from .gazetteer import Gazetteer, gazetteer_of
from .graph import KnowledgeGraph
from .judgements import EVALUATIVE, UNCERTAIN, interpretive
from .kinds import SCENARIO, cue_start, kind_of, papers_terms
from .leads import (
    ANALYTIC_LEAD,
    READERS,
    as_its_points,
    in_context,
    labelled_reading,
    listed_points,
    referred_by,
    standing_for,
)
from .mentions import affiliations, candidate_id, people, unknown_names, with_people
from .namespaces import DCTERMS, DGS
from .referring import Earlier
from .reporting import Voice, no_partys_people, no_partys_subject, reader_voice, voice
from .review import Candidate, Mention, read_candidates, review_file, write_candidates
from .scrutiny import qualifier_words
from .speakers import (
    INSTITUTION,
    NO_ONE_IN_PARTICULAR,
    NO_PARTY_FIRST,
    as_before,
    held_by_another,
    in_own_voice,
    named_again,
    obliged,
    own_plans,
    publishing_party,
    quote_continued,
    speaker_of,
    spoken_of,
    their_paper,
    unnamed_speaker,
)
from .terms import short
from .wording import DATELINE, NO_PARTY, NO_PARTYS_PAPER, Byline, asks, comes_first_before, contexts

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
_THE_FLOOR = {"Q", "QUESTION", "REPORTER", "JOURNALIST", "MODERATOR", "HOST", "CHAIR", "PRESENTER", "INTERVIEWER"}
"""Labels of turns that are no party's words: the floor's questions, the moderator's."""
_PUBLIC = re.compile(r"(?:most|many|few|some|all|a majority of|half of|[\w-]+ per ?cent of)\s+[A-Z][\w’'-]*s$", re.I)
"""A people's plural name with a share of it, as a subject: the public a poll asked, not a party that spoke."""
_FIRST_PERSON_SUBJECT = re.compile(r"(?:we|I)\b(?:,[^,]{1,200},)?\s+(?:(?:\w+ly|also|again|once again|still)\s+)?"
                                   r"(?-i:[a-z])", re.I)
"""The author in the first person as the sentence's subject, whatever the verb ("We reaffirm …", "We, the
ministers, call on …")."""
_CLAIMING = {"claimed", "claims", "accused", "accuses", "accusing", "blamed", "blames"}
_PASSIVE_STANCE = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:backed|rejected|"
                             r"supported|endorsed|approved|welcomed|opposed|blocked|vetoed)\s+by\b", re.I)
"""A stance told in the passive, its holders after "by" ("was backed by all 27 member states"): what was done."""
_BELIEVING = {"fear", "fears", "feared", "doubt", "doubts", "doubted", "believe", "believes", "believed", "think",
              "thinks"}
"""Verbs of what a speaker holds true or fears: what follows is their assessment."""

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
            candidate = in_own_voice(_candidate(sentence, gazetteer, day, str(author) if author else None, name),
                                     party, short(author) if author else None)
            introduced = affiliations(sentence, gazetteer, short(author) if author else None, name,
                                      spoken_of(found))
            found += introduced
            interviewee = next((a.mentions[-1] for a in introduced if len(a.mentions) > 1), interviewee)
            if candidate is not None and _ANSWER.match(line):
                candidate = _answered(candidate, interviewee)
            elif candidate is not None and (turn := _TURN.match(line)):
                candidate = _answered(candidate, _turn_of(turn, speakers, gazetteer))
            if candidate is not None:
                lead = around[0] if around else ""
                candidate = in_context(candidate, around, gazetteer, referred.get(lead),
                                       item=bool(_BULLET.match(line))) if read_context else candidate
                candidate = quote_continued(candidate, found[paragraph_starts:])
                read = as_before(named_again(candidate, found), found, gazetteer)
                found.append(_referring(own_plans(held_by_another(read, found), found, gazetteer), earlier, gazetteer))
                leads.setdefault(lead, []).append(found[-1])  # a lead's points, in order
                referred |= referred_by(found[-1], found)
            earlier.passed(sentence)
            if candidate is not None:
                earlier.drafted(found[-1])
    if not read_context:
        return found
    listed = listed_points(found, leads, referred)
    return [standing_for(as_its_points(c, leads.get(c.sentence, [])), listed.get(c.id, [])) for c in found]


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
    candidate is about."""
    def owner(name: str) -> str | None:
        key = gazetteer.lookup(re.sub(r"^(?:the|The)\s+", "", name))
        return gazetteer[key][0] if key is not None else None

    speaker = candidate.asserted_by if candidate.assertion_mode == "Reported" else None  # the author's "his" is not
    referents = [r for r in earlier.referents(candidate.sentence, owner, speaker)
                 if all(m.entity != r.entity for m in candidate.mentions)]
    if not referents:
        return candidate
    possessor = re.match(r"(.+?)['’]s\s", referents[0].text)
    maker = owner(possessor.group(1)) if possessor else None
    kept = [m for m in candidate.mentions if m.entity != maker]
    return replace(candidate, mentions=[*kept, *referents],
                   content=[*(r.entity for r in referents),
                            *(e for e in (candidate.content or [m.entity for m in kept]) if e != maker)])


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
    introduced, recorded as their state's, whatever pronoun they use; its kind from its own words."""
    if interviewee is None:
        return candidate
    return replace(candidate, kind=kind_of(candidate.sentence) or "Claim", asserted_by=interviewee.entity,
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
    return _candidate(sentence, graph.cached("gazetteer", lambda: gazetteer_of(graph)), day, author)


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


def _candidate(sentence: str, gazetteer: Gazetteer, day: date | None, author: str | None,
               document: str = "") -> Candidate:
    """The candidate ``sentence`` gives; its id (and the IRI of the fact it becomes) is the sentence's within its
    ``document``: a line two pages share (a banner, a boilerplate paragraph) makes two facts, one in each."""
    mentions = with_people(sentence, gazetteer)
    reading = labelled_reading(sentence, gazetteer) or sentence  # "Ukraine: wants …" is read "Ukraine wants …"
    kind, mode, asserter, rule = _who_and_what(reading, mentions, author and short(author), gazetteer)
    stated_on, precision = date_of(reading, day)
    actors = [m for m in mentions if m.actor]
    base = 0.2 if mode == "FactualAssertion" else 0.4  # the fallback rule is the least sure
    confidence = round(min(1.0, base + 0.2 * bool(actors) + 0.1 * min(len(mentions), 3)
                           + 0.1 * (stated_on is not None)) * min([m.score for m in mentions] or [1.0]), 2)
    newcomer = next((m.text for role, m, _, _ in people(sentence, gazetteer)  # an office-holder: by the affiliation
                     if role.profession), None)
    return Candidate(id=candidate_id(sentence, document), sentence=sentence, kind=kind, new_person=newcomer,
                     asserted_by=asserter, assertion_mode=mode, rule=rule, mentions=mentions,
                     stated_on=stated_on, date_precision=precision, confidence=confidence,
                     new_entities=unknown_names(sentence, [m.text for m in mentions]),
                     measures=_called_for(sentence, gazetteer),
                     qualifiers=[q for q, words in gazetteer.qualifiers.items() if qualifier_words(sentence, words)],
                     content=[m.entity for m in with_people(
                         sentence[voice(sentence, _names(sentence, mentions, gazetteer)).content_start:],
                         gazetteer)])


def _names(sentence: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[str]:
    """Every phrase of the sentence that names an entity: the mentions' and each other word the gazetteer knows ("a
    French diplomat" after "France" was mentioned), as ``reporting.voice`` reads a speaker's words by them."""
    return [*(m.text for m in mentions),
            *(word for word in re.findall(r"[A-Z][\w’'-]+", sentence) if gazetteer.lookup(word) is not None)]


def _called_for(sentence: str, gazetteer: Gazetteer) -> list[str]:
    """The measures the sentence names, but not in what it puts its content before: "a ceasefire before any talks"
    calls for the ceasefire, and the talks are what it must precede (``preconditionFor``)."""
    later = comes_first_before(sentence)
    return gazetteer.measures_in(sentence.replace(later, " ") if later else sentence)


def _who_and_what(sentence: str, mentions: list[Mention], author: str | None, gazetteer: Gazetteer
                  ) -> tuple[str, str, str | None, str]:
    """The kind, assertion mode, asserter and the rule that decided, from the reporting structure first."""
    if asks(sentence):  # "What does Kyiv say?", "Fact check: did Kyiv reject …?": the page asks
        return "Assessment", "Framing", author, "a question the page asks: it frames, it asserts nothing"
    heard = voice(sentence, _names(sentence, mentions, gazetteer))
    # a speaker who claims or accuses makes a claim, whatever stance the claim gives another ("claimed that Ukraine
    # has rejected every plan put forward" is no rejection, nor a proposal, of the speaker's)
    kind = "Claim" if heard.verb.casefold() in _CLAIMING else kind_of(sentence)
    if heard.kind == "author":  # "we believe", "our senior fellow argues": the author's own
        return ("Prediction" if kind == "Prediction" else "Assessment"), "Judgement", author, \
            "the author in the first person (\"we believe\"): the author's judgement"
    if reader_voice(sentence):
        reader = next((m.entity for m in mentions if m.entity in READERS), "dgr:analysts")
        return ("Prediction" if kind == "Prediction" else "Assessment"), "Interpretation", reader, \
            "a reading by analysts or researchers, attributed to them"
    if interpretive(sentence, heard) and heard.kind not in ("anonymous", "according"):
        return "Assessment", "Interpretation", author, \
            "an interpretive word in the author's voice (\"effectively\", \"is seen as\"): the author's reading"
    if heard.kind == "anonymous" and no_partys_people(sentence[heard.speaker_start:heard.speaker_end]) and \
            kind in ("Position", "Demand", "Principle"):  # "Russian milbloggers criticised …": no party's stance
        return "Claim", "Reported", author, "people of no party (by trade or cause): the page tells of their stance"
    if heard.kind == "anonymous":
        return kind or "Claim", "Reported", author, \
            "unnamed sources: the reporting source vouches for it, the parties are what it is about"
    if heard.kind == "according" and NO_PARTY.search(sentence[heard.speaker_start:heard.speaker_end]):
        return "Claim" if kind in (None, "Position") else kind, "Reported", author, \
            "according to a survey or a body a place only locates (\"a Kyiv polling institute\"): the page vouches " \
            "for what it found (a stance it found is a claim about that stance)"
    if heard.kind == "reported" and NO_PARTY_FIRST.match(sentence, heard.speaker_start):  # "Critics in Kyiv say"
        return kind or "Claim", "Reported", author, "a speaker that is no party (critics, a poll): the page vouches"
    who = sentence[heard.speaker_start:heard.speaker_end].strip(" ,”\"’")  # "“…,” he said": he
    if heard.kind == "reported" and NO_ONE_IN_PARTICULAR.fullmatch(who):  # "Few in Chisinau expect a settlement"
        return ("Prediction" if kind == "Prediction" else "Assessment"), "Judgement", author, \
            "a belief the author gives to no one in particular (\"few expect …\"): the author's judgement"
    if heard.kind == "reported" and (NO_PARTY.search(who) or NO_PARTYS_PAPER.fullmatch(who)):  # "A daily reported"
        told = kind in ("Position", "Demand", "Principle") or re.search(r"\breport(?:s|ed)\b", sentence[
            :heard.content_start], re.I) is not None  # "The Times reports that officials doubt …": what it found
        return "Claim" if told else kind or "Claim", "Reported", author, \
            "a source that is no party (an outlet, a memo): the page vouches; a stance it tells of is a claim about it"
    speaker = speaker_of(sentence, heard, gazetteer)
    if speaker is not None:  # "Moldova fears being next": what a party fears or believes is its assessment
        kind = kind or ("Assessment" if heard.verb.casefold() in _BELIEVING else None)
        return kind or "Claim", "Reported", speaker.entity, \
            f"{speaker.text!r} {heard.verb or 'is named'}: the speaker (the subject of the reporting verb) asserts it"
    owner = next((m for m in mentions if m.actor), None)
    if heard.kind == "reported" and owner and heard.content_start == 0 and INSTITUTION.fullmatch(who):
        return kind or "Claim", "Reported", owner.entity, \
            "a body of the party the sentence is about (\"…, the interior ministry announced\"): that party's words"
    if heard.kind in ("reported", "according") and (unnamed := unnamed_speaker(who)):  # "they argue", "according to
        # him", "the Council said"
        return kind or "Claim", "Reported", author, unnamed
    if kind in ("Demand", "Principle", "Position", "Proposal") and (unnamed := their_paper(sentence)):
        return kind, "Reported", author, unnamed  # "Their declaration sets out three conditions:"
    if heard.kind == "reported" and not _PUBLIC.match(who):  # "Most Ukrainians reject …" is polled, not said
        return kind or "Claim", "Reported", author, \
            f"an unnamed speaker {heard.verb} it: the reporting source vouches for it; name the speaker on accepting"
    return _unreported(sentence, kind, heard, mentions, author)


def _unreported(sentence: str, kind: str | None, heard: Voice, mentions: list[Mention], author: str | None
                ) -> tuple[str, str, str | None, str]:
    """The kind, mode, asserter and rule of a sentence that names no one who says it: the author's own, unless a
    stance's words give it to the party they name."""
    if sentence.endswith("?") and heard.kind == "none":  # "Is Finland ready to send troops?": the page asks
        return "Assessment", "Framing", author, "a question in the author's voice: it frames, it asserts nothing"
    if UNCERTAIN.search(sentence):  # "it is unknown whether Moscow would accept …": no one's stance
        return "Claim", "FactualAssertion", author, \
            "the author says a stance or an outcome is not known: a claim that it is undetermined"
    if kind == "Prediction" and heard.kind == "none":  # "ministers are expected to approve …"
        return "Prediction", "Judgement", author, "a prediction no one is reported to make: the author's"
    if SCENARIO.match(sentence) and heard.kind == "none":  # "In the second, Russia uses a pause …"
        return "Prediction", "Judgement", author, "one of the author's scenarios: the author's picture of what may come"
    actors = [m for m in mentions if m.actor]
    if kind == "Demand" and actors and obliged(sentence, actors[0]):
        return "Assessment", "Judgement", author, \
            "what the author says a party must do (\"Europe must plan for …\"): the author's judgement, not theirs"
    if kind in ("Position", "Demand", "Proposal") and _FIRST_PERSON_SUBJECT.match(sentence):
        if re.match(r"(?:we|I)\s+(?:have|had)\s", sentence, re.I):  # "I have supported Ukraine since …": a record
            return "Claim", "FactualAssertion", author, "the author's own record in the first person: a fact it states"
        return "Assessment", "Judgement", author, \
            "the author's own call in the first person (\"We call on Moscow …\"): the author's, not the party's"
    if kind in ("Position", "Demand", "Proposal") and (unnamed := unnamed_speaker(sentence.split()[0])):
        return kind, "Reported", author, unnamed  # "It wants guarantees that include China …": it, not China
    if kind in ("Position", "Demand", "Principle") and no_partys_subject(sentence):  # "Russian nationalists denounced"
        return "Claim", "Reported", author, "people of no party (by trade or cause): the page tells of their stance"
    if kind == "Position" and _PASSIVE_STANCE.search(sentence):  # "The decision was backed by all 27 states …"
        return "Claim", "FactualAssertion", author, "a stance in the passive, its holders after \"by\": a record the " \
            "author states"
    if kind in ("Position", "Demand") and actors and sentence.find(actors[0].text) > cue_start(sentence):
        return "Assessment", "Judgement", author, \
            "a stance whose subject is no party (\"Any agreement must guarantee …\"): the author's judgement"
    if kind in ("Position", "Demand", "Proposal") and actors and not papers_terms(sentence):
        return kind, "Reported", actors[0].entity, "a stance without a reporting verb: the first party named holds it"
    if kind == "Proposal":  # "A draft framework, seen by this newspaper, would freeze …": no proposer named
        return "Proposal", "FactualAssertion", author, \
            "a plan's terms the page gives, no proposer named: its own account"
    if EVALUATIVE.search(sentence):
        return "Assessment", "Judgement", author, "an evaluation in the author's voice: the author's judgement"
    if sentence.endswith(":") and ANALYTIC_LEAD.search(sentence):
        return "Assessment", "Judgement", author, "the lead of the author's list of implications or reasons"
    return "Claim", "FactualAssertion", author, \
        "no cue word: a statement in the author's voice, the author's factual assertion (least sure)"
