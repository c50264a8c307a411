"""`status: cancelled`: the item stays, says so everywhere it is shown, and takes no room or time."""

from __future__ import annotations

import json

import icalendar

from podium.programme.check import check_project
from tests.golden.regenerate import generated
from tests.unit.programme.test_check import write_data

AT_TEN = "date: 2025-03-29\nstart: 10:00\nend: 11:00\nroom: Room 101\npeople:\n  - person: p\n"


def test_a_cancelled_session_frees_its_room_and_its_people(tmp_path):
    write_data(tmp_path, {
        "people/p.yml": "name: P\n",
        "sessions/a.yml": "title: A\n" + AT_TEN,
        "sessions/b.yml": "title: B\nstatus: cancelled\n" + AT_TEN,
    })  # fmt: skip
    result = check_project(tmp_path)
    assert [str(p) for p in result.problems] == []
    assert {s.id: s.cancelled for s in result.programme.sessions} == {"a": False, "b": True}


def test_without_the_status_the_same_sessions_clash(tmp_path):
    write_data(tmp_path, {
        "people/p.yml": "name: P\n",
        "sessions/a.yml": "title: A\n" + AT_TEN,
        "sessions/b.yml": "title: B\nstatus: confirmed\n" + AT_TEN,
    })  # fmt: skip
    assert any("room 'Room 101' is taken" in str(p) for p in check_project(tmp_path).problems.errors)


def test_a_cancelled_sessions_papers_are_cancelled_with_it(tmp_path):
    write_data(tmp_path, {
        "papers/x.yml": "title: X\n",
        "papers/y.yml": "title: Y\nstatus: cancelled\n",
        "sessions/s.yml": "title: S\nstatus: cancelled\ndate: 2025-03-29\nstart: 10:00\npapers: [x]\n",
        "sessions/t.yml": "title: T\ndate: 2025-03-29\nstart: 12:00\npapers: [y]\n",
    })  # fmt: skip
    programme = check_project(tmp_path).programme
    assert {p.id: p.cancelled for p in programme.papers} == {"x": True, "y": True}
    assert {s.id: s.cancelled for s in programme.sessions} == {"s": True, "t": False}


def test_its_page_says_cancelled_first_and_lists_strike_it_through():
    files = generated("multi")
    page = files["sessions/tenants-roundtable.md"].decode("utf-8").split("\n")
    title = page.index("# Tenants' roundtable")
    assert 'class="podium-cancelled-notice"' in page[title + 3] and "<strong>Cancelled</strong>" in page[title + 3]
    day = files["programme/2025-03-29.md"].decode("utf-8")
    assert '<a href="../../sessions/tenants-roundtable/"><s>Tenants&#39; roundtable</s></a><span class="podium-tt-lead"> · </span>Cancelled · ' in day
    assert 'data-cancelled><a href="../../sessions/tenants-roundtable/">' in day


def test_calendars_mark_it_and_schedules_for_apps_leave_it_out():
    files = generated("multi")
    (event,) = icalendar.Calendar.from_ical(files["sessions/tenants-roundtable.ics"]).walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and str(event["DESCRIPTION"]).startswith("Cancelled.")
    everyone = icalendar.Calendar.from_ical(files["programme.ics"]).walk("VEVENT")
    assert [str(e["STATUS"]) for e in everyone if "tenants-roundtable" in str(e["UID"])] == ["CANCELLED"]
    assert b"Tenants" not in files["schedule.xml"] and b"Tenants" not in files["schedule.json"]
    sessions = {s["id"]: s for s in json.loads(files["sessions.json"])["sessions"]}
    assert sessions["tenants-roundtable"]["status"] == "cancelled" and sessions["housing-first"]["status"] == "confirmed"
    assert b'"eventStatus":"https://schema.org/EventCancelled"' in files["sessions/tenants-roundtable.md"]
    my = {item["key"]: item for item in json.loads(files["my-programme.json"])["items"]}
    assert my["s:tenants-roundtable"]["cancelled"] is True and "cancelled" not in my["s:housing-first"]
