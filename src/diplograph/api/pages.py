"""HTML pages for people: home, the SPARQL editor, entity and source pages. Plain server-rendered HTML."""

from __future__ import annotations

import hashlib
import json
from html import escape

from rdflib import Literal, URIRef

from .. import __version__
from ..entities import Entity
from ..namespaces import DGR, DGS, PREFIXES
from ..results import short

__all__ = ["editor_page", "entity_page", "explorer_page", "home_page", "link_for", "page", "quote_anchor",
           "source_page"]

NAVIGATION = (("/", "Browse"), ("/queries", "Queries"), ("/analysis", "Analyses"), ("/sources", "Sources"),
              ("/graphs", "Graphs"), ("/explore", "Explore"), ("/sparql", "SPARQL"), ("/docs", "API"))
"""The same navigation on every page."""


def page(title: str, body: str, head: str = "") -> str:
    """A complete page: the site's header and navigation, ``body``, the footer; sortable tables made so."""
    links = " ".join(f'<a href="{href}">{text}</a>' for href, text in NAVIGATION)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · diplograph</title><link rel="icon" href="/static/favicon.svg">
<link rel="stylesheet" href="/static/site.css">{head}</head>
<body><header><a class="brand" href="/">diplograph</a>
<nav aria-label="Site">{links}</nav></header>
<main>{body}</main>
<footer>diplograph {__version__} · every fact with its source and its words</footer>
<script src="/static/site.js" defer></script></body></html>"""


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
    return page("diplograph", body)


def editor_page(service) -> str:
    """YASGUI, shipped with the package, pointed at this endpoint, with the canned queries as examples."""
    header = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    # the predeclared prefixes written out, so the editor's checker knows them too (no false "not defined")
    examples = [{"name": q.name, "title": q.title, "query": header + _without_comments(q.text)}
                for q in service.graph.canned.values()]
    items = "".join(f"<li><button type=button data-index={i}>{escape(e['title'])}</button></li>"
                    for i, e in enumerate(examples))
    body = f"""<h1>SPARQL</h1>
<p>Prefixes <code>dg:</code>, <code>dgr:</code>, <code>dgs:</code>, <code>prov:</code>, <code>oa:</code>,
<code>skos:</code>, <code>rdfs:</code> … are predeclared. Queries are read-only and bounded in time and rows.</p>
<div class=editor><aside><h2>Examples</h2><ul class=examples>{items}</ul></aside><div id=yasgui></div></div>
<script src="/static/vendor/yasgui/yasgui.min.js"></script>
<script>
const examples = {json.dumps(examples)};
const prefixes = {json.dumps(dict(PREFIXES))};
// the service answers a failed query with RFC 9457 problem details: show their words, and where in the query
async function problemRenderer(error) {{
  let body = error && (error.text || error.responseText || (error.response && error.response.text));
  if (typeof body === "function") body = await body.call(error.response);
  let problem;
  try {{ problem = JSON.parse(body); }} catch (_) {{ return undefined; }}
  if (!problem || !problem.title) return undefined;
  const box = document.createElement("div");
  box.className = "problem service-problem";
  const title = document.createElement("h2");
  title.textContent = problem.status + " · " + problem.title;
  const detail = document.createElement("p");
  detail.textContent = problem.detail;
  box.append(title, detail);
  if (problem.line !== undefined) {{
    const where = document.createElement("p");
    where.className = "where";
    where.textContent = "At line " + problem.line + ", column " + problem.column + ".";
    box.append(where);
  }}
  return box;
}}
// Yasgui builds each result pane's error renderers from Yasr's defaults (after its own CORS check)
Yasgui.Yasr.defaults.errorRenderers = [problemRenderer];
// read before Yasgui starts, which rewrites the address's fragment for its own tab state
const asked = new URLSearchParams(location.hash.slice(1)).get("sparql");  // /sparql#sparql=… (?query= runs it)
const yasgui = new Yasgui(document.getElementById("yasgui"), {{
  requestConfig: {{ endpoint: new URL("/sparql", location.href).href, method: "POST" }},
  copyEndpointOnNewTab: false, persistenceId: null, showEndpointButton: false,
  yasr: {{ prefixes: prefixes }}
}});
if (asked) yasgui.getTab().setQuery(asked);
else if (examples.length) yasgui.getTab().setQuery(examples[0].query);
// result IRIs of this graph open their page here, not at w3id.org
document.getElementById("yasgui").addEventListener("click", event => {{
  const link = event.target.closest("a[href]");
  if (!link) return;
  for (const [base, local] of [["{DGR}", "/id/"], ["{DGS}", "/source/"]]) {{
    if (link.href.startsWith(base)) {{
      event.preventDefault();
      location.href = local + link.href.slice(base.length);
    }}
  }}
}}, true);
document.querySelectorAll(".examples button").forEach(button => button.addEventListener("click", () => {{
  yasgui.getTab().setQuery(examples[Number(button.dataset.index)].query);
}}));
</script>"""
    return page("SPARQL", body, head='<link rel="stylesheet" href="/static/vendor/yasgui/yasgui.min.css">')


def _without_comments(text: str) -> str:
    """A canned query's SPARQL without its leading metadata comments (title, description, parameters)."""
    return "\n".join(line for line in text.splitlines() if not line.startswith("# ")).strip() + "\n"


