"""HTML views of the JSON resources, for a browser: the same data, one URL, chosen by Accept or ``?format=html``.

Datasette is the model: every collection, canned query and analysis is a
page with a table (sortable by a click on a heading), facets and paging where
they apply, a form for its parameters, and links to the same answer as JSON
and CSV. Values that name an entity of the graph link to its page.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlencode

from fastapi import Request

from ..namespaces import DGR, DGS
from .negotiation import choose
from .pages import link_for, page, quote_anchor

__all__ = ["analyses_page", "analysis_page", "collection_page", "graphs_page", "prefers_html", "problem_page",
           "queries_page", "query_page", "reader_page"]


def prefers_html(request: Request, format: str | None = None) -> bool:
    """Whether to answer with a page: ``?format=html``, or a browser's Accept (HTML before JSON)."""
    if format:
        return format == "html"
    return choose(request.headers.get("accept"), ["application/json", "text/html"]) == "text/html"


# ---------------------------------------------------------------------- values and tables

def cell(value: object, labels: dict[str, str] | None = None) -> str:
    """A value as table cell content: entity IRIs and prefixed names link to their pages (named by ``labels``
    when it knows them); lists joined."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(cell(v, labels) for v in value)
    if isinstance(value, dict) and "statement" in value:  # a statement with its words (changes, corroboration)
        details = " · ".join(escape(str(value[k])) for k in ("stance", "date") if value.get(k))
        kind = f" ({escape(str(value['dateKind']))})" if value.get("dateKind") else ""
        quotes = "".join(f"<blockquote>{escape(q)}</blockquote>" for q in value.get("quotes", []))
        return f"{cell(value['statement'], {value['statement']: value.get('label', value['statement'])})}" \
               f"<br><span class=via>{details}{kind}</span>{quotes}"
    if isinstance(value, dict):
        return "<br>".join(f"{escape(str(k))}: {cell(v, labels)}" for k, v in value.items())
    text = str(value)
    if text.startswith((str(DGR), str(DGS))):
        return link_for(text)
    if text.startswith("dgr:") and " " not in text:
        return f'<a href="/id/{escape(text[4:])}">{escape((labels or {}).get(text, text))}</a>'
    if text.startswith("dgs:") and " " not in text:
        return f'<a href="/source/{escape(text[4:])}">{escape(text)}</a>'
    if text.startswith(("http://", "https://")) and " " not in text:
        return f'<a class=external href="{escape(text)}">{escape(text)}</a>'
    return escape(text)


def table(columns: list[str], rows: list[dict], *, caption: str = "", labels: dict[str, str] | None = None) -> str:
    """A sortable table; a column with a companion ``…Label`` column shows the label, linked to the entity."""
    if not rows:
        return "<p class=empty>No rows.</p>"
    companion = {c: label for c in columns for label in (f"{c}Label", f"{c}_label") if label in columns}
    shown = [c for c in columns if c not in companion.values()]

    def content(row: dict, column: str) -> str:
        value, label = row.get(column), row.get(companion.get(column, ""))
        if value is None or label is None:
            return cell(value, labels)
        text = str(value)
        if text.startswith("dgr:"):
            return f'<a href="/id/{escape(text[4:])}">{escape(str(label))}</a>'
        return link_for(text, str(label)) if text.startswith((str(DGR), str(DGS))) else escape(str(label))

    head = "".join(f"<th scope=col>{escape(c)}</th>" for c in shown)
    body = "".join("<tr>" + "".join(f"<td>{content(row, c)}</td>" for c in shown) + "</tr>" for row in rows)
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<div class=scroll><table class='data sortable'>{title}<thead><tr>{head}</tr></thead>" \
           f"<tbody>{body}</tbody></table></div>"


def formats(request: Request, names: tuple[str, ...] = ("json", "csv")) -> str:
    links = []
    for name in names:
        params = {k: v for k, v in request.query_params.items() if k != "format"} | {"format": name}
        links.append(f'<a href="{escape(request.url.path)}?{escape(urlencode(params))}">{name.upper()}</a>')
    return f"<p class=formats>This page as data: {' · '.join(links)}</p>"


def _form(operation, values: dict) -> str:
    """The GET form of an operation (:mod:`diplograph.operations`), filled with the current values.

    Entity parameters offer the graph's names (a datalist); choices are a
    select; booleans a checkbox; dates a date field.
    """
    inputs = []
    for parameter in operation.parameters:
        name, kind = parameter.name, parameter.type
        default = parameter.default
        current = values.get(name, "" if default in (None, "*") else default)
        label = f"<label for='f-{escape(name)}'>{escape(name)}</label>"
        if parameter.choices:
            options = "".join(f"<option{' selected' if str(current) == c else ''}>{escape(c)}</option>"
                              for c in ("", *parameter.choices))
            control = f"<select id='f-{escape(name)}' name='{escape(name)}'>{options}</select>"
        elif kind == "bool":
            checked = " checked" if str(current).lower() in ("1", "true", "yes") else ""
            control = f"<input type=checkbox id='f-{escape(name)}' name='{escape(name)}' value=true{checked}>"
        else:
            typed = {"date": "date", "int": "number", "integer": "number"}.get(kind, "text")
            listed = " list=entity-names" if parameter.entity or kind == "str" else ""
            control = (f"<input type={typed} id='f-{escape(name)}' name='{escape(name)}'{listed} "
                       f"value='{escape(str(current))}'>")
        note = parameter.description + ("" if parameter.required else " (optional)")
        inputs.append(f"<div class=field>{label}{control}<small>{escape(note)}</small></div>")
    return (f"<form class=params method=get action='{escape(operation.path)}'>{''.join(inputs)}"
            "<button type=submit>Run</button></form>")


def _names_list(names: list[str]) -> str:
    """A datalist of entity labels, for the parameter fields' autocompletion."""
    return "<datalist id=entity-names>" + "".join(f"<option value='{escape(n)}'>" for n in names) + "</datalist>"


