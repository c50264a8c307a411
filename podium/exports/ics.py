"""iCalendar (RFC 5545) files, built with the `icalendar` library.

One calendar per session and per paper (their "Add to calendar" links), per stream,
per person, and one for the whole programme. A session is one event, listing its
papers; a paper has an event of its own in its own calendar and, when it has its own
time, in its presenters' calendars. Breaks have none. Every event's UID is derived
from the conference and session (or paper) ids, so a calendar that imported it once
recognises it again after a rebuild;
DTSTAMP is the build's one timestamp (SOURCE_DATE_EPOCH), so the same data gives the
same bytes. Sessions without a date or start time are left out: a calendar entry
needs a time. A session without an end lasts the conference's `default_duration`.
"""

from __future__ import annotations

import datetime as dt
import functools

from icalendar import Calendar, Event, Timezone

from ..programme.model import Paper, Programme, Session
from ..text import markup
from ..translations import _
from . import folding
from .ids import conference_key
from .memo import Memo, make_now

PRODUCT_ID = "-//Podium//Conference programme//EN"
_STAND_IN_NAME = "Podium stand-in calendar name"
_LINE_MAKER = Calendar()  # content_line() serialises a property; it reads nothing of the calendar

folding.install()


def session_uid(programme: Programme, session: Session) -> str:
    return f"session-{session.id}@{conference_key(programme.conference)}.podium"


def paper_uid(programme: Programme, paper: Paper) -> str:
    return f"paper-{paper.id}@{conference_key(programme.conference)}.podium"


class CalendarWriter:
    """Writes the calendars of one programme, serialising each event only once.

    A session stands in its own calendar, its stream's, each of its people's and the
    programme's. `icalendar` builds every component; this class keeps each event's
    and each time-zone definition's serialised lines and places them between the
    calendar's BEGIN and END lines, so that thousands of calendars cost little more
    than their events.
    """

    def __init__(self, programme: Programme, stamp: dt.datetime, urls: dict[str, str], memo: Memo = make_now) -> None:
        """`urls` maps "session <id>" and "paper <id>" to their published page addresses, when known.

        Each event is made through `memo`, named with what it is made from: the caller
        may keep serialised events from one generation to the next (`serve` does).
        """
        self.programme = programme
        self.stamp = stamp
        self.urls = urls
        self.memo = memo
        self._events: dict[str, bytes] = {}
        self._zones: dict[tuple[int, int], bytes] = {}

    def calendar(self, name: str, items: list[Session | Paper]) -> bytes:
        """A calendar of `items` (those that have a time) named `name`."""
        timed = [item for item in items if item.is_timed]
        opening, closing = self.frame(name, timed)
        return opening + b"".join(self._event(s) for s in timed) + closing

    def frame(self, name: str, items: list[Session | Paper]) -> tuple[bytes, bytes]:
        """A calendar's lines before its events (with the zone's rules for the years of
        `items`) and after them: My programme puts a visitor's events between them."""
        years = [item.date.year for item in items if item.date is not None and item.start is not None]
        zone = self._zone(min(years), max(years)) if years else b""
        before_name, after_name, closing = self._head
        return before_name + self._name_line(name) + after_name + zone, closing

    @functools.cached_property
    def _head(self) -> tuple[bytes, bytes, bytes]:
        """The calendar's own lines before its name, after it, and its END line.

        Only the name differs from one calendar to the next: the lines around it are
        made by `icalendar` once, with a stand-in name that is then cut out.
        """
        head = Calendar()
        head.add("prodid", PRODUCT_ID)
        head.add("version", "2.0")
        head.add("calscale", "GREGORIAN")
        head.add("method", "PUBLISH")
        head.add("x-wr-calname", _STAND_IN_NAME)
        head.add("x-wr-timezone", self.programme.conference.zone.key)
        opening, closing, _ = head.to_ical().rpartition(b"END:VCALENDAR\r\n")
        before_name, name_line, after_name = opening.partition(self._name_line(_STAND_IN_NAME))
        assert name_line, "icalendar wrote the calendar's name as a line of its own"
        return before_name, after_name, closing

    @staticmethod
    def _name_line(name: str) -> bytes:
        """X-WR-CALNAME as `Calendar.add` and `to_ical` write it: escaped and folded."""
        value = Calendar._encode("X-WR-CALNAME", name)
        return _LINE_MAKER.content_line("X-WR-CALNAME", value).to_ical() + b"\r\n"

    def _event(self, item: Session | Paper) -> bytes:
        key = f"{'paper' if isinstance(item, Paper) else 'session'} {item.id}"
        if key not in self._events:
            url = self.urls.get(key)
            session = self.programme.session_of(item) if isinstance(item, Paper) else None
            inputs = (self.programme.conference, item, session, self.stamp, url)
            make = lambda: _event(self.programme, item, self.stamp, url).to_ical()
            self._events[key] = self.memo(f"event {key}", inputs, make)
        return self._events[key]

    def _zone(self, first_year: int, last_year: int) -> bytes:
        """The zone's rules for the years of the events only, not 1970 to 2038."""
        key = (first_year, last_year)
        if key not in self._zones:
            zone = Timezone.from_tzid(
                self.programme.conference.zone.key,
                first_date=dt.date(first_year, 1, 1),
                last_date=dt.date(last_year + 1, 1, 1),
            )
            self._zones[key] = zone.to_ical()
        return self._zones[key]


