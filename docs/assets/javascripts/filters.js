/*
 * Faceted filtering of the cases overview (praktijkvoorbeelden/).
 *
 * Progressive enhancement: without this script the overview's pages list every case
 * and the filter form stays hidden. The script reads praktijkvoorbeelden/filter.json
 * (every case with its values), so filtering covers all cases even when the list has
 * several pages. Within a group any checked value matches (OR); across groups all must
 * match (AND). The choice lives in the URL (?domein=sociaal&fase=...), so a filtered
 * view can be bookmarked and shared. Counts show how many cases a value would give
 * together with the other groups' choices.
 */
(function () {
  "use strict";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function setup() {
    var form = document.getElementById("kb-filter");
    var list = document.getElementById("kb-cases");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "true";

    var pagination = document.querySelector(".kb-pagination");
    var original = list.innerHTML;
    var status = form.querySelector(".kb-filter__status");
    var groups = Array.prototype.map.call(form.querySelectorAll(".kb-filter__group"), function (element) {
      return { key: element.getAttribute("data-filter"), element: element };
    });
    var data = null;

    function chosen() {
      var choice = {};
      groups.forEach(function (group) {
        choice[group.key] = Array.prototype.map.call(group.element.querySelectorAll("input:checked"), function (input) {
          return input.value;
        });
      });
      return choice;
    }

    function matches(item, choice, skip) {
      return data.groepen.every(function (key, index) {
        if (key === skip || !choice[key] || choice[key].length === 0) return true;
        return choice[key].some(function (value) { return item.waarden[index].indexOf(value) !== -1; });
      });
    }

    function card(item) {
      var li = document.createElement("li");
      li.className = "kb-card";
      var link = document.createElement("a");
      link.className = "kb-card__title";
      link.href = form.getAttribute("data-base") + item.id + "/";
      link.textContent = item.titel;
      var meta = document.createElement("p");
      meta.className = "kb-card__meta";
      meta.textContent = item.meta;
      li.appendChild(link);
      li.appendChild(meta);
      return li;
    }

    function writeUrl(choice) {
      var params = new URLSearchParams();
      groups.forEach(function (group) {
        choice[group.key].forEach(function (value) { params.append(group.key, value); });
      });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function update(changed) {
      var choice = chosen();
      if (changed) writeUrl(choice);
      var active = groups.some(function (group) { return choice[group.key].length > 0; });
      groups.forEach(function (group) {
        var picked = choice[group.key].length;
        group.element.querySelector(".kb-filter__chosen").textContent = picked ? " (" + picked + " gekozen)" : "";
      });
      if (!data) return;
      var total = data.voorbeelden.length;
      var found = data.voorbeelden.filter(function (item) { return matches(item, choice, null); });
      groups.forEach(function (group) {
        var index = data.groepen.indexOf(group.key);
        each(group.element.querySelectorAll("input"), function (input) {
          var count = data.voorbeelden.filter(function (item) {
            return matches(item, choice, group.key) && item.waarden[index].indexOf(input.value) !== -1;
          }).length;
          var label = input.parentNode;
          label.querySelector(".kb-filter__count").textContent = "(" + count + ")";
          input.setAttribute("aria-label", label.textContent.replace(/\(\d+\)\s*$/, "").trim() + ", " + count + " praktijkvoorbeelden");
        });
      });
      if (!active) {
        list.innerHTML = original;
        if (pagination) pagination.hidden = false;
        status.textContent = "Alle " + total + " praktijkvoorbeelden.";
        return;
      }
      list.innerHTML = "";
      found.forEach(function (item) { list.appendChild(card(item)); });
      if (pagination) pagination.hidden = true;
      status.textContent = found.length + " van de " + total + " praktijkvoorbeelden passen bij uw keuze.";
    }

    // Restore a shared choice from the URL.
    var params = new URLSearchParams(location.search);
    groups.forEach(function (group) {
      var wanted = params.getAll(group.key);
      each(group.element.querySelectorAll("input"), function (input) {
        input.checked = wanted.indexOf(input.value) !== -1;
      });
      if (wanted.length) group.element.open = true;
    });

    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
    form.hidden = false;
    update(false);
    fetch(form.getAttribute("data-src"))
      .then(function (response) { return response.json(); })
      .then(function (loaded) { data = loaded; update(false); })
      .catch(function () { status.textContent = "Filteren is nu niet beschikbaar; de lijst hieronder is volledig."; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
