"""Who speaks in a sentence, in what voice, and when: the reporting structure of news prose, read by rules.

A news sentence says whose words it carries before it says what they are:
"<speaker> <reporting verb> that <content>", "according to <source>, …",
"officials who asked not to be named said …", "we believe …". The speaker is
the subject of the reporting verb — the party named nearest before it — not
the first party the sentence names; the parties of the content come after it.
When it was said is :mod:`diplograph.dating`'s to read.

Pure functions of the text: the drafter (``drafting``) gives them the mentions it found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .wording import MADE_BY, tells_of_words

__all__ = ["EVALUATIVE", "READER_WORDS", "REPORTING", "UNCERTAIN", "Voice", "after_preposition", "interpretive",
           "kind_of", "looks_ahead", "reader_voice", "stance_of", "stances_in", "voice"]

_CHARACTERIZED = (r"(?:(?:it|them|this|that|(?:the|such)\s+[\w’'-]+(?:\s+[\w’'-]+)?)\s+(?:as\s+)?[\"“‘']?(?:a|an)\b|"
                  r"(?:it|them|this|that|such\s+[\w’'-]+)\s+(?:as\s+)?[\w-]+[.!]?[”\"’]?$)")
"""What a speaker calls something: "called the plan “a trap”", "described it as a step", "called such polls
propaganda." (a one-word verdict closing the sentence)."""
_VERB = (r"said|says|say|stated|states|told|tells|announced|announces|declared|declares|added|adds|"
         r"demanded|demands|demand|insisted|insists|insist|warned|warns|warn|proposed|proposes|propose|"
         r"suggested|suggests|offered|offers|rejected|rejects|reject|refused|refuses|refuse|dismissed|dismisses|"
         r"criticised|criticized|criticises|criticizes|condemned|condemns|"
         r"urged|urges|called (?:on|for)|calls (?:on|for)|repeated|repeats|reiterated|reiterates|reaffirmed|reaffirms|"
         r"stressed|stresses|asked|asks|"
         r"argued|argues|argue|noted|notes|believes?|believed|expects?|expected|predicted|predicts|cautioned|cautions?|"
         r"signall?ed|signals|vowed|vows|pledged|pledges|accused|accuses|welcomed|welcomes|confirmed|confirms|"
         r"acknowledged|acknowledges|conceded|concedes|threatened|threatens|refer to|refers to|referred to|"
         r"denied|denies|deny|claimed|blamed|blames|wrote|writes|posted|posts|tweeted|tweets|"
         r"(?<=, )(?:accusing|saying|insisting|warning|arguing|claiming|demanding|urging|calling (?:on|for))|"
         r"doubts?|doubted|fears?|feared|hopes?|hoped|thinks?(?!\s+tanks?\b)|ruled out|rules out|rule out|"
         r"(?<!-)(?:called|calls|described|describes|branded|brands)(?=\s+" + _CHARACTERIZED + ")")
_DETERMINED = "".join(rf"(?<!\b{word} )" for word in ("the", "a", "an", "this", "that", "his", "her", "its", "our",
                                                     "their"))
"""Not after a determiner: "the demand", "a call for", "their offer" are nouns, not someone reporting (a whole word:
"Russia warned" is a speaker, not "a warned")."""
REPORTING = re.compile(rf"{_DETERMINED}\b({_VERB})\b", re.I)
_ACCORDING = re.compile(r"\baccording to\b", re.I)
_ANONYMOUS = re.compile(r"\b(officials?|sources?|people|diplomats?|aides?)\b[^.;]*?\b(not to be named|familiar with|"
                        r"condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed)", re.I)
_FIRST_PERSON = re.compile(r"\b(we|I)\s+(?:\w+\s+)?(believe|think|expect|fear|doubt|consider|would argue|"
                           r"judge|see)\b|"
                           r"\bin (?:our|my) (?:view|reading|judge?ment|assessment|opinion|analysis|experience)\b|"
                           r"\b(?:our|my) (?:take|verdict|view|assessment)\b", re.I)
READER_WORDS = ("analyst", "analysts", "expert", "experts", "observers", "researcher", "researchers", "scholar",
                "scholars", "commentators", "fellow", "professor")
