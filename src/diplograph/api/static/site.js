// Every page: tables marked "sortable" sort by a click on a column heading (numbers as numbers).
(function () {
  "use strict";
  document.querySelectorAll("table.sortable").forEach(table => {
    table.querySelectorAll("thead th").forEach((heading, column) => {
      heading.tabIndex = 0;
      heading.title = "sort by this column";
      const sort = () => {
        const ascending = heading.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(h => h.removeAttribute("aria-sort"));
        heading.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        const key = row => row.cells[column] ? row.cells[column].textContent.trim() : "";
        rows.sort((a, b) => {
          const x = key(a), y = key(b);
          const numeric = x !== "" && y !== "" && !isNaN(x) && !isNaN(y);
          const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, {sensitivity: "base"});
          return ascending ? order : -order;
        });
        body.append(...rows);
      };
      heading.addEventListener("click", sort);
      heading.addEventListener("keydown", event => { if (event.key === "Enter") sort(); });
    });
  });
})();
