"""A sentence's own act, before the cues of its kind are read (:func:`diplograph.kinds.kind_of`): without the
clauses whose verbs are not its act — what a speaker was asked, why a record happened, what a party it names has
done, what others suggested — with the records it tells put as acts (a veto cast, a package approved, a failure to
act), and with the verbs' words that are nouns there ("stall over Russian demands") made nouns.

Pure functions of the text.
"""

from __future__ import annotations

import re

from .unsaid import HEARD

__all__ = ["the_act", "without_others_acts"]


def the_act(sentence: str) -> str:
    """``sentence`` as its own act: the words that cue another's act, or none, taken out or made plain.

    >>> the_act("Hungary on Saturday vetoed the loan.")
    'Hungary on Saturday stopped the loan.'
    >>> the_act("Kyiv dismissed suggestions that Finland could mediate.")
    'Kyiv dismissed suggestions .'
    """
    sentence = _HEARD.sub(r"\g<before>terms", _AS_NOUN.sub(r"\g<before>terms", _ANONYMITY.sub(" ", sentence)))
    sentence = _ASKED_WHETHER.sub(r"\g<asked>", sentence)  # "pressed him on whether Washington would back …"
    sentence = _ASKED_ABOUT.sub("", sentence)  # "Asked about reports that …, Wang said …": what he was asked
    sentence = _CIRCUMSTANCE.sub("", without_others_acts(sentence))  # "… after Slovakia asked …": why
    sentence = _FAILED.sub("failed to act", sentence)  # "Ministers failed to approve the loan": a record
    sentence = _UNASKED.sub(r"\g<who> has made no request of", sentence)  # "no one has asked us to host talks"
    sentence = _BLOCKED.sub("stopped", sentence)  # "Hungary on Saturday vetoed the loan": a record of an act
    sentence = _SANCTIONED.sub("imposed sanctions", sentence)  # "approved a 22nd package of sanctions": likewise
    sentence = _SUGGESTED.sub(r"\g<noun>", sentence)  # "dismissed suggestions that Finland could mediate"
    return _SHOWN_WISH.sub(r"\g<shown>had", sentence)  # "the vote showed that Slovaks wanted peace": a claim


def without_others_acts(text: str) -> str:
    """``text`` without the relative clauses that tell what a party it names does or has done about what it names.

    >>> without_others_acts("Kyiv asked for guarantees like those of NATO, which Moscow rejects.")
    'Kyiv asked for guarantees like those of NATO.'
    """
    return _WHICH_HAS.sub("", text)


_ASKED_WHETHER = re.compile(r"(?P<asked>\b(?:asked|asks|ask|pressed|presses|questioned|quizzed|wondered|declined to "
                            r"say|would not say|did not say|refused to say)\b[^.;]{0,40}?\bwhether)\b[^.;,]*", re.I)
"""A question put or left unanswered ("pressed him on whether Washington would back …", "declined to say whether
…"): the words after "whether", up to a comma (the answer may follow it), take no stance."""
_ASKED_ABOUT = re.compile(r"^(?:when\s+)?asked\s+(?:about|on|over|to comment on|for comment on)\b[^,;]*,\s*", re.I)
"""What a speaker was asked ("Asked about reports that …, Wang said …"): no request, and not what it says."""
_CIRCUMSTANCE = re.compile(r"(?<!\bonly)(?<!\bjust)\s+(?:after|because)\s+(?=(?:the\s+|both\s+)?(?-i:[A-Z])|both\s+"
                           r"sides\b|the\s+two\s+sides\b)[^;]*?(?=[.!?]?$)")
"""A closing clause that tells what a record followed from ("… failed to agree after Slovakia asked for more
time"): its verbs are the circumstance's, not the sentence's — not a condition ("only after Kyiv withdraws")."""
_WHICH_HAS = re.compile(r",\s+which\s+(?:(?:has|had|have)\s+(?!been\b)|(?-i:[A-Z])[\w’'-]+\s+(?:(?:has|had|have)\s+)?"
                        r"(?:\w+ly\s+)?(?-i:[a-z]+)(?:ed|es|s)\b)[^,;.]*", re.I)
