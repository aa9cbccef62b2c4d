"""The words of a text as the audit and the drafter read them: each line with its context, normalised, and cue
words found where a word starts — one reading, so a draft is proposed by the same words the audit checks it by.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

__all__ = ["BOTH_PARTIES", "CLOSE_SPELLING", "DATELINE", "ITS_CLAUSE", "KEPT_UNTIL", "LINE_LABEL", "NO_PARTY",
           "NO_PARTYS_PAPER", "REGIONAL", "TERMS_OF_A_PAPER", "THE_COUNTED", "UNNAMED_MEMBERS", "Byline", "asks",
           "comes_first_before", "contexts", "cue_in", "framing", "joined_subject", "named_alike", "normalise",
           "papers_terms", "word_start", "word_start_of_any"]

@lru_cache(maxsize=4096)
def word_start(words: str) -> re.Pattern:
    """``words`` where a word starts ("withdraw" finds "withdrawal")."""
    return word_start_of_any([words])


def word_start_of_any(alternatives: list[str]) -> re.Pattern:
    """Any of ``alternatives`` where a word starts."""
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, alternatives)) + ")")


_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Casefolded, with typographic quotes, apostrophes and dashes made plain, and spaces collapsed."""
    return _SPACES.sub(" ", text.translate(_PLAIN).casefold()).strip()


def cue_in(context: str, cues: set[str] | frozenset[str]) -> bool:
    """Whether one of ``cues`` (labels, cue words: word starts) occurs in ``context`` (normalised)."""
    return bool(cues) and _cues_pattern(frozenset(cues)).search(context) is not None


@lru_cache(maxsize=4096)
def _cues_pattern(cues: frozenset[str]) -> re.Pattern:
    """One pattern for all of ``cues``, each where a word starts: a rule asks of the same few sets thousands of
    times, and one scan of the text finds any of them (a scan per cue was a fifth of the audit's time)."""
    return word_start_of_any(sorted({normalise(cue) for cue in cues}, key=len, reverse=True))


CLOSE_SPELLING = 0.84
"""How alike (difflib's ratio) a word must be to a name to be read as that name spelt another way ("Zelensky",
"Zelenskiy" for "Zelenskyy"): drafting proposes an entity at this closeness, and the audit accepts it at the same."""


def named_alike(context: str, names: set[str]) -> bool:
    """Whether a word of ``context`` (normalised) is one of the one-word ``names`` spelt another way."""
    words = {word for word in re.findall(r"\w{4,}", context)}
    wanted = {normalise(name) for name in names if " " not in name.strip() and len(name) >= 5}
    return any(difflib.SequenceMatcher(None, word, name).ratio() >= CLOSE_SPELLING
               for name in wanted for word in words if word[:1] == name[:1])


def contexts(text: str) -> list[tuple[str, list[str]]]:
    """Each non-blank line with its context: the heading of its section and sub-section, and its list's lead.

    A heading is a short line standing alone between blank lines that does not
    end a sentence; a *major* heading has two blank lines or more before it. A
    text with no blank line at all (a web page's text: a line per block) has
    its headings alone on their lines: a short line that does not end a
    sentence and is no list item. A list's lead is the nearest earlier line
    ending in a colon, not further back than the major heading.
    """
    lines = text.splitlines()
    packed = not any(not line.strip() for line in text.strip().splitlines())
    result: list[tuple[str, list[str]]] = []
    major = minor = lead = ""
    blanks = 2
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            blanks += 1
            continue
        alone = blanks >= 1 and (index + 1 >= len(lines) or not lines[index + 1].strip())
        heading = (alone or packed and _HEADING_ALONE.fullmatch(line)) and len(line) <= 100 \
            and not line.endswith((".", ":"))
        if heading and blanks >= 2:
            major, minor, lead = line, "", ""
        elif heading:
            minor = line
        result.append((line, [part for part in (lead, minor, major) if part]))
        if line.endswith(":"):
            lead = line
        blanks = 0
    return result


_HEADING_ALONE = re.compile(r"(?![-•*–]\s)[A-Z0-9][^.!?;:“”\"]{0,58}[^.!?;:,“”\"\s]")
"""A line of a packed text that may be a heading: short, no list item, no sentence's punctuation ("Russia", "What
comes next")."""


