"""Words of the writer's own judgement and reading: verdicts (on an act, an account, what something is or how it
stands, a claim's grounds), words of interpretation ("effectively", "is trying to"), and words saying a stance or
an outcome is not known.

A sentence in the author's voice with one of them is the author's judgement or reading, not a fact the page states;
the drafter, the audit and the kinds of statement read them alike (:mod:`diplograph.kinds` cues a verdict a speaker
gives as an assessment).
"""

from __future__ import annotations

import re

from .reporting import Voice
from .wording import NO_PARTY

__all__ = ["EVALUATIVE", "UNCERTAIN", "VERDICT", "VERDICT_ON_ACT", "interpretive", "obliged"]

VERDICT_ON_ACT = re.compile(r"\b(?:is|was|are|were|would be|will be|has been|had been)\s+"
                            r"(?:(?:\w+ly|not|quite)\s+){0,2}(?:right|wrong|mistaken|correct|justified|unjustified|wise|unwise|foolish|naive|naïve|"
                            r"reckless|short-sighted|brave|bold|courageous|entitled)\s+to\b|"
                            r"\b(?:would|will|does|did|do)\s+well\s+to\b", re.I)
"""A verdict on what a party does ("Kyiv is right to insist on monitors", "Brussels would do well to …"): an
assessment of the act, whatever the act's own verb (insisting is the party's; that it is right, the writer's)."""
VERDICT = re.compile(r"\b(?:was|were|is|are|had been|has been|have been|remains?|remained|seems?|seemed|looks?|looked|"
                     r"would be|will be|could be)\s+"
                     r"(?:\w+ly\s+|very\s+|still\s+|nothing but\s+|little more than\s+|"
                     r"(?:(?:far|much|even)\s+)?(?:more|less)\s+)?[\"“‘']?"
                     r"(?:difficult|useful|productive|constructive|positive|fruitful|frank|tough|disappointing|"
                     r"encouraging|substantive|meaningful|meaningless|pointless|futile|premature|unhelpful|helpful|"
                     r"successful|hollow|cynical|absurd|reckless|irresponsible|provocative|illegitimate|fabricated|"
                     r"one-sided|biased|unbalanced|lopsided|politici[sz]ed|"
                     r"sceptical|skeptical|doubtful|unconvinced|wary|muted|lukewarm|guarded|tepid|horrified|appalled|"
                     r"shocked|dismayed|outraged|saddened|relieved|frustrated|alarmed|"
                     r"baseless|exaggerated|naive|unrealistic|doomed|fragile|overdue|worrying|alarming|troubling|"
                     r"counterproductive|worse than|better than|not new|nothing new|no accident|no coincidence|"
                     r"(?:too\s+)?(?:slow|sluggish)|inadequate|insufficient|meagre|paltry|grim|bleak|shameful|"
                     r"dangerous|risky|(?:an?\s+)?(?:dangerous|risky|costly|reckless|shrewd|clever|bold)\s+(?:bet|gamble|"
                     r"move|choice|strategy|game|calculation|precedent|signal|path|course|message)|"
                     r"(?:easy|easier|hard|harder)\s+to\s+(?:make|say|promise|announce|sign|keep|believe)|"
                     r"(?:[\w-]+\s+){1,3}away\s+from\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:disaster|catastrophe|tragedy|collapse)|"
                     r"not an accident|as\s+(?:wide|deep|large|big|great|entrenched|far apart)\s+as|"
                     r"(?:wider|narrower|deeper)\s+than|"
                     r"not a coincidence|telling|revealing|striking|symbolic|cosmetic|toothless|irrelevant|moot|"
                     r"a (?:formality|gesture|token gesture|publicity stunt)|"
                     r"an?\s+(?:empty|hollow)\s+(?:promise|gesture|threat|words)|"
                     r"remarkable|notable|a (?:success|failure|step forward|setback|mistake|blunder|farce|sham|"
                     r"charade|stunt|provocation|breakthrough|turning point|dead end|trap|ploy|bluff|gamble|lie|"
                     r"betrayal|disaster|catastrophe|humiliation|capitulation|(?:gift|reward|victory) (?:to|for))|"
                     r"an insult|an?\s+(?:excuse|alibi|pretext|smokescreen|distraction|delaying\s+tactic)|"
                     r"(?:a|no)\s+sign\s+of\s+(?:strength|weakness|confidence|desperation|panic|maturity)|"
                     r"(?:designed|meant|bound|doomed) to fail|within reach|out of reach|in sight|"
                     r"a long way off|(?:better|worse)\s+(?:spent|used|invested|off|served)|the price (?:of|for)|"
                     r"far apart|deadlocked|at an impasse|in line with|in breach of|contrary to|"
                     r"in violation of|unlawful|illegal|theft|robbery|piracy|extortion|"
                     r"(?:an?\s+)?(?:(?:war|international)\s+)?crimes?\b)\b|"
                     r"\bcan(?:not|['’]t)\s+(?:be\s+ruled\s+out|rule\s+(?:it|this|that|anything)\s+out)\b|"
                     r"\bhopes?\s+(?:of|for)\b[^.;]{1,60}?\b(?:looks?|seems?|is|are|was|were|remains?)\s+(?:\w+ly\s+)?"
                     r"(?:slim|dim|faint|fading|slender|remote)\b|"
                     r"\b(?:no|any)\s+signs?\s+of\s+(?:giving\s+ground|compromise|budging|backing\s+down|softening|"
                     r"flexibility)\b|"
                     r"\b(?:make|makes|made|making)\s+(?:[\w’'-]+\s+){1,3}?[\"“]?a\s+party\s+to\s+the\s+(?:conflict|war)\b|"
                     r"\bviolat(?:es|ed|e|ing)\s+(?:the\s+)?(?:(?:basic|fundamental|human|religious)\s+)?(?:rights|"
                     r"international\s+law|(?:UN\s+)?Charter|constitution|freedom)\b|"
                     r"\b(?:can|could)\s+only\s+be\s+(?:achieved|reached|found|won|secured|ended|resolved|settled)\s+"
                     r"(?:through|by|with|at)\b|"
                     r"\b(?:risks?|threats?|dangers?|chances?|likelihood|prospects?|odds)\s+(?:[\w-]+\s+){0,2}?"
                     r"(?:is|are|was|were|remains?|remained|seems?)\s+(?:\w+ly\s+)?(?:real|serious|high|low|growing|"
                     r"small|slim|remote|imminent|significant|considerable|minimal)\b",
                     re.I)
