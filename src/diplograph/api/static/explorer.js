// The graph explorer: Cytoscape.js over /export/cytoscape. It opens on the stance network of the actors (who is with
// or against whom, and why); the view switcher shows one entity's neighbourhood or the whole graph. A legend names
// each class by its colour; edges are directed and labelled (the relation, or the stance's sign); a click on a node
// shows its relations as links and the quotes behind them (from /entities/{id}).
(function () {
  "use strict";
  const params = new URLSearchParams(location.search);
  const view = params.get("view") || (params.get("entity") ? "entity" : "stance");
  const source = new URLSearchParams({ view: view });
  if (params.get("entity")) { source.set("entity", params.get("entity")); source.set("depth", params.get("depth") || "1"); }
  const status = document.getElementById("count");
  const panel = document.getElementById("panel");
  const search = document.getElementById("search");
  const searchCount = document.getElementById("search-count");

  // the view switcher shows where we are, and moves elsewhere
  const viewSelect = document.getElementById("view"), entityInput = document.getElementById("entity");
  viewSelect.value = params.get("entity") ? "neighbourhood" : view;
  entityInput.value = params.get("entity") || "";
  document.getElementById("views").addEventListener("submit", event => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (viewSelect.value === "neighbourhood") {
      next.set("view", "entity");
      next.set("entity", entityInput.value || "Russia");
      next.set("depth", document.getElementById("depth").value);
    } else {
      next.set("view", viewSelect.value);
    }
    location.search = next.toString();
  });

  function text(tag, content, className) {
    const element = document.createElement(tag);
    element.textContent = content;
    if (className) element.className = className;
    return element;
  }

  function readable(cls) { return (cls || "other").replace(/^dg:/, "").replace(/([a-z])([A-Z])/g, "$1 $2"); }

  function checkboxes(container, values, onChange, colours) {
    values.forEach(value => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox"; box.checked = true; box.value = value;
      box.addEventListener("change", onChange);
      label.append(box, " ");
      if (colours) {
        const swatch = text("span", "", "swatch");
        swatch.style.background = colours[value];
        label.append(swatch, " " + readable(value));
      } else {
        label.append(value);
      }
      container.append(label);
    });
  }

  function checked(container) {
    return new Set([...container.querySelectorAll("input:checked")].map(box => box.value));
  }

  fetch("/export/cytoscape?" + source).then(response => {
    if (!response.ok) return response.json().then(problem => { throw new Error(problem.detail); });
    return response.json();
  }).then(graph => {
    const maxRank = Math.max(0.000001, ...graph.elements.nodes.map(n => n.data.pagerank || 0));
    const stance = view === "stance";
    const cy = cytoscape({
      container: document.getElementById("graph"),
      elements: graph.elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
            "background-color": "data(colour)", "label": "data(label)", "font-size": 11, "color": "#1d2330",
            "text-wrap": "wrap", "text-max-width": 120, "text-valign": "bottom", "text-margin-y": 3,
            "text-background-color": "#ffffff", "text-background-opacity": 0.75, "text-background-padding": 1,
            "min-zoomed-font-size": 7,
            "width": n => 12 + 36 * (n.data("pagerank") || 0) / maxRank,
            "height": n => 12 + 36 * (n.data("pagerank") || 0) / maxRank } },
        { selector: "edge", style: {
            "width": 1, "line-color": "#aab4c3", "curve-style": "bezier", "target-arrow-shape": "triangle",
            "target-arrow-color": "#aab4c3", "arrow-scale": 0.7, "label": "data(label)", "font-size": 8,
            "color": "#5b6475", "text-rotation": "autorotate", "min-zoomed-font-size": 9 } },
        { selector: "edge[sign]", style: {
            "target-arrow-shape": "none", "label": e => (e.data("sign") > 0 ? "+" : "−") + e.data("weight"),
            "font-size": 10, "min-zoomed-font-size": 6, "width": e => 1 + Math.min(5, e.data("weight") || 1),
            "line-color": e => e.data("sign") > 0 ? "#2f855a" : "#c53030" } },
        { selector: ".match", style: { "border-width": 3, "border-color": "#d69e2e" } },
        { selector: ":selected", style: { "border-width": 3, "border-color": "#1d2330" } },
      ],
      layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => stance ? 60000 : 20000,
                idealEdgeLength: () => stance ? 160 : 90, nodeOverlap: 40, padding: 30 },
    });
    window.diplographExplorer = cy;  // for tests and the curious

    function updateCount() {
      const nodes = cy.nodes(":visible").length, edges = cy.edges(":visible").length;
      status.textContent = `${nodes} nodes, ${edges} edges` + (stance ? " · green: with, red: against" : "");
      status.dataset.nodes = nodes;
    }

    const colours = {};
    graph.elements.nodes.forEach(n => { colours[n.data.cls || "other"] = n.data.colour; });
    const classes = Object.keys(colours).sort();
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
    checkboxes(classBox, classes, applyFilters, colours);
    checkboxes(sourceBox, sources, applyFilters);
    sourceBox.closest("fieldset").hidden = sources.length === 0;  // the stance view's links come from many sources

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
  }).catch(error => { status.textContent = "could not load the graph: " + error.message; });

  function pageOf(iri) {
    for (const [base, local] of [["https://w3id.org/diplograph/id/", "/id/"], ["https://w3id.org/diplograph/source/", "/source/"]]) {
      if (iri.startsWith(base)) return local + iri.slice(base.length);
    }
    return null;
  }

  function relationList(relations, outgoing) {
    const list = document.createElement("ul"); list.className = "relations";
    const seen = new Set();
    relations.forEach(r => {
      const key = r.predicate + " " + r.node;
      if (seen.has(key)) return;  // the same relation held in two graphs is listed once
      seen.add(key);
      const li = document.createElement("li");
      const href = pageOf(r.node);
      const target = href ? Object.assign(document.createElement("a"), { href: href, textContent: r.node_label })
                          : text("span", r.node_label);
      li.append(...(outgoing ? [text("span", r.predicate_label + " ", "via"), target]
                             : [target, text("span", " " + r.predicate_label, "via")]));
      list.append(li);
    });
    return list;
  }

  function show(id) {
    panel.replaceChildren(text("p", "Loading…"));
    fetch("/entities/" + encodeURIComponent(id)).then(response => response.json()).then(entity => {
      const parts = [text("h2", entity.label)];
      const link = document.createElement("a");
      link.href = pageOf(entity.iri) || "/entities/" + encodeURIComponent(id);
      link.textContent = "Open its page"; link.className = "page-link";
      const around = document.createElement("a");
      around.href = "/explore?" + new URLSearchParams({ view: "entity", entity: id, depth: "1" });
      around.textContent = "Explore around it"; around.className = "around-link";
      parts.push(link, text("span", " · "), around);
      const quotes = [...(entity.evidence || []).map(e => e.quote),
                      ...(entity.statements || []).flatMap(s => s.evidence.map(e => e.quote))];
      if (quotes.length) {
        parts.push(text("h3", "In the sources' words"));
        const list = document.createElement("ul"); list.className = "quotes";
        [...new Set(quotes)].slice(0, 30).forEach(q => list.append(text("li", "“" + q + "”")));
        parts.push(list);
      }
      if (entity.outgoing.length) parts.push(text("h3", "Relations"), relationList(entity.outgoing.slice(0, 60), true));
      if (entity.incoming.length) parts.push(text("h3", "Referred to by"), relationList(entity.incoming.slice(0, 60), false));
      panel.replaceChildren(...parts);
    }).catch(error => panel.replaceChildren(text("p", "could not load: " + error)));
  }
})();
