"""Why a verb of saying reports nothing: what stands before it makes it no one's words — denied ("has not
confirmed"), under a modal ("Kyiv should insist"), a noun after a preposition ("over Russian demands"), heard or
faced ("hears calls for"), asked about ("what the papers say"), in a relative clause (", which Kyiv proposed"), or
said by no one ("Neither side has confirmed"). Read by :func:`diplograph.reporting.voice` for drafter and audit alike.
"""

from __future__ import annotations

import re

__all__ = ["HEARD", "reports_nothing"]

HEARD = (r"\b(?:hears?|heard|hearing|faces?|faced|facing|receives?|received|ignores?|ignored|answers?|answered|"
         r"resists?|resisted)\s+(?:\w+\s+)?")
"""A verb of hearing, facing or resisting before "calls", "demands" ("Security Council hears calls for …"): what
follows is a noun, not the subject calling."""
_HEARD = re.compile(HEARD + "$", re.I)
_WHAT_IS_SAID = re.compile(r"\b(?:what|how|why)\s+(?:[\w’'-]+\s+){1,4}$", re.I)
"""A verb of saying in a clause that asks what is said ("what Europe's papers say about the talks"): no report."""
_MODAL = re.compile(r"\b(?:should|must|would|could|might|may|will|shall|can|cannot|ought to)\s+"
                    r"(?:(?:therefore|also|not|then|now|first|still|\w+ly)\s+)?$", re.I)
"""A verb of saying under a modal ("Kyiv should therefore insist on …"): what ought to be said, not a report."""
_QUALIFIED_NOUN = re.compile(r"\b(?:with|of|about|on|to|from|against|over|into|amid|despite|without|between|at|"
                             r"under|behind)\s+"
                             r"(?:(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?-i:[A-Z])[\w’'-]*|"
                             r"new|fresh|latest|renewed)\s+$", re.I)
"""A preposition and a word that qualifies what follows ("over Russian demands"): a noun, not a verb — but a weekday
is when ("… on Tuesday called for …"); "said" is never a noun ("ambassador to Ankara said", ``_NEVER_A_NOUN``)."""
_NEVER_A_NOUN = re.compile(r"said|says|told|tells", re.I)
_CONTACT_RELATIVE = re.compile(r"\s*(?:the|this|that|these|those|its|his|her|their|our|every|any)\s+"
                               r"(?:[\w’'-]+\s+){1,3}?(?:he|she|they|we|I)\s+(?:(?:\w+ly|has|have|had)\s+)?", re.I)
"""A subject that is a thing with a clause of its own ("The evidence she offers …", "The terms they set out …"):
its verb tells what the thing is, it reports no one's words."""
_IN_RELATIVE = re.compile(r",\s+(?:which|whom)\s+(?-i:[A-Z])[\w’'-]+\s+(?:(?:has|had|have|first)\s+)?$|\bwho\s+$|"
                          r",\s+which\s+$")
"""A verb in a relative clause about the thing the sentence names (", which Kyiv proposed in May,"): no report."""
_NEGATED = re.compile(r"\b(?:not|never)\s+(?:yet\s+)?(?:\w+ly\s+)?$|n['’]t\s+(?:yet\s+)?(?:\w+ly\s+)?$", re.I)
_NO_ONE = re.compile(r"\s*(?:neither|no one|nobody|none of)\b", re.I)
"""A verb of saying denied ("has not confirmed", "Neither Moscow nor Kyiv has confirmed"): no one's words."""
_NO_ONE_CLAUSE = re.compile(r"\b(?:(?:al)?though|but|while|that|which)\s+(?:neither|no one|nobody|none)\b[^,;]*$", re.I)
"""A clause saying no one said it ("…, although neither side has said so", "that neither … has offered"), and "a
Russian official accused of …" (accused, not accusing) report no one's words either."""


def reports_nothing(sentence: str, verb: re.Match) -> bool:
    """Whether the verb of saying ``verb`` found in ``sentence`` reports no one's words, by what stands before it."""
    at = verb.start()
    return bool(_NEGATED.search(sentence[:at]) or _NO_ONE.match(sentence) or _NO_ONE_CLAUSE.search(sentence, 0, at)
                or (verb.group().casefold() == "accused" and sentence.startswith(" of", verb.end()))
                or _QUALIFIED_NOUN.search(sentence, 0, at) and not _NEVER_A_NOUN.fullmatch(verb.group())
                or _MODAL.search(sentence, 0, at) or _HEARD.search(sentence, 0, at)
                or _WHAT_IS_SAID.search(sentence, 0, at) or _CONTACT_RELATIVE.fullmatch(sentence, 0, at)
                or _IN_RELATIVE.search(sentence, 0, at)
                or re.search(r"\b(?:than|as)\s+$", sentence[:at], re.I))  # "than announced": no report
