"""Where the timetable puts each session: columns, lanes, rows (pages/timetable.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from podium.pages.timetable import GAP_ROWS, day_timetable
from podium.programme.check import check_project

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


@pytest.fixture(scope="module")
def camp():
    return check_project(FIXTURES / "camp").programme


def _day(programme, date: str):
    return day_timetable(programme, [s for s in programme.sessions if s.date == dt.date.fromisoformat(date)])


def _placed(table):
    return {p.session.id: p for start in table.starts for p in start.placed}


def test_rooms_are_the_columns_in_rooms_yml_order(camp):
    table = _day(camp, "2026-08-06")
    assert [(c.name, c.first, c.span) for c in table.columns] == [("Saal A", 1, 1), ("Saal B", 2, 1), ("Werkstatt", 3, 1)]
    placed = _placed(table)
    assert placed["digital-sovereignty-for-small-towns"].column == 1
    assert placed["reproducible-builds-in-practice"].column == 2
    assert placed["soldering-workshop-build-a-badge"].column == 3


def test_rows_are_five_minutes_and_a_session_runs_from_its_start_to_its_end(camp):
    placed = _placed(_day(camp, "2026-08-06"))
    opening, sovereignty = placed["opening-welcome-to-the-camp"], placed["digital-sovereignty-for-small-towns"]
    assert opening.first_row == 1 and opening.end_row == 7  # 11.00 to 11.30: six rows
    assert sovereignty.first_row == 10 and sovereignty.end_row - sovereignty.first_row == 9  # 11.45, 45 minutes
    reproducible = placed["reproducible-builds-in-practice"]
    assert sovereignty.first_row < reproducible.first_row < sovereignty.end_row  # 11.50: they overlap


def test_a_long_gap_when_nothing_runs_is_shortened(camp):
    placed = _placed(_day(camp, "2026-08-06"))
    # 15.15 to 22.00 with nothing on: at most GAP_ROWS rows, not 81.
    assert placed["camp-party-at-the-kiln"].first_row - placed["mesh-networks-for-festivals"].end_row <= GAP_ROWS


def test_sessions_for_everyone_span_the_columns_free_at_their_time(camp):
    placed = _placed(_day(camp, "2026-08-06"))
    assert placed["opening-welcome-to-the-camp"].column is None  # across all
    lunch = placed["lunch-2026-08-06"]
    assert (lunch.column, lunch.span) == (1, 2)  # the workshop runs on in Werkstatt


def test_two_sessions_in_one_room_at_once_get_a_lane_each(camp):
    talk = next(s for s in camp.sessions if s.id == "digital-sovereignty-for-small-towns")
    same_room_same_time = dataclasses.replace(talk, id="second", title="Second")
    table = day_timetable(camp, [talk, same_room_same_time])
    assert [(c.name, c.span) for c in table.columns] == [("Saal A", 2)]
    assert sorted(p.column for p in _placed(table).values()) == [1, 2]


def test_a_day_without_rooms_has_its_streams_as_columns(camp):
    sessions = [dataclasses.replace(s, room=None) for s in camp.sessions if s.date == dt.date(2026, 8, 7)]
    table = day_timetable(camp, sessions)
    assert table.column_kind == "stream"
    assert [c.name for c in table.columns] == ["Hardware & making", "Society & politics", "Software"]


def test_sessions_for_everyone_at_the_same_time_share_the_columns(camp):
    # Two plenaries at once in a day of three rooms: side by side, not on top of each other.
    opening = next(s for s in camp.sessions if s.id == "opening-welcome-to-the-camp")
    day = [s for s in camp.sessions if s.date == opening.date]
    second = dataclasses.replace(opening, id="second-opening", title="Second opening", room="Saal B")
    placed = _placed(day_timetable(camp, [*day, second]))
    first, other = placed["opening-welcome-to-the-camp"], placed["second-opening"]
    assert (first.column, first.span) == (1, 1) and (other.column, other.span) == (2, 2)
    assert placed["lunch-2026-08-06"].column == 1  # the rest stays as it was


def test_a_day_of_one_column_widens_for_sessions_for_everyone_at_once(camp):
    opening = next(s for s in camp.sessions if s.id == "opening-welcome-to-the-camp")
    later = dataclasses.replace(opening, id="overlapping", title="Overlapping", start=dt.time(11, 15))
    table = day_timetable(camp, [opening, later])
    assert table.grid_columns == 2
    placed = _placed(table)
    assert [(placed[i].column, placed[i].span) for i in ("opening-welcome-to-the-camp", "overlapping")] == [(1, 1), (2, 1)]
