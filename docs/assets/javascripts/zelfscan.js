/*
 * The self-scan (zelfscan/): answers give a position per aspect, a group and next steps.
 *
 * Progressive enhancement: without this script the page is a checklist of the questions,
 * to print or to go through together. With it, every answer updates the result below the
 * questions. The data (the phase of every answer; per aspect and phase the next step, its
 * links and cases one phase further) comes from zelfscan/zelfscan.json, which the build
 * makes with macros/zelfscan.py. That module is the reference for the two rules this
 * script repeats, position() and group(): change them there first, then here; the browser
 * test tests/browser/test_zelfscan.py compares both for several sets of answers.
 *
 * Nothing leaves the browser. The answers live in the address (?antwoorden=ambitie:2,...),
 * so that a reader can share them, and in localStorage only after the reader ticks
 * "Bewaar mijn antwoorden in deze browser". Text from the data is always set with
 * textContent, never as HTML.
 */
(function () {
  "use strict";

  var STORE = "kennisbank-zelfscan";
  var SVG = "http://www.w3.org/2000/svg";

  // --------------------------------------------------------------- the rules (see macros/zelfscan.py)

  // The furthest phase that more than half of the answers reach: the lower median of their ranks.
  function position(ranks) {
    if (!ranks.length) return -1;
    var sorted = ranks.slice().sort(function (a, b) { return a - b; });
    return sorted[(sorted.length - 1) >> 1];
  }

  // The group, once every aspect has a position (ranks: one per aspect, all >= 0).
  function group(ranks, leastAnswers, answered, rankOf) {
    var overall = position(ranks);
    if (overall >= rankOf.verbreden) return "koploper";
    if (overall === rankOf.experimenteren) return "pionier";
    if (ranks.some(function (r) { return r > rankOf.agendering; })) return "voorloper";
    return leastAnswers * 2 > answered ? "achterblijver" : "achterloper";
  }

  // --------------------------------------------------------------- small DOM helpers

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function answersText(count) {
    return count === 1 ? "1 antwoord" : count + " antwoorden";
  }

  function readStore() {
    try { return window.localStorage.getItem(STORE); } catch (error) { return null; }
  }

  function writeStore(value) {
    try {
      if (value === null) window.localStorage.removeItem(STORE);
      else window.localStorage.setItem(STORE, value);
      return true;
    } catch (error) {
      return false;
    }
  }

  function setup() {
    var root = document.getElementById("kb-zelfscan");
    if (!root || root.dataset.ready) return;
    root.dataset.ready = "true";

    var form = root.querySelector(".kb-zelfscan__vragen");
    var section = root.querySelector(".kb-zelfscan__uitslag");
    var status = root.querySelector(".kb-zelfscan__status");
    var output = root.querySelector(".kb-zelfscan__resultaat");
    var keep = root.querySelector("input[name=bewaren]");
    var forget = root.querySelector("[data-zelfscan-vergeet]");
    var kept = root.querySelector(".kb-zelfscan__bewaard");
    var toResult = root.querySelector(".kb-zelfscan__naar-uitslag");
    var base = root.getAttribute("data-root");
    var parameter = root.getAttribute("data-parameter");
    var questions = Array.prototype.map.call(form.querySelectorAll("fieldset.kb-zelfscan__vraag"), function (fieldset) {
      return { id: fieldset.querySelector("input[type=radio]").name, inputs: fieldset.querySelectorAll("input[type=radio]") };
    });
    var data = null;
    var ignored = [];

    // ------------------------------------------------------------- answers in and out

    function current() {
      var answers = {};
      questions.forEach(function (question) {
        Array.prototype.forEach.call(question.inputs, function (input) {
          if (input.checked) answers[question.id] = Number(input.value);
        });
      });
      return answers;
    }

    // "ambitie:2,leren:0", in the order of the questions (macros/zelfscan.py: format_answers).
    function format(answers) {
      return questions.filter(function (q) { return q.id in answers; }).map(function (q) { return q.id + ":" + answers[q.id]; }).join(",");
    }

    // Set the answers of a text like "ambitie:2,leren:0"; what does not fit is named, not guessed.
    function apply(text) {
      ignored = [];
      questions.forEach(function (question) {
        Array.prototype.forEach.call(question.inputs, function (input) { input.checked = false; });
      });
      (text || "").split(",").forEach(function (piece) {
        if (!piece.trim()) return;
        var parts = piece.trim().split(":");
        var question = questions.filter(function (q) { return q.id === parts[0]; })[0];
        var index = /^\d+$/.test(parts[1] || "") ? Number(parts[1]) : -1;
        if (!question || parts.length !== 2 || index < 0 || index >= question.inputs.length) {
          ignored.push(piece.trim());
          return;
        }
        question.inputs[index].checked = true;
      });
    }

    function writeUrl(text) {
      // Written by hand: ids are slugs and indices digits, so ':' and ',' can stay readable.
      var query = text ? "?" + parameter + "=" + text : "";
      history.replaceState(null, "", location.pathname + query + location.hash);
    }

    // ------------------------------------------------------------- the result

    function link(url, text) {
      var a = element("a", "", text);
      a.href = base + url;
      return a;
    }

    // A small bar chart made with DOM calls: per aspect its title, five cells (the phases) filled
    // up to its position, and the phase in words. The same text is its alternative (<desc>).
    function chart(rows) {
      var steps = data.fasen.length;
      var cell = 40;
      var bars = steps * cell;
      var width = bars + 120;
      var rowHeight = 44;
      var height = rows.length * rowHeight + 16;
      var chartId = "kb-zelfscan-grafiek";
      var picture = svg("svg", {
        viewBox: "0 0 " + width + " " + height,
        role: "img",
        "aria-labelledby": chartId + "-titel " + chartId + "-uitleg",
        class: "kb-zelfscan__svg"
      });
      function phaseOf(row) {
        return row.rank >= 0 ? data.fasen[row.rank].label : "nog niet beantwoord";
      }
      // Next to the bar the short name, so that the chart stays legible on a phone ("nieuwe-normaal": "Nieuwe normaal").
      function shortPhaseOf(row) {
        if (row.rank < 0) return "open";
        var id = data.fasen[row.rank].id.replace(/-/g, " ");
        return id.charAt(0).toUpperCase() + id.slice(1);
      }
      picture.appendChild(svg("title", { id: chartId + "-titel" }, "Positie per onderdeel in de innovatiecyclus"));
      picture.appendChild(svg("desc", { id: chartId + "-uitleg" }, rows.map(function (row) {
        return row.titel + ": " + phaseOf(row).toLowerCase();
      }).join(". ") + "."));
      rows.forEach(function (row, index) {
        var y = index * rowHeight;
        picture.appendChild(svg("text", { x: 0, y: y + 13, class: "kb-zelfscan__svg-label" }, row.titel));
        for (var step = 0; step < steps; step++) {
          picture.appendChild(svg("rect", {
            x: step * cell + 1,
            y: y + 19,
            width: cell - 3,
            height: 15,
            class: step <= row.rank ? "kb-zelfscan__svg-vol" : "kb-zelfscan__svg-leeg"
          }));
        }
        picture.appendChild(svg("text", { x: bars + 6, y: y + 31, class: "kb-zelfscan__svg-fase" }, shortPhaseOf(row)));
      });
      var axis = rows.length * rowHeight + 8;
      picture.appendChild(svg("text", { x: 0, y: axis, class: "kb-zelfscan__svg-as" }, "agendering"));
      picture.appendChild(svg("text", { x: bars - 2, y: axis, "text-anchor": "end", class: "kb-zelfscan__svg-as" }, "nieuwe normaal"));
      var figure = element("figure", "kb-zelfscan__grafiek");
      figure.appendChild(picture);
      figure.appendChild(element("figcaption", "", "Hoe ver elk onderdeel is in de innovatiecyclus, van agendering (links) tot het nieuwe normaal (rechts). Hieronder staat hetzelfde in woorden, met de volgende stap."));
      return figure;
    }

    function aspectBlock(aspect, rank, count) {
      var block = element("section", "kb-zelfscan__aspect");
      block.setAttribute("data-aspect", aspect.id);
      block.setAttribute("data-fase", rank >= 0 ? data.fasen[rank].id : "");
      block.appendChild(element("h3", "", aspect.titel));
      if (rank < 0) {
        block.appendChild(element("p", "kb-zelfscan__positie", "Nog geen vraag over dit onderdeel beantwoord."));
        return block;
      }
      var phase = data.fasen[rank];
      var where = element("p", "kb-zelfscan__positie", "Positie: ");
      where.appendChild(element("strong", "", phase.label));
      where.appendChild(document.createTextNode(" (op grond van " + answersText(count) + ")."));
      block.appendChild(where);
      var steps = aspect.stappen[phase.id];
      if (!steps) return block;
      var next = element("p", "kb-zelfscan__stap");
      next.appendChild(element("strong", "", "Volgende stap: "));
      next.appendChild(document.createTextNode(steps.uitleg));
      block.appendChild(next);
      if (steps.links.length) {
        var list = element("ul", "kb-zelfscan__links");
        steps.links.forEach(function (item) {
          var li = element("li", "", item.soort + ": ");
          li.appendChild(link(item.url, item.titel));
          list.appendChild(li);
        });
        block.appendChild(list);
      }
      if (steps.verder) {
        var further = data.fasen.filter(function (f) { return f.id === steps.verder; })[0];
        if (steps.voorbeelden.length) {
          block.appendChild(element("p", "kb-zelfscan__verder", "Praktijkvoorbeelden van een stap verder (" + further.label.toLowerCase() + "):"));
          var cases = element("ul", "kb-zelfscan__voorbeelden");
          steps.voorbeelden.forEach(function (item) {
            var li = element("li");
            li.appendChild(link(item.url, item.titel));
            if (item.meta) li.appendChild(document.createTextNode(" (" + item.meta + ")"));
            cases.appendChild(li);
          });
          block.appendChild(cases);
        } else {
          block.appendChild(element("p", "kb-zelfscan__verder", "Er staan nog geen praktijkvoorbeelden in de fase " + further.label.toLowerCase() + " in de kennisbank."));
        }
        if (steps.alle && steps.aantal > steps.voorbeelden.length) {
          var all = element("p", "kb-zelfscan__alle");
          all.appendChild(link(steps.alle, "Alle " + steps.aantal + " praktijkvoorbeelden in de fase " + further.label.toLowerCase()));
          block.appendChild(all);
        }
      }
      return block;
    }

    function update(changed) {
      var answers = current();
      var text = format(answers);
      if (changed) {
        writeUrl(text);
        if (keep.checked) writeStore(text || null);
      }
      var answered = Object.keys(answers).length;
      toResult.hidden = answered === 0;
      // For print: with answers the result goes on paper, without them the checklist.
      document.documentElement.classList.toggle("kb-zelfscan-uitslag", answered > 0);
      if (!data) return;

      var rankOf = {};
      data.fasen.forEach(function (phase, index) { rankOf[phase.id] = index; });
      var least = 0;
      var perAspect = {};
      data.aspecten.forEach(function (aspect) { perAspect[aspect.id] = []; });
      Object.keys(answers).forEach(function (id) {
        var question = data.vragen[id];
        if (!question) return;
        if (answers[id] === 0) least += 1;
        perAspect[question.aspect].push(rankOf[question.fasen[answers[id]]]);
      });
      var rows = data.aspecten.map(function (aspect) {
        return { aspect: aspect, titel: aspect.titel, rank: position(perAspect[aspect.id]), count: perAspect[aspect.id].length };
      });
      var complete = rows.every(function (row) { return row.rank >= 0; });
      var found = complete ? group(rows.map(function (row) { return row.rank; }), least, answered, rankOf) : null;

      output.textContent = "";
      var notice = ignored.length ? " Niet herkend in het adres en overgeslagen: " + ignored.join(", ") + "." : "";
      if (!answered) {
        status.textContent = "Beantwoord de vragen hierboven; hier verschijnt dan uw uitslag." + notice;
        return;
      }
      var summary = element("div", "kb-zelfscan__totaal");
      summary.setAttribute("data-groep", found || "");
      summary.appendChild(element("h3", "", "Totaalbeeld"));
      if (found) {
        var info = data.groepen[found];
        var line = element("p", "", "Uw antwoorden passen het best bij een ");
        line.appendChild(element("strong", "", info.label.toLowerCase()));
        line.appendChild(document.createTextNode(". " + info.uitleg + " "));
        line.appendChild(link(info.url, "Meer over de vijf groepen gemeenten"));
        summary.appendChild(line);
        status.textContent = "Uw antwoorden passen het best bij een " + info.label.toLowerCase() + ". U beantwoordde " + answered + " van de " + questions.length + " vragen." + notice;
      } else {
        var open = rows.filter(function (row) { return row.rank < 0; }).map(function (row) { return row.titel.toLowerCase(); });
        summary.appendChild(element("p", "", "Het totaalbeeld verschijnt zodra elk onderdeel minstens één antwoord heeft. Nog open: " + open.join(", ") + "."));
        status.textContent = "U beantwoordde " + answered + " van de " + questions.length + " vragen; de uitslag hieronder loopt mee." + notice;
      }
      output.appendChild(summary);
      output.appendChild(chart(rows));
      rows.forEach(function (row) { output.appendChild(aspectBlock(row.aspect, row.rank, row.count)); });

      var share = element("p", "kb-zelfscan__delen", "Deze uitslag delen of later terugzien: ");
      var address = element("a", "", "het adres van deze uitslag");
      address.href = location.href;
      share.appendChild(address);
      share.appendChild(document.createTextNode(". Het adres bevat alleen de nummers van uw antwoorden."));
      output.appendChild(share);
      var printing = element("p", "kb-zelfscan__print");
      var button = element("button", "md-button", "Print de uitslag");
      button.type = "button";
      button.addEventListener("click", function () { window.print(); });
      printing.appendChild(button);
      output.appendChild(printing);
    }

    // ------------------------------------------------------------- start

    var fromUrl = new URLSearchParams(location.search).get(parameter);
    var stored = readStore();
    apply(fromUrl !== null ? fromUrl : stored);
    // Ticked only when the stored answers are the ones shown: a shared address never overwrites them unasked.
    keep.checked = stored !== null && (fromUrl === null || format(current()) === stored);
    if (fromUrl === null && stored) writeUrl(format(current()));

    keep.addEventListener("change", function () {
      var saved = writeStore(keep.checked ? format(current()) || null : null);
      if (!saved) {
        keep.checked = false;
        kept.textContent = "Deze browser laat bewaren niet toe; het adres van de pagina bewaart uw antwoorden wel.";
      } else {
        kept.textContent = keep.checked ? "Uw antwoorden worden in deze browser bewaard." : "Uw antwoorden worden niet meer in deze browser bewaard.";
      }
    });
    forget.addEventListener("click", function () {
      writeStore(null);
      keep.checked = false;
      kept.textContent = "Uw bewaarde antwoorden zijn uit deze browser verwijderd.";
    });
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { ignored = []; update(true); }, 0); });

    root.querySelector(".kb-zelfscan__zonder-js").hidden = true;
    root.querySelector(".kb-zelfscan__opnieuw").hidden = false;
    section.hidden = false;
    update(false);
    fetch(root.getAttribute("data-src"))
      .then(function (response) { return response.json(); })
      .then(function (loaded) { data = loaded; update(false); })
      .catch(function () { status.textContent = "De uitslag is nu niet beschikbaar; de vragen hierboven werken als checklist."; });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
