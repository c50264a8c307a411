/*
 * Podium: filter a programme's sessions by stream, room, kind, language and day
 * without reloading. The filters are in the page, hidden behind one control
 * (fragments.filters); this shows it, says on it how many filters are on, and keeps
 * the choice on this device, so the rooms one follows stay chosen on every day's page
 * and at the next visit. A timetable keeps only the columns of the rooms (or streams)
 * still shown. Without JavaScript the full list is there and no control that would
 * do nothing is shown.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var ngettext = window.podium.ngettext;
  var panel = document.querySelector("details.podium-filter-panel");
  if (!panel) return;
  var form = panel.querySelector("form.podium-filters");
  var article = panel.closest("article") || document;
  var items = Array.prototype.slice.call(article.querySelectorAll("ul.podium-sessions > li"));
  var count = article.querySelector(".podium-filter-count");
  var active = panel.querySelector(".podium-filter-active");
  var STORE = "podium:filters:" + window.podium.root.pathname;
  panel.hidden = false;

  // What is wanted: for streams and rooms the ticked values (none: all), for the
  // rest the value picked ("": all).
  function wanted() {
    var result = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.type === "checkbox") {
        result[field.name] = result[field.name] || [];
        if (field.checked) result[field.name].push(field.value);
      } else if (field.tagName === "SELECT") {
        result[field.name] = field.value;
      }
    });
    return result;
  }

  function isOn(value) {
    return Array.isArray(value) ? value.length > 0 : Boolean(value);
  }

  // A session for everyone (a keynote, lunch) belongs to every stream.
  function matches(item, choice) {
    return Object.keys(choice).every(function (key) {
      var value = choice[key];
      if (!isOn(value)) return true;
      if (key === "stream" && item.hasAttribute("data-everyone")) return true;
      var own = item.getAttribute("data-" + key);
      return Array.isArray(value) ? value.indexOf(own) >= 0 : own === value;
    });
  }

  // The choice kept on this device. A value this page does not offer (a room used
  // only on another day) is kept for the pages that do.
  function remembered() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}") || {}; } catch (error) { return {}; }
  }

  function remember(choice) {
    var kept = remembered();
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!field.name) return;
      if (field.type === "checkbox") {
        var others = (Array.isArray(kept[field.name]) ? kept[field.name] : []).filter(function (value) {
          return !form.querySelector('input[name="' + field.name + '"][value="' + CSS.escape(value) + '"]');
        });
        kept[field.name] = others.concat(choice[field.name]);
      } else {
        kept[field.name] = choice[field.name];
      }
    });
    try { localStorage.setItem(STORE, JSON.stringify(kept)); } catch (error) { /* no storage: nothing to keep */ }
  }

  function restore() {
    var kept = remembered();
    Array.prototype.forEach.call(form.elements, function (field) {
      var value = kept[field.name];
      if (field.type === "checkbox") field.checked = Array.isArray(value) && value.indexOf(field.value) >= 0;
      else if (field.tagName === "SELECT" && typeof value === "string" && field.querySelector('option[value="' + CSS.escape(value) + '"]')) field.value = value;
    });
  }

  // Hide what holds no shown session: a timetable's start times, lists, and the
  // headings (days, time slots) over them; never a heading with no list under it
  // (such as "Calendar and data").
  function shownIn(element) {
    var selector = element.matches("ul") ? ":scope > li:not([hidden])" : "ul.podium-sessions > li:not([hidden])";
    return element.querySelectorAll(selector).length;
  }

  function updateHeadings() {
    article.querySelectorAll(".podium-tt-start").forEach(function (section) {
      section.hidden = shownIn(section) === 0;
    });
    var visibleInDay = {}, placeOf = new Map(), day = null, slot = null;
    Array.prototype.forEach.call(article.children, function (element) {
      if (element.tagName === "H2") { day = element; slot = null; }
      else if (element.tagName === "H3") { slot = element; }
      else if (element.matches("ul.podium-sessions, .podium-timetable")) {
        placeOf.set(element, { day: day, slot: slot });
        if (day) visibleInDay[day.id] = 0;
      }
    });
    placeOf.forEach(function (place, element) {
      var shown = shownIn(element);
      element.hidden = shown === 0;
      if (place.slot) place.slot.hidden = shown === 0;
      if (place.day) visibleInDay[place.day.id] += shown;
    });
    Array.prototype.forEach.call(article.querySelectorAll("h2"), function (heading) {
      if (heading.id in visibleInDay) heading.hidden = visibleInDay[heading.id] === 0;
    });
  }

  // A timetable's columns: [first, span] as the page placed an entry or a room's name
  // (null: across all columns, a session for everyone).
  function placed(element) {
    if (!element.hasAttribute("data-podium-column")) {
      var match = /grid-column:\s*(\d+)(?:\s*\/\s*span\s*(\d+))?/.exec(element.getAttribute("style") || "");
      element.setAttribute("data-podium-column", match ? match[1] + " " + (match[2] || 1) : "");
    }
    var value = element.getAttribute("data-podium-column");
    return value ? value.split(" ").map(Number) : null;
  }

  function place(element, first, span) {
    element.style.gridColumn = span > 1 ? first + " / span " + span : String(first);
  }

  // Only the columns holding a shown session stay, in their order, so that the rooms
  // one chose sit side by side rather than scattered among empty columns.
  function layOut(table) {
    var names = Array.prototype.slice.call(table.querySelectorAll("ol.podium-tt-columns > li"));
    if (!names.length) return;
    var columns = Number(table.getAttribute("data-podium-columns") || table.style.getPropertyValue("--podium-columns"));
    table.setAttribute("data-podium-columns", columns);
    var entries = Array.prototype.slice.call(table.querySelectorAll("ul.podium-tt-sessions > li"));
    var used = [];
    entries.forEach(function (entry) {
      var column = placed(entry);
      if (!column || entry.hidden) return;
      for (var c = column[0]; c < column[0] + column[1]; c += 1) used[c] = true;
    });
    var position = [], shown = 0;
    for (var c = 1; c <= columns; c += 1) {
      if (used[c]) shown += 1;
      position[c] = shown;
    }
    entries.forEach(function (entry) {
      var column = placed(entry);
      if (column && !entry.hidden) place(entry, position[column[0]], column[1]);
    });
    names.forEach(function (name) {
      var column = placed(name), first = 0, span = 0;
      for (var c = column[0]; c < column[0] + column[1]; c += 1) {
        if (!used[c]) continue;
        if (!first) first = position[c];
        span += 1;
      }
      name.hidden = span === 0;
      if (span) place(name, first, span);
    });
    table.style.setProperty("--podium-columns", String(Math.max(shown, 1)));
  }

  function apply() {
    var choice = wanted();
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, choice);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    updateHeadings();
    article.querySelectorAll(".podium-timetable").forEach(layOut);
    var on = Object.keys(choice).filter(function (key) { return isOn(choice[key]); }).length;
    active.textContent = on ? " · " + ngettext("%(num)s on", "%(num)s on", on) : "";
    count.textContent = shown === items.length ? ""
      : shown === 0 ? _("No session matches these filters.")
      : ngettext("%(shown)s of %(num)s session", "%(shown)s of %(num)s sessions", items.length, { shown: shown });
    return choice;
  }

  form.addEventListener("change", function () { remember(apply()); });
  // A reset puts the fields back after its event: look at them once it has.
  form.addEventListener("reset", function () { setTimeout(function () { remember(apply()); }, 0); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  restore();
  var initial = wanted();
  if (Object.keys(initial).some(function (key) { return isOn(initial[key]); })) apply();
})();
