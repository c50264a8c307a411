"""Dates and times in the data: on the calendar, in order, within the conference, on the clock.

An end may be given as `end` (24:00 for midnight) or as `duration`; a duration is
how a session runs past midnight (23:00 for 1:30 ends at 00:30 the next day).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import overload
from zoneinfo import ZoneInfo

from .load import Document
from .model import Conference
from .problems import Problems
from .reading import value_at


def read_date(document: Document, at: tuple, problems: Problems) -> dt.date | None:
    text = value_at(document.data, at)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        problems.error(document.position(at), f"{at[-1]} {text} is not a date on the calendar")
        return None


@overload
def read_time(text: str) -> dt.time: ...
@overload
def read_time(text: None) -> None: ...
def read_time(text: str | None) -> dt.time | None:
    if text is None:
        return None
    hours, minutes = text.split(":")  # the schema has checked the form
    return dt.time(int(hours), int(minutes))


@dataclass(frozen=True)
class Span:
    """The start and end a file gives (end from `end` or `duration`), checked."""

    start: dt.time | None = None
    end: dt.time | None = None
    ends_next_day: bool = False

    def starts_on(self, date: dt.date) -> dt.datetime | None:
        return dt.datetime.combine(date, self.start) if self.start else None

    def ends_on(self, date: dt.date) -> dt.datetime | None:
        if self.end is None:
            return None
        return dt.datetime.combine(date + dt.timedelta(days=1 if self.ends_next_day else 0), self.end)


def read_span(document: Document, problems: Problems) -> Span:
    """`start`, and `end` or `duration`: an end at or before the start is an error (a duration is the way past midnight)."""
    data = document.data
    start = read_time(data.get("start"))
    end_text, duration_text = data.get("end"), data.get("duration")
    if end_text is not None and duration_text is not None:
        problems.error(document.position(("duration",)), "end and duration are both given", "keep one of them")
        return Span(start)
    for key, text in (("end", end_text), ("duration", duration_text)):
        if text is not None and start is None:
            problems.error(document.position((key,)), f"{key} is given without start")
            return Span(start)
    if start is None:
        return Span()
    if duration_text is not None:
        minutes = _minutes(duration_text)
        if not 0 < minutes <= 24 * 60:
            length = "longer than a day" if minutes else "no time at all"
            problems.error(document.position(("duration",)), f"duration {duration_text} is {length}")
            return Span(start)
        ends = dt.datetime.combine(dt.date.min, start) + dt.timedelta(minutes=minutes)
        return Span(start, ends.time(), ends.date() > dt.date.min)
    if end_text is None:
        return Span(start)
    if end_text == "24:00":
        return Span(start, dt.time(0, 0), True)
    end = read_time(end_text)
    if end <= start:
        problems.error(
            document.position(("end",)),
            f"end {end:%H:%M} is not after start {start:%H:%M}",
            "for a session that runs past midnight, give its duration instead, e.g. duration: 1:30",
        )
        return Span(start)
    return Span(start, end)


def _minutes(text: str) -> int:
    """`1:30` or `90` (the schema has checked the form) as minutes."""
    if ":" in text:
        hours, minutes = text.split(":")
        return int(hours) * 60 + int(minutes)
    return int(text)


def check_session_times(
    document: Document,
    date: dt.date | None,
    span: Span,
    conference: Conference | None,
    problems: Problems,
) -> None:
    """A session's day within the conference, and its times on the venue's clocks."""
    if span.start is not None and "date" not in document.data:
        problems.warning(
            document.position(("start",)),
            "start is given without date: the session is listed as to be announced",
        )
    if conference is None or date is None:
        return
    first, last = conference.start_date, conference.end_date
    # The last night may run on past midnight, to the day's end (day_change).
    day = date - dt.timedelta(days=1) if span.start is not None and span.start < conference.day_change else date
    if (first and day < first) or (last and day > last):
        problems.error(
            document.position(("date",)),
            f"date {date} is outside the conference ({first or '…'} to {last or '…'})",
        )
    check_clock_times(document, date, span, conference.zone, problems)


def check_clock_times(document: Document, date: dt.date, span: Span, zone: ZoneInfo, problems: Problems) -> None:
    """Neither the start nor the end may be a time that daylight saving skips or repeats."""
    where_end = "duration" if "duration" in document.data else "end"
    for key, where, moment in (("start", "start", span.starts_on(date)), ("end", where_end, span.ends_on(date))):
        if moment is not None:
            _check_local_time(document, key, where, moment, zone, problems)


def _check_local_time(document: Document, key: str, where: str, local: dt.datetime, zone: ZoneInfo, problems: Problems) -> None:
    """A wall-clock time skipped or repeated by a daylight-saving change is no time at all."""
    early = local.replace(tzinfo=zone, fold=0)
    late = local.replace(tzinfo=zone, fold=1)
    if early.utcoffset() == late.utcoffset():
        return
    round_trip = early.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None)
    if round_trip != local:
        message = f"{key} {local:%H:%M} on {local:%Y-%m-%d} does not exist in {zone.key} (clocks go forward)"
    else:
        message = f"{key} {local:%H:%M} on {local:%Y-%m-%d} happens twice in {zone.key} (clocks go back)"
    problems.error(document.position((where,)), message)
