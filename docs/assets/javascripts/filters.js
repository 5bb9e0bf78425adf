/*
 * Faceted filtering of the cases overview (praktijkvoorbeelden/).
 *
 * Progressive enhancement: without this script the page shows the complete list and
 * the filter form stays hidden. Within a group any checked value matches (OR); across
 * groups all must match (AND). The choice lives in the URL (?domein=sociaal&fase=...),
 * so a filtered view can be bookmarked and shared. Counts show how many cases a value
 * would give together with the other groups' choices.
 */
(function () {
  "use strict";

  function setup() {
    var form = document.getElementById("kb-filter");
    var list = document.getElementById("kb-cases");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "true";

    var cards = Array.prototype.slice.call(list.querySelectorAll(".kb-card"));
    var groups = Array.prototype.map.call(form.querySelectorAll(".kb-filter__group"), function (element) {
      return { key: element.getAttribute("data-filter"), element: element };
    });
    var status = form.querySelector(".kb-filter__status");
    var valuesOf = cards.map(function (card) {
      var values = {};
      groups.forEach(function (group) {
        var raw = card.getAttribute("data-" + group.key) || "";
        values[group.key] = raw ? raw.split(" ") : [];
      });
      return values;
    });

    function chosen() {
      var choice = {};
      groups.forEach(function (group) {
        choice[group.key] = Array.prototype.map.call(
          group.element.querySelectorAll("input:checked"),
          function (input) { return input.value; }
        );
      });
      return choice;
    }

    function matches(values, choice, skip) {
      return groups.every(function (group) {
        if (group.key === skip || choice[group.key].length === 0) return true;
        return choice[group.key].some(function (value) { return values[group.key].indexOf(value) !== -1; });
      });
    }

    function update(writeUrl) {
      var choice = chosen();
      var shown = 0;
      cards.forEach(function (card, index) {
        var visible = matches(valuesOf[index], choice, null);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      groups.forEach(function (group) {
        var picked = choice[group.key].length;
        group.element.querySelector(".kb-filter__chosen").textContent = picked ? " (" + picked + " gekozen)" : "";
        Array.prototype.forEach.call(group.element.querySelectorAll("input"), function (input) {
          var count = valuesOf.filter(function (values) {
            return matches(values, choice, group.key) && values[group.key].indexOf(input.value) !== -1;
          }).length;
          input.parentNode.querySelector(".kb-filter__count").textContent = "(" + count + ")";
          input.setAttribute("aria-label", input.parentNode.textContent.replace(/\(\d+\)\s*$/, "").trim() + ", " + count + " praktijkvoorbeelden");
        });
      });
      status.textContent = shown === cards.length
        ? "Alle " + cards.length + " praktijkvoorbeelden."
        : shown + " van de " + cards.length + " praktijkvoorbeelden passen bij uw keuze.";
      if (writeUrl) {
        var params = new URLSearchParams();
        groups.forEach(function (group) {
          choice[group.key].forEach(function (value) { params.append(group.key, value); });
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
      }
    }

    // Restore a shared choice from the URL.
    var params = new URLSearchParams(location.search);
    groups.forEach(function (group) {
      var wanted = params.getAll(group.key);
      Array.prototype.forEach.call(group.element.querySelectorAll("input"), function (input) {
        input.checked = wanted.indexOf(input.value) !== -1;
      });
      if (wanted.length) group.element.open = true;
    });

    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
    form.hidden = false;
    update(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
