"""The analyses by name, with typed options: one entry point for the Python API, the CLI and the HTTP API."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, is_dataclass

import networkx as nx

from ..errors import QueryParameterError, unknown
from ..graph import KnowledgeGraph
from ..project import STANCE_RULES, entity_graph, stance_network
from .agreement import changes, corroboration, disagreements
from .centrality import FAMILIES, CentralityScore, centrality, score_all
from .coalitions import coalitions
from .conflicts import RULES as CONFLICT_RULES
from .conflicts import conflicts
from .matrix import positions_matrix
from .paths import ego_network, explanation_paths
from .space import negotiation_space

__all__ = ["ANALYSES", "Analysis", "Option", "Projections", "run_analysis"]


class Day(str):
    """An ISO date given as an option (YYYY-MM-DD), checked."""

    def __new__(cls, value: str) -> Day:
        from datetime import date

        date.fromisoformat(value)  # ValueError: not a date
        return super().__new__(cls, value)


class Projections:
    """The networkx projections of one graph and their centralities, built on first use and kept.

    The graph is immutable between loads, so what is derived from it is
    derived once: the server has it built off the request path for each graph
    generation (:mod:`diplograph.derived`) and its workers inherit it.
    """

    def __init__(self, graph: KnowledgeGraph):
        self.graph = graph
        self._source: KnowledgeGraph | None = None
        self._entity: nx.MultiDiGraph | None = None
        self._stance: nx.Graph | None = None
        self._scores: dict[tuple[str, bool], list[CentralityScore]] = {}

    def adopt(self, entity: nx.MultiDiGraph, stance: nx.Graph,
              scores: dict[tuple[str, bool], list[CentralityScore]]) -> Projections:
        """Take projections and scores built elsewhere (by the builder, read back from the cache folder)."""
        self._entity, self._stance, self._scores = entity, stance, dict(scores)
        return self

    @property
    def scores_computed(self) -> dict[tuple[str, bool], list[CentralityScore]]:
        """The centralities computed so far, per (view, attribution)."""
        return self._scores

    @property
    def source(self) -> KnowledgeGraph:
        """What the projections read: the graph itself, or for a remote engine one in-memory copy of it."""
        if self._source is None:
            self._source = self.graph.local_copy() if self.graph.spec.remote_address else self.graph
        return self._source

    @property
    def entity(self) -> nx.MultiDiGraph:
        if self._entity is None:
            self._entity = entity_graph(self.source)
        return self._entity

    @property
    def stance(self) -> nx.Graph:
        if self._stance is None:
            self._stance = stance_network(self.source)
        return self._stance

    def scores(self, view: str = "entity", *, attribution: bool = False) -> list[CentralityScore]:
        """Every node's centralities in the ``view`` projection ("entity" or "stance"), computed once."""
        key = (view, attribution)
        if key not in self._scores:
            network = self.entity if view == "entity" else nx.MultiDiGraph(self.stance)
            self._scores[key] = score_all(network, attribution=attribution)
        return self._scores[key]

    def precompute(self) -> Projections:
        """Build everything a request may ask for on the whole graph: both projections and their scores."""
        for view in ("entity", "stance"):
            self.scores(view)
        return self

    def node(self, name: str) -> str:
        """The projection key of an entity given by name, IRI or alias."""
        from ..entities import resolve
        from ..project import node_id

        return node_id(resolve(self.graph, name))


@dataclass(frozen=True)
class Option:
    """An analysis's option: its type, default, choices and, for a number, the range it must lie in (every count
    an analysis computes is bounded, so no request can ask for unbounded work)."""

    name: str
    type: type
    default: object = None
    description: str = ""
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    entity: bool = False
    """It names an entity (by label, alias or IRI), resolved in the graph."""
    required: bool = False

    def parse(self, value: str | None) -> object:
        if value is None:
            if self.default is None and self.type is not type(None):
                return None
            return self.default
        if self.choices and value not in self.choices:
            raise QueryParameterError(f"option {self.name!r} must be one of {', '.join(self.choices)}")
        try:
            if self.type is bool:
                if value.lower() not in ("1", "0", "true", "false", "yes", "no"):
                    raise ValueError(value)
                return value.lower() in ("1", "true", "yes")
            parsed = self.type(value)
        except ValueError:
            raise QueryParameterError(f"option {self.name!r}: {value!r} is not a valid {self.type.__name__}") from None
        if (self.minimum is not None and parsed < self.minimum) or (self.maximum is not None and parsed > self.maximum):
            raise QueryParameterError(f"option {self.name!r} must be between {self.minimum} and {self.maximum}, "
                                      f"not {value}")
        return parsed


