"""Load and check a whole data folder, and build the `Programme` from it.

Phase one of every build: nothing is written until this has read every file and
reported every problem. A programme is returned only when there are no errors.
The checks live by what they check: files against their schema (reading.py), the
conference (conference.py), references between files (here), dates and times
(times.py), and sessions that collide (clashes.py).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .clashes import check_people_in_two_places, check_room_clashes
from .conference import read_conference
from .load import Document
from .model import Appearance, Conference, Person, Programme, Session, Stream
from .problems import Position, Problems
from .reading import DocumentCache, Reader, ShareOut, in_this_process, value_at
from .times import check_times, read_date, read_time

__all__ = ["DocumentCache", "Result", "check_project"]


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
        self.session_documents: dict[str, Document] = {}

    def build(self) -> Programme | None:
        conference = self._conference()
        streams = self._streams()
        people = self._people()
        sessions = self._sessions(conference, streams, people)
        check_room_clashes(sessions, self.session_documents, self.problems)
        check_people_in_two_places(sessions, self.session_documents, self.problems)
        if conference is None:
            return None
        return Programme(
            conference=conference,
            streams=tuple(streams.values()),
            sessions=tuple(sorted(sessions, key=lambda s: s.sort_key)),
            people=tuple(sorted(people.values(), key=lambda p: (p.sort_name.casefold(), p.id))),
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
            return {}
        streams: dict[str, Stream] = {}
        for i, item in enumerate(document.data):
            if item is None:
                continue  # at fault, and reported by the schema check
            if item["id"] in streams:
                self.problems.error(document.position((i, "id")), f"stream id '{item['id']}' is used twice")
                continue
            streams[item["id"]] = Stream(item["id"], item["name"], item.get("description"))
        return streams

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
            )
        return people

    def _sessions(
        self, conference: Conference | None, streams: dict[str, Stream], people: dict[str, Person]
    ) -> list[Session]:
        sessions = []
        for id_, document in self.reader.folder("sessions", "session"):
            self.session_documents[id_] = document
            session = self._session(id_, document, conference, streams, people)
            if session is not None:
                sessions.append(session)
        return sessions

    def _session(
        self,
        id_: str,
        document: Document,
        conference: Conference | None,
        streams: dict[str, Stream],
        people: dict[str, Person],
    ) -> Session | None:
        data = document.data
        before = len(self.problems.errors)
        stream = self._reference(document, ("stream",), streams, "stream", "data/streams.yml")
        appearances = []
        for i, entry in enumerate(data.get("people", [])):
            if entry is None:
                continue  # at fault, and reported by the schema check
            person = self._reference(document, ("people", i, "person"), people, "person", "data/people/")
            if person is not None:
                affiliation = entry.get("affiliation", person.affiliation)
                appearances.append(Appearance(person, entry.get("role"), affiliation))
        date = read_date(document, ("date",), self.problems)
        start = read_time(data.get("start"))
        end = read_time(data.get("end"))
        check_times(document, date, start, end, conference, self.problems)
        if len(self.problems.errors) > before:
            return None
        return Session(
            id=id_,
            title=data.get("title", ""),
            stream=stream,
            date=date,
            start=start,
            end=end,
            room=data.get("room"),
            abstract=data.get("abstract"),
            people=tuple(appearances),
        )

    def _reference(self, document: Document, at: tuple, known: dict, kind: str, where: str):
        """The item a file names at `at`, or None (reported, with the closest id) when unknown."""
        value = value_at(document.data, at)
        if value is None:
            return None
        if value in known:
            return known[value]
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"add it to {where}"
        self.problems.error(document.position(at), f"unknown {kind} '{value}'", hint)
        return None
