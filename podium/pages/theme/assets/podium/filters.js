/*
 * Podium: filter a programme's sessions by stream, room and day without reloading.
 * The form is in the page, hidden; this shows it. Without JavaScript the full list
 * is there and no control that would do nothing is shown.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var ngettext = window.podium.ngettext;
  var form = document.querySelector("form.podium-filters");
  if (!form) return;
  var article = form.closest("article") || document;
  var items = Array.prototype.slice.call(article.querySelectorAll("ul.podium-sessions > li"));
  var count = form.querySelector(".podium-filter-count");
  form.hidden = false;

  // A session for everyone (a keynote, lunch) belongs to every stream.
  function matches(item, wanted) {
    return Object.keys(wanted).every(function (key) {
      if (!wanted[key]) return true;
      if (key === "stream" && item.hasAttribute("data-everyone")) return true;
      return item.getAttribute("data-" + key) === wanted[key];
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

  function apply() {
    var wanted = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      wanted[select.name] = select.value;
    });
    var shown = 0;
    items.forEach(function (item) {
      var visible = matches(item, wanted);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    updateHeadings();
    count.textContent = shown === items.length ? ""
      : shown === 0 ? _("No session matches these filters.")
      : ngettext("%(shown)s of %(num)s session", "%(shown)s of %(num)s sessions", items.length, { shown: shown });
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
})();
