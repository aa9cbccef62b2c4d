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

from .outsiders import SOME, no_partys_people, speaker_head
from .unsaid import reports_nothing
from .wording import BOTH_PARTIES, REGIONAL, THE_COUNTED, tells_of_words

__all__ = ["AS_WHAT", "CHARACTERIZED", "CLAIMING", "DETERMINED", "IT_SAYS", "NOT_QUOTING", "OTHERS", "READER_WORDS",
           "REPORTING", "Voice", "after_preposition", "reader_voice", "voice", "without_asides"]

_PARTICLES = r"(?:off|in|up|out|back|for|on|at|to|with|by|of|over|down)\b"
"""Words after "called the meeting" that make it a call, not a verdict ("called the talks off", "… on Tuesday")."""
CHARACTERIZED = (r"(?:(?:it|them|him|her|this|that|(?:the|such|these|those|his|her|our|my)\s+[\w’'-]+"
                  r"(?:\s+[\w’'-]+)?)\s+"
                  r"(?:as\s+)?[\"“‘']?(?:a|an)\b|"
                  r"(?:an?|the|its|their|his|her|our|my|these|those|such)\s+[\w’'-]+(?:\s+[\w’'-]+){0,4}\s+(?:as\s+)?[\"“](?=[^\"”]{1,60}[\"”])|"
                  r"(?:it|them|this|that|(?:such|these|those)\s+[\w’'-]+)\s+(?:as\s+)?[\w-]+[.!]?[”\"’]?$|"
                  r"(?-i:[A-Z])[\w’'-]+\s+(?-i:[a-z])[\w’'-]+\s+(?:as\s+)?(?!" + _PARTICLES + r")(?-i:[a-z])[\w-]+[.!]?"
                  r"[”\"’]?$|"
                  r"(?:the|its|their)\s+[\w’'-]+(?:\s+(?!" + _PARTICLES + r")[\w’'-]+)?\s+(?!" + _PARTICLES +
                  r")[\"“‘']?(?-i:[a-z])[\w-]*(?:[”\"’]?[.!]?[”\"’]?$|\s+and\s+[a-z]+ed\b))")
