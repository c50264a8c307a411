"""exports/ics.py: a session's calendar file that calendar apps accept."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from tests.golden.regenerate import STAMP, generated

SEED_ICS = "sessions/collective-sharing-poverty-alleviation-china.ics"


@pytest.fixture(scope="module")
def seed_event():
    calendar = icalendar.Calendar.from_ical(generated("seed")[SEED_ICS])
    (event,) = calendar.walk("VEVENT")
    return event


def test_session_calendar_has_seed_times_in_sydney_time(seed_event):
    start, end = seed_event.decoded("DTSTART"), seed_event.decoded("DTEND")
    assert start.isoformat() == "2019-09-10T10:55:00+10:00"
    assert end.isoformat() == "2019-09-10T12:35:00+10:00"
    assert seed_event["DTSTART"].params["TZID"] == "Australia/Sydney"


def test_session_calendar_includes_the_zone_definition():
    calendar = icalendar.Calendar.from_ical(generated("seed")[SEED_ICS])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Australia/Sydney"]


def test_session_calendar_uid_and_stamp_are_stable(seed_event):
    assert str(seed_event["UID"]) == "session-collective-sharing-poverty-alleviation-china@aspc-2019.podium"
    assert seed_event.decoded("DTSTAMP") == STAMP
    assert generated("seed")[SEED_ICS] == generated("seed")[SEED_ICS]


def test_session_calendar_describes_session_with_people(seed_event):
    assert str(seed_event["SUMMARY"]) == "Collective sharing, innovation, and precise poverty alleviation in China"
    description = str(seed_event["DESCRIPTION"])
    assert description.startswith("Although this rapid economic development")
    assert "Chienchung Huang (Presenter), Rutgers University" in description
    assert str(seed_event["LOCATION"]) == "UNSW Sydney, Sydney, Australia"
    assert seed_event["CATEGORIES"].cats == ["Chinese social policy: poverty reduction"]


def test_session_calendar_uses_crlf_and_folds_long_lines():
    raw = generated("seed")[SEED_ICS]
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 75


def test_session_calendar_without_end_lasts_the_default_duration_and_says_so():
    calendar = icalendar.Calendar.from_ical(generated("multi")["sessions/pension-reform.ics"])
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == dt.datetime(2025, 3, 30, 7, 0, tzinfo=dt.timezone.utc)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(minutes=60)
    assert str(event["DESCRIPTION"]).startswith("End time to be announced.")


def test_session_calendar_keeps_hostile_text_inside_its_property():
    raw = generated("multi")["sessions/hostile-text.ics"].decode("utf-8")
    unfolded = raw.replace("\r\n ", "")
    property_names = {line.split(":")[0].split(";")[0] for line in unfolded.split("\r\n") if line}
    assert property_names <= {
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "X-WR-TIMEZONE", "TZID", "COMMENT", "DTSTART",
        "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "RDATE", "UID", "DTSTAMP", "DTEND", "SUMMARY",
        "DESCRIPTION", "LOCATION", "URL", "CATEGORIES", "STATUS", "RRULE",
    }  # fmt: skip
