// Sorts and filters every table marked "triable": click a header to sort (French amounts and dates understood),
// type in the box above to keep the rows that contain the text. Pages work the same without it.
(function () {
  function value(cell) {
    var text = cell.textContent.trim();
    var date = text.match(/^(\d{2})\/(\d{2})\/(\d{4})/);
    if (date) return date[3] + date[2] + date[1];
    var number = text.replace(/[\s\u00a0\u202f€%]/g, "").replace(",", ".");
    return /^-?\d+(\.\d+)?$/.test(number) ? parseFloat(number) : text.toLowerCase();
  }
  document.querySelectorAll("table.triable").forEach(function (table) {
    var body = table.tBodies[0];
    if (!body) return;
    var box = document.createElement("input");
    box.type = "search";
    box.placeholder = "Filtrer ce tableau";
    box.setAttribute("aria-label", "Filtrer ce tableau");
    box.className = "filtre-tableau";
    table.parentNode.insertBefore(box, table);
    box.addEventListener("input", function () {
      var needle = box.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = needle && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
      header.tabIndex = 0;
      header.setAttribute("aria-sort", "none");
      function sort() {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.setAttribute("aria-sort", "none"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[column] || a), y = value(b.cells[column] || b);
          var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      header.addEventListener("click", sort);
      header.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
    });
  });
})();
