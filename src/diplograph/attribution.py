"""Who says what in one sentence, and what kind of statement it is: the candidate a sentence gives read alone.

The reporting structure first (:mod:`diplograph.reporting`: who speaks, in what voice), then the kind of statement
(:mod:`diplograph.kinds`), the writer's own judgement (:mod:`diplograph.judgements`), the speaker behind a name,
an office or a body (:mod:`diplograph.speakers`), the date (:mod:`diplograph.dating`) and the measures its words
name. What the page around it says — a heading, a list's lead, the sentence before — is :mod:`diplograph.drafting`'s
to add.
"""

from __future__ import annotations

import re
from datetime import date

from .dating import date_of
from .gazetteer import Gazetteer
from .judgements import EVALUATIVE, UNCERTAIN, interpretive, obliged
from .kinds import SCENARIO, cue_start, kind_of
from .leads import ANALYTIC_LEAD, READERS, labelled_reading
from .mentions import candidate_id, people, unknown_names, with_people
from .outsiders import no_partys_people, no_partys_subject
from .reporting import CLAIMING, Voice, reader_voice, voice
from .review import Candidate, Mention
from .scrutiny import qualifier_words
from .speakers import (
    INSTITUTION,
    NO_ONE_IN_PARTICULAR,
    NO_PARTY_FIRST,
    of_a_body,
    speaker_of,
    their_paper,
    unnamed_speaker,
)
from .terms import short
from .wording import NO_PARTY, NO_PARTYS_PAPER, asks, comes_first_before, papers_terms

__all__ = ["candidate_of"]

_PUBLIC = re.compile(r"(?:most|many|few|some|all|a majority of|half of|[\w-]+ per ?cent of)\s+[A-Z][\w’'-]*s$", re.I)
"""A people's plural name with a share of it, as a subject: the public a poll asked, not a party that spoke."""
_FIRST_PERSON_SUBJECT = re.compile(r"(?:we|I)\b(?:,[^,]{1,200},)?\s+(?:(?:\w+ly|also|again|once again|still)\s+)?"
                                   r"(?-i:[a-z])", re.I)
"""The author in the first person as the sentence's subject, whatever the verb ("We reaffirm …", "We, the
ministers, call on …")."""
_PASSIVE_STANCE = re.compile(r"\b(?:was|were|is|are|has been|have been|had been)\s+(?:\w+ly\s+)?(?:backed|rejected|"
                             r"supported|endorsed|approved|welcomed|opposed|blocked|vetoed)\s+by\b", re.I)
"""A stance told in the passive, its holders after "by" ("was backed by all 27 member states"): what was done."""
_WHETHER_FIRST = re.compile(r"whether\b", re.I)
"""A sentence whose subject is an open question ("Whether the truce holds is far from certain")."""
_SOME_IN = re.compile(r"(?:some|many|most|others)\s+in\b", re.I)
"""Some of a place's people: a belief the author gives them is the author's; what they argue, they argue."""
_WHAT_MAY_HAPPEN = re.compile(r"\b(?:could|may|might)\s+(?:well\s+)?(?:be\s+forced|have\s+to|end\s+up|find\s+itself)\b",
                              re.I)
"""What a party may be made to do, in the author's voice: a speculation, not the party's stance."""
_TERMS_AGREED = re.compile(r"Under\s+the\s+(?:[\w-]+\s+){0,2}?(?:agreement|treaty|pact|accord)\s*,|"
                           r"(?:(?-i:[A-Z])[\w’'-]+['’]s\s+|the\s+|its\s+|international\s+)(?:[\w-]+\s+){0,2}?"
                           r"(?:constitution|law|charter|treaty|statute)\s+(?:also\s+)?(?:requires|forbids|bans|prohibits|"
                           r"obliges|allows|permits)\b", re.I)
"""What a signed agreement or a law in force provides, told in the author's voice ("Under the agreement, …",
"Ukraine's constitution requires …"): a record of its terms, no forecast and no party's stance."""
_NOTHING_SAID = re.compile(r"^(?:(?:but|and|yet)\s+)?(?:none\s+of\s+(?:them|the\s+\w+)|no\s+one|nobody|neither\s+"
                           r"(?:side|of\s+them|government|capital))\s+(?:has|have|had)\s+(?:yet\s+|so\s+far\s+|ever\s+)?"
                           r"(?:said|stated|announced|declared|indicated|signall?ed|confirmed|suggested|asked|urged|"
                           r"requested|invited|called\s+on)\b", re.I)