def entity_page(entity: Entity, timeline: list[dict] | None = None, conflicts: list[dict] | None = None) -> str:
    """An entity's page, in names: its classes, relations, the statements about it with who asserts them and how.

    For an actor, also its positions over time and the conflicts its demands and principles are in.
    """
    names = entity.names

    def name(node) -> str:
        return names.get(str(node), short(node))

    types = ", ".join(link_for(t, name(t)) for t in entity.types)
    aliases = f"<p class=aliases>also: {escape(', '.join(entity.aliases))}</p>" if entity.aliases else ""
    evidence = _evidence_list(entity.evidence)
    outgoing = "".join(f"<tr><th>{escape(r.predicate_label)}</th><td>{link_for(r.node, r.node_label)}</td></tr>"
                       for r in entity.outgoing)
    incoming = "".join(f"<tr><td>{link_for(r.node, r.node_label)}</td><th>{escape(r.predicate_label)}</th></tr>"
                       for r in entity.incoming)
    statements = "".join(
        f"<li><p>{link_for(s.iri, s.label)} <span class=via>({escape(', '.join(name(t) for t in s.types))}, "
        f"{escape(name(s.via))})</span> — asserted by "
        f"{', '.join(link_for(a, name(a)) for a in s.asserted_by) or 'nobody named'}"
        f"{' · ' + escape(name(s.mode)) if s.mode else ''}</p>{_evidence_list(s.evidence)}</li>"
        for s in entity.statements)
    actor = ""
    if timeline is not None:
        rows = "".join(f"<tr><td>{escape(str(r.get('date', '')))}</td><td>{escape(str(r.get('dateKind', '')))}</td>"
                       f"<td>{escape(str(r.get('role', '')))}</td>"
                       f"<td>{link_for(str(r['statement']), str(r.get('statementLabel', '')))}</td></tr>"
                       for r in timeline)
        actor += (f"<section><h2>Over time</h2><table class='data sortable timeline'><thead><tr><th>date</th>"
                  f"<th>what kind of date</th><th>role</th><th>statement</th></tr></thead><tbody>{rows}</tbody>"
                  "</table></section>")
    if conflicts:
        rows = "".join(f"<tr><td>{_curie_link(c['demand'], c['demand_label'])}</td>"
                       f"<td>{_curie_link(c['opponent'], c['opponent_label'])}</td><td>{escape(c['rule'])}"
                       f"{' (read by ' + ', '.join(escape(r) for r in c['read_by']) + ')' if c['read_by'] else ''}"
                       "</td></tr>" for c in conflicts)
        actor += (f"<section><h2>Conflicts</h2><p class=summary>Its demands against others' principles and "
                  f"rejections, and others' demands against its principles; each by its rule "
                  f"(<a href='/analysis/conflicts'>the conflict map</a>).</p><table class='data sortable conflicts'>"
                  f"<thead><tr><th>demand</th><th>against</th><th>rule</th></tr></thead><tbody>{rows}</tbody>"
                  "</table></section>")
    body = f"""<h1>{escape(entity.label)}</h1><p class=iri><code>{escape(str(entity.iri))}</code> · {types}</p>
{aliases}{evidence}{actor}
<section><h2>Relations</h2><table class=relations>{outgoing or '<tr><td>none</td></tr>'}</table></section>
<section><h2>Referred to by</h2><table class=relations>{incoming or '<tr><td>none</td></tr>'}</table></section>
<section><h2>Statements and their sources</h2><ul class=statements>{statements or '<li>none</li>'}</ul></section>
<p class=formats>As data: <a href="?format=turtle">Turtle</a> · <a href="?format=jsonld">JSON-LD</a> ·
<a href="/entities/{escape(str(entity.iri).rsplit('/', 1)[-1])}">JSON</a></p>"""
    return page(entity.label, body)


