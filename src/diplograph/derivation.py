"""The derived data of one graph generation — projections, centralities, statistics, analyses — as a record
(:class:`Derived`, written as lines of JSON) and how it is computed (:func:`prepare`, in two processes).

The builder process of :mod:`diplograph.derived` calls ``prepare`` and writes
the record to the cache folder; the server reads it back and installs it in
the generation's snapshot. On two cores the work is split: the entity
projection and what reads it in the builder, the rest (the stance network,
statistics, names, counts, the analyses that read the graph) in a helper it
forks, whose part comes back as JSON through a pipe — at a thousand documents
about half the time of one process (measured in ``docs/benchmarks.md``).
"""

from __future__ import annotations

import ctypes
import os
import signal
from dataclasses import asdict, dataclass

import networkx as nx
import orjson

from .graph import KnowledgeGraph, Stats
from .names import Names
from .project import entity_as_data, entity_of_data

__all__ = ["Derived", "FORMAT", "prepare"]

FORMAT = 4
"""The version of the file format; a file of another version is rebuilt (3: the entity graph's strings written
once, see ``project.entity_as_data``; 4: written as lines, see ``Derived.encode``)."""

_PIECE = 20_000
"""Items of the entity graph's lists (nodes, strings, edges) on one line of the record."""

_NEEDS_OPTIONS = frozenset({"paths", "ego"})
"""Analyses that answer nothing without options (a source and target, an entity)."""

@dataclass
class Derived:
    """Everything a request may want derived from the whole of one graph generation."""

    entity: nx.MultiDiGraph
    stance: nx.Graph
    scores: dict[tuple[str, bool], list]
    """Centralities per (projection, with attribution edges), as ``analysis.centrality.CentralityScore`` lists."""
    stats: Stats
    counts: dict[str, int]
    """Members of each collection, for the home page."""
    names: Names
    analyses: dict[str, object]
    """The answer of every analysis that needs no option, by name."""

    def encode(self, key: str) -> bytes:
        """The record as lines of JSON: a head naming the format and the graph (``key``) it describes, then one
        line a part, the entity graph's long lists in pieces of ``_PIECE`` items.

        Read back a line at a time, so reading never holds the interpreter for long: one JSON text of a thousand
        documents' record (90 MB) held it for a second while it was parsed, and a warm start's first requests
        waited behind it (``/health`` after 4.1 s instead of 2).
        """
        lines = []
        for part, value in self.as_data().items():
            if part == "entity":
                lines += [orjson.dumps(["entity", field, items[at:at + _PIECE]])
                          for field, items in value.items() for at in range(0, max(len(items), 1), _PIECE)]
            else:
                lines.append(orjson.dumps([part, value], option=orjson.OPT_NON_STR_KEYS))
        head = orjson.dumps({"format": FORMAT, "key": key, "lines": len(lines)})  # a record cut short is none
        return b"\n".join([head, *lines]) + b"\n"

    def as_data(self) -> dict:
        """The record as plain data (what ``encode`` writes, but the format and the graph's key)."""
        return {
            "entity": entity_as_data(self.entity),
            "stance": nx.node_link_data(_with_reasons_as_data(self.stance), edges="edges"),
            "scores": [{"view": view, "attribution": attribution, "scores": [asdict(s) for s in scores]}
                       for (view, attribution), scores in self.scores.items()],
            "stats": asdict(self.stats), "counts": self.counts, "names": self.names.to_json(),
            "analyses": self.analyses}

    @classmethod
    def decode(cls, raw: bytes, key: str) -> Derived:
        """The record in ``raw``, if it is one of this format describing graph ``key``.

        Raises
        ------
        ValueError
            naming what does not fit (not JSON, another format or graph, a part of the wrong shape).
        """
        view, start, head = memoryview(raw), 0, {}
        data: dict = {"entity": {"nodes": [], "strings": [], "edges": []}}
        try:
            while (end := raw.find(b"\n", start)) >= 0:
                line = orjson.loads(view[start:end])  # a line at a time: other threads run between lines
                if start == 0:
                    if not isinstance(line, dict) or line.get("format") != FORMAT or line.get("key") != key:
                        raise ValueError("another format or another graph")
                    head = line
                elif line[0] == "entity":
                    data["entity"][line[1]] += line[2]
                else:
                    data[line[0]] = line[1]
                start = end + 1
        except orjson.JSONDecodeError as error:
            raise ValueError(f"not derived data of this version (JSONDecodeError: {error})") from None
        except (KeyError, TypeError, IndexError) as error:
            raise ValueError(f"not derived data of this version ({type(error).__name__}: {error})") from None
        if start == 0 or start != len(raw) or raw.count(b"\n") != head.get("lines", -1) + 1:
            raise ValueError("not derived data of this version (not the lines its head counts)")
        return cls.of_data(data)

    @classmethod
    def of_data(cls, data: dict) -> Derived:
        """The record from plain data (``as_data``'s).

        Raises
        ------
        ValueError
            naming the part of the wrong shape.
        """
        from .analysis.centrality import CentralityScore

        try:
            scores = {(part["view"], bool(part["attribution"])): [CentralityScore(**s) for s in part["scores"]]
                      for part in data["scores"]}
            stats = Stats(int(data["stats"]["triples"]), dict(data["stats"]["graphs"]),
                          dict(data["stats"]["classes"]))
            counts, analyses = data["counts"], data["analyses"]
            if not (isinstance(counts, dict) and isinstance(analyses, dict)):
                raise ValueError("counts or analyses of the wrong shape")
            return cls(entity_of_data(data.pop("entity")),
                       _with_reasons_as_objects(nx.node_link_graph(data["stance"], edges="edges")), scores, stats,
                       {str(k): int(v) for k, v in counts.items()}, Names.from_json(data["names"]), analyses)
        except (KeyError, TypeError, AttributeError, IndexError, nx.NetworkXError) as error:
            raise ValueError(f"not derived data of this version ({type(error).__name__}: {error})") from None

    def install(self, graph: KnowledgeGraph) -> None:
        """Put the record into ``graph``'s current snapshot, where requests look first."""
        from .analysis.registry import Projections

        projections = Projections(graph)
        projections.adopt(self.entity, self.stance, self.scores)
        entries: dict[object, object] = {"projections": projections, "stats": self.stats,
                                         "home counts": self.counts, "names": self.names}
        entries |= {("analysis", name, ()): result for name, result in self.analyses.items()}
        graph.snapshot.derived.update(entries)
        graph.snapshot.prepared = frozenset(entries)


