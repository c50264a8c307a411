"""Translated sites in Chromium (issue 17): axe and no sideways scroll in every shipped
language, right to left in Arabic, the scripts' words translated, Chinese search.

On the seed built in each language, and on the languages fixture (a German programme
with sessions and papers in Chinese and English) built in Arabic and Chinese.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from podium import translations
from tests.browser.conftest import _served
from tests.browser.test_accessibility import VIEWS, axe_violations
from tests.browser.test_large_programme import search
from tests.browser.filtering import choose
from tests.conftest import LANGUAGES_DATA, built_project, with_language
from tests.helpers import data_texts
from tests.site.test_languages import FILE_NAMES, PAGES, english_found, material_english, podium_english, without

pytestmark = pytest.mark.browser

SEED_PAGES = [page.removesuffix("index.html").removesuffix(".html").replace("404", "no-such-page") for page in PAGES]
WIDE = {"viewport": {"width": 1280, "height": 900}}


def _served_on_demand(site_of):
    """A function from a language to the address of its site (`site_of(language)`),
    each served from its first use to the end of the run."""
    servers = {}

    def _url(language: str) -> str:
        if language not in servers:
            served = _served(site_of(language))
            servers[language] = (served, next(served))
        return servers[language][1]

    yield _url
    for served, _ in servers.values():
        next(served, None)


@pytest.fixture(scope="session")
def translated_seed_url(translated_seed):
    """The seed built in a shipped language: `translated_seed_url("de")` is its address."""
    yield from _served_on_demand(lambda locale: translated_seed(locale) / "site")


@pytest.fixture(scope="session")
def languages_url(tmp_path_factory):
    """The languages fixture built in a language: `languages_url("ar")` is its address."""

    def site(tag: str):
        folder = tmp_path_factory.mktemp(f"languages-{tag}")
        return built_project(folder / "project", with_language(LANGUAGES_DATA, folder / "data", tag)) / "site"

    yield from _served_on_demand(site)


@pytest.mark.parametrize("view", ["light", "dark"])
@pytest.mark.parametrize("locale", translations.LANGUAGES)
def test_every_language_has_no_axe_violations(open_page, translated_seed_url, locale, view):
    found = {}
    page, _ = open_page(translated_seed_url(locale), wait_until="load", **VIEWS[view])
    for path in SEED_PAGES:
        page.goto(translated_seed_url(locale) + path, wait_until="load")
        found[path] = axe_violations(page)
    assert found == {path: [] for path in SEED_PAGES}


@pytest.mark.parametrize("locale", translations.LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone_in_any_language(open_page, translated_seed_url, locale):
    widths = {}
    page, _ = open_page(translated_seed_url(locale), wait_until="load", **VIEWS["phone"])
    for path in SEED_PAGES:
        page.goto(translated_seed_url(locale) + path, wait_until="load")
        widths[path] = page.evaluate("document.documentElement.scrollWidth")
    assert widths == {path: 360 for path in SEED_PAGES}


@pytest.mark.parametrize("tag", ["ar", "zh-Hans"])
def test_a_programme_in_arabic_or_chinese_fits_a_phone_and_passes_axe(open_page, languages_url, tag):
    for path in ("programme/", "sessions/zhongguo/", "papers/dibao/", "rooms/hs1/"):
        page, _ = open_page(languages_url(tag) + path, **VIEWS["phone"])
        assert page.evaluate("document.documentElement.scrollWidth") == 360, path
        assert axe_violations(page) == [], path


def test_right_to_left_the_timetable_and_the_visitors_time_are_mirrored(open_page, languages_url):
    page, _ = open_page(languages_url("ar") + "programme/", timezone_id="America/New_York", **WIDE)
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    first_room = page.locator(".podium-timetable li", has=page.locator("a", has_text="Grundsicherung im Vergleich")).first.bounding_box()
    second_room = page.locator(".podium-timetable li", has=page.locator("a", has_text="中国的扶贫与最低生活保障")).first.bounding_box()
    assert first_room["y"] == second_room["y"]
    assert first_room["x"] > second_room["x"] + second_room["width"] - 1  # Hörsaal 1, the first room, on the right
    page.goto(languages_url("ar") + "sessions/zhongguo/")
    time = page.locator(".podium-facts time").bounding_box()
    visitor = page.locator(".podium-localtime").bounding_box()
    assert visitor["x"] + visitor["width"] <= time["x"] + 1  # after the conference's time, that is to its left
    assert "بتوقيتك المحلي" in page.locator(".podium-localtime").inner_text()
    # Chinese on the Arabic page runs left to right, its full stop at the end.
    assert page.locator(".podium-prose[lang=zh-Hans]").evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert page.locator("h1").evaluate("e => getComputedStyle(e).direction") == "ltr"


def test_the_scripts_speak_the_sites_language(open_page, languages_url):
    page, _ = open_page(languages_url("de") + "programme/", **WIDE)
    star = page.locator(".podium-timetable .podium-star").first
    assert star.get_attribute("aria-label").startswith("Für Mein Programm markieren: ")
    choose(page, "language", "zh-Hans")
    assert page.locator(".podium-filter-count").inner_text() == "1 von 4 Veranstaltungen"
    session, _ = open_page(languages_url("de") + "sessions/zhongguo/", timezone_id="Asia/Tokyo", **WIDE)
    assert "in Ihrer Zeitzone" in session.locator(".podium-localtime").inner_text()
    assert session.locator(".podium-star--worded").inner_text() == "Für Mein Programm markieren"


# The words a visitor meets on a page as it is now: its text and its elements' labels.
_SHOWN = """() => {
  const parts = [document.body.innerText];
  for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt]"))
    for (const name of ["aria-label", "title", "placeholder", "alt"]) parts.push(element.getAttribute(name) || "");
  return parts.join(" ");
}"""
_SEARCH_DONE = "document.querySelector('[data-podium-search-results]').getAttribute('aria-busy') === 'false'"


def _english_after_each_script(browser, base: str, locale: str) -> dict[str, list[str]]:
    """Podium's and Material's English found on the languages fixture's pages after each
    thing the scripts do: what is on now, filters (down to nothing), stars, My programme,
    the visitor's time, search (with results and without)."""
    pieces = podium_english(locale) | material_english(locale)
    texts = [*data_texts(LANGUAGES_DATA), *FILE_NAMES]  # data_texts gives them longest first, as without() needs
    context = browser.new_context(timezone_id="Asia/Tokyo", **WIDE)
    found = {}

    def read(step):
        text = page.evaluate(_SHOWN)
        for prose in page.eval_on_selector_all(".podium-prose", "elements => elements.map(e => e.innerText)"):
            text = text.replace(prose, " ")
        found[step] = english_found(without(" ".join(text.split()), texts), pieces)

    try:
        page = context.new_page()
        page.clock.set_fixed_time("2026-03-18T10:00:00Z")  # 11:00 in Berlin, on the conference's day
        page.goto(base + "programme/", wait_until="networkidle")
        assert page.locator(".podium-tt-now").count() == 1  # each step really happens
        read("now")
        choose(page, "room", "Hörsaal 2")
        read("filtered")
        choose(page, "kind", "keynote")  # the keynote is in Hörsaal 1
        assert page.locator(".podium-timetable ul.podium-sessions > li:visible").count() == 0
        read("filtered to nothing")
        choose(page, "kind", "")
        choose(page, "room", "")
        stars = page.locator(".podium-timetable button[data-podium-star]")
        for index in range(stars.count()):
            stars.nth(index).click()
        read("starred")
        page.goto(base + "my-programme/", wait_until="networkidle")
        assert page.locator("article button[data-podium-star]").count() >= 4
        read("my programme")
        page.goto(base + "sessions/zhongguo/", wait_until="networkidle")
        read("session in the visitor's time")
        box = page.locator("input.md-search__input")
        box.click()
        box.press_sequentially("Armut")
        page.wait_for_function(_SEARCH_DONE)
        assert page.locator("[data-podium-search-results] li").count() > 0
        read("search")
        box.press_sequentially(" zzqx")
        page.wait_for_function(_SEARCH_DONE)
        read("search without results")
    finally:
        context.close()
    return found