"""What a speaker calls something: "called the plan “a trap”", "described it as a step", "called such polls
propaganda.", "called the report fabricated." (a one-word verdict closing the sentence), "calling a pause in the
fighting “the least bad option”" (a verdict in quotation marks)."""
AS_WHAT = r"(?:him|her|them|(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+){0,2})\s+as\b"
"""Someone or something named, then what it is called: "described him as", "describes Russia as"."""
NOT_QUOTING = "".join(rf"(?<!what {who} )" for who in ("it", "he", "she", "they"))
"""Not in "what it called the talks' success": words the page quotes as the party's, no verdict or report of it."""
_VERB = (r"said|says|say|stated|states(?=\s+that\b)|(?:told|tells)(?!\s+(?:themselves|itself|himself|herself|"
         r"ourselves|myself)\b)|announced|announces|declared|declares|adds|"
         r"added(?!\s+(?:\d[\d,]*|a|an|some|more|several|another|further)\b[^.;]*?\bto\s+(?:its|the|their)\b)|"
         r"demanded|demands|demand|insisted|insists|insist|warned|warns|warn|proposed|proposes|propose|"
         r"suggested|suggests|offered|offers|rejected|rejects|reject|refused|refuses|refuse|dismissed|dismisses|"
         r"criticised|criticized|criticises|criticizes|condemned|condemns|"
         r"urged|urges|(?<!\bI )(?<!\b[Ww]e )(?<!['’]s )(?:urge|call (?:on|for))|called (?:on|for)|calls (?:on|for)|"
         r"repeated|repeats|reiterated|reiterates|(?:keeps?|kept)\s+(?:saying|insisting|promising|arguing|claiming)|"
         r"reaffirmed|reaffirms|stressed|stresses|asked|asks|replied|replies|responded|responds|(?:answered|answers)(?!\s+to\b)|explained|explains|"
         r"emphasi[sz]ed|emphasi[sz]es|underlined|underlines|underscored|underscores|highlighted|highlights|"
         r"testified|testifies|assured|assures|"
         r"(?<!that had )(?<!who had )(?<!which had )(?:recorded|records|registered|registers|documented|documents|"
         r"verified|verifies)|"
         r"adopted(?=\s+(?:a|the|an)\s+(?:[\w-]+\s+)?(?:resolution|declaration|statement|communiqu|appeal|address))|"
         r"(?:argued|argues|argue)(?!\s+(?:about|over|with)\b)|noted|notes(?!\s+(?:show|showed|suggest|suggested|reveal|say)\b)|(?:find|finds|found)(?=\s+that\b|\s*[.!]?$|\s+no\s+(?:sign|evidence|trace|proof)\s+that\b)|(?:estimated|estimates|estimate)(?=\s+(?:that|it|there)\b)|believes?|believed|expects?|expected|predicted|predicts|cautioned|cautions?|"
         r"puts?(?=\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:cost|toll|bill|damage|losses|number)\b[^.;]*?\bat\b)|"
         r"(?:stress|concede|acknowledge|admit|admits|admitted|complain|complains|complained)(?=\s+that\b)|"
         r"(?:recalled|recalls|recall|remember|remembers|remembered)(?=\s+(?:that|how|him|her|an?)\b)|"
         r"(?:recommended|recommends|recommend)(?=\s+that\b)|"
         r"signall?ed|signals|vowed|vows|pledged|pledges|congratulated|congratulates|promised(?!\s+by\b)|appealed(?=\s+(?:to|for)\b)|accused|accuses|accuse|welcomed|welcomes|confirmed|confirms|"
         r"acknowledged|acknowledges|(?:conceded|concedes)(?=\s+(?:that|on\s+\w+|it|to)\b|\s*[.,!]?$)|threatened|"
         r"threatens|refer to|refers to|referred to|"
         r"denied|denies|deny|claimed|(?<!['’]s |ed |es |ts )claims?(?=\s+that\b)|"
         r"(?:alleged|alleges|asserted|asserts|maintained|maintains|contended|contends|countered|counters)(?=\s+that\b)|"
         r"blamed|blames|wrote|writes|posted|posts|tweeted|tweets|questioned|pointed out|points out|"
         r"remain(?:s|ed)?(?=\s+(?:deeply\s+)?(?:sceptical|skeptical|doubtful|unconvinced|wary)\b)|agreed?(?=\s+that\b)|ruled(?=\s+(?:on\s+\w+\s+)?that\b)|"
         r"reported(?=\s+(?:that|on\s+\w+\s+that)\b|(?:\s+on\s+\w+)?\s*[.!]?$)|reports(?=\s+that\b)|"
         r"(?<=\(\d{4}\) )(?:shows?|showed|finds?|found|argues?|argued|suggests?|suggested|notes?|noted)|"
         r"(?:(?<=poll )|(?<=survey )|(?<=study )|(?<=report ))(?:finds|found|shows|showed|suggests|suggested)|"
         r"(?:(?<=notes )|(?<=documents )|(?<=records )|(?<=minutes )|(?<=transcripts )|(?<=archives )|(?<=cables ))"
         r"(?:show|showed|suggest|suggested)(?=\s+that\b)|"
         r"(?:(?<=, )|(?<=\bby ))(?:accusing|saying|insisting|warning|arguing|claiming|demanding|urging|"
         r"calling (?:on|for))|"
         r"(?<=, )(?:calling|describing|branding)(?=\s+" + CHARACTERIZED + ")|"
         r"doubts?|doubted|fears?|feared|hopes?|hoped|thinks?(?!\s+tanks?\b)|ruled out|rules out|rule out|"
         r"(?<!-)" + NOT_QUOTING + r"(?:called|calls|described|describes|describe|branded|brands)"
         r"(?=\s+(?:" + CHARACTERIZED + r"|" + AS_WHAT + "))")
DETERMINED = "".join(rf"(?<!\b{word} )" for word in ("the", "a", "an", "this", "that", "his", "her", "its", "our",
                                                     "their"))
