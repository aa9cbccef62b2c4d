// The source reader: a click (or Enter) on a highlighted passage lists what it supports; #q-… opens one.
(function () {
  "use strict";
  const supports = JSON.parse(document.getElementById("supports-data").textContent);
  const panel = document.getElementById("supports");

  function text(tag, value, className) {
    const element = document.createElement(tag);
    element.textContent = value;
    if (className) element.className = className;
    return element;
  }

  function show(ids) {
    panel.replaceChildren();
    for (const id of ids) {
      const entry = supports[id];
      if (!entry) continue;
      const section = document.createElement("section");
      section.append(text("blockquote", entry.quote));
      if (entry.candidate) {  // a drafted statement, for review
        const c = entry.candidate;
        section.className = "candidate";
        section.append(text("h3", `Drafted: ${c.kind} (${c.assertion_mode}), confidence ${c.confidence.toFixed(2)}`));
        const facts = document.createElement("ul");
        facts.append(text("li", "asserted by: " + (c.asserted_by || "to be named")));
        if (c.stated_on) facts.append(text("li", `said on: ${c.stated_on} (${c.date_precision})`));
        facts.append(text("li", "rule: " + c.rule));
        for (const m of c.mentions) {
          facts.append(text("li", `mentions “${m.text}” → ${m.label}` + (m.score < 1 ? ` (close match ${m.score})` : "")));
        }
        if (c.new_entities && c.new_entities.length) {
          facts.append(text("li", "names not in the graph yet: " + c.new_entities.join(", ")));
        }
        if (c.measures && c.measures.length) facts.append(text("li", "calls for / towards: " + c.measures.join(", ")));
        section.append(facts);
        if (c.findings && c.findings.length) {  // the audit, run on the fact as it would be written
          const found = document.createElement("ul");
          found.className = "findings";
          for (const f of c.findings) found.append(text("li", f));
          section.append(text("p", "The audit, on this candidate as drafted (correct it, or accept anyway):"));
          section.append(found);
        }
        const mode = document.getElementById("review-mode");
        if (mode && mode.dataset.writable === "true" && window.diplographReview) {
          section.append(window.diplographReview.form(entry.name, c));
        } else {
          section.append(text("p", "Accept, or reject for good:"));
          section.append(text("pre", `diplograph review ${entry.name} --accept ${c.id}\ndiplograph review ${entry.name} --reject ${c.id}`));
        }
        panel.append(section);
        continue;
      }
      const list = document.createElement("ul");
      list.className = "supports";
      for (const item of entry.supports) {
        const li = document.createElement("li");
        const link = text("a", item.label);
        link.href = "/id/" + encodeURIComponent(item.iri.split("/").pop());
        const by = item.by.length ? " · asserted by " + item.by.join(", ") : "";
        li.append(link, " ", text("span", item.types.join(", ") + by + (item.mode ? " · " + item.mode : ""), "via"));
        list.append(li);
      }
      const here = text("a", "link to this passage");
      here.href = "#" + id;
      const paragraph = document.createElement("p");
      paragraph.append(here);
      section.append(list, paragraph);
      panel.append(section);
    }
  }

  function select(mark, ids) {
    document.querySelectorAll("mark.selected").forEach(m => m.classList.remove("selected"));
    if (mark) mark.classList.add("selected");
    show(ids);
  }

  document.querySelectorAll("mark[data-quotes]").forEach(mark => {
    const open = () => select(mark, mark.dataset.quotes.split(" ").reverse());  // the innermost passage first
    mark.addEventListener("click", open);
    mark.addEventListener("keydown", event => { if (event.key === "Enter") open(); });
  });

  // for the review queue (review.js): open one anchor's entry, its passage selected and in view
  window.diplographReader = {
    open(id) {
      const mark = document.querySelector(`mark[data-quotes~="${id}"]`);
      select(mark, [id]);
      if (mark) mark.scrollIntoView({block: "center"});
    },
    supports: supports,
  };

  const target = location.hash.slice(1);
  if (supports[target]) {
    show([target]);
    document.querySelectorAll(`mark[data-quotes~="${target}"]`).forEach(m => m.classList.add("target"));
    const anchor = document.getElementById(target);
    if (anchor) anchor.scrollIntoView({block: "center"});
  }
  document.body.dataset.ready = "true";
})();
