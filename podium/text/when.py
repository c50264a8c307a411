"""Dates and times as the conference shows them: its language, its patterns, its zone.

Times are always the conference's own wall-clock times, with the zone's abbreviation
for that date (AEST in September, AEDT in summer), because attendees travel to the
venue and need the times on the venue's clocks.
"""

from __future__ import annotations

import datetime as dt
import functools

from babel.core import get_global
from babel.dates import format_date, format_skeleton, format_time

from ..programme.model import Conference, Timed
from ..translations import N_, _

# Between the start and end of a time range: an en dash between spaces, as printed
# on the original ASPC site ("10.55 am – 12.35 pm").
RANGE_SEPARATOR = " – "
# After a range that ends on the next day (a session past midnight).
NEXT_DAY = N_("(next day)")


def day(conference: Conference, date: dt.date) -> str:
    """`Tuesday, 10 September 2019` with the seed's pattern."""
    return _date(date, conference.date_format, conference.locale)


def short_day(conference: Conference, date: dt.date) -> str:
    """`Tue 10 Sept`: the day in a few letters, as the language writes it (CLDR's MMMEd)."""
    return _short_date(date, conference.locale)


def clock(conference: Conference, time: dt.time) -> str:
    """`10.55 am` with the seed's pattern."""
    return _time(time, conference.time_format, conference.locale)


# A programme has a few days and a few dozen start and end times, each printed on
# many pages; Babel takes about 0.1 ms to format one.
@functools.lru_cache(maxsize=4096)
def _date(date: dt.date, pattern: str, locale: str) -> str:
    return format_date(date, pattern, locale=locale)  # "full" is the language's own pattern


@functools.lru_cache(maxsize=256)
def _short_date(date: dt.date, locale: str) -> str:
    return format_skeleton("MMMEd", date, locale=locale)


@functools.lru_cache(maxsize=4096)
def _time(time: dt.time, pattern: str, locale: str) -> str:
    return format_time(time, pattern, locale=locale)


def zone_abbreviation(conference: Conference, moment: dt.datetime) -> str:
    """The zone's abbreviation in force at `moment`, from the IANA database (AEST)."""
    return moment.astimezone(conference.zone).tzname() or conference.zone.key


def time_range(conference: Conference, timed: Timed, with_zone: bool = False) -> str:
    """`10.55 am – 12.35 pm` (or just `10.55 am` without an end); '' when not scheduled.

    With `with_zone`, the zone's abbreviation follows the times (`10.55 am – 12.35 pm
    AEST`); without a date the zone is unknown, so it is left off. An end on the next
    day is marked: `11.00 pm – 12.30 am (next day)`.
    """
    if timed.start is None:
        return ""
    text = clock(conference, timed.start)
    if timed.end is not None:
        text += RANGE_SEPARATOR + clock(conference, timed.end)
    starts_at = timed.starts_at(conference.zone)
    if with_zone and starts_at is not None:
        text += " " + zone_abbreviation(conference, starts_at)
    if timed.end is not None and timed.ends_next_day:
        text += " " + _(NEXT_DAY)
    return text


def time_range_with_zone(conference: Conference, timed: Timed) -> str:
    """`10.55 am – 12.35 pm AEST`; without a date the zone is unknown, so it is left off."""
    return time_range(conference, timed, with_zone=True)


def zone_name(key: str) -> str:
    """The time zone's current name where `key` is an old one that only links to it
    (US/Eastern → America/New_York, Europe/Kiev → Europe/Kyiv), as CLDR records them:
    apps and the c3voc schema know the current names."""
    if key == "UTC":
        return key  # CLDR says Etc/UTC; UTC is the name everyone writes, and the schema's own example
    return get_global("zone_aliases").get(key, key)