@dataclass(frozen=True)
class Analysis:
    """An analysis by name: what it answers, its options, the function that runs it, and the rules it names."""

    name: str
    title: str
    description: str
    options: tuple[Option, ...]
    run: Callable[..., object]
    rules: dict[str, str] = field(default_factory=dict)


def _centrality(p: Projections, family, top, attribution):
    return centrality(p.entity, family=family, top=top, attribution=attribution,
                      scores=p.scores(attribution=attribution))


def _coalitions(p: Projections, method):
    result = coalitions(p.stance, method=method)
    return {**asdict(result), "labels": {n: p.stance.nodes[n].get("label", n) for g in result.groups for n in g}}


def _conflicts(p: Projections, demander, holder, limit):
    return conflicts(p.entity, demander=p.node(demander) if demander else None,
                     holder=p.node(holder) if holder else None, limit=limit)


def _stance(p: Projections):
    return [{"source": a, "target": b, "sign": d["sign"], "weight": d["weight"], "positive": d["positive"],
             "negative": d["negative"], "reasons": [asdict(r) for r in d["reasons"]]}
            for a, b, d in sorted(p.stance.edges(data=True))]


def _paths(p: Projections, source, target, limit):
    if not source or not target:
        raise QueryParameterError("paths needs the options source and target")
    return explanation_paths(p.entity, p.node(source), p.node(target), limit=limit)


