"""iCalendar (RFC 5545) files, built with the `icalendar` library.

One calendar per session (its "Add to calendar" link), per stream, per person, and
one for the whole programme. Every event's UID is derived from the conference and
session ids, so a calendar that imported it once recognises it again after a rebuild;
DTSTAMP is the build's one timestamp (SOURCE_DATE_EPOCH), so the same data gives the
same bytes. Sessions without a date or start time are left out: a calendar entry
needs a time. A session without an end lasts the conference's `default_duration`.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event

from .. import markup
from ..model import Programme, Session
from .ids import conference_key

PRODUCT_ID = "-//Podium//Conference programme//EN"


def session_uid(programme: Programme, session: Session) -> str:
    return f"session-{session.id}@{conference_key(programme.conference)}.podium"


def is_in_calendars(session: Session) -> bool:
    """Only sessions with a date and a start time can stand in a calendar."""
    return session.date is not None and session.start is not None


def has_timed(sessions: list[Session]) -> bool:
    return any(is_in_calendars(s) for s in sessions)


def calendar(
    programme: Programme,
    name: str,
    sessions: list[Session],
    stamp: dt.datetime,
    urls: dict[str, str],
) -> bytes:
    """A calendar of `sessions` (those that have a time) named `name`.

    `urls` maps session ids to their published page addresses, when known.
    """
    result = Calendar()
    result.add("prodid", PRODUCT_ID)
    result.add("version", "2.0")
    result.add("calscale", "GREGORIAN")
    result.add("method", "PUBLISH")
    result.add("x-wr-calname", name)
    result.add("x-wr-timezone", programme.conference.zone.key)
    timed = [s for s in sessions if is_in_calendars(s)]
    for session in timed:
        result.add_component(_event(programme, session, stamp, urls.get(session.id)))
    if timed:
        years = [s.date.year for s in timed]
        # The zone's rules for the years of the events only, not 1970 to 2038.
        result.add_missing_timezones(first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1))
    return result.to_ical()


def _event(programme: Programme, session: Session, stamp: dt.datetime, url: str | None) -> Event:
    conference = programme.conference
    event = Event()
    event.add("uid", session_uid(programme, session))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at(conference.zone))
    event.add("dtend", session.ends_at_or_default(conference))
    event.add("summary", session.title)
    event.add("description", description(session, url))
    location = ", ".join(([session.room] if session.room else []) + conference.venue.parts())
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    if session.stream is not None:
        event.add("categories", [session.stream.name])
    event.add("status", "CONFIRMED")
    return event


def description(session: Session, url: str | None) -> str:
    """Plain text for a calendar entry: abstract, people, the page's address."""
    parts = []
    if session.end is None:
        parts.append("End time to be announced.")
    if session.abstract:
        parts.append(markup.plain(session.abstract))
    people = [_person_line(a) for a in session.people]
    if people:
        parts.append("\n".join(people))
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def _person_line(appearance) -> str:
    line = appearance.person.name
    if appearance.role:
        line += f" ({appearance.role})"
    if appearance.affiliation:
        line += f", {appearance.affiliation}"
    return line
