"""A congress whose nights run on (`day_change: 06:00`): what starts after midnight is part of
the night before on day pages, timetables and My programme; calendars and exports keep the
real times."""

from __future__ import annotations

import json

import pytest

from tests.conftest import FIXTURES, make_project, run_build_py

CONGRESS_DATA = FIXTURES / "congress" / "data"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("congress"), CONGRESS_DATA)
    result = run_build_py(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_a_session_after_midnight_is_on_the_night_befores_page_after_its_evening(site):
    first = (site / "programme" / "2026-12-27" / "index.html").read_text(encoding="utf-8")
    assert first.index("Opening") < first.index("Late talk") < first.index("Hacker Jeopardy")
    second = (site / "programme" / "2026-12-28" / "index.html").read_text(encoding="utf-8")
    assert "Hacker Jeopardy" not in second
    assert second.index("Morning talk") < second.index("Last night")
    assert not (site / "programme" / "2026-12-29").exists()  # the last night belongs to the last day
    assert 'data-podium-day-change="360"' in first


def test_my_programme_lists_a_night_under_its_day_and_calendars_keep_the_real_time(site):
    items = {item["title"]: item for item in json.loads((site / "my-programme.json").read_text(encoding="utf-8"))["items"]}
    assert items["Hacker Jeopardy"]["date"] == "2026-12-27" and items["Hacker Jeopardy"]["start"].startswith("2026-12-28T00:30")
    calendar = (site / "sessions" / "hacker-jeopardy.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Europe/Berlin:20261228T003000" in calendar
    schedule = json.loads((site / "schedule.json").read_text(encoding="utf-8"))
    events = [e for day in schedule["schedule"]["conference"]["days"] for room in day["rooms"].values() for e in room]
    assert next(e for e in events if e["title"] == "Hacker Jeopardy")["date"].startswith("2026-12-28T00:30")
    # In the congress's first day, as frab's own schedules put a night.
    first = schedule["schedule"]["conference"]["days"][0]
    assert first["date"] == "2026-12-27" and "Hacker Jeopardy" in [e["title"] for r in first["rooms"].values() for e in r]
