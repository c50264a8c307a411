"""Every word in the attendee's language (issue 17): the seed built in each shipped
language shows none of Podium's or Material's English interface.

A page's words are its visible text and the text of its labels (aria-label, title,
placeholder, alt, and the search's status texts), without the organisers' own text:
the prose blocks are left out and every value of the data is taken away first. What
remains must not hold any English message whose translation differs from it, whether
Podium's (its catalogs) or Material's (its language files).
"""

from __future__ import annotations

import html.parser
import importlib.util
import re
from pathlib import Path

import pytest

from podium import translations
from tests.conftest import LANGUAGE_TAGS, SEED_DATA, make_project, run_build_py, with_language
from tests.helpers import data_texts

PAGES = [
    "sessions/collective-sharing-poverty-alleviation-china/index.html", "programme/index.html", "people/index.html",
    "streams/chinese-social-policy/index.html", "about/index.html", "404.html",
]  # fmt: skip
TRANSLATED = [locale for locale in translations.LANGUAGES if locale != "en"]
_LABELS = {"aria-label", "title", "placeholder", "alt", "data-placeholder", "data-none", "data-one", "data-other"}
_PLACEHOLDER = re.compile(r"%\(\w+\)s|#")
# Names that are the same in every language: the files the programme page links.
FILE_NAMES = ("sessions.json", "schedule.xml", "schedule.json")


