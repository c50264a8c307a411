"""Load and check a whole data folder, and build the `Programme` from it.

Phase one of every build: nothing is written until this has read every file and
reported every problem. A programme is returned only when there are no errors.
The checks live by what they check: files against their schema (reading.py), the
conference (conference.py), what sessions and papers share (items.py), sessions
(sessions.py) and the papers they hold (papers.py), dates and times (times.py), and
sessions that collide (clashes.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .clashes import check_old_style_slots, check_people_in_two_places, check_room_clashes, check_shared_rooms_named
from .conference import read_conference
from .items import ItemReader
from .model import Conference, Person, Programme, Room, Session, Stream
from .papers import PaperFile, read_paper
from .problems import Position, Problems
from .reading import DocumentCache, Reader, ShareOut, in_this_process
from .rooms import named_rooms, place_sessions, read_rooms
from .sessions import SessionReader
from .streams import check_colour

__all__ = ["DocumentCache", "Result", "check_project"]

# What data/ holds; anything else is reported (reading.py).
KNOWN_FILES = {"conference.yml", "streams.yml", "rooms.yml"}
KNOWN_FOLDERS = {"sessions", "papers", "people"}


@dataclass
class Result:
    programme: Programme | None
    problems: Problems


def check_project(root: Path, cache: DocumentCache | None = None, share_out: ShareOut = in_this_process) -> Result:
    """Read `root/data`, report every problem, and build the programme if there is no error.

    `cache` (for `serve`) keeps checked files from one run to the next; `share_out`
    may divide the reading of a large folder among processes (without a cache only).
    """
    problems = Problems()
    data = root / "data"
    if not (data / "conference.yml").is_file():
        problems.error(Position("data/conference.yml"), "missing: every site needs data/conference.yml")
        return Result(None, problems)
    programme = _ProgrammeBuilder(Reader(root, problems, cache, share_out)).build()
    return Result(programme if not problems.errors else None, problems)


class _ProgrammeBuilder:
    """Reads every file of a data folder and puts the programme together, reporting as it goes."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.root = reader.root
        self.problems = reader.problems

    def build(self) -> Programme | None:
        conference = self._conference()
        streams = self._streams()
        rooms = self._rooms()
        people = self._people()
        items = ItemReader(self.problems, streams, people)
        papers = self._papers(items)
        sessions_read = SessionReader(items, conference, papers)
        sessions = [
            session
            for id_, document in self.reader.folder("sessions", "session")
            if (session := sessions_read.session(id_, document)) is not None
        ]
        unlisted = sessions_read.unlisted_papers(self._unread_text("data/sessions/"))
        self.reader.report_unknown_entries(KNOWN_FILES, KNOWN_FOLDERS)
        documents = sessions_read.documents
        if rooms is not None:
            sessions = place_sessions(sessions, documents, rooms, self.problems)
        check_old_style_slots(sessions, documents, self.problems)
        check_shared_rooms_named(sessions, documents, self.problems)
        check_room_clashes(sessions, documents, self.problems)
        check_people_in_two_places(sessions, documents, self.problems)
        if conference is None:
            return None
        ordered = sorted(sessions, key=_programme_order(list(streams), conference.day_change))
        return Programme(
            conference=conference,
            streams=tuple(streams.values()),
            sessions=tuple(ordered),
            people=tuple(sorted(people.values(), key=lambda p: (p.sort_name.casefold(), p.id))),
            papers=tuple([p for s in ordered for p in s.papers] + sorted(unlisted, key=lambda p: (p.title.casefold(), p.id))),
            rooms=tuple(rooms if rooms is not None else named_rooms(ordered)),
        )

    def _conference(self) -> Conference | None:
        document = self.reader.document(self.root / "data" / "conference.yml", "conference")
        if document is None:
            return None
        return read_conference(document, self.problems)

    def _streams(self) -> dict[str, Stream]:
        file = self.root / "data" / "streams.yml"
        if not file.is_file():
            return {}
        document = self.reader.document(file, "streams")
        if document is None:
            self.problems.mark_at_fault("streams", "*")
            return {}
        streams: dict[str, Stream] = {}
        for i, item in enumerate(document.data):
            if item is None:
                continue  # at fault, and reported by the schema check
            if item["id"] in streams:
                self.problems.error(document.position((i, "id")), f"stream id '{item['id']}' is used twice")
                continue
            colour = item.get("colour")
            if colour is not None:
                check_colour(colour, document.position((i, "colour")), self.problems)
            streams[item["id"]] = Stream(item["id"], item["name"], item.get("description"), colour)
        return streams

    def _unread_text(self, folder: str) -> str:
        """The text of the files in `folder` that could not be read, as far as it is text."""
        return "\n".join(
            (self.root / path).read_bytes().decode("utf-8", "replace")
            for path in sorted(self.problems.unreadable)
            if path.startswith(folder) and (self.root / path).is_file()
        )

    def _rooms(self) -> list[Room] | None:
        """rooms.yml's rooms; None without the file (the sessions' rooms are then the rooms)."""
        file = self.root / "data" / "rooms.yml"
        if not file.is_file():
            return None
        document = self.reader.document(file, "rooms")
        return read_rooms(document, self.problems) if document is not None else []

    def _people(self) -> dict[str, Person]:
        people: dict[str, Person] = {}
        for id_, document in self.reader.folder("people", "person"):
            data = document.data
            name = data.get("name", "")  # missing only when the schema check reported it
            people[id_] = Person(
                id=id_,
                name=name,
                sort_name=data.get("sort_name", name),
                affiliation=data.get("affiliation"),
                bio=data.get("bio"),
                url=data.get("url"),
                orcid=data.get("orcid"),
                source_id=data.get("source_id"),
            )
        return people

    def _papers(self, items: ItemReader) -> dict[str, PaperFile]:
        papers = {}
        for id_, document in self.reader.folder("papers", "paper"):
            file = read_paper(id_, document, items)
            if file is not None:
                papers[id_] = file
        return papers


def _programme_order(stream_ids: list[str], day_change: dt.time):
    """By day of the programme (a night after midnight ends the day before) and time (those
    still to be announced last); at one time, sessions for everyone first, then by stream in
    the order of streams.yml, room and title."""
    stream_rank = {stream_id: rank for rank, stream_id in enumerate(stream_ids)}

    def key(session: Session) -> tuple:
        return (
            session.date is None,
            session.programme_day(day_change) or dt.date.min,
            session.date or dt.date.min,
            session.start is None,
            session.start or dt.time.min,
            session.end_key,
            not session.is_for_everyone,
            stream_rank.get(session.stream.id, -1) if session.stream else -1,
            session.room or "",
            session.title.casefold(),
            session.id,
        )

    return key
