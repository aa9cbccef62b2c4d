"""What kind of statement a sentence's words make — a demand, a position, a proposal, a prediction … — and the
stance they take, read from cue words (verbs of demanding, rejecting, proposing, predicting; words of evaluation
and interpretation). Who makes it is :mod:`diplograph.reporting`'s to read.

Pure functions of the text, shared by the drafter and the audit so that both read a sentence alike.
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from .acts import the_act
from .judgements import VERDICT, VERDICT_ON_ACT
from .reporting import AS_WHAT, CHARACTERIZED, DETERMINED, NOT_QUOTING
from .stances import AS_BASIS, REJECTING, SUPPORTING, VIEWING
from .wording import KEPT_UNTIL, MADE_BY, TERMS_OF_A_PAPER

__all__ = ["SCENARIO", "cue_start", "kind_of", "looks_ahead"]


_MORE = (r"(?:sooner|longer|faster|earlier|later|more|less|fewer|harder|quicker|better|worse|further|closer|higher|"
         r"lower|greater|stronger|weaker|bigger|smaller|deeper|wider)")
_ONE_BRINGS_ANOTHER = re.compile(rf"\bthe {_MORE}\b[^.;]{{1,80}},\s*the {_MORE}\b", re.I)
"""The comparatives of "the sooner …, the sooner …": one change bringing another, a prediction."""
_WEIGHED = (r"(?:(?:similar|new|further|additional|its|their|such|own)\s+)?(?:measures|steps|options|sanctions|"
            r"restrictions|curbs|a\s+ban|bans|closures?|ways\s+to|options\s+for)\b")
"""Measures a party weighs ("is considering similar measures"): its stance on acting, no belief."""

_TALKS_REFUSED = r"discuss|negotiate|talk|sign|attend|return|resume|join|take part|participate|lift|ease|restore"
"""What a party refuses to do until a condition is met ("will not negotiate while troops occupy …"): a demand of the
condition, which a clause of its own ("while …") may hold — so not a stance read off the first clause alone."""

_TIMES = "|".join([*calendar.month_name[1:], *calendar.day_name, "next", "after", "then", "further", "Christmas",
                   "Easter"])  # words that open a time, not a party, after "until" ("until March", "until next year")
_KINDS: list[tuple[str, re.Pattern]] = [
    ("Assessment", VERDICT_ON_ACT),
    # a leader's legitimacy denied is a claim about it: "argued that he lacks the legitimacy to sign"
    ("Claim", re.compile(r"\b(?:lacks?|lacked|has\s+no|had\s+no|question(?:s|ed|ing)?)\s+(?:the\s+|any\s+|his\s+|"
                         r"her\s+|(?-i:[A-Z])[\w’'-]*['’]s\s+)?(?:legitimacy|mandate)\b|\b(?:mandate|term)\s+(?:has\s+"
                         r"|had\s+)?(?:formally\s+)?expired\b", re.I)),
    # what a party calls a condition for something it demands: "relief is a condition for peace"
    ("Demand", re.compile(r"\b(?:is|are|was|were|remains?)\s+(?:a|the|one)\s+(?:[\w-]+\s+)?(?:pre)?condition\s+"
                          r"(?:for|of)\b", re.I)),
    # what has to stop is demanded, whatever is offered beside it: "said attacks on shipping had to stop and offered …"
    ("Demand", re.compile(r"\b(?:has|have|had)\s+to\s+(?:stop|end|cease|be\s+(?:stopped|halted|ended|lifted|"
                          r"withdrawn))\b", re.I)),
    # what an outcome turns on ("Much depends on whether Washington is willing …"): no stance taken, a reading
    ("Assessment", re.compile(r"\b(?:depends?|hinges?|turns?|rests?)\s+(?:\w+ly\s+)?on\s+whether\b", re.I)),
    # a verdict on a claim's grounds: "We have observed no evidence to support this claim", "baseless"
    ("Assessment", re.compile(r"\bno (?:evidence|proof)\s+(?:to support|for|of|that)\b|"
                              r"\b(?:unsubstantiated|baseless|groundless|unfounded)\b", re.I)),
    # the content's kind from its own words (first match wins); a call on someone to act demands the act
    ("Demand", re.compile(DETERMINED + r"\b(?:call(?:s|ed)?\s+on|urg(?:e|es|ed)|press(?:es|ed)?|ask(?:s|ed)?)\s+"
                          r"(?:[\w’'-]+\s+){1,10}?to\s+(?!the\b|a\b|an\b|its\b|their\b)[a-z]+", re.I)),
    # what the speaker in the first person expects of a party is asked of it: "We expect the EU to keep its promise"
    ("Demand", re.compile(r"\b(?:we|I)\s+(?:\w+ly\s+|also\s+|now\s+)?expect\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*"
                          r"(?:\s+(?-i:[A-Z])[\w’'-]*)?\s+to\s+[a-z]+", re.I)),
    ("Prediction", re.compile(r"\b(is|are) (?:not )?expected (?:to|later|soon|next|within|by|before|this|in)\b|"
                              r"\bwill (likely|probably|(?:almost )?certainly)\b|"
                              r"\b(likely|unlikely) (?:to|before|until|soon|this|next)\b|"
                              r"\bpredict(s|ed)?\b|\bforecasts?\b|\bexpect(s|ed)?\s+(?:a|an|the|new|more|further|another)\b|\bhop(?:e|es|ed|ing)\s+to\b|"
                              r"(?<!\bto )\bexpect(s|ed)?\s+(?:the\s+)?(?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*)?"
                              r"\s+to\s+[a-z]+|"
                              r"\bexpect(?:s|ed)?\s+(?-i:[a-z])[\w’'-]*(?:\s+(?-i:[a-z])[\w’'-]*){0,2}?\s+to\s+"
                              r"(?!the\b|a\b|an\b)[a-z]+", re.I)),
    # the verb, not "proposal"; an offer to do something or of something ("offered to host talks")
    ("Proposal", re.compile(DETERMINED + r"(?<!would )(?<!will )(?<!\bto )\bpropos(e|es|ed)\b(?!\s+by\b)|"
                            r"\bput forward\b(?!\s+by\b|\s+no\b)|\btabled\b(?!\s+by\b|\s+no\b)|\bfloat(?:s|ed)?\b|"
                            r"\bpress(?:es|ed)?\s+(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:plan|proposal|"
                            r"initiative)\b|\brecommend(?:s|ed)?\s+that\b|"
                            r"\b(?:circulat(?:e|es|ed)|present(?:s|ed)|unveil(?:s|ed))\s+"
                            r"(?:a|an|its|their)\s+(?:[\w-]+\s+){0,2}?(?:plan|draft|proposal|framework|initiative|"
                            r"roadmap|paper)\b|"
                            r"\b(?:draw|draws|drawing|drew|drawn)\s+up\s+(?:(?:a|the|their|its|joint|detailed)\s+)?"
                            r"(?:plans?|proposals?|options)\s+for\b|"
                            r"\b(?:agreed|volunteered|ready|willing|prepared|(?<!signals )(?<!signalled )(?<!signaled )"
                            r"(?:readiness|willingness))\s+to\s+(?:help\s+(?:to\s+)?)?(?:co-)?(?:host|"
                            r"hold|convene|organi[sz]e|mediate|inspect|monitor|escort|clear|rebuild|repair|demine|"
                            r"train|evacuate)\b|"
                            r"(?<!not )\b(?:(?:ready|willing|prepared)\s+to|would|will)\s+(?:send|provide|"
                            r"deploy|contribute)\s+(?:up\s+to\s+)?(?:\d[\d,]*|observers|monitors|experts|inspectors)\b"
                            r"(?![^.;]*\b(?:only\s+(?:if|after|once|when)|on condition|provided that)\b)|"
                            r"(?<!would )(?<!could )(?<!might )(?<!will )(?<!were )(?<!was )(?<!been )(?<!not )"
                            r"\binvit(?:e|es|ed)\s+(?:[\w-]+\s+){0,3}?to\b|"
                            r"\b(?:would|could)\s+(?:host|mediate|convene)\b|" + DETERMINED +
                            r"\boffer(s|ed)?\s+(?:(?:on|last|this)\s+\w+\s+|\w+ly\s+|again\s+|also\s+|once more\s+)?"
                            r"(?:to|a|an|its|their)\b|" + TERMS_OF_A_PAPER, re.I)),
    # a refusal on a condition demands the condition: "would not back the package without guarantees"
    ("Demand", re.compile(r"\b(?:will|would)\s*(?:not|n['’]t|reject|refuse|veto|block|oppose)\b[^.;]*"
                          r"\b(?:without|as long as|so long as)\b|"
                          r"\b(?:will|would)\s*(?:not|n['’]t)\s+(?:" + _TALKS_REFUSED + r")\b[^.;]*"
                          r"\b(?:until|while|as long as|so long as|before)\b|"
                          r"[:,]\s*[\"“‘']?not\s+(?:while|until|as long as|before)\b|"
                          r"\b(?:will|would)\s+(?:consider|accept|discuss|negotiate|talk|agree to|resume|return|attend|"
                          r"sign|join|lift|ease|restore|release|reopen|deploy|send|withdraw|recogni[sz]e|hold)\b[^.;]*"
                          r"\bonly\s+(?:after|if|once|when)\b",
                          re.I)),
    # a measure kept until a party acts demands the act: "agreed to keep the assets frozen until Moscow pays", "would
    # stay in place until Moscow agreed to …" — not until a time ("keep the crossings closed until July" is a
    # decision, no condition)
    ("Demand", KEPT_UNTIL),
    # penalties that take effect if a party fails to act demand the act: "sanctions … if Moscow failed to return"
    ("Demand", re.compile(r"\b(?:sanctions|penalties|tariffs|measures|consequences)\b[^.;]{0,80}\bif\s+(?:the\s+)?"
                          r"(?-i:[A-Z])[\w’'-]+\s+(?:fail(?:s|ed)?|refus(?:es|ed)|do(?:es)?\s+not|did\s+not)\b", re.I)),
    # a threat on a condition demands the condition: "threatened to block it unless its imports are exempted",
    # "warned of serious consequences if the decision was not reversed"
    ("Demand", re.compile(r"\bthreaten(?:s|ed)?\s+to\b[^.;]*\bunless\b|"
                          r"\b(?:warn(?:s|ed)?\s+of|threaten(?:s|ed)?)\b[^.;]*\b(?:unless\b|if\s+[^.;]*?\b(?:not|"
                          r"fail(?:s|ed)?|refus(?:es|ed)?)\b)", re.I)),
    # a denial with the speaker's own account is that account: "denied the charge, saying the building was used …"
    ("Claim", re.compile(r"\bden(?:y|ies|ied)\b[^.;]*?,\s+(?:saying|adding)\s+(?:that\s+)?(?:the|its|it|they|his|"
                         r"her|their|(?-i:[A-Z]))", re.I)),
    # what a text "would not help" bring about is forecast, no refusal; what "could not wait", said, is pressed for
    ("Prediction", re.compile(r"\b(?:would|will)\s+not\s+help\s+(?:to\s+)?(?:bring|end|stop|resolve|achieve|make)\b",
                              re.I)),
    ("Demand", re.compile(r"\b(?:said|says|told\s+\w+|insisted|stressed)\b[^.;]*\b(?:can(?:not|['’]t)|could\s*(?:not|"
                          r"n['’]t))\s+wait\b", re.I)),
    # a refusal until another acts, or a threat unless it does, demands the act ("would veto the loan unless …")
    ("Demand", re.compile(r"\b(?:will|would|shall)\b[^.;]{0,80}?\bunless\b|"
                          r"\b(?:will|would|shall)\s*(?:not|n['’]t|never)\s+[^.;]{0,80}?\b(?:until\s+"
                          r"(?!(?:" + _TIMES + r")\b)(?:(?-i:[A-Z])[\w’'-]+\s+(?-i:[a-z])|"
                          r"(?:the|its|their|all)\s+(?:[\w’'-]+\s+){0,3}?(?:is|are|has|have)\b))", re.I)),
    # what a party cannot accept that would cost it: a line it holds ("cannot accept any deal that rewards …")
    ("Principle", re.compile(r"\bcan(?:not|['’]t)\s+(?:ever\s+)?(?:accept|recogni[sz]e|tolerate)\s+(?:any|a|an)\s+"
                             r"[^.;]{0,40}?\b(?:that|which)\s+(?:leaves?|gives?|hands?|cedes?|rewards?|legitimi[sz]es?)\b",
                             re.I)),
    ("Position", re.compile(REJECTING, re.I)),
    # a condition put as a refusal: "no ceasefire without guarantees" demands the guarantees
    ("Demand", re.compile(r"\bno\s+[\w-]+(?:\s+[\w-]+)?\s+(?:without|until|unless)\b|\bno\s+point\s+in\s+[\w-]+\s+"
                          r"(?:[\w-]+\s+){0,3}?(?:without|until|unless)\b|"
                          r"\bno\s+[\w-]+\b[^.;]{0,60}?\b(?:could|can|will|would|may|shall|should|must)\b[^.;]{0,60}?"
                          r"\bwithout\b",
                          re.I)),
    # a position that "will not change" is a line held (one that "has not changed" is restated: below)
    ("Principle", re.compile(r"\b(?:position|stance|line|demands|conditions)\b[^.;]{0,60}?\b(?:will|would)\s+"
                             r"(?:not|never)\s+change\b", re.I)),
    # what "will not change" a party's course is a stance held against it: "said the threats would not change its
    # decision" (whatever the subject: the threat, not the party)
    ("Position", re.compile(r"\b(?:will|would|could|can)\s*(?:not|n['’]t|never)\s+(?:change|alter|affect|shake|"
                            r"weaken|deter|derail|sway|influence)\s+(?:[\w’'-]+\s+){0,3}?(?:course|plans?|position|"
                            r"resolve|polic(?:y|ies)|decisions?|determination|support|stance|commitment|approach)\b",
                            re.I)),
    # a categorical "never" about conceding is a line the party holds, whatever verb reports it
    ("Principle", re.compile(r"\b(?:will|would|can|could|must|shall)\s+never\s+(?:accept|recogni[sz]e|cede|give up|"
                             r"give back|return|hand over|surrender|agree to|allow|tolerate|withdraw|abandon|"
                             r"impose|join|negotiate|sign|trade)\b|\bnon-negotiable\b|\bred lines?\b|"
                             r"\b(?:will|would|shall|can)\s+(?:accept|recogni[sz]e|sign|tolerate)\s+no\b|"
                             r"\b(?:nobody|no one|no-one|no country|no power)\s+(?:will|can|shall|is going to)\s+"
                             r"(?:ever\s+)?(?:dictate|decide|tell|force|impose|redraw|choose)\b|"
                             r"\bunder no circumstances\b|\b(?:every|each|any)\s+(?:state|country|nation)\s+has\s+"
                             r"(?:the|a)\s+(?:sovereign\s+)?right\s+to\b", re.I)),
    # insisting on how things are is claiming ("insists it is neutral", "insisted that it had never …"); on what
    # must be done, demanding ("insists that Kyiv withdraw", "insisted the talks be linked")
    ("Demand", re.compile(DETERMINED + r"(?<!by )(?<!['’]s )\b(insist(s|ed)?(?!\s+(?:that\s+)?(?:[\w’'-]+\s+){1,5}?"
                          r"(?:(?:was|were|had\s+been)\s+(?!to\b)\w+ed\b|(?:is|are|was|were)\s+(?!to\b|be\b|"
                          r"(?:met|given|kept|upheld|withdrawn|taken|made|paid|done)\b)(?!\w+ed\b)\w|"
                          r"(?:has|have|had)\s+(?:never|not|always|already)\b))|demand(ed|s(?!\s+(?:remain\w*|are|were|"
                          r"have|had|include\w*|stay\w*)\b))?|must|call(s|ed)? (on|for)(?!\s+\w+day\b)|"
                          r"urge(s|d)?|(?:would|will) have to|"
                          r"said\s+(?:that\s+)?(?:[\w’'-]+\s+){1,4}?had\s+to(?=\s+(?!be\b)[a-z]))\b(?!" + MADE_BY + ")",
                          re.I)),
    # terms set out are terms demanded: "Moscow lays out its conditions for a truce"
    ("Demand", re.compile(r"\b(?:set|sets|setting|lays?|laid|laying|spell(?:s|ed)?|spelt|list(?:s|ed)?|"
                          r"present(?:s|ed)?)\s+(?:out\s+)?(?:(?:its|their|his|her|the|new|own|two|three|four|five|six|several|\d+)\s+){0,2}"
                          r"(?:terms|conditions|demands|preconditions)\b|\b(?:made|makes|make|making)\s+[^.;]{1,60}?\s+an?\s+"
                          r"(?:pre)?condition\s+(?:of|for)\b", re.I)),
    # a conditional threat demands its condition: "Russia will leave the talks unless Kyiv drops …"
    # and so does a conditional offer to act: "Russia will take part only if the sanctions are lifted", "will only
    # negotiate on the basis of …" (support on a condition, "would back a mission only if …", is a position)
    ("Demand", re.compile(r"\b(?:will|would|could)\b[^.;]*\bunless\b|\b(?:will|would)\s+not\b[^.;]*\buntil\b|"
                          r"\b(?:will|would)\s+(?:veto|block|reject)\s+(?:any|every)\b[^.;]*\b(?:that|which)\s+(?:did|does|do)\s+not\b|"
                          r"\b(?:will|would)\s+(?:only\s+\w+|\w+\s+only)\s+on the (?:basis|grounds) of\b|"
                          r"\b(?:will|would|could|can)\s+only\s+(?:[a-z]+\s+){1,3}?(?:if|once|after)\b|"
                          r"\b(?:will|would)\s+[^.;]{1,60}?\bonly\s+as\s+(?:a\s+|the\s+)?(?:first\s+)?(?:bridge|step|"
                          r"stepping[- ]stone|part)\b|"
                          r"\b(?:will|would|could|can)\s+(?!(?:\w+ly\s+)?(?:back|support|accept|welcome|endorse)\b)"
                          r"[^.;]*\b(?:only (?:if|on condition)|on (?:the )?condition that|provided that|"
                          r"providing that)\b", re.I)),
    # what more depends on: "further exchanges would depend on Kyiv returning the bodies", "a deal was possible
    # only if …"
    ("Demand", re.compile(r"\b(?:will|would|could|to)\s+depend\s+on\b|\b(?:conditional|contingent)\s+(?:up)?on\b|"
                          r"\b(?:possible|acceptable|feasible|conceivable)\s+only\s+(?:if|when|once|after)\b|"
                          r"\b(?:aid|support|help|funding|sanctions relief)\s+(?:depends|depended)\s+on\b",
                          re.I)),
    # one change bringing another: "the sooner Kyiv accepts, the sooner the war ends"
    ("Prediction", _ONE_BRINGS_ANOTHER),
    # what a party sees no sign of is its reading: "said it saw no change in Russia's posture"
    ("Assessment", re.compile(r"\b(?:see|sees|saw|seeing)\s+no\s+(?:[\w-]+\s+)?(?:change|sign|signs|need|reason|"
                              r"evidence|indication|threat)\b", re.I)),
    # what a party says something would count as: "any troops would be treated as legitimate targets"
    ("Assessment", re.compile(r"\b(?:would|will)\s+be\s+(?:treated|regarded|considered|seen|viewed)\s+as\b|"
                              r"\b(?:would|will)\s+(?:be|become)\s+(?:a\s+)?legitimate\s+targets?\b|\b(?:would|will)\s+"
                              r"(?:treat|regard|consider|view|see)\s+[^.;]{1,60}?\s+as\s+(?:a\s+)?(?:legitimate\s+"
                              r"targets?|hostile|(?:enemy\s+)?combatants?|an?\s+act\s+of\s+(?:war|aggression))\b",
                              re.I)),
    # a warning of what will happen, when the sentence demands nothing
    ("Prediction", re.compile(r"\b(?:warn|caution)(s|ed)?\b[^.;:]*?\b(would|will|could|may|might)\b", re.I)),
    # a basis for talks, whatever verb grants it: "called the paper a reasonable basis for negotiations"
    ("Position", re.compile(AS_BASIS, re.I)),
    # a party's verdict on something: "called the talks a step forward", "described the plan as a trap"
    ("Assessment", re.compile(r"(?<!-)" + NOT_QUOTING + r"\b(?:called|calls|described|describes|describe|branded|"
                              r"brands|(?<=, )calling|"
                              r"(?<=, )describing|(?<=, )branding)\s+(?:" + CHARACTERIZED +
                              r"|" + AS_WHAT + ")", re.I)),
    # a verdict on how something went: "said the talks had been difficult but useful"
    ("Assessment", VERDICT),
    # what evidence is said to amount to in law: "said the evidence pointed to crimes against humanity"
    ("Assessment", re.compile(r"\b(?:points?|pointed|amounts?|amounted)\s+to\s+(?:war\s+crimes?|crimes?\s+against\s+"
                              r"humanity|genocide|ethnic\s+cleansing)\b", re.I)),
    # what a speaker says something only did: "said Western arms deliveries only prolonged the conflict"
    ("Assessment", re.compile(r"\b(?:said|says|argued|argues)\b[^.;]*(?<!would )(?<!will )\bonly\s+(?:prolong|worsen|"
                              r"escalat|delay|emboldene?|harden|deepen)\w*", re.I)),
    # a verdict or a reading of intent a speaker gives: "said the mandate gave away too much", "said Beijing was
    # trying to position itself as a mediator"
    ("Assessment", re.compile(r"\b(?:said|says|told\s+\w+|argued|argues|noted|notes|stressed|stresses|added|adds)\b"
                              r"[^.;]*?\b(?:too (?:much|little|far|soon|late|early|weak|slow)|(?:is|was|are|were) "
                              r"(?:trying|seeking|hoping|meant|designed|intended|aimed) to|(?:is|was|are|were)\s+"
                              r"aimed\s+(?:as\s+much\s+)?at|(?:had|has|have)\s+"
                              r"(?:\w+ly\s+)?failed|backfired|(?:has|had|have|stands?|stood)\s+(?:little|no|(?:a\s+)?slim)\s+"
                              r"chance|rewards?\s+(?:the\s+)?aggress(?:or|ion))\b",
                              re.I)),
    # what a speaker says a thing would bring about: "officials say that condition would leave their army …"
    # or an act would: "told parliament that reopening the crossings now would only invite provocations"
    ("Prediction", re.compile(r"\b(?:say|says|said|warn|warns|warned|argue|argues|argued|told\s+[\w-]+)\s+"
                              r"(?:that\s+)?(?:(?:the|that|this|such|any|a|an)\s+(?!(?:[\w-]+\s+)?(?:alliance|bloc|"
                              r"union|government|country|ministry|administration|council|commission|organi[sz]ation|"
                              r"kremlin|side)\b)|(?-i:[a-z]+ing)\s+(?=(?:[\w-]+\s+){1,5}?[\"“]?(?:would|will|could)\s))"
                              r"(?:(?!that\b)[\w-]+\s+){0,10}?[\"“]?(?:would|will|could)\s+[\"“]?(?!not\b|be\b|need\b|require\b)"
                              r"(?:only\s+)?[a-z]+",
                              re.I)),
    # a belief about what is to come: "experts doubt that the truce will last", "Latvia fears Moscow might …", "said
    # it hoped the exchange would build trust"
    ("Prediction", re.compile(r"\b(?:(?:doubt|fear|expect|believe|think)(?:s|ed)?|hop(?:e|es|ed)|estimat(?:e|es|ed)|"
                              r"(?:concerned|worried)(?=\s+that))\b(?:(?!\bbut\b)[^.;:])*?"
                              r"\b(would|will|could|may|might)\b", re.I)),
    # a conditional or a hypothetical's outcome: "If Ukraine agrees …, it could win time", "a freeze would leave …"
    ("Prediction", re.compile(r"^(?:but\s+|and\s+|yet\s+)?(?:if|unless|should|once)\b[^,]{3,120},\s*[^.;]*?"
                              r"\b(?:could|would|might|may|will)\b|"
                              r"^(?:but\s+|and\s+|yet\s+)?(?:a|an|any|such|this|that)\s+(?:[\w-]+\s+){0,3}?"
                              r"(?:(?:on|in|over|near|at|of|against)\s+(?:a|an|the|this|that|such)\s+[\w-]+\s+)?"
                              r"(?:would|could|might)\s+(?:also\s+|still\s+|only\s+|not\s+)?"
                              r"(?!need\b|require\b|have to\b|depend\b)[a-z]+", re.I)),
    # what is to happen at a time to come: "will present a plan next month", "talks would resume next week"
    ("Prediction", re.compile(r"\b(?:will|would|could|may|might|(?:is|are) (?:set|due) to)\s+(?!not\b|never\b)"
                              r"[^.;:]*?\b(?:next|tomorrow|later this|in the coming|within (?:days|weeks|months)|soon|"
                              r"(?:before|by) the end of|(?:in|into|until|by) (?:the )?(?:january|february|march|"
                              r"april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter))\b",
                              re.I)),
    # a belief about how things are, or an argument for one: "London believes Russia has no intention …"
    ("Assessment", re.compile(r"(?<!\bto )\b(?:believ|think|consider|doubt|fear|argu)(?:e|es|s|ed|ing)?\b"
                              r"(?!\s+tanks?\b)(?!\s+\w+ing\b)(?!\s+" + _WEIGHED + r")|"
                              r"\b(?:is|are) convinced\b", re.I)),
    # what a party says ought to happen is its position on it: "said elections should follow a ceasefire"
    ("Position", re.compile(r"\b(?:said|says|told|tells|posted|posts|wrote|writes|added|adds|stated|tweeted|"
                            r"noted|notes|stressed|stresses|replied|answered|responded)\b[^.;]*?"
                            r"\b(?:should|ought to)\b", re.I)),
    ("Position", re.compile(r"\b(?:should|ought to)\b[^.;]*,\s*[”\"’]?\s*(?:[\w’'-]+\s+){0,4}?(?:said|says|writes|"
                            r"wrote|added|adds|argued|argues|told)\b", re.I)),
    # what something would bring about: "said such proposals would prolong the war", "would reward aggression"
    ("Prediction", re.compile(r"(?<!\bit )(?<!\bthey )(?<!\bwe )(?<!\band )"  # not what the speaker itself will do
                              r"\b(?:would|will)\s+(?:only\s+)?(?:prolong|worsen|escalate|lead to|cost|fail|collapse|"
                              r"undermine|weaken|strengthen|reward|embolden|destabili[sz]e|provoke|backfire|deepen)\b",
                              re.I)),
    # pressing for something, or a call made again: "is pushing for a tribunal", "reiterated its call for …"
    ("Demand", re.compile(DETERMINED + r"(?<!['’]s )\b(?:push|press|lobby|lobbie|campaign|ask|appeal)(?:es|s|ed|ing)?"
                          r"\s+(?:(?:on|last|this)\s+\w+\s+|again\s+)?for\b|\bask(?:s|ed)?\s+(?:(?-i:[A-Z])[\w’'-]*|its|their|his|her|our|the)\s+"
                          r"(?:[\w-]+\s+){0,2}?(?:(?:on|last|this|earlier\s+this)\s+\w+\s+)?for\b|"
                          r"\brequest(?:s|ed)?\s+(?:that|the|a|an)\b|\bask(?:s|ed)?\s+that\b|\bappeal(?:s|ed)?\s+to\s+[\w\s’'-]{1,40}?\s+to\b|\bappealed\s+to\s+[\w\s’'-]{1,40}?\s+for\b|"
                          r"\b(?:reiterat|renew|repeat|restat)\w*\s+(?:its|their|his|her|(?-i:[A-Z])[\w-]*['’]s)\s+"
                          r"(?:call|demand|appeal)s?\b",
                          re.I)),
    # needing more details or time before answering is a stance on the question, not a demand
    ("Position", re.compile(r"\bneed(?:s|ed)?\s+(?:more\s+)?(?:details|time|information|clarity|clarification)\b",
                            re.I)),
    # what a party needs or wants is what it asks for: "Ukraine needs guarantees before …", "wants a deal" — a
    # party's: its name, a pronoun or "Ukraine's government" the subject, not "the returned soldiers needed care";
    # and what something would need: "any ceasefire would need European troops"
    ("Demand", re.compile(r"(?<!\bwhom\s)(?<!\bwhich\s)"
                          r"(?:\b(?:it|we|they|he|she)|\b(?:the|its|his|her|their|our|(?-i:[A-Z])[\w-]*['’]s)\s+"
                          r"(?:country|government|state|nation|army|military|forces)|\b(?-i:[A-Z])[\w’'-]*"
                          r"(?:\s+(?:states|countries|governments|allies|capitals))?)"
                          r"(?:,\s+[^,.;]{1,60},)?\s+"
                          r"(?:(?:still|also|urgently|now|badly)\s+)?(?:needs|need|needed|requires|require|required|"
                          r"wants|want|wanted)\s+(?!(?:to|is|are|was|were|of|and|or|no|nobody|no-one)\b)\w|"
                          r"(?<!\bthat\s)(?<!\bwhich\s)\b(?:would|will|must)\s+(?:need|require)\s+[\"“]?(?!to\b)\w|"
                          r"\b(?:and|but)\s+(?:also\s+|still\s+)?(?:wants|wanted)\s+(?!(?:to|is|are|was|were)\b)\w|"
                          r"\b(?:said|says|told\s+\w+|stressed|added)\b[^.;]*?\b(?:is|are|was|were)\s+(?:urgently\s+|badly\s+|"
                          r"still\s+)?needed\b(?!\s+to\b)", re.I)),
    # what the speaker says it will do: "Poland said it would close two crossings", "has signalled that it will …"
    # and what a party decided to do: "the government decided on Wednesday to keep the crossings closed"
    ("Position", re.compile(r"\b(?:decided|decides|resolved)\s+(?:on\s+\w+day\s+|this\s+week\s+)?to\s+(?!not\b)[a-z]|"
                            r"\b(?:said|says|announced|announces|confirmed|confirms|signall?ed|signals|indicated|"
                            r"told\s+[\w-]+)(?:\s+on\s+\w+day)?\s+"
                            r"(?:that\s+)?(?:it|they|(?:the|his|her|its|their)\s+(?:government|country))\s+(?:[^.;]{0,80}?\s+(?:and|but)\s+)?(?:would|will|"
                            r"(?:was|were) going to|"
                            r"plans? to|planned to|intends? to|intended to)\s+(?!(?:not|never)\s+(?:comment|speculate|"
                            r"confirm|say|disclose|elaborate|reveal|be\s+drawn|" + _TALKS_REFUSED + r")\b)[a-z]",
                            re.I)),
    # a resolution adopted that demands: "adopted a resolution demanding the return of …"
    ("Demand", re.compile(r"\badopted\s+(?:a|the|an)\s+(?:[\w-]+\s+)?(?:resolution|declaration|statement|appeal|"
                          r"address)\b"
                          r"[^.;]{0,40}?\b(?:demanding|calling (?:for|on)|urging)\b", re.I)),
    # what the speaker in the first person commits to doing: "We will continue to increase the costs …"
    ("Position", re.compile(r"(?:^[\"“‘']?|:\s*[\"“‘']?|,\s+and\s+|;\s+)(?:we|I)\s+(?:will|shall)\s+(?:\w+ly\s+)?"
                            r"(?!see\b|know\b|find\b|learn\b|have to\b|be\b|need\b|not\b|never\b)[a-z]+", re.I)),
    # what the speaker in the first person says it cannot do is a line it holds: "We cannot outsource our security"
    ("Position", re.compile(r"(?:^[\"“‘']?|:\s*[\"“‘']?|,\s+and\s+|;\s+)(?:we|I)\s+(?:simply\s+|just\s+)?"
                            r"(?:cannot|can['’]t|can not)\s+(?!see\b|know\b|say\b|confirm\b|verify\b|rule\b|"
                            r"predict\b|tell\b|comment\b|exclude\b|be\b|wait\b|afford\b)[a-z]+", re.I)),
    # a vow of retaliation is a warning: "Putin vowed “a harsh response”", "promised to retaliate"
    ("Position", re.compile(r"\b(?:vow(?:s|ed)?|promis(?:e|es|ed)|threaten(?:s|ed)?)\s+(?:(?:a|an)\s+)?[\"“]?"
                            r"(?:(?:[\w-]+\s+){0,2}?(?:response|retaliation|revenge|reprisals?)\b|"
                            r"to\s+(?:retaliate|respond|avenge|hit back))", re.I)),
    # a warning of what those who act will suffer: "Those who arm Russia will pay a price", "will face consequences"
    ("Position", re.compile(r"\b(?:will|would|shall)\s+(?:pay\s+(?:a|the)\s+(?:[\w-]+\s+)?price|face\s+(?:[\w-]+\s+)?"
                            r"consequences)\b", re.I)),
    # a proposal under study: "said it was studying the proposal"
    # and measures weighed: "Estonia is considering similar measures", "are weighing new sanctions"
    ("Position", re.compile(r"\b(?:proposal|plan|offer|request|idea)s?\s+(?:is|was|were|are)\s+(?:still\s+)?"
                            r"(?:under\s+(?:review|consideration|study)|being\s+(?:studied|considered|reviewed))\b|"
                            r"\b(?:is|was|were|are)\s+[\"“]?(?:studying|considering|examining|reviewing)\s+(?:the|this|"
                            r"that|its|their)\s+(?:proposal|plan|offer|text|draft|idea)s?\b|"
                            r"\b(?:is|was|were|are)\s+(?:(?:also|now|still|reportedly)\s+)?(?:considering|weighing|"
                            r"mulling|exploring)\s+" + _WEIGHED, re.I)),
    # a position that "has not changed" is restated, when no demand is made with it
    ("Position", re.compile(r"\b(?:position|stance|line|terms|conditions|goals|aims)\b[^.;]{0,60}?"
                            r"\b(?:remain(?:s|ed)?\s+unchanged|(?:has|have|had)\s+not\s+changed)\b", re.I)),
    # what a party says it will not do, after what else it says: "says the aid prolongs the war and that it will not
    # pay for weapons"
    ("Position", re.compile(r"\b(?:and|but)\s+that\s+(?:it|they)\s+(?:would|will)\s+(?:not\s+|never\s+)?(?!(?:not\s+)?"
                            r"(?:comment|speculate)\b)[a-z]", re.I)),
    # a party's stated aim is its stance: "says its only aim is to help the two sides reach …"
    ("Position", re.compile(r"\b(?:its|their|our|his|her)\s+(?:only\s+|sole\s+|main\s+|chief\s+|one\s+)?(?:aim|goal|"
                            r"objective|purpose|intention)\s+(?:is|was|remains|remained)\s+to\b", re.I)),
    # options kept open are a stance, a veiled warning: "said all options remained on the table"
    ("Position", re.compile(r"\b(?:all\s+|every\s+|other\s+|further\s+)?options?\s+(?:remain(?:s|ed)?|is|are|was|"
                            r"were|stay(?:s|ed)?)\s+(?:still\s+)?on\s+the\s+table\b|\bnothing\s+(?:is|was|has\s+been)\s+"
                            r"(?:off\s+the\s+table|ruled\s+out)\b|\bkeep(?:s|ing)?\s+all\s+options\s+open\b", re.I)),
    # a stance of support or a view of something, weaker cues than a demand's: only when none of the above
    ("Position", re.compile(f"{SUPPORTING}|{AS_BASIS}|{VIEWING}", re.I)),
]
def cue_start(sentence: str) -> int:
    """Where the words that cue the sentence's kind begin (its length when none does): a party named after them is
    what the stance is about, not who takes it ("Any agreement must guarantee Ukraine's …")."""
    found = (cue.search(sentence) for _, cue in _KINDS)
    return next((match.start() for match in found if match), len(sentence))


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

    sentence = the_act(sentence)  # without what was asked, why, what others said or did
    return cued(_ANOTHER_CLAUSE.split(sentence, maxsplit=1)[0]) or cued(sentence)


_ANOTHER_CLAUSE = re.compile(r",\s+while\s+(?=stressing|insisting|adding|noting|warning|saying)|;\s+(?=[A-Z])|"
                             r",\s+(?=(?:calling|describing|branding)\s+(?:them|it|the\s+\w+)\s)|"
                             r",?\s+but\s+(?=warned|cautioned|feared|fears)\b|\s+and\s+(?=said\s+(?:it|they)\s+(?:expected|hoped)\b)|"
                             r"\s+(?:as|while|whereas)\s+(?=(?:the\s+)?[A-Z]|(?:the\s+)?[a-z]+\s+(?:calls|demands|says|"
                             r"warns|urges|rejects|insists|signals|seeks|threatens|accuses|proposes|offers|refuses|"
                             r"vows|pushes|presses|backs)\b)")
"""Where a clause with a subject of its own follows the first ("…, as Kyiv demands …", "while the EU …"), the verdict
a rejection gives ("rejected the accusations, calling them smears"), or a hope after a welcome: the first decides."""


_AHEAD = re.compile(r"\b(will|would|could|may|might|shall|going to|(?:is|are) (?:set|due) to|likely|unlikely|"
                    r"expect(s|ed)?|predict(s|ed)?|forecasts?|warn(s|ed)?|soon|next|future|risks?|threat(s|en|ens|ened)?|"
                    r"ahead|eventually|poised|hop(?:e|es|ed|ing) to)\b", re.I)


SCENARIO = re.compile(r"(?:in|under)\s+(?:the|a|one)\s+(?:first|second|third|fourth|fifth|last|final|other|"
                      r"worst|best|likeliest|most likely|least likely|darker|brighter)\b(?:[\s-]+case|\s+scenario|"
                      r"\s+option|\s+variant|\s+outcome)?,", re.I)
"""A sentence opening one of the author's scenarios ("In the second, Russia uses a pause …", "In the worst case,
…"): what it tells is the author's picture of what may come, whoever it names."""


def looks_ahead(text: str) -> bool:
    """Whether ``text`` speaks of what is yet to come (a prediction's words: "will", "likely", "expected" …).

    >>> looks_ahead("The outcome will redefine the norms."), looks_ahead("Russia faces strains.")
    (True, False)
    """
    return bool(_AHEAD.search(text) or _ONE_BRINGS_ANOTHER.search(text) or SCENARIO.search(text))
