"""The programme as Podium understands it: typed, cross-referenced, ready to render.

Everything here is built by `check.py` from checked data and never changed after;
every output (pages, calendars, schedule data) is a function of one `Programme`.
Organisers' text is kept exactly as written.

A session is what happens in one place at one time: a talk, a session of papers, a
panel, a keynote, a break. A session of papers holds its `Paper`s in the order they
are presented; each paper knows its session's id, stream, room and times (its own
times when it has them), so that its page and calendar entry need nothing else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from zoneinfo import ZoneInfo

from .changes import History
from .timed import Timed

KINDS = (
    "talk", "paper-session", "panel", "symposium", "roundtable", "workshop", "posters",
    "keynote", "plenary", "break", "social", "other",
)  # fmt: skip
# Without a stream, these are for everyone: in every stream and across every room.
FOR_EVERYONE_KINDS = frozenset({"keynote", "plenary", "break", "social"})
LINK_KINDS = ("slides", "paper", "video", "livestream", "code", "website", "other")


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
    date_format: str  # CLDR pattern, or "full" for the language's own long date
    time_format: str  # CLDR pattern, or "short" for the language's own
    short_name: str | None = None
    url: str | None = None  # the published site's address, ending in /
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    venue: Venue = field(default_factory=Venue)
    default_duration: int = 60  # minutes, for calendars and schedule data only
    day_change: dt.time = dt.time(0)  # when a day of the programme ends: a congress's nights run on to 06:00

    @property
    def locale(self) -> str:
        """The language as Babel spells a locale (en_AU)."""
        return self.language.replace("-", "_")


@dataclass(frozen=True)
class Stream:
    id: str
    name: str
    description: str | None = None
    colour: str | None = None  # "#rrggbb", checked for contrast (streams.py)


@dataclass(frozen=True)
class Room:
    """A room of the venue: from rooms.yml, or named by sessions only (then just its name)."""

    id: str
    name: str
    description: str | None = None
    capacity: int | None = None
    accessibility: str | None = None


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    sort_name: str
    affiliation: str | None = None
    bio: str | None = None
    url: str | None = None
    orcid: str | None = None
    source_id: str | None = None


@dataclass(frozen=True)
class Appearance:
    """One person in one session or paper, with the role and affiliation shown there."""

    person: Person
    role: str | None
    affiliation: str | None  # the file's override, else the person's own
    presenting: bool = True  # False: a co-author who is not there


@dataclass(frozen=True)
class Link:
    url: str
    kind: str = "other"  # one of LINK_KINDS
    label: str | None = None


@dataclass(frozen=True)
class Paper(Timed):
    id: str
    title: str
    session_id: str | None = None  # None: listed by no session yet
    position: int = 0  # from 1 in its session
    stream: Stream | None = None  # its session's
    room: str | None = None  # its session's
    own_time: bool = False  # the times below are the paper's own, not its session's
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    ends_next_day: bool = False
    subtitle: str | None = None
    abstract: str | None = None
    description: str | None = None  # a longer text, where the source keeps it apart
    people: tuple[Appearance, ...] = ()  # authors, in order
    board: str | None = None
    doi: str | None = None
    language: str | None = None
    links: tuple[Link, ...] = ()
    source_id: str | None = None
    recording: bool = True  # False: its presenters opted out of being recorded or streamed
    cancelled: bool = False  # status: cancelled (a paper also when its session is)
    code: str | None = None  # the programme's own code (MOP23), shown beside the title

    @property
    def presenters(self) -> tuple[Appearance, ...]:
        """The authors who are there."""
        return tuple(a for a in self.people if a.presenting)


@dataclass(frozen=True)
class Session(Timed):
    id: str
    title: str
    kind: str = "talk"
    stream: Stream | None = None
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    ends_next_day: bool = False
    room: str | None = None
    abstract: str | None = None
    description: str | None = None  # a longer text, where the source keeps it apart
    people: tuple[Appearance, ...] = ()  # the session's own roles, in order
    papers: tuple[Paper, ...] = ()  # in the order they are presented
    subtitle: str | None = None
    language: str | None = None
    links: tuple[Link, ...] = ()
    guid: str | None = None
    source_id: str | None = None
    recording: bool = True  # False: its presenters opted out of being recorded or streamed
    cancelled: bool = False  # status: cancelled (a paper also when its session is)
    shares_room_with: tuple[str, ...] = ()  # sessions it overlaps in its room by the source's word
    code: str | None = None  # the programme's own code (TU-A3), shown beside the title

    @property
    def is_for_everyone(self) -> bool:
        """A keynote, plenary, break or social without a stream: in every stream, across all rooms."""
        return self.stream is None and self.kind in FOR_EVERYONE_KINDS

    @property
    def is_break(self) -> bool:
        """A break is shown in the programme only: no page, no calendar entry, no app event."""
        return self.kind == "break"

    @property
    def has_page(self) -> bool:
        return not self.is_break

    @property
    def in_calendars(self) -> bool:
        return self.is_timed and not self.is_break

    @property
    def slot(self) -> tuple | None:
        """Talks sharing a stream, date, start, end and room: how papers were grouped before sessions held them.

        Talks of one stream at one time in different rooms are parallel (a main track in
        two halls), not one slot."""
        if self.papers or self.stream is None or self.date is None or self.start is None:
            return None
        return (self.stream.id, self.date, self.start, self.end, self.ends_next_day, self.room)


def in_calendars(sessions: Iterable[Session]) -> list[Session]:
    """The sessions that have calendar entries: timed, and not breaks."""
    return [s for s in sessions if s.in_calendars]


@dataclass(frozen=True)
class Roles:
    """What one person does at the conference, for their page and calendar."""

    papers: tuple[Paper, ...] = ()  # that they author, in programme order
    sessions: tuple[tuple[Session, Appearance], ...] = ()  # where they have a role, in programme order

    def __bool__(self) -> bool:
        return bool(self.papers or self.sessions)


@dataclass(frozen=True)
class Programme:
    conference: Conference
    streams: tuple[Stream, ...]
    sessions: tuple[Session, ...]  # in programme order: by day and time, then stream, room, title
    people: tuple[Person, ...]  # in index order (sort name)
    papers: tuple[Paper, ...] = ()  # in programme order, then those in no session by title
    rooms: tuple[Room, ...] = ()  # rooms.yml's order, or the order sessions first use them in
    history: History = field(default_factory=History)  # its publications and what each changed, where git has them (history/)

    def room_named(self, name: str | None) -> Room | None:
        return self._rooms_by_name.get(name) if name else None

    def sessions_in_room(self, room: Room) -> list[Session]:
        """The room's sessions, in programme order."""
        return self._by_room.get(room.name, [])

    def published_at(self, url: str) -> Programme:
        """The same programme, published at `url` unless conference.yml names an address."""
        if self.conference.url:
            return self
        url = url if url.endswith("/") else url + "/"
        return replace(self, conference=replace(self.conference, url=url))

    def sessions_of_stream(self, stream: Stream) -> list[Session]:
        """The stream's sessions and those for everyone, in programme order."""
        return self._by_stream.get(stream.id, [])

    def papers_of_stream(self, stream: Stream) -> list[Paper]:
        """The stream's papers in sessions of another stream (a poster session that mixes
        streams), in programme order: its sessions hold the others."""
        return [
            paper for paper in self.papers
            if paper.stream is not None and paper.stream.id == stream.id
            and (session := self.session_of(paper)) is not None and (session.stream is None or session.stream.id != stream.id)
        ]  # fmt: skip

    def roles_of(self, person: Person) -> Roles:
        return self._roles.get(person.id, Roles())

    def sessions_of_person(self, person: Person) -> list[Session]:
        """Every session a person has a role in, or presents a paper in, in programme order."""
        return self._sessions_of_person.get(person.id, [])

    def calendar_items_of(self, person: Person) -> list[Session | Paper]:
        """A person's calendar: the sessions they have a role in or present in, but a paper
        with its own time instead of its session; breaks and what has no time left out."""
        return self._calendar_items.get(person.id, [])

    def session_of(self, paper: Paper) -> Session | None:
        return self._sessions_by_id.get(paper.session_id) if paper.session_id else None

    def session_holding(self, paper: Paper) -> Session:
        """The session of a paper of the programme: every one has its session."""
        session = self.session_of(paper)
        if session is None:
            raise LookupError(f"paper {paper.id} is in no session of the programme")
        return session

    def paper_neighbours(self, paper: Paper) -> tuple[Paper | None, Paper | None]:
        """The papers before and after `paper` in its session."""
        session = self.session_of(paper)
        if session is None:
            return None, None
        index = paper.position - 1
        before = session.papers[index - 1] if index > 0 else None
        after = session.papers[index + 1] if index + 1 < len(session.papers) else None
        return before, after

    # Indexes built once on first use, so that pages for thousands of sessions
    # do not each scan the whole programme.
    @cached_property
    def _sessions_by_id(self) -> dict[str, Session]:
        return {s.id: s for s in self.sessions}

    @cached_property
    def _rooms_by_name(self) -> dict[str, Room]:
        return {room.name: room for room in self.rooms}

    @cached_property
    def _by_room(self) -> dict[str, list[Session]]:
        index: dict[str, list[Session]] = {}
        for s in self.sessions:
            if s.room:
                index.setdefault(s.room, []).append(s)
        return index

    @cached_property
    def _by_stream(self) -> dict[str, list[Session]]:
        index: dict[str, list[Session]] = {stream.id: [] for stream in self.streams}
        for s in self.sessions:
            for stream_id in [s.stream.id] if s.stream else (index if s.is_for_everyone else []):
                index[stream_id].append(s)
        return index

    @cached_property
    def _roles(self) -> dict[str, Roles]:
        papers: dict[str, list[Paper]] = {}
        sessions: dict[str, list[tuple[Session, Appearance]]] = {}
        for paper in self.papers:
            for person_id in dict.fromkeys(a.person.id for a in paper.people):
                papers.setdefault(person_id, []).append(paper)
        for s in self.sessions:
            for appearance in s.people:
                sessions.setdefault(appearance.person.id, []).append((s, appearance))
        return {
            person_id: Roles(tuple(papers.get(person_id, ())), tuple(sessions.get(person_id, ())))
            for person_id in dict.fromkeys([*papers, *sessions])
        }

    @cached_property
    def _calendar_items(self) -> dict[str, list[Session | Paper]]:
        index: dict[str, list[Session | Paper]] = {}
        for s in self.sessions:
            if not s.in_calendars:
                continue
            whole = {a.person.id for a in s.people}
            whole |= {a.person.id for p in s.papers if not p.own_time for a in p.presenters}
            for person_id in sorted(whole):
                index.setdefault(person_id, []).append(s)
            for paper in s.papers:
                if paper.own_time:
                    for person_id in dict.fromkeys(a.person.id for a in paper.presenters):
                        if person_id not in whole:
                            index.setdefault(person_id, []).append(paper)
        return index

    @cached_property
    def _sessions_of_person(self) -> dict[str, list[Session]]:
        index: dict[str, list[Session]] = {}
        for s in self.sessions:
            present = [a.person.id for a in s.people] + [a.person.id for p in s.papers for a in p.presenters]
            for person_id in dict.fromkeys(present):
                index.setdefault(person_id, []).append(s)
        return index
