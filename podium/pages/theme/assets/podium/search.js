/*
 * Podium: search, with Podium's own index (search/ at the site's root, made by
 * podium/search/index.py). Nothing of it is downloaded until a visitor types into the
 * search box; then the manifest, the file of terms each word is in, and the files of
 * the results shown: 5 to 30 KB, at 100 papers as at 5,000. Results name the page, its
 * day, time and stream, and link to it. Keyboard: "/" opens the search, Escape closes it.
 */
(function () {
  "use strict";
  var _ = window.podium.gettext;

  // Text into search terms, as podium/search/terms.py does it (a test holds them equal).
  var CJK = "\u3005\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}";
  var WORD = /[\p{L}\p{N}]+/gu;
  var RUNS = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "gu");
  var IS_CJK = new RegExp("^[" + CJK + "]", "u");
  var MARKS = /(?![\u3099\u309a])\p{M}/gu;
  var CJK_RUN = new RegExp("[" + CJK + "]+", "gu");
  var NOT_CJK_WORD = new RegExp("(?:(?![" + CJK + "])[\\p{L}\\p{N}\\p{M}])+", "gu");

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARKS, "").normalize("NFC");
  }

  function terms(text) {
    var found = [];
    (fold(text).match(WORD) || []).forEach(function (word) {
      (word.match(RUNS) || []).forEach(function (run) {
        var chars = Array.from(run);
        if (!IS_CJK.test(run) || chars.length === 1) {
          found.push(run);
        } else {
          for (var i = 0; i + 1 < chars.length; i++) found.push(chars[i] + chars[i + 1]);
        }
      });
    });
    return found;
  }

  window.podium.searchTerms = terms;

  var toggle = document.getElementById("__search");
  var form = document.querySelector("[data-podium-search-form]");
  var input = document.querySelector("[data-podium-search-input]");
  var status = document.querySelector("[data-podium-search-status]");
  var list = document.querySelector("[data-podium-search-results]");
  if (!toggle || !form || !input || !status || !list) return;

  var folder = new URL("search/", window.podium.root);
  var WEIGHTS = [8, 3, 1];  // a term in the title, in the names (presenters, stream...), in the prose
  var PREFIX_WEIGHT = 0.5;  // a word that only begins with what was typed
  var MOST_FILES_FOR_A_PREFIX = 3;
  var SHOWN = 10;
  var files = {};
  var latest = 0;
  var waiting = null;

  function load(name) {
    if (!files[name]) {
      files[name] = fetch(new URL(name, folder)).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + name);
        return response.json();
      });
      files[name].catch(function () { delete files[name]; });  // try again at the next search
    }
    return files[name];
  }

  // The terms file a term is in: the last one whose first term is not after it.
  function fileOf(manifest, term) {
    var low = 0, high = manifest.terms.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (manifest.terms[middle][0] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  // {document: weight} of one query term; `prefix`: also the words that begin with it.
  function lookUp(manifest, term, prefix) {
    var first = fileOf(manifest, term);
    var last = prefix ? Math.min(fileOf(manifest, term + "\uffff"), first + MOST_FILES_FOR_A_PREFIX - 1) : first;
    var names = [];
    for (var i = first; i <= last; i++) names.push("t-" + manifest.terms[i][1] + ".json");
    return Promise.all(names.map(load)).then(function (loaded) {
      var found = {};
      loaded.forEach(function (file) {
        Object.keys(file).forEach(function (key) {
          var exact = key === term;
          if (!exact && !(prefix && key.lastIndexOf(term, 0) === 0)) return;
          var numbers = typeof file[key] === "string" ? file[file[key]] : file[key];  // another form of the word
          var page = 0;  // a document's number: the first, then differences
          numbers.forEach(function (number) {
            page += Math.floor(number / 3);
            var weight = WEIGHTS[number % 3] * (exact ? 1 : PREFIX_WEIGHT);
            if (!(found[page] >= weight)) found[page] = weight;
          });
        });
      });
      return found;
    });
  }

  // The documents that have every term, best first.
  function rank(manifest, query) {
    var words = terms(query).filter(function (term, index, all) { return all.indexOf(term) === index; });
    if (!words.length) return Promise.resolve([]);
    var typing = !/\s$/.test(query);
    return Promise.all(words.map(function (term, index) {
      var last = index === words.length - 1;
      var prefix = typing && last && (IS_CJK.test(term) || term.length >= 3);
      return lookUp(manifest, term, prefix);
    })).then(function (found) {
      var scores = null;
      found.forEach(function (weights) {
        var pages = Object.keys(weights);
        var rarity = Math.log(1 + manifest.documents / Math.max(pages.length, 1));
        var next = {};
        pages.forEach(function (page) {
          if (scores === null || page in scores) next[page] = (scores ? scores[page] : 0) + weights[page] * rarity;
        });
        scores = next;
      });
      return Object.keys(scores).map(Number).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    });
  }

  // What a result shows: [address, title, day and time · stream..., excerpt, language, direction].
  function shown(manifest, pages) {
    var names = pages.map(function (page) {
      return "d-" + manifest.pages[Math.floor(page / manifest.block)] + ".json";
    });
    return Promise.all(names.map(load)).then(function (loaded) {
      return loaded.map(function (file, index) { return file[pages[index] % manifest.block]; });
    });
  }

  // The excerpt as text, with the words searched for in <mark>: a word that begins with
  // one of them, and in Chinese or Japanese the characters searched for, where they occur.
  function excerpt(text, query) {
    var wanted = terms(query);
    var ranges = [];
    text.replace(NOT_CJK_WORD, function (word, index) {
      var found = terms(word).some(function (term) {
        return wanted.some(function (asked) { return term.lastIndexOf(asked, 0) === 0; });
      });
      if (found) ranges.push([index, index + word.length]);
      return word;
    });
    (query.match(CJK_RUN) || []).forEach(function (run) {
      for (var at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + run.length)) ranges.push([at, at + run.length]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var node = document.createElement("p");
    var done = 0;
    ranges.forEach(function (range) {
      if (range[0] < done) return;  // inside one marked already
      node.appendChild(document.createTextNode(text.slice(done, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      node.appendChild(mark);
      done = range[1];
    });
    node.appendChild(document.createTextNode(text.slice(done)));
    return node;
  }

  function item(data, query) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(data[0], window.podium.root).pathname;  // from the root, as in the site's own links
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h2");
    title.textContent = data[1];
    if (data[4]) { title.lang = data[4]; title.dir = data[5]; }
    article.appendChild(title);
    if (data[2]) {
      var details = document.createElement("p");
      details.className = "podium-search-meta";
      details.textContent = data[2];
      article.appendChild(details);
    }
    if (data[3]) {
      var text = excerpt(data[3], query);
      if (data[4]) { text.lang = data[4]; text.dir = data[5]; }
      article.appendChild(text);
    }
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  function say(key, count) {
    var text = status.getAttribute("data-" + key) || "";
    status.textContent = text.replace("#", window.podium.number(count));
  }

  // The list is busy (aria-busy) from a keystroke until the results for what is typed
  // then are shown, so that assistive technology (and the tests) wait for them.
  function done() {
    list.setAttribute("aria-busy", "false");
  }

  function search(query) {
    var asked = ++latest;
    if (!terms(query).length) {
      list.textContent = "";
      say("placeholder", 0);
      done();
      return;
    }
    load("index.json").then(function (manifest) {
      return rank(manifest, query).then(function (found) {
        if (asked !== latest) return null;  // a newer search replaced this one
        return shown(manifest, found.slice(0, SHOWN)).then(function (results) {
          if (asked !== latest) return;
          list.textContent = "";
          results.forEach(function (data) { list.appendChild(item(data, query)); });
          say(found.length === 0 ? "none" : found.length === 1 ? "one" : "other", found.length);
          done();
        });
      });
    }).catch(function () {
      if (asked !== latest) return;
      status.textContent = _("Search is not available here (it is made when the site is built).");
      done();
    });
  }

  input.addEventListener("input", function () {
    clearTimeout(waiting);
    list.setAttribute("aria-busy", "true");
    waiting = setTimeout(function () { search(input.value); }, 120);
  });
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