# --------------------------------------------------------------------------- a sentence's form

def asks(sentence: str) -> bool:
    """Whether the sentence is a question the page asks — an interrogative word first (after a label such as
    "Fact check:"), a question mark last; or one put indirectly, "whether" first — whatever verb it holds: "What
    does Kyiv say?" reports nobody.

    >>> asks("Fact check: did Kyiv reject every peace plan?"), asks("Kyiv asked whether Moscow would agree.")
    (True, False)
    """
    return sentence.rstrip(" ”\"’')").endswith("?") and _INTERROGATIVE.match(sentence) is not None or \
        _WHETHER.match(sentence) is not None and _MAIN_CLAUSE.search(sentence) is None


_WHETHER = re.compile(r"whether\s", re.I)
"""A line that opens as a question put indirectly, a list's point under "what I will be watching:" ("whether Turkey
can keep both delegations at the table;")."""
_MAIN_CLAUSE = re.compile(r"\b(?:is|was|are|were|remains|remained|seems|seemed|looks|depends|depended)\b"
                          r"(?:\s+[\w-]+){0,3}[.!]?$|"
                          r"\b(?:may|might|could|will|would|can|does|did|do)\s+(?:\w+ly\s+)?(?:depend|hinge|rest|turn|"
                          r"prove|decide|determine|shape|matter)\b", re.I)
"""A clause the "whether" clause is the subject of ("Whether Moscow will accept is unclear.", "Whether talks
resume may depend on the front"): a statement."""


_INTERROGATIVE = re.compile(r"(?:[A-Z][\w ’'-]{0,30}:\s+)?(?:what|who|whom|whose|which|why|how|when|where|did|does|"
                            r"do|is|are|was|were|will|would|can|could|should|shall|has|have|had|may|might|must)\b",
                            re.I)


def framing(sentence: str) -> bool:
    """Whether the sentence is a heading or a title — no full stop at its end, or a question — rather than a
    statement: how the writer frames what follows. A line ending in a colon leads a list and is not one."""
    end = sentence.rstrip(" ”\"’')")
    return end.endswith("?") or not end.endswith((".", "!", ":"))


def tells_of_words(sentence: str, start: int, end: int) -> bool:
    """Whether the verb at ``start:end`` reports nothing, though it is a reporting verb: it qualifies the noun before
    it ("three deliveries announced in May", "the plan proposed by Turkey", "a statement posted on X": a common noun
    just before it, an agent, a time or a channel just after it, and no clause of content), or words said are its
    object ("the list repeats demands …", "echoed claims …": it tells of them — but "called such claims nonsense"
    gives a verdict on them, "rejected accusations …" a reply)."""
    participle = sentence[start:end].endswith("ed") and bool(_NOUN_BEFORE.search(sentence[:start])) \
        and bool(_QUALIFIED.match(sentence, end)) and " that " not in sentence[end:]
    characterizes = sentence[start:end].casefold().startswith(("call", "describ", "brand", "dismiss", "reject", "den",
                                                               "refut", "rebuff"))  # "rejected accusations": a reply
    says = sentence[start:end].casefold() in _SAYING  # "said such proposals would …": a clause, not an object
    return participle or (bool(_SPEECH_OBJECT.match(sentence, end)) and not characterizes and not says) \
        or bool(_MADE.match(sentence, end))


_SAYING = {"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "warned", "warns", "argued",
           "argues", "noted", "notes", "stressed", "stresses", "insisted", "insists"}
"""Verbs of saying whose object is what was said, never the words as a thing ("said such proposals would …")."""
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|these|those|its|their|his|her|our|\d+|two|three|four|five|several|many|"
                          r"new|all)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*\s+$")
_QUALIFIED = re.compile(r"\s+(?:by\b|on\b|via\b|in\s+(?:\d{4}|January|February|March|April|May|June|July|August|"
                        r"September|October|November|December)\b|last\s+(?:week|month|year)\b|earlier\b|since\b)")
_SPEECH_OBJECT = re.compile(r"\s+(?:(?:new|fresh|earlier|old|similar|such|the same)\s+)?(?:demands|claims|calls|"
                            r"conditions|accusations|warnings|proposals|threats|pledges|promises|terms)\b", re.I)
