"""`make serve` in a browser: a data error is shown on every page, and goes with the save that fixes it."""

from __future__ import annotations

import json
import time

import pytest

from benchmarks.serve_speed import fetch
from tests.browser.test_accessibility import axe_violations
from tests.site.test_serve import SESSION, served  # noqa: F401 (the fixture)

pytestmark = pytest.mark.browser


def _wait_for_problems(base: str, wanted) -> list:
    deadline = time.perf_counter() + 60
    while time.perf_counter() < deadline:
        text = fetch(base + "podium-preview/problems.json")
        if text is not None and wanted(json.loads(text)):
            return json.loads(text)
        time.sleep(0.1)
    raise AssertionError("serve did not stage the expected problems")


def test_a_data_error_shows_on_every_page_until_the_save_that_fixes_it(open_page, served):  # noqa: F811
    project, base, _ = served
    page, watch = open_page(base + f"sessions/{SESSION}/", wait_until="load")
    assert page.locator(".podium-preview-problems").count() == 0
    file = project / "data" / "sessions" / f"{SESSION}.yml"
    good = file.read_text(encoding="utf-8")
    file.write_text(good.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    _wait_for_problems(base, lambda problems: bool(problems))
    for path in (f"sessions/{SESSION}/", "programme/", "about/"):
        page, watch = open_page(base + path, wait_until="load")  # livereload never lets the network idle
        notice = page.get_by_role("alert")
        notice.wait_for()
        text = notice.inner_text()
        assert "1 problem in the data: this preview shows the last good version" in text
        assert f"data/sessions/{SESSION}.yml:2:7 error: YAML syntax" in text, text
        assert "Rent caps and their critics" in page.content() or path != f"sessions/{SESSION}/"
    assert axe_violations(page) == []
    page.get_by_role("button", name="Hide until the next save").click()
    assert page.get_by_role("alert").count() == 0
    file.write_text(good, encoding="utf-8")
    _wait_for_problems(base, lambda problems: problems == [])
    page, watch = open_page(base + f"sessions/{SESSION}/", wait_until="load")
    page.wait_for_timeout(300)
    assert page.locator(".podium-preview-problems").count() == 0
    assert watch.console_errors == []
