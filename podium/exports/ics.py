"""iCalendar (RFC 5545) files, built with the `icalendar` library.

One calendar per session for its "Add to calendar" link. Every event's UID is derived
from the conference and session ids, so a calendar that imported it once recognises it
again after a rebuild; DTSTAMP is the build's one timestamp (SOURCE_DATE_EPOCH), so the
same data gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re

from icalendar import Calendar, Event

from .. import markup
from ..model import Conference, Programme, Session

PRODUCT_ID = "-//Podium//Conference programme//EN"


def conference_key(conference: Conference) -> str:
    """A stable slug of the conference, the domain part of every UID."""
    name = conference.short_name or conference.name
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "conference"


def session_uid(conference: Conference, session: Session) -> str:
    return f"session-{session.id}@{conference_key(conference)}.podium"


def is_in_calendars(session: Session) -> bool:
    """Only sessions with a date and a start time can stand in a calendar."""
    return session.date is not None and session.start is not None


def session_calendar(programme: Programme, session: Session, stamp: dt.datetime, url: str | None) -> bytes:
    """The .ics file of one session."""
    calendar = _calendar(f"{session.title} ({programme.conference.short_name or programme.conference.name})")
    calendar.add_component(_event(programme, session, stamp, url))
    _add_zone(calendar, [session])
    return calendar.to_ical()


def _add_zone(calendar: Calendar, sessions: list[Session]) -> None:
    """The VTIMEZONE of the conference, covering the years of the events only."""
    years = [s.date.year for s in sessions if s.date is not None]
    calendar.add_missing_timezones(
        first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)
    )


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _event(programme: Programme, session: Session, stamp: dt.datetime, url: str | None) -> Event:
    conference = programme.conference
    event = Event()
    event.add("uid", session_uid(conference, session))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at(conference.zone))
    ends_at = session.ends_at(conference.zone)
    if ends_at is not None:
        event.add("dtend", ends_at)
    event.add("summary", session.title)
    event.add("description", _description(session, url))
    location = ", ".join(([session.room] if session.room else []) + conference.venue.parts())
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    if session.stream is not None:
        event.add("categories", [session.stream.name])
    event.add("status", "CONFIRMED")
    return event


def _description(session: Session, url: str | None) -> str:
    parts = []
    if session.abstract:
        parts.append(markup.plain(session.abstract))
    for appearance in session.people:
        line = appearance.person.name
        if appearance.role:
            line += f" ({appearance.role})"
        if appearance.affiliation:
            line += f", {appearance.affiliation}"
        parts.append(line)
    if url:
        parts.append(url)
    return "\n\n".join(parts)
