/*
 * Podium: stars. A visitor stars sessions and papers, on their pages and beside them in
 * every list; the selection is kept in this browser (localStorage, one list a site),
 * never sent anywhere, and stays in step across open tabs. My programme
 * (my-programme.js) shows it. Without JavaScript no star is shown.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var root = window.podium.root;
  var STORE = "podium:starred:" + root.pathname;
  var ICON_OFF = "M12 15.39l-3.76 2.27.99-4.28-3.32-2.88 4.38-.37L12 6.09l1.71 4.04 4.38.37-3.32 2.88.99 4.28M22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.45 4.73L5.82 21 12 17.27 18.18 21l-1.64-7.03z";
  var ICON_ON = "M12 17.27 18.18 21l-1.64-7.03L22 9.24l-7.19-.61L12 2 9.19 8.63 2 9.24l5.45 4.73L5.82 21z";

  function read() {
    try {
      var stored = JSON.parse(localStorage.getItem(STORE) || "[]");
      return Array.isArray(stored) ? stored.filter(function (k) { return typeof k === "string"; }) : [];
    } catch (error) {
      return [];
    }
  }

  function write(keys) {
    try {
      localStorage.setItem(STORE, JSON.stringify(keys));
    } catch (error) { /* private browsing without storage: stars last as long as the page */ }
    document.dispatchEvent(new CustomEvent("podium:starred", { detail: keys }));
  }

  // "s:<id>" for a session's page, "p:<id>" for a paper's, from its address.
  function keyOf(url) {
    var path = new URL(url, location.href).pathname;
    if (path.indexOf(root.pathname) !== 0) return null;
    var match = /^(sessions|papers)\/([a-z0-9-]+)\/$/.exec(path.slice(root.pathname.length));
    return match ? (match[1] === "sessions" ? "s:" : "p:") + match[2] : null;
  }

  function update(button, keys) {
    var on = keys.indexOf(button.getAttribute("data-podium-star")) !== -1;
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.querySelector("path").setAttribute("d", on ? ICON_ON : ICON_OFF);
  }

  // A toggle: pressed when starred. Its name never changes (the pressed state says
  // it): on a page, its visible words; in a list, the item's title with it. Made by
  // cloning one button: a day page of a large programme has over a thousand.
  var model = document.createElement("button");
  model.type = "button";
  model.className = "podium-star";
  model.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path/></svg>';

  function star(key, title, worded, keys) {
    var button = model.cloneNode(true);
    button.setAttribute("data-podium-star", key);
    if (worded) {
      button.className = "podium-star podium-star--worded";
      button.appendChild(document.createTextNode(_("Star for My programme")));
    } else {
      button.setAttribute("aria-label", _("Star for My programme: %(title)s", { title: title }));
      button.title = _("Star for My programme");
    }
    update(button, keys || read());
    return button;
  }

  function toggle(key) {
    if (!window.podium.seen()) window.podium.saw(window.podium.published);  // changes count from the first star
    var keys = read();
    var at = keys.indexOf(key);
    if (at === -1) keys.push(key); else keys.splice(at, 1);
    write(keys);
  }

  function refresh(keys) {
    document.querySelectorAll("[data-podium-star]").forEach(function (button) { update(button, keys); });
  }

  // The page's own item, beside its title.
  var heading = document.querySelector("article h1");
  var place = document.querySelector("[data-podium-star-place]");
  if (heading && place) place.appendChild(star(place.getAttribute("data-podium-star-place"), heading.textContent.trim(), true));

  // Every session and paper in the page's lists, the selection read once for all. The
  // first hundred at once; on a long page (a day of a large programme has over a
  // thousand) the others as they come near the screen, so that no long task holds up
  // the page. Their room is made already: nothing moves when they come.
  function starLink(link, keys) {
    var key = keyOf(link.href);
    if (key) link.insertAdjacentElement("afterend", star(key, link.textContent.trim(), false, keys));
  }
  var links = Array.prototype.slice.call(document.querySelectorAll("ul.podium-sessions > li > a:first-child, ol.podium-papers > li > a:first-child"));
  var AT_ONCE = 100;
  var starred = read();
  links.slice(0, AT_ONCE).forEach(function (link) { starLink(link, starred); });
  var later = links.slice(AT_ONCE);
  if (later.length && "IntersectionObserver" in window) {
    var near = new IntersectionObserver(function (entries) {
      var keys = read();
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        near.unobserve(entry.target);
        starLink(entry.target, keys);
      });
    }, { rootMargin: "800px 0px" });
    later.forEach(function (link) { near.observe(link); });
  } else {
    later.forEach(function (link) { starLink(link, starred); });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-podium-star]");
    if (button) toggle(button.getAttribute("data-podium-star"));
  });
  document.addEventListener("podium:starred", function (event) { refresh(event.detail); });
  // Another tab changed the selection.
  window.addEventListener("storage", function (event) {
    if (event.key === STORE) document.dispatchEvent(new CustomEvent("podium:starred", { detail: read() }));
  });

  // A publication since this browser last saw My programme: if it changed a starred item,
  // say so at the top of the page (My programme says what changed). Once a publication,
  // and only for visitors with stars, the list of sessions is fetched to know.
  function noticeChanges() {
    var seen = window.podium.seen(), published = window.podium.published, keys = read();
    if (!published || !keys.length || !window.fetch || location.pathname.indexOf("/my-programme/") !== -1) return;
    if (!seen) { window.podium.saw(published); return; }
    if (published <= seen) return;
    fetch(new URL("my-programme.json", root).href).then(function (response) {
      return response.ok ? response.json() : { items: [] };
    }).then(function (data) {
      var changed = data.items.filter(function (item) {
        return keys.indexOf(item.key) !== -1 && item.changed && item.changed.at > seen;
      });
      if (!changed.length) return;
      var link = document.createElement("a");
      link.href = new URL("my-programme/", root).href;
      link.textContent = _("My programme");
      var notice = document.createElement("p");
      notice.className = "podium-changed-notice";
      notice.setAttribute("role", "status");
      notice.appendChild(document.createTextNode(_("Sessions you starred have changed since you last looked:") + " "));
      notice.appendChild(link);
      var article = document.querySelector("article");
      if (article) article.insertBefore(notice, article.firstChild);
    }).catch(function () { /* offline without the list: no notice */ });
  }
  noticeChanges();

  window.podiumStarred = { read: read, write: write, button: star };
})();
