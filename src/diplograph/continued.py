"""What a sentence takes from the page before it when its own words leave it open: a stance its reported words
give another party ("The envoy replied that Moscow had so far rejected …") is that party's, told as a claim; a bare
quotation after a sentence that named its speaker ("“…,” Madeupescu said. “…”") goes on in that speaker's voice.

Pure functions of a drafted candidate and the candidates drafted before it (split from :mod:`diplograph.speakers`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .acts import without_others_acts
from .kinds import kind_of
from .reporting import voice
from .review import Candidate
from .wording import DATELINE

__all__ = ["held_by_another", "quote_continued"]

_HOLDS = re.compile(r"(?:\s+(?:has|had|have|so far|already|repeatedly|again|also|now|long|not|never|"
                    r"on\s+\w+day|last\s+\w+))*\s+"
                    r"(?:reject|refus|accept|welcom|back|support|oppos|dismiss|endors|rul(?:e|ed|es) out|"
                    r"turn(?:ed)? down|block|veto)(?![a-z]*ing\b)", re.I)
"""A stance verb right after a party's name: that party holds the stance ("Moscow had so far rejected …"); not a
noun ("only with American backing")."""


def held_by_another(candidate: Candidate, found: list[Candidate]) -> Candidate:
    """A position the reported words give another party ("The envoy replied that Moscow had so far rejected every
    plan …"): the speaker's claim about that party's stance, not the speaker's own stance."""
    if candidate.kind != "Position" or candidate.assertion_mode != "Reported":
        return candidate
    heard = voice(candidate.sentence, [m.text for m in candidate.mentions])
    content = without_others_acts(candidate.sentence[heard.content_start:] if heard.content_start else DATELINE.sub(
        "", candidate.sentence[:heard.speaker_start]))  # "Hungary blocked …, diplomats said."; not ", which Moscow …"
    placed = sorted((content.find(m.text), m) for m in candidate.mentions if m.actor and m.text in content)
    holder = next((m for at, m in placed if _HOLDS.match(content, at + len(m.text))), None)
    owners = {c.mentions[0].entity: c.mentions[1].entity for c in found
              if c.kind == "Affiliation" and len(c.mentions) > 1}  # a person the page introduced: their state
    if holder is None or holder.entity in (candidate.asserted_by, owners.get(candidate.asserted_by or "")):
        return candidate
    return replace(candidate, kind="Claim", rule=f"{candidate.rule}; the stance is {holder.entity}'s, as the "
                   "speaker tells it: a claim about it")


_BARE_QUOTE = re.compile(r"[“\"][^“”\"]{3,}[”\"]")
"""A sentence that is nothing but a quotation ("“The troops are not there to keep the peace.”")."""


def quote_continued(candidate: Candidate, in_paragraph: list[Candidate]) -> Candidate:
    """A quotation standing alone after a sentence of the same paragraph that named whose words it carried
    ("“We have seen this before,” Madeupescu said. “The troops are not there to keep the peace.”"): the same
    speaker goes on."""
    said = next((c for c in reversed(in_paragraph) if c.kind != "Affiliation"), None)
    if said is None or said.assertion_mode != "Reported" or (said.asserted_by or "").startswith("dgr:author-") \
            or candidate.assertion_mode == "Reported" or not _BARE_QUOTE.fullmatch(candidate.sentence.strip()):
        return candidate
    return replace(candidate, kind=kind_of(candidate.sentence) or "Claim", asserted_by=said.asserted_by,
                   speaks_for=said.speaks_for, assertion_mode="Reported", derived_by="ReferentFromContext",
                   rule=f"a quotation going on from the sentence before, in the same paragraph: {said.asserted_by}")
