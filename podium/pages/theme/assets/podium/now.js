/*
 * Podium: what is on now, by the visitor's clock, while the conference is on.
 * The pages are the same for everyone; this does, in the browser:
 * - the programme's index of days opens today's page (in the conference's time zone),
 *   unless the visitor came to the index from a day's page or to a place in it (#...);
 * - among the links to the days, today's is marked;
 * - in a timetable running now, the sessions running (outlined, "Now" first in their
 *   entry), a line at the time (its words for screen readers; on a wide screen only a
 *   mark in the time column, so it covers no text), and a "Now" link first on the
 *   page, under its title, to it.
 * Outside the conference's days nothing of this shows.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var now = Date.now();

  // Today's day of the programme in the conference's zone, as YYYY-MM-DD: the date, or
  // the day before until the day's end (data-podium-day-change, minutes after midnight)
  // in a programme whose nights run on.
  function today(nav) {
    var parts = {};
    var night = Number(nav.getAttribute("data-podium-day-change") || 0) * 60000;
    new Intl.DateTimeFormat("en-GB", { timeZone: nav.getAttribute("data-podium-zone"), year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(now - night)).forEach(function (part) { parts[part.type] = part.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function cameFromOneOf(links) {
    return Array.prototype.some.call(links, function (link) { return link.href === document.referrer; });
  }

  var index = document.querySelector("nav.podium-day-index[data-podium-zone]");
  if (index && !location.hash) {
    var todays = index.querySelector('a[data-podium-date="' + today(index) + '"]');
    if (todays && !cameFromOneOf(index.querySelectorAll("a"))) {
      location.replace(todays.href);  // replace: Back leaves the programme, not returns here
      return;
    }
  }

  document.querySelectorAll("nav[data-podium-zone]").forEach(function (nav) {
    var date = today(nav);
    var link = nav.querySelector('a[data-podium-date="' + date + '"]');
    if (!link) return;
    var label = document.createElement("span");
    label.className = "podium-today-label";
    label.textContent = " " + _("(today)");
    link.appendChild(label);
  });

  function interval(item) {
    var when = (item.getAttribute("data-podium-when") || "").split("/");
    return [Date.parse(when[0]), Date.parse(when[1])];
  }

  function rowStart(element) {
    return parseInt(element.style.gridRow, 10) || 0;
  }

  document.querySelectorAll(".podium-timetable").forEach(function (table) {
    var items = Array.prototype.slice.call(table.querySelectorAll("li[data-podium-when]"));
    var spans = items.map(interval);
    var first = Math.min.apply(null, spans.map(function (s) { return s[0]; }));
    var last = Math.max.apply(null, spans.map(function (s) { return s[1]; }));
    if (!(now >= first && now < last)) return;

    var running = false;
    items.forEach(function (item, i) {
      if (spans[i][0] <= now && now < spans[i][1]) {
        running = true;
        item.classList.add("podium-now");
        var label = document.createElement("strong");
        label.className = "podium-now-label";
        label.textContent = _("Now:") + " ";
        item.insertBefore(label, item.firstChild);
      }
    });

    // The line: in the section that began last, as many rows down as five-minute steps
    // have passed, while something runs; else at the next section.
    var sections = Array.prototype.slice.call(table.querySelectorAll(".podium-tt-start"));
    var starts = sections.map(function (s) { return Date.parse(s.querySelector("time").getAttribute("datetime")); });
    var next = 0;
    while (next < sections.length && starts[next] <= now) next += 1;
    var row = next < sections.length ? rowStart(sections[next]) : 0;
    if (running && next > 0) row = rowStart(sections[next - 1]) + Math.floor((now - starts[next - 1]) / 300000);
    var line = document.createElement("div");
    line.className = "podium-tt-now";
    line.id = "now";
    line.tabIndex = -1;
    if (row) line.style.gridRow = String(row);
    var time = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      timeZone: table.getAttribute("data-podium-zone"),
      hour: "numeric", minute: "2-digit"
    }).format(new Date(now));
    line.innerHTML = "<span></span>";
    line.firstChild.textContent = _("Now, %(time)s", { time: time });
    table.insertBefore(line, sections[next] || null);

    // First on the page, under its title: at the venue it is what one comes for.
    var jump = document.createElement("p");
    jump.className = "podium-now-jump";
    jump.innerHTML = '<a href="#now"></a>';
    jump.firstChild.textContent = _("Now: what is on at %(time)s", { time: time });
    var title = (table.closest("article") || document).querySelector("h1");
    if (title) title.insertAdjacentElement("afterend", jump);
    else table.parentNode.insertBefore(jump, table);
  });
})();
