/*
 * The worksheet of the denkkader (werkblad/): keep what a team types, and show it as an agenda.
 *
 * Progressive enhancement: without this script the page shows every part, question and
 * text field, and prints as a blank worksheet. With it, what is typed in the fields (and
 * the ticks in the process checklist) is kept in this browser's localStorage, under one
 * key, and put back after a reload; nothing is sent anywhere. Every change is copied into
 * "Maak de agenda" under the headings of the report's indicative agenda. What the reader
 * typed only ever goes into the page as text (textContent), never as HTML.
 * "Wis mijn antwoorden" removes the stored answers; until the next change they can be put
 * back with "Zet mijn antwoorden terug" (kept in memory only, gone after a reload).
 */
(function () {
  "use strict";

  var KEY = "kennisbank-datagedreven-sturing:werkblad";
  var FILLED = "kb-werkblad-ingevuld"; // on <html> when any field has text: print the agenda

  function each(list, action) {
    Array.prototype.forEach.call(list, action);
  }

  // localStorage can be switched off, full, or throw on access (private windows, policies).
  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = KEY + ":probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  function setup() {
    var sheet = document.querySelector("[data-werkblad]");
    if (!sheet || sheet.dataset.ready) return;
    sheet.dataset.ready = "true";

    var fields = sheet.querySelectorAll("textarea[data-werkblad-veld]");
    var steps = sheet.querySelectorAll("input[data-werkblad-stap]");
    var help = sheet.querySelector("[data-werkblad-hulp]");
    var status = sheet.querySelector("[data-werkblad-status]");
    var wipe = sheet.querySelector("[data-werkblad-wis]");
    var undo = sheet.querySelector("[data-werkblad-terug]");
    var print = sheet.querySelector("[data-werkblad-print]");
    var storage = openStorage();
    var wiped = null;

    function current() {
      var answers = { velden: {}, stappen: {} };
      each(fields, function (field) {
        if (field.value.trim()) answers.velden[field.getAttribute("data-werkblad-veld")] = field.value;
      });
      each(steps, function (step) {
        if (step.checked) answers.stappen[step.getAttribute("data-werkblad-stap")] = true;
      });
      return answers;
    }

    function isEmpty(answers) {
      return Object.keys(answers.velden).length === 0 && Object.keys(answers.stappen).length === 0;
    }

    // Only what the page knows is taken from storage: strings for fields, true for steps.
    function stored() {
      var answers = { velden: {}, stappen: {} };
      if (!storage) return answers;
      var data;
      try {
        data = JSON.parse(storage.getItem(KEY) || "null");
      } catch (error) {
        return answers;
      }
      if (!data || typeof data !== "object") return answers;
      var velden = data.velden && typeof data.velden === "object" ? data.velden : {};
      var stappen = data.stappen && typeof data.stappen === "object" ? data.stappen : {};
      each(fields, function (field) {
        var key = field.getAttribute("data-werkblad-veld");
        if (Object.prototype.hasOwnProperty.call(velden, key) && typeof velden[key] === "string") answers.velden[key] = velden[key];
      });
      each(steps, function (step) {
        var key = step.getAttribute("data-werkblad-stap");
        if (Object.prototype.hasOwnProperty.call(stappen, key) && stappen[key] === true) answers.stappen[key] = true;
      });
      return answers;
    }

    function apply(answers) {
      each(fields, function (field) {
        field.value = answers.velden[field.getAttribute("data-werkblad-veld")] || "";
      });
      each(steps, function (step) {
        step.checked = answers.stappen[step.getAttribute("data-werkblad-stap")] === true;
      });
    }

    function save() {
      if (!storage) return;
      var answers = current();
      try {
        if (isEmpty(answers)) {
          storage.removeItem(KEY);
        } else {
          storage.setItem(KEY, JSON.stringify(answers));
        }
      } catch (error) {
        status.textContent = "Uw browser kon uw tekst niet bewaren. Druk de agenda af of kopieer uw tekst voordat u de pagina sluit.";
      }
    }

    // The agenda: each part's text as text, or the note that nothing was filled in yet.
    function showAgenda() {
      var any = false;
      each(fields, function (field) {
        var number = field.getAttribute("data-werkblad-veld");
        var slot = sheet.querySelector('[data-werkblad-agenda="' + number + '"]');
        if (!slot) return;
        var text = field.value.trim();
        var shown = slot.querySelector(".kb-werkblad__tekst");
        shown.textContent = text;
        shown.hidden = !text;
        slot.querySelector(".kb-werkblad__leeg").hidden = Boolean(text);
        slot.classList.toggle("kb-werkblad__antwoord--gevuld", Boolean(text));
        if (text) any = true;
      });
      document.documentElement.classList.toggle(FILLED, any);
    }

    function changed() {
      if (wiped) {
        wiped = null;
        undo.hidden = true;
      }
      save();
      showAgenda();
    }

    sheet.addEventListener("input", function (event) {
      if (event.target.matches("textarea[data-werkblad-veld]")) changed();
    });
    sheet.addEventListener("change", function (event) {
      if (event.target.matches("input[data-werkblad-stap]")) changed();
    });

    wipe.addEventListener("click", function () {
      var answers = current();
      apply({ velden: {}, stappen: {} });
      if (storage) {
        try {
          storage.removeItem(KEY);
        } catch (error) { /* nothing was stored */ }
      }
      showAgenda();
      if (isEmpty(answers)) {
        status.textContent = "Er was niets ingevuld.";
        return;
      }
      wiped = answers;
      undo.hidden = false;
      status.textContent = "Uw antwoorden zijn gewist, ook uit deze browser.";
    });

    undo.addEventListener("click", function () {
      if (!wiped) return;
      apply(wiped);
      wiped = null;
      undo.hidden = true;
      save();
      showAgenda();
      status.textContent = "Uw antwoorden staan er weer.";
      wipe.focus();
    });

    print.addEventListener("click", function () {
      window.print();
    });

    // Without storage, leave whatever the browser itself kept in the fields.
    var restored = stored();
    if (storage) apply(restored);
    showAgenda();
    if (!storage) {
      status.textContent = "Deze browser bewaart niets van deze pagina (opslag staat uit). Druk de agenda af of kopieer uw tekst voordat u de pagina sluit.";
    } else if (!isEmpty(restored)) {
      status.textContent = "Uw eerder ingevulde antwoorden staan er weer.";
    }
    help.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
