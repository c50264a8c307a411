"""translations/: the catalogs are complete, hold the messages the code has, and are used.

A message left untranslated, fuzzy, or with other placeholders than the English fails
here, named; so does a catalog that `make translations` has not brought up to date.
"""

from __future__ import annotations

import contextlib
import re

import pytest
from babel.messages.pofile import read_po

from podium import translations
from podium.translations.update import extract
from tests.conftest import REPO

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@pytest.mark.parametrize("locale", translations.LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders(locale):
    problems = []
    for message in translations.catalog(locale):
        if not message.id:
            continue
        english = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(forms):
            problems.append(f"untranslated or fuzzy: {english[0]!r}")
            continue
        wanted = _placeholders(english[-1])
        for form in forms:
            if _placeholders(form) != wanted:
                problems.append(f"placeholders differ: {english[0]!r} → {form!r}")
    assert problems == []


def test_the_catalogs_hold_every_message_of_the_code(tmp_path):
    # What `make translations` would extract now, against what the catalogs hold.
    template = tmp_path / "podium.pot"
    with contextlib.chdir(REPO):
        extract(template)
    with template.open("rb") as file:
        extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(file) if m.id}
    assert len(extracted) > 150
    for locale in translations.LANGUAGES:
        held = {m.id if isinstance(m.id, str) else m.id[0] for m in translations.catalog(locale) if m.id}
        assert held == extracted, f"{locale}: run `make translations`"


@pytest.mark.parametrize(("tag", "locale"), [
    ("en-AU", "en"), ("de", "de"), ("de-AT", "de"), ("fr-CA", "fr"), ("es-419", "es"), ("pt", "pt_BR"),
    ("pt-BR", "pt_BR"), ("zh", "zh_Hans"), ("zh-CN", "zh_Hans"), ("zh-Hans", "zh_Hans"), ("ja", "ja"), ("ar-EG", "ar"),
    ("ko", None), ("zh-Hant", None), ("zh-TW", None), ("not a tag", None),
])  # fmt: skip
def test_a_language_tag_finds_its_catalog(tag, locale):
    assert translations.catalog_for(tag) == locale


def test_messages_follow_the_language_in_use_and_english_elsewhere():
    try:
        assert translations.use("de-CH") == "de"
        assert translations._("Programme") == "Programm"
        assert translations.ngettext("%(num)s session", "%(num)s sessions", 3) == "3 Veranstaltungen"
        assert translations.use("ko") == "en"
        assert translations._("Programme") == "Programme"
    finally:
        translations.use("en")


def test_the_browser_gets_each_plural_form_by_the_languages_cldr_category():
    words = translations._browser_messages("ar")
    forms = words["%(num)s session or paper added to your programme."]
    assert set(forms) == {"zero", "one", "two", "few", "many", "other"}
    days = words["(%(days)s day)"]
    assert days["few"] == "(%(days)s أيام)" and days["many"] == "(%(days)s يومًا)"
    assert words["Now:"] == "الآن:"
    assert "Programme" not in words  # only the scripts' messages, not the pages'
    assert translations._browser_messages("ja")["(%(days)s day)"] == {"other": "（%(days)s 日）"}


def test_english_hands_the_browser_nothing():
    translations.use("en")
    assert translations.browser_messages() == {}


def test_counts_are_written_as_the_language_writes_numbers():
    try:
        translations.use("de")
        assert translations.ngettext("%(num)s session", "%(num)s sessions", 1234) == "1.234 Veranstaltungen"
        translations.use("en")
        assert translations.ngettext("%(num)s session", "%(num)s sessions", 1234) == "1,234 sessions"
    finally:
        translations.use("en")