# ---------------------------------------------------------------------- collections

def collection_page(name: str, found: dict, request: Request) -> str:
    params = dict(request.query_params)
    offset, limit = int(params.get("offset", 0)), int(params.get("limit", 50))
    rows = [{"label": item["label"], "entity": item["iri"], "classes": ", ".join(item["types"]),
             "sources": item["sources"], "also": ", ".join(item["aliases"])} for item in found["data"]]
    facets = []
    for facet, counts in found["facets"].items():
        key = {"class": "kind"}.get(facet, facet)
        items = "".join(
            f"<li><a href='?{escape(urlencode({**params, key: value, 'offset': 0}))}'>{escape(value)}</a> "
            f"<span class=count>{count}</span></li>" for value, count in counts.items())
        facets.append(f"<section class=facet><h2>{escape(facet)}</h2><ul>{items}</ul></section>")
    filters = [f"{escape(k)} = {escape(v)} <a href='?{escape(urlencode({x: y for x, y in params.items() if x != k}))}'"
               f" title='remove this filter'>×</a>" for k, v in params.items() if k in ("q", "kind", "source",
                                                                                          "asserted_by")]
    shown = f"{offset + 1}–{offset + len(rows)}" if rows else "0"
    pager = []
    if offset:
        pager.append(f"<a rel=prev href='?{escape(urlencode({**params, 'offset': max(0, offset - limit)}))}'>"
                     "← previous</a>")
    if offset + len(rows) < found["count"]:
        pager.append(f"<a rel=next href='?{escape(urlencode({**params, 'offset': offset + limit}))}'>next →</a>")
    search = (f"<form class=search method=get><input type=search name=q aria-label='Search {escape(name)}' "
              f"placeholder='label or alias contains…' value='{escape(params.get('q', ''))}'>"
              "<button type=submit>Search</button></form>")
    body = f"""<h1>{escape(name.capitalize())}</h1>
<p class=summary><span id=total data-count="{found['count']}">{found['count']}</span> {escape(name)};
showing {shown}{' · filtered by ' + ', '.join(filters) if filters else ''}</p>
{search}
<div class=browse><aside class=facets>{''.join(facets)}</aside>
<div>{table(["label", "entity", "classes", "sources", "also"], rows)}<nav class=pager>{' '.join(pager)}</nav></div>
</div>
{formats(request)}"""
    return page(name.capitalize(), body)


