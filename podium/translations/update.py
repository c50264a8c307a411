"""`make translations`: gather Podium's messages and bring every catalog up to date.

Extracts every message from the Python code, the page templates and the browser's
scripts into podium.pot, then updates each language's podium.po from it: new
messages arrive untranslated (the catalog test then names them), gone ones are
dropped. English, the messages' own language, is filled in with the messages
themselves. A translator then edits `<locale>/LC_MESSAGES/podium.po` and runs the
tests. A new language: add its locale to LANGUAGES, then run this.

Running it again without a change to any message leaves every file as it was, dates
included.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

from babel import Locale
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po

from . import CATALOGS, DOMAIN, LANGUAGES, path_of

TEMPLATE = CATALOGS / f"{DOMAIN}.pot"
_EXTRACT = ["--no-wrap", "--add-location=file"]
_DATES = re.compile(rb'^"(POT-Creation-Date|PO-Revision-Date): .*\\n"$', re.MULTILINE)


def extract(template: Path) -> None:
    """Every message of Podium's code, templates and scripts into the template `template`.
    Run from the repository's root (the messages' places are named from there)."""
    CommandLineInterface().run([
        "pybabel", "--quiet", "extract", "--mapping", str(CATALOGS / "babel.cfg"), "--sort-output",
        "--add-comments=TRANSLATORS:", "--project=Podium", "--copyright-holder=Podium",
        "--keyword=N_", "--keyword=translated_html", "--output", str(template), *_EXTRACT, ".",
    ])  # fmt: skip


def main() -> int:
    before = {path: path.read_bytes() for path in [TEMPLATE, *map(path_of, LANGUAGES)] if path.is_file()}
    extract(TEMPLATE)
    pybabel = CommandLineInterface()
    for locale in LANGUAGES:
        command = ["update", "--ignore-obsolete", "--no-fuzzy-matching"] if path_of(locale).is_file() else ["init"]
        pybabel.run([
            "pybabel", "--quiet", *command, "--input-file", str(TEMPLATE), "--output-dir", str(CATALOGS),
            "--domain", DOMAIN, "--locale", locale, "--no-wrap",
        ])  # fmt: skip
    _tidy(TEMPLATE, None, before.get(TEMPLATE))
    for locale in LANGUAGES:
        _tidy(path_of(locale), locale, before.get(path_of(locale)))
    return 0


def _tidy(path: Path, locale: str | None, before: bytes | None) -> None:
    """The file with Podium's header, English filled in with the messages themselves,
    and its old bytes kept where only its dates would change."""
    with path.open("rb") as file:
        catalog = read_po(file, locale=locale, domain=DOMAIN)
    name = Locale.parse(locale).english_name if locale else "All"
    catalog.header_comment = (
        f"# {name} messages of Podium, the conference programme site generator.\n"
        "# Translate each msgstr; `make translations` updates this file (see the README).\n#"
    )
    catalog.project, catalog.version, catalog.msgid_bugs_address = "Podium", "", ""
    catalog.last_translator = catalog.language_team = "Podium"
    catalog.creation_date = catalog.revision_date = dt.datetime.now(dt.UTC)
    if locale == "en":
        for message in catalog:
            if message.id:
                message.string = message.id if isinstance(message.id, str) else tuple(message.id)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_lineno=False, ignore_obsolete=True)
    text = buffer.getvalue()
    if before is not None and _DATES.sub(b"", before) == _DATES.sub(b"", text):
        text = before
    path.write_bytes(text)


if __name__ == "__main__":
    sys.exit(main())