"""The words for people whose reading of events a page gives (theirs: an interpretation, not a party's stance)."""
_READERS = re.compile(rf"\b({'|'.join(READER_WORDS)})\b", re.I)
_READING = re.compile(r"\b(interpret(s|ed)?|see|saw|view(s|ed)?|read(s)?|consider(s|ed)?|describe[sd]?|"
                      r"call(s|ed)? it)\b", re.I)
"""How readers give a reading ("experts interpret …"), besides the reporting verbs."""


@dataclass(frozen=True)
class Voice:
    """Whose words a sentence carries: the speaker's position in the sentence, and how they are reported."""

    kind: str
    """"reported" (a named speaker), "according" (according to …), "anonymous", "author" (first person), "none"."""
    speaker_start: int
    """Where the speaker's span begins (the sentence's start, or after "according to")."""
    speaker_end: int
    """Where the speaker's span ends (the reporting verb's start); mentions before it may be the speaker."""
    content_start: int
    """Where the reported content begins: its parties are named from here on."""
    verb: str = ""


def voice(sentence: str, names: Iterable[str] = ()) -> Voice:
    """How ``sentence`` reports its content; ``names`` are the names the caller found in it, whose words are never
    a reporting verb ("the Baltic states said": "states" there is part of a name).

    >>> voice("On Tuesday, Russia's foreign minister also demanded that Kyiv give up Crimea.").verb
    'demanded'
    >>> voice("According to researchers at a Berlin institute, the talks will fail.").kind
    'according'
    >>> voice("We believe the plan cannot work.").kind
    'author'
    >>> voice("The Baltic states said the talks had stalled.", ["Baltic states"]).verb
    'said'
    """
    return _voice(sentence, tuple(names))


@lru_cache(maxsize=8192)
def _voice(sentence: str, names: tuple[str, ...]) -> Voice:  # the drafter and the audit ask of a sentence many times
    if _FIRST_PERSON.search(sentence):
        found = _FIRST_PERSON.search(sentence)
        assert found is not None
        return Voice("author", 0, found.start(), found.end(), found.group())
    according = _ACCORDING.search(sentence)
    if according:
        comma = sentence.find(",", according.end())
        end = comma if comma > 0 else len(sentence)
        return Voice("according", according.end(), end, end if comma > 0 else 0, "according to")
    anonymous = _ANONYMOUS.search(sentence)
    closing = _CLOSING_REPORT.search(sentence)
    if closing and not anonymous:  # "Russia will reject any plan …, a Western official predicted.": the last verb
        unnamed = _UNNAMED.match(closing.group("who")) and not _spans(closing.group("who"), names, single=True)
        return Voice("anonymous" if unnamed else "reported", closing.start("who"), closing.end("who"), 0,
                     closing.group("verb"))
    verb = _reporting_verb(sentence, anonymous.end() if anonymous else 0, _spans(sentence, names))
    if anonymous and verb:
        return Voice("anonymous", 0, anonymous.start(), verb.end(), verb.group())
    if verb:
        agent = _BY_AGENT.match(sentence, verb.end()) if _PASSIVE.search(sentence[:verb.start()]) else None
        if agent:  # "Kyiv was urged by the European Union to …": the agent speaks, the subject is addressed
            return Voice("reported", agent.start("agent"), agent.end("agent"), 0, verb.group())
        inverted = _INVERTED.match(sentence, verb.end()) if _QUOTE_ENDS.search(sentence[:verb.start()]) else None
        if inverted:  # "“…,” said Germany's foreign minister.": the subject follows its verb
            return Voice("reported", inverted.start("who"), inverted.end("who"), 0, verb.group())
        trailing = _TRAILING.search(sentence[:verb.start()])
        if trailing and _ENDS_REPORT.match(sentence[verb.end():]):  # "…, the foreign ministry said on Monday."
            return Voice("reported", trailing.end(), verb.start(), 0, verb.group())
        return Voice("reported", 0, verb.start(), verb.end(), verb.group())
    return Voice("none", 0, 0, 0)


_PASSIVE = re.compile(r"\b(?:was|were|is|are|has been|have been|had been|being|been)\s+(?:\w+ly\s+)?$", re.I)
_BY_AGENT = re.compile(r"\s+by\s+(?P<agent>[^,;]+?)"
                       r"(?=\s+(?:on|last|this|to|that|in|at|for|over|after|before)\b|[,;.]|$)")