# ---------------------------------------------------------------------- canned queries

def queries_page(queries: list) -> str:
    items = "".join(f"<li><a href='/queries/{escape(q.name)}'>{escape(q.title)}</a><p>{escape(q.description)}</p>"
                    "</li>" for q in queries)
    body = f"""<h1>Canned queries</h1>
<p class=lede>Questions the graph answers by name, each with its parameters, its quotes and its SPARQL; open one to
run it. The same list as data: <a href="/queries?format=json">JSON</a>.</p>
<ul class=catalogue>{items}</ul>"""
    return page("Queries", body)


def query_page(query, operation, request: Request, answer: dict | None, names: list[str],
               error: str | None = None) -> str:
    values = {k: v for k, v in request.query_params.items() if k not in ("format", "offset", "limit")}
    result = ""
    if error:
        result = f"<div class=problem role=alert><h2>The query could not run</h2><p>{escape(error)}</p></div>"
    elif answer is not None:
        pager = ""
        if answer.get("next"):
            pager = f"<nav class=pager><a rel=next href='{escape(answer['next'])}'>next page →</a></nav>"
        result = (f"<p class=summary><span id=row-count data-count='{answer['count']}'>{answer['count']}</span> "
                  f"row(s){' (more on the next page)' if answer.get('has_more') else ''}</p>"
                  f"{table(answer['columns'], answer['rows'])}{pager}{formats(request, ('json', 'csv', 'tsv'))}")
    body = f"""<h1>{escape(query.title)}</h1><p class=lede>{escape(query.description)}</p>
{_form(operation, values)}{_names_list(names)}
<section class=result>{result}</section>
<details><summary>SPARQL</summary><pre><code>{escape(query.text)}</code></pre>
<p><a class=open-in-editor href="/sparql#{escape(urlencode({'sparql': query.text}))}">Open in the SPARQL editor</a></p>
</details>"""
    return page(query.title, body)


# ---------------------------------------------------------------------- analyses

def analyses_page(analyses: list) -> str:
    items = "".join(f"<li><a href='/analysis/{escape(a.name)}'>{escape(a.title)}</a><p>{escape(a.description)}</p>"
                    "</li>" for a in analyses)
    body = f"""<h1>Analyses</h1>
<p class=lede>networkx over the graph's projections. Derived results name the rule that produced them; every link
comes with the quotes behind it. The same list as data: <a href="/analysis?format=json">JSON</a>.</p>
<ul class=catalogue>{items}</ul>"""
    return page("Analyses", body)


def analysis_page(analysis, operation, request: Request, result: object, names: list[str],
                  error: str | None = None, ask: bool = False) -> str:
    values = {k: v for k, v in request.query_params.items() if k != "format"}
    rules = "".join(f"<li><b>{escape(k)}</b>: {escape(v)}</li>" for k, v in analysis.rules.items())
    if error:
        shown = f"<div class=problem role=alert><h2>The analysis could not run</h2><p>{escape(error)}</p></div>"
    elif ask:
        shown = "<p>Name the entities above (a label, an alias or an IRI), then run it.</p>"
    else:
        shown = _result(result) + formats(request, ("json",))
    body = f"""<h1>{escape(analysis.title)}</h1><p class=lede>{escape(analysis.description)}</p>
{_form(operation, values) if operation.parameters else ''}{_names_list(names)}
{f'<section><h2>Rules</h2><ul class=rules>{rules}</ul></section>' if rules else ''}
<section class=result>{shown}</section>"""
    return page(analysis.title, body)