MADE_BY = (r"\s+(?:(?-i:[A-Z])[\w’'-]*\s+){1,3}(?:has\s+|had\s+)?(?:made|issued|set|laid|put|listed|presented|tabled|"
           r"raised|voiced)\b")
"""Whoever made what the word before names ("demands Moscow made", "terms Kyiv has set"): that word is a noun."""
_MADE = re.compile(MADE_BY, re.I)


ITS_CLAUSE = re.compile(r"(?:,\s*|\band\s+)(?:and\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,3}?(?:ministry|government|"
                        r"office|spokes(?:man|woman|person)|envoy|minister|president|leader|delegation)\s*$", re.I)
"""The speaker of a clause joined to one about a party, named by a possessive ("Ukraine endorsed …, and its foreign
ministry said"): that party's own."""
NO_PARTY = re.compile(r"\b(?:institute|think[- ]tank|university|laborator(?:y|ies)|jury|pollster|polling|newspaper|"
                      r"broadcaster|"
                      r"foundation|(?:research|coordination|monitoring|analysis|data)\s+(?:centre|center|group)|survey|poll|study|critics|colleagues|friends|"
                      r"daily|weekly|tabloid|magazine|editorial|"
                      r"associates|acquaintances|data|statistics|figures|estimates|records|tallies|documents|minutes|"
                      r"transcripts|archives|(?:declassified|diplomatic|internal|meeting)\s+notes)\b|"
                      r"\b(?-i:Times|Post|Journal|Herald|Tribune|Gazette|Gazeta|Zeitung|Allgemeine|Monde|Figaro|"
                      r"Corriere|Pravda|Izvestia|Kommersant|Vedomosti|Telegraph|Guardian|Economist|Chronicle|Spiegel|"
                      r"Wyborcza|Dziennik)\b|"
                      r"\(\d{4}[a-z]?\)", re.I)
"""A source that is no party to the talks: a survey, a body a place's name only locates ("a Kyiv polling
institute", "a Moscow think tank"), a newspaper by the words of its masthead ("Germany's Made-up Allgemeine"),
people who know someone ("Colleagues describe him as …"), figures ("according to
port data"). What it found, the page that reports it vouches for."""


NO_PARTYS_PAPER = re.compile(r"(?:an?|the|one)\s+(?:[\w-]+\s+){0,2}?(?:memo|report|document|cable|study|note|briefing|"
                      r"video|clip|footage|post|message|leaflet|list|table|tally|chart|channel|blog|claim|rumou?r)"
                      r"(?:\s+(?:seen|obtained|reviewed)\s+by\s+[\w\s]{1,40}|"
                      r",?\s+(?:\w+ly\s+)?(?:shared|posted|circulat\w+|published|aired|spread)\b[\w\s]{0,60},?|"
                      r"\s+with\s+[\w\s]{1,50})?", re.I)
"""A paper or a post that is no party's ("a memo seen by this newspaper", "a video shared widely on social
media"): the page vouches for what it says."""

DATELINE = re.compile(r"^(?P<place>(?-i:[A-Z][A-Z’'. -]+)),\s+(?:\d{1,2}\s+[A-Za-z]+|[A-Za-z]+\.?\s+\d{1,2})\s*"
                      r"(?:\.\s*(?:\((?P<agency>[^)]{1,40})\)\s*)?[—–-]+|\s*\((?P<by>[^)]{1,40})\)\s*[—–-]+|[—–-]+|"
                      r"\.\s*/(?P<slashed>[^/]{1,40})/\s*\.?(?=\s+[A-Z])|\.(?=\s+[A-Z]))\s*")
"""Where and when a report was filed, and by which agency ("RIGA, 16 January —", "KYIV, July 12 (Made-up Wire) -",
"MOSCOW, July 26. ", "MOSCOW, October 15. /Made-up Agency/. "): a place and a byline, no party and no one
speaking."""

REGIONAL = {"european", "western", "eastern", "arab", "asian", "african", "nordic", "gulf", "baltic", "balkan",
            "international", "foreign", "allied"}
"""Adjectives of a region or a side that name no party: "a European diplomat" is no statement of Europe's."""

