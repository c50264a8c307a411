/*
 * Podium: what every script of Podium's shares, loaded before them as window.podium.
 * - root: the site's root address, from Material's config ("/" on the 404 page);
 * - number: a number as the language writes it;
 * - published: when the programme was last published (UTC, ISO), where git had its history;
 * - seen, saw: the publication this browser last saw My programme at (starred.js, my-programme.js);
 * - gettext, ngettext: the scripts' words in the site's language. The page hands them
 *   over in #podium-words, from the same catalogs as its own text (made at build); an
 *   English site needs none, the messages being English. Placeholders are %(name)s;
 *   plurals pick their form by the language's rules (Intl.PluralRules).
 */
window.podium = (function () {
  "use strict";
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var root = new URL((config.base || ".").replace(/\/$/, "") + "/", location.href);
  var element = document.getElementById("podium-words");
  var words = element ? JSON.parse(element.textContent) : {};
  var language = document.documentElement.lang || "en";
  var rules = typeof Intl !== "undefined" && Intl.PluralRules ? new Intl.PluralRules(language) : null;
  var numbers = typeof Intl !== "undefined" ? new Intl.NumberFormat(language) : null;
  var published = (document.querySelector('meta[name="podium-published"]') || {}).content || null;
  var SEEN = "podium:seen:" + root.pathname;

  function seen() {
    try { return localStorage.getItem(SEEN); } catch (error) { return null; }
  }

  function saw(time) {
    try { if (time) localStorage.setItem(SEEN, time); } catch (error) { /* no storage: nothing to remember */ }
  }

  // Numbers as the language writes them (1,234 or 1.234), the rest as it is.
  function fill(text, values) {
    if (!values) return text;
    return text.replace(/%\((\w+)\)s/g, function (all, name) {
      if (!(name in values)) return all;
      var value = values[name];
      return typeof value === "number" && numbers ? numbers.format(value) : String(value);
    });
  }

  return {
    root: root,
    published: published,
    seen: seen,
    saw: saw,
    number: function (n) { return numbers ? numbers.format(n) : String(n); },
    gettext: function (message, values) {
      return fill(typeof words[message] === "string" ? words[message] : message, values);
    },
    ngettext: function (singular, plural, n, values) {
      var forms = words[singular];
      var text = forms && typeof forms === "object" && rules ? forms[rules.select(n)] || forms.other : n === 1 ? singular : plural;
      var all = { num: n };
      for (var name in values || {}) all[name] = values[name];
      return fill(text, all);
    }
  };
})();
