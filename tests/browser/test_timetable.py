"""The programme at a glance (issue 14): day pages, the timetable on wide screens and
phones, and what is on now, in Chromium.

On the ASPC fixture (one day, parallel sessions of papers in two rooms, keynote and
breaks for everyone) and the multi fixture (three days, two talks at once in one room).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.filtering import choose, open_filters
from tests.browser.test_accessibility import VIEWS

pytestmark = pytest.mark.browser

WIDE = {"viewport": {"width": 1280, "height": 900}, "timezone_id": "Australia/Sydney"}
PHONE = {**VIEWS["phone"], "timezone_id": "Australia/Sydney"}
PARALLEL = ("Chinese social policy: poverty reduction", "Minimum incomes under pressure")


def _box(page, title):
    return page.locator(".podium-timetable li", has=page.get_by_role("link", name=title, exact=True)).first.bounding_box()


def test_parallel_sessions_sit_side_by_side_at_1280_px(open_page, aspc_url):
    page, _ = open_page(aspc_url + "programme/", **WIDE)
    first, second = (_box(page, title) for title in PARALLEL)
    assert first["y"] == second["y"] and first["x"] + first["width"] <= second["x"]
    keynote = _box(page, "Opening keynote: Social policy after the boom")
    assert keynote["x"] <= first["x"] and keynote["x"] + keynote["width"] >= second["x"] + second["width"]  # across the rooms
    # Heights follow lengths: the 100-minute sessions are taller than the 60-minute posters.
    assert first["height"] > _box(page, "Posters")["height"]


def test_two_sessions_in_one_room_at_once_go_side_by_side(open_page, multi_url):
    page, _ = open_page(multi_url + "programme/2025-03-29/", **WIDE)
    first, second = (_box(page, title) for title in ("Housing First in three cities", "Rent caps and their critics"))
    assert first["y"] == second["y"] and first["x"] != second["x"]
    assert first["x"] + first["width"] <= second["x"] or second["x"] + second["width"] <= first["x"]


@pytest.mark.parametrize("path", ["programme/", "programme/2025-03-29/", "programme/2025-03-31/"])
def test_programme_pages_never_scroll_sideways_on_a_phone(open_page, multi_url, aspc_url, path):
    for base in (multi_url, aspc_url) if path == "programme/" else (multi_url,):
        page, _ = open_page(base + path, **PHONE)
        assert page.evaluate("document.documentElement.scrollWidth") == 360


def test_on_a_phone_each_start_lists_its_sessions_one_under_another_by_room(open_page, aspc_url):
    page, _ = open_page(aspc_url + "programme/", **PHONE)
    section = page.locator(".podium-tt-start", has=page.get_by_role("heading", name="10.55 am"))
    # Law Theatre G04 first: the room the programme uses first.
    assert section.locator("ul.podium-tt-sessions > li > a").all_inner_texts() == list(PARALLEL)
    first, second = (_box(page, title) for title in PARALLEL)
    assert first["y"] + first["height"] <= second["y"]


def test_the_day_switcher_marks_the_page_and_links_every_day(open_page, multi_url):
    page, _ = open_page(multi_url + "programme/2025-03-30/")
    days = page.get_by_role("navigation", name="Days")
    assert days.locator("a[aria-current=page]").inner_text() == "Sun 30 Mar"
    assert days.get_by_role("link").count() == 3
    days.get_by_role("link", name="Mon 31 Mar").click()
    assert page.locator("article h1").inner_text() == "Programme: Monday, 31 March 2025"


def test_a_clock_inside_a_session_marks_it_as_now_with_a_line_and_a_link(open_page, aspc_url, browser):
    context = browser.new_context(**WIDE)
    page = context.new_page()
    page.clock.set_fixed_time("2019-09-10T01:30:00Z")  # 11.30 am in Sydney
    page.goto(aspc_url + "programme/")
    now = page.locator("li.podium-now")
    assert sorted(now.locator("> a").all_inner_texts()) == sorted(PARALLEL)
    line = page.locator("#now")
    assert line.inner_text().startswith("Now, 11:30")
    first = _box(page, PARALLEL[0])
    line_box = line.bounding_box()
    assert first["y"] < line_box["y"] < first["y"] + first["height"]
    page.get_by_role("link", name="Now: what is on at").click()
    assert page.evaluate("location.hash") == "#now"
    context.close()


def test_a_clock_outside_the_conference_marks_nothing(open_page, aspc_url, multi_url, browser):
    context = browser.new_context(**WIDE)
    page = context.new_page()
    page.clock.set_fixed_time("2019-09-12T01:30:00Z")
    page.goto(aspc_url + "programme/")
    assert page.locator(".podium-now, #now, .podium-now-jump, .podium-today-label").count() == 0
    page.goto(multi_url + "programme/")
    assert page.locator(".podium-today-label").count() == 0
    context.close()


def test_while_the_conference_is_on_the_programme_opens_on_today_with_today_marked(browser, multi_url):
    context = browser.new_context(timezone_id="America/Los_Angeles")  # the visitor's zone does not matter
    page = context.new_page()
    page.clock.set_fixed_time("2025-03-29T23:30:00Z")  # Sunday 30 March, 00.30 in Berlin
    page.goto(multi_url + "programme/")
    page.wait_for_url("**/programme/2025-03-30/")
    today = page.locator(".podium-today-label")
    assert today.count() == 1
    assert today.locator("xpath=..").get_attribute("data-podium-date") == "2025-03-30"
    # Coming to the index from a day's page (or to a place in it) shows the index: the
    # visitor asked for it.
    page.goto(multi_url + "programme/", referer=multi_url + "programme/2025-03-30/")
    assert page.locator("nav.podium-day-index .podium-today-label").count() == 1
    assert page.url == multi_url + "programme/"
    page.goto(multi_url + "programme/#to-be-announced")
    assert page.url.startswith(multi_url + "programme/#")
    context.close()


def test_a_day_prints_on_a4_landscape_with_every_session_legible(open_page, camp_url):
    page, _ = open_page(camp_url + "programme/2026-08-06/")
    page.emulate_media(media="print")
    sizes = page.locator(".podium-tt-sessions > li").evaluate_all("items => items.map(i => parseFloat(getComputedStyle(i).fontSize))")
    assert len(sizes) == 10 and min(sizes) >= 12  # px: 9 pt
    assert page.locator(".podium-days, .podium-filter-bar").evaluate_all("e => e.map(x => x.offsetParent === null)") == [True, True]
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert boxes and all(float(width) > float(height) for width, height in boxes)  # landscape, every page
    assert all(abs(float(width) - 841.9) < 1 for width, _ in boxes)  # A4


def test_on_the_camp_a_clock_inside_a_talk_marks_it_and_the_workshop_running_beside_it(browser, camp_url):
    context = browser.new_context(**WIDE)
    page = context.new_page()
    page.clock.set_fixed_time("2026-08-06T12:10:00Z")  # 14.10 in Berlin
    page.goto(camp_url + "programme/2026-08-06/")
    assert sorted(page.locator("li.podium-now > a").all_inner_texts()) == ["Lightning talks, first round", "Repairing phones without a manual"]
    assert page.locator("nav.podium-days a[aria-current=page] .podium-today-label").count() == 1
    context.close()


@pytest.mark.parametrize(("site", "path", "name"), [
    ("camp", "programme/2026-08-06/", "timetable-camp"),
    ("aspc", "programme/", "timetable-aspc"),
])  # fmt: skip
def test_day_pages_at_1280_px_and_on_a_phone_screenshot(browser, camp_url, aspc_url, site, path, name, tmp_path):
    # The README's screenshots (`make screenshot`), during the conference: what is on now is marked.
    base, clock = {"camp": (camp_url, "2026-08-06T12:10:00Z"), "aspc": (aspc_url, "2019-09-10T01:30:00Z")}[site]
    folder = Path(os.environ.get("PODIUM_SCREENSHOT_DIR", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    for view, options in (("1280", WIDE), ("phone", {**PHONE, "device_scale_factor": 2})):
        context = browser.new_context(**options)
        page = context.new_page()
        page.clock.set_fixed_time(clock)
        page.goto(base + path, wait_until="networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") == options["viewport"]["width"]
        file = folder / f"{name}-{view}.png"
        page.screenshot(path=str(file), full_page=view == "1280")
        assert file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        context.close()


def test_kind_and_language_filters_appear_where_a_day_mixes_them(open_page, camp_url):
    page, _ = open_page(camp_url + "programme/2026-08-07/")
    visible = page.locator(".podium-timetable ul.podium-sessions > li:visible > a")
    choose(page, "language", "de")
    assert visible.all_inner_texts() == ["Wie man ein Funknetz für ein Dorf baut"]
    choose(page, "language", "")
    choose(page, "kind", "workshop")
    assert visible.all_inner_texts() == ["LoRa sensor workshop"]
    options = page.locator("select[name=language] option").all_inner_texts()
    assert options == ["All languages", "Chinese", "English (United Kingdom)", "German"]


def test_tab_goes_through_the_wide_timetable_in_reading_order(open_page, camp_url):
    # Reading order: by start time, then the rooms' order; what the grid shows side by
    # side, Tab visits left to right, and never jumps back up.
    page, _ = open_page(camp_url + "programme/2026-08-06/", **WIDE)
    links = page.locator(".podium-timetable ul.podium-sessions > li > a")
    expected = links.all_inner_texts()
    page.locator(".podium-timetable").evaluate("t => { const a = document.createElement('a'); a.href = '#'; a.id = 'before'; t.before(a); }")
    page.focus("#before")
    visited, tops = [], []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const e = document.activeElement;
            return e.closest('.podium-timetable') ? [e.matches('ul.podium-sessions > li > a'), e.innerText, e.getBoundingClientRect().top + scrollY] : null }""")
        if focused is None:
            break
        if focused[0]:
            visited.append(focused[1])
            tops.append(focused[2])
    assert len(expected) == 9 and visited == expected  # the day's ten entries but the break, which links nowhere
    assert tops == sorted(tops)


