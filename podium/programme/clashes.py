"""Sessions that collide: two in one room at once, a person in two places at once.

Times are compared as wall-clock moments (a session past midnight ends the next
day); a session without an end is taken to occupy its start minute.

Programmes written before sessions held papers gave each paper a session file of its
own, grouped by sharing stream, date, start and end. Such a group is not a clash:
it gets one warning that names its files and the session file that would hold them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .load import Document
from .model import Session
from .problems import Problems


@dataclass(frozen=True)
class _Presence:
    """Someone (or a room) taken from `starts` to `ends` by a session, or a paper of it."""

    starts: dt.datetime
    ends: dt.datetime
    session: Session
    document: Document
    at: tuple  # where in the file the person or room is named
    what: str  # "this session", "paper x"

    def text(self) -> str:
        return _span(self.starts, self.ends)


def check_room_clashes(sessions: list[Session], documents: dict[str, Document], problems: Problems) -> None:
    """Two sessions in one room at once is an error (talks of one old-style slot aside); a
    warning where one of them says it shares the room with the other (`shares_room_with`,
    which the importers write where the source published such a clash)."""
    by_room: dict[str, list[_Presence]] = {}
    for session in sessions:
        if session.room and session.is_timed and not session.cancelled:  # a cancelled one frees its room
            by_room.setdefault(session.room, []).append(_presence(session, documents[session.id], ("room",)))
    for room, in_room in by_room.items():
        for first, second in _overlapping(in_room):
            sayer = next((p for p, o in ((first, second), (second, first)) if o.session.id in p.session.shares_room_with), None)
            if sayer is not None:
                problems.warning(
                    second.document.position(second.at),
                    f"room '{room}' is shared at {second.text()} on {second.starts.date()} with"
                    f" {first.document.path} ({first.text()}), as {sayer.document.path} says (shares_room_with)",
                    "the source published them so; remove shares_room_with there to make it an error",
                )
                continue
            everyone = [p.session for p in (first, second) if p.session.is_for_everyone]
            hint = (
                f"{everyone[0].title} is for everyone: no other session can be in its room meanwhile"
                if everyone
                else "give one of them another room or time"
            )
            problems.error(
                second.document.position(second.at),
                f"room '{room}' is taken at {second.text()} on {second.starts.date()} by {first.document.path} ({first.text()})",
                hint,
            )


def check_shared_rooms_named(sessions: list[Session], documents: dict[str, Document], problems: Problems) -> None:
    """Each id a session's `shares_room_with` names is a session's."""
    known = {session.id for session in sessions}
    for session in sessions:
        for i, other in enumerate(session.shares_room_with):
            if other not in known and not problems.is_at_fault("sessions", other):
                problems.error(
                    documents[session.id].position(("shares_room_with", i)),
                    f"unknown session '{other}'",
                    "shares_room_with names the files of other sessions, without .yml",
                )


def check_people_in_two_places(sessions: list[Session], documents: dict[str, Document], problems: Problems) -> None:
    """A person in two sessions at once is probably a mistake, but may be a stand-in.

    Only those who are there count: a session's roles and its papers' presenting
    authors, at the paper's own time when it has one.
    """
    by_person: dict[str, list[_Presence]] = {}
    names: dict[str, str] = {}
    for session in (s for s in sessions if s.is_timed and not s.cancelled):
        document = documents[session.id]
        for appearance in session.people:
            names[appearance.person.id] = appearance.person.name
            presence = _presence(session, document, ("people", _entry_index(document, appearance.person.id), "person"))
            by_person.setdefault(appearance.person.id, []).append(presence)
        for paper in (p for p in session.papers if not p.cancelled):
            for appearance in paper.presenters:
                names[appearance.person.id] = appearance.person.name
                by_person.setdefault(appearance.person.id, []).append(_paper_presence(session, paper, document))
    for person_id, theirs in by_person.items():
        for first, second in _overlapping(theirs):
            problems.warning(
                second.document.position(second.at),
                f"{names[person_id]} is in two sessions at once: {second.what} ({second.text()}) and"
                f" {first.document.path} ({first.text()}) on {second.starts.date()}",
            )


def check_old_style_slots(sessions: list[Session], documents: dict[str, Document], problems: Problems) -> None:
    """Talks that share a stream, date, start and end: how papers were grouped before sessions held them."""
    slots: dict[tuple, list[Session]] = {}
    for session in sessions:
        if session.slot is not None and not session.cancelled:
            slots.setdefault(session.slot, []).append(session)
    for slot, together in slots.items():
        if len(together) < 2:
            continue
        files = [documents[s.id].path for s in together]
        stream, date, start = slot[0], slot[1], slot[2]
        suggested = f"data/sessions/{stream}-{date.isoformat()}-{start:%H%M}.yml"
        papers = ", ".join(s.id for s in together)
        problems.warning(
            documents[together[0].id].position(("title",)),
            f"{len(together)} talks share stream '{stream}', {date} and {_span_of(together[0])}: " + ", ".join(files),
            f"a session now holds its papers: move them to data/papers/ and list them in one session file,"
            f" {suggested} with `papers: [{papers}]`; see 'Moving to sessions of papers' on the organisers' page",
        )


def _presence(session: Session, document: Document, at: tuple) -> _Presence:
    starts, ends = _moments(session)
    return _Presence(starts, ends, session, document, at, "this one")


def _paper_presence(session: Session, paper, document: Document) -> _Presence:
    starts, ends = _moments(paper if paper.own_time else session)
    return _Presence(starts, ends, session, document, ("papers", paper.position - 1), f"paper {paper.id}")


def _moments(timed) -> tuple[dt.datetime, dt.datetime]:
    starts = timed.starts_at(None)
    ends = timed.ends_at(None)
    return starts, ends if ends is not None else starts + dt.timedelta(minutes=1)


def _overlapping(presences: list[_Presence]) -> Iterator[tuple[_Presence, _Presence]]:
    """Pairs that overlap in time, from different sessions and not of one old-style slot."""
    ordered = sorted(presences, key=lambda p: (p.starts, p.session.id))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.starts >= first.ends:
                break
            if first.session.id == second.session.id:
                continue
            if first.session.slot is not None and first.session.slot == second.session.slot:
                continue
            yield first, second


def _span(starts: dt.datetime, ends: dt.datetime) -> str:
    text = f"{starts:%H:%M}"
    if ends - starts > dt.timedelta(minutes=1):
        text += "–" + ("24:00" if ends.time() == dt.time(0) and ends.date() > starts.date() else f"{ends:%H:%M}")
    return text


def _span_of(session: Session) -> str:
    starts, ends = _moments(session)
    return _span(starts, ends) if session.end is not None else f"{starts:%H:%M}"


def _entry_index(document: Document, person_id: str) -> int:
    """Where in the file's `people` list the person stands (first mention)."""
    for i, entry in enumerate(document.data.get("people", [])):
        if entry and entry.get("person") == person_id:
            return i
    return 0