def _ego(p: Projections, entity, radius):
    if not entity:
        raise QueryParameterError("ego needs the option entity")
    ego = ego_network(p.entity, p.node(entity), radius)
    return {"nodes": [{"id": n, **{k: v for k, v in d.items() if k in ("label", "cls", "kind")}}
                      for n, d in sorted(ego.nodes(data=True))],
            "edges": [{"source": a, "target": b, "predicate": d.get("predicate"), "quotes": d.get("quotes", [])}
                      for a, b, d in sorted(ego.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"]))]}


def _corroboration(p: Projections):
    return corroboration(p.source)


def _changes(p: Projections):
    return changes(p.source)


def _disagreements(p: Projections):
    return disagreements(p.source)


def _matrix(p: Projections, as_of, since):
    return positions_matrix(p.source, as_of, since)


def _space(p: Projections, issue):
    return negotiation_space(p.source, issue)


ANALYSES: dict[str, Analysis] = {a.name: a for a in (
    Analysis("centrality", "Centrality", "Degree, betweenness and PageRank of actors, territories, demands …",
             (Option("family", str, None, "actors, territories, demands, principles, guarantees or proposals",
                     tuple(FAMILIES)),
              Option("top", int, 20, "how many", minimum=1, maximum=1000),
              Option("attribution", bool, False, "count who-asserts-what edges too")), _centrality),
    Analysis("coalitions", "Coalitions", "Camps of the signed stance network, with the balance score",
             (Option("method", str, "balance", "balance (structural balance) or communities",
                     ("balance", "communities")),), _coalitions, STANCE_RULES),
    Analysis("stance-network", "Stance network", "Signed links between actors, each with its rules and quotes",
             (), _stance, STANCE_RULES),
    Analysis("conflicts", "Conflict map", "Demands and proposal points against principles and rejections",
             (Option("demander", str, None, "only demands by this actor", entity=True),
              Option("holder", str, None, "only principles or rejections of this actor", entity=True),
              Option("limit", int, 1000, "at most this many", minimum=1, maximum=10_000)), _conflicts, CONFLICT_RULES),
    Analysis("paths", "Explanation paths", "How two entities connect, hop by hop, with the statements behind",
             (Option("source", str, None, "an entity", entity=True, required=True),
              Option("target", str, None, "another entity", entity=True, required=True),
              Option("limit", int, 3, "how many paths", minimum=1, maximum=10)), _paths),
    Analysis("ego", "Ego network", "Everything within a few hops of an entity",
             (Option("entity", str, None, "the entity", entity=True, required=True),
              Option("radius", int, 1, "hops", minimum=1, maximum=3)), _ego),
    Analysis("corroboration", "Said in several sources",
             "Statements of different documents that state the same thing (same kind, asserters and content), "
             "with how many sources say it and each one's quotes", (), _corroboration,
             {"same-statement": "same class of statement, same asserters, same values of the properties that say "
                                "what it states (diplograph.analysis.agreement.CONTENT); wording may differ"}),
    Analysis("changes", "Changes of stance",
             "The same holder's positions towards the same thing with different stances, in date order, each "
             "with its date's kind and its quotes", (), _changes,
             {"stance-change": "two positions of one holder towards one target, consecutive by date, whose "
                               "stances differ; both are shown, neither replaces the other"}),
    Analysis("disagreements", "Sources that disagree",
             "Facts about the same thing stated differently in different documents (a leadership called "
             "legitimate by one, illegitimate by another), side by side with their asserters and quotes", (),
             _disagreements,
             {"different-verdict": "two statements of one class about the same thing whose verdicts exclude each "
                                   "other, from different documents; neither is preferred"}),
    Analysis("matrix", "Positions matrix",
             "Actors × issues: each actor's latest stance on each issue (demands, supports, rejects, conditional, "
             "uncertain) as of a date, with its date's kind, how many sources, the quotes, and whether it changed "
             "since another date",
             (Option("as_of", Day, None, "the map as of this date (YYYY-MM-DD); default: every date"),
              Option("since", Day, None, "mark cells whose stance changed since this date (YYYY-MM-DD)")),
             _matrix,
             {"latest-stance": "a cell is the latest statement of the actor on the issue by its date (stated, else "
                               "a bound the source gives, else the document's); the others are counted, not merged",
              "issue-of-measure": "a demand or principle stands on the issue of each measure it calls for; a "
                                  "position on the issue of the measure it is towards, or its proposal point's"}),
    Analysis("space", "Negotiation space",
             "Per issue: who demands, accepts and rejects each measure, which principles close it, and the "
             "measures no party has closed — each explained in a sentence, with the quotes",
             (Option("issue", str, "dg:IssueTerritory", "an issue of dg:Issues (e.g. dg:IssueSecurityGuarantees)",
                     ("dg:IssueTerritory", "dg:IssueSecurityGuarantees", "dg:IssueForceLimits",
                      "dg:IssueSequencing", "dg:IssueMonitoring", "dg:IssueLegitimacy", "dg:IssueSanctions",
                      "dg:IssueElections", "dg:IssueAccountability")),), _space,
             {"closed-by-principle": "a principle or red line calling for a measure the vocabulary declares "
                                     "incompatible with this one (dg:incompatibleWith: an editorial judgement)",
              "open": "no position rejects the measure and no principle closes it"}),
)}


def run_analysis(projections: Projections, name: str, options: dict[str, str] | None = None) -> object:
    """Run analysis ``name`` with options given as strings (from a command line or a URL); JSON-ready result.

    >>> result = run_analysis(Projections(KnowledgeGraph.open()), "coalitions")
    >>> [g for g in result["groups"] if "dgr:russia" in g]
    [['dgr:putin', 'dgr:russia']]
    """
    try:
        analysis = ANALYSES[name]
    except KeyError:
        raise unknown("analysis", name, ANALYSES, "analyses") from None
    options = dict(options or {})
    extra = set(options) - {o.name for o in analysis.options}
    if extra:
        raise QueryParameterError(f"analysis {name!r} has no option {sorted(extra)[0]!r}")
    values = {o.name: o.parse(options.get(o.name)) for o in analysis.options}
    return _plain(analysis.run(projections, **values))


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return _plain(asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value