"""Not after a determiner: "the demand", "a call for", "their offer" are nouns, not someone reporting (a whole word:
"Russia warned" is a speaker, not "a warned")."""
REPORTING = re.compile(rf"{DETERMINED}\b({_VERB})\b", re.I)
_ACCORDING = re.compile(r"\baccording to\b", re.I)
_ANONYMOUS = re.compile(r"\b(officials?|sources?|people|diplomats?|aides?)\b[^.;]*?\b(not to be named|familiar with|"
                        r"briefed on|with knowledge of|"
                        r"condition of anonymity|declined to be (?:named|identified)|not authori[sz]ed)", re.I)
_FIRST_PERSON = re.compile(r"\b(we|I)\s+(?:(?:do|does|did|not|simply|still|also|now|really|firmly|strongly|"
                           r"genuinely|honestly|frankly|therefore|all)\s+){0,3}?(believe|think|expect|fear|doubt|consider|assess|"
                           r"(?:came\s+away|am|was|remain|became|grew)\s+(?:\w+ly\s+)?convinced|"
                           r"would argue|judge|see|read|learn(?:ed|t)|concluded|came to (?:believe|see)|"
                           r"have (?:long )?argued)\b|"
                           r"\bin (?:our|my) (?:view|reading|judge?ment|assessment|opinion|analysis|experience)\b|"
                           r"\b(?:our|my) (?:own )?(?:take|verdict|view|assessment|reading|sense|impression|guess|"
                           r"conclusion|analysis|research|findings|estimates?|modelling|modeling|calculations)\b|"
                           r"\b(?:my|our) (?:thoughts|prayers|hearts?) (?:turn|go|are|is)\b|^let us\b|^let['’]s\b|"
                           r"\b(?:I am|I['’]m|we are|we['’]re)\s+(?:\w+ly\s+)?(?:alarmed|concerned|worried|shocked|"
                           r"appalled|saddened|dismayed|horrified|troubled|encouraged|heartened|disappointed)\b|"
                           r"\bour\s+(?:[\w-]+\s+){0,2}?(?:researchers?|analysts?|experts?|economists?|editors?|"
                           r"correspondents?|team|staff|fellows?|director|scholars?)\b(?:\s+(?-i:[A-Z])[\w’'-]+){0,3}"
                           r"(?:\s+in\s+(?-i:[A-Z])[\w’'-]+)?\s+"
                           r"(?:\w+ly\s+)?(?:see|sees|believe|believes|think|thinks|expect|expects|judge|judges|consider|"
                           r"considers|estimate|estimates|assess|assesses|find|finds|argue|argues|write|writes|warn|"
                           r"warns)\b|"
                           r"(?<!by )\b(?:this|the) (?:newspaper|paper|magazine|publication|website|editorial board)\s+"
                           r"(?:\w+\s+)?(?:believes|thinks|expects|fears|doubts|considers|argues|judges|holds)\b|"
                           r"(?<!by )\bthis (?:newspaper|paper|magazine|publication|website|editorial board)\s+"
                           r"(?:\w+\s+){0,2}?(?:believed|thought|expected|feared|doubted|considered|argued|judged|held|"
                           r"warns|warned|urges|urged|says|said|called|calls)\b", re.I)
READER_WORDS = ("analyst", "analysts", "expert", "experts", "observers", "researcher", "researchers", "scholar",
                "scholars", "commentators", "fellow", "professor", "political scientists", "political scientist",
                "academics", "historians", "economists", "demographers", "demographer", "sociologists", "authors")