"""A sentence that says no one has said or asked something ("But no one has asked us to host talks."): the author
records a silence, whatever the unsaid words foresee or ask."""
_BELIEVING = {"fear", "fears", "feared", "doubt", "doubts", "doubted", "believe", "believes", "believed", "think",
              "thinks"}
"""Verbs of what a speaker holds true or fears: what follows is their assessment."""


def candidate_of(sentence: str, gazetteer: Gazetteer, day: date | None, author: str | None,
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
                     new_entities=unknown_names(sentence, _names(sentence, mentions, gazetteer)),
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
    kind = "Claim" if heard.verb.casefold() in CLAIMING else kind_of(sentence)
    if kind in ("Position", "Demand", "Principle") and heard.kind != "none" and _COUNTED_HOLDERS.match(
            sentence, heard.content_start if heard.content_start > heard.speaker_start else 0):
        kind = "Claim"  # "Most member states back …, diplomats said": how a body divides, no party's own stance
    if kind in ("Position", "Demand", "Principle") and heard.kind == "reported" and not heard.content_start and \
            no_partys_subject(sentence):  # "A Russian pilot … asked for asylum, Ukraine's agency said": told of him
        kind = "Claim"
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
    if heard.kind == "anonymous" and (body := of_a_body(sentence[heard.speaker_start:heard.speaker_end])):
        return kind or "Claim", "Reported", author, body  # "a senior alliance official said": NATO, named before
    vouched = _vouched_for(sentence, heard, kind, mentions, author)
    if vouched is not None:  # unnamed sources, surveys, outlets, papers, people of no party: the page vouches
        return vouched
    who = sentence[heard.speaker_start:heard.speaker_end].strip(" ,.”\"’")  # "“…,” he said": he; "… the ministry."
    speaker = speaker_of(sentence, heard, gazetteer)
    if speaker is not None:  # "Moldova fears being next": what a party fears or believes is its assessment
        kind = kind or ("Assessment" if heard.verb.casefold() in _BELIEVING else None)
        if kind in (None, "Claim", "Prediction") and _own_refusal(sentence, heard, speaker.entity, gazetteer):
            kind = "Position"  # "Kyiv's envoy said Ukraine … would not complain in public": its own line
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
        if kind in ("Position", "Demand", "Principle") and _THEIR_OWN.match(sentence, heard.content_start):
            kind = "Claim"  # "the ministers said they would …": unnamed speakers' own stance, no party's
        return kind or "Claim", "Reported", author, \
            f"an unnamed speaker {heard.verb} it: the reporting source vouches for it; name the speaker on accepting"
    return _unreported(sentence, kind, heard, mentions, author)


_COUNTED_HOLDERS = re.compile(r"[\s,]*(?:that\s+)?(?:most|many|several|some|a\s+(?:clear\s+|narrow\s+)?majority\s+of|"
                              r"a\s+(?:handful|minority)\s+of|(?:at\s+least\s+)?\d+|two|three|four|five|a\s+few|"
                              r"few|all\s+but\s+\w+)\s+(?:of\s+the\s+)?(?:other\s+)?(?:EU\s+|NATO\s+|alliance\s+|"
                              r"European\s+|Western\s+)?(?:member\s+(?:states|countries|governments)|members|"
                              r"countries|governments|capitals|allies|states)\b", re.I)
"""Unnamed members counted, as a stance's holders ("Most member states back …", "a majority of allies oppose …"),
as a source tells of them: how a body divides, a claim about their stances, not a stance of the teller's own (told
in the author's voice, the page's convention gives the stance to the body the words name)."""


_OWN_REFUSAL = re.compile(r"[\s,]*(?:that\s+)?(?P<subject>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:[^.;]{0,60}?\s+"
                          r"(?:but|and)\s+)?(?:would|will)\s*(?:not|n['’]t|never)\s+(?!(?:comment|speculate|confirm|"
                          r"say|disclose|elaborate|reveal)\b)[a-z]")
"""What the speaker says its own party, named, will not do ("said Ukraine had hoped for more but would not
complain"): the party's line, not a forecast (another party named so is forecast: "said Russia would not stop")."""


def _own_refusal(sentence: str, heard: Voice, speaker: str, gazetteer: Gazetteer) -> bool:
    """Whether the reported words say the speaker's own party, by name, will not do something."""
    start = heard.content_start or (1 if sentence[:1] in "“\"" else None)  # "“Germany will not …,” he told …"
    found = _OWN_REFUSAL.match(sentence, start) if start is not None else None
    key = gazetteer.lookup(found.group("subject")) if found else None
    return key is not None and gazetteer[key][0] == speaker


_POSSESSIVE = re.compile(r"(?:its|their|his|her)\s", re.I)
"""A possessive pronoun opening a sentence ("Its negotiators have floated …"): the party the page spoke of speaks."""
_THEIR_OWN = re.compile(r"[\s,]*(?:that\s+)?(?:they|we)\b", re.I)
"""The speakers themselves as the subject of what they say ("… said they would …"): their own stance."""


def _vouched_for(sentence: str, heard: Voice, kind: str | None, mentions: list[Mention], author: str | None
                 ) -> tuple[str, str, str | None, str] | None:
    """The reading of a sentence whose source the page vouches for — sources it does not name, people of no party, a
    survey, an outlet, a paper — or no one's belief in particular; None when a party or a person speaks."""
    if heard.kind == "anonymous" and no_partys_people(sentence[heard.speaker_start:heard.speaker_end]) and \
            kind in ("Position", "Demand", "Principle"):  # "Russian milbloggers criticised …": no party's stance
        return "Claim", "Reported", author, "people of no party (by trade or cause): the page tells of their stance"
    if heard.kind == "anonymous" and kind in ("Position", "Demand", "Principle") and _THEIR_OWN.match(
            sentence, heard.content_start):  # "European leaders keep saying they will guarantee …"
        return "Claim", "Reported", author, "unnamed speakers' own stance: the page tells of it, no party is named"
    if heard.kind == "anonymous":
        return kind or "Claim", "Reported", author, \
            "unnamed sources: the reporting source vouches for it, the parties are what it is about"
    source = sentence[heard.speaker_start:heard.speaker_end]
    papers = NO_PARTYS_PAPER.fullmatch(source.strip(" .")) and not any(m.actor and m.text in source for m in mentions)
    people = no_partys_people(source)  # "according to brokers in London"
    published = _partys_figures(source, mentions)
    if heard.kind == "according" and (NO_PARTY.search(source) or papers or people) and not published:
        return "Claim" if kind in (None, "Position") else kind, "Reported", author, \
            "according to a survey or a body a place only locates (\"a Kyiv polling institute\"): the page vouches " \
            "for what it found (a stance it found is a claim about that stance)"
    if heard.kind == "reported" and (NO_PARTY_FIRST.match(sentence, heard.speaker_start) or people):  # "Critics in
        # Kyiv say", "…, brokers in London said"
        return ("Claim" if people and kind in ("Position", "Demand", "Principle") else kind or "Claim"), "Reported", \
            author, "a speaker that is no party (critics, a poll, people of a trade): the page vouches"
    who = sentence[heard.speaker_start:heard.speaker_end].strip(" ,”\"’")  # "“…,” he said": he
    if heard.kind == "reported" and NO_ONE_IN_PARTICULAR.fullmatch(who) and (  # "Few in Chisinau expect …"
            heard.verb.casefold() in _BELIEVING | {"expect", "expects"} or not _SOME_IN.match(who)):
        return ("Prediction" if kind == "Prediction" else "Assessment"), "Judgement", author, \
            "a belief the author gives to no one in particular (\"few expect …\"): the author's judgement"
    if heard.kind == "reported" and (NO_PARTY.search(who) or NO_PARTYS_PAPER.fullmatch(who)):  # "A daily reported"
        told = kind in ("Position", "Demand", "Principle") or re.search(r"\breport(?:s|ed)\b", sentence[
            :heard.content_start], re.I) is not None  # "The Times reports that officials doubt …": what it found
        return "Claim" if told else kind or "Claim", "Reported", author, \
            "a source that is no party (an outlet, a memo): the page vouches; a stance it tells of is a claim about it"
    return None


_PUBLISHED_BY = re.compile(r"\b(?:published|released|compiled|issued)\s+by\b", re.I)
_FIGURES = r"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:estimates|figures|data|statistics|count)\b"


def _partys_figures(source: str, mentions: list[Mention]) -> bool:
    """Whether figures a page relays "according to" are a party's own ("estimates published by the UN", "UN
    figures"): the party's claim, not the page's (a place that only locates a pollster names none)."""
    named = [m for m in mentions if m.actor and m.text in source]
    return bool(named) and (_PUBLISHED_BY.search(source) is not None or any(
        re.search(rf"\b{re.escape(m.text)}{_FIGURES}", source) for m in named))


def _unreported(sentence: str, kind: str | None, heard: Voice, mentions: list[Mention], author: str | None
                ) -> tuple[str, str, str | None, str]:
    """The kind, mode, asserter and rule of a sentence that names no one who says it: the author's own, unless a
    stance's words give it to the party they name."""
    if sentence.endswith("?") and heard.kind == "none":  # "Is Finland ready to send troops?": the page asks
        return "Assessment", "Framing", author, "a question in the author's voice: it frames, it asserts nothing"
    if _NOTHING_SAID.search(sentence):  # "None of them has said publicly that it will withdraw."
        return "Claim", "FactualAssertion", author, \
            "what no one has said, in the author's voice: a record of the silence, not the author's forecast"
    if UNCERTAIN.search(sentence):  # "it is unknown whether Moscow would accept …": no one's stance
        return "Claim", "FactualAssertion", author, \
            "the author says a stance or an outcome is not known: a claim that it is undetermined"
    if _WHETHER_FIRST.match(sentence) and heard.kind == "none":  # "Whether Washington backs the plan will decide …"
        return "Assessment", "Judgement", author, \
            "an open question the author weighs (\"Whether … will decide …\"): the author's reading, no party's stance"
    if kind == "Prediction" and heard.kind == "none":  # "ministers are expected to approve …"
        return "Prediction", "Judgement", author, "a prediction no one is reported to make: the author's"
    if SCENARIO.match(sentence) and heard.kind == "none":  # "In the second, Russia uses a pause …"
        return "Prediction", "Judgement", author, "one of the author's scenarios: the author's picture of what may come"
    actors = [m for m in mentions if m.actor]
    if kind in ("Demand", "Position", "Proposal") and actors and obliged(sentence, actors[0].text):
        return "Assessment", "Judgement", author, \
            "what the author says a party must do (\"Europe must plan for …\"): the author's judgement, not theirs"
    if kind in ("Position", "Demand", "Proposal") and _FIRST_PERSON_SUBJECT.match(sentence):
        if re.match(r"(?:we|I)\s+(?:have|had)\s", sentence, re.I):  # "I have supported Ukraine since …": a record
            return "Claim", "FactualAssertion", author, "the author's own record in the first person: a fact it states"
        return "Assessment", "Judgement", author, \
            "the author's own call in the first person (\"We call on Moscow …\"): the author's, not the party's"
    if kind in ("Position", "Demand", "Proposal") and (unnamed := unnamed_speaker(sentence.split()[0]) or (
            unnamed_speaker(" ".join(sentence.split()[:2])) if _POSSESSIVE.match(sentence) else None)):
        return kind, "Reported", author, unnamed  # "It wants guarantees that include China …": it, not China
    if kind in ("Position", "Demand", "Principle") and no_partys_subject(sentence):  # "Russian nationalists denounced"
        return "Claim", "Reported", author, "people of no party (by trade or cause): the page tells of their stance"
    if kind == "Position" and _PASSIVE_STANCE.search(sentence):  # "The decision was backed by all 27 states …"
        return "Claim", "FactualAssertion", author, "a stance in the passive, its holders after \"by\": a record the " \
            "author states"
    if kind in ("Position", "Demand") and actors and sentence.find(actors[0].text) > cue_start(sentence):
        return "Assessment", "Judgement", author, \
            "a stance whose subject is no party (\"Any agreement must guarantee …\"): the author's judgement"
    if kind in ("Position", "Demand", "Proposal") and actors and _WHAT_MAY_HAPPEN.search(sentence):
        return "Assessment", "Judgement", author, \
            "what a party may be made to do (\"Ukraine could be forced to accept …\"): the author's judgement"
    if _TERMS_AGREED.match(sentence):  # "Under the agreement, Canada will consult Ukraine …": what was signed
        return "Claim", "FactualAssertion", author, "the terms of an agreement or a law, as the page gives them"
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
