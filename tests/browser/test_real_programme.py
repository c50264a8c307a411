"""A real programme at its real size in the browser: FOSDEM 2026's schedule.xml (883
events in 30 rooms) imported as it is, its busiest day tried as issue 28 asks: at
1280 × 900 nothing covers a session at the top, halfway down the day the room names are
in view, no word of a title is broken into pieces, and axe finds nothing; at 360 × 740
the day's first session is on the first screen. `make screenshot` takes the README's
pictures of it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.test_accessibility import VIEWS, axe_violations
from tests.browser.test_timetable import BROKEN_WORDS

pytestmark = pytest.mark.browser

WIDE = {"viewport": {"width": 1280, "height": 900}, "timezone_id": "Europe/Brussels"}
PHONE = {**VIEWS["phone"], "timezone_id": "Europe/Brussels"}
SATURDAY = "programme/2026-01-31/"  # the busiest day: 449 events


@pytest.fixture(scope="module")
def fosdem_url(tmp_path_factory):
    import shutil

    from tests.conftest import SEED_DATA, import_sample, make_project, run_build_py
    from tests.server import SiteServer

    export = import_sample("fosdem-2026.xml")
    project = make_project(tmp_path_factory.mktemp("fosdem") / "project", SEED_DATA)
    shutil.rmtree(project / "data")
    assert run_build_py(project, "import", str(export)).returncode == 0
    assert run_build_py(project, "build").returncode == 0
    server = SiteServer(project / "site")
    yield server.url
    server.close()


def test_at_1280_px_nothing_covers_the_first_sessions_and_the_rooms_stay_in_view(open_page, fosdem_url):
    page, watch = open_page(fosdem_url + SATURDAY, **WIDE)
    header = page.locator(".podium-tt-columns")
    names = header.bounding_box()
    firsts = [box for box in (e.bounding_box() for e in page.locator(".podium-tt-start").first.locator("li").all()) if box]
    assert firsts and all(box["y"] >= names["y"] + names["height"] - 1 for box in firsts)
    assert page.evaluate("document.documentElement.scrollWidth") == 1280  # only the timetable scrolls sideways
    page.evaluate("document.querySelector('.podium-timetable').scrollIntoView()")
    page.evaluate("(() => { const t = document.querySelector('.podium-timetable'); t.scrollTop = t.scrollHeight / 2; })()")
    table = page.locator(".podium-timetable").bounding_box()
    janson = header.locator("li", has_text="Janson").bounding_box()
    assert table["y"] - 1 <= janson["y"] <= table["y"] + 40  # halfway down the day, the rooms' names
    assert page.evaluate(BROKEN_WORDS) == []
    assert watch.console_errors == []


# At 1280 and 360 px, each in light and dark.
AXE_VIEWS = {**VIEWS, "phone, dark": {**VIEWS["phone"], "color_scheme": "dark"}}


@pytest.mark.parametrize("view", sorted(AXE_VIEWS))
def test_the_busiest_day_has_no_axe_violations(open_page, fosdem_url, view):
    page, _ = open_page(fosdem_url + SATURDAY, wait_until="load", **AXE_VIEWS[view])
    assert axe_violations(page) == []
    page.click("details.podium-filter-panel > summary")  # and with the filters open
    assert axe_violations(page) == []


def test_on_a_phone_the_first_session_is_on_the_first_screen(open_page, fosdem_url):
    page, _ = open_page(fosdem_url + SATURDAY, **PHONE)
    first = page.locator(".podium-tt-sessions > li").first.bounding_box()
    assert first["y"] + 40 <= 740
    assert page.evaluate("document.documentElement.scrollWidth") == 360


def test_fosdem_saturday_at_1280_px_and_on_a_phone_screenshot(browser, fosdem_url, tmp_path):
    # The README's screenshots (`make screenshot`): Saturday at 11:40, FOSDEM's clock, with a
    # scroll into the timetable at 1280 px (as one reads it), and a phone's first screen.
    folder = Path(os.environ.get("PODIUM_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for view, options in (("1280", WIDE), ("phone", {**PHONE, "device_scale_factor": 2})):
        context = browser.new_context(**options)
        page = context.new_page()
        page.clock.set_fixed_time("2026-01-31T10:40:00Z")
        page.goto(fosdem_url + SATURDAY, wait_until="networkidle")
        if view == "1280":
            page.click(".podium-now-jump a")
            page.evaluate("window.scrollTo(0, document.querySelector('.podium-timetable').getBoundingClientRect().top + window.scrollY - 48)")
        file = folder / f"timetable-fosdem-{view}.png"
        page.screenshot(path=str(file))
        assert file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        context.close()