def _curie_link(curie: str, label: str) -> str:
    if curie.startswith("dgr:"):
        return f'<a href="/id/{escape(curie[4:])}">{escape(label)}</a>'
    return escape(label)


def source_page(entity: Entity, text_url: str) -> str:
    reader = text_url.removesuffix("/text")
    return entity_page(entity).replace(
        "<section><h2>Relations</h2>", f'<p><a href="{escape(reader)}">Read the text with its quotes</a> · '
        f'<a href="{escape(text_url)}">plain text</a></p><section><h2>Relations</h2>', 1)


def _evidence_list(evidence) -> str:
    if not evidence:
        return ""
    items = "".join(f"<li><blockquote>{escape(e.quote)}</blockquote><cite>{link_for(e.source)} · "
                    f"<a class=in-context href='{escape(_in_context(e))}'>in context</a></cite></li>"
                    for e in evidence)
    return f"<ul class=evidence>{items}</ul>"


def quote_anchor(quote: str) -> str:
    """The fragment id of a quote in the source reader (stable: the same quote, the same anchor)."""
    return "q-" + hashlib.sha1(quote.encode()).hexdigest()[:10]


def _in_context(evidence) -> str:
    """The quote's place in the source reader."""
    return f"/source/{str(evidence.source).rsplit('/', 1)[-1]}#{quote_anchor(evidence.quote)}"


def explorer_page() -> str:
    """The interactive graph: Cytoscape.js (shipped with the package) over the Cytoscape.js export."""
    body = """<div class=explorer>
<aside><form id=views><label for=view>View</label>
<select id=view><option value=stance>Stance network (actors)</option>
<option value=neighbourhood>Neighbourhood of an entity</option><option value=entity>Whole graph</option></select>
<input id=entity placeholder="entity, e.g. Russia" aria-label="Entity">
<select id=depth aria-label="Hops"><option>1</option><option>2</option></select>
<button type=submit>Show</button></form>
<input type=search id=search placeholder="Search labels…" aria-label="Search"> <span id=search-count></span>
<p id=count>loading…</p>
<fieldset><legend>Classes (legend)</legend><div id=classes></div></fieldset>
<fieldset><legend>Sources</legend><div id=sources></div></fieldset>
<p><a href="/export/graphml?download=true">GraphML</a> · <a href="/export/gexf?download=true">GEXF</a> ·
<a href="/export/cytoscape">Cytoscape JSON</a></p></aside>
<div id=graph></div>
<aside id=panel><p>Click a node to see its relations and the quotes behind them.</p></aside>
</div>
<script src="/static/vendor/cytoscape/cytoscape.min.js"></script>
<script src="/static/explorer.js"></script>"""
    return page("Explore", body)
