"""Put organisers' text into pages safely, and exactly as they wrote it.

Two kinds of text come from the data:

- one-line text (titles, names, rooms): shown literally. `inline()` escapes it for a
  Markdown page, so `*`, `[`, `<` or `#` show as typed and never become markup;
- prose (abstracts, bios): Markdown as GitHub reads it (CommonMark with tables,
  strikethrough and bare links). `prose()` renders it with cmark-gfm, GitHub's own
  C renderer (a thousand abstracts in a few hundredths of a second), and sanitises
  the HTML with nh3 (Ammonia), so pasted `<script>`, event handlers, `javascript:`
  links or iframes never reach an attendee's browser. The result goes into the page
  as a raw HTML block, which MkDocs passes through untouched.
"""

from __future__ import annotations

import html
import re

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup

# Characters Python-Markdown treats as markup and accepts a backslash escape for.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
_WHITESPACE = re.compile(r"\s+")

_PROSE_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h3", "h4", "h5", "h6",
    "hr", "i", "li", "ol", "p", "pre", "q", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_PROSE_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
_URL_SCHEMES = {"http", "https", "mailto"}
_PROSE_EXTENSIONS = ["table", "strikethrough", "autolink"]
# Raw HTML is passed on (not replaced by a comment) so that nh3, the one sanitiser,
# decides what stays: <sub> in CO<sub>2</sub> does, <script> does not.
_PROSE_OPTIONS = Options.CMARK_OPT_UNSAFE
_LINK_REL = "noopener noreferrer nofollow"
# nh3's output quotes every attribute, so a `>` inside a tag is always in a quoted value.
_ANCHOR_WITHOUT_HREF = re.compile(r'<a((?:\s+(?!href=)[a-z-]+="[^"]*")*)>')
# A tag in nh3's output: it quotes every attribute and escapes `"` inside values,
# and a `<` in text is always `&lt;`. Removing tags this way gives what a second
# nh3 pass with no tags allowed gives, at a thirtieth of the cost.
_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')
_SENTENCE_END = re.compile(r"[.!?](?=\s)")
_PREFORMATTED = re.compile(r"<pre[ >].*?</pre>", re.DOTALL)
_BLANK_LINE = re.compile(r"^([ \t]*)\n", re.MULTILINE)


def inline(text: str) -> Markup:
    """One-line text, escaped so Markdown shows every character as written."""
    flat = _WHITESPACE.sub(" ", str(text)).strip()
    escaped = html.escape(flat, quote=False)
    return Markup(_MARKDOWN_PUNCTUATION.sub(r"\\\1", escaped))


def prose(text: str) -> Markup:
    """Organiser Markdown as sanitised HTML, ready to stand as a raw block in a page.

    Cached: a bio is shown on the person's page and on each of their sessions' pages,
    and the calendars and search markup read the same abstracts again.
    """
    cached = _PROSE.get(text)
    if cached is None:
        cached = _PROSE[text] = _render_prose(text)
    return cached


def plain(text: str) -> str:
    """Prose reduced to its visible text, for meta descriptions and calendars."""
    cached = _PLAIN.get(text)
    if cached is None:
        without_tags = _TAG.sub("", str(prose(text)))
        # Splitting on whitespace is `\s+` to one space, without a regex substitution per space.
        cached = _PLAIN[text] = " ".join(html.unescape(without_tags).split())
    return cached


_PROSE: dict[str, Markup] = {}
_PLAIN: dict[str, str] = {}


def remember(text: str, as_prose: Markup, as_plain: str) -> None:
    """Keep `text`'s prose and plain text, rendered elsewhere (the engine renders ahead in shares)."""
    _PROSE[text] = as_prose
    _PLAIN[text] = as_plain


def is_remembered(text: str) -> bool:
    return text in _PLAIN


def _render_prose(text: str) -> Markup:
    rendered = cmarkgfm.markdown_to_html_with_extensions(text, _PROSE_OPTIONS, _PROSE_EXTENSIONS)
    clean = nh3.clean(
        rendered,
        tags=_PROSE_TAGS,
        attributes=_PROSE_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=_LINK_REL,
    )
    # A link whose address was removed keeps its text; `rel` without `href` is invalid.
    clean = _ANCHOR_WITHOUT_HREF.sub(lambda m: "<a" + m[1].replace(f' rel="{_LINK_REL}"', "") + ">", clean)
    # A blank line would end the raw HTML block in the middle. Between elements blank
    # lines mean nothing and go; in code they are the author's, and stay as `&#10;`.
    kept = _PREFORMATTED.sub(lambda m: _BLANK_LINE.sub(r"\1&#10;", m[0]), clean)
    return Markup("\n".join(line for line in kept.split("\n") if line.strip()))


# Text that reads as an HTML tag: what a page shows as text, but a link preview must not.
_TAG_LIKE = re.compile(r"<[A-Za-z!/?][^<>]*>?")


def without_tags(text: str) -> str:
    """`text` without anything that looks like a tag (`<svg onload=…>`), spaces tidied.

    For descriptions (meta, Open Graph, Twitter): the page shows such text as typed,
    escaped, but a link preview of it is noise at best.
    """
    return " ".join(_TAG_LIKE.sub(" ", text).split())


def summary(text: str, limit: int = 200) -> str:
    """The first sentences of `text` that fit in `limit` characters (at least one, cut)."""
    return _summarise(plain(text), limit)


def _summarise(words: str, limit: int) -> str:
    """`words` (plain text: single spaces) cut after the last sentence ending within `limit`.

    Sentence ends are found from the start and no further than needed: an abstract
    runs to thousands of characters, a summary to two hundred.
    """
    if len(words) <= limit:
        return words
    end = 0
    for sentence_end in _SENTENCE_END.finditer(words):
        if sentence_end.end() > limit:
            break
        end = sentence_end.end()
    return words[:end] if end else words[:limit].rsplit(" ", 1)[0] + "…"