"""The words for people whose reading of events a page gives (theirs: an interpretation, not a party's stance)."""
_READERS = re.compile(rf"\b({'|'.join(READER_WORDS)})\b", re.I)
_READING = re.compile(r"\b(interpret(s|ed)?|see|saw|view(s|ed)?|read(s)?|consider(s|ed)?|describe[sd]?|"
                      r"recommend(s|ed)?|conclude[sd]?|call(s|ed)? it)\b", re.I)
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
    joined = _NEXT_CLAUSE.search(sentence)  # "Russia wants …; Ukraine says …": the first clause's voice, when it
    if joined and _voice(sentence[:joined.start()], names).kind == "none":  # reports no one
        return Voice("none", 0, 0, 0)
    if _FIRST_PERSON.search(sentence):
        found = _FIRST_PERSON.search(sentence)
        assert found is not None
        return Voice("author", 0, found.start(), found.end(), found.group())
    according = _ACCORDING.search(sentence)
    if according:
        comma = sentence.find(",", according.end())
        end = comma if comma > 0 else len(sentence)
        one_of_them = _ONE_OF_THEM.fullmatch(sentence, according.end(), end) or _unnamed(  # the sources before,
            sentence[according.end():end], names)  # unnamed; "two officials familiar with the talks"
        return Voice("anonymous" if one_of_them else "according", according.end(), end, end if comma > 0 else 0,
                     "according to")
    shown = _SHOWN.search(sentence)
    if shown:  # "…, documents show": the page's source, no party
        return Voice("according", shown.start("who"), shown.end("who"), 0, shown.group("verb"))
    anonymous = _ANONYMOUS.search(sentence)
    closing = _CLOSING_REPORT.search(sentence)
    if closing and not anonymous:  # "Russia will reject any plan …, a Western official predicted.": the last verb
        return Voice("anonymous" if _unnamed(closing.group("who"), names) else "reported", closing.start("who"),
                     closing.end("who"), 0,
                     closing.group("verb"))
    others = OTHERS.match(sentence)
    if others:  # "Others see room for a deal": unnamed, as the speakers before them were
        return Voice("anonymous", 0, others.start("verb"), others.end(), others.group("verb"))
    verb = _reporting_verb(sentence, anonymous.end() if anonymous else 0, _spans(sentence, names))
    if anonymous and verb:
        return Voice("anonymous", 0, anonymous.start(), verb.end(), verb.group())
    if verb:
        agent = _BY_AGENT.match(sentence, verb.end()) if _PASSIVE.search(sentence[:verb.start()]) else None
        if agent:  # "Kyiv was urged by the European Union to …": the agent speaks, the subject is addressed
            unnamed_agent = _unnamed(re.split(r"\s+(?:of|for|over|to|in|on)\s+", agent.group("agent"))[0],
                                     names)  # "accused by other member states of …"
            return Voice("anonymous" if unnamed_agent else "reported", agent.start("agent"), agent.end("agent"), 0,
                         verb.group())
        inverted = _INVERTED.match(sentence, verb.end()) if _QUOTE_ENDS.search(sentence[:verb.start()]) else \
            _SPEAKER_LAST.match(sentence, verb.end()) if _COMMA_ENDS.search(sentence[:verb.start()]) else None
        if inverted:  # "“…,” said Germany's foreign minister.": the subject follows its verb
            whole = sentence[inverted.start("who"):].rstrip(" .!”\"’)")  # "said Halyna, a 61-year-old nurse"
            return Voice("anonymous" if _unnamed(whole, names) else "reported",
                         inverted.start("who"), inverted.end("who"), 0, verb.group())
        quoted = _AFTER_QUOTE.search(sentence[:verb.start()]) if _OPENING_QUOTE.match(sentence) else None
        if quoted and _ENDS_REPORT.match(sentence[verb.end():]):  # "“…,” Kyiv's envoy, <Name>, told reporters."
            unnamed = _unnamed(sentence[quoted.end():verb.start()], names)  # "“…,” a figure skater told …"
            return Voice("anonymous" if unnamed else "reported", quoted.end(), verb.start(), 0, verb.group())
        trailing = _TRAILING.search(sentence[:verb.start()])
        if trailing and _ENDS_REPORT.match(sentence[verb.end():]):  # "…, the foreign ministry said on Monday."
            return Voice("reported", trailing.end(), verb.start(), 0, verb.group())
        clause = _CIRCUMSTANCE.match(sentence, 0, verb.start())  # "Asked whether Europe would …, Madeupont replied"
        start = clause.end() if clause else 0
        unnamed = _unnamed(sentence[start:verb.start()], names)  # "A senior European official said …"
        return Voice("anonymous" if unnamed else "reported", start, verb.start(), verb.end(), verb.group())
    own = _WHAT_IT_SAID.search(sentence)  # "… released a recording of what it said was …": the subject's own claim
    if own:
        return Voice("reported", 0, own.start(), own.end(), own.group("verb"))
    hearsay = _HEARSAY.search(sentence)  # "The Kremlin has reportedly instructed …": told, by no one named
    return Voice("anonymous", 0, 0, hearsay.end(), hearsay.group()) if hearsay else Voice("none", 0, 0, 0)