UNNAMED_MEMBERS = re.compile(r"(?:(?:the|some|several|many|most|opposition|rebel|senior|two|three|dozens of|"
                             r"Republican|Democratic|Conservative|Labour|Liberal|Green)\s+)+"
                             r"(?:lawmakers|legislators|senators|deputies|MPs|members of parliament|"
                             r"parliamentarians|backbenchers|backbench MPs)\b|"
                             r"(?:lawmakers|legislators|senators|deputies|MPs)\s+from\s+(?:both|all|several)\s+parties\b",
                             re.I)
"""Members of a parliament the page does not name, nor their state ("Opposition lawmakers said …"): the page vouches
for their words ("Russian lawmakers" names a state, and is not this)."""


LINE_LABEL = re.compile(r"(?-i:[A-Z])[\w’' .-]{1,40}?:\s+(?=(?-i:[A-Z]))")
"""A line's label before a sentence of its own ("Kyiv: Zelenskyy thanked …", a reactions page's paragraph): who
speaks is the sentence's subject, not its label (drafter and audit alike)."""
_NOT_WITHOUT = re.compile(r"\bno\s+(?P<what>[\w-]+(?:\s+[\w-]+)?)\s+without\b", re.I)
"""A condition put as a refusal: in "no ceasefire without guarantees" the ceasefire is what must wait."""
_BEFORE = re.compile(r"\b(?:before|until|prior to|(?:pre)?conditions?\s+for|prerequisites?\s+for)\s+"
                     r"(?:any\s+|the\s+|a\s+)?(?P<what>[^,.;:]+)", re.I)
"""Before what: "before any talks", and what conditions are set for ("three conditions for a settlement")."""
BOTH_PARTIES = re.compile(r"\b(?:both|the two)\s+(?:governments|sides|countries|capitals|leaders|presidents|"
                          r"delegations)\b", re.I)
"""A speaker that is both parties ("according to readouts released by both governments", "the two sides said"):
the ones the sentence names — named, not unnamed sources."""
THE_COUNTED = re.compile(r"(?:the|all|both)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+(?:countries|"
                         r"governments|states|capitals|leaders|nations|allies|neighbours|neighbors)", re.I)
"""Parties counted, not named ("the three countries"): those the page named before — no unnamed source."""
_NOT_A_TIME = (r"(?!\s+(?:at\s+least\s+)?(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of|further notice|next|"
              r"(?:early|mid|late)[\s-]|(?:january|february|march|april|may|june|july|august|september|october|"
              r"november|december|spring|summer|autumn|winter|\d{4})\b))")
"""After "until": not a time ("keep the crossings closed until July" waits for no one's act)."""
KEPT_UNTIL = re.compile(r"\b(?P<what>(?:(?:keep|keeps|kept|maintain|maintains|maintained)\s+(?:[\w’'-]+\s+){1,10}?|"
                        r"(?:stay|stays|stayed|remain|remains|remained)\s+)(?:frozen|immobili[sz]ed|in place|in force|"
                        r"closed|shut|suspended|on hold))\s+(?:until|unless)\b" + _NOT_A_TIME, re.I)
"""What lasts until a condition is met: in "agreed to keep the assets frozen until Moscow pays" the assets stay frozen
(what waits) and the payment is called for; so in "the measures would stay in place until Moscow agreed to …"."""
_NOT_UNTIL = re.compile(r"\b(?:not|no|never)\s+(?P<what>[^,.;:]{1,80}?)\s+(?:until|unless|before|prior to)\b", re.I)
"""A refusal until a condition is met: in "will not attend the talks until Kyiv withdraws" the talks are what must
wait, and the withdrawal is called for."""


def comes_first_before(sentence: str) -> str | None:
    """What the sentence puts its content before, if it does: its precondition's other side.

    >>> comes_first_before("A full ceasefire before any talks on territory")
    'talks on territory'
    >>> comes_first_before("Kyiv will not negotiate until Russia withdraws its troops.")
    'negotiate'
    >>> comes_first_before("The EU agreed to keep the assets frozen until Moscow pays for the damage.")
    'keep the assets frozen'
    """
    found = _NOT_UNTIL.search(sentence) or KEPT_UNTIL.search(sentence) or _BEFORE.search(sentence) \
        or _NOT_WITHOUT.search(sentence)
    if found is None:
        return None  # "told deputies before the vote that Warsaw would …": when it was said, not a precondition
    return _SAID_THAT.split(found.group("what"), maxsplit=1)[0].strip()


