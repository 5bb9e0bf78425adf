/*
 * The site's search: the field in the header, on top of Pagefind's index (pagefind/).
 *
 * Pagefind loads its index in chunks, stems Dutch and matches the start of words. On top
 * of it this script forgives what readers type (SEARCH.md measures it):
 * - question words and other small words are left out ("wat is datagedreven sturing");
 * - a word the site does not know is corrected to a known word one letter away
 *   ("fruade" -> "fraude"), from the lexicon the build writes beside the index;
 * - a compound the site does not know is split into known words
 *   ("uitkeringsfraude" -> "uitkering fraude"); compounds in the text were split when
 *   the index was made, so "inbraak" finds "woninginbraken";
 * - words from content/zoekwoorden.yaml (English terms, abbreviations) also search for
 *   the words the content uses ("predictive" -> "voorspellen").
 * Each variant is a search of its own; the results are merged by score.
 *
 * Text from the index is set as text, never as HTML; only Pagefind's <mark> around
 * matched words is rebuilt as elements.
 */
(function () {
  "use strict";

  // Small words that say nothing about the subject; a query of only these is searched as typed.
  var STOP = new Set(("de het een en of in op aan van voor met bij naar over om te tot uit door als dan dat die dit " +
    "deze er is zijn was wordt worden kan kun kunt mag moet moeten wil wat wie waar wanneer hoe welke welk waarom " +
    "ik je jij u we wij ze zij hij men ons onze mijn mij jullie hun niet geen wel ook nog al zo heel erg meer " +
    "veel doen doet gaat gaan hebben heeft hoeveel hoever zit staat iets elkaar eigen nu").split(" "));
  var MAX_RESULTS = 10;
  var MARK = /~/g; // between the parts of a compound in the index's copy of the text

  var root = document.querySelector("[data-kb-search]");
  if (!root) return;
  var toggle = document.getElementById("__search");
  var opener = document.querySelector(".kb-search__open");
  var form = root.querySelector("form");
  var input = root.querySelector("input[type=search]");
  var status = document.getElementById("kb-zoekstatus");
  var list = document.getElementById("kb-zoekresultaten");
  var none = root.querySelector(".kb-search__none");
  var suggest = root.querySelector(".kb-search__suggest");
  var bundle = new URL(root.getAttribute("data-bundle"), location.href).href;

  var engine = null;
  var words = null;
  var latest = 0;

  function pagefind() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pf) {
        return pf.options({
          baseUrl: new URL(bundle + "../", location.href).pathname,
          excerptLength: 26
        }).then(function () { pf.init(); return pf; });
      });
    }
    return engine;
  }

  function lexicon() {
    if (!words) {
      words = fetch(bundle + "kennisbank-zoekwoorden.json").then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        var count = new Map(data.woorden);
        var sorted = data.woorden.map(function (entry) { return entry[0]; }).sort();
        return { count: count, sorted: sorted, synonyms: data.synoniemen };
      }).catch(function () {
        return { count: new Map(), sorted: [], synonyms: [] };
      });
    }
    return words;
  }

  function tokens(text) {
    return text.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{N}\s]+/gu, " ").split(/\s+/).filter(Boolean);
  }

  // ----------------------------------------------------------------- the lexicon

  function firstWithPrefix(lex, prefix) {
    var low = 0, high = lex.sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (lex.sorted[middle] < prefix) low = middle + 1; else high = middle;
    }
    return low < lex.sorted.length && lex.sorted[low].indexOf(prefix) === 0 ? lex.sorted[low] : null;
  }

  // Known: in the lexicon, the start of a known word, or an inflection of one (same start).
  function known(lex, word) {
    if (lex.count.has(word) || firstWithPrefix(lex, word)) return true;
    var stem = word.slice(0, Math.max(4, word.length - 2));
    return word.length >= 5 && firstWithPrefix(lex, stem) !== null;
  }

  // Known words one edit away (a letter wrong, missing, extra or two swapped), most frequent first.
  function corrections(lex, word, limit) {
    var letters = "abcdefghijklmnopqrstuvwxyzëïéèöüá";
    var seen = new Set();
    var found = [];
    function consider(candidate) {
      if (candidate !== word && !seen.has(candidate) && lex.count.has(candidate)) {
        seen.add(candidate);
        found.push(candidate);
      }
    }
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i), tail = word.slice(i);
      if (tail) consider(head + tail.slice(1));
      if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
      for (var j = 0; j < letters.length; j++) {
        if (tail) consider(head + letters[j] + tail.slice(1));
        consider(head + letters[j] + tail);
      }
    }
    found.sort(function (a, b) { return lex.count.get(b) - lex.count.get(a); });
    return found.slice(0, limit);
  }

  // A compound as known words: first part (with a linking s, e or en) and the rest.
  function split(lex, word) {
    var best = null;
    for (var cut = 4; cut <= word.length - 4; cut++) {
      var head = word.slice(0, cut), tail = word.slice(cut);
      var heads = [head];
      ["en", "s", "e"].forEach(function (link) {
        if (head.length - link.length >= 4 && head.slice(-link.length) === link) heads.push(head.slice(0, -link.length));
      });
      var first = heads.filter(function (h) { return lex.count.has(h); })[0];
      if (!first || !(lex.count.has(tail) || firstWithPrefix(lex, tail))) continue;
      var score = Math.min(lex.count.get(first), lex.count.get(tail) || 1);
      if (!best || score > best.score) best = { parts: [first, tail], score: score };
    }
    return best ? best.parts : null;
  }

  // Per rule, the longest of its phrases that the words hold: "vendor lock in" rather than
  // "vendor", so that no search is spent on "lock" with each replacement.
  function synonymsIn(lex, list) {
    var text = " " + list.join(" ") + " ";
    var found = [];
    lex.synonyms.forEach(function (rule) {
      var longest = null;
      rule.woorden.forEach(function (phrase) {
        if (text.indexOf(" " + phrase + " ") !== -1 && (!longest || phrase.length > longest.length)) longest = phrase;
      });
      if (!longest) return;
      rule.zoek_ook.forEach(function (other) {
        if (other !== longest) found.push({ phrase: longest, replacement: other });
      });
    });
    return found;
  }

  // The infinitive of a past participle, which Pagefind's stemming keeps apart from the verb.
  // - With ge-: "gewerkt" -> "werken"; a verb that starts with ge- itself keeps it when the
  //   site uses that infinitive ("gebruikt" -> "gebruiken").
  // - Verbs with an unstressed prefix have no ge- ("verankerd", "ontwikkeld", "beheerd"):
  //   only when the site uses the infinitive, since many words end like such participles
  //   ("bestand", "verband").
  // An inflected participle ("geanonimiseerde", "verankerde") loses its -e first, when the site
  // does not use the word itself and does use the verb: many words end like one ("gemeente").
  // A doubled vowel before the last consonant is undoubled ("beheer" -> "beheren").
  function infinitive(lex, word) {
    var inflected = /^(ge|be|ver|ont|her|er).{3,}[dt]e$/.test(word);
    if (inflected && lex.count.has(word)) return null;
    var participle = inflected ? word.slice(0, -1) : word;
    if (participle.length < 7 || !/[dt]$/.test(participle)) return null;
    var prefixed = /^(be|ver|ont|her|er)/.test(participle);
    if (!prefixed && participle.slice(0, 2) !== "ge") return null;
    var whole = participle.slice(0, -1).replace(/([aeou])\1([^aeiou])$/, "$1$2") + "en";
    if (lex.count.has(whole)) return whole;
    var verb = whole.slice(2);
    if (prefixed) return null;
    // A word the site uses ("gezondheid") only when the verb is one too ("gewerkt" -> "werken").
    return (inflected || lex.count.has(word)) && !lex.count.has(verb) ? null : verb;
  }

  // Dutch verbs on -eren and their nouns on -atie or -ering, both ways: "evalueren" and
  // "evalueert" -> "evaluatie", "organisatie" -> "organiseren", "digitaliseren" ->
  // "digitalisering". Pagefind's stemming keeps them apart. Only forms the site uses.
  function relatives(lex, word) {
    var verb = /^(.{4,})e(?:ren|ert|erde|erden|erd)$/.exec(word);
    var noun = /^(.{4,})(?:atie|aties|ering|eringen)$/.exec(word);
    var stem = verb ? verb[1] : noun ? noun[1] : null;
    if (!stem) return [];
    var forms = verb ? [stem + "atie", stem + "ering"] : [stem + "eren"];
    return forms.filter(function (form) { return lex.count.has(form); });
  }

  // The searches to run for what the reader typed, each with a weight.
  function plan(lex, text) {
    var all = tokens(text);
    var content = all.filter(function (word) { return !STOP.has(word); });
    if (!content.length) content = all;
    var base = content.join(" ");
    var queries = [{ text: base, weight: 1 }];
    // Matched on every word typed: a phrase may hold small words ("lock in", "b en w").
    synonymsIn(lex, all).forEach(function (synonym) {
      var phrase = synonym.phrase.split(" ");
      var rest = content.filter(function (word) { return phrase.indexOf(word) === -1; });
      queries.push({ text: rest.concat([synonym.replacement]).join(" "), weight: 0.95 });
    });
    content.forEach(function (word) {
      var verb = infinitive(lex, word);
      if (verb) queries.push({ text: content.map(function (w) { return w === word ? verb : w; }).join(" "), weight: 0.8 });
      relatives(lex, verb || word).forEach(function (relative) {
        queries.push({ text: content.map(function (w) { return w === word ? relative : w; }).join(" "), weight: 0.8 });
      });
      if (/^\d+$/.test(word) || lex.count.has(word)) return;
      var replacements = [];
      var familiar = known(lex, word); // an inflection of a known word: Pagefind's stemming finds it
      var parts = !familiar && word.length >= 8 ? split(lex, word) : null;
      if (parts) {
        // Both parts on one page is best; a page with one of them still answers in part.
        replacements.push({ text: parts.join(" "), weight: 0.9 });
        parts.forEach(function (part) { replacements.push({ text: part, weight: 0.7 }); });
      }
      if (word.length >= 5) {
        // Also for a familiar word: "voorspelen" is the start of nothing, "voorspellen" is known.
        corrections(lex, word, 2).forEach(function (fix) {
          replacements.push({ text: fix, weight: familiar ? 0.8 : 0.85 });
        });
      }
      replacements.forEach(function (replacement) {
        var replaced = content.map(function (w) { return w === word ? replacement.text : w; }).join(" ");
        queries.push({ text: replaced, weight: replacement.weight });
      });
    });
    // A question of several words: every page must hold every word, which long questions
    // rarely meet. Each word left out once is a weaker search of its own.
    if (content.length >= 3) {
      content.forEach(function (word, index) {
        queries.push({ text: content.filter(function (_, other) { return other !== index; }).join(" "), weight: 0.7 });
      });
    }
    var unique = new Map();
    queries.forEach(function (query) {
      if (!unique.has(query.text) || unique.get(query.text).weight < query.weight) unique.set(query.text, query);
    });
    // The strongest searches first, so that the cap drops the weakest.
    return Array.from(unique.values()).sort(function (a, b) { return b.weight - a.weight; }).slice(0, 12);
  }

  // ----------------------------------------------------------------- searching

  function search(text) {
    var ticket = ++latest;
    return Promise.all([pagefind(), lexicon()]).then(function (loaded) {
      var pf = loaded[0], lex = loaded[1];
      return Promise.all(plan(lex, text).map(function (query) {
        return pf.search(query.text).then(function (found) { return { query: query, found: found }; });
      })).then(function (answers) {
        var best = new Map();
        answers.forEach(function (answer) {
          if (!answer.found) return; // superseded by a newer search
          answer.found.results.forEach(function (result) {
            var score = result.score * answer.query.weight;
            var known = best.get(result.id);
            if (!known || known.score < score) best.set(result.id, { score: score, result: result, terms: answer.query.text });
          });
        });
        var ranked = Array.from(best.values()).sort(function (a, b) { return b.score - a.score; });
        return { ticket: ticket, ranked: ranked, lex: lex };
      });
    });
  }

  function excerpt(html) {
    // Pagefind marks matches with <mark>; everything else is text.
    var fragment = document.createDocumentFragment();
    html.replace(MARK, "").split(/(<mark>|<\/mark>)/).reduce(function (marked, piece) {
      if (piece === "<mark>") return true;
      if (piece === "</mark>") return false;
      if (piece) {
        var text = document.createTextNode(decode(piece));
        if (marked) {
          var mark = document.createElement("mark");
          mark.appendChild(text);
          fragment.appendChild(mark);
        } else {
          fragment.appendChild(text);
        }
      }
      return marked;
    }, false);
    return fragment;
  }

  var decoder = document.createElement("textarea");
  function decode(text) {
    // Pagefind escapes the text of its excerpts; the textarea decodes entities without running anything.
    decoder.innerHTML = text;
    return decoder.value;
  }

  function item(data, terms) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    // One "zoek" per word: the page marks each (pagefind-highlight marks a value as one phrase).
    link.href = data.url + (data.url.indexOf("?") === -1 ? "?" : "&") + terms.split(" ").map(function (term) {
      return "zoek=" + encodeURIComponent(term);
    }).join("&");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var kind = document.createElement("p");
    kind.className = "kb-search__kind";
    kind.textContent = [data.meta.soort || "Pagina", data.meta.gemeente].filter(Boolean).join(" · ");
    var title = document.createElement("h2");
    title.className = "kb-search__title";
    title.textContent = (data.meta.title || data.url).replace(MARK, "");
    var snippet = document.createElement("p");
    snippet.className = "kb-search__excerpt";
    snippet.appendChild(excerpt(data.excerpt || ""));
    article.appendChild(kind);
    article.appendChild(title);
    article.appendChild(snippet);
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function results(count) {
    return count === 1 ? "1 resultaat" : count + " resultaten";
  }

  function nearest(lex, text) {
    // Known words closest to what was typed, for "Bedoelde u".
    var offered = [];
    tokens(text).filter(function (w) { return !STOP.has(w) && w.length >= 4; }).forEach(function (word) {
      var close = corrections(lex, word, 3);
      if (!close.length) {
        close = lex.sorted.filter(function (known) {
          return known.length >= 4 && (known.indexOf(word.slice(0, 4)) === 0);
        }).sort(function (a, b) { return lex.count.get(b) - lex.count.get(a); }).slice(0, 3);
      }
      offered = offered.concat(close);
    });
    return Array.from(new Set(offered)).slice(0, 5);
  }

  function show(text) {
    if (!text.trim()) {
      latest++;
      list.innerHTML = "";
      none.hidden = true;
      status.textContent = "Typ een woord of een vraag";
      return Promise.resolve();
    }
    status.textContent = "Zoeken…";
    return search(text).then(function (answer) {
      if (answer.ticket !== latest) return;
      var top = answer.ranked.slice(0, MAX_RESULTS);
      return Promise.all(top.map(function (entry) {
        return entry.result.data().then(function (data) { return { data: data, terms: entry.terms }; });
      })).then(function (loaded) {
        if (answer.ticket !== latest) return;
        list.innerHTML = "";
        loaded.forEach(function (entry) { list.appendChild(item(entry.data, entry.terms)); });
        none.hidden = loaded.length > 0;
        var count = answer.ranked.length;
        status.textContent = count ? (count > MAX_RESULTS ? "De beste " + MAX_RESULTS + " van " + results(count) : results(count)) + " voor ‘" + text.trim() + "’"
          : "Geen resultaten voor ‘" + text.trim() + "’";
        if (!count) offer(nearest(answer.lex, text));
      });
    }).catch(function () {
      status.textContent = "Zoeken is nu niet beschikbaar. Blader via de overzichten.";
      none.hidden = false;
    });
  }

  function offer(terms) {
    var holder = suggest.querySelector(".kb-search__terms");
    holder.innerHTML = "";
    terms.forEach(function (term, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "kb-search__term";
      button.textContent = term;
      button.addEventListener("click", function () {
        input.value = term;
        show(term);
        input.focus();
      });
      if (index) holder.appendChild(document.createTextNode(", "));
      holder.appendChild(button);
    });
    suggest.hidden = !terms.length;
  }

  // ----------------------------------------------------------------- opening, keys

  function open() {
    toggle.checked = true;
    input.focus();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 150);
  });
  input.addEventListener("focus", function () {
    toggle.checked = true;
    pagefind();
    lexicon();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    show(input.value).then(function () {
      var first = list.querySelector("a");
      if (first) first.focus();
    });
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { show(""); input.focus(); }, 0);
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });

  root.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      if (opener && getComputedStyle(opener).display !== "none") opener.focus();
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[Math.min(at + 1, links.length - 1)].focus();
    } else if (event.key === "ArrowUp" && at !== -1) {
      event.preventDefault();
      if (at === 0) input.focus(); else links[at - 1].focus();
    }
  });

  // As on mkdocs-material sites: "/", "s" or "f" opens the search, unless the reader is typing.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || target.isContentEditable ||
        /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    }
  });

  root.hidden = false;
  if (opener) opener.hidden = false;

  // A page opened from a result: mark the words that were searched for.
  var searched = new URLSearchParams(location.search).get("zoek");
  if (searched) {
    import(bundle + "pagefind-highlight.js").then(function (module) {
      new module.default({ highlightParam: "zoek", markContext: "[data-pagefind-body]" });
    }).catch(function () { /* highlighting is a help, not a need */ });
  }

  // For tests and the benchmark: the merged ranking, as the list shows it.
  window.kennisbankZoeken = function (text) {
    return search(text).then(function (answer) {
      return Promise.all(answer.ranked.slice(0, MAX_RESULTS).map(function (entry) {
        return entry.result.data().then(function (data) { return data.url; });
      }));
    });
  };
})();