OTHERS = re.compile(r"(?:still\s+)?others\s+(?:\w+ly\s+)?(?P<verb>say|said|see|saw|argue|argued|believe|think|"
                    r"contend|counter|warn|point out|suggest|insist|doubt|fear|expect)\b", re.I)
"""Others of a kind the sentence before named ("Some analysts argue …. Others say …"): unnamed, theirs too."""
_WHAT_IT_SAID = re.compile(r"\bof\s+what\s+(?:it|they|he|she)\s+(?P<verb>said|says|called|calls)\s+"
                           r"(?:was|were|is|are)\b", re.I)
"""A thing the subject put out, told as what it says the thing is ("released a recording of what it said was a
general ordering …"): the subject's claim."""
_NEXT_CLAUSE = re.compile(r";\s+(?=(?:the\s+)?[A-Z])")  # "…; Ukraine says it will not …": a subject of its own


def _unnamed(who: str, names: tuple[str, ...]) -> bool:
    """Whether ``who`` is a person the page does not name ("a Western official", "a senior European diplomat who
    has faced him"): no party's name among its words — a region's adjective names none."""
    if no_partys_people(who):
        return True
    head = speaker_head(who)
    if BOTH_PARTIES.fullmatch(who.strip()) and names or THE_COUNTED.fullmatch(head):  # "the two governments said":
        return False  # the parties the sentence names; "the three countries have": those the page named
    return bool(_UNNAMED.match(head)) and not _spans(head, [n for n in names if n.casefold() not in REGIONAL],
                                                     single=True)


CLAIMING = frozenset({"claimed", "claims", "accused", "accuses", "accusing", "blamed", "blames", "ruled", "rules"})
"""Verbs of claiming: who claims or accuses makes a claim, whatever else its words say (drafter and audit alike); a
ruling ("ruled that athletes may compete only as neutrals") is a claim about what the law allows."""
IT_SAYS = re.compile(r"\b(?:it|they)\s+(?:\w+ly\s+)?$", re.I)
"""A pronoun right before the reporting verb ("… on Chinese firms it accuses of …"): the subject speaks."""
_HEARSAY = re.compile(r"\b(?:reportedly|allegedly|purportedly|(?:is|are|was|were) (?:said|reported|believed) to "
                      r"(?:have|be))\b", re.I)
"""Words that tell something as reported, not by whom ("reportedly", "is said to have"): the page vouches for it."""
_CIRCUMSTANCE = re.compile(r"(?:asked|pressed|questioned|speaking(?!\s+(?:for|on behalf of)\b)|responding|replying|"
                           r"answering|commenting|writing|addressing|in\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+)?"
                           r"(?:interview|speech|statement|article|op-ed|post|letter|address|remarks|comments))\b"
                           r"[^,]{0,150},\s*", re.I)
"""A clause before the speaker saying how they came to speak ("Asked whether Europe would …,"): none it names speaks."""
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has been|have been|had been|being|been|be)\s+(?:\w+ly\s+)?$", re.I)
_BY_AGENT = re.compile(r"\s+by\s+(?P<agent>[^,;]+?)"
                       r"(?=\s+(?:on|last|this|to|that|in|at|for|over|after|before)\b|[,;.]|$)")
"""A report in the passive voice: its auxiliary before the verb, its agent after "by" (up to a preposition)."""
_SHOWN = re.compile(r",\s*(?P<who>(?:[\w-]+\s+){0,2}?(?:documents|data|figures|records|papers|emails|notes|minutes|"
                    r"transcripts|cables|archives))\s+"
                    r"(?P<verb>show|shows|showed|suggest|suggests)\s*[.!]?\s*$", re.I)