_OF_ENTITY = frozenset({"centrality", "conflicts"})
"""Analyses that read the entity projection (computed beside it; the others read the stance network or the
graph)."""


def prepare(graph: KnowledgeGraph, *, helper: bool = False) -> Derived:
    """Compute everything a request may want derived from the whole of ``graph``: in this process, or with
    ``helper`` in two (a forked helper computes all but the entity projection and what reads it).

    >>> derived = prepare(KnowledgeGraph.open())
    >>> sorted(derived.analyses)[:3]
    ['centrality', 'changes', 'coalitions']
    >>> derived.scores[("entity", False)][0].pagerank > 0
    True
    """
    if not helper:
        return _joined(_entity_part(graph), _other_part(graph))
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the helper: its part as JSON down the pipe, then gone (no handler of the parent's runs here)
        os.close(reading)
        status = 1
        try:
            _die_with_parent()
            with os.fdopen(writing, "wb") as sink:
                sink.write(orjson.dumps(_other_part(graph).as_data(), option=orjson.OPT_NON_STR_KEYS))
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    source = os.fdopen(reading, "rb")
    try:
        entity = _entity_part(graph)
        raw = source.read()
    finally:
        source.close()  # before the wait: a helper still writing then stops (a broken pipe) instead of blocking
        status = os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])
    if status != 0:
        raise RuntimeError(f"the builder's helper stopped (exit code {status})")
    return _joined(entity, Derived.of_data(orjson.loads(raw)))


def _entity_part(graph: KnowledgeGraph) -> tuple[nx.MultiDiGraph, dict[tuple[str, bool], list], dict[str, object]]:
    """The entity projection, its centralities and the analyses that read it."""
    from .tasks import AnalysisTask, projections

    built = projections(graph)
    built.scores("entity")
    return built.entity, dict(built.scores_computed), {name: AnalysisTask(name).run(graph) for name in _OF_ENTITY}


def _other_part(graph: KnowledgeGraph) -> Derived:
    from .analysis.registry import ANALYSES
    from .tasks import AnalysisTask, CountsTask, projections

    built = projections(graph)
    built.scores("stance")
    return Derived(nx.MultiDiGraph(), built.stance, dict(built.scores_computed), graph.stats(),
                   CountsTask().run(graph), graph.names,
                   {name: AnalysisTask(name).run(graph) for name in ANALYSES
                    if name not in _NEEDS_OPTIONS | _OF_ENTITY})


def _joined(entity: tuple[nx.MultiDiGraph, dict, dict], other: Derived) -> Derived:
    """The helper's part (``other``, its entity projection empty) with the entity projection's."""
    projection, scores, analyses = entity
    scores = scores | {view: found for view, found in other.scores.items() if view not in scores}
    return Derived(projection, other.stance, scores, other.stats, other.counts, other.names,
                   dict(sorted({**other.analyses, **analyses}.items())))


def _die_with_parent() -> None:
    """The helper is killed with the builder (which is killed when the graph changes again): Linux's
    PR_SET_PDEATHSIG; elsewhere it finishes and finds no reader."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _with_reasons_as_data(stance: nx.Graph) -> nx.Graph:
    copy = stance.copy()
    for _, _, data in copy.edges(data=True):
        data["reasons"] = [asdict(r) for r in data.get("reasons", [])]
    return copy


def _with_reasons_as_objects(stance: nx.Graph) -> nx.Graph:
    from .project import Reason

    for _, _, data in stance.edges(data=True):
        data["reasons"] = [Reason(r["rule"], int(r["sign"]), tuple(r["statements"]), tuple(r["quotes"]),
                                  r.get("measure"), bool(r.get("inferred", True)), int(r.get("support", 1)))
                           for r in data.get("reasons", [])]
    return stance
