"""Which way a statement leans: the words of rejecting and of supporting (a position's stance, ``dg:Stances``),
read from cue words. :mod:`diplograph.kinds` reads what kind of statement the words make with the same cues; the
drafter proposes a position's stance, and the audit checks a recorded stance against its quote, with these.

Pure functions of the text.
"""

from __future__ import annotations

import re

__all__ = ["AS_BASIS", "REJECTING", "SUPPORTING", "VIEWING", "stance_of", "stances_in"]

REJECTING = (r"\b(reject(s|ed)?|refus(e|es|ed)|unacceptable|not (?:be )?acceptable|oppos(e|es|ed)|dismiss(es|ed)?|"
             r"(?:do|does|did)\s*(?:not|n['’]t)\s+(?:support|back|endorse|favou?r)|"
             r"rul(e|es|ed) out|"
             r"regret(s|ted)?|deplor(e|es|ed)|"
             r"criticis(e|es|ed)|criticiz(e|es|ed)|(?<!not )condemn(s|ed)?)\b|"
             r"\bden(?:y|ies|ied)\s+(?:the|these|those|this|its|their|such)\s+(?:[\w-]+\s+)?(?:allegations?|"
             r"accusations?|claims?|charges?|reports?)\b|"
             r"\bwarn(?:s|ed)?\s+(?:(?:both\s+sides|all\s+sides|the\s+parties|(?-i:[A-Z])[\w’'-]+)\s+)?against\b|"
             r"\bresist(?:s|ed)?\s+(?:(?:the|that|this|such|any|a|an|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:step|idea|"
             r"proposal|plan|calls?|pressure|demands?|move|efforts?|attempts?|bans?|embargo|sanctions|measures|"
             r"package|cap)\b|"
             r"\b(?:turn(?:s|ed)?\s+down|rebuff(?:s|ed)?|spurn(?:s|ed)?|declin(?:e|es|ed)\s+to\s+(?:accept|sign|join|endorse|back|support|attend|recogni[sz]e|take\s+part|participate)|balk(?:s|ed)?\s+at|"
             r"brush(?:es|ed)?\s+aside|shrug(?:s|ged)?\s+off|scoff(?:s|ed)?\s+at|denounc(?:e|es|ed)|"
             r"object(?:s|ed)?\s+to|(?:is|are|was|were)\s+(?:firmly\s+|strongly\s+)?against)\b|"
             r"\b(?:will|would|shall|can|could)\s*(?:not|n['’]t)\s+(?:discuss|negotiate over|accept|agree to|support|"
             r"renew|extend|prolong|freeze|help|fund|finance|resume|restore|reopen|"
             r"back|endorse|trade|cede|send|deploy|join|attend|take part in|cut|halt|suspend|stop|reduce|"
             r"give up|surrender|recogni[sz]e|allow|tolerate|sign|withdraw|leave|pull out|return)\b|"
             r"\b(?:will|would|shall|can|could)\s*(?:not|n['’]t)\s+be\s+(?:recogni[sz]ed|accepted|tolerated|"
             r"intimidated|cowed|blackmailed|bullied|coerced|deterred|discussed|negotiated)\b|"
             r"\bnot\s+on\s+the\s+agenda\b|\boff\s+the\s+agenda\b|\bnothing\s+to\s+(?:negotiate|discuss|talk\s+about)\b|"
             r"\b(?:mock(?:s|ed)?|ridicul(?:e|es|ed)|derid(?:e|es|ed))\b|"
             r"\b(?:does|did|do)\s*(?:not|n['’]t)\s+recogni[sz]e\b|"
             r"\bwon['’]t\s+(?:accept|agree to|trade|cede|give up|surrender|recogni[sz]e|allow|tolerate|sign|"
             r"withdraw|leave|pull out|return)\b|"
             r"\b(?:can|could|will|would) be no (?:talk|question|discussion) of\b|\bnon-?starter\b|"
             r"\bout of the question\b|\bdead on arrival\b|\bnot on the table\b|\boff the table\b|"
             r"\bboycott(?:s|ed|ing)?\b|"
             r"\bno\s+(?:[\w-]+\s+){0,2}?(?:could|can|will|would|should)\s+(?:be\s+held|take\s+place|go\s+ahead)\b|"
             r"\bblock(?:s|ed)?\s+(?:(?:a|an|the|any|its|their|new|joint|further|EU|[\w’'-]+)\s+){0,3}?"
             r"(?:statement|resolution|deal|package|sanctions|decision|declaration|agreement|aid|accession|plan|"
             r"proposal|loan)\b(?![^.;]*\b(?:unless|without|until)\b)|"
             r"\b(?:has|had|have)\s+no\s+plans?\s+to\b|\b(?:is|was|are|were)\s+not\s+seeking\b|"
             r"\b(?:does|did|do)\s+not\s+seek\b|^[^:]{2,40}:\s*no\s+[a-z]+\s+(?:for|to|in|on)\b|"
             r"\btoo (?:early|soon) to (?:discuss|talk|speak of|consider|negotiate|give|name|put|set|commit)\b|"
             r"\bnot (?:yet )?(?:ready|willing|prepared) to\b|\b(?:sees?|saw|seeing) no (?:reason|need|point) to\b|"
             r"\bthere\s+(?:is|was|was\s+now|would be)\s+[\"“]?no\s+(?:need|reason|place|room)[\"”]?\s+for\b|"
             r"\bthreaten(?:s|ed)? to (?:veto|block|boycott|leave|walk out of|quit|impose|sanction|penali[sz]e|punish|"
             r"retaliate|expel|cut off)\b|"
             r"\bst(?:ops|opped|op)\s+short\s+of\b|"
             r"\b(?:will|would)\s+veto\b(?![^.;]*\b(?:that|which)\s+(?:did|does|do)\s+not\b)|"
             r"\bcannot be\s+\w+\s+(?:while|until|during|under)\b")
