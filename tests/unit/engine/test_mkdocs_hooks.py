"""Podium's MkDocs hooks change how fast pages are made, never what they say."""

from __future__ import annotations

import importlib.util
import re
from types import SimpleNamespace

import markdown
import pytest

from podium import pages, translations
from podium.engine import mkdocs_config
from podium.pages import fragments
from podium.programme.check import check_project
from tests.conftest import MULTI_DATA, SEED_DATA

_spec = importlib.util.spec_from_file_location("podium_mkdocs_hooks", mkdocs_config.HOOKS)
hooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(hooks)


def _pages(data):
    programme = check_project(data.parent).programme
    return pages.render(programme)


def _html(text: str, with_hooks: bool, name: str) -> str:
    """A page's body as MkDocs makes it: front matter off, Markdown with the site's extensions."""
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    page = SimpleNamespace(file=SimpleNamespace(src_uri=name), meta={})
    if with_hooks:
        body = hooks.on_page_markdown(body, page, None, None)
    html = markdown.Markdown(extensions=["attr_list", "toc"]).convert(body)
    if with_hooks:
        html = hooks.on_page_content(html, page, _CONFIG, None)
    return html


_CONFIG = {"extra": {"podium": {"language": "en"}}}


def _without_markers(html: str) -> str:
    html = html.replace(fragments.BLOCK_START, "").replace(fragments.BLOCK_END, "")
    return re.sub(r"\n\s*\n", "\n", html).strip()


def test_the_hook_knows_the_markers_podium_writes():
    assert (hooks.BLOCK_START, hooks.BLOCK_END) == (fragments.BLOCK_START, fragments.BLOCK_END)


@pytest.mark.parametrize("data", [SEED_DATA, MULTI_DATA], ids=["seed", "multi"])
def test_lifting_html_blocks_out_of_markdown_changes_nothing_but_blank_lines(data):
    generated = _pages(data)
    assert any(fragments.BLOCK_START in text.decode() for text in generated.values())
    for name, content in generated.items():
        text = content.decode("utf-8")
        plain, lifted = _html(text, False, name), _html(text, True, name)
        assert fragments.BLOCK_START not in lifted and "podium-html-" not in lifted, name
        assert _without_markers(lifted) == _without_markers(plain), name


def test_a_page_that_names_a_token_keeps_its_text():
    text = "podium-html-0\n\n" + fragments.html_block("<ul><li>x</li></ul>") + "\n\nAfter.\n"
    html = _html(text, True, "x.md")
    assert "<p>podium-html-0</p>" in html and "<ul><li>x</li></ul>" in html and "<p>After.</p>" in html


@pytest.mark.parametrize(
    ("language", "site", "wrapped"),
    [
        ("en", "de", '<div lang="en" dir="ltr"><h1>For organisers</h1></div>'),
        ("en", "ar", '<div lang="en" dir="ltr"><h1>For organisers</h1></div>'),
        ("ar", "en", '<div lang="ar" dir="rtl"><h1>For organisers</h1></div>'),
        ("en", "en", "<h1>For organisers</h1>"),
        ("en", "en-AU", "<h1>For organisers</h1>"),
        (None, "de", "<h1>For organisers</h1>"),
    ],
)
def test_a_hand_written_page_in_a_language_of_its_own_says_so(language, site, wrapped):
    page = SimpleNamespace(file=SimpleNamespace(src_uri="organisers.md"), meta={"language": language} if language else {})
    config = {"extra": {"podium": {"language": site}}}
    assert hooks.on_page_content("<h1>For organisers</h1>", page, config, None) == wrapped


def test_a_hand_written_pages_language_is_escaped():
    assert hooks.in_own_language("<p>x</p>", '"><script>', "de") == '<div lang="&#34;&gt;&lt;script&gt;" dir="ltr"><p>x</p></div>'


def test_the_hook_knows_each_languages_direction_as_podium_does():
    tags = ["ar", "he", "fa", "ur", "en", "de", "zh-Hans", "ja", "not a tag", ""]
    assert [hooks._direction(tag) for tag in tags] == [translations.direction(tag) for tag in tags]