"""A report in the passive voice: its auxiliary before the verb, its agent after "by" (up to a preposition)."""
_CLOSING_REPORT = re.compile(rf",\s*(?P<who>(?:the|a|an|its|their|his|her)\s+[^,“”\"]{{2,60}}?)\s+"
                             rf"(?P<verb>{_VERB})(?:\s+(?:on|last|this|in|at|to|after|during)\b[^,]{{0,50}}|"
                             r"\s+(?:reporters|journalists)\b[^,]{0,40})?\s*[.!]?[”\"’)]*\s*$", re.I)
"""A report closing the sentence after a comma, its subject opening with a determiner ("…, a Western official
predicted.", "…, the ministry said on Monday."): the sentence's last verb is the one that reports it."""
_UNNAMED = re.compile(r"(?:a|an|one)\s+(?:[\w-]+\s+){0,2}(?:officials?|diplomats?|sources?|aides?|insiders?)$",
                     re.I)
"""A speaker the page does not name ("a Western official"), unless a party's name is among its words."""
_QUOTE_ENDS = re.compile(r"[,.!?][”\"’]\s*$")
_INVERTED = re.compile(r"\s+(?P<who>[^\s,;.“\"][^,;.“\"]{2,80}?)(?:,[^.“\"]*)?\s*[.!]?[”\"’)]*\s*$")
"""The subject after its verb, up to the end (or a comma): a quote first, then "said the minister"."""
_TRAILING = re.compile(r"[,”\"]\s*(?=(?:[^,]{0,60})$)")
"""The comma (or closing quote) before a short subject just before the verb: a report given after its content."""
_ENDS_REPORT = re.compile(r"(?:\s+(?:on|last|this|in|at|to|after|before|during)\b[^,]{0,50}|\s+(?:reporters|journalists"
                          r"|a news conference|a briefing|parliament)\b[^,]{0,40}|\s+\w+ly)?\s*[.!]?[”\"’)]*\s*$")
"""What may follow the verb of a report given after its content, up to the sentence's end: when and to whom it was
said ("said on Thursday.", "told reporters in Kyiv."), and nothing more."""
_SUBORDINATE = re.compile(r"\b(?:after|when|before|since|while|because|as|until|once)\b[^,;]*$", re.I)
"""A clause of time or cause before a verb: "stalled after both sides accused each other" reports an event."""


def _reporting_verb(sentence: str, start: int, names: list[tuple[int, int]]) -> re.Match | None:
    """The first reporting verb from ``start`` that has words before it and is not a word of a name (``names``:
    their spans): one that opens the sentence has no subject to be said by, and is a noun ("Demands and denials
    in a week of talks"); "States" in "the United States" is a name's; one in a clause of time or cause ("stalled
    after both sides accused each other") tells an event, not whose words the sentence carries; a passive without
    its agent ("ministers are expected to …") names no one who says it; one after a preposition is a noun
    ("swung between hope and collapse")."""
    opening = _OPENING_QUOTE.match(sentence)
    start = max(start, opening.end() if opening else 0)  # "“Neither side believes …,” said …": the quote's verbs
    found = REPORTING.search(sentence, start)
    while found is not None and (not sentence[:found.start()].strip(" \"'“‘-—") or any(
            begin <= found.start() < end for begin, end in names) or _SUBORDINATE.search(sentence[:found.start()])
            or (_PASSIVE.search(sentence[:found.start()]) and not _BY_AGENT.match(sentence, found.end()))
            or _NEGATED.search(sentence[:found.start()]) or _NO_ONE.match(sentence)
            or after_preposition(sentence, found.start()) or tells_of_words(sentence, found.start(), found.end())):
        found = REPORTING.search(sentence, found.end())
    return found


_OPENING_QUOTE = re.compile(r"\s*[“\"][^”\"]+[”\"]")
"""A quotation the sentence opens with: its words are the quoted speaker's, not the sentence's report."""
_NEGATED = re.compile(r"\b(?:not|never)\s+(?:\w+ly\s+)?$|n['’]t\s+(?:\w+ly\s+)?$", re.I)
_NO_ONE = re.compile(r"\s*(?:neither|no one|nobody|none of)\b", re.I)
"""A verb of saying denied ("has not confirmed", "Neither Moscow nor Kyiv has confirmed"): no one's words."""


