"""Graph formats (GraphML, GEXF 1.3, Cytoscape.js, D3, DOT) and RDF formats, from a Selection."""

from __future__ import annotations

import io
import json
from collections.abc import Callable

import networkx as nx
import orjson

from ..analysis.registry import Projections
from ..errors import QueryParameterError
from ..formats import EXPORT_FORMATS, GRAPH_FORMATS, finished
from ..results import serialize_graph
from .selection import Selection
from .style import colour

__all__ = ["EXPORT_FORMATS", "export"]


def export(projections: Projections, format: str, selection: Selection | None = None) -> bytes:
    """The selection (default: the whole entity graph) in ``format`` (a key of ``EXPORT_FORMATS``).

    >>> from diplograph import KnowledgeGraph
    >>> data = export(Projections(KnowledgeGraph.open()), "cytoscape", Selection(entity="Poland"))
    >>> sorted(n["data"]["id"] for n in orjson.loads(data)["elements"]["nodes"])[:1]
    ['dgr:assessment-territorial-blackmail']
    """
    selection = selection or Selection()
    if format not in EXPORT_FORMATS:
        raise QueryParameterError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if format in GRAPH_FORMATS:
        if selection.whole:  # the engine writes the whole dataset (or, for a triples format, its union) itself
            return projections.graph.dump(format, union=not GRAPH_FORMATS[format].datasets)
        return serialize_graph(selection.rdf(projections), format)
    return finished(_WRITERS[format](selection.network(projections)), format)


def _flat(network: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all scalars (lists joined, reasons summarised), as GraphML and GEXF need."""
    flat = network.__class__()
    for node, data in network.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for *ends, data in _edges(network):
        flat.add_edge(*ends, **{k: _scalar(v) for k, v in data.items() if v is not None})
    return flat


def _edges(network: nx.Graph):
    if network.is_multigraph():
        return [(a, b, k, d) for a, b, k, d in network.edges(keys=True, data=True)]
    return list(network.edges(data=True))


def _scalar(value: object) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return " | ".join(_reason_text(v) for v in value)
    return str(value)


def _reason_text(value: object) -> str:
    rule = getattr(value, "rule", None)
    if rule is None:
        return str(value)
    return f"{rule} ({'+' if value.sign > 0 else '−'}): {'; '.join(value.quotes)}"


def _graphml(network: nx.Graph) -> bytes:
    return "\n".join(nx.generate_graphml(_flat(network), encoding="utf-8", prettyprint=True)).encode()


def _gexf(network: nx.Graph) -> bytes:
    flat = _flat(network)
    top = max((d.get("pagerank", 0.0) for _, d in flat.nodes(data=True)), default=0.0) or 1.0
    for _, data in flat.nodes(data=True):
        hex_colour = colour(str(data.get("cls", "")), data.get("classes", ()))
        data["viz"] = {"color": {"r": int(hex_colour[1:3], 16), "g": int(hex_colour[3:5], 16),
                                 "b": int(hex_colour[5:7], 16), "a": 1.0},
                       "size": round(4 + 36 * float(data.get("pagerank", 0.0)) / top, 3)}
    buffer = io.BytesIO()
    nx.write_gexf(flat, buffer, version="1.3")
    return buffer.getvalue()


def _cytoscape(network: nx.Graph) -> bytes:
    """Cytoscape.js ``elements``: every node and edge with its attributes (quotes as lists)."""
    nodes = [{"data": {"id": node, **_jsonable(data),
                       "colour": colour(str(data.get("cls", "")), data.get("classes", ()))}}
             for node, data in sorted(network.nodes(data=True))]
    edges = []
    for number, (*ends, data) in enumerate(_edges(network)):
        edges.append({"data": {"id": f"e{number}", "source": ends[0], "target": ends[1], **_jsonable(data)}})
    return orjson.dumps({"elements": {"nodes": nodes, "edges": edges}, "directed": network.is_directed()})


def _d3(network: nx.Graph) -> bytes:
    """D3's node-link shape: ``nodes`` with ``id``, ``links`` with ``source``/``target`` ids."""
    nodes = [{"id": node, **_jsonable(data), "colour": colour(str(data.get("cls", "")), data.get("classes", ()))}
             for node, data in sorted(network.nodes(data=True))]
    links = [{"source": ends[0], "target": ends[1], **_jsonable(data)} for *ends, data in _edges(network)]
    return orjson.dumps({"directed": network.is_directed(), "nodes": nodes, "links": links})


def _jsonable(data: dict) -> dict:
    return json.loads(json.dumps({k: v for k, v in data.items() if k != "viz"},
                                 default=lambda v: v.__dict__ if hasattr(v, "__dict__") else str(v)))


def _dot(network: nx.Graph) -> bytes:
    """Graphviz DOT: one cluster per class, nodes filled with the class colour, labels escaped."""
    directed = network.is_directed()
    arrow = "->" if directed else "--"
    lines = [f"{'digraph' if directed else 'graph'} diplograph {{",
             '  graph [rankdir=LR, fontname="Helvetica", overlap=false];',
             '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontcolor="white"];',
             '  edge [fontname="Helvetica", fontsize=9];']
    by_class: dict[str, list[tuple[str, dict]]] = {}
    for node, data in sorted(network.nodes(data=True)):
        by_class.setdefault(str(data.get("cls", "")), []).append((node, data))
    for number, (cls, members) in enumerate(sorted(by_class.items())):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f"    label={_quote(cls or 'other')}; color={_quote(colour(cls))};")
        for node, data in members:
            lines.append(f"    {_quote(node)} [label={_quote(str(data.get('label', node)))}, "
                         f"fillcolor={_quote(colour(cls))}];")
        lines.append("  }")
    for *ends, data in _edges(network):
        label = data.get("predicate") or ("+" if data.get("sign", 0) > 0 else "−")
        lines.append(f"  {_quote(ends[0])} {arrow} {_quote(ends[1])} [label={_quote(str(label))}];")
    lines.append("}")
    return ("\n".join(lines) + "\n").encode()


def _quote(text: str) -> str:
    """A DOT double-quoted string: backslashes and quotes escaped, line breaks as \\n."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "") + '"'


_WRITERS: dict[str, Callable[[nx.Graph], bytes]] = {
    "graphml": _graphml, "gexf": _gexf, "cytoscape": _cytoscape, "d3": _d3, "dot": _dot}

