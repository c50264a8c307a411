/*
 * Podium's preview (`make serve` only): while the data has errors, every page says so
 * at its top, with each problem's file, line and hint. The page shown is the last
 * good one; the save that fixes the data removes the notice (MkDocs reloads the page).
 * Never part of a built site: `build` stages neither this file nor problems.json.
 */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src;
  if (!here || !window.fetch) return;
  var source = here.replace(/preview\.js(\?.*)?$/, "problems.json");

  function element(name, attributes, text) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text) node.textContent = text;
    return node;
  }

  function show(problems) {
    var notice = element("section", {
      "class": "podium-preview-problems",
      "role": "alert",
      "aria-labelledby": "podium-preview-title",
      "style": "margin:0 0 1em;padding:0.8em 1em;border:2px solid #b00020;border-radius:4px;" +
        "background:#fff;color:#1a1a1a;font-size:0.8rem;line-height:1.5"
    });
    notice.appendChild(element("h2", {
      "id": "podium-preview-title", "style": "margin:0 0 0.4em;font-size:1rem;color:#1a1a1a"
    }, problems.length + " problem" + (problems.length === 1 ? "" : "s") +
      " in the data: this preview shows the last good version"));
    var list = element("ul", { "style": "margin:0 0 0.6em;padding-left:1.2em" });
    problems.forEach(function (problem) {
      var item = element("li");
      var place = problem.file + (problem.line ? ":" + problem.line + ":" + problem.column : "");
      item.appendChild(element("code", { "style": "color:#1a1a1a;background:#eee" }, place));
      item.appendChild(document.createTextNode(
        " " + problem.severity + ": " + problem.message + (problem.hint ? " (" + problem.hint + ")" : "")
      ));
      list.appendChild(item);
    });
    notice.appendChild(list);
    var hide = element("button", {
      "type": "button",
      "style": "font:inherit;padding:0.3em 0.8em;border:1px solid #1a1a1a;border-radius:3px;" +
        "background:#fff;color:#1a1a1a;cursor:pointer"
    }, "Hide until the next save");
    hide.addEventListener("click", function () { notice.remove(); });
    notice.appendChild(hide);
    var content = document.querySelector(".md-content__inner") || document.body;
    content.insertBefore(notice, content.firstChild);
  }

  fetch(source, { cache: "no-store" })
    .then(function (response) { return response.ok ? response.json() : []; })
    .then(function (problems) { if (problems.length) show(problems); })
    .catch(function () { /* no notice is better than a broken page */ });
})();