"""A verdict on how something went or what it is ("the talks had been difficult but useful", "the offer is a
trap", "the truce remains fragile"): an assessment, whoever gives it."""
_QUALITY = re.compile(r"\b(?:convincing|unconvincing|persuasive|unpersuasive|compelling|credible|plausible|"
                      r"implausible)\b|"
                      r"\b(?:is|are|was|were|looks?|seems?)\s+(?:\w+ly\s+|very\s+)?(?:thin|flimsy|shaky|scant)\b|"
                      r"\bthe\s+(?:most|least)\s+[a-z]+(?:ed|ive|ful|ous|ble|ing|ic|al|ant|ent)\b|"
                      r"\bthe\s+(?:best|worst|hardest|easiest)\b|\b(?:easier|harder)\s+to\s+[a-z]+\s+than\b|"
                      r"\ball\s+the\s+more\s+(?:telling|striking|remarkable|revealing|significant)\b", re.I)
"""Words of a verdict on an account, an argument or its evidence ("less convincing", "the evidence is thin", "the
most detailed yet"): a reviewer's or the author's judgement, not a fact told."""

_WORTHLESS = re.compile(r"\b(?:costs?|means?|meant|counts?\s+for|changes?|changed|achieves?|achieved)\s+"
                        r"(?:(?-i:[A-Z])[\w’'-]+\s+)?(?:nothing|little)\b|\bchanges?\s+less\b|"
                        r"\bonly\s+(?:helps?|helped|serves?|served|plays?\s+into)\b|"
                        r"\b(?:helps?|serves?|benefits?)\s+no\s+one\s+but\b|"
                        r"\b(?:brings?|pushes?|moves?)\s+(?:[\w-]+\s+){0,3}?closer\s+to\s+(?:an?\s+)?(?:[\w-]+\s+)?"
                        r"(?:accident|disaster|catastrophe|collapse|war)\b|"
                        r"\b(?:becoming|growing|getting)\s+(?:ever\s+)?(?:harder|more\s+difficult)\s+to\b|"
                        r"\bcan(?:not|['’]t|\s+ill)\s+(?:afford|wait)\b|\bpa(?:y|ys|id|ying)\s+(?:a\s+|the\s+)?(?:heavy\s+|high\s+)?"
                        r"price\s+(?:of|for)\b|"
                        r"\b(?:did|has\s+done|have\s+done|had\s+done)\s+(?:more|less|as\s+much)\s+to\b", re.I)
