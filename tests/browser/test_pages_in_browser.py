"""The built site in headless Chromium: what an attendee's phone shows."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.filtering import choose
from tests.helpers import seed_facts

pytestmark = pytest.mark.browser

SEED_SESSION = "sessions/collective-sharing-poverty-alleviation-china/"
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_seed_session_page_shows_every_fact(open_page, seed_url):
    page, watch = open_page(seed_url + SEED_SESSION)
    text = normalised(page.locator("article").inner_text())
    facts = seed_facts()
    for fact in (facts.title, f"Stream: {facts.stream}", f"Date: {facts.date}", facts.time, facts.abstract,
                 *facts.people_lines, *facts.bios):  # fmt: skip
        assert fact in text
    assert watch.console_errors == []
    assert watch.foreign_requests() == []


def test_seed_session_essentials_fit_a_phone_screen_and_screenshot(open_page, seed_url, tmp_path):
    # A visitor from London, so the screenshot shows their own time beside the conference's.
    page, watch = open_page(seed_url + SEED_SESSION, timezone_id="Europe/London", **PHONE)
    facts = seed_facts()
    article = page.locator("article")
    for text in (facts.title, facts.date, facts.time, *facts.names):
        box = article.get_by_text(text, exact=False).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 740, f"{text!r} is below the first screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the page scrolls sideways"
    # The README's screenshot: `make screenshot` writes it to .github/readme/.
    folder = Path(os.environ.get("PODIUM_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    screenshot = folder / "seed-session-phone.png"
    page.screenshot(path=str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert watch.foreign_requests() == []


def test_add_to_calendar_serves_the_session_calendar(open_page, seed_url):
    page, _ = open_page(seed_url + SEED_SESSION)
    link = page.get_by_role("link", name="Add to calendar")
    href = link.get_attribute("href")
    response = page.request.get(seed_url + SEED_SESSION + href)
    assert response.ok
    assert response.headers["content-type"].startswith("text/calendar")
    body = response.body().decode("utf-8")
    assert "DTSTART;TZID=Australia/Sydney:20190910T105500" in body


def test_hostile_text_runs_no_script_and_opens_no_dialog(open_page, multi_url):
    page, watch = open_page(multi_url + "sessions/hostile-text/")
    page.mouse.move(200, 300)
    page.wait_for_timeout(300)
    assert watch.dialogs == []
    assert page.locator('article script:not([type="application/ld+json"]), article iframe, article object, article style').count() == 0
    assert page.locator("article [onerror], article [onclick], article [onload]").count() == 0
    heading = page.locator("article h1").inner_text()
    assert heading == "*Not emphasis* <script>alert('title')</script> [not a link](javascript:alert(1)) # 10.5 & more"
    assert page.title().startswith("*Not emphasis* <script>alert('title')</script>")
    assert watch.foreign_requests() == []


def test_no_page_of_the_multi_fixture_runs_data_or_leaves_the_site(open_page, multi_project, multi_url):
    pages = sorted(p.relative_to(multi_project / "site").parent.as_posix()
                   for p in (multi_project / "site").rglob("index.html"))  # fmt: skip
    assert len(pages) >= 15
    for path in pages:
        page, watch = open_page(multi_url + ("" if path == "." else path + "/"))
        assert watch.dialogs == [], path
        assert watch.console_errors == [], path
        assert watch.foreign_requests() == [], path
        page.context.close()


def test_search_finds_a_session_by_presenter_name(open_page, seed_url):
    page, watch = open_page(seed_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("Lijie", delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    titles = normalised(page.locator(".md-search-result").inner_text())
    assert "Lijie Fang" in titles
    assert watch.foreign_requests() == []


def test_programme_links_to_session_page(open_page, multi_url):
    page, _ = open_page(multi_url + "programme/")
    page.get_by_role("link", name="Saturday, 29 March 2025").click()
    page.get_by_role("link", name="Rent caps and their critics").click()
    page.wait_for_load_state()
    assert page.url.endswith("/sessions/rent-caps/")
    assert page.locator("article h1").inner_text() == "Rent caps and their critics"


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("Europe/London", "· Tuesday 1:55 am – 3:35 am in your time zone"),
        ("America/New_York", "· Monday 8:55 pm – 10:35 pm in your time zone (−1 day)"),
        ("Pacific/Kiritimati", "· Tuesday 2:55 pm – 4:35 pm in your time zone"),
    ],
)
def test_session_time_adds_the_visitors_own_time(open_page, seed_url, zone, expected):
    page, watch = open_page(seed_url + SEED_SESSION, timezone_id=zone)
    line = normalised(page.locator(".podium-facts li", has_text="Time:").inner_text())
    assert line == "Time: 10.55 am – 12.35 pm AEST " + expected
    assert watch.console_errors == []


def test_session_time_alone_in_the_conference_zone_and_without_javascript(open_page, seed_url):
    for options in ({"timezone_id": "Australia/Sydney"}, {"timezone_id": "America/New_York", "java_script_enabled": False}):
        page, _ = open_page(seed_url + SEED_SESSION, **options)
        line = normalised(page.locator(".podium-facts li", has_text="Time:").inner_text())
        assert line == "Time: 10.55 am – 12.35 pm AEST", options


def test_session_with_room_and_chair_fits_its_essentials_on_a_phone_screen(open_page, multi_url):
    page, _ = open_page(multi_url + "sessions/housing-first/", **PHONE)
    article = page.locator("article")
    for text in ("Housing First in three cities", "Saturday, 29 March 2025", "10:55 – 12:35 CET", "Room 101",
                 "Zoë Núñez (Presenter)", "方丽洁 (Chair)"):  # fmt: skip
        box = article.get_by_text(text, exact=False).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= 740, f"{text!r} is below the first screen"


def test_programme_filters_by_stream_and_room_without_reloading_and_keeps_calendar_and_data(open_page, aspc_url):
    page, watch = open_page(aspc_url + "programme/")
    timetable = page.locator(".podium-timetable ul.podium-sessions > li")
    assert timetable.count() == 7
    control = page.locator("details.podium-filter-panel > summary")
    assert control.is_visible() and control.inner_text() == "Filters"
    choose(page, "stream", "income-support")
    # The income stream's two sessions, and the keynote, breaks and social for everyone.
    assert page.locator(".podium-timetable ul.podium-sessions > li:visible").count() == 6
    assert page.get_by_role("heading", name="Calendar and data").is_visible()
    choose(page, "room", "Law Theatre G04")
    assert page.locator(".podium-timetable ul.podium-sessions > li:visible").count() == 0
    assert page.locator(".podium-filter-count").inner_text() == "No session matches these filters."
    assert control.inner_text() == "Filters · 2 on"  # what the closed control says too
    assert not page.locator(".podium-timetable").is_visible()
    assert page.get_by_role("heading", name="Calendar and data").is_visible()
    choose(page, "stream", "")
    visible = page.locator(".podium-timetable ul.podium-sessions > li:visible > a:first-child").all_inner_texts()
    assert visible == ["Chinese social policy: poverty reduction"]
    assert len([r for r in watch.requests if "programme" in r]) == 1  # no reload


def test_programme_without_javascript_shows_every_day_and_no_dead_controls(open_page, multi_url):
    page, _ = open_page(multi_url + "programme/", java_script_enabled=False)
    days = page.get_by_role("navigation", name="Days")
    assert days.get_by_role("link", name="Monday, 31 March 2025").is_visible()
    assert "Saturday, 29 March 2025: 3 sessions" in normalised(days.inner_text())
    page.goto(multi_url + "programme/2025-03-29/")
    assert page.locator("ul.podium-sessions > li").count() == 3  # with the cancelled roundtable, struck through
    assert not page.locator(".podium-filter-panel").is_visible()
    assert not page.locator("[data-podium-star]").count()