class _Words(html.parser.HTMLParser):
    """A page's visible text and labels, without scripts, styles and organisers' prose."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []  # open elements whose text is not the interface's

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.parts += [value for name, value in attrs if name in _LABELS and value]
        if self.skipping or tag in ("script", "style") or "podium-prose" in (attributes.get("class") or "").split():
            if tag not in ("br", "img", "input", "meta", "link", "hr"):
                self.skipping.append(tag)

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def page_words(path: Path, data_texts: list[str]) -> str:
    parser = _Words()
    parser.feed(path.read_text(encoding="utf-8"))
    return without(" ".join(" ".join(parser.parts).split()), [*data_texts, *FILE_NAMES])


def without(text: str, values: list[str]) -> str:
    """`text` without each of `values` (longest first: a title before the words in it)
    where it stands whole: never letters inside a word (the language tag `en` in "documents")."""
    for value in values:
        text = re.sub(rf"(?<![A-Za-z]){re.escape(value)}(?![A-Za-z])", " ", text)
    return text


def podium_english(locale: str) -> set[str]:
    """The English pieces of Podium's messages that the language's translations do not hold."""
    compiled = translations.translations(locale)
    pieces = set()
    for message in translations.catalog(locale):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            english = list(message.id)
            translated = {compiled.ngettext(*message.id, n) for n in (1, 2, 5)}
        else:
            english = [message.id]
            translated = {compiled.gettext(message.id)}
        for text in english:
            pieces.update(piece for piece in _pieces(text) if not any(piece in form for form in translated))
    return pieces


def material_english(locale: str) -> set[str]:
    """The English pieces of Material's interface that its file for the language does not hold
    (a text it lacks is shown in English, and so found)."""
    folder = Path(importlib.util.find_spec("material").origin).parent / "templates" / "partials" / "languages"
    language = translations.catalog_for(LANGUAGE_TAGS[locale]).replace("_", "-").replace("zh-Hans", "zh")

    def strings(name):
        return dict(re.findall(r'"([\w.]+)": "([^"]*)"', (folder / f"{name}.html").read_text(encoding="utf-8")))

    english, own = strings("en"), strings(language)
    return {
        piece for key, text in english.items() if key != "language"
        for piece in _pieces(text) if piece not in own.get(key, "")
    }  # fmt: skip


def _pieces(text: str) -> list[str]:
    """The parts of a message around its placeholders that are words worth finding."""
    pieces = [" ".join(p.split()).strip(" :.,()") for p in _PLACEHOLDER.split(text)]
    return [p for p in pieces if len(p) >= 4 and re.search(r"[A-Za-z]{3}", p)]


def english_found(text: str, pieces: set[str]) -> list[str]:
    return sorted(p for p in pieces if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", text))


@pytest.mark.parametrize("locale", TRANSLATED)
def test_a_translated_site_shows_none_of_podiums_or_materials_english(translated_seed, locale):
    site = translated_seed(locale) / "site"
    texts = data_texts(SEED_DATA)
    pieces = podium_english(locale) | material_english(locale)
    assert len(pieces) > 150  # the messages are really there to be found
    # Every page of the site but the organisers' documentation, which stays English.
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.is_relative_to(site / "organisers"))
    assert set(PAGES) | {"my-programme/index.html", "rooms/index.html", "people/lijie-fang/index.html"} <= set(pages)
    leaks = {page: english_found(page_words(site / page, texts), pieces) for page in pages}
    assert leaks == {page: [] for page in pages}


def test_the_english_check_really_finds_english(translated_seed):
    site = translated_seed("en") / "site"
    found = english_found(page_words(site / PAGES[0], data_texts(SEED_DATA)), podium_english("de") | material_english("de"))
    assert {"Abstract", "People", "Add to calendar", "Search"} <= set(found)


@pytest.mark.parametrize("locale", translations.LANGUAGES)
def test_pages_say_their_language_and_direction(translated_seed, locale):
    page = (translated_seed(locale) / "site" / PAGES[0]).read_text(encoding="utf-8")
    assert re.search(rf'<html [^>]*lang="{LANGUAGE_TAGS[locale]}"', page)
    assert re.search(r'<body [^>]*dir="rtl"', page) if locale == "ar" else re.search(r'<body [^>]*dir="ltr"', page)


@pytest.mark.parametrize(("locale", "content"), [("ar", '<div lang="en" dir="ltr">'), ("en", "<h1")])
def test_the_organisers_documentation_says_it_is_english_on_a_site_in_another_language(translated_seed, locale, content):
    site = translated_seed(locale) / "site"
    page = (site / "organisers" / "index.html").read_text(encoding="utf-8")
    article = re.search(r'<article class="md-content__inner md-typeset">\s*(.*?)</article>', page, re.S)[1]
    assert article.startswith(content)
    results = "".join(p.read_text(encoding="utf-8") for p in (site / "search").glob("d-*.json"))
    assert re.search(r'\["organisers/","For organisers",[^\]]*,"en","ltr"(,"[0-9a-f]+")?\]', results)  # and its whole text's file


@pytest.mark.parametrize(("locale", "date"), [
    ("de", "Dienstag, 10. September 2019"), ("fr", "mardi 10 septembre 2019"), ("es", "martes, 10 de septiembre de 2019"),
    ("pt_BR", "terça-feira, 10 de setembro de 2019"), ("zh_Hans", "2019年9月10日星期二"), ("ja", "2019年9月10日火曜日"),
    ("ar", "الثلاثاء، 10 سبتمبر 2019"),
])  # fmt: skip
def test_dates_and_times_are_the_languages_own(translated_seed, locale, date):
    page = (translated_seed(locale) / "site" / PAGES[0]).read_text(encoding="utf-8")
    assert date in page
    if locale != "ar":
        assert ">10:55 – 12:35 " in page  # 24-hour clocks where the language uses them


def test_a_language_podium_does_not_speak_is_said_and_gets_english(tmp_path):
    project = make_project(tmp_path / "project", with_language(SEED_DATA, tmp_path / "data", "ko"))
    result = run_build_py(project, "check")
    assert result.returncode == 0
    assert "note: Podium's own words are in English on this site: it has no translation for 'ko'" in result.stderr
    assert "pt-BR, zh-Hans, ja, ar" in result.stderr
    german = make_project(tmp_path / "german", with_language(SEED_DATA, tmp_path / "data-de", "de-AT"))
    assert "note:" not in run_build_py(german, "check").stderr


def test_a_subtitle_in_the_items_own_language_carries_it_and_shows_no_markup(tmp_path):
    """`subtitle` of a session in German on an English site: the paragraph is marked German,
    and Markdown's attribute list is not shown as text (it was, on 21 pages of a real camp)."""
    project = make_project(tmp_path / "project", SEED_DATA)
    session = project / "data" / "sessions" / "collective-sharing-poverty-alleviation-china.yml"
    session.write_text(session.read_text(encoding="utf-8") + "language: de\nsubtitle: Die große Datenschutz-Show\n", encoding="utf-8")
    assert run_build_py(project, "build").returncode == 0
    html = (project / "site" / "sessions" / "collective-sharing-poverty-alleviation-china" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p (lang="de" dir="ltr"|dir="ltr" lang="de")>Die große Datenschutz-Show</p>', html)
    assert "{ lang=" not in html and "{: lang=" not in html