def _result(result: object, labels: dict[str, str] | None = None) -> str:
    """An analysis result as tables: a list of records, a list of paths, or a record of such lists.

    A result that names its nodes (``labels``: CURIE → label) shows the names.
    """
    if isinstance(result, dict) and isinstance(result.get("labels"), dict):
        labels = {**(labels or {}), **result["labels"]}
    if isinstance(result, list) and result and all(isinstance(r, dict) for r in result):
        columns = list(dict.fromkeys(k for r in result for k in r))
        return (f"<p class=summary><span id=row-count data-count='{len(result)}'>{len(result)}</span> row(s)</p>"
                + table(columns, result, labels=labels))
    if isinstance(result, list) and result and all(isinstance(r, list) for r in result):  # paths
        return "".join(f"<h2>Path {n}</h2>" + _result(path, labels) for n, path in enumerate(result, start=1))
    if isinstance(result, dict):
        parts = []
        for key, value in result.items():
            if key == "labels":
                continue
            if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
                parts.append(f"<h2>{escape(key)}</h2>" + _result(value, labels))
            elif isinstance(value, list) and value and all(isinstance(v, list) for v in value):
                parts.append(f"<h2>{escape(key)}</h2><ol class=groups>"
                             + "".join(f"<li>{cell(v, labels)}</li>" for v in value) + "</ol>")
            elif not isinstance(value, dict):
                parts.append(f"<p><b>{escape(key)}</b>: {cell(value, labels) or 'none'}</p>")
        return "".join(parts)
    return "<p class=empty>Nothing found.</p>" if not result else f"<pre>{escape(json.dumps(result))}</pre>"


# ---------------------------------------------------------------------- graphs, problems

def graphs_page(stats: dict) -> str:
    rows = [{"graph": name, "triples": count} for name, count in stats["graphs"].items()]
    for row in rows:
        if str(row["graph"]).startswith(str(DGS)):
            row["document"] = row["graph"]
    classes = [{"class": name, "members": count} for name, count in stats["classes"].items()]
    body = f"""<h1>Named graphs</h1>
<p class=lede>One graph per source document, plus the ontology and the reference entities:
<span id=triples>{stats['triples']:,}</span> triples in all. Each graph can be downloaded through the Graph Store
Protocol (<code>/store?graph=…</code>).</p>
{table(["graph", "document", "triples"], rows)}
<h2>Entities per class</h2>{table(["class", "members"], classes)}
<p class=formats>As data: <a href="/stats">JSON</a></p>"""
    return page("Graphs", body)


def problem_page(status: int, title: str, detail: str, extra: dict) -> str:
    more = ""
    if "line" in extra and "column" in extra:
        more = f"<p>At line {extra['line']}, column {extra['column']}.</p>"
    if extra.get("suggestion"):
        more += f"<p>Did you mean <b>{escape(str(extra['suggestion']))}</b>?</p>"
    body = f"""<div class=problem role=alert><h1>{status} · {escape(title)}</h1><p>{escape(detail)}</p>{more}</div>
<p><a href="javascript:history.back()">← Back</a> · <a href="/">Home</a> · <a href="/queries">Queries</a>
· <a href="/sparql">SPARQL</a></p>"""
    return page(title, body)


# ---------------------------------------------------------------------- the source reader

