"""Podium's own words in the site's language: gettext catalogs, one per language.

Every word Podium writes (pages, filters, calendar files, the browser's scripts) is
an English message looked up here; organisers' text is never translated. The
catalogs are `<locale>/LC_MESSAGES/podium.po` beside this file, made and updated by
`make translations` (Babel extracts the messages from Python, the templates and the
scripts) and compiled in memory when a build starts. A build uses one language: the
one of data/conference.yml, set with `use()` before any page is made.

Messages hold placeholders as `%(name)s`, in the scripts too; plurals are
`ngettext(singular, plural, n)`, whose forms follow the language's CLDR rules.
"""

from __future__ import annotations

import functools
import gettext as gettext_module
import io
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from markupsafe import Markup, escape

CATALOGS = Path(__file__).resolve().parent
DOMAIN = "podium"
# The languages Podium's side is complete in, as Babel spells their locales.
LANGUAGES = ("en", "de", "fr", "es", "pt_BR", "zh_Hans", "ja", "ar")
# Where a language has several shipped forms, the one a bare or regional tag means.
_CLOSEST = {"pt": "pt_BR", "zh": "zh_Hans", "zh_CN": "zh_Hans", "zh_SG": "zh_Hans", "zh_Hans_CN": "zh_Hans"}

_active: gettext_module.NullTranslations = gettext_module.NullTranslations()
_active_locale = "en"


def catalog_for(tag: str) -> str | None:
    """The shipped locale for a BCP 47 tag (`de-AT` → `de`, `zh-CN` → `zh_Hans`,
    `pt` → `pt_BR`), or None when Podium does not speak the language."""
    try:
        locale = Locale.parse(tag, sep="-")
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if locale.language == "zh" and _chinese_script(locale) != "Hans":
        return None  # Traditional Chinese: Podium has no catalog for it
    candidates = [str(locale), "_".join(filter(None, (locale.language, locale.script))), locale.language]
    for candidate in candidates:
        candidate = _CLOSEST.get(candidate, candidate)
        if candidate in LANGUAGES:
            return candidate
    return None


def _chinese_script(locale: Locale) -> str:
    """Hans or Hant: the script a Chinese tag names, or the one its region writes."""
    return locale.script or ("Hant" if locale.territory in ("TW", "HK", "MO") else "Hans")


def use(tag: str) -> str:
    """Make the language of `tag` (or English, where Podium does not speak it) the one
    every message is translated into; returns the locale used."""
    global _active, _active_locale
    _active_locale = catalog_for(tag) or "en"
    _active = translations(_active_locale)
    return _active_locale


def active_locale() -> str:
    return _active_locale


def path_of(locale: str) -> Path:
    return CATALOGS / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def catalog(locale: str):
    """The Babel catalog of `locale`, read from its .po file."""
    with path_of(locale).open("rb") as file:
        return read_po(file, locale=locale, domain=DOMAIN)


@functools.cache
def translations(locale: str) -> gettext_module.NullTranslations:
    """The catalog of `locale` compiled to gettext's form (what `.mo` files hold), in memory."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog(locale), use_fuzzy=False)
    buffer.seek(0)
    return gettext_module.GNUTranslations(buffer)


def _(message: str, **values) -> str:
    """`message` in the site's language, its `%(name)s` placeholders filled from `values`."""
    text = _active.gettext(message)
    return text % values if values else text


def translated_html(message: str, **values) -> Markup:
    """`message` in the site's language as HTML: its text escaped, its placeholders
    filled with `values` (Markup as it is, such as a link; anything else escaped)."""
    return Markup(escape(_active.gettext(message))) % values


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    """The form of a counted message for `n` (`%(num)s` is `n`, written as the language
    writes numbers: 1,234 or 1.234), in the site's language."""
    return _active.ngettext(singular, plural, n) % {"num": format_decimal(n, locale=_active_locale), **values}


def N_(message: str) -> str:
    """Marks a message for extraction where it is translated later (a table of labels)."""
    return message


def browser_messages() -> dict:
    """The translations the scripts use, for the page to hand them over: {message:
    text} and, for plurals, {singular: {CLDR category: text}}; empty in English, which
    the scripts hold themselves."""
    if _active_locale == "en":
        return {}
    return _browser_messages(_active_locale)


@functools.cache
def _browser_messages(locale: str) -> dict:
    messages: dict = {}
    compiled = translations(locale)
    samples = _plural_samples(locale)
    for message in catalog(locale):
        if not message.id or not any(path.endswith(".js") for path, _line in message.locations):
            continue
        if isinstance(message.id, tuple):
            singular, plural = message.id
            messages[singular] = {category: compiled.ngettext(singular, plural, n) for category, n in samples.items()}
        else:
            messages[message.id] = compiled.gettext(message.id)
    return dict(sorted(messages.items()))


def _plural_samples(locale: str) -> dict[str, int]:
    """A number of each CLDR plural category of the language ({"one": 1, "other": 0}),
    so that the browser's Intl.PluralRules picks the form gettext would."""
    rule = Locale.parse(locale).plural_form
    samples: dict[str, int] = {}
    for n in range(1000):
        samples.setdefault(rule(n), n)
    return samples


@functools.lru_cache(maxsize=64)
def direction(tag: str) -> str:
    """`rtl` for a language written right to left (ar, he, fa), else `ltr`."""
    try:
        order = Locale.parse(tag, sep="-").character_order
    except (ValueError, TypeError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"