"""Papers a page relies on, named after its content ("…, documents show"): what they show, the page vouches for."""
_CLOSING_REPORT = re.compile(rf",\s*(?P<who>(?:the|a|an|its|their|his|her|two|three|four|several|some|"
                             rf"(?-i:[A-Z])[\w-]+['’]s)\s+"
                             rf"[^,“”\"]{{2,60}}?|(?:[\w-]+\s+)?(?:officials|sources|aides|insiders))(?<!\bthan)(?<!\bas)\s+"
                             rf"(?P<verb>{_VERB})(?:\s+(?:on|last|this|in|at|to|after|during)\b[^,]{{0,50}}|"
                             r"\s+(?:reporters|journalists)\b[^,]{0,40})?\s*[.!]?[”\"’)]*\s*$", re.I)
"""A report closing the sentence after a comma, its subject opening with a determiner ("…, a Western official
predicted.", "…, the ministry said on Monday."): the sentence's last verb is the one that reports it."""
_ONE_OF_THEM = re.compile(r"\s*(?:one of (?:them|those|the sources)|another)\s*", re.I)
"""One of the sources the sentence before gave ("According to one of them, …"): unnamed as they were."""
_UNNAMED = re.compile(r"(?:still\s+)?others$|" + SOME + r"(?:officials?|diplomats?|sources?|aides?|insiders?|capitals|"
                      r"governments|leaders|allies|"
                      r"partners|countries|states|delegations|negotiators|envoys)$", re.I)
"""A speaker the page does not name ("a Western official", "Western capitals"), unless a party's name is among its
words ("EU leaders" are the Union's)."""
_QUOTE_ENDS = re.compile(r"[,.!?][”\"’]\s*$")
_COMMA_ENDS = re.compile(r"\w,\s*$")
_SPEAKER_LAST = re.compile(r"\s+(?P<who>(?:(?:the|a|an|its|his|her|their|one|two)\s+|(?-i:[A-Z])[\w’'-]*\s+)"
                           r"(?:[\w’'-]+\s+){0,4}?(?:ambassador|minister|envoy|spokes(?:man|woman|person)|president|"
                           r"official|diplomat|leader|chancellor|premier|secretary|representative|negotiator|advis[eo]r|"
                           r"analyst|editor|correspondent|columnist|(?-i:[A-Z])[\w’'-]+))\s*[.!]?\s*$", re.I)
"""Content, then a comma, the verb and its subject to the end: "…, writes Russia's ambassador." — a speaker's
words (an office or a name) after the verb, nothing more."""
_INVERTED = re.compile(r"\s+(?P<who>[^\s,;.“\"][^,;.“\"]{2,80}?)(?:,[^.“\"]*)?\s*[.!]?[”\"’)]*\s*$")
"""The subject after its verb, up to the end (or a comma): a quote first, then "said the minister"."""
_AFTER_QUOTE = re.compile(r"[,.!?][”\"’]\s+(?=[^“”\"]{2,100}$)")
"""The close of an opening quotation, its speaker after it ("…,” Ukraine's prime minister, <Name>, told reporters")."""
_TRAILING = re.compile(r"[,”\"]\s*(?=(?:[^,]{0,60})$)")
"""The comma (or closing quote) before a short subject just before the verb: a report given after its content."""
_ENDS_REPORT = re.compile(r"(?:\s+(?:on|last|this|in|at|to|after|before|during)\b(?:(?!\bthat\b)[^,]){0,50}|"
                          r"\s+(?:reporters|journalists|lawmakers|legislators|MPs|deputies|senators|delegates"
                          r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:news conference|press conference|briefing|summit|"
                          r"meeting|forum|conference|session|broadcaster|newspaper|channel|outlet|podcast|rally)|"
                          r"parliament)\b(?!\s+(?:to|that)\b)[^,]{0,40}|\s+\w+ly)?"
                          r"(?:,\s+(?:bringing|raising|taking|adding to|the\s+\w+\s+(?:such|of|since))\b[^,;]{0,60})?"
                          r"\s*[.!]?[”\"’)]*\s*$")
"""What may follow the verb of a report given after its content, up to the sentence's end: when and to whom it was
said ("said on Thursday.", "told reporters in Kyiv."), a clause that only counts ("…, bringing the total to 12.")."""
_SUBORDINATE = re.compile(r"\b(?:after|when|before|since|while|because|as(?!\s+[A-Z][^,;(]{1,60}\(\d{4}[a-z]?\))|until|"
                          r"once)\b[^,;]*$", re.I)
