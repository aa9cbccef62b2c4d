"""What a speaker says its own side will do: "Washington would provide air support", said by Washington's envoy —
the speaker's plan, a position, not a forecast of another's acts (split from :mod:`diplograph.speakers`).

Pure functions of a drafted candidate and the page read before it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .gazetteer import Gazetteer
from .mentions import mentions
from .reporting import voice
from .review import Candidate
from .wording import DATELINE

__all__ = ["own_plans"]

_AND_THEN = re.compile(r"(?:\s+[\w’'-]+){1,12}?\s+and(?=\s)")
"""A first verb phrase joined to the one that says what the side will do ("China always stood … and would …")."""
_OWN_SIDE = re.compile(r"(?:his|her|its|their|our)\s+(?:own\s+)?(?:country|government|nation|forces|troops|"
                       r"soldiers|army|navy|air force|(?:war)?ships|vessels|diplomats|negotiators|delegation|"
                       r"envoys?|embassy)\b", re.I)
"""The speaker's own side, or those who act for it, named by a possessive ("his country would …", "its ships
would stay in Romanian waters", "their troops will not cross"): what they will or will not do is the side's plan."""
_OWN_WILL = re.compile(r"\s+(?:would|will|was going to|were going to|plans? to|planned to|intends? to|intended to)\s+"
                       r"(?:also\s+|still\s+|soon\s+|not\s+|never\s+)?(?!be\b|comment\b|speculate\b|confirm\b|say\b|"
                       r"disclose\b|elaborate\b|reveal\b)[a-z]", re.I)
"""What that side will or will not do — not where it will be ("said his delegation would be there" tells of who
attends)."""
_WILL_DO = re.compile(r"\s+(?:would|will|was going to|were going to|plans? to|planned to|intends? to|intended to|"
                      r"(?:could|might|may)\s+otherwise)\s+"
                      r"(?:also\s+|still\s+|soon\s+)?(?!not\b|never\b)[a-z]", re.I)
"""What a party will do, its name the subject ("Washington would provide …"), or could do if others do not
("Washington could otherwise impose tariffs": a threat, the speaker's own)."""


def own_plans(candidate: Candidate, found: list[Candidate], gazetteer: Gazetteer) -> Candidate:
    """What a speaker says its own side will do ("He said Washington would provide air support"), the side named
    as the subject of what it reports: the speaker's position, as "said it would" is."""
    if candidate.kind not in ("Claim", "Prediction") or candidate.assertion_mode != "Reported" \
            or not candidate.asserted_by:  # "would put it on the agenda", of its own side: a plan, no forecast
        return candidate
    heard = voice(candidate.sentence, [m.text for m in candidate.mentions])
    content = re.sub(r"^\W*(?:that\s+)?", "", DATELINE.sub("", candidate.sentence[heard.content_start:]))
    told = re.match(r"[^,;]{0,60}?\bthat\s+|(?:reporters|journalists|MPs|lawmakers|deputies|senators|parliament)\s+",
                    content)  # "told reporters on Friday that Helsinki would …", "tells MPs Britain will …"
    owners = {c.mentions[0].entity: c.mentions[1].entity for c in found
              if c.kind == "Affiliation" and len(c.mentions) > 1}
    own = {candidate.asserted_by, owners.get(candidate.asserted_by),  # and the parties the graph affiliates them with
           *gazetteer.affiliated.get(candidate.asserted_by or "", ())}
    speaking = {m.entity for m in candidate.mentions if m.actor and candidate.sentence.find(m.text) < heard.speaker_end}
    several = len(speaking) > 1 and candidate.asserted_by in speaking  # "Finland and Estonia said …", not a survey's
    for at in (content, content[told.end():] if told else ""):
        if candidate.asserted_by in speaking and (side := re.match(r"(?:he|she)\b", at)) and _OWN_WILL.match(
                at, side.end()):  # "The EU's foreign policy chief said she would put the proposal to ministers"
            return replace(candidate, kind="Position",
                           rule=f"{candidate.rule}; what its own envoy will do: its position")
        if several and (side := re.match(r"they\b", at)) and _OWN_WILL.match(at, side.end()):  # "Finland and …
            return replace(candidate, kind="Position",  # Estonia said that they would stop …": their own plan
                           rule=f"{candidate.rule}; what their own side will do: their position")
        if (side := _OWN_SIDE.match(at)) and _OWN_WILL.match(at, side.end()):  # "said his country would train …"
            return replace(candidate, kind="Position",
                           rule=f"{candidate.rule}; what its own side will do: its position")
        subject = _party_first(at, gazetteer)
        joined = _AND_THEN.match(at, len(subject[0])) if subject is not None else None
        if subject is not None and subject[1] in own and (_WILL_DO.match(at, len(subject[0])) or _OWN_WILL.match(
                at, len(subject[0])) or joined and _WILL_DO.match(at, joined.end())):  # "Germany will not take …"
            return replace(candidate, kind="Position",
                           rule=f"{candidate.rule}; what its own side will do: its position")
    return candidate


def _party_first(words: str, gazetteer: Gazetteer) -> tuple[str, str] | None:
    """The party whose name opens ``words``, and the name as written: read on its own, as the sentence's longer
    names of the same party ("a State Department official" after "Washington could …") would hide it."""
    return next(((m.text, m.entity) for m in mentions(words[:60], gazetteer) if m.actor and words.startswith(m.text)),
                None)
