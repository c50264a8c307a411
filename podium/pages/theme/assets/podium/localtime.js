/*
 * Podium: beside a session's time in the conference's zone, show the visitor's own
 * time when their zone differs ("· Monday 8:55 pm – 10:35 pm in your time zone
 * (−1 day)"). The conference time is never replaced: people travelling to the venue
 * need it. Without JavaScript, the page is complete without this.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var ngettext = window.podium.ngettext;
  if (typeof Intl === "undefined" || !Intl.DateTimeFormat) return;

  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  var language = document.documentElement.lang || undefined;

  // "2019-09-10 10:55" for an instant as the wall clock of `zone` shows it.
  function wallClock(instant, zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(instant).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day + " " + parts.hour + ":" + parts.minute;
  }

  function dayShift(instant, fromZone, toZone) {
    var from = Date.parse(wallClock(instant, fromZone).slice(0, 10) + "T00:00:00Z");
    var to = Date.parse(wallClock(instant, toZone).slice(0, 10) + "T00:00:00Z");
    return Math.round((to - from) / 86400000);
  }

  document.querySelectorAll("time[data-podium-zone]").forEach(function (element) {
    var zone = element.getAttribute("data-podium-zone");
    var start = new Date(element.getAttribute("datetime"));
    var endText = element.getAttribute("data-podium-end");
    var end = endText ? new Date(endText) : null;
    if (isNaN(start.getTime()) || wallClock(start, zone) === wallClock(start, visitorZone)) return;

    var time = new Intl.DateTimeFormat(language, { hour: "numeric", minute: "2-digit" });
    var weekday = new Intl.DateTimeFormat(language, { weekday: "long" });
    var text = weekday.format(start) + " " + time.format(start);
    var endsNextDay = false;
    if (end && !isNaN(end.getTime())) {
      text += " – " + time.format(end);
      // An end after the visitor's midnight (a session past midnight, or a zone ahead).
      endsNextDay = wallClock(end, visitorZone).slice(0, 10) !== wallClock(start, visitorZone).slice(0, 10);
    }
    text = _("%(time)s in your time zone", { time: text });
    if (endsNextDay) text += " " + _("(next day)");
    var shift = dayShift(start, zone, visitorZone);
    if (shift !== 0) {
      var days = (shift > 0 ? "+" : "\u2212") + Math.abs(shift);
      text += " " + ngettext("(%(days)s day)", "(%(days)s days)", Math.abs(shift), { days: days });
    }

    var note = document.createElement("span");
    note.className = "podium-localtime";
    note.textContent = " · " + text;
    element.insertAdjacentElement("afterend", note);
  });
})();
