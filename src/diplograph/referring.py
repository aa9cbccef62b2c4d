"""What a sentence refers back to: "the demand", "this plan", "the idea" — the statement recorded or drafted from
an earlier sentence of the same document, so that a position rejecting "the demand" is drafted towards that
demand, and an assessment of "his proposal" is about that proposal.

A drafted statement becomes ``dgr:<kind>-<id>`` when it is accepted; a fact referring to it validates once it
is (the review queue goes in reading order), and says so otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .convert import plain_rows
from .graph import KnowledgeGraph
from .namespaces import DG, DGS
from .review import Candidate, Mention
from .terms import short

__all__ = ["Earlier"]

_REFERRING = re.compile(r"(?:\b(?i:the|this|these|those|his|her|its|their)|"
                        r"\b(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s)\s+"
                        r"(?:(?i:new|latest|same|recent|whole|own|joint|final|revised|draft|original|earlier|core|key|main|"
                        r"previous|initial|peace|ceasefire|security)\s+|[A-Z][\w’'-]+\s+)?"
                        r"(?P<word>(?i:demands?|calls?|requests?|conditions?|terms|ultimatum|proposals?|plans?|"
                        r"offers?|idea|initiative|points?|elements|position|stance|statement|remarks|comments?|readout|"
                        r"announcement|warnings?|threats?|accusations?|claims|allegations?|charges|account|version|declaration|findings|"
                        r"communiqu[eé]))\b")
"""A word for a statement after a determiner or a party's name, perhaps with a name or "new" between: "the demand",
"this new plan", "the Western proposal", "Moscow's new demands" — not after "that", which more often opens a
clause ("said that Kyiv demands")."""
_SAID_HERE = re.compile(r"\b(?:suggestions?|speculation|reports?|claims?|talk|hints?|rumou?rs?|calls?|proposals?|"
                        r"ideas?)\s+(?:that|to|for)\b", re.I)
"""What the sentence itself tells before its "the idea" ("dismissed suggestions that …, calling the idea …"): the
word names that, not a statement read before."""
_BY_OWNER = re.compile(r"\s+(?:by|from)\s+(?:the\s+)?(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
"""Whose the statement is, named after the word ("the offer by Switzerland")."""
_OWN = re.compile(r"(?i:its|their|his|her)\s")
"""A possessive pronoun before the word: the statement is the subject's own."""
_WHAT = {"demand": ("Demand",), "call": ("Demand",), "request": ("Demand",), "condition": ("Demand",),
         "term": ("Demand", "Proposal"), "ultimatum": ("Demand",), "proposal": ("Proposal",), "plan": ("Proposal",),
         "offer": ("Proposal",), "idea": ("Proposal", "Demand"), "initiative": ("Proposal",),
         "point": ("Proposal", "ProposalPoint"), "element": ("Proposal", "ProposalPoint", "Demand")}
"""The kinds of statement a word refers to; the rest ("position", "remarks", "statement") to any kind."""
_ROOTS = {"findings": "f(?:ind|ound)"}
"""The verb a statement-noun refers back to ("the findings": what they "find")."""
_OR_ELSE = {"offer": ("Position",)}
"""What a word refers to when nothing of its own kinds was read: "the Russian offer" after "the Kremlin says it is
open to talks" is that position."""
_REPLY = re.compile(r"\b(?:replied|replies|responded|responds|retorted|retorts|hit back|answered|answers)\b")
"""A reporting verb that answers what was said before ("Kyiv replied that it would not …")."""
_STANCE_ON_IT = re.compile(r"\b(?:reject(?:s|ed)?|welcom(?:es|ed)|back(?:s|ed)|oppos(?:es|ed)|dismiss(?:es|ed)|"
                           r"endors(?:es|ed)|support(?:s|ed)|accept(?:s|ed)|den(?:ies|ied))\s+(?:(?:any|the|a)\s+"
                           r"[\w-]+\s+(?:between|of|to|with)\s+)?(?:it|this|that|them|these|those|the two|such)\b",
                           re.I)
"""A stance whose object points back to what was just said ("rejects any link between the two", "welcomed it")."""
_ANSWERABLE = ("Demand", "Proposal", "Position", "Principle")
"""The stances a party's next sentence may answer without naming them."""
_NOT_READ = ("#Correction", "#SourceDocument")
"""What quotes a document without being one of its statements."""
_RECORDED = f"""SELECT ?node ?type ?exact ?by WHERE {{ GRAPH ?document {{
  ?node dg:evidence/oa:hasSelector/oa:exact ?exact ; a ?type
  FILTER(isIRI(?node) && STRSTARTS(STR(?type), "{DG}")) OPTIONAL {{ ?node prov:wasAttributedTo ?by }} }} }}"""


@dataclass(frozen=True)
class _Read:
    """A statement read: its kind, its prefixed name, the sentence it quotes, who asserts it (a prefixed name)."""

    kind: str
    node: str
    sentence: str
    by: str