def test_two_sessions_for_everyone_at_once_sit_side_by_side(open_page, tmp_path):
    """Two plenaries at the same time in two halls share the columns instead of covering each other."""
    from tests.conftest import CAMP_DATA, make_project, run_build_py
    from tests.server import SiteServer

    project = make_project(tmp_path / "camp", CAMP_DATA)
    opening = (project / "data" / "sessions" / "opening-welcome-to-the-camp.yml").read_text(encoding="utf-8")
    second = opening.replace("'Opening: welcome to the camp'", "Second opening").replace("room: Saal A", "room: Saal B")
    (project / "data" / "sessions" / "second-opening.yml").write_text(second, encoding="utf-8")
    assert run_build_py(project, "build").returncode == 0
    server = SiteServer(project / "site")
    try:
        page, _ = open_page(server.url + "programme/2026-08-06/", **WIDE)
        first, other = (_box(page, title) for title in ("Opening: welcome to the camp", "Second opening"))
        assert first["y"] == other["y"] and first["x"] + first["width"] <= other["x"]
    finally:
        server.close()


def test_in_a_congress_night_the_programme_opens_on_the_day_the_night_belongs_to(browser, tmp_path):
    """At 02:00 on the 28th, with days that end at 06:00, today is still the 27th."""
    from tests.conftest import FIXTURES, built_project
    from tests.server import SiteServer

    server = SiteServer(built_project(tmp_path / "congress", FIXTURES / "congress" / "data") / "site")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.clock.set_fixed_time("2026-12-28T01:00:00Z")  # 02:00 in Berlin
        page.goto(server.url + "programme/")
        page.wait_for_url("**/programme/2026-12-27/")
        today = page.locator(".podium-today-label")
        assert today.count() == 1 and today.locator("xpath=..").get_attribute("data-podium-date") == "2026-12-27"
    finally:
        context.close()
        server.close()


