"""text/when.py: dates and times as the conference prints them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from podium.text import when
from podium.programme.model import Conference, Session


def conference(**overrides) -> Conference:
    fields = dict(
        name="C", zone=ZoneInfo("Australia/Sydney"), language="en-AU",
        date_format="EEEE, d MMMM y", time_format="h.mm a",
    )  # fmt: skip
    return Conference(**{**fields, **overrides})


def session(date=dt.date(2019, 9, 10), start=dt.time(10, 55), end=dt.time(12, 35)) -> Session:
    return Session(id="s", title="S", date=date, start=start, end=end)


def test_day_reproduces_the_seed_format():
    assert when.day(conference(), dt.date(2019, 9, 10)) == "Tuesday, 10 September 2019"


def test_time_range_reproduces_the_seed_format():
    assert when.time_range(conference(), session()) == "10.55 am – 12.35 pm"


def test_time_range_with_zone_names_standard_and_daylight_time():
    assert when.time_range_with_zone(conference(), session()) == "10.55 am – 12.35 pm AEST"
    summer = session(date=dt.date(2020, 1, 14))
    assert when.time_range_with_zone(conference(), summer) == "10.55 am – 12.35 pm AEDT"


def test_time_range_without_end_shows_start_only():
    assert when.time_range_with_zone(conference(), session(end=None)) == "10.55 am AEST"


def test_time_range_without_start_is_empty():
    assert when.time_range_with_zone(conference(), session(start=None, end=None)) == ""


def test_default_time_format_follows_the_language():
    german = conference(language="de-DE", time_format="short", date_format="EEEE, d. MMMM y",
                        zone=ZoneInfo("Europe/Berlin"))  # fmt: skip
    # The abbreviation comes from the IANA database, the same in every language.
    assert when.time_range_with_zone(german, session()) == "10:55 – 12:35 CEST"
    assert when.day(german, dt.date(2019, 9, 10)) == "Dienstag, 10. September 2019"