def _spans(sentence: str, names: Iterable[str], single: bool = False) -> list[tuple[int, int]]:
    """Where each of ``names`` of several words (or, ``single``, of any) stands in ``sentence``, as whole words,
    whatever the case."""
    folded = sentence.casefold()
    return [(match.start(), match.end()) for name in names if single or " " in name.strip()
            for match in re.finditer(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded)]


_PREPOSITIONS = {"with", "of", "about", "on", "to", "from", "against", "by", "toward", "towards", "at", "for", "in",
                 "over", "into", "near", "than", "between", "among", "amid", "despite", "without", "through"}


def after_preposition(text: str, at: int) -> bool:
    """Whether the word just before ``at`` is a preposition: a name there is what a phrase is about, not its
    subject ("states familiar with Moscow's behaviour warn": Moscow does not warn).

    >>> after_preposition("States familiar with Moscow's behaviour", 21)
    True
    >>> after_preposition("Russia's envoy to the UN", 22)
    True
    """
    before = text[:at].casefold().split()
    if before and before[-1] in ("the", "a", "an"):  # "envoy to the UN"
        before.pop()
    return bool(before) and before[-1] in _PREPOSITIONS


def reader_voice(sentence: str) -> bool:
    """Whether the sentence gives analysts', experts' or researchers' reading (theirs, an interpretation): they
    report it, or the speaker a report names after its verb is one ("…," said <Name>, a senior fellow at …)."""
    according = _ACCORDING.search(sentence)
    if according:  # they are the source: "according to researchers", not "send observers, according to diplomats"
        return _READERS.search(sentence[according.end():according.end() + 40]) is not None
    found = _READERS.search(sentence)
    if not found:
        return False
    if REPORTING.search(sentence, found.end()) or _READING.search(sentence, found.end()):
        return True
    heard = voice(sentence)
    return heard.kind == "reported" and 0 < heard.speaker_start <= found.start()


# --------------------------------------------------------------------------- what kind of statement

_REJECTING = (r"\b(reject(s|ed)?|refus(e|es|ed)|unacceptable|oppos(e|es|ed)|dismiss(es|ed)?|rul(e|es|ed) out|"
              r"criticis(e|es|ed)|criticiz(e|es|ed))\b|"
              r"\bden(?:y|ies|ied)\s+(?:the|these|those|this|its|their|such)\s+(?:[\w-]+\s+)?(?:allegations?|"
              r"accusations?|claims?|charges?|reports?)\b|"
              r"\b(?:will|would|shall|can)\s*(?:not|n['’]t)\s+(?:accept|agree to|support|back|endorse|trade|cede|"
              r"give up|surrender|recogni[sz]e|allow|tolerate|sign|withdraw|leave|pull out|return)\b|"
              r"\bwon['’]t\s+(?:accept|agree to|trade|cede|give up|surrender|recogni[sz]e|allow|tolerate|sign|"
              r"withdraw|leave|pull out|return)\b|"
              r"\b(?:can|could|will|would) be no (?:talk|question|discussion) of\b|\bnon-?starter\b|"
              r"\bout of the question\b|\bdead on arrival\b|\bboycott(?:s|ed|ing)?\b|"
              r"\btoo (?:early|soon) to (?:discuss|talk|speak of|consider|negotiate)\b|"
              r"\bnot (?:yet )?(?:ready|willing|prepared) to\b")
"""Words of rejection, a refusal to concede ("we will not trade land", "won't sign") or to consider ("there can be
no talk of …"): a stance taken."""
_AS_BASIS = r"\bas (a|the) basis for\b"
_SUPPORTING = (r"\b(welcom(es|ed)|endors(es|ed)|back(s|ed)|support(s|ed))\b|"
               r"\b(?:reiterat|reaffirm|restat|express|pledg)\w*\s+(?:its|their|his|her)\s+(?:\w+\s+)?support\b|"
               r"\b(?:will|would|could|to)\s+(?:back|support|welcome|endorse|agree to|accept)\b|"
               r"\b(?:keep|keeps|kept|continue|continues|continued)\s+(?:to\s+)?(?:support|back)(?:ing)?\b|"
               r"(?<!not )\b(?:ready|willing|prepared|open) to\b|\b(?:openness|readiness|willingness) to\b|"
               r"\b(?:work|works|worked|working)\s+(?:toward|towards|for)\b")
