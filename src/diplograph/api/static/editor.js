// The SPARQL editor: YASGUI (shipped with the package) on this endpoint, the canned queries as examples.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("editor-data").textContent);
  const examples = data.examples;

  // the service answers a failed query with RFC 9457 problem details: show their words, and where in the query
  async function problemRenderer(error) {
    let body = error && (error.text || error.responseText || (error.response && error.response.text));
    if (typeof body === "function") body = await body.call(error.response);
    let problem;
    try { problem = JSON.parse(body); } catch (_) { return undefined; }
    if (!problem || !problem.title) return undefined;
    const box = document.createElement("div");
    box.className = "problem service-problem";
    const title = document.createElement("h2");
    title.textContent = problem.status + " · " + problem.title;
    const detail = document.createElement("p");
    detail.textContent = problem.detail;
    box.append(title, detail);
    if (problem.line !== undefined) {
      const where = document.createElement("p");
      where.className = "where";
      where.textContent = "At line " + problem.line + ", column " + problem.column + ".";
      box.append(where);
    }
    return box;
  }
  // Yasgui builds each result pane's error renderers from Yasr's defaults (after its own CORS check)
  Yasgui.Yasr.defaults.errorRenderers = [problemRenderer];
  // read before Yasgui starts, which rewrites the address's fragment for its own tab state
  const asked = new URLSearchParams(location.hash.slice(1)).get("sparql");  // /sparql#sparql=… (?query= runs it)
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: new URL("/sparql", location.href).href, method: "POST" },
    copyEndpointOnNewTab: false, persistenceId: null, showEndpointButton: false,
    yasr: { prefixes: data.prefixes }
  });
  window.yasgui = yasgui;
  if (asked) yasgui.getTab().setQuery(asked);
  else if (examples.length) yasgui.getTab().setQuery(examples[0].query);
  // result IRIs of this graph open their page here, not at w3id.org
  document.getElementById("yasgui").addEventListener("click", event => {
    const link = event.target.closest("a[href]");
    if (!link) return;
    for (const [base, local] of data.local) {
      if (link.href.startsWith(base)) {
        event.preventDefault();
        location.href = local + link.href.slice(base.length);
      }
    }
  }, true);
  document.querySelectorAll(".examples button").forEach(button => button.addEventListener("click", () => {
    yasgui.getTab().setQuery(examples[Number(button.dataset.index)].query);
  }));
})();