def _many_rooms(tmp_path, rooms: int = 30):
    """A day of `rooms` rooms with a talk in each every hour, as a FOSDEM or a congress has."""
    from tests.conftest import SEED_DATA, make_project

    project = make_project(tmp_path / "many", SEED_DATA)
    sessions = project / "data" / "sessions"
    for room in range(1, rooms + 1):
        for hour in range(9, 18):
            (sessions / f"r{room:02d}-{hour}.yml").write_text(
                f"title: Interoperable telemetry pipelines for room {room} at {hour}\n"
                f"date: 2019-09-10\nstart: {hour:02d}:00\nend: {hour:02d}:50\nroom: Room {room:02d}\n",
                encoding="utf-8",
            )
    return project


def test_with_thirty_rooms_room_names_and_times_stay_in_view_and_cover_nothing(open_page, tmp_path):
    from tests.conftest import run_build_py
    from tests.server import SiteServer

    project = _many_rooms(tmp_path)
    assert run_build_py(project, "build").returncode == 0
    server = SiteServer(project / "site")
    try:
        page, _ = open_page(server.url + "programme/", **WIDE)
        header = page.locator(".podium-tt-columns")
        first = _box(page, "Interoperable telemetry pipelines for room 1 at 9")
        assert first["y"] >= header.bounding_box()["y"] + header.bounding_box()["height"] - 1  # nothing covers it
        assert first["width"] >= 150  # a readable column, never squeezed to fit
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # the page never scrolls sideways
        # Halfway down the day and far to the right, inside the timetable: rooms at the top, times at the left.
        page.evaluate("document.querySelector('.podium-timetable').scrollIntoView()")
        page.evaluate("(() => { const t = document.querySelector('.podium-timetable'); t.scrollTop = t.scrollHeight / 2; t.scrollLeft = t.scrollWidth / 2; })()")
        table = page.locator(".podium-timetable").bounding_box()
        room = header.locator("li", has_text="Room 15").bounding_box()
        assert table["y"] - 1 <= room["y"] <= table["y"] + 40 and 0 <= room["x"] <= 1280
        times = [box for box in (t.bounding_box() for t in page.locator(".podium-tt-time").all()) if box and table["y"] < box["y"] < table["y"] + table["height"]]
        assert times and all(box["x"] <= table["x"] + 5 for box in times)
    finally:
        server.close()


