/*
 * Podium: My programme. The starred sessions and papers (starred.js keeps them in this
 * browser) by day and time, with clashes marked and the sessions for everyone around
 * them; a calendar file of exactly those, made here from the site's own calendar
 * files; a link and a QR code that carry the selection in the address's fragment
 * (never sent to a server) and open it read-only for whoever follows it.
 * Everything comes from my-programme.json, read when this page opens.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var ngettext = window.podium.ngettext;
  var frame = document.querySelector("[data-podium-my-programme]");
  var stars = window.podiumStarred;
  if (!frame || !stars || !window.fetch) return;

  function part(name) { return frame.querySelector("[data-podium-my-" + name + "]"); }
  var status = part("status");
  var list = part("list");
  var data = null;
  var seenBefore = null;  // the publication this browser saw My programme at before this visit
  // Lookups by keys that come from the visitor's storage and share links: objects
  // without a prototype, so that a key such as "__proto__" finds nothing.
  var byKey = Object.create(null);
  var byCode = Object.create(null);

  document.querySelector("[data-podium-my-nojs]").hidden = true;
  frame.hidden = false;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function address(path) { return new URL(path, window.podium.root).href; }

  // A share link's codes ("#share=ab12.cd34"), or null when the page shows the visitor's own.
  function sharedCodes() {
    var match = /^#share=([0-9a-z.]*)$/.exec(location.hash);
    return match ? match[1].split(".").filter(Boolean) : null;
  }

  function unique(values) {
    return values.filter(function (value, at) { return values.indexOf(value) === at; });
  }

  function byTime(a, b) {
    if ((a.start || "~") !== (b.start || "~")) return (a.start || "~") < (b.start || "~") ? -1 : 1;
    return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
  }

  // The session a paper belongs to, or the session itself: a paper never clashes with its own session.
  function sessionKey(item) { return item.kind === "paper" ? item.session || item.key : item.key; }

  function overlaps(a, b) {
    return a.start && b.start && a.end && b.end && new Date(a.start) < new Date(b.end) && new Date(b.start) < new Date(a.end);
  }

  // A cancelled item takes no time: it clashes with nothing.
  function clashesOf(item, items) {
    if (item.cancelled) return [];
    return items.filter(function (other) {
      return other !== item && !other.cancelled && sessionKey(other) !== sessionKey(item) && overlaps(item, other);
    });
  }

  function entry(item, chosen, editable) {
    var context = chosen.indexOf(item) === -1;
    var facts = [item.time || _("Time to be announced")];
    if (item.room) facts.push(item.room);
    if (item.stream) facts.push(item.stream);
    var when = item.start ? element("time", { datetime: item.start }, [facts[0]]) : facts[0];
    var children = [element("p", { "class": "podium-my-when" }, [when].concat(facts.length > 1 ? [" · " + facts.slice(1).join(" · ")] : []))];
    var shown = item.cancelled ? element("s", {}, [item.title]) : item.title;
    var title = item.page ? element("a", { href: address(item.page) }, [shown]) : element("span", {}, [shown]);
    var heading = element("p", { "class": "podium-my-title" }, context ? [_("For everyone:") + " ", title] : [title]);
    if (item.cancelled) heading.insertBefore(element("strong", { "class": "podium-my-cancelled" }, [_("Cancelled") + " "]), heading.firstChild);
    if (!context && editable) heading.appendChild(stars.button(item.key, item.title));
    children.push(heading);
    if (!context && item.changed && seenBefore && item.changed.at > seenBefore) {
      children.push(element("p", { "class": "podium-my-changed" }, [element("strong", {}, [_("Changed since you last looked:")]), " " + item.changed.what]));
    }
    var session = item.session && byKey[item.session];
    if (session) children.push(element("p", {}, [_("Paper in") + " ", element("a", { href: address(session.page) }, [session.title])]));
    if (!context) {
      var clashes = clashesOf(item, chosen);
      if (clashes.length) {
        var clash = element("p", { "class": "podium-my-clash" }, [element("strong", {}, [_("Clash:")]), " " + _("at the same time as") + " "]);
        listed(clashes.map(function (other) { return element("a", { href: address(other.page) }, [other.title]); }))
          .forEach(function (node) { clash.appendChild(node); });
        children.push(clash);
      }
    }
    var node = element("li", { "class": context ? "podium-my-context" : "podium-my-item", "data-key": item.key }, children);
    if (item.start) node.setAttribute("data-start", item.start);
    if (item.end) node.setAttribute("data-end", item.end);
    return node;
  }

  function renderList(chosen, editable) {
    list.textContent = "";
    var dates = unique(chosen.map(function (item) { return item.date || ""; })).sort(function (a, b) {
      return a === "" ? 1 : b === "" ? -1 : a < b ? -1 : a > b ? 1 : 0;
    });
    dates.forEach(function (date) {
      var shown = chosen.filter(function (item) { return (item.date || "") === date; });
      if (date) {
        shown = shown.concat(data.items.filter(function (item) {
          return item.everyone && item.date === date && chosen.indexOf(item) === -1;
        }));
      }
      shown.sort(byTime);
      list.appendChild(element("h2", {}, [date ? data.days[date] || date : _("Day to be announced")]));
      list.appendChild(element("ul", { "class": "podium-my-day" }, shown.map(function (item) { return entry(item, chosen, editable); })));
    });
    markNow();
  }

  // What is on now, and what is over, by the visitor's clock.
  function markNow() {
    var now = Date.now();
    list.querySelectorAll("li[data-start]").forEach(function (node) {
      var start = Date.parse(node.getAttribute("data-start"));
      var end = Date.parse(node.getAttribute("data-end") || node.getAttribute("data-start"));
      var on = start <= now && now < end;
      node.classList.toggle("podium-now", on);
      node.classList.toggle("podium-past", now >= end);
      var label = node.querySelector(".podium-now-label");
      if (on && !label) node.insertBefore(element("strong", { "class": "podium-now-label" }, [_("Now")]), node.firstChild);
      if (!on && label) label.remove();
    });
  }

  function renderFiles(chosen) {
    var files = part("file-list");
    files.textContent = "";
    var shown = Object.create(null);
    chosen.forEach(function (item) {
      if (!item.ics || shown[item.ics]) return;
      shown[item.ics] = true;
      var label = item.session && byKey[item.session] && item.ics === byKey[item.session].ics
        ? byKey[item.session].title : item.title;
      files.appendChild(element("li", {}, [element("a", { href: address(item.ics) }, [label + " (.ics)"])]));
    });
    part("files").hidden = !files.firstChild;
  }

  function render() {
    var codes = sharedCodes();
    var keys = codes ? codes.map(function (code) { return byCode[code] ? byCode[code].key : null; }) : stars.read();
    var chosen = unique(keys.filter(function (key) { return key && byKey[key]; })).map(function (key) { return byKey[key]; });
    part("shared").hidden = !codes;
    if (codes) {
      part("shared-count").textContent = ngettext("%(num)s session or paper was shared with you.", "%(num)s sessions and papers were shared with you.", chosen.length);
    }
    part("empty").hidden = !!codes || chosen.length > 0;
    part("actions").hidden = !!codes || chosen.length === 0;
    part("share-box").hidden = true;
    var gone = codes ? 0 : keys.length - chosen.length;
    part("gone").hidden = gone === 0;
    part("gone").textContent = gone
      ? ngettext("%(num)s session or paper you starred is no longer in the programme.", "%(num)s sessions and papers you starred are no longer in the programme.", gone)
      : "";
    renderList(chosen, !codes);
    renderFiles(chosen);
    return chosen;
  }

  // Nodes in the language's list form ("A, B and C"), with the nodes where the names go.
  function listed(nodes) {
    if (!(typeof Intl !== "undefined" && Intl.ListFormat)) return nodes;
    var names = nodes.map(function (node, i) { return "\u0000" + i + "\u0000"; });
    var text = new Intl.ListFormat(document.documentElement.lang || undefined, { type: "conjunction" }).format(names);
    return text.split("\u0000").map(function (piece, i) {
      return i % 2 ? nodes[parseInt(piece, 10)] : document.createTextNode(piece);
    });
  }

  // The site's own calendar entries of the chosen items, between the calendar's own
  // lines: the same UIDs as every other calendar file of the site.
  function calendar(chosen) {
    var files = unique(chosen.map(function (item) { return item.ics; }).filter(Boolean));
    return Promise.all(files.map(function (file) {
      return fetch(address(file)).then(function (response) {
        if (!response.ok) throw new Error(file + ": " + response.status);
        return response.text();
      });
    })).then(function (texts) {
      var seen = Object.create(null);
      var events = [];
      texts.forEach(function (text) {
        (text.match(/BEGIN:VEVENT\r\n[\s\S]*?END:VEVENT\r\n/g) || []).forEach(function (event) {
          var uid = /\r\nUID:([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)/.exec(event);
          var key = uid ? uid[1] : event;
          if (!seen[key]) events.push(event);
          seen[key] = true;
        });
      });
      return { text: data.calendar.opening + events.join("") + data.calendar.closing, count: events.length };
    });
  }

  function download(text) {
    var link = element("a", { href: URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" })), download: "my-programme.ics" });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  function shareLink(chosen) {
    var codes = chosen.map(function (item) { return item.code; }).filter(Boolean).sort();
    return address("my-programme/") + "#share=" + codes.join(".");
  }

  function showShare(chosen) {
    var link = shareLink(chosen);
    part("share-box").hidden = false;
    part("share-link").value = link;
    part("share-link").focus();
    part("share-link").select();
    var box = part("qr");
    box.textContent = "";
    import(address("assets/vendor/uqr/index.mjs")).then(function (uqr) {
      var svg = uqr.renderSVG(link, { ecc: "M", border: 4 });
      var image = element("img", {
        src: "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svg),
        alt: _("QR code of the link to your selection"), width: "240", height: "240"
      });
      box.appendChild(image);
    }).catch(function () {
      box.appendChild(element("p", {}, [_("The QR code could not be drawn: copy the link instead.")]));
    });
  }

  function announce(text) { status.textContent = text; }

  frame.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("button") : null;
    if (!target || !frame.contains(target)) return;
    var chosen = render.last || [];
    if (target.hasAttribute("data-podium-my-calendar")) {
      target.disabled = true;
      announce(_("Making your calendar…"));
      calendar(chosen).then(function (made) {
        download(made.text);
        announce(ngettext("Your calendar, with %(num)s entry, is downloaded as my-programme.ics.", "Your calendar, with %(num)s entries, is downloaded as my-programme.ics.", made.count));
      }).catch(function () {
        announce(_("The calendar could not be made: the site's calendar files did not load. The files below can be added one by one."));
        part("files").open = true;
      }).then(function () { target.disabled = false; });
    } else if (target.hasAttribute("data-podium-my-share")) {
      showShare(chosen);
    } else if (target.hasAttribute("data-podium-my-copy")) {
      var link = part("share-link").value;
      (navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject()).then(function () {
        announce(_("Link copied."));
      }, function () {
        part("share-link").select();
        announce(_("Select the link and copy it."));
      });
    } else if (target.hasAttribute("data-podium-my-adopt")) {
      var mine = stars.read();
      stars.write(unique(mine.concat(chosen.map(function (item) { return item.key; }))));
      history.replaceState(null, "", location.pathname + location.search);
      refresh();
      announce(ngettext("%(num)s session or paper added to your programme.", "%(num)s sessions and papers added to your programme.", chosen.length));
      list.focus();
    }
  });

  function refresh() { render.last = render(); }

  // A star taken off here: the entry goes, and the keyboard stays near where it was.
  document.addEventListener("podium:starred", function () {
    if (!data || sharedCodes()) return;
    var focused = document.activeElement;
    var key = focused && focused.getAttribute && focused.getAttribute("data-podium-star");
    var before = render.last || [];
    refresh();
    if (key && !list.contains(focused)) {
      var at = before.map(function (item) { return item.key; }).indexOf(key);
      var next = list.querySelectorAll("[data-podium-star]")[Math.max(0, at)] || list;
      next.focus();
      if (byKey[key]) announce(_("“%(title)s” taken off My programme.", { title: byKey[key].title }));
    }
  });
  window.addEventListener("hashchange", function () { if (data) refresh(); });
  setInterval(markNow, 60000);

  fetch(frame.getAttribute("data-source")).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (loaded) {
    data = loaded;
    // What changed since the publication this browser last saw here is flagged, this once.
    seenBefore = window.podium.seen();
    window.podium.saw(data.published);
    data.items.forEach(function (item) {
      byKey[item.key] = item;
      if (item.code) byCode[item.code] = item;
    });
    refresh();
  }).catch(function () {
    announce(_("My programme could not load the list of sessions. Check your connection and reload the page."));
  });
})();