class Earlier:
    """A document's statements in reading order, as drafting reads it: the recorded ones (whose quotes it passes)
    and the drafted ones.

    Examples
    --------
    >>> earlier = Earlier(KnowledgeGraph.open(), "2025-11-30-peace-talks-putin-conditions")
    >>> earlier.passed("Putin insisted that Ukraine must withdraw its military forces from territories currently "
    ...                "occupied by Russia before any cease-fire or dialogue could begin.")
    >>> [m.entity for m in earlier.referents("The demand carries deep strategic implications:")]
    ['dgr:demand-ukraine-withdraws-before-talks']
    """

    def __init__(self, graph: KnowledgeGraph, name: str):
        self._recorded = [_Read(kind.rsplit("#", 1)[-1], short(node), exact, short(by) if by else "")
                          for node, kind, exact, by in plain_rows(graph.store.run(
                              _RECORDED, named_graphs=[str(DGS[name])]))  # its graph alone: not a scan of all
                          if not kind.endswith(_NOT_READ)]
        self._read: list[_Read] = []
        """Every statement read so far, in reading order."""

    def passed(self, sentence: str) -> None:
        """The statements that quote ``sentence`` (or a part of it) are read."""
        self._read += [replace(read, sentence=sentence) for read in self._recorded
                       if read.sentence in sentence or sentence in read.sentence]

    def drafted(self, candidate: Candidate) -> None:
        """A candidate drafted from a sentence is read: a later "the demand" may refer to it."""
        self._read.append(_Read(candidate.kind, f"dgr:{candidate.kind.lower()}-{candidate.id}", candidate.sentence,
                                candidate.asserted_by or ""))

    def answered(self, sentence: str, speaker: str | None) -> list[Mention]:
        """What a stance answers when it names nothing it is a stance on: a reply's ("Kyiv replied that it would
        not help Moscow"), the last statement read that another party made; one whose object points back ("Kyiv
        rejects any link between the two", "Warsaw welcomed it"), the stance another party took in the sentence
        just before, if it did."""
        def another(read: _Read) -> bool:
            return bool(speaker and read.sentence != sentence and read.by and read.by != speaker
                        and not read.by.startswith("dgr:author-"))

        reply = _REPLY.search(sentence)
        before = [r for r in self._read if r.sentence != sentence][-1:] if _STANCE_ON_IT.search(sentence) else []
        last = next((r for r in reversed(self._read) if another(r)), None) if reply else \
            next((r for r in before if another(r) and r.kind in _ANSWERABLE), None)
        return [] if last is None else [Mention(reply.group() if reply else sentence.split()[0], last.node,
                                                f"the answer to: “{last.sentence[:60]}”", 1.0)]

    def referents(self, sentence: str, owner: Callable[[str], str | None] = lambda name: None,
                  speaker: str | None = None) -> list[Mention]:
        """The statements read before that the sentence's "the demand", "this plan", "Moscow's demands" … refer
        to: the last one of a kind the word can name — and every one of them a party's plural names ("Putin's
        conditions": all his demands read so far), when ``owner`` (a name → its entity) knows the party.

        A word that names no kind ("the statement", "his remarks") refers to the last sentence that used it with
        the words before it ("the joint statement": "in a joint statement"), or else alone, or else to the last
        statement a party made ("the final communique" names none of the page's own sentences). "Its call", "their
        demands" are the ``speaker``'s own, when the sentence has one.
        """
        found = _REFERRING.search(sentence)
        if found is None or _SAID_HERE.search(sentence, 0, found.start()):
            return []  # "dismissed suggestions that Finland could mediate, calling the idea premature": this one's
        word = found.group("word").casefold()
        kinds = _WHAT.get(word.rstrip("s"))
        after = _BY_OWNER.match(sentence, found.end())  # "the offer by Switzerland": Switzerland's
        named_owner = found.group("owner") or (after.group("owner") if after else None)
        party = owner(named_owner) if named_owner else None
        if party is None and _OWN.match(found.group()):  # "the Kremlin reiterated its call": the Kremlin's
            party = speaker
        earlier = [r for r in reversed(self._read) if r.sentence != sentence and (party is None or r.by == party)]
        read = [r for r in earlier if kinds is None or r.kind in kinds] or \
            [r for r in earlier if r.kind in _OR_ELSE.get(word.rstrip("s"), ())]
        if kinds is None:  # "the joint statement": a sentence with those words, else one with "statement"
            named = found.group().split(maxsplit=1)[-1].rstrip("s")
            read = [r for r in read if re.search(rf"\b{re.escape(named)}", r.sentence, re.I)] or \
                [r for r in read if re.search(rf"\b{_ROOTS.get(word, word.rstrip('s'))}", r.sentence, re.I)] or \
                [r for r in read if not r.by.startswith("dgr:author-")]
        chosen = read if party is not None and kinds is not None and word.endswith("s") else read[:1]
        return [Mention(found.group(), r.node, f"{found.group()}: “{r.sentence[:60]}”", 1.0)
                for r in {r.node: r for r in chosen}.values()]
