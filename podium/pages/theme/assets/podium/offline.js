/*
 * Podium: offline use. Registers the site's service worker (sw.js, written by the
 * build: engine/offline.py), asks it to keep the search index too unless the
 * visitor saves data, and says so when a page is the copy saved on this device.
 * Under `build.py serve` (the preview) no worker runs: one left from a build served
 * at the same address is removed, so the preview always shows the data as it is.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var root = window.podium.root;
  var preview = document.currentScript && document.currentScript.hasAttribute("data-podium-preview");

  var saved = document.querySelector('meta[name="podium-saved-copy"]');
  var page = document.querySelector("[data-podium-offline-page]");
  if (saved && !page) {
    var when = new Date(saved.content);
    var note = document.createElement("p");
    note.className = "podium-saved-note";
    note.setAttribute("role", "note");
    note.textContent = isNaN(when.getTime())
      ? _("You are offline: this is the copy of this page saved on this device. It may have changed since.")
      : _("You are offline: this is the copy of this page saved on this device on %(when)s. It may have changed since.", {
        when: when.toLocaleString(document.documentElement.lang || undefined, {
          weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit"
        })
      });
    var article = document.querySelector("article");
    if (article) article.insertBefore(note, article.firstChild);
  }

  // The offline page names the page that was asked for: only an address of this site.
  var asked = /[?&]page=([^&]*)/.exec(location.search);
  var target = null;
  try {
    target = asked ? new URL(decodeURIComponent(asked[1]), location.href) : null;
  } catch (error) { /* not an address */ }
  if (page && target && target.href.indexOf(root.href) === 0) {
    var link = document.createElement("a");
    link.href = target.href;
    link.textContent = target.href;
    var line = document.createElement("p");
    line.append(_("Page asked for:") + " ", link);
    page.insertAdjacentElement("afterend", line);
  }

  if (!("serviceWorker" in navigator)) return;
  if (preview) {
    navigator.serviceWorker.getRegistrations().then(function (registrations) {
      registrations.forEach(function (registration) { if (registration.scope === root.href) registration.unregister(); });
    });
    return;
  }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: root.pathname, updateViaCache: "none" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var connection = navigator.connection || {};
      var here = location.href.split("#")[0];
      if (registration.active) registration.active.postMessage({ podium: "keep", pages: [here], search: !connection.saveData });
    }).catch(function () { /* no worker (a file:// page, a private window): the site works online */ });
  });
})();