# A congress at real size: on its first day 30 rooms of talks, on its second 50 sessions
# of papers at once, each with eight papers of six authors from shared institutes.
CONGRESS_DAYS = ("2019-09-10", "2019-09-11")
BROKEN_WORDS = """() => {
  // Words (between spaces and hyphens) of the blocks' titles drawn on more than one line.
  const broken = [];
  for (const title of document.querySelectorAll(".podium-tt-sessions > li > a:first-child, .podium-tt-sessions .podium-papers a")) {
    if (!title.getClientRects().length) continue;
    const walker = document.createTreeWalker(title, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[^\\s\\-\\u2010-\\u2015\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(match[0]);
      }
    }
  }
  return broken;
}"""


@pytest.fixture(scope="module")
def congress(tmp_path_factory):
    from tests.conftest import SEED_DATA, make_project, run_build_py
    from tests.server import SiteServer

    project = make_project(tmp_path_factory.mktemp("congress"), SEED_DATA)
    data = project / "data"
    for room in range(1, 31):
        for hour in range(9, 18):
            (data / "sessions" / f"r{room:02d}-{hour}.yml").write_text(
                f"title: Interoperability of decentralised telemetry pipelines, room {room} at {hour}\n"
                f"date: {CONGRESS_DAYS[0]}\nstart: {hour:02d}:00\nend: {hour:02d}:50\nroom: Room {room:02d}\n",
                encoding="utf-8",
            )
    (data / "papers").mkdir(exist_ok=True)
    for panel in range(1, 51):
        for n in range(1, 10):
            (data / "people" / f"author-{panel}-{n}.yml").write_text(
                f"name: Author Number{panel}-{n}\naffiliation: Institute {n % 3}\n", encoding="utf-8"
            )
        papers = [f"p{panel:02d}-{k}" for k in range(1, 9)]
        for k, paper in enumerate(papers, start=1):
            authors = "".join(f"  - person: author-{panel}-{(k + a) % 9 + 1}\n" for a in range(6))
            (data / "papers" / f"{paper}.yml").write_text(
                f"title: Taxing Uber-Polluters and the politics of decarbonisation, {panel}.{k}\npeople:\n{authors}",
                encoding="utf-8",
            )
        (data / "sessions" / f"panel-{panel:02d}.yml").write_text(
            f"title: Comparative environmental taxation {panel}\nkind: paper-session\n"
            f"date: {CONGRESS_DAYS[1]}\nstart: '09:00'\nend: '10:45'\nroom: Hall {panel:02d}\n"
            "papers:\n" + "".join(f"  - {paper}\n" for paper in papers),
            encoding="utf-8",
        )
    assert run_build_py(project, "build").returncode == 0
    server = SiteServer(project / "site")
    yield server.url
    server.close()


