/*
 * Podium: search, with Pagefind's index (pagefind/ at the site's root). Nothing of the
 * index is downloaded until a visitor types into the search box; then only the chunks
 * the words need, and the excerpts of the results shown. Results name the page, its
 * day, time and stream, and link to it. Keyboard: "/" opens the search, Escape closes it.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;
  var toggle = document.getElementById("__search");
  var form = document.querySelector("[data-podium-search-form]");
  var input = document.querySelector("[data-podium-search-input]");
  var status = document.querySelector("[data-podium-search-status]");
  var list = document.querySelector("[data-podium-search-results]");
  if (!toggle || !form || !input || !status || !list) return;

  var root = window.podium.root;
  var loading = null;
  var latest = 0;
  var SHOWN = 10;

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (module) {
        return module.options({ baseUrl: root.pathname }).then(function () { return module; });
      });
    }
    return loading;
  }

  function say(key, count) {
    var text = status.getAttribute("data-" + key) || "";
    status.textContent = text.replace("#", String(count));
  }

  // Pagefind's excerpt is text with the search words in <mark>: keep those, escape all else.
  function excerpt(html) {
    var parts = html.split(/<\/?mark>/);
    var node = document.createElement("p");
    var decoder = document.createElement("textarea");  // decodes entities, keeps spaces, runs nothing
    parts.forEach(function (part, index) {
      decoder.innerHTML = part;
      var text = document.createTextNode(decoder.value);
      if (index % 2 === 1) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        node.appendChild(mark);
      } else {
        node.appendChild(text);
      }
    });
    return node;
  }

  function item(data) {
    var meta = data.meta || {};
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h2");
    title.textContent = meta.title || data.url;
    article.appendChild(title);
    var about = [meta.when, meta.stream, meta.room, meta.session, meta.affiliation].filter(Boolean).join(" · ");
    if (about) {
      var details = document.createElement("p");
      details.className = "podium-search-meta";
      details.textContent = about;
      article.appendChild(details);
    }
    if (data.excerpt) article.appendChild(excerpt(data.excerpt));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function search(query) {
    var asked = ++latest;
    if (!query.trim()) {
      list.textContent = "";
      say("placeholder", 0);
      return;
    }
    pagefind().then(function (module) {
      return module.debouncedSearch(query, {}, 150);
    }).then(function (found) {
      if (found === null || asked !== latest) return null;  // a newer search replaced this one
      return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); })).then(function (shown) {
        if (asked !== latest) return;
        list.textContent = "";
        shown.forEach(function (data) { list.appendChild(item(data)); });
        var count = found.results.length;
        say(count === 0 ? "none" : count === 1 ? "one" : "other", count);
      });
    }).catch(function () {
      status.textContent = _("Search is not available here (it is made when the site is built).");
    });
  }

  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) setTimeout(function () { input.focus(); }, 50);
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test((event.target || {}).tagName || "");
    if (event.key === "/" && !typing && !toggle.checked) {
      event.preventDefault();
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
})();