@pytest.mark.parametrize(("tag", "locale"), [("de", "de"), ("ar", "ar"), ("zh-Hans", "zh_Hans")])
def test_what_the_scripts_write_is_in_the_sites_language(browser, languages_url, tag, locale):
    found = _english_after_each_script(browser, languages_url(tag), locale)
    assert found == {step: [] for step in found} and len(found) == 8


def test_the_check_of_what_the_scripts_write_really_finds_english(browser, languages_url):
    found = _english_after_each_script(browser, languages_url("en"), "de")
    assert "No session matches these filters" in found["filtered to nothing"]
    assert "in your time zone" in found["session in the visitor's time"]
    assert "No matching documents" in found["search without results"]


def test_content_in_another_language_is_marked_for_screen_readers(open_page, languages_url):
    page, _ = open_page(languages_url("de") + "sessions/zhongguo/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").get_attribute("lang") == "zh-Hans"
    assert page.locator(".podium-prose").first.get_attribute("lang") == "zh-Hans"
    page.goto(languages_url("de") + "programme/")
    entry = page.locator(".podium-timetable li", has=page.locator("a", has_text="中国的扶贫与最低生活保障")).first
    assert entry.locator("> a").get_attribute("lang") == "zh-Hans"
    assert "Chinesisch (Vereinfacht)" in entry.inner_text()  # the marker, in the site's language
    assert entry.locator("a[lang=en]", has_text="Minimum incomes across Europe").count() == 0  # that paper is in the other session
    assert page.locator("a[lang=en]", has_text="Minimum incomes across Europe").count() == 1


