/*
 * Podium's service worker: the site keeps working without a network.
 *
 * build.py writes it as sw.js at the site's root, after two lines of its own:
 * VERSION (a digest of everything the build was made from) and FILES (what to keep
 * at the first visit: the programme, its days, My programme, the offline page, the
 * styles and scripts; then the search index). Each build's copy lives in a cache
 * of its own; a new publication installs a new worker at the next visit, which
 * drops the old copy.
 *
 * Pages come from the network first (a room may have changed), from the saved copy
 * when the network fails or takes too long, marked as saved; a page never visited
 * leads to the offline page. Everything else comes from the saved copy first: within
 * one build's cache it cannot be out of date.
 */
"use strict";

var SCOPE = self.registration.scope;
var PREFIX = "podium " + SCOPE + " ";
var CACHE = PREFIX + VERSION;
var OFFLINE_PAGE = new URL("offline/", SCOPE).href;
var PATIENCE = 4000;  // ms a page may take on a poor network before the saved copy is shown

function address(path) { return new URL(path, SCOPE).href; }

// A response as kept: with the moment it was saved, for the "saved copy" note.
function stamped(response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set("X-Podium-Saved", new Date().toISOString());
    return new Response(body, { status: response.status, statusText: response.statusText, headers: headers });
  });
}

function keep(request, response) {
  if (!response.ok || response.type !== "basic") return Promise.resolve();
  return Promise.all([caches.open(CACHE), stamped(response)]).then(function (both) {
    return both[0].put(request, both[1]);
  });
}

function fetchAndKeep(request) {
  return fetch(request).then(function (response) {
    return keep(request, response.clone()).then(function () { return response; });
  });
}

// Nothing is taken from an older build's cache, though some names carry their content's
// hash: any script that ran once on the site could have put a file there under such a
// name, and it would outlive every publication after. A new build fetches all it keeps.

function fetchAll(paths) {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(paths.map(function (path) {
      var url = address(path);
      return cache.match(url).then(function (kept) {
        return kept || fetch(url, { cache: "no-cache" }).then(function (response) {
          if (!response.ok) throw new Error(path + ": " + response.status);
          return stamped(response).then(function (saved) { return cache.put(url, saved); });
        });
      });
    }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(fetchAll(FILES.first).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// A page asks to keep itself (it was opened before this worker ran) and, unless the
// visitor saves data, the search index.
self.addEventListener("message", function (event) {
  var asked = event.data || {};
  if (asked.podium !== "keep") return;
  var pages = (asked.pages || []).filter(function (url) { return typeof url === "string" && url.indexOf(SCOPE) === 0; });
  var kept = caches.open(CACHE).then(function (cache) {
    return Promise.all(pages.map(function (url) {
      return cache.match(url).then(function (saved) { return saved || fetchAndKeep(new Request(url)); });
    }));
  });
  var search = asked.search ? fetchAll(FILES.search) : Promise.resolve();
  event.waitUntil(Promise.all([kept, search]).catch(function () {}));
});

// The saved copy of a page, with a note of when it was saved for offline.js to show.
function savedPage(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true });
  }).then(function (response) {
    if (!response) return null;
    var saved = response.headers.get("X-Podium-Saved") || "";
    return response.text().then(function (html) {
      var note = '<meta name="podium-saved-copy" content="' + saved.replace(/[^0-9TZ:.\-]/g, "") + '">';
      return new Response(html.replace("<head>", "<head>" + note), { headers: response.headers });
    });
  });
}

function page(event) {
  return new Promise(function (resolve) {
    var answered = false;
    function answer(response) {
      if (!answered && response) {
        answered = true;
        resolve(response);
      }
    }
    var slow = setTimeout(function () { savedPage(event.request).then(answer); }, PATIENCE);
    var network = fetchAndKeep(event.request).then(function (response) {
      clearTimeout(slow);
      answer(response);
    }, function () {
      clearTimeout(slow);
      return savedPage(event.request).then(function (saved) {
        answer(saved || Response.redirect(OFFLINE_PAGE + "?page=" + encodeURIComponent(event.request.url), 303));
      });
    });
    event.waitUntil(network.catch(function () {}));
  });
}

function file(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request);
  }).then(function (saved) { return saved || fetchAndKeep(request); });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  if (request.url === address("sw.js")) return;
  event.respondWith(request.mode === "navigate" ? page(event) : file(request));
});