"""Words of rejection, a refusal to concede ("we will not trade land", "won't sign") or to consider ("there can be
no talk of …"): a stance taken."""
AS_BASIS = r"\b(?:as\s+)?(?:a|the)\s+(?:[\w-]+\s+)?basis for\b"
SUPPORTING = (r"\b(welcom(es|ed)|endors(es|ed)|back(s|ed)|support(s|ed))\b|"
              r"\b(?:hail(?:s|ed)?|prais(?:e|es|ed)|applaud(?:s|ed)?|embrac(?:e|es|ed)|favou?r(?:s|ed)|approv(?:e|es|ed)|"
              r"congratulat(?:e|es|ed)|promis(?:e|es|ed)\s+(?=to\s+(?!be\b)|an?\s|new\s)|"
              r"(?:is|are|was|were)\s+in\s+favou?r\s+of|sid(?:e|es|ed)\s+with)\b|"
              r"\b(?:stand|stands|stood|standing|express(?:es|ed)?)\s+(?:in\s+)?(?:full\s+|firm\s+)?solidarity\s+with\b|"
              r"\b(?:his|her|its|their|our|my)\s+(?:first|main|top|chief|overriding)\s+(?:task|priority|aim|goal|job)\s+"
              r"(?:would|will|is|was)\s+(?:be\s+)?to\b|"
              r"\b(?:reiterat|reaffirm|restat|express|pledg)\w*\s+(?:its|their|his|her|our|my|(?-i:[A-Z])[\w’'-]+['’]s)\s+"
              r"(?:\w+\s+)?support\b|\b(?:voic|express)(?:es|ed)\s+(?:(?:strong|full|firm|cautious)\s+)?support\s+for\b|"
              r"\b(?:will|would|could|to)\s+(?:back|support|welcome|endorse|agree to|accept)\b|"
              r"\b(?:keep|keeps|kept|continue|continues|continued)\s+(?:to\s+)?(?:support|back|supply|supplie|"
              r"provid|fund|arm|help|work)(?:ing|e|s)?\b|\bpledg\w*\s+(?:[\w-]+\s+){0,2}support\b|"
              r"\b(?:remains?|is|are|stays?)\s+(?:fully\s+|firmly\s+)?committed\s+to\b|"
              r"\b(?:we|I|they)\s+(?:\w+ly\s+|also\s+|still\s+)?(?:support|back|welcome|endorse)\b|"
              r"(?<!not )\b(?:ready|willing|prepared|open) to\b|"
              r"(?<!not )\b(?:ready|prepared|open) for (?:an? |the )?(?:ceasefire|truce|talks|negotiations|dialogue|"
              r"deal|exchange|compromise)\b|(?<!\bno )\b(?:openness|readiness|willingness) (?:to|for)\b|"
              r"\b(?:work|works|worked|working)\s+(?:toward|towards|for\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
              r"(?:peace|ceasefire|truce|settlement|solution|deal|end|release|return|compromise|dialogue))\b|"
              r"\b(?:is|are|was|were)\s+(?:encouraged|heartened|pleased|satisfied)\s+(?:by|with)\b|"
              r"\balign(?:s|ed)?\s+(?:themselves|itself)\s+with\b|"
              r"\b(?:support|commitment|solidarity)\b[^.;]{0,40}?\bwill\s+not\s+(?:waver|weaken|falter|fade|"
              r"diminish)\b|"
              r"\bno\s+objections?(?:\s+in\s+principle)?[\"”’]?\s+(?:to|against)\b|"
              r"\b(?:lawmakers|legislators|leaders|ministers|allies|members|governments|officials|MPs|deputies|"
              r"senators|states|nations|countries|capitals|parties|partners|parliaments|voters)\s+"
              r"(?:(?:also|now|still|\w+ly)\s+)?(?:back|support|endorse|welcome)\b"
              r"(?!\s+(?:down|off|away|home|against|from|to)\b)")
VIEWING = r"\b(views?|viewed|regards?|regarded|sees|saw)\b[^.;:]{1,80}?\bas\b"

_OUGHT_NOT = r"\b(?:should|ought)\s*(?:not|n['’]t|never)\b"
_OUGHT = r"\b(?:should|ought to)\s+(?!not\b|never\b)(?:\w+ly\s+)?[a-z]+"
"""What ought (not) to happen, as a party says it: a stance for it (against it)."""
_STANCES = [("Rejects", re.compile(f"{REJECTING}|{_OUGHT_NOT}", re.I)),
            ("AcceptsAsBasis", re.compile(AS_BASIS, re.I)),
            ("Supports", re.compile(f"{SUPPORTING}|{_OUGHT}", re.I))]


def stances_in(text: str) -> set[str]:
    """Every stance (``dg:Stances``) the words of ``text`` take, not only the first: what a recorded stance is
    checked against.

    >>> sorted(stances_in("Kyiv rejects the plan but welcomes the talks."))
    ['Rejects', 'Supports']
    """
    return {name for name, cue in _STANCES if cue.search(text)}


def stance_of(sentence: str) -> str:
    """The stance (``dg:Stances``) a position's words take; "Undetermined" when they only say how the holder sees
    something ("Kyiv views the line as temporary"): the reviewer says more, nothing is assumed.

    >>> stance_of("Kyiv rejects the plan."), stance_of("Moscow sees the plan as a basis for talks.")
    ('Rejects', 'AcceptsAsBasis')
    """
    return next((name for name, cue in _STANCES if cue.search(sentence)), "Undetermined")
