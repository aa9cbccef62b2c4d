"""HTML pages for people: home, the SPARQL editor, entity and source pages. Plain server-rendered HTML."""

from __future__ import annotations

import json
from html import escape

from rdflib import Literal, URIRef

from .. import __version__
from ..entities import Entity
from ..namespaces import DGR, DGS
from ..results import short

__all__ = ["editor_page", "entity_page", "explorer_page", "home_page", "link_for", "source_page"]


def _page(title: str, body: str, head: str = "") -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · diplograph</title><link rel="icon" href="/static/favicon.svg">
<link rel="stylesheet" href="/static/site.css">{head}</head>
<body><header><a class="brand" href="/">diplograph</a>
<nav><a href="/explore">Explore</a> <a href="/sparql">SPARQL</a> <a href="/queries">Queries</a>
<a href="/docs">API</a></nav></header>
<main>{body}</main>
<footer>diplograph {__version__} · every fact with its source and its words</footer></body></html>"""


def link_for(node: URIRef | Literal | str, label: str | None = None) -> str:
    """A link to the node's page when it is ours, else its IRI; literals as text."""
    if isinstance(node, Literal):
        return f"<span class=literal>{escape(str(node))}</span>"
    text = escape(label or short(URIRef(node)))
    iri = str(node)
    if iri.startswith(str(DGR)):
        return f'<a href="/id/{escape(iri[len(str(DGR)):])}">{text}</a>'
    if iri.startswith(str(DGS)):
        return f'<a href="/source/{escape(iri[len(str(DGS)):])}">{text}</a>'
    return f'<a href="{escape(iri)}" class=external title="{escape(iri)}">{text}</a>'


def home_page(stats: dict[str, int], queries: list[tuple[str, str]]) -> str:
    counts = "".join(f"<li><a href='/{name}'>{escape(name)}</a> <span class=count>{count}</span></li>"
                     for name, count in stats.items())
    canned = "".join(f"<li><a href='/queries/{escape(n)}'>{escape(t)}</a></li>" for n, t in queries)
    body = f"""<h1>diplograph</h1>
<p class=lede>The diplomacy around the Russia–Ukraine war as a knowledge graph: who demands what of whom, on which
conditions, which red lines collide — each fact with its source, its verbatim quote, and who asserts it.</p>
<section><h2>Browse</h2><ul class=counts>{counts}</ul></section>
<section><h2>Ask</h2><p><a href="/sparql">SPARQL editor</a> · <a href="/docs">API documentation</a></p>
<ul>{canned}</ul></section>"""
    return _page("diplograph", body)


def editor_page(service) -> str:
    """YASGUI, shipped with the package, pointed at this endpoint, with the canned queries as examples."""
    examples = [{"name": q.name, "title": q.title, "query": q.text} for q in service.graph.canned.values()]
    items = "".join(f"<li><button type=button data-index={i}>{escape(e['title'])}</button></li>"
                    for i, e in enumerate(examples))
    body = f"""<h1>SPARQL</h1>
<p>Prefixes <code>dg:</code>, <code>dgr:</code>, <code>dgs:</code>, <code>prov:</code>, <code>oa:</code>,
<code>skos:</code>, <code>rdfs:</code> … are predeclared. Queries are read-only and bounded in time and rows.</p>
<div class=editor><aside><h2>Examples</h2><ul class=examples>{items}</ul></aside><div id=yasgui></div></div>
<script src="/static/vendor/yasgui/yasgui.min.js"></script>
<script>
const examples = {json.dumps(examples)};
const yasgui = new Yasgui(document.getElementById("yasgui"), {{
  requestConfig: {{ endpoint: new URL("/sparql", location.href).href, method: "POST" }},
  copyEndpointOnNewTab: false, persistenceId: null, showEndpointButton: false
}});
if (examples.length) yasgui.getTab().setQuery(examples[0].query);
document.querySelectorAll(".examples button").forEach(button => button.addEventListener("click", () => {{
  yasgui.getTab().setQuery(examples[Number(button.dataset.index)].query);
}}));
</script>"""
    return _page("SPARQL", body, head='<link rel="stylesheet" href="/static/vendor/yasgui/yasgui.min.css">')


def entity_page(entity: Entity) -> str:
    types = ", ".join(link_for(t) for t in entity.types)
    aliases = f"<p class=aliases>also: {escape(', '.join(entity.aliases))}</p>" if entity.aliases else ""
    evidence = _evidence_list(entity.evidence)
    outgoing = "".join(f"<tr><th>{escape(r.predicate_label)}</th><td>{link_for(r.node, r.node_label)}</td></tr>"
                       for r in entity.outgoing)
    incoming = "".join(f"<tr><td>{link_for(r.node, r.node_label)}</td><th>{escape(r.predicate_label)}</th></tr>"
                       for r in entity.incoming)
    statements = "".join(
        f"<li><p>{link_for(s.iri, s.label)} <span class=via>({escape(short(s.via))})</span> — asserted by "
        f"{', '.join(link_for(a) for a in s.asserted_by) or 'unknown'}"
        f"{' · ' + escape(short(s.mode)) if s.mode else ''}</p>{_evidence_list(s.evidence)}</li>"
        for s in entity.statements)
    body = f"""<h1>{escape(entity.label)}</h1><p class=iri><code>{escape(str(entity.iri))}</code> · {types}</p>
{aliases}{evidence}
<section><h2>Relations</h2><table class=relations>{outgoing or '<tr><td>none</td></tr>'}</table></section>
<section><h2>Referred to by</h2><table class=relations>{incoming or '<tr><td>none</td></tr>'}</table></section>
<section><h2>Statements and their sources</h2><ul class=statements>{statements or '<li>none</li>'}</ul></section>
<p class=formats>As data: <a href="?format=turtle">Turtle</a> · <a href="?format=jsonld">JSON-LD</a> ·
<a href="/entities/{escape(str(entity.iri).rsplit('/', 1)[-1])}">JSON</a></p>"""
    return _page(entity.label, body)


def source_page(entity: Entity, text_url: str) -> str:
    return entity_page(entity).replace(
        "<section><h2>Relations</h2>", f'<p><a href="{escape(text_url)}">Read the text</a></p>'
        "<section><h2>Relations</h2>", 1)


def _evidence_list(evidence) -> str:
    if not evidence:
        return ""
    items = "".join(f"<li><blockquote>{escape(e.quote)}</blockquote><cite>{link_for(e.source)}</cite></li>"
                    for e in evidence)
    return f"<ul class=evidence>{items}</ul>"


def explorer_page() -> str:
    """The interactive graph: Cytoscape.js (shipped with the package) over the Cytoscape.js export."""
    body = """<div class=explorer>
<aside><input type=search id=search placeholder="Search labels…" aria-label="Search"> <span id=search-count></span>
<p id=count>loading…</p>
<fieldset><legend>Classes</legend><div id=classes></div></fieldset>
<fieldset><legend>Sources</legend><div id=sources></div></fieldset>
<p><a href="/export/graphml?download=true">GraphML</a> · <a href="/export/gexf?download=true">GEXF</a> ·
<a href="/export/cytoscape">Cytoscape JSON</a></p></aside>
<div id=graph></div>
<aside id=panel><p>Click a node to see its relations and the quotes behind them.</p></aside>
</div>
<script src="/static/vendor/cytoscape/cytoscape.min.js"></script>
<script src="/static/explorer.js"></script>"""
    return _page("Explore", body)
