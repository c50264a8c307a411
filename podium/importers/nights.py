"""Where a source's days end after midnight, from how it lists its events.

A congress's schedule lists a night's events under the day before their date, and its
days end at 06:00 the next morning, without naming a day_change. c3voc.py reads both
JSON and frab XML days through this.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo


class Nights:
    """Where a source's days end after midnight: a congress lists its night's events
    under the day before their date, and its days end at 06:00 the next morning. Those
    events make the conference's day_change, so they stay at the end of their night."""

    # Later than this, a day's last events are a next morning's, not a night's.
    LATEST = dt.time(12, 0)

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.night_starts: list[dt.time] = []  # events listed under a day before their own date
        self.day_ends: list[dt.time] = []  # days that end on the next date, at this time

    def day(self, day: dict) -> None:
        date, end = date_of(day.get("date")), aware(day.get("day_end") or day.get("end"))
        if date and end and end.astimezone(self.zone).date() == date + dt.timedelta(days=1):
            self.day_ends.append(end.astimezone(self.zone).time())

    def event(self, day: dict, starts: dt.datetime) -> None:
        date = date_of(day.get("date"))
        local = starts.astimezone(self.zone) if starts.tzinfo else starts
        if date and local.date() == date + dt.timedelta(days=1):
            self.night_starts.append(local.time())

    def day_change(self) -> str | None:
        """The day's end the source gives, or the hour after its night's last start."""
        if not self.night_starts or max(self.night_starts) >= self.LATEST:
            return None
        latest = max(self.night_starts)
        ends = [end for end in self.day_ends if latest < end <= self.LATEST]
        change = max(ends) if ends else dt.time(latest.hour + 1)
        return f"{change:%H:%M}"


def date_of(text) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if isinstance(text, str) else None
    except ValueError:
        return None


def aware(text) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if isinstance(text, str) else None
    except ValueError:
        return None
    return moment if moment is not None and moment.tzinfo is not None else None
