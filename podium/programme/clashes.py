"""Sessions that collide: two in one room at once, a person in two places at once."""

from __future__ import annotations

import datetime as dt

from .load import Document
from .model import Session
from .problems import Problems


def check_room_clashes(sessions: list[Session], documents: dict[str, Document], problems: Problems) -> None:
    """Two sessions in one room at once is an error, unless they are papers of one slot."""
    by_room: dict[str, list[Session]] = {}
    for session in sessions:
        if session.room:
            by_room.setdefault(session.room, []).append(session)
    for room, in_room in by_room.items():
        for first, second in _overlapping_pairs(in_room):
            problems.error(
                documents[second.id].position(("room",)),
                f"room '{room}' is taken at {_span(second)} on {second.date} by"
                f" {documents[first.id].path} ({_span(first)})",
                "papers presented together need the same stream, date, start and end",
            )


def check_people_in_two_places(sessions: list[Session], documents: dict[str, Document], problems: Problems) -> None:
    """A person in two sessions at once is probably a mistake, but may be a stand-in."""
    by_person: dict[str, list[Session]] = {}
    for session in sessions:
        for person_id in dict.fromkeys(a.person.id for a in session.people):
            by_person.setdefault(person_id, []).append(session)
    for person_id, theirs in by_person.items():
        for first, second in _overlapping_pairs(theirs):
            document = documents[second.id]
            name = next(a.person.name for a in second.people if a.person.id == person_id)
            problems.warning(
                document.position(("people", _entry_index(document, person_id), "person")),
                f"{name} is in two sessions at once: this one ({_span(second)}) and"
                f" {documents[first.id].path} ({_span(first)}) on {second.date}",
            )


def _overlapping_pairs(sessions: list[Session]):
    """Pairs of sessions whose times overlap on the same day, except papers of one slot.

    A session without an end is taken to occupy its start minute.
    """
    timed = sorted((s for s in sessions if s.date and s.start), key=lambda s: (s.date, s.start, s.id))
    for i, first in enumerate(timed):
        first_end = _end_or_minute(first)
        for second in timed[i + 1 :]:
            if second.date != first.date or second.start >= first_end:
                break
            if first.slot is None or first.slot != second.slot:
                yield first, second


def _end_or_minute(session: Session) -> dt.time:
    if session.end is not None:
        return session.end
    start = dt.datetime.combine(dt.date.min, session.start)
    return (start + dt.timedelta(minutes=1)).time()


def _span(session: Session) -> str:
    text = f"{session.start:%H:%M}"
    return text + (f"–{session.end:%H:%M}" if session.end else "")


def _entry_index(document: Document, person_id: str) -> int:
    """Where in the file's `people` list the person stands (first mention)."""
    for i, entry in enumerate(document.data.get("people", [])):
        if entry and entry.get("person") == person_id:
            return i
    return 0
