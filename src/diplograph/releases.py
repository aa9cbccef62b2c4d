"""A state body's own page — a ministry's release, an embassy's statement, an office-holder writing in office: which
state publishes it (``publishing_party``), and what its own voice says (``in_own_voice``): the author's assertion,
its stances the state's (``dg:PublisherForState``), what it says it will do its own plan, not the author's guess.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .gazetteer import Gazetteer
from .kinds import kind_of
from .mentions import mentions
from .reporting import voice
from .review import Candidate

__all__ = ["in_own_voice", "publishing_party"]

_STATE_BODY = re.compile(r"\b(?:ministry|ministries|government|presidency|president|kremlin|embassy|permanent "
                         r"mission|cabinet|chancellery|foreign office|state department|council of ministers|press "
                         r"office|press service|council of the european union|european commission|ambassador|"
                         r"minister|envoy|spokes(?:man|woman|person)|permanent representative|chancellor|"
                         r"secretary[- ]general)\b", re.I)
"""Words for a state's body in a page's author ("Ministry of Foreign Affairs of …", "Embassy of …"), or one of its
office-holders writing in their office ("<Name>, Russia's ambassador to …"); not a former one."""
_FORMER = re.compile(r"\b(?:former|ex-|retired|late)\b", re.I)
_OWN_SUBJECT = re.compile(r"(?:we|I|commission|council|ministry|government|presidency|"
                          r"the\s+(?:[\w-]+\s+){0,2}?(?:ministry|government|presidency|embassy|mission|"
                          r"cabinet|office|commission|council|secretariat)|the\s+[\w-]+\s+side)"
                          r"(?:\s+\w+ly|\s+(?:today|yesterday|again|also|now))?", re.I)
"""The body speaking of itself before its verb: "We", "The Ministry strongly", "The Russian side" (a readout's name
for its own state)."""
_STANCE_KINDS = ("Demand", "Position", "Principle", "Proposal")
_PLAN = re.compile(r"\s+(?:also\s+)?(?:will|shall|(?:is|are)\s+going\s+to|intends?\s+to|plans?\s+to)\s+(?!not\b)",
                   re.I)
"""What the subject will do ("… will provide", "… intends to send"), not what it will not."""
_SHOULD = re.compile(r"\bshould\b", re.I)
"""What ought to happen, said in a state body's own voice ("All parties should show restraint"): its position."""


def publishing_party(author: str | None, gazetteer: Gazetteer) -> str | None:
    """The state whose body the page's ``author`` (a label) is — a ministry's or an embassy's own page — or None
    (a newspaper's writer; a label naming no state).

    >>> from diplograph.graph import KnowledgeGraph
    >>> from diplograph.gazetteer import gazetteer_of
    >>> gazetteer = gazetteer_of(KnowledgeGraph.open())
    >>> publishing_party("Ministry of Foreign Affairs of Finland", gazetteer)
    'dgr:finland'
    >>> publishing_party("Finland desk, a made-up daily", gazetteer) is None
    True
    """
    if not author or not _STATE_BODY.search(author) or _FORMER.search(author):
        return None
    words = author.split()
    for size in range(len(words), 0, -1):  # the longest name first; not the page's author itself, which the
        for start in range(len(words) - size + 1):  # gazetteer names too ("European Commission Press Corner")
            found = mentions(" ".join(words[start:start + size]), gazetteer)
            party = next((m.entity for m in found if m.actor and not m.entity.startswith("dgr:author-")), None)
            if party is not None:
                return party
    return None


def in_own_voice(candidate: Candidate, party: str | None, author: str | None) -> Candidate:
    """On a state body's own page (``party``: its state; ``author``: the page's author, a prefixed name), what the
    page says in its own voice — no reporting verb, or the body itself reporting ("We call on …", "The Ministry
    condemns …") — is the author's assertion; a demand, position, principle or proposal in it is the state's
    (``dg:PublisherForState``). What the page reports others saying is theirs, as anywhere."""
    if party is None or author is None or candidate.kind == "Affiliation" or candidate.assertion_mode == "Framing":
        return candidate  # a question the page asks takes no stance
    heard = voice(candidate.sentence, [m.text for m in candidate.mentions])
    who = candidate.sentence[heard.speaker_start:heard.speaker_end].strip(" ,")
    named = [m.entity for m in candidate.mentions if m.text in who]
    itself = _OWN_SUBJECT.fullmatch(who) or named and set(named) == {party}  # "We", "The Ministry", "Ukraine"
    if not (heard.kind == "none" or heard.kind == "reported" and itself and candidate.asserted_by in (author, party)):
        return candidate
    kind = kind_of(candidate.sentence) or ("Position" if _SHOULD.search(candidate.sentence) else None)
    if kind in _STANCE_KINDS and candidate.asserted_by in (author, party):
        return replace(candidate, kind=kind, asserted_by=author, assertion_mode="FactualAssertion",
                       speaks_for=party, derived_by="PublisherForState",
                       rule=f"the page is a body of {party}'s own: its {kind.lower()}, in the page's own voice")
    if candidate.asserted_by == party or candidate.asserted_by == author and candidate.assertion_mode == "Judgement" \
            and _own_plan(candidate, party):  # "Norway will provide …": what it says it will do, not a guess
        return replace(candidate, kind="Claim" if candidate.asserted_by == author else candidate.kind,
                       asserted_by=author, assertion_mode="FactualAssertion",
                       rule=f"the page is a body of {party}'s own: its account, in the page's own voice")
    return candidate


def _own_plan(candidate: Candidate, party: str) -> bool:
    """Whether the sentence opens with the body's state or "We" and says what it will do ("Norway will provide 50
    million …"): its own plan, which the page states — no prediction of the author's."""
    first = candidate.mentions[0] if candidate.mentions else None
    subject = first.text if first and first.entity == party and candidate.sentence.startswith(first.text) else \
        next(iter(re.findall(r"^(?:We|I)\b", candidate.sentence)), None)
    return subject is not None and _PLAN.match(candidate.sentence, len(subject)) is not None
