// The graph explorer: Cytoscape.js over /export/cytoscape, with search, class and source filters, and a side
// panel that shows a node's relations and the quotes behind them (from /entities/{id}).
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const source = new URLSearchParams({ view: params.get("view") || "entity" });
  if (params.get("entity")) { source.set("entity", params.get("entity")); source.set("depth", params.get("depth") || "1"); }
  const status = document.getElementById("count");
  const panel = document.getElementById("panel");
  const search = document.getElementById("search");
  const searchCount = document.getElementById("search-count");

  function text(tag, content, className) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  function checkboxes(container, values, onChange) {
    values.forEach(value => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.checked = true; box.value = value;
      box.addEventListener("change", onChange);
      label.append(box, " " + value);
      container.append(label);
    });
  }

  function checked(container) {
    return new Set([...container.querySelectorAll("input:checked")].map(box => box.value));
  }

  fetch("/export/cytoscape?" + source).then(response => response.json()).then(graph => {
    const maxRank = Math.max(0.000001, ...graph.elements.nodes.map(n => n.data.pagerank || 0));
    const cy = cytoscape({
      container: document.getElementById("graph"),
      elements: graph.elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
            "background-color": "data(colour)", "label": "data(label)", "font-size": 7, "color": "#1d2330",
            "text-wrap": "ellipsis", "text-max-width": 90,
            "width": n => 8 + 40 * (n.data("pagerank") || 0) / maxRank,
            "height": n => 8 + 40 * (n.data("pagerank") || 0) / maxRank } },
        { selector: "edge", style: { "width": 0.6, "line-color": "#cbd2dd", "curve-style": "haystack" } },
        { selector: ".match", style: { "border-width": 3, "border-color": "#d69e2e" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#1d2330" } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 60 },
    });
    window.diplographExplorer = cy;  // for tests and the curious

    function updateCount() {
      const nodes = cy.nodes(":visible").length, edges = cy.edges(":visible").length;
      status.textContent = `${nodes} nodes, ${edges} edges`;
      status.dataset.nodes = nodes;
    }

    const classes = [...new Set(graph.elements.nodes.map(n => n.data.cls || "other"))].sort();
    const sources = [...new Set(graph.elements.nodes.flatMap(n => (n.data.sources || [])))].sort();
    const classBox = document.getElementById("classes"), sourceBox = document.getElementById("sources");
    function applyFilters() {
      const shownClasses = checked(classBox), shownSources = checked(sourceBox);
      cy.batch(() => cy.nodes().forEach(node => {
        const cls = node.data("cls") || "other";
        const nodeSources = node.data("sources") || [];
        const visible = shownClasses.has(cls) && (nodeSources.length === 0 || nodeSources.some(s => shownSources.has(s)));
        node.style("display", visible ? "element" : "none");
      }));
      updateCount();
    }
    checkboxes(classBox, classes, applyFilters);
    checkboxes(sourceBox, sources, applyFilters);

    search.addEventListener("input", () => {
      const query = search.value.trim().toLowerCase();
      cy.nodes().removeClass("match");
      if (!query) { searchCount.textContent = ""; return; }
      const matches = cy.nodes().filter(n => (n.data("label") || "").toLowerCase().includes(query));
      matches.addClass("match");
      searchCount.textContent = `${matches.length} found`;
      if (matches.length) cy.animate({ fit: { eles: matches, padding: 80 } }, { duration: 200 });
    });

    cy.on("tap", "node", event => show(event.target.id()));
    updateCount();
    document.body.dataset.ready = "true";
  }).catch(error => { status.textContent = "could not load the graph: " + error; });

  function show(id) {
    panel.replaceChildren(text("p", "Loading…"));
    fetch("/entities/" + encodeURIComponent(id)).then(response => response.json()).then(entity => {
      const parts = [text("h2", entity.label)];
      const link = document.createElement("a");
      link.href = entity.iri.startsWith("https://w3id.org/diplograph/id/") ? "/id/" + entity.id : "/entities/" + encodeURIComponent(id);
      link.textContent = "Open its page"; link.className = "page-link";
      parts.push(link);
      const quotes = [...(entity.evidence || []).map(e => e.quote),
                      ...(entity.statements || []).flatMap(s => s.evidence.map(e => e.quote))];
      if (quotes.length) {
        parts.push(text("h3", "In the sources' words"));
        const list = document.createElement("ul"); list.className = "quotes";
        [...new Set(quotes)].slice(0, 30).forEach(q => list.append(text("li", "“" + q + "”")));
        parts.push(list);
      }
      const relations = [...entity.outgoing.map(r => `${r.predicate_label} → ${r.node_label}`),
                         ...entity.incoming.map(r => `${r.node_label} → ${r.predicate_label}`)];
      if (relations.length) {
        parts.push(text("h3", "Relations"));
        const list = document.createElement("ul"); list.className = "relations";
        relations.slice(0, 40).forEach(r => list.append(text("li", r)));
        parts.push(list);
      }
      panel.replaceChildren(...parts);
    }).catch(error => panel.replaceChildren(text("p", "could not load: " + error)));
  }
})();
