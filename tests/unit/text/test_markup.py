"""text/markup.py: organisers' text shown exactly as written, and never run as code."""

from __future__ import annotations

import html
import re

import markdown
import nh3
import pytest
from hypothesis import given
from hypothesis import strategies as st

from podium.text import markup

TRICKY_TEXT = [
    "*Not emphasis* and _not_ either",
    "[not a link](https://example.org)",
    "<script>alert(1)</script>",
    "# not a heading",
    "1. not a list",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "`not code`",
    "Tom & Jerry &amp; friends",
    "back\\slash \\* and {#id .class}",
    "10.55 am – 12.35 pm",
    "a | table | row",
    "!!python/object",
    "Zoë Núñez 方丽洁",
]


def rendered_text(markdown_text: str) -> str:
    """What a reader sees of Markdown text rendered as MkDocs does (attr_list on)."""
    page = markdown.markdown(markdown_text, extensions=["attr_list", "md_in_html", "tables"])
    return html.unescape(re.sub(r"<[^>]+>", "", page))


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_inline_shows_every_character_as_written(text):
    assert rendered_text(str(markup.inline(text))) == text


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_inline_shows_every_character_as_written_in_a_heading(text):
    assert rendered_text("## " + str(markup.inline(text))) == text


def test_inline_makes_line_breaks_spaces():
    assert str(markup.inline("two\nlines")) == "two lines"


def test_prose_keeps_formatting_and_links():
    html_out = str(markup.prose("Some *emphasis*, **strong** and [a link](https://example.org).\n\n- one\n- two"))
    assert "<em>emphasis</em>" in html_out and "<strong>strong</strong>" in html_out
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">a link</a>' in html_out
    assert "<ul>" in html_out and "<li>two</li>" in html_out


XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
    "<iframe src=\"https://example.org\"></iframe>",
    "<object data=\"x.swf\"></object>",
    "<embed src=\"x.swf\">",
    "<style>body{display:none}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<form action=\"https://evil.example\"><input name=x></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<p onmouseover=alert(1)>hover</p>",
    "</div><script>alert(1)</script>",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
    "<base href=\"https://evil.example/\">",
    "<link rel=stylesheet href=\"https://evil.example/x.css\">",
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_prose_removes_anything_that_could_run_or_load(payload):
    cleaned = str(markup.prose(f"Before {payload} after")).lower()
    for danger in ("<script", "onerror", "onload", "onmouseover", "javascript:", "data:", "<iframe",
                   "<object", "<embed", "<style", "style=", "<form", "<meta", "<base", "<link", "<svg"):  # fmt: skip
        assert danger not in cleaned


def test_prose_output_has_no_blank_lines_that_would_end_the_html_block():
    assert "\n\n" not in str(markup.prose("one\n\n\n\ntwo\n\n- a\n\n- b"))


def test_prose_keeps_blank_lines_in_code_without_ending_the_html_block():
    code = "def f():\n\n    return 1\n  \n\nf()\n"
    rendered = str(markup.prose(f"```\n{code}```"))
    assert "\n\n" not in rendered and not any(line.isspace() for line in rendered.split("\n"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert shown == code


def test_prose_is_markdown_as_github_reads_it():
    assert "<ul>\n<li>a</li>" in str(markup.prose("Aims:\n- a\n- b"))  # a list needs no blank line before it
    assert '<a href="https://example.org/x"' in str(markup.prose("See https://example.org/x."))
    assert "<del>old</del>" in str(markup.prose("~~old~~"))
    assert "<td>1</td>" in str(markup.prose("| a |\n|---|\n| 1 |"))
    assert str(markup.prose("CO<sub>2</sub>")) == "<p>CO<sub>2</sub></p>"


def test_plain_gives_visible_text_only():
    assert markup.plain("Some *emphasis* and <b>bold</b> &amp; [link](https://x.org)") == (
        "Some emphasis and bold & link"
    )


@pytest.mark.parametrize(
    "text",
    XSS_PAYLOADS + TRICKY_TEXT + ['<abbr title="a > b &quot;c&quot;">X</abbr> <a href="https://x.org/?a=1&b=>">y</a>', "```\n<a>\n\n</a>\n```"],
)
def test_plain_removes_tags_as_nh3_does(text):
    with_nh3 = nh3.clean(str(markup.prose(text)), tags=set())
    assert markup.plain(text) == re.sub(r"\s+", " ", html.unescape(with_nh3)).strip()


def test_summary_keeps_whole_sentences_within_the_limit():
    text = "First sentence here. Second one is longer than that. Third."
    assert markup.summary(text, limit=30) == "First sentence here."
    assert markup.summary(text, limit=200) == text


def _summary_by_splitting(words: str, limit: int) -> str:
    """The first way summaries were made: split every sentence, then join while they fit."""
    if len(words) <= limit:
        return words
    result = ""
    for sentence in re.split(r"(?<=[.!?])\s+", words):
        candidate = f"{result} {sentence}".strip()
        if len(candidate) > limit:
            break
        result = candidate
    return result or words[:limit].rsplit(" ", 1)[0] + "…"


@given(st.lists(st.sampled_from(["word", "Word.", "end!", "why?", "a.b", "…", "x" * 30, "Dr."]), max_size=80), st.integers(5, 120))
def test_summary_is_what_splitting_every_sentence_gave(words, limit):
    text = " ".join(words)
    assert markup._summarise(text, limit) == _summary_by_splitting(text, limit)


def test_summary_cuts_a_long_first_sentence_at_a_word():
    assert markup.summary("word " * 100, limit=20) == "word word word word…"


def test_without_tags_drops_what_looks_like_a_tag_and_keeps_comparisons():
    assert markup.without_tags('<svg onload=alert("x4")> Text with  <b>bold</b> text') == "Text with bold text"
    assert markup.without_tags("a < b and c > d") == "a < b and c > d"
    assert markup.without_tags("<!-- note --> after <br/>") == "after"
