"""What a sentence refers back to: "the demand", "this plan", "the idea" — the statement recorded or drafted from
an earlier sentence of the same document, so that a position rejecting "the demand" is drafted towards that
demand, and an assessment of "his proposal" is about that proposal.

A drafted statement becomes ``dgr:<kind>-<id>`` when it is accepted; a fact referring to it validates once it
is (the review queue goes in reading order), and says so otherwise.
"""

from __future__ import annotations

import re

from .convert import plain_rows
from .graph import KnowledgeGraph
from .namespaces import DG, DGS
from .review import Candidate, Mention
from .terms import short

__all__ = ["Earlier"]

_REFERRING = re.compile(r"\b(?i:the|this|these|those|his|her|its|their)\s+(?:(?i:new|latest|same|recent|whole)\s+|"
                        r"[A-Z][\w’'-]+\s+)?(?i:(demands?|calls?|conditions?|terms|ultimatum|proposals?|plans?|"
                        r"offers?|idea|initiative|points?|elements|position|stance|statement|remarks|comments?))\b")
"""A word for a statement after a determiner, perhaps with a name or "new" between: "the demand", "this new
plan", "the Western proposal" — not after "that", which more often opens a clause ("said that Kyiv demands")."""
_WHAT = {"demand": ("Demand",), "call": ("Demand",), "condition": ("Demand",), "term": ("Demand", "Proposal"),
         "ultimatum": ("Demand",), "proposal": ("Proposal",), "plan": ("Proposal",), "offer": ("Proposal",),
         "idea": ("Proposal", "Demand"), "initiative": ("Proposal",), "point": ("Proposal", "ProposalPoint"),
         "element": ("Proposal", "ProposalPoint", "Demand")}
"""The kinds of statement a word refers to; the rest ("position", "remarks", "statement") to any kind."""
_NOT_READ = ("#Correction", "#SourceDocument")
"""What quotes a document without being one of its statements."""
_RECORDED = f"""SELECT ?node ?type ?exact WHERE {{ GRAPH ?document {{ ?node dg:evidence/oa:hasSelector/oa:exact ?exact ;
  a ?type FILTER(isIRI(?node) && STRSTARTS(STR(?type), "{DG}")) }} }}"""


class Earlier:
    """A document's statements in reading order, as drafting reads it: the recorded ones (whose quotes it passes)
    and the drafted ones.

    Examples
    --------
    >>> earlier = Earlier(KnowledgeGraph.open(), "2025-11-30-peace-talks-putin-conditions")
    >>> earlier.passed("Putin insisted that Ukraine must withdraw its military forces from territories currently "
    ...                "occupied by Russia before any cease-fire or dialogue could begin.")
    >>> earlier.referent("The demand carries deep strategic implications:").entity
    'dgr:demand-ukraine-withdraws-before-talks'
    """

    def __init__(self, graph: KnowledgeGraph, name: str):
        self._recorded: list[tuple[str, str, str]] = [
            (exact, short(node), kind.rsplit("#", 1)[-1]) for node, kind, exact in plain_rows(graph.store.run(
                _RECORDED, substitutions={"document": DGS[name]})) if not kind.endswith(_NOT_READ)]
        self._read: list[tuple[str, str, str]] = []
        """(kind, prefixed name, sentence) of every statement read so far, in reading order."""

    def passed(self, sentence: str) -> None:
        """The statements that quote ``sentence`` (or a part of it) are read."""
        self._read += [(kind, node, sentence) for exact, node, kind in self._recorded
                       if exact in sentence or sentence in exact]

    def drafted(self, candidate: Candidate) -> None:
        """A candidate drafted from a sentence is read: a later "the demand" may refer to it."""
        self._read.append((candidate.kind, f"dgr:{candidate.kind.lower()}-{candidate.id}", candidate.sentence))

    def referent(self, sentence: str) -> Mention | None:
        """The statement read last that the sentence's "the demand", "this plan" … can refer to, if any."""
        found = _REFERRING.search(sentence)
        if found is None:
            return None
        word = found.group(1).casefold().rstrip("s")
        kinds = _WHAT.get(word)
        for kind, node, earlier in reversed(self._read):
            if earlier != sentence and (kinds is None or kind in kinds):
                return Mention(found.group(), node, f"{found.group()}: “{earlier[:60]}”", 1.0)
        return None
