/* The predikat as the two ratings are chosen (rating form, keberatan decision): the year's matrix is in the
   page (json_script), so the result and the highlighted matrix cell follow each click without a request. */
(function () {
  "use strict";
  function setup(form) {
    var source = document.getElementById(form.dataset.matrix || "predikat-matrix");
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var output = form.querySelector("[data-predikat-output]");
    var cells = form.querySelectorAll("[data-cell]");
    var changedOnly = form.querySelectorAll("[data-when-changed]");
    function checked(name) {
      var input = form.querySelector('input[name="' + name + '"]:checked');
      return input ? input.value : "";
    }
    function update() {
      var outcome = checked("outcome");
      changedOnly.forEach(function (el) { el.hidden = outcome !== "" && outcome !== "changed"; });
      var results = checked("results_rating");
      var behaviour = checked("behaviour_rating");
      var predikat = (data.matrix[results] || {})[behaviour] || "";
      if (output) {
        output.textContent = predikat ? data.labels[predikat] : output.dataset.empty;
        output.className = "badge rounded-pill fs-6 text-bg-" + (predikat ? data.tones[predikat] : "secondary");
      }
      cells.forEach(function (cell) { cell.classList.toggle("is-current", cell.dataset.cell === results + ":" + behaviour); });
    }
    form.addEventListener("change", update);
    update();
  }
  document.querySelectorAll("form[data-rating-form]").forEach(setup);
})();