"""A verdict on words or acts ("Words like these cost nothing", "changes nothing", "Few did more to …"), and on what
a party cannot wait for ("Ukraine cannot wait for another election cycle"): the author's judgement, in the author's
voice."""
_GENERALISATION = re.compile(r"^(?:such\s+[a-z]+|(?-i:[A-Z])[a-z]+s(?:\s+(?:of|like)\s+(?:this|that|these|those)\s+"
                             r"(?:kind|sort|type|ones?))?)\s+(?:(?:have|has|had|do|does|did)\s+)?(?:rarely|seldom|"
                             r"hardly\s+ever|almost\s+never|usually|generally|tend\s+to)\b|"
                             r"^(?:(?:past|previous|earlier|most|many)\s+)?[a-z]+s\s+(?:of|like)\s+(?:this|that|these|"
                             r"those)\s+(?:kind|sort|type)\b|"
                             r"\b(?:is|are)\s+(?:rarely|seldom|never|hardly\s+ever|almost\s+never|not\s+always)\s+"
                             r"(?:so\s+|entirely\s+|fully\s+|as\s+)?(?:certain|clear|clear-cut|simple|straightforward|easy|"
                             r"obvious|conclusive|neat|tidy|quick|painless|final)\b", re.I)
"""A rule of thumb about a kind of thing ("Sanctions of this kind have rarely cut …", "Such truces seldom hold",
"Past conferences of this kind have produced …", "Attribution is rarely certain"): the author generalises from the
record, a judgement, not a record of one event."""

EVALUATIVE = re.compile(r"(?-i:\bmay\s+(?:well\s+|yet\s+|also\s+|still\s+)?(?!be\b|not\b|never\b)[a-z]+)|"
                        r"\b(ultimatum|capitulation|blackmail|not a compromise|signal|likely|will|should|probably|"
                        r"perhaps|possibly|"
                        r"unlike|just as|reminiscent of|echoes of|"
                        r"false|misleading|untrue|wrong|incorrect|inaccurate|exaggerat(?:es|ed|ion)|distort(?:s|ed|ion)|"
                        r"ignores|overlooks|omits|misrepresents|no evidence|unsubstantiated|baseless|groundless|"
                        r"leaves out|left out|glosses over|glossed over|"
                        r"would be (?:the )?(?:first|last|hardest hit|worst hit) to|would be (?:hardest|worst) hit|"
                        r"unfounded|depends on whether|hinges on whether|"
                        r"(?:told|tell|tells|telling|convinced|persuaded|deluded|fooled|kidding)\s+(?:themselves|"
                        r"itself|himself|herself|ourselves)|"
                        r"(?:could|may|might)\s+be\s+forced\s+to|(?:gives?|gave|leaves?|left)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:every|no|little|an?|more|less|all\s+the)\s+(?:reason|incentive|excuse|choice)\s+(?:to|but)|"
                        r"it\s+is\s+(?:quite\s+|entirely\s+|still\s+)?(?:possible|conceivable|probable|unlikely)\s+that|"
                        r"(?:may|might|could)\s+(?:well\s+)?(?:depend|hinge|turn|rest)\s+(?:\w+\s+)?on|"
                        r"constitutes?\s+(?:a\s+)?(?:war crimes?|"
                        r"crimes?|violations?|breach|aggression|genocide|terrorism))\b|"
                        r",\s+(?:thereby\s+)?(?:prolonging|fuell?ing|escalating|worsening|undermining|endangering|"
                        r"provoking)\b|" + _GENERALISATION.pattern + "|" + _WORTHLESS.pattern + "|"
                        + VERDICT_ON_ACT.pattern + "|" + _QUALITY.pattern + "|" + VERDICT.pattern,
                        re.I)