@pytest.mark.parametrize("day", CONGRESS_DAYS)
def test_at_real_size_nothing_covers_a_session_and_no_title_word_is_broken(open_page, congress, day):
    page, watch = open_page(congress + f"programme/{day}/", **WIDE)
    header = page.locator(".podium-tt-columns").bounding_box()
    first = page.locator(".podium-tt-sessions > li").first.bounding_box()
    assert first["y"] >= header["y"] + header["height"] - 1
    assert page.evaluate(BROKEN_WORDS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert watch.console_errors == []


def test_a_session_of_papers_in_a_narrow_column_lists_five_titles_and_how_many_more(open_page, congress):
    page, _ = open_page(congress + f"programme/{CONGRESS_DAYS[1]}/", **WIDE)
    block = page.locator(".podium-tt-sessions > li", has=page.get_by_role("link", name="Comparative environmental taxation 7", exact=True))
    assert len([t for t in block.locator(".podium-papers a").all() if t.is_visible()]) == 5
    assert block.locator(".podium-papers-more").inner_text() == "and 3 more papers"
    assert not block.locator(".podium-paper-details").first.is_visible()  # the authors are on its page
    page.set_viewport_size({"width": 360, "height": 740})  # a phone's list has room for them all
    assert len([t for t in block.locator(".podium-papers a").all() if t.is_visible()]) == 8
    assert not block.locator(".podium-papers-more").is_visible()


def test_on_a_phone_the_days_first_session_is_on_the_first_screen(open_page, congress):
    for day in CONGRESS_DAYS:
        page, _ = open_page(congress + f"programme/{day}/", **PHONE)
        first = page.locator(".podium-tt-sessions > li").first.bounding_box()
        assert first["y"] + 40 <= 740, day  # its title, at least, without scrolling


def test_while_the_conference_is_on_now_comes_first_and_its_line_covers_no_text(browser, congress):
    for options in (WIDE, PHONE):
        context = browser.new_context(**options)
        page = context.new_page()
        page.clock.set_fixed_time("2019-09-10T03:20:00Z")  # 13:20 in Sydney
        page.goto(congress + f"programme/{CONGRESS_DAYS[0]}/")
        heading = page.locator("article h1")
        assert heading.evaluate("h => h.nextElementSibling.className") == "podium-now-jump"
        first = page.locator(".podium-tt-sessions > li").first.bounding_box()
        assert first["y"] + 40 <= options["viewport"]["height"]
        page.click(".podium-now-jump a")
        line = page.locator("#now").bounding_box()
        words = page.locator("#now span").bounding_box()
        if options is WIDE:
            assert words["width"] <= 1 and words["height"] <= 1  # for screen readers only
            times = page.locator(".podium-tt-time").first.bounding_box()
            assert line["x"] >= times["x"] + times["width"]  # the line and its dot stay off the times
        else:
            texts = [box for box in (e.bounding_box() for e in page.locator(".podium-tt-start > *").all()) if box]
            assert not [b for b in texts if b["y"] < words["y"] + words["height"] and words["y"] < b["y"] + b["height"]]
        context.close()


def test_the_rooms_one_chooses_sit_side_by_side_and_stay_chosen_on_every_day(browser, congress):
    context = browser.new_context(**WIDE)
    page = context.new_page()
    page.goto(congress + f"programme/{CONGRESS_DAYS[0]}/")
    open_filters(page)
    for room in ("Room 03", "Room 27"):
        page.get_by_role("checkbox", name=room, exact=True).check()
    assert page.locator(".podium-tt-columns > li:visible").all_inner_texts() == ["Room 03", "Room 27"]
    left, right = (_box(page, f"Interoperability of decentralised telemetry pipelines, room {n} at 9") for n in (3, 27))
    assert left["y"] == right["y"] and right["x"] - (left["x"] + left["width"]) < 40  # neighbours now, no empty column between
    assert page.locator("details.podium-filter-panel > summary").inner_text() == "Filters · 1 on"
    page.reload()
    assert page.locator(".podium-tt-columns > li:visible").all_inner_texts() == ["Room 03", "Room 27"]
    assert page.locator(".podium-filter-count").inner_text() == "18 of 271 sessions"  # with the seed's session
    # The next day has other rooms: all of them show, and Room 03 stays chosen for the day it is used.
    page.goto(congress + f"programme/{CONGRESS_DAYS[1]}/")
    assert page.locator(".podium-tt-columns > li:visible").count() == 50
    page.goto(congress + f"programme/{CONGRESS_DAYS[0]}/")
    assert page.locator(".podium-tt-columns > li:visible").count() == 2
    open_filters(page)
    page.get_by_role("button", name="Show all sessions").click()
    page.wait_for_function("document.querySelectorAll('.podium-tt-columns > li:not([hidden])').length === 31")  # and the seed's room
    page.reload()
    assert page.locator(".podium-tt-columns > li:visible").count() == 31
    context.close()
