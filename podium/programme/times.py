"""Dates and times in the data: on the calendar, in order, within the conference, on the clock."""

from __future__ import annotations

import datetime as dt
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


def read_time(text: str | None) -> dt.time | None:
    if text is None:
        return None
    hours, minutes = text.split(":")  # the schema has checked the form
    return dt.time(int(hours), int(minutes))


def check_times(
    document: Document,
    date: dt.date | None,
    start: dt.time | None,
    end: dt.time | None,
    conference: Conference | None,
    problems: Problems,
) -> None:
    if end is not None and start is None:
        problems.error(document.position(("end",)), "end is given without start")
    if start is not None and end is not None and end <= start:
        problems.error(
            document.position(("end",)),
            f"end {end:%H:%M} is not after start {start:%H:%M}",
        )
    if start is not None and "date" not in document.data:
        problems.warning(
            document.position(("start",)),
            "start is given without date: the session is listed as to be announced",
        )
    if conference is None or date is None:
        return
    first, last = conference.start_date, conference.end_date
    if (first and date < first) or (last and date > last):
        problems.error(
            document.position(("date",)),
            f"date {date} is outside the conference ({first or '…'} to {last or '…'})",
        )
    for key, time in (("start", start), ("end", end)):
        if time is not None:
            _check_local_time(document, key, dt.datetime.combine(date, time), conference.zone, problems)


def _check_local_time(document: Document, key: str, local: dt.datetime, zone: ZoneInfo, problems: Problems) -> None:
    """A wall-clock time skipped or repeated by a daylight-saving change is no time at all."""
    early = local.replace(tzinfo=zone, fold=0)
    late = local.replace(tzinfo=zone, fold=1)
    if early.utcoffset() == late.utcoffset():
        return
    round_trip = early.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
    if round_trip != local:
        message = f"{key} {local:%H:%M} on {local:%Y-%m-%d} does not exist in {zone.key} (clocks go forward)"
    else:
        message = f"{key} {local:%H:%M} on {local:%Y-%m-%d} happens twice in {zone.key} (clocks go back)"
    problems.error(document.position((key,)), message)