_SAID_THAT = re.compile(r"\s+that\s+(?=(?-i:[A-Z])|(?:the|it|he|she|they|we)\b)")
"""Where what was said begins after a time ("before the vote that Warsaw would …")."""


_JOINED_VERBS = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,3}?\s+[a-z]+(?:ed|s)\b.*(?:\s(?:and|but)|,)\s*$", re.S)


def joined_subject(span: str, name_end: int) -> bool:
    """Whether the name ending at ``name_end`` of ``span`` (the words before a reporting verb) is the subject of a
    verb joined to the reporting one ("Zelenskyy thanked the Emirates … and called for", "Poland's president
    praised …, and asked", "thanked Tokyo but told"), or of a verb the reporting participle follows ("Hungary backed
    Bratislava, saying …"): it speaks, not a party named after it."""
    return bool(_JOINED_VERBS.match(span, name_end))


class Byline:
    """Whether a line is the page's byline — who wrote it and when ("By Anna Petrova · 4 March 2026", "<the page's
    author> · Friday 12 June 2026") — or a notice about the page: the page's furniture, not a statement."""

    _DATED = re.compile(r"\b(?:19|20)\d\d\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)

    def __init__(self, author: str | None):
        self._author = author.casefold() if author else None

    _NOTICE = re.compile(r"(?:correction|clarification|update|editor['’]s note)\s*:", re.I)
    """A publisher's notice about the page itself ("Correction: an earlier version …")."""

    _TO_THE_READER = re.compile(
        r"(?:welcome(?:\s+back)?\s+to|thanks?(?:\s+you)?\s+for\s+(?:following|reading|joining)|follow|join|stay\s+with|"
        r"sign\s+up|subscribe|click|tap|read|watch|listen)\s.{0,80}?\b(?:our|us|here|this\s+(?:page|blog|live))\b",
        re.I)
    """A line that speaks to the reader about the page ("Welcome to our live coverage …", "Follow our updates",
    "Sign up to our newsletter"): the page's furniture, whatever war it names — unless it is quoted ("Join us in
    calling for peace," the pope said)."""

    def of(self, line: str) -> bool:
        named = (self._author is not None and self._author in line.casefold()) or re.match(r"[Bb]y\s+[A-Z]", line)
        return (bool(named) and framing(line) and bool(self._DATED.search(line)) or bool(self._NOTICE.match(line))
                or bool(self._TO_THE_READER.match(line)) and not re.search(r'["“”]', line))


TERMS_OF_A_PAPER = (r"^(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plan|draft|proposal|framework|"
                    r"blueprint|initiative|text|document|package)\b[^.;]*?\b(?:would|will)\s+(?:also\s+)?(?:freeze|grant|"
                    r"require|oblige|give|create|allow|establish|deploy|lift|ease|defer|set|commit|guarantee|let|"
                    r"leave|end|halt|cap|limit|recogni[sz]e|demilitari[sz]e|return|restore|exchange|hand|add|ban|"
                    r"bar|impose|extend|protect|patrol|monitor|secure|guard|train)\b|"
                    r"^(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,2}?(?:force|mission|contingent|deployment)\s+"
                    r"would\s+(?:not\s+\w+\b[^.;]*?\bbut\s+would\s+)?(?:also\s+)?(?:protect|patrol|monitor|secure|guard|"
                    r"train|deploy|include|stay|operate)\b|"
                    r"^(?:the|a|an|this|that|its|their)\s+(?:[\w-]+\s+){0,3}?(?:plan|draft|proposal|framework|blueprint|"
                    r"text)\s+(?:also\s+)?(?:provides\s+for|calls\s+for|envisages|foresees|commits|obliges|binds|"
                    r"requires|stops\s+short\s+of)\b")
"""What a plan's text would do or provides for, its subject the plan ("A draft framework, seen by this newspaper,
would freeze the front line", "The draft also provides for a ceasefire", "The draft commits the signatories to …"):
the terms it proposes."""


def papers_terms(sentence: str) -> bool:
    """Whether the sentence's subject is a plan's text saying what it would do: its terms, whoever it names."""
    return re.match(TERMS_OF_A_PAPER, sentence, re.I) is not None
