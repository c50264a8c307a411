"""`make translations`: gather Podium's messages and bring every catalog up to date.

Extracts every message from the Python code, the page templates and the browser's
scripts into podium.pot, then updates each language's podium.po from it: new
messages arrive untranslated (the catalog test then names them), gone ones are
dropped. English, the messages' own language, is filled in with the messages
themselves. A translator then edits `<locale>/LC_MESSAGES/podium.po` and runs the
tests. A new language: add its locale to LANGUAGES, then run this.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from . import CATALOGS, DOMAIN, LANGUAGES, path_of

TEMPLATE = CATALOGS / f"{DOMAIN}.pot"
_EXTRACT = ["--no-wrap", "--add-location=file"]


def extract(template: Path) -> None:
    """Every message of Podium's code, templates and scripts into the template `template`.
    Run from the repository's root (the messages' places are named from there)."""
    CommandLineInterface().run([
        "pybabel", "--quiet", "extract", "--mapping", str(CATALOGS / "babel.cfg"), "--sort-output",
        "--add-comments=TRANSLATORS:", "--project=Podium", "--copyright-holder=Podium",
        "--keyword=N_", "--keyword=translated_html", "--output", str(template), *_EXTRACT, ".",
    ])  # fmt: skip


def main() -> int:
    extract(TEMPLATE)
    pybabel = CommandLineInterface()
    for locale in LANGUAGES:
        if path_of(locale).is_file():
            command = ["update", "--ignore-obsolete", "--no-fuzzy-matching", "--init-missing"]
        else:
            command = ["init"]
        pybabel.run([
            "pybabel", "--quiet", *command, "--input-file", str(TEMPLATE), "--output-dir", str(CATALOGS),
            "--domain", DOMAIN, "--locale", locale, "--no-wrap",
        ])  # fmt: skip
    _fill_english()
    return 0


def _fill_english() -> None:
    """English says what the messages say."""
    path = path_of("en")
    with path.open("rb") as file:
        catalog = read_po(file, locale="en", domain=DOMAIN)
    for message in catalog:
        if message.id:
            message.string = message.id if isinstance(message.id, str) else tuple(message.id)
    with path.open("wb") as file:
        write_po(file, catalog, width=0, include_lineno=False, ignore_obsolete=True)


if __name__ == "__main__":
    sys.exit(main())