"""A clause of time or cause before a verb: "stalled after both sides accused each other" reports an event."""
_CALLED_AS = re.compile(r"\b(?:describe[sd]?|describing|regard(?:s|ed)?|sees|saw|view(?:s|ed)?|portray(?:s|ed)?)\s+"
                        r"(?:[\w’'-]+\s+){0,4}$", re.I)
"""What something is called, before its "as" ("describes the children as evacuees and says …"): no clause of time."""


def _subordinate(before: str) -> bool:
    """Whether the words ``before`` a verb end in a clause of time or cause (not the "as" of what a thing is called)."""
    found = _SUBORDINATE.search(before)
    return bool(found) and not (found.group().casefold().startswith("as") and _CALLED_AS.search(before, 0,
                                                                                                found.start()))


def _reporting_verb(sentence: str, start: int, names: list[tuple[int, int]]) -> re.Match | None:
    """The first reporting verb from ``start`` that has words before it and is not a word of a name (``names``:
    their spans): one opening the sentence is a noun ("Demands and denials in a week of talks"); "States" in "the
    United States" is a name's; one in a clause of time or cause ("stalled after both sides accused each other")
    tells an event; a passive without its agent ("ministers are expected to …") names no one; one after a
    preposition is a noun ("swung between hope and collapse"), but for a gerund after "by" ("by saying …") when the
    sentence has a subject ("Undermining …, by claiming …" has none)."""
    opening = _OPENING_QUOTE.match(sentence)
    start = max(start, opening.end() if opening else 0)  # "“Neither side believes …,” said …": the quote's verbs
    found = REPORTING.search(sentence, start)
    while found is not None and (not sentence[:found.start()].strip(" \"'“‘-—") or any(
            begin <= found.start() < end for begin, end in names) or _subordinate(sentence[:found.start()])
            or (_PASSIVE.search(sentence[:found.start()]) and not _BY_AGENT.match(sentence, found.end()))
            or after_preposition(sentence, found.start()) and not (sentence.endswith("by ", 0, found.start())
                                                                   and not sentence.split()[0].endswith("ing"))
            or tells_of_words(sentence, found.start(), found.end()) or reports_nothing(sentence, found)):
        found = REPORTING.search(sentence, found.end())
    return found


_OPENING_QUOTE = re.compile(r"\s*[“\"][^”\"]+[”\"]")
"""A quotation the sentence opens with: its words are the quoted speaker's, not the sentence's report."""

def _spans(sentence: str, names: Iterable[str], single: bool = False) -> list[tuple[int, int]]:
    """Where each of ``names`` of several words (or, ``single``, of any) stands in ``sentence``, as whole words,
    whatever the case."""
    folded = sentence.casefold()
    return [(match.start(), match.end()) for name in names if single or " " in name.strip()
            for match in re.finditer(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", folded)]


_PREPOSITIONS = {"with", "of", "about", "on", "to", "from", "against", "by", "toward", "towards", "at", "for", "in",
                 "over", "into", "near", "than", "between", "among", "amid", "despite", "without", "through"}


_ASIDE = re.compile(r",\s+(?:which|who)\s+[^,]*,")


def without_asides(span: str) -> str:
    """The words before a reporting verb without a clause set off by commas: what it names does not speak.

    >>> without_asides("The EU, which has banned Russian oil, urged")
    'The EU, urged'
    """
    return _ASIDE.sub(",", span)


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
    opening = _OPENING_QUOTE.match(sentence)  # "“… international observers,” she added": the quote's words
    found = _READERS.search(sentence, opening.end() if opening else 0)
    if not found or re.search(r"\b(?:our|my)\s+(?:own\s+)?$", sentence[:found.start()], re.I):  # the author's own
        return False
    said_before = REPORTING.search(sentence[:found.start()], opening.end() if opening else 0)
    if not said_before and (REPORTING.search(sentence, found.end()) or _READING.search(sentence, found.end())):
        return True  # not "the EU said it would send observers if Kyiv asked": they are in what another said
    heard = voice(sentence)
    return heard.kind == "reported" and 0 < heard.speaker_start <= found.start()
