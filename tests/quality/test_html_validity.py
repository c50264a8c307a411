"""Every built page is valid HTML according to the Nu Html Checker (vnu-jar)."""

from __future__ import annotations

import json
import subprocess

import pytest

from podium import translations
from tests.tools import vnu_command

# Material marks its hidden checkbox toggles autocomplete="off" (so Firefox does not
# restore an open drawer); the checker allows autocomplete on text-like inputs only.
# They are in Material's base.html, outside any block Podium can override.
MATERIAL_CHECKBOX_AUTOCOMPLETE = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
    "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”."
)


def vnu_errors(*sites) -> tuple[list[str], int]:
    """The checker's errors for every page of the `sites` (those not filtered above), and the count of pages."""
    pages = sorted(str(p) for site in sites for p in site.rglob("*.html"))
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--errors-only", *pages], capture_output=True, text=True, timeout=300
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m['url'].split('/project/')[-1].split('/site/')[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and m["message"] != MATERIAL_CHECKBOX_AUTOCOMPLETE
    ]
    return errors, len(pages)


@pytest.mark.parametrize("fixture", ["seed_project", "multi_project", "aspc_project"])
def test_every_page_is_valid_html(fixture, request):
    errors, pages = vnu_errors(request.getfixturevalue(fixture) / "site")
    assert pages >= 10
    assert errors == []


def test_every_page_is_valid_html_in_every_language(translated_seed):
    # One run of the checker for the seed in all its languages (a Java start each is slow).
    sites = [translated_seed(locale) / "site" for locale in translations.LANGUAGES]
    errors, pages = vnu_errors(*sites)
    assert pages >= 10 * len(sites)
    assert errors == []


def test_the_checker_really_reports_errors(tmp_path):
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>x</title><p><div></p>")
    errors, _ = vnu_errors(tmp_path)
    assert errors