def _event(programme: Programme, item: Session | Paper, stamp: dt.datetime, url: str | None) -> Event:
    conference = programme.conference
    event = Event()
    event.add("uid", paper_uid(programme, item) if isinstance(item, Paper) else session_uid(programme, item))
    event.add("dtstamp", stamp)
    event.add("dtstart", item.start_moment(conference.zone))
    event.add("dtend", item.end_moment(conference))
    # The title in its own language where it is not the site's (RFC 5545's LANGUAGE).
    event.add("summary", item.title, parameters={"LANGUAGE": item.language} if item.language else {})
    text = paper_description(programme, item, url) if isinstance(item, Paper) else description(item, url)
    if item.cancelled:  # said first, for the apps that show no status
        text = _("Cancelled.") + "\n\n" + text
    event.add("description", text)
    location = ", ".join(([item.room] if item.room else []) + conference.venue.parts())
    if location:
        event.add("location", location)
    if url:
        event.add("url", url)
    if item.stream is not None:
        event.add("categories", [item.stream.name])
    # Calendar apps that imported the entry mark it or take it out; its UID stays.
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    # Each publication that changed its time, room, title or status: apps take the newer entry.
    sequence = programme.history.sequence("paper" if isinstance(item, Paper) else "session", item.id)
    if sequence:
        event.add("sequence", sequence)
    return event


def description(session: Session, url: str | None) -> str:
    """Plain text for a calendar entry: abstract, people, papers, the page's address."""
    parts = []
    if session.end is None:
        parts.append(_("End time to be announced."))
    parts += [markup.plain(text) for text in (session.abstract, session.description) if text]
    people = [_person_line(a) for a in session.people]
    if people:
        parts.append("\n".join(people))
    if session.papers:
        parts.append(_("Papers:") + "\n" + "\n".join(_paper_line(paper) for paper in session.papers))
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def paper_description(programme: Programme, paper: Paper, url: str | None) -> str:
    """Plain text for a paper's entry: its session, abstract, authors, the page's address."""
    parts = []
    session = programme.session_of(paper)
    if session is not None:
        parts.append(
            _(
                "In %(session)s, paper %(position)s of %(count)s.",
                session=session.title,
                position=paper.position,
                count=len(session.papers),
            )
        )
    if paper.end is None:
        parts.append(_("End time to be announced."))
    parts += [markup.plain(text) for text in (paper.abstract, paper.description) if text]
    if paper.people:
        parts.append("\n".join(_person_line(a) for a in paper.people))
    if url:
        parts.append(url)
    return "\n\n".join(parts)


def _paper_line(paper: Paper) -> str:
    authors = ", ".join(a.person.name for a in paper.people)
    line = f"{paper.position}. {paper.title}" + (f" ({authors})" if authors else "")
    return line + " " + _("(cancelled)") if paper.cancelled else line


def _person_line(appearance) -> str:
    line = appearance.person.name
    notes = [appearance.role] if appearance.role else []
    if not appearance.presenting:
        notes.append(_("not presenting"))
    if notes:
        line += f" ({', '.join(notes)})"
    if appearance.affiliation:
        line += f", {appearance.affiliation}"
    return line