def reader_page(reading: dict, title: str, candidates: list[dict] | None = None, *, writable: bool = False) -> str:
    """The source's text with every quote highlighted; a click lists what the quote supports.

    With ``candidates`` (the review view), the drafted statements' sentences
    are highlighted too, in their own colour, and a click shows the proposal
    and the commands that accept or reject it.

    Quotes may nest ("Russian President Vladimir Putin" inside the sentence
    that quotes him): the text is cut at every quote's start and end, and each
    piece is marked with all the quotes covering it. Lines no quote touches
    are shown as uncited — the coverage view, for the editor adding facts.
    """
    text: str = reading["text"]
    spans = []
    for quote, supported in sorted(reading["quotes"].items()):
        start = text.find(quote)
        if start >= 0:
            spans.append((start, start + len(quote), quote, supported))
    data = {quote_anchor(q): {"quote": q, "supports": sup} for _, _, q, sup in spans}
    for candidate in candidates or []:
        start = text.find(candidate["sentence"])
        if start >= 0:
            anchor = f"c-{candidate['id']}"
            spans.append((start, start + len(candidate["sentence"]), anchor, None))
            data[anchor] = {"quote": candidate["sentence"], "supports": [], "candidate": candidate,
                            "name": reading["name"]}
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    def anchor_of(quote: str, supported) -> str:
        return quote if supported is None else quote_anchor(quote)  # a candidate's anchor is its own name

    starts = {}
    for start, _, quote, supported in spans:
        starts.setdefault(start, []).append(anchor_of(quote, supported))
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [anchor_of(q, sup) for s, e, q, sup in spans if s <= a and b <= e]
        anchors = "".join(f"<a class=anchor id='{i}'></a>" for i in starts.get(a, []))
        chunk = escape(text[a:b])
        if covering:
            kind = "candidate" if all(c.startswith("c-") for c in covering) else f"depth-{min(len(covering), 3)}"
            pieces.append(f"{anchors}<mark data-quotes='{' '.join(covering)}' class='{kind}'"
                          f" tabindex=0>{chunk}</mark>")
        else:
            pieces.append(anchors + chunk)
    lines = "".join(pieces).split("\n")
    content = [line for line in text.split("\n") if line.strip()]
    def cites(line: str) -> bool:
        return "<mark" in line and "class='depth-" in line

    cited_lines = sum(1 for line in lines if cites(line))
    rendered = "".join(f"<p class='{'cited' if cites(line) else 'uncited'}'>{line or '&nbsp;'}</p>"
                       if line.strip() else "<p class=blank></p>" for line in lines)
    spans = [span for span in spans if span[3] is not None]  # the counts below are of quotes, not candidates
    drafted = ""
    if candidates is not None:
        how = ("accept (after editing, if need be) or reject each beside it, with the service's update token"
               if writable else "accept or reject each with the command shown beside it (this service is "
               "read-only; `serve --allow-review` lets a reviewer with the token do it here)")
        drafted = (f"<p class=summary><span id=candidate-count data-count='{len(candidates)}'>{len(candidates)}"
                   f"</span> drafted candidate(s) pending review, highlighted in blue; {how}.</p>"
                   f"<div id=review-mode data-writable='{'true' if writable else 'false'}' hidden></div>")
    name = reading["name"]
    embedded = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")  # no "</script>" inside the JSON
    body = f"""<h1>{escape(title)}</h1>
<p class=summary><span id=quote-count data-count="{len(spans)}">{len(spans)}</span> quoted passages;
<span id=cited-lines data-count="{cited_lines}">{cited_lines}</span> of {len(content)} lines cite-bearing
(<span class=uncited-key>uncited lines are shaded</span>). Click a highlighted passage for what it supports.
· <a href="/source/{escape(name)}?format=html&amp;view=facts">The document's facts</a>
· <a href="/source/{escape(name)}/text">Plain text</a> · <a href="/source/{escape(name)}?view=review">Drafted
candidates</a></p>{drafted}
<div class=reader><article class=text>{rendered}</article>
<aside id=supports aria-live=polite><p>Select a highlighted passage.</p></aside></div>
<script type=application/json id=supports-data>{embedded}</script>
<script src="/static/reader.js" defer></script>"""
    return page(title, body)
