"""The rooms: rooms.yml when there is one, else the rooms sessions name.

With rooms.yml, its order is the timetable's order of columns, and a session's `room`
is one of its ids or names (an id is shown as the room's name); a room it does not
list is an error at the session's line. Without it, each room a session names is a
room, in the order the programme first uses it, its id made from its name.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from .load import Document
from .model import Room, Session
from .problems import Problems
from .slugs import slug


def read_rooms(document: Document, problems: Problems) -> list[Room]:
    """The rooms of rooms.yml, an id or name given twice reported."""
    rooms: list[Room] = []
    ids: set[str] = set()
    names: set[str] = set()
    for i, item in enumerate(document.data):
        if item is None:
            continue  # at fault, and reported by the schema check
        if item["id"] in ids:
            problems.error(document.position((i, "id")), f"room id '{item['id']}' is used twice")
            continue
        if item["name"] in names:
            problems.error(document.position((i, "name")), f"room name '{item['name']}' is used twice")
            continue
        ids.add(item["id"])
        names.add(item["name"])
        rooms.append(
            Room(item["id"], item["name"], item.get("description"), _seats(item.get("capacity")), item.get("accessibility"))
        )
    return rooms


def place_sessions(
    sessions: list[Session], documents: dict[str, Document], rooms: list[Room], problems: Problems
) -> list[Session]:
    """Each session with its room by the room's name; a room rooms.yml does not list reported."""
    by_key = {room.id: room for room in rooms} | {room.name: room for room in rooms}
    placed = []
    for session in sessions:
        if session.room is None:
            placed.append(session)
            continue
        room = by_key.get(session.room)
        if room is None:
            close = difflib.get_close_matches(session.room, list(by_key), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "add it to data/rooms.yml, or give one of its rooms"
            problems.error(documents[session.id].position(("room",)), f"room '{session.room}' is not in data/rooms.yml", hint)
            placed.append(session)
            continue
        placed.append(_in_room(session, room.name) if room.name != session.room else session)
    return placed


def _in_room(session: Session, name: str) -> Session:
    """`session` in the room called `name`, and its papers with it: a room given by its id
    is shown by its name wherever the session or its papers appear."""
    papers = tuple(replace(paper, room=name) for paper in session.papers)
    return replace(session, room=name, papers=papers)


def named_rooms(sessions: list[Session]) -> list[Room]:
    """Without rooms.yml: the rooms the sessions (in programme order) name, ids from names."""
    rooms: list[Room] = []
    taken: set[str] = set()
    for name in dict.fromkeys(s.room for s in sessions if s.room):
        base = made = slug(name, "room")
        number = 2
        while made in taken:
            made, number = f"{base}-{number}", number + 1
        taken.add(made)
        rooms.append(Room(made, name))
    return rooms


def _seats(capacity: str | None) -> int | None:
    # Plain YAML scalars are read as text (load.py); the schema has checked the digits.
    return int(capacity) if capacity is not None else None
