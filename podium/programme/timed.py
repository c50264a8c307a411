"""What a session and a paper share: when they are, as dates and times in the venue's zone.

Kept apart from model.py, which defines the sessions and papers that are Timed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Conference


class Untimed(ValueError):
    """A session or paper without a date and start where only timed ones can be."""


class Timed:
    """What a session and a paper share: a day, a start, an end that may fall on the next day."""

    date: dt.date | None
    start: dt.time | None
    end: dt.time | None
    ends_next_day: bool

    @property
    def is_timed(self) -> bool:
        """Has a date and a start time: what a calendar entry or a conference app needs."""
        return self.date is not None and self.start is not None

    def programme_day(self, day_change: dt.time) -> dt.date | None:
        """The day of the programme it belongs to: its date, or the day before when it
        starts after midnight and before the day's end (`day_change`), in the night."""
        if self.date is None:
            return None
        if self.start is not None and self.start < day_change:
            return self.date - dt.timedelta(days=1)
        return self.date

    def starts_at(self, zone: dt.tzinfo) -> dt.datetime | None:
        if self.date is None or self.start is None:
            return None
        return dt.datetime.combine(self.date, self.start, tzinfo=zone)

    def ends_at(self, zone: dt.tzinfo) -> dt.datetime | None:
        if self.date is None or self.end is None:
            return None
        day = self.date + dt.timedelta(days=1) if self.ends_next_day else self.date
        return dt.datetime.combine(day, self.end, tzinfo=zone)

    def ends_at_or_default(self, conference: Conference) -> dt.datetime | None:
        """The end, or for calendars and apps the start plus the conference's default length."""
        starts_at = self.starts_at(conference.zone)
        if starts_at is None:
            return None
        ends_at = self.ends_at(conference.zone)
        if ends_at is not None:
            return ends_at
        # Wall-clock arithmetic in the zone, then normalised through UTC for the offset.
        later = starts_at.astimezone(dt.UTC) + dt.timedelta(minutes=conference.default_duration)
        return later.astimezone(conference.zone)

    # For what is known to be timed (in calendars, exports, timetables, day lists): an
    # item without a date there is a mistake in Podium, not in the data.

    @property
    def day(self) -> dt.date:
        if self.date is None:
            raise Untimed(f"{self!r} has no date")
        return self.date

    def start_moment(self, zone: dt.tzinfo) -> dt.datetime:
        starts = self.starts_at(zone)
        if starts is None:
            raise Untimed(f"{self!r} has no date and start")
        return starts

    def end_moment(self, conference: Conference) -> dt.datetime:
        """The end, or the start plus the conference's default length."""
        ends = self.ends_at_or_default(conference)
        if ends is None:
            raise Untimed(f"{self!r} has no date and start")
        return ends

    @property
    def end_key(self) -> tuple:
        """The end for sorting: after every same-day end when on the next day, last when unknown."""
        return (self.end is None, self.ends_next_day, self.end or dt.time.max)


def programme_days(items: Iterable[Timed], day_change: dt.time) -> list[dt.date]:
    """The days of the programme the dated `items` belong to, in order."""
    return sorted({day for item in items if (day := item.programme_day(day_change)) is not None})