_VIEWING = r"\b(views?|viewed|regards?|regarded|sees|saw)\b[^.;:]{1,80}?\bas\b"
_KINDS: list[tuple[str, re.Pattern]] = [
    # the content's kind from its own words (first match wins); a call on someone to act demands the act
    ("Demand", re.compile(_DETERMINED + r"\b(?:call(?:s|ed)?\s+on|urg(?:e|es|ed)|press(?:es|ed)?|ask(?:s|ed)?)\s+"
                          r"(?:[\w’'-]+\s+){1,4}?to\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]+", re.I)),
    ("Prediction", re.compile(r"\b(is|are) expected (?:to|later|soon|next|within|by|before|this)\b|"
                              r"\bwill (likely|probably|(?:almost )?certainly)\b|\b(likely|unlikely) to\b|"
                              r"\bpredict(s|ed)?\b|\bforecasts?\b|\bexpect(s|ed)?\s+(?:a|an|new|more|further|another)\b|\bhop(?:e|es|ed|ing)\s+to\b|"
                              r"(?<!\bto )\bexpect(s|ed)?\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)?"
                              r"\s+to\s+[a-z]+", re.I)),
    # the verb, not "proposal"; an offer to do something or of something ("offered to host talks")
    ("Proposal", re.compile(r"\bpropos(e|es|ed)\b|\bput forward\b|\btabled\b|\bfloated\b|\bcirculat(?:e|es|ed)\s+"
                            r"(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:plan|draft|proposal|framework|initiative)\b|"
                            r"\b(?:agreed|volunteered|ready|willing|prepared)\s+to\s+(?:co-)?(?:host|hold|convene|"
                            r"organi[sz]e|mediate)\b|"
                            r"\binvit(?:e|es|ed)\s+(?:[\w-]+\s+){0,3}?to\b|"
                            r"\boffer(s|ed)?\s+(?:(?:on|last|this)\s+\w+\s+|\w+ly\s+|again\s+|also\s+|once more\s+)?"
                            r"(?:to|a|an|its|their)\b", re.I)),
    ("Position", re.compile(_REJECTING, re.I)),
    # a condition put as a refusal: "no ceasefire without guarantees" demands the guarantees
    ("Demand", re.compile(r"\bno\s+[\w-]+(?:\s+[\w-]+)?\s+without\b", re.I)),
    # a categorical "never" about conceding is a line the party holds, whatever verb reports it
    ("Principle", re.compile(r"\b(?:will|would|can|could|must|shall)\s+never\s+(?:accept|recogni[sz]e|cede|give up|"
                             r"give back|return|hand over|surrender|agree to|allow|tolerate|withdraw|abandon|"
                             r"negotiate|sign|trade)\b|\bnon-negotiable\b|\bred lines?\b", re.I)),
    ("Demand", re.compile(_DETERMINED + r"(?<!by )(?<!['’]s )\b(insist(s|ed)?|demand(s|ed)?|must|call(s|ed)? (on|for)|"
                          r"urge(s|d)?)\b(?!" + MADE_BY + ")", re.I)),
    # terms set out are terms demanded: "Moscow lays out its conditions for a truce"
    ("Demand", re.compile(r"\b(?:set|sets|setting|lays?|laid|laying|spell(?:s|ed)?|spelt|list(?:s|ed)?|"
                          r"present(?:s|ed)?)\s+(?:out\s+)?(?:(?:its|their|his|her|the|new|own|two|three|four|five|six|several|\d+)\s+){0,2}"
                          r"(?:terms|conditions|demands|preconditions)\b", re.I)),
    # a conditional threat demands its condition: "Russia will leave the talks unless Kyiv drops …"
    # and so does a conditional offer to act: "Russia will take part only if the sanctions are lifted", "will only
    # negotiate on the basis of …" (support on a condition, "would back a mission only if …", is a position)
    ("Demand", re.compile(r"\b(?:will|would|could)\b[^.;]*\bunless\b|\b(?:will|would)\s+not\b[^.;]*\buntil\b|"
                          r"\b(?:will|would)\s+(?:veto|block|reject)\s+(?:any|every)\b[^.;]*\b(?:that|which)\s+(?:did|does|do)\s+not\b|"
                          r"\b(?:will|would)\s+(?:only\s+\w+|\w+\s+only)\s+on the (?:basis|grounds) of\b|"
                          r"\b(?:will|would)\s+only\s+(?:[a-z]+\s+){1,3}?(?:if|once|after)\b|"
                          r"\b(?:will|would|could|can)\s+(?!(?:\w+ly\s+)?(?:back|support|accept|welcome|endorse|agree)\b)"
                          r"[^.;]*\b(?:only (?:if|on condition)|on (?:the )?condition that|provided that|"
                          r"providing that)\b", re.I)),
    # a warning of what will happen, when the sentence demands nothing
    ("Prediction", re.compile(r"\bwarn(s|ed)?\b[^.;:]*?\b(would|will|could|may|might)\b", re.I)),
    # a party's verdict on something: "called the talks a step forward", "described the plan as a trap"
    ("Assessment", re.compile(r"(?<!-)\b(?:called|calls|described|describes|branded|brands)\s+" + _CHARACTERIZED,
                              re.I)),
    # a belief about what is to come: "experts doubt that the truce will last", "Latvia fears Moscow might …"
    ("Prediction", re.compile(r"\b(doubt|fear|expect|believe|think|hope)(s|ed)?\b[^.;:]*?\b(would|will|could|"
                              r"may|might)\b", re.I)),
    # what is to happen at a time to come: "will present a plan next month", "talks would resume next week"
    ("Prediction", re.compile(r"\b(?:will|would|could|may|might|(?:is|are) (?:set|due) to)\s+(?!not\b|never\b)"
                              r"[^.;:]*?\b(?:next|tomorrow|later this|in the coming|within (?:days|weeks|months)|soon|"
                              r"(?:before|by) the end of)\b", re.I)),
    # a belief about how things are, or an argument for one: "London believes Russia has no intention …"
    ("Assessment", re.compile(r"(?<!\bto )\b(?:believ|think|consider|doubt|fear|argu)(?:e|es|s|ed|ing)?\b"
                              r"(?!\s+tanks?\b)|"
                              r"\b(?:is|are) convinced\b", re.I)),
    # pressing for something, or a call made again: "is pushing for a tribunal", "reiterated its call for …"
    ("Demand", re.compile(r"\b(?:push|press|lobby|lobbie|campaign|ask)(?:es|s|ed|ing)?\s+for\b|"
                          r"\b(?:reiterat|renew|repeat|restat)\w*\s+(?:its|their|his|her)\s+(?:call|demand|appeal)s?\b",
                          re.I)),
    # what a party needs or wants is what it asks for: "Ukraine needs guarantees before …", "wants a deal"
    ("Demand", re.compile(_DETERMINED + r"\b(?:needs|need|needed|requires|require|required|wants|want|wanted)\s+"
                          r"(?!(?:to|is|are|was|were|of|and|or)\b)\w", re.I)),
    # what the speaker says it will do: "Poland said it would close two crossings", "has signalled that it will …"
    ("Position", re.compile(r"\b(?:said|says|announced|announces|confirmed|confirms|signall?ed|signals|indicated)\s+"
                            r"(?:that\s+)?(?:it|they)\s+(?:would|will|(?:was|were) going to|plans? to|planned to|"
                            r"intends? to|intended to)\s+(?!not\b|never\b)[a-z]", re.I)),
    # a stance of support or a view of something, weaker cues than a demand's: only when none of the above
    ("Position", re.compile(f"{_SUPPORTING}|{_AS_BASIS}|{_VIEWING}", re.I)),
]
_STANCES = [("Rejects", re.compile(_REJECTING, re.I)), ("AcceptsAsBasis", re.compile(_AS_BASIS, re.I)),
            ("Supports", re.compile(_SUPPORTING, re.I))]