"""Words of evaluation: a sentence in the author's voice with one is the author's judgement — a verdict on a
claim, an act or an account too ("That is false.", "The claim ignores …", "Kyiv is right to …", "the evidence is
thin"), or an analogy ("Unlike in Korea, …")."""
_INTERPRETIVE = re.compile(r"\b(essentially|effectively|in effect|amounts? to|tantamount to|"
                           r"de facto(?!\s+(?:authorities|government|leaders?|administration|president|republic))|"
                           r"implicit(ly)?|"
                           r"in practice|attempts? to|seeks? to|sought to|aims? to|is meant to|"
                           r"(?:is|looks|seems|appears)\s+(?:\w+ly\s+)?designed\s+to|"
                           r"(?:is|are|was|were)\s+(?:\w+ly\s+)?aimed\s+(?:less\s+|more\s+|as\s+much\s+|\w+ly\s+)?at|"
                           r"\b(?:hands?|handed|gives?|gave|offers?|offered|presents?|presented)\s+(?:[\w’'-]+\s+){1,3}?"
                           r"(?:an?\s+)?(?:\w+\s+)?(?:chance|opportunity|opening|room|leverage)\s+to\b|"
                           r"in an effort to|(?:is|are|was|were)\s+(?:\w+ly\s+|often\s+|still\s+)?"
                           r"(?:seen|regarded|viewed)\s+(?:in\s+[A-Z][\w’'-]+\s+)?as|"
                           r"(?:which|that|this)\s+is\s+why|(?:best|better)\s+(?:read|understood|seen)\s+as|"
                           r"(?:is|was|serves\s+as)\s+a\s+(?:[\w-]+\s+)?reminder\s+(?:of|that)|"
                           r"\bsays?\s+(?:more|less|much|a\s+lot)\s+about\b|"
                           r"(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:betting|banking|counting)\s+(?:that|on)\b|"
                           r"(?:appears?|seems?|appeared|seemed)\s+(?:\w+ly\s+)?(?:aimed|designed|intended|meant)\b|"
                           r"^behind\s+[^,]{3,60}?\s+(?:lies|lay)\b|(?:is|are|was|were)\s+(?:less|more|not\s+so\s+much)\s+"
                           r"about\b[^.;]*\bthan\b|(?:is|are|was|were)\s+(?:really|ultimately)\s+about\b|"
                           r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:trying|seeking|looking|angling|manoeuvring|"
                           r"maneuvering) to|"
                           r"(?:show|shows|showed|suggest|suggests|suggested|demonstrates?) (?:\w+\s+){0,2}?"
                           r"(?:that|how)|(?:wording|tone|silence|choice\s+of\s+words)\s+suggests?\b|"
                           r"\b(?:slide|fall|drop|decline|rise|surge|jump|vote|tally|figures|data|results?|outcome|"
                           r"timing|shift|majority|absence|delay)(?:\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?\s+"
                           r"(?:suggests?|suggested|shows?|showed|indicates?)\b(?!\s+(?:the|its|their)\s+[\w-]+\s+"
                           r"(?:at|in|on|near|off|leaving|entering)\b)|"
                           r"(?:does|do|did) not intend to|(?:has|have|had) no intention of|"
                           r"(?:only|merely|once again)\s+confirms?\s+that|"
                           r"there\s+(?:are|were)\s+(?:\w+\s+)?signs\s+that|"
                           r"(?:appears?|seems?|appeared|seemed)\s+(?:to|more|less|increasingly|ready|willing|open|"
                           r"simple|clear|obvious|certain|determined|intent|keen|eager|unlikely|likely))\b",
                           re.I)

UNCERTAIN = re.compile(r"\b(unknown|unclear|uncertain|remains to be seen|not known|no one knows|"
                       r"not (?:yet |immediately )?clear|"
                       r"an open question|(?:has|have|had) not (?:yet )?(?:said|decided|announced|indicated) "
                       r"whether|no (?:consensus|agreement) (?:on|about|over) whether|"
                       r"(?:undecided|divided) (?:on|about|over) whether)\b", re.I)
"""Words saying a stance or an outcome is not known."""


def interpretive(sentence: str, heard: Voice | None = None) -> bool:
    """Whether the sentence reads intent or meaning into what was done ("effectively demands", "attempts to"):
    the writer's reading, not the party's words — unless the word is in what ``heard``'s speaker is reported to
    have said ("the ministry dismissed the speech as an attempt to …": the ministry's reading), or is the verb that
    reports it ("Declassified notes show that …": what the notes show)."""
    found = _INTERPRETIVE.search(sentence)
    return bool(found) and not (heard and heard.kind == "reported" and heard.content_start and (
        found.start() >= heard.content_start or found.start() >= heard.speaker_end  # "notes show that": what they show
        and re.match(r"(?:show|suggest|demonstrat)", found.group(), re.I)
        and NO_PARTY.search(sentence[heard.speaker_start:heard.speaker_end])))  # (a party's speech: the author reads)


_OUGHT = re.compile(r"(?:['’]s?)?\s+(?:(?:therefore|also|now|first|still|simply|urgently)\s+)?(?:must|should|ought to|"
                    r"has to|have to|needs to|need to)\s+(?!not\b)[a-z]", re.I)
"""A modal of obligation right after a party's name, in the author's voice: what the author says the party must do."""


def obliged(sentence: str, name: str) -> bool:
    """Whether a modal of obligation follows a party's ``name`` in ``sentence`` ("Europe must plan for …"): in the
    author's voice, what the author says the party must do."""
    at = sentence.find(name)
    return at >= 0 and _OUGHT.match(sentence, at + len(name)) is not None
