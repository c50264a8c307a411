"""Changes and cancellations over two publications, as the issue tries them: a real
programme published, then a talk moved to another day, another given a new room, a
third cancelled, and published again."""

from __future__ import annotations

import json
import os
import subprocess

import feedparser
import icalendar
import pytest

from tests.conftest import MULTI_DATA, make_project, run_build_py

GIT = ["git", "-c", "user.name=Organiser", "-c", "user.email=organiser@example.org", "-c", "commit.gpgsign=false"]


def _commit(project, message: str, when: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True, env=env)
    subprocess.run([*GIT, "commit", "-q", "-m", message], cwd=project, check=True, env=env)


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def published_twice(tmp_path_factory):
    """The multi fixture published, its site kept; then changed, published and built again."""
    project = make_project(tmp_path_factory.mktemp("changes") / "conference", MULTI_DATA)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=project, check=True)
    _commit(project, "Programme", "2025-03-01T10:00:00+01:00")
    assert run_build_py(project, "build").returncode == 0
    first = {path.relative_to(project / "site").as_posix(): path.read_bytes() for path in (project / "site").rglob("*.*")}
    sessions = project / "data" / "sessions"
    _edit(sessions / "hostile-text.yml", "date: 2025-03-30", "date: 2025-03-31")  # to another day
    _edit(sessions / "rent-caps.yml", "room: Room 101", "room: Room 102")  # a new room
    _edit(sessions / "closing-plenary.yml", "title: Closing plenary", "title: Closing plenary\nstatus: cancelled")
    _commit(project, "Moved, new room, cancelled", "2025-03-20T18:30:00+01:00")
    built = run_build_py(project, "build")
    assert built.returncode == 0, built.stderr
    return project, first


def test_the_changes_page_lists_all_three_with_old_and_new_values(published_twice):
    project, _ = published_twice
    page = (project / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "Thursday, 20 March 2025, 18:30" in page  # the publication, in the venue's time
    assert "<strong>Cancelled:</strong> <a href=\"../sessions/closing-plenary/\">Closing plenary</a>" in page
    assert "from Sunday, 30 March 2025, 14:00–15:00 to Monday, 31 March 2025, 14:00–15:00" in page
    assert "<strong>Room:</strong> <a href=\"../sessions/rent-caps/\">Rent caps and their critics</a> from Room 101 to Room 102" in page


def test_a_feed_reader_reads_the_same_three(published_twice):
    project, _ = published_twice
    parsed = feedparser.parse((project / "site" / "changes.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    (entry,) = parsed.entries
    assert entry.title == "Thursday, 20 March 2025, 18:30" and entry.updated == "2025-03-20T17:30:00Z"
    html = entry.content[0].value
    assert html.count("<li>") == 3 and "from Room 101 to Room 102" in html
    assert 'href="https://example.org/ptc2025/sessions/closing-plenary/"' in html


def test_the_cancelled_talks_page_and_calendar_say_so(published_twice):
    project, _ = published_twice
    page = (project / "site" / "sessions" / "closing-plenary" / "index.html").read_text(encoding="utf-8")
    assert page.index('class="podium-cancelled-notice"') < page.index('class="podium-facts"')
    (event,) = icalendar.Calendar.from_ical((project / "site" / "sessions" / "closing-plenary.ics").read_bytes()).walk("VEVENT")
    assert event["STATUS"] == "CANCELLED" and event["SEQUENCE"] == 1


def test_calendars_update_the_moved_talk_with_a_higher_sequence_and_the_same_uid(published_twice):
    project, first = published_twice
    before = icalendar.Calendar.from_ical(first["sessions/hostile-text.ics"]).walk("VEVENT")[0]
    after = icalendar.Calendar.from_ical((project / "site" / "sessions" / "hostile-text.ics").read_bytes()).walk("VEVENT")[0]
    assert after["UID"] == before["UID"]
    assert after.get("SEQUENCE", 0) > before.get("SEQUENCE", 0)
    untouched = icalendar.Calendar.from_ical((project / "site" / "sessions" / "housing-first.ics").read_bytes()).walk("VEVENT")[0]
    assert "SEQUENCE" not in untouched


def test_the_moved_talks_page_says_where_it_was_and_since_when(published_twice):
    project, _ = published_twice
    page = (project / "site" / "sessions" / "hostile-text" / "index.html").read_text(encoding="utf-8")
    assert "Changed on Thursday, 20 March 2025, 18:30: before, Sunday, 30 March 2025, 14:00–15:00." in page


def test_the_schedules_version_changed(published_twice):
    project, first = published_twice
    old = json.loads(first["schedule.json"])["schedule"]["version"]
    new = json.loads((project / "site" / "schedule.json").read_bytes())["schedule"]["version"]
    assert old != new and new.startswith("2.")
    assert b"<version>" + new.encode() + b"</version>" in (project / "site" / "schedule.xml").read_bytes()


def test_the_timetable_marks_what_changed_in_the_last_days(published_twice):
    project, _ = published_twice
    day = (project / "site" / "programme" / "2025-03-29" / "index.html").read_text(encoding="utf-8")
    assert 'Rent caps and their critics</a><span class="podium-tt-lead"> · </span>Changed<' in day
    assert "Housing First in three cities</a><span class=\"podium-tt-said\"> · 10:55" in day  # unchanged: no mark


def test_without_history_nothing_fails_and_there_is_nothing_to_show(tmp_path):
    project = make_project(tmp_path / "download", MULTI_DATA)  # no .git: a download of the repository
    assert run_build_py(project, "build").returncode == 0
    page = (project / "site" / "changes" / "index.html").read_text(encoding="utf-8")
    assert "No changes have been published yet." in page
    assert feedparser.parse((project / "site" / "changes.xml").read_bytes()).entries == []