EVALUATIVE = re.compile(r"\b(ultimatum|capitulation|blackmail|not a compromise|signal|likely|will|should|"
                        r"false|misleading|untrue|wrong|incorrect|inaccurate|exaggerat(?:es|ed|ion)|distort(?:s|ed|ion)|"
                        r"ignores|overlooks|omits|misrepresents)\b", re.I)
"""Words of evaluation: a sentence in the author's voice with one is the author's judgement — a verdict on a
claim too ("That is false.", "The claim ignores …")."""
_INTERPRETIVE = re.compile(r"\b(essentially|effectively|in effect|amounts? to|tantamount to|de facto|implicit(ly)?|"
                           r"in practice|attempts? to|seeks? to|aims? to|is designed to|is meant to|"
                           r"in an effort to|(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:seen|regarded|viewed) as)\b", re.I)


@lru_cache(maxsize=8192)
def kind_of(sentence: str) -> str | None:
    """The kind of statement the sentence's own words cue (a verb of demanding, rejecting, proposing, predicting),
    if any; "the demand" as a noun is no demand being made.

    >>> kind_of("Moscow insists that Kyiv withdraw."), kind_of("The demand carries risks for both sides.")
    ('Demand', None)

    A second clause with a subject of its own ("Moscow signals openness to talks as Kyiv demands access") is
    another party's statement: the first clause's cue decides, when it has one.

    >>> kind_of("Moscow signals openness to talks as Kyiv demands access")
    'Position'
    """
    def cued(text: str) -> str | None:
        return next((name for name, cue in _KINDS if cue.search(text)), None)

    return cued(_ANOTHER_CLAUSE.split(sentence, maxsplit=1)[0]) or cued(sentence)


