/*
 * Podium: search, with Podium's own index (search/ at the site's root, made by
 * podium/search/index.py). Nothing of it is downloaded until a visitor types into the
 * search box; then the manifest, the file of terms each word is in, and the files of
 * the results shown: 5 to 30 KB, at 100 papers as at 5,000. Results name the page, its
 * day, time and stream, and link to it. Keyboard: "/" opens the search, Escape closes it.
 * A word found nowhere as typed is looked for as typed without German's letters, as
 * another form, as the end of a longer word and with one typo (lookUpAnyway), never by
 * its first letters alone; the first results get an excerpt around the words found.
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

  var LETTERS = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i" };
  var LETTER = /[ßæœøłđðþı]/g;

  function fold(text) {
    return text.toLowerCase().replace(LETTER, function (letter) { return LETTERS[letter]; })
      .normalize("NFKD").replace(MARKS, "").normalize("NFC");
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
  var TYPO_WEIGHT = 0.3;  // a word one typo away from what was typed
  var TAIL_WEIGHT = 0.5;  // a longer word that ends with what was typed
  var TYPO_LENGTH = 5;  // the shortest word a typo is looked for in, and found as
  var MOST_FILES_FOR_A_PREFIX = 3;
  var MOST_FILES_FOR_A_TYPO = 3;
  var SHOWN = 10;
  var EXCERPT = 220;  // characters of an excerpt, as podium/search/index.py cuts the start
  var EXCERPTS_AROUND = 3;  // results that may get an excerpt around their words
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

  // The file of `table` ([[first term, hash]...]) a term is in: the last one whose first
  // term is not after it.
  function fileOf(table, term) {
    var low = 0, high = table.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (table[middle][0] <= term) low = middle; else high = middle - 1;
    }
    return low;
  }

  // {document: weight} of the terms `like` accepts (it gives each one's factor, 0 for
  // none) in the files of `table` (named `kind` + hash) from the one `term` is in, up to
  // the one `term + "\uffff"` is in when `reach` (the words that begin with it), at most
  // `most` files.
  function gather(table, kind, term, reach, most, like, hits) {
    var first = fileOf(table, term);
    var last = reach ? Math.min(fileOf(table, term + "\uffff"), first + most - 1) : first;
    var names = [];
    for (var i = first; i <= last; i++) names.push(kind + table[i][1] + ".json");
    return Promise.all(names.map(load)).then(function (loaded) {
      var found = {};
      loaded.forEach(function (file) {
        Object.keys(file).forEach(function (key) {
          var factor = like(key);
          if (!factor) return;
          hits[key] = true;
          var numbers = typeof file[key] === "string" ? file[file[key]] : file[key];  // another form of the word
          var page = 0;  // a document's number: the first, then differences
          numbers.forEach(function (number) {
            page += Math.floor(number / 3);
            var weight = WEIGHTS[number % 3] * factor;
            if (!(found[page] >= weight)) found[page] = weight;
          });
        });
      });
      return found;
    });
  }

  // {document: weight} of one query term; `prefix`: also the words that begin with it.
  // The terms found go into `hits`, for the excerpts.
  function lookUp(manifest, term, prefix, hits) {
    return gather(manifest.terms, "t-", term, prefix, MOST_FILES_FOR_A_PREFIX, function (key) {
      return key === term ? 1 : prefix && key.lastIndexOf(term, 0) === 0 ? PREFIX_WEIGHT : 0;
    }, hits);
  }

  // True where `a` and `b` differ by one letter added, left out, changed, or two
  // neighbours swapped (a typo: "kubernets", "megapixles").
  function oneEditApart(a, b) {
    if (Math.abs(a.length - b.length) > 1 || a === b) return false;
    var start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
    var restA = a.slice(start + 1), restB = b.slice(start + 1);
    if (a.length === b.length) {
      return restA === restB || (a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2));
    }
    return a.length > b.length ? a.slice(start + 1) === b.slice(start) : a.slice(start) === b.slice(start + 1);
  }

  // Another form of a word than the site's ("recalling" for "Recalled"): the site's
  // stems, and the endings its stemmer took off its words with what it left in their
  // place (podium/search/index.py, _elsewhere_files). The word less one or two of those
  // endings, plus what was left, is tried as a stem; the longest stem of the site found wins.
  function elsewhere(manifest) {
    return manifest.elsewhere ? load("w-" + manifest.elsewhere + ".json") : Promise.resolve({ endings: [], stems: [], tails: [] });
  }

  function lookUpForms(manifest, term, hits) {
    return elsewhere(manifest).then(function (forms) {
      var stems = {};
      // Two endings at most: "memorialised" is memori-al-ised.
      (function strip(word, rounds) {
        forms.endings.forEach(function (ending) {
          var base = word.length - ending[0].length;
          if (base < 3 || word.slice(base) !== ending[0]) return;
          stems[word.slice(0, base) + ending[1]] = true;
          if (rounds > 1) strip(word.slice(0, base), rounds - 1);
        });
      })(term, 2);
      var wanted = Object.keys(stems).sort(function (a, b) { return b.length - a.length; });
      if (!wanted.length || !forms.stems.length) return {};
      var names = {};
      wanted.forEach(function (stem) { names[forms.stems[fileOf(forms.stems, stem)][1]] = true; });
      return Promise.all(Object.keys(names).map(function (hash) { return load("s-" + hash + ".json"); })).then(function (loaded) {
        var found = wanted.filter(function (stem) { return loaded.some(function (file) { return stem in file; }); })[0];
        if (found === undefined) return {};
        hits["\u0000" + found] = true;  // a stem: words that begin with it are its forms
        return gather(forms.stems, "s-", found, false, 1, function (key) { return key === found ? 1 : 0; }, {});
      });
    });
  }

  // The end of a longer word ("landschaft" in "überwachungslandschaft", which German
  // makes of two): the site's long words backwards, of which the word backwards is a
  // beginning, three letters longer at least.
  function lookUpTails(manifest, term, hits) {
    return elsewhere(manifest).then(function (places) {
      if (!places.tails.length) return {};
      var backwards = Array.from(term).reverse().join("");
      var ends = {};
      return gather(places.tails, "r-", backwards, true, MOST_FILES_FOR_A_PREFIX, function (key) {
        return key.length >= backwards.length + 3 && key.lastIndexOf(backwards, 0) === 0 ? TAIL_WEIGHT : 0;
      }, ends).then(function (found) {
        Object.keys(ends).forEach(function (key) { hits[Array.from(key).reverse().join("")] = true; });
        return found;
      });
    });
  }

  // The words one typo away, weighing less than the words as typed. The words that
  // begin with the same three letters are looked at: a typo is rarely in a word's first
  // letters.
  function lookUpTypos(manifest, term, hits) {
    var start = Array.from(term).slice(0, 3).join("");
    return gather(manifest.terms, "t-", start, true, MOST_FILES_FOR_A_TYPO, function (key) {
      return Array.from(key).length >= TYPO_LENGTH && oneEditApart(key, term) ? TYPO_WEIGHT : 0;
    }, hits);
  }

  // What the first of `steps` (functions giving promises of {document: weight}) that
  // finds anything finds; the later steps are not taken. A step after the first whose
  // files cannot be had (offline, the service worker keeps only the words as typed)
  // finds nothing.
  function firstFound(steps) {
    return steps.reduce(function (chain, step, index) {
      return chain.then(function (found) {
        if (Object.keys(found).length) return found;
        return index === 0 ? step() : step().catch(function () { return {}; });
      });
    }, Promise.resolve({}));
  }

  // A query term as typed; where that is found nowhere, as German is typed without its
  // letters (ue for ü, ae for ä, oe for ö); then as another form of a word of the site;
  // then, at five letters or more, as the end of a longer word, and one typo away.
  function lookUpAnyway(manifest, term, prefix, hits) {
    var unfolded = term.replace(/([aou])e/g, "$1");
    var steps = [function () { return lookUp(manifest, term, prefix, hits); }];
    if (!IS_CJK.test(term)) {
      if (unfolded !== term) steps.push(function () { return lookUp(manifest, unfolded, prefix, hits); });
      steps.push(function () { return lookUpForms(manifest, term, hits); });
      if (Array.from(term).length >= TYPO_LENGTH) {
        steps.push(function () { return lookUpTails(manifest, term, hits); });
        if (unfolded !== term) steps.push(function () { return lookUpTails(manifest, unfolded, hits); });
        steps.push(function () { return lookUpTypos(manifest, term, hits); });
      }
    }
    return firstFound(steps);
  }

  // The documents that have every term, best first; the index's terms found for each
  // query term go into `hits` ({query term: {term: true}}).
  function rank(manifest, query, hits) {
    var words = terms(query).filter(function (term, index, all) { return all.indexOf(term) === index; });
    if (!words.length) return Promise.resolve([]);
    var typing = !/\s$/.test(query);
    return Promise.all(words.map(function (term, index) {
      var last = index === words.length - 1;
      var prefix = typing && last && (IS_CJK.test(term) || term.length >= 3);
      hits[term] = {};
      return lookUpAnyway(manifest, term, prefix, hits[term]);
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

  // What a result shows: [address, title, day and time · stream..., excerpt, language,
  // direction, whole text's file], the last three where there are.
  function shown(manifest, pages) {
    var names = pages.map(function (page) {
      return "d-" + manifest.pages[Math.floor(page / manifest.block)] + ".json";
    });
    return Promise.all(names.map(load)).then(function (loaded) {
      return loaded.map(function (file, index) { return file[pages[index] % manifest.block]; });
    });
  }

  // Whether a word of a text is one searched for by `query`: a word that begins with a
  // word typed, a term found for one (another form, a typo's word: `hits`, {query term:
  // {term: true}}), or a form of a stem found for one.
  function searchedFor(query, hits) {
    var wanted = terms(query);
    var found = {}, stems = [];
    wanted.forEach(function (asked) {
      Object.keys(hits[asked] || {}).forEach(function (key) {
        if (key[0] === "\u0000") stems.push(key.slice(1)); else found[key] = true;
      });
    });
    return function (word) {
      return terms(word).some(function (term) {
        return found[term] === true || wanted.some(function (asked) { return term.lastIndexOf(asked, 0) === 0; })
          || stems.some(function (stem) { return term.lastIndexOf(stem, 0) === 0; });
      });
    };
  }

  // [start, end] of each word of `text` searched for, and in Chinese or Japanese of the
  // characters searched for, in order.
  function wordsFound(text, query, hits) {
    var wanted = searchedFor(query, hits);
    var ranges = [];
    text.replace(NOT_CJK_WORD, function (word, index) {
      if (wanted(word)) ranges.push([index, index + word.length]);
      return word;
    });
    (query.match(CJK_RUN) || []).forEach(function (run) {
      for (var at = text.indexOf(run); at !== -1; at = text.indexOf(run, at + run.length)) ranges.push([at, at + run.length]);
    });
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }

  // About EXCERPT characters of a document's whole text around the first word of `query`,
  // cut at spaces, with "…" where it is cut; null where no word of it is there.
  function around(text, query, hits) {
    var ranges = wordsFound(text, query, hits);
    if (!ranges.length) return null;
    var word = ranges[0];
    var start = Math.max(0, word[0] - Math.floor(EXCERPT / 4));
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space !== -1 && space < word[0] ? space + 1 : word[0];
    }
    var end = Math.min(text.length, start + EXCERPT);
    if (end < text.length && text.lastIndexOf(" ", end) > word[1]) end = text.lastIndexOf(" ", end);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  // The excerpt as text, with the words searched for in <mark>.
  function excerpt(text, query, hits) {
    var node = document.createElement("p");
    var done = 0;
    wordsFound(text, query, hits).forEach(function (range) {
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

  // The words searched for that are in neither the title of a result nor its excerpt.
  function unseen(data, hits) {
    var seen = data[1] + " · " + data[3];
    return Object.keys(hits).filter(function (asked) { return !wordsFound(seen, asked, hits).length; });
  }

  // The first results with a word searched for in neither their title nor their excerpt
  // (the start of their text) get an excerpt around the first place of such a word, from
  // their whole text (one small file each, fetched only then).
  function withExcerpts(results, hits) {
    return Promise.all(results.map(function (data, index) {
      var missing = index < EXCERPTS_AROUND && data[6] ? unseen(data, hits) : [];
      if (!missing.length) return data;
      return load("x-" + data[6] + ".json").then(function (text) {
        var shown = around(text, missing.join(" "), hits);
        if (shown === null) return data;
        var copy = data.slice();  // the loaded file stays as it is, for the next search
        copy[3] = shown;
        return copy;
      }, function () { return data; });
    }));
  }

  function item(data, query, hits) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = new URL(data[0], window.podium.root).pathname;  // from the root, as in the site's own links
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h2");
    title.textContent = data[1];
    if (data[4]) { title.lang = data[4]; title.dir = data[5]; }  // "" for the site's own
    article.appendChild(title);
    if (data[2]) {
      var details = document.createElement("p");
      details.className = "podium-search-meta";
      details.textContent = data[2];
      article.appendChild(details);
    }
    if (data[3]) {
      var text = excerpt(data[3], query, hits);
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
    var hits = {};
    load("index.json").then(function (manifest) {
      return rank(manifest, query, hits).then(function (found) {
        if (asked !== latest) return null;  // a newer search replaced this one
        return shown(manifest, found.slice(0, SHOWN)).then(function (results) {
          return asked === latest ? withExcerpts(results, hits) : results;
        }).then(function (results) {
          if (asked !== latest) return;
          list.textContent = "";
          results.forEach(function (data) { list.appendChild(item(data, query, hits)); });
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
