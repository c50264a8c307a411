"""The programme as Podium understands it: typed, cross-referenced, ready to render.

Everything here is built by `check.py` from checked data and never changed after;
every output (pages, calendars, schedule data) is a function of one `Programme`.
Organisers' text is kept exactly as written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Venue:
    name: str | None = None
    address: str | None = None
    city: str | None = None
    country: str | None = None

    def parts(self) -> list[str]:
        """The venue's lines in reading order, leaving out what is not given."""
        return [p for p in (self.name, self.address, self.city, self.country) if p]


@dataclass(frozen=True)
class Conference:
    name: str
    zone: ZoneInfo
    language: str  # BCP 47, e.g. en-AU
    date_format: str  # CLDR pattern
    time_format: str  # CLDR pattern, or "short" for the language's own
    short_name: str | None = None
    url: str | None = None  # the published site's address, ending in /
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    venue: Venue = field(default_factory=Venue)
    default_duration: int = 60  # minutes, for calendars and schedule data only

    @property
    def locale(self) -> str:
        """The language as Babel spells a locale (en_AU)."""
        return self.language.replace("-", "_")


@dataclass(frozen=True)
class Stream:
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sort_name: str
    affiliation: str | None = None
    bio: str | None = None
    url: str | None = None
    orcid: str | None = None


@dataclass(frozen=True)
class Appearance:
    """One person in one session, with the role and affiliation shown there."""

    person: Person
    role: str | None
    affiliation: str | None  # the session's override, else the person's own


@dataclass(frozen=True)
class Session:
    id: str
    title: str
    stream: Stream | None = None
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    room: str | None = None
    abstract: str | None = None
    people: tuple[Appearance, ...] = ()

    @property
    def is_timed(self) -> bool:
        """Has a date and a start time: what a calendar entry or a conference app needs."""
        return self.date is not None and self.start is not None

    def starts_at(self, zone: ZoneInfo) -> dt.datetime | None:
        if not self.is_timed:
            return None
        return dt.datetime.combine(self.date, self.start, tzinfo=zone)

    def ends_at(self, zone: ZoneInfo) -> dt.datetime | None:
        if self.date is None or self.end is None:
            return None
        return dt.datetime.combine(self.date, self.end, tzinfo=zone)

    def ends_at_or_default(self, conference: Conference) -> dt.datetime | None:
        """The end, or for calendars and apps the start plus the conference's default length."""
        starts_at = self.starts_at(conference.zone)
        if starts_at is None:
            return None
        ends_at = self.ends_at(conference.zone)
        if ends_at is not None:
            return ends_at
        # Wall-clock arithmetic in the zone, then normalised through UTC for the offset.
        later = starts_at.astimezone(dt.timezone.utc) + dt.timedelta(minutes=conference.default_duration)
        return later.astimezone(conference.zone)

    @property
    def slot(self) -> tuple | None:
        """Papers sharing a stream, date, start and end are presented in one slot."""
        if self.stream is None or self.date is None or self.start is None:
            return None
        return (self.stream.id, self.date, self.start, self.end)

    @property
    def sort_key(self) -> tuple:
        """Scheduled sessions by day and time first, then those still to be announced."""
        return (
            self.date is None,
            self.date or dt.date.min,
            self.start is None,
            self.start or dt.time.min,
            self.end or dt.time.max,
            self.title.casefold(),
            self.id,
        )


def any_timed(sessions: Iterable[Session]) -> bool:
    """Whether any of `sessions` can stand in a calendar (or a schedule for apps)."""
    return any(s.is_timed for s in sessions)


@dataclass(frozen=True)
class Programme:
    conference: Conference
    streams: tuple[Stream, ...]
    sessions: tuple[Session, ...]  # in programme order (Session.sort_key)
    people: tuple[Person, ...]  # in index order (sort name)

    def published_at(self, url: str) -> "Programme":
        """The same programme, published at `url` unless conference.yml names an address."""
        if self.conference.url:
            return self
        url = url if url.endswith("/") else url + "/"
        return replace(self, conference=replace(self.conference, url=url))

    def sessions_of_stream(self, stream: Stream) -> list[Session]:
        return self._by_stream.get(stream.id, [])

    def sessions_of_person(self, person: Person) -> list[Session]:
        return self._by_person.get(person.id, [])

    def slot_mates(self, session: Session) -> list[Session]:
        """The other sessions presented in the same stream slot."""
        if session.slot is None:
            return []
        return [s for s in self._by_slot[session.slot] if s.id != session.id]

    # Indexes built once on first use, so that pages for thousands of sessions
    # do not each scan the whole programme.
    @cached_property
    def _by_stream(self) -> dict[str, list[Session]]:
        index: dict[str, list[Session]] = {}
        for s in self.sessions:
            if s.stream:
                index.setdefault(s.stream.id, []).append(s)
        return index

    @cached_property
    def _by_person(self) -> dict[str, list[Session]]:
        index: dict[str, list[Session]] = {}
        for s in self.sessions:
            for person_id in dict.fromkeys(a.person.id for a in s.people):
                index.setdefault(person_id, []).append(s)
        return index

    @cached_property
    def _by_slot(self) -> dict[tuple, list[Session]]:
        index: dict[tuple, list[Session]] = {}
        for s in self.sessions:
            if s.slot:
                index.setdefault(s.slot, []).append(s)
        return index
