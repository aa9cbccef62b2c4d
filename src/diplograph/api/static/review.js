// The review queue: the drafted candidates one after another, each opened beside its sentence with the fact it
// would become as a form — the vocabulary as choices, the graph's entities as names — and decided from the
// keyboard: j/k next and previous, e edit, a accept, r reject. The time spent on each is sent with the decision.
(function () {
  "use strict";
  const offered = JSON.parse(document.getElementById("review-data").textContent);
  const reader = window.diplographReader;
  const order = Object.keys(reader.supports).filter(id => reader.supports[id].candidate);
  order.sort((a, b) => position(a) - position(b));  // in reading order
  const decided = {};
  const position_ = document.getElementById("queue-position");
  let current = 0, token = "", openedAt = performance.now(), form = null;

  function position(id) {
    const mark = document.querySelector(`mark[data-quotes~="${id}"]`);
    const all = Array.from(document.querySelectorAll("mark[data-quotes]"));
    return mark ? all.indexOf(mark) : all.length;
  }

  function element(tag, properties, ...children) {
    const made = Object.assign(document.createElement(tag), properties || {});
    made.append(...children);
    return made;
  }

  const names = element("datalist", { id: "review-names" });
  for (const [value, label] of offered.names) names.append(element("option", { value: value, label: label }));
  document.body.append(names);

  function input(prop, value) {  // one value of a property, as its kind asks
    const kind = offered.fields[prop];
    if (kind === "choice") {
      const select = element("select", { name: prop }, element("option", { value: "" }, "—"));
      const known = offered.choices[prop].map(pair => pair[0]);
      for (const [choice, label] of offered.choices[prop]) {
        select.append(element("option", { value: choice }, choice === label ? choice : `${label} (${choice})`));
      }
      if (value && !known.includes(value)) select.append(element("option", { value: value }, value));
      select.value = value || "";
      return select;
    }
    const field = element("input", { name: prop, value: value || "",
                                     type: kind === "date" ? "date" : "text" });
    if (kind === "entity") field.setAttribute("list", "review-names");
    return field;
  }

  function row(prop, values) {
    const cell = element("span", { className: "values" });
    for (const value of values.length ? values : [""]) cell.append(input(prop, value));
    const wrap = element("div", { className: "field" }, element("label", {}, prop), cell);
    if (!offered.single.includes(prop)) {  // a property that takes several values: add another
      const more = element("button", { type: "button", className: "more", title: `another value of ${prop}` }, "+");
      more.addEventListener("click", () => cell.append(input(prop, "")));
      wrap.append(more);
    }
    return wrap;
  }

  function values(container, prop) {
    return Array.from(container.querySelectorAll(`[name="${prop}"]`)).map(f => f.value.trim()).filter(v => v);
  }

  function build(name, c) {
    openedAt = performance.now();
    if (order.includes(`c-${c.id}`)) { current = order.indexOf(`c-${c.id}`); update(); }  // opened by a click too
    const fields = element("div", { className: "fields" });
    for (const prop of Object.keys(offered.fields)) fields.append(row(prop, c.proposed[prop] || []));
    const secret = element("input", { name: "token", type: "password", autocomplete: "off", value: token });
    secret.addEventListener("input", () => { token = secret.value; });
    const anyway = element("input", { name: "force", type: "checkbox" });
    const result = element("p", { className: "review-result" });
    result.setAttribute("role", "status");
    const send = async action => {
      const set = {};
      let label = null;
      for (const prop of Object.keys(offered.fields)) {
        const now = values(fields, prop), before = (c.proposed[prop] || []).map(String);
        if (now.join("\u0000") === before.join("\u0000")) continue;  // only what the reviewer changed
        if (prop === "label") label = now[0] || null;
        else set[prop] = now.length === 1 ? now[0] : now;
      }
      const body = { action: action, set: set, force: anyway.checked,
                     seconds: Math.round((performance.now() - openedAt) / 100) / 10 };
      if (label) body.label = label;
      const response = await fetch(`/source/${encodeURIComponent(name)}/review/${c.id}`, {
        method: "POST", headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
        body: JSON.stringify(body) });
      const answer = await response.json().catch(() => ({ title: `${response.status} ${response.statusText}`,
                                                           detail: "the service gave no explanation" }));
      result.textContent = response.ok ? answer.done : `${answer.title}: ${answer.detail}`;
      result.className = "review-result " + (response.ok ? "done" : "refused");
      if (response.ok) {
        decided[c.id] = action;
        document.querySelectorAll(`mark[data-quotes~="c-${c.id}"]`).forEach(m => m.classList.add("decided"));
        update();
      }
    };
    const accept = element("button", { type: "button", className: "accept" }, "Accept (a)");
    const reject = element("button", { type: "button", className: "reject" }, "Reject (r)");
    accept.addEventListener("click", () => send("accept"));
    reject.addEventListener("click", () => send("reject"));
    form = element("form", { className: "review" }, fields,
                   element("div", { className: "field" }, element("label", {}, "update token"), secret));
    if (c.findings && c.findings.length) {
      form.append(element("div", { className: "field" },
                          element("label", {}, "accept despite the audit's findings"), anyway));
    }
    form.append(accept, " ", reject, result);
    form.addEventListener("submit", event => event.preventDefault());
    form.send = send;
    return form;
  }

  function update() {
    const done = Object.keys(decided).length;
    position_.textContent = `Candidate ${current + 1} of ${order.length} · ${done} decided`;
  }

  function go(step) {
    if (!order.length) return;
    current = Math.min(order.length - 1, Math.max(0, current + step));
    reader.open(order[current]);
    update();
  }

  window.diplographReview = { form: build };
  document.getElementById("queue-next").addEventListener("click", () => go(1));
  document.getElementById("queue-previous").addEventListener("click", () => go(-1));
  document.addEventListener("keydown", event => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === "Escape" && typing) { event.target.blur(); return; }
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "j" || event.key === "n") go(1);
    else if (event.key === "k" || event.key === "p") go(-1);
    else if (event.key === "e" && form) { event.preventDefault(); form.querySelector("select, input").focus(); }
    else if ((event.key === "a" || event.key === "r") && form) form.send(event.key === "a" ? "accept" : "reject");
    else return;
    event.preventDefault();
  });
  if (!location.hash) go(0);
  document.body.dataset.queue = "ready";
})();
