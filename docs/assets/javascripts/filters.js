/*
 * Faceted filtering of the cases overview (praktijkvoorbeelden/), over the whole collection.
 *
 * Progressive enhancement: without this script the overview's pages list every case
 * and the filters stay hidden (the "Bladeren" links lead to every facet). The script asks
 * Pagefind's index (pagefind/, the same index the search uses), which holds every case's
 * values as filters (see praktijkvoorbeeld.html): the reader loads the index's filter
 * chunks and the cards of the matches shown, never a file with every case. Within a
 * group any checked value matches (any), or, when the reader asks for it on a group whose
 * cases can have several values, every checked value (all); across groups all must match. The choice
 * and the order live in the URL (?domein=sociaal&methodiek=...&alle=methodiek&bron=rapport&volgorde=nieuw),
 * so a filtered view can be bookmarked and shared. Counts show how many cases a value
 * would give together with the other groups' choices. With "bron=rapport" only the
 * report's own typings count (filters "rapport-<groep>"); the editors' read as unknown.
 * Text from the index is always set with textContent, never as HTML.
 */
(function () {
  "use strict";

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  var PAGE = 20; // cards shown at a time; "Meer tonen" adds the next ones
  var MARK = /~/g; // compound marks in the index's copy of the text

  function cases(count) {
    return count === 1 ? "1 praktijkvoorbeeld" : count + " praktijkvoorbeelden";
  }

  function pagefind(bundle) {
    // The same module instance as the search field's (modules are cached by address).
    // The filter chunks are loaded once, first: searches that run before they arrive count nothing.
    return import(bundle + "pagefind.js").then(function (pf) {
      return pf.options({ baseUrl: new URL(bundle + "../", location.href).pathname })
        .then(function () { return pf.filters(); })
        .then(function () { return pf; });
    });
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
    var more = document.querySelector(".kb-filter__more");
    var order = form.querySelector("select[name=volgorde]");
    var reportOnly = form.querySelector("input[name=bron]");
    var groups = Array.prototype.map.call(form.querySelectorAll(".kb-filter__group"), function (element) {
      return {
        key: element.getAttribute("data-filter"),
        label: element.querySelector("summary").firstChild.textContent.trim(),
        element: element
      };
    });
    var unknown = [];
    var engine = null;
    var shown = [];
    var latest = 0;

    function chosen() {
      var choice = {};
      groups.forEach(function (group) {
        choice[group.key] = Array.prototype.map.call(group.element.querySelectorAll("input[name='" + group.key + "']:checked"), function (input) {
          return input.value;
        });
      });
      return choice;
    }

    // Pagefind's filters for a choice: only cases; any value within a group, all groups.
    function allOf(group) {
      var box = group.element.querySelector("input[name=alle]");
      return Boolean(box && box.checked);
    }

    // Pagefind's filters for a choice: only cases; per group any (or, when asked, all) of
    // the chosen values, and every group. A group in "all" mode keeps its own choice when
    // its counts are made: a count then says what adding that value would leave.
    function filtersFor(choice, skip) {
      var prefix = reportOnly && reportOnly.checked ? "rapport-" : "";
      var filters = { soort: "Praktijkvoorbeeld" };
      groups.forEach(function (group) {
        if (choice[group.key].length && (group.key !== skip || allOf(group))) {
          filters[prefix + group.key] = allOf(group) ? { all: choice[group.key] } : { any: choice[group.key] };
        }
      });
      return filters;
    }

    function sortFor() {
      return order && order.value === "nieuw" ? { toegevoegd: "desc" } : { titel: "asc" };
    }

    function card(data) {
      var li = document.createElement("li");
      li.className = "kb-card";
      var link = document.createElement("a");
      link.className = "kb-card__title";
      link.href = data.url;
      link.textContent = (data.meta.title || "").replace(MARK, "");
      var meta = document.createElement("p");
      meta.className = "kb-card__meta";
      meta.textContent = data.meta.kaart || "";
      var summary = document.createElement("p");
      summary.className = "kb-card__summary";
      summary.textContent = data.meta.samenvatting || "";
      li.appendChild(link);
      li.appendChild(meta);
      li.appendChild(summary);
      return li;
    }

    function writeUrl(choice) {
      var params = new URLSearchParams();
      groups.forEach(function (group) {
        choice[group.key].forEach(function (value) { params.append(group.key, value); });
        if (allOf(group)) params.append("alle", group.key);
      });
      if (reportOnly && reportOnly.checked) params.append("bron", "rapport");
      if (order && order.value === "nieuw") params.append("volgorde", "nieuw");
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
    }

    function showMore() {
      var ticket = latest;
      var next = shown.slice(list.children.length, list.children.length + PAGE);
      return Promise.all(next.map(function (result) { return result.data(); })).then(function (loaded) {
        if (ticket !== latest) return;
        loaded.forEach(function (data) { list.appendChild(card(data)); });
        more.hidden = list.children.length >= shown.length;
      });
    }

    // When a combination leaves nothing: offer to let go of one group, with what that gives.
    function offerDrops(pf, choice) {
      drops.innerHTML = "";
      var active = groups.filter(function (group) { return choice[group.key].length; });
      var items = [];
      return active.reduce(function (previous, group) {
        return previous.then(function () { return pf.search(null, { filters: filtersFor(choice, group.key) }); }).then(function (found) {
          var li = document.createElement("li");
          var button = document.createElement("button");
          button.type = "button";
          button.className = "md-button";
          button.textContent = "Zonder " + group.label.toLowerCase() + ": " + cases(found.results.length);
          button.addEventListener("click", function () {
            each(group.element.querySelectorAll("input:checked"), function (input) { input.checked = false; });  // with "alle"
            update(true);
            status.focus();
          });
          li.appendChild(button);
          items.push(li);
        });
      }, Promise.resolve()).then(function () { items.forEach(function (li) { drops.appendChild(li); }); });
    }

    function update(changed) {
      var ticket = ++latest;
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
      if (!engine) return;
      list.setAttribute("aria-busy", "true"); // until the list and the counts are those of this choice
      function done() {
        if (ticket === latest) list.removeAttribute("aria-busy");
      }
      engine.then(function (pf) {
        var prefix = reportOnly && reportOnly.checked ? "rapport-" : "";
        // Counts per group: the other groups' choices, this group's values. One search at a
        // time: Pagefind answers concurrent searches less reliably, and each takes milliseconds.
        var counts = [];
        var counting = groups.reduce(function (previous, group) {
          return previous.then(function () {
            return pf.search(null, { filters: filtersFor(choice, group.key) }).then(function (found) {
              counts.push(found.filters[prefix + group.key] || {});
            });
          });
        }, Promise.resolve()).then(function () { return counts; });
        var everything = counting.then(function () { return pf.search(null, { filters: { soort: "Praktijkvoorbeeld" } }); });
        var matching = everything.then(function () { return pf.search(null, { filters: filtersFor(choice, null), sort: sortFor() }); });
        return Promise.all([counting, everything, matching]).then(function (answers) {
          if (ticket !== latest) return;
          var counts = answers[0], all = answers[1].results.length, found = answers[2].results;
          groups.forEach(function (group, index) {
            each(group.element.querySelectorAll("input[name='" + group.key + "']"), function (input) {
              var count = counts[index][input.value] || 0;
              var label = input.parentNode;
              label.querySelector(".kb-filter__count").textContent = "(" + count + ")";
              input.setAttribute("aria-label", label.textContent.replace(/\(\d+\)\s*$/, "").trim() + ", " + cases(count));
            });
          });
          var notice = unknown.length ? " Niet gevonden en genegeerd: " + unknown.join(", ") + "." : "";
          empty.hidden = true;
          more.hidden = true;
          var sorted = order && order.value === "nieuw";
          if (!active && !sorted) {
            list.innerHTML = original;
            if (pagination) pagination.hidden = false;
            if (heading) heading.firstChild.textContent = headingText;
            status.textContent = "Alle " + cases(all) + "." + notice;
            return;
          }
          shown = found;
          list.innerHTML = "";
          if (pagination) pagination.hidden = true;
          if (heading) heading.firstChild.textContent = active ? "Praktijkvoorbeelden die passen (" + found.length + ")" : "Alle praktijkvoorbeelden, nieuwste eerst (" + found.length + ")";
          status.textContent = (active ? found.length + " van de " + cases(all) + (found.length === 1 ? " past" : " passen") + " bij uw keuze." : "Alle " + cases(all) + ", nieuwste eerst.") + notice;
          if (!found.length) {
            empty.hidden = false;
            return offerDrops(pf, choice);
          }
          return showMore();
        });
      }).catch(function () {
        status.textContent = "Filteren is nu niet beschikbaar; de lijst hieronder is volledig.";
      }).then(done);
    }

    // Restore a shared choice from the URL, and name what it asks for that does not exist.
    var params = new URLSearchParams(location.search);
    groups.forEach(function (group) {
      var wanted = params.getAll(group.key);
      var known = [];
      each(group.element.querySelectorAll("input[name='" + group.key + "']"), function (input) {
        input.checked = wanted.indexOf(input.value) !== -1;
        known.push(input.value);
      });
      var all = group.element.querySelector("input[name=alle]");
      if (all) all.checked = params.getAll("alle").indexOf(group.key) !== -1;
      wanted.forEach(function (value) {
        if (known.indexOf(value) === -1) unknown.push(group.label.toLowerCase() + " '" + value + "'");
      });
      if (wanted.length) group.element.open = true;
    });
    if (reportOnly) reportOnly.checked = params.get("bron") === "rapport";
    if (order) order.value = params.get("volgorde") === "nieuw" ? "nieuw" : "titel";

    status.setAttribute("tabindex", "-1");
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { unknown = []; update(true); }, 0); });
    more.addEventListener("click", function () { showMore(); });
    if (box) {
      box.hidden = false;
      // Beside the results on wide screens: open. On phones: folded, unless a shared choice is in the address.
      var wide = window.matchMedia("(min-width: 60em)");
      box.open = wide.matches || location.search.length > 1;
    }
    update(false);
    engine = pagefind(new URL(form.getAttribute("data-bundle"), location.href).href);
    update(false);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