def test_search_on_a_chinese_site_finds_a_session_by_a_two_character_word(open_page, languages_url):
    page, _ = open_page(languages_url("zh-Hans") + "about/", service_workers="block")
    assert search(page, "扶贫")[0] == "sessions/zhongguo/"
    # The excerpt marks the word where it occurs, not the whole run of characters around it.
    first = page.locator(".md-search-result__item").first
    assert first.locator("mark").all_inner_texts() == ["扶贫"]
    assert "本场次讨论中国农村扶贫政策" in first.inner_text()


@pytest.mark.parametrize(("tag", "path", "view"), [("ar", "programme/", "1280"), ("zh-Hans", "sessions/zhongguo/", "phone")])
def test_arabic_and_chinese_pages_screenshot(browser, languages_url, tag, path, view, tmp_path):
    # The README's screenshots (`make screenshot`): a day right to left, a session in Chinese.
    folder = Path(os.environ.get("PODIUM_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    options = WIDE if view == "1280" else {**VIEWS["phone"], "device_scale_factor": 2}
    context = browser.new_context(**options)
    page = context.new_page()
    page.goto(languages_url(tag) + path, wait_until="networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") == options["viewport"]["width"]
    file = folder / f"language-{tag}-{view}.png"
    page.screenshot(path=str(file), full_page=view == "1280")
    assert file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    context.close()


def test_search_finds_german_typed_without_its_letters_and_with_a_typo(open_page, languages_url):
    from tests.browser.test_large_programme import search

    page, _ = open_page(languages_url("de") + "about/")
    assert search(page, "Buergergeld")[0] == "papers/buergergeld/"  # ü typed as ue
    page.locator("input.md-search__input").fill("")
    assert search(page, "Arbeitslosngeld")[0] == "papers/buergergeld/"
    page.locator("input.md-search__input").fill("")
    assert search(page, "Sicherung ")[0] == "sessions/grundsicherung/"  # the end of a word made of two