_ANOTHER_CLAUSE = re.compile(r"\s+(?:as|while|whereas)\s+(?=(?:the\s+)?[A-Z]|(?:the\s+)?[a-z]+\s+(?:calls|demands|says|"
                             r"warns|urges|rejects|insists|signals|seeks|threatens|accuses|proposes|offers|refuses|"
                             r"vows|pushes|presses|backs)\b)")
"""Where a clause with a subject of its own follows the first: "…, as Kyiv demands …", "while the EU …", "as
opposition calls for …"."""


def stances_in(text: str) -> set[str]:
    """Every stance (``dg:Stances``) the words of ``text`` take, not only the first: what a recorded stance is
    checked against.

    >>> sorted(stances_in("Kyiv rejects the plan but welcomes the talks."))
    ['Rejects', 'Supports']
    """
    return {name for name, cue in _STANCES if cue.search(text)}


_AHEAD = re.compile(r"\b(will|would|could|may|might|shall|going to|(?:is|are) set to|likely|unlikely|expect(s|ed)?|"
                    r"predict(s|ed)?|forecasts?|warn(s|ed)?|soon|next|future|risks?|threat(s|en|ens|ened)?|"
                    r"ahead|eventually|poised|hop(?:e|es|ed|ing) to)\b", re.I)


UNCERTAIN = re.compile(r"\b(unknown|unclear|uncertain|remains to be seen|not known|no one knows|not (?:yet )?clear|"
                       r"an open question)\b", re.I)
"""Words saying a stance or an outcome is not known."""


def looks_ahead(text: str) -> bool:
    """Whether ``text`` speaks of what is yet to come (a prediction's words: "will", "likely", "expected" …).

    >>> looks_ahead("The outcome will redefine the norms."), looks_ahead("Russia faces strains.")
    (True, False)
    """
    return bool(_AHEAD.search(text))


def stance_of(sentence: str) -> str:
    """The stance (``dg:Stances``) a position's words take; "Undetermined" when they only say how the holder sees
    something ("Kyiv views the line as temporary"): the reviewer says more, nothing is assumed.

    >>> stance_of("Kyiv rejects the plan."), stance_of("Moscow sees the plan as a basis for talks.")
    ('Rejects', 'AcceptsAsBasis')
    """
    return next((name for name, cue in _STANCES if cue.search(sentence)), "Undetermined")


def interpretive(sentence: str, heard: Voice | None = None) -> bool:
    """Whether the sentence reads intent or meaning into what was done ("effectively demands", "attempts to"):
    the writer's reading, not the party's words — unless the word is in what ``heard``'s speaker is reported to
    have said ("the ministry dismissed the speech as an attempt to …": the ministry's reading)."""
    found = _INTERPRETIVE.search(sentence)
    return bool(found) and not (heard and heard.kind == "reported" and heard.content_start and
                                found.start() >= heard.content_start)