"""What a party the sentence names has done (", which has pressed Kyiv to …"), or what a party does or did about the
thing it names (", which Kyiv proposed in May", ", which Moscow rejects"): not the sentence's act."""
_BLOCKED = re.compile(r"(?<!\bwould )(?<!\bwill )(?<!\bto )\b(?:(?:has|have|had)\s+)?(?:blocked|vetoed)\b(?!\s+by\b)",
                      re.I)
"""A block or a veto cast ("on Saturday vetoed the loan", "the third time it has blocked the package"): the act, a
record the page gives — not one threatened ("would block …"), nor a headline's present tense ("blocks")."""
_SANCTIONED = re.compile(r"\b(?:approved|adopted|agreed(?:\s+on)?)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:package|round)\s+of\s+(?:new\s+)?(?:sanctions|restrictive measures)\b", re.I)
"""A package of sanctions approved: the act of sanctioning, a record ("imposed sanctions on …"), not a stance."""
_SUGGESTED = re.compile(r"(?P<noun>\b(?:suggestions?|speculation|reports?|claims?|talk|the idea|hints?|rumou?rs?)\s+)"
                        r"that\b[^.;,]*", re.I)
"""What a party dismisses ("dismissed suggestions that Finland could mediate"): others' words, not its offer."""
_SHOWN_WISH = re.compile(r"(?P<shown>\b(?:showed|shows|proved|proves|demonstrated|demonstrates)\s+(?:that\s+)?"
                         r"[^.;]*?)\b(?:wanted|wants|needed|needs)\b", re.I)
"""What evidence is said to show people want ("the vote showed that Slovaks wanted peace"): a claim, no demand."""
_UNASKED = re.compile(r"\b(?P<who>no\s+one|nobody|none\s+of\s+(?:them|us|the\s+\w+)|neither\s+(?:side|of\s+them))\s+"
                      r"(?:has|have|had)\s+(?:yet\s+|so\s+far\s+|ever\s+)?(?:asked|urged|called\s+on|requested|"
                      r"invited|pressed)\b", re.I)
"""An asking no one has done ("But no one has asked us to host talks"): a record of what was not asked, no demand."""
_FAILED = re.compile(r"\bfail(?:s|ed)\s+(?:(?:again|on\s+\w+|last\s+\w+)\s+)?to\s+[a-z]+", re.I)
"""A failure to act ("failed on Monday to approve the loan"): what did not happen, not a stance on it."""
_ANONYMITY = re.compile(r"\b(?:asked|requested|spoke on condition|speaking on condition)\s+(?:not\s+to\s+be\s+"
                        r"(?:named|identified)|of anonymity|that\s+(?:her|his|their)\s+(?:sur|full\s+)?names?\s+"
                        r"(?:not\s+be\s+(?:used|published|given)|be\s+withheld))\b", re.I)
"""Words that only say a source is anonymous ("who asked not to be named", "asked that her surname not be used"):
asking, but no demand."""
_AS_NOUN = re.compile(r"(?P<before>\b(?:with|of|about|on|to|from|against|over|into|amid|despite|without|between|at|"
                      r"under|behind)\s+"
                      r"(?:(?-i:[A-Z])[\w’'-]*|new|fresh|latest|renewed)\s+)(?:demands|calls|insists|urges)\b", re.I)
"""A verb's word as a noun, after a preposition and a word that qualifies it ("stall over Russian demands")."""


_HEARD = re.compile(rf"(?P<before>{HEARD})(?:calls|demands)\b", re.I)
"""Calls or demands someone hears, faces or resists ("Security Council hears calls for a ceasefire"): nouns."""
