/* The calibration forum page: the kurva distribusi chart and the search boxes of the long lists.
 * The chart reads the numbers from the JSON the page embeds (selectors.forum_view().chart) and its
 * translated labels from the canvas' data attributes; everything it shows is also in the table below it. */
(function () {
  "use strict";

  function drawChart() {
    var canvas = document.getElementById("forum-chart");
    var source = document.getElementById("forum-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") return;
    var data = JSON.parse(source.textContent);
    var outside = data.counts.map(function (n, i) {
      return data.max.length && (n > data.max[i] || n < data.min[i]);
    });
    var datasets = [
      {
        type: "bar",
        label: canvas.dataset.people,
        data: data.counts,
        backgroundColor: outside.map(function (bad) { return bad ? "rgba(176, 42, 55, .75)" : "rgba(11, 79, 138, .75)"; }),
        borderRadius: 3,
        order: 3
      }
    ];
    if (data.max.length) {
      datasets.push({
        type: "line", label: canvas.dataset.max, data: data.max, borderColor: "#b02a37", backgroundColor: "#b02a37",
        borderDash: [6, 4], borderWidth: 2, pointRadius: 3, tension: 0, fill: false, order: 1
      });
      datasets.push({
        type: "line", label: canvas.dataset.min, data: data.min, borderColor: "#8a4b00", backgroundColor: "#8a4b00",
        borderDash: [2, 3], borderWidth: 2, pointRadius: 3, tension: 0, fill: false, order: 1
      });
    }
    if (data.target && data.target.length) {
      datasets.push({
        type: "line", label: canvas.dataset.target, data: data.target, borderColor: "#146c43", backgroundColor: "#146c43",
        borderWidth: 2, pointRadius: 4, pointStyle: "rectRot", tension: 0, fill: false, order: 0
      });
    }
    var narrow = window.matchMedia("(max-width: 575.98px)").matches;
    // "Needs improvement (Butuh Perbaikan)" on two lines, and "Poor/Misconduct" broken at the slash, so the
    // five predikat fit side by side without rotating.
    var labels = data.labels.map(function (label) {
      return label.replace("/", "/\n").replace(" (", "\n(").split("\n");
    });
    new window.Chart(canvas, {
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: {
            position: "bottom",
            labels: {
              boxWidth: 14,
              font: { size: narrow ? 10 : 12 },
              sort: function (a, b) { return a.datasetIndex - b.datasetIndex; }
            }
          },
          tooltip: { callbacks: { title: function (items) { return data.labels[items[0].dataIndex]; } } }
        },
        scales: {
          x: { ticks: { autoSkip: false, maxRotation: 0, font: { size: narrow ? 8 : 11 } } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: !narrow, text: canvas.dataset.axis } }
        }
      }
    });
  }

  function normalise(text) {
    return (text || "").toLowerCase().replace(/\s+/g, " ");
  }

  // A search box filtering the rows of a table (data-filter-rows="<selector of the rows>").
  function wireRowFilters() {
    document.querySelectorAll("[data-filter-rows]").forEach(function (input) {
      var rows = Array.prototype.slice.call(document.querySelectorAll(input.dataset.filterRows));
      var texts = rows.map(function (row) { return normalise(row.cells[0] ? row.cells[0].textContent : row.textContent); });
      input.addEventListener("input", function () {
        var wanted = normalise(input.value).trim();
        rows.forEach(function (row, i) { row.hidden = wanted !== "" && texts[i].indexOf(wanted) === -1; });
      });
    });
  }

  // A search box narrowing the options of a multiple select (data-filter-options="#select-id"); chosen ones stay.
  function wireOptionFilters() {
    document.querySelectorAll("[data-filter-options]").forEach(function (input) {
      var select = document.querySelector(input.dataset.filterOptions);
      if (!select) return;
      input.addEventListener("input", function () {
        var wanted = normalise(input.value).replace(/\s/g, "");
        Array.prototype.forEach.call(select.options, function (option) {
          var text = normalise(option.textContent).replace(/\s/g, "");
          option.hidden = wanted !== "" && !option.selected && text.indexOf(wanted) === -1;
        });
      });
    });
  }

  // The rows carry an empty <details>; the form comes from one <template> when a row's "Adjust" opens
  // (hundreds of identical forms would make a large OPD's page megabytes long). Refused attempts come back
  // from the server as a whole filled-in <details>, which htmx swaps in.
  function wireAdjustForms() {
    var template = document.getElementById("adjust-form-template");
    if (!template) return;
    document.addEventListener("toggle", function (event) {
      var details = event.target;
      if (!details.matches || !details.matches("details[data-adjust]") || !details.open) return;
      if (details.querySelector("form")) return;
      var html = template.innerHTML.split("__EV__").join(details.dataset.adjust);
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var form = holder.querySelector("form");
      details.appendChild(form);
      if (window.htmx) window.htmx.process(form);
      var first = form.querySelector("select");
      if (first) first.focus();
    }, true);
  }

  function start() {
    wireAdjustForms();
    drawChart();
    wireRowFilters();
    wireOptionFilters();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
