/*
 * Faceted filtering of the cases overview (praktijkvoorbeelden/).
 *
 * Progressive enhancement: without this script the overview's pages list every case
 * and the filters stay hidden (the "Bladeren" links lead to every facet). The script reads praktijkvoorbeelden/filter.json
 * (every case with its values), so filtering covers all cases even when the list has
 * several pages. Within a group any checked value matches (OR); across groups all must
 * match (AND). The choice lives in the URL (?domein=sociaal&fase=...&bron=rapport), so
 * a filtered view can be bookmarked and shared. Counts show how many cases a value would
 * give together with the other groups' choices. With "bron=rapport" only the report's
 * own typings count; the editors' typings then read as unknown.
 * Text from the data is always set with textContent, never as HTML.
 */
(function () {
  "use strict";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  function cases(count) {
    return count === 1 ? "1 praktijkvoorbeeld" : count + " praktijkvoorbeelden";
  }

  function setup() {
    var form = document.getElementById("kb-filter");
    var list = document.getElementById("kb-cases");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "true";

    var box = form.closest("details");
    var total = box ? box.querySelector(".kb-filter__total") : null;
    var pagination = document.querySelector(".kb-pagination");
    var heading = document.getElementById("alle");
    var headingText = heading ? heading.firstChild.textContent : "";
    var original = list.innerHTML;
    var status = document.querySelector(".kb-filter__status");
    var empty = document.querySelector(".kb-filter__empty");
    var drops = document.querySelector(".kb-filter__drops");
    var reportOnly = form.querySelector("input[name=bron]");
    var groups = Array.prototype.map.call(form.querySelectorAll(".kb-filter__group"), function (element) {
      return {
        key: element.getAttribute("data-filter"),
        label: element.querySelector("summary").firstChild.textContent.trim(),
        element: element
      };
    });
    var unknown = [];
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

    function valuesOf(item, index) {
      return (reportOnly && reportOnly.checked ? item.rapport : item.waarden)[index];
    }

    function matches(item, choice, skip) {
      return data.groepen.every(function (key, index) {
        if (key === skip || !choice[key] || choice[key].length === 0) return true;
        var values = valuesOf(item, index);
        return choice[key].some(function (value) { return values.indexOf(value) !== -1; });
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
      var summary = document.createElement("p");
      summary.className = "kb-card__summary";
      summary.textContent = item.samenvatting;
      li.appendChild(link);
      li.appendChild(meta);
      li.appendChild(summary);
      return li;
    }

    function writeUrl(choice) {
      var params = new URLSearchParams();
      groups.forEach(function (group) {
        choice[group.key].forEach(function (value) { params.append(group.key, value); });
      });
      if (reportOnly && reportOnly.checked) params.append("bron", "rapport");
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    // When a combination leaves nothing: offer to let go of one group, with what that gives.
    function offerDrops(choice) {
      drops.innerHTML = "";
      groups.forEach(function (group) {
        if (!choice[group.key].length) return;
        var without = {};
        Object.keys(choice).forEach(function (key) { without[key] = key === group.key ? [] : choice[key]; });
        var count = data.voorbeelden.filter(function (item) { return matches(item, without, null); }).length;
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = "Zonder " + group.label.toLowerCase() + ": " + cases(count);
        button.addEventListener("click", function () {
          each(group.element.querySelectorAll("input:checked"), function (input) { input.checked = false; });
          update(true);
          status.focus();
        });
        li.appendChild(button);
        drops.appendChild(li);
      });
    }

    function update(changed) {
      var choice = chosen();
      if (changed) writeUrl(choice);
      var active = groups.some(function (group) { return choice[group.key].length > 0; });
      var pickedAll = 0;
      groups.forEach(function (group) {
        var picked = choice[group.key].length;
        pickedAll += picked;
        group.element.querySelector(".kb-filter__chosen").textContent = picked ? " (" + picked + " gekozen)" : "";
      });
      if (total) total.textContent = pickedAll ? " (" + pickedAll + ")" : "";
      if (!data) return;
      var total = data.voorbeelden.length;
      var found = data.voorbeelden.filter(function (item) { return matches(item, choice, null); });
      groups.forEach(function (group) {
        var index = data.groepen.indexOf(group.key);
        each(group.element.querySelectorAll("input"), function (input) {
          var count = data.voorbeelden.filter(function (item) {
            return matches(item, choice, group.key) && valuesOf(item, index).indexOf(input.value) !== -1;
          }).length;
          var label = input.parentNode;
          label.querySelector(".kb-filter__count").textContent = "(" + count + ")";
          input.setAttribute("aria-label", label.textContent.replace(/\(\d+\)\s*$/, "").trim() + ", " + cases(count));
        });
      });
      var notice = unknown.length ? " Niet gevonden en genegeerd: " + unknown.join(", ") + "." : "";
      empty.hidden = true;
      if (!active) {
        list.innerHTML = original;
        if (pagination) pagination.hidden = false;
        if (heading) heading.firstChild.textContent = headingText;
        status.textContent = "Alle " + cases(total) + "." + notice;
        return;
      }
      list.innerHTML = "";
      found.forEach(function (item) { list.appendChild(card(item)); });
      if (pagination) pagination.hidden = true;
      if (heading) heading.firstChild.textContent = "Praktijkvoorbeelden die passen (" + found.length + ")";
      status.textContent = found.length + " van de " + cases(total) + (found.length === 1 ? " past" : " passen") + " bij uw keuze." + notice;
      if (!found.length) {
        empty.hidden = false;
        offerDrops(choice);
      }
    }

    // Restore a shared choice from the URL, and name what it asks for that does not exist.
    var params = new URLSearchParams(location.search);
    groups.forEach(function (group) {
      var wanted = params.getAll(group.key);
      var known = [];
      each(group.element.querySelectorAll("input"), function (input) {
        input.checked = wanted.indexOf(input.value) !== -1;
        known.push(input.value);
      });
      wanted.forEach(function (value) {
        if (known.indexOf(value) === -1) unknown.push(group.label.toLowerCase() + " '" + value + "'");
      });
      if (wanted.length) group.element.open = true;
    });
    if (reportOnly) reportOnly.checked = params.get("bron") === "rapport";

    status.setAttribute("tabindex", "-1");
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { unknown = []; update(true); }, 0); });
    if (box) {
      box.hidden = false;
      // Beside the results on wide screens: open. On phones: folded, unless a shared choice is in the address.
      var wide = window.matchMedia("(min-width: 60em)");
      box.open = wide.matches || location.search.length > 1;
    }
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
