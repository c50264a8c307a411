"""A programme as read from another system, before it has file names: what every importer makes.

Each item carries the key it has in its source (a guid, an id, or failing those its
name) and its fields in Podium's data format; references between items (a session's
people and papers, its stream) are `Ref`s to source keys, turned into ids when the
files are written (files.py), so that the same source item keeps its file name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo


class SourceError(Exception):
    """The source cannot be read as a programme; the message names the place in it."""


@dataclass(frozen=True)
class Ref:
    kind: str  # "streams", "people" or "papers"
    key: str


@dataclass
class Item:
    """One stream, session, paper, person or room of the source."""

    key: str  # stable in the source: "event:<guid>", "person:<id>"
    name: str  # what its id is made from: a title or a name
    fields: dict  # Podium's fields, in the order files show them; Refs where they name other items


@dataclass
class Imported:
    """Everything one source holds, in Podium's terms."""

    source: str  # what was read, for the summary: "c3voc schedule.json (pretalx)"
    conference: dict
    streams: list[Item] = field(default_factory=list)
    sessions: list[Item] = field(default_factory=list)
    papers: list[Item] = field(default_factory=list)
    people: list[Item] = field(default_factory=list)
    rooms: list[Item] = field(default_factory=list)  # only where the source lists its rooms: their order and details
    notes: list[str] = field(default_factory=list)  # what could not be placed, and why


def mark_shared_rooms(sessions: list[Item]) -> int:
    """Sessions the source put in one room at overlapping times (two DJ sets on one floor,
    lightning talks during a reception) each name the others in `shares_room_with`: what
    the source published is published, such a clash a warning, while a clash written by
    hand stays an error. The number of sessions marked."""
    by_room: dict[str, list[tuple[dt.datetime, dt.datetime, Item]]] = {}
    for item in sessions:
        span = _span(item.fields)
        if span is not None and isinstance(item.fields.get("room"), str):
            by_room.setdefault(item.fields["room"], []).append((*span, item))
    marked: dict[str, Item] = {}
    for in_room in by_room.values():
        in_room.sort(key=lambda entry: (entry[0], entry[2].key))
        for i, (_, ends, first) in enumerate(in_room):
            for other_starts, _, second in in_room[i + 1 :]:
                if other_starts >= ends:
                    break
                for one, other in ((first, second), (second, first)):
                    shared = one.fields.setdefault("shares_room_with", [])
                    if Ref("sessions", other.key) not in shared:
                        shared.append(Ref("sessions", other.key))
                    marked[one.key] = one
    return len(marked)


def _span(fields: dict) -> tuple[dt.datetime, dt.datetime] | None:
    """When a session's fields say it starts and ends (its start minute, without an end)."""
    try:
        starts = dt.datetime.combine(dt.date.fromisoformat(fields["date"]), dt.time.fromisoformat(fields["start"]))
    except (KeyError, TypeError, ValueError):
        return None
    if fields.get("end") == "24:00":
        return starts, dt.datetime.combine(starts.date() + dt.timedelta(days=1), dt.time(0))
    if isinstance(fields.get("end"), str):
        ends = dt.datetime.combine(starts.date(), dt.time.fromisoformat(fields["end"]))
        return starts, ends if ends > starts else starts + dt.timedelta(minutes=1)
    if isinstance(fields.get("duration"), str) and ":" in fields["duration"]:
        hours, minutes = fields["duration"].split(":")
        return starts, starts + dt.timedelta(hours=int(hours), minutes=int(minutes))
    return starts, starts + dt.timedelta(minutes=1)


def timing(starts: dt.datetime, ends: dt.datetime | None, zone: ZoneInfo) -> dict:
    """`date`, `start`, and `end` (or `duration` past midnight) in the conference's zone."""
    local_start = starts.astimezone(zone) if starts.tzinfo else starts.replace(tzinfo=zone)
    fields = {"date": local_start.date().isoformat(), "start": f"{local_start:%H:%M}"}
    if ends is None:
        return fields
    local_end = ends.astimezone(zone) if ends.tzinfo else ends.replace(tzinfo=zone)
    minutes = round((local_end - local_start).total_seconds() / 60)
    if minutes <= 0:
        return fields
    if local_end.date() == local_start.date():
        fields["end"] = f"{local_end:%H:%M}"
    elif local_end.date() == local_start.date() + dt.timedelta(days=1) and local_end.time() == dt.time(0):
        fields["end"] = "24:00"
    else:
        fields["duration"] = f"{minutes // 60}:{minutes % 60:02d}"
    return fields


def prose(text: str) -> str:
    """Markdown as the source wrote it, with Windows line ends made plain and the ends trimmed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


KIND_WORDS = (
    # A source's own word for a type of session, and Podium's kind.
    ("keynote", "keynote"), ("plenary", "plenary"), ("panel", "panel"), ("workshop", "workshop"),
    ("hands-on", "workshop"), ("tutorial", "workshop"), ("poster", "posters"), ("symposium", "symposium"),
    ("roundtable", "roundtable"), ("round table", "roundtable"), ("break", "break"), ("lunch", "break"),
    ("coffee", "break"), ("social", "social"), ("party", "social"), ("reception", "social"),
    ("talk", "talk"), ("lecture", "talk"), ("lightning", "talk"), ("presentation", "talk"),
)  # fmt: skip


def kind_of(word: str | None) -> str | None:
    """Podium's kind for a source's type ("Talk", "LECTURE", "Workshop"); None for talk or a
    word that names no kind of session (FOSDEM's "devroom" and "maintrack" say where a talk
    is, not what it is: such a talk is a talk, not "Other")."""
    if not word:
        return None
    folded = word.casefold().replace("_", " ")
    for found, kind in KIND_WORDS:
        if found in folded:
            return None if kind == "talk" else kind
    return "other" if folded.strip() in ("other", "misc", "miscellaneous") else None


def link_kind(word: str | None, url: str) -> str:
    """Podium's link kind for a source's link or attachment type."""
    folded = (word or "").casefold()
    for found, kind in (("slide", "slides"), ("paper", "paper"), ("video", "video"), ("recording", "video"),
                        ("stream", "livestream"), ("code", "code"), ("repo", "code")):  # fmt: skip
        if found in folded:
            return kind
    if url.lower().split("?")[0].endswith(".pdf"):
        return "paper" if "paper" in folded else "slides" if "slide" in folded else "other"
    return "website" if folded in ("web", "website", "related") else "other"
