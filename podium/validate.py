"""Load and check a whole data folder, and build the `Programme` from it.

Phase one of every build: nothing is written until this has read every file and
reported every problem. A programme is returned only when there are no errors.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
import zoneinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import babel
import babel.dates

from . import forking, schema
from .load import Document, load_bytes
from .model import Appearance, Conference, Person, Programme, Session, Stream, Venue
from .problems import Position, Problem, Problems

DEFAULT_LANGUAGE = "en"
DEFAULT_DATE_FORMAT = "EEEE, d MMMM y"
DEFAULT_TIME_FORMAT = "short"
# Below this many files in a folder, forking costs more than reading in two processes saves.
SHARE_ABOVE_FILES = 200


@dataclass
class Result:
    programme: Programme | None
    problems: Problems


class DocumentCache:
    """Files already read and checked against their schema, for `serve` to reuse.

    Reading and schema-checking is most of a check; between two saves only one file
    has usually changed. An entry is reused only when the file's bytes are the same
    as last time, and its problems are reported again each time.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], tuple[bytes, Document | None, list[Problem]]] = {}

    def get(self, shown: str, schema_name: str, raw: bytes) -> tuple[Document | None, list[Problem]] | None:
        entry = self._entries.get((shown, schema_name))
        if entry is None or entry[0] != raw:
            return None
        return entry[1], entry[2]

    def put(self, shown: str, schema_name: str, raw: bytes, document: Document | None, found: list[Problem]) -> None:
        self._entries[(shown, schema_name)] = (raw, document, found)


def check_project(root: Path, cache: DocumentCache | None = None) -> Result:
    """Read `root/data`, report every problem, and build the programme if there is no error.

    `cache` (for `serve`) keeps checked files from one run to the next.
    """
    problems = Problems()
    data = root / "data"
    if not (data / "conference.yml").is_file():
        problems.error(Position("data/conference.yml"), "missing: every site needs data/conference.yml")
        return Result(None, problems)
    builder = _ProgrammeBuilder(root, problems, cache)
    programme = builder.build()
    return Result(programme if not problems.errors else None, problems)


class _ProgrammeBuilder:
    def __init__(self, root: Path, problems: Problems, cache: DocumentCache | None = None) -> None:
        self.root = root
        self.problems = problems
        self.cache = cache
        self.session_documents: dict[str, Document] = {}

    def build(self) -> Programme | None:
        conference = self._conference()
        streams = self._streams()
        people = self._people()
        sessions = self._sessions(conference, streams, people)
        self._check_room_clashes(sessions)
        self._check_people_in_two_places(sessions)
        if conference is None:
            return None
        return Programme(
            conference=conference,
            streams=tuple(streams.values()),
            sessions=tuple(sorted(sessions, key=lambda s: s.sort_key)),
            people=tuple(sorted(people.values(), key=lambda p: (p.sort_name.casefold(), p.id))),
        )

    # -- reading files ---------------------------------------------------------------

    def _document(self, file: Path, schema_name: str) -> Document | None:
        """A file read and checked against its schema, with the values at fault taken out.

        Taking out only what is wrong lets the checks of meaning still run on the
        rest of the file, so one run reports every problem. None when the file
        could not be read, or is not even the right kind of container.
        """
        document, found = self._read_and_check(file, schema_name)
        self.problems.items.extend(found)
        return document

    def _documents(self, files: list[Path], schema_name: str) -> list[Document | None]:
        """`_document` of each file, in order.

        Without a cache (build, check), a large folder is read in one process per
        core (forking.py): reading and checking is most of checking a programme.
        """
        processes = forking.cores() if self.cache is None and len(files) > SHARE_ABOVE_FILES else 1
        outcomes = forking.in_shares(files, processes, lambda share: [self._read_and_check(f, schema_name) for f in share])
        for _, found in outcomes:
            self.problems.items.extend(found)
        return [document for document, _ in outcomes]

    def _read_and_check(self, file: Path, schema_name: str) -> tuple[Document | None, list[Problem]]:
        """`_document`'s result and the problems found, from the cache when the file is unchanged."""
        shown = file.relative_to(self.root).as_posix()
        try:
            raw = file.read_bytes()
        except OSError as error:
            unreadable = Problems()
            unreadable.error(Position(shown), f"cannot read file: {error.strerror}")
            return None, unreadable.items
        cached = self.cache.get(shown, schema_name, raw) if self.cache else None
        if cached is None:
            found = Problems()
            cached = self._checked_document(raw, shown, schema_name, found), found.items
            if self.cache:
                self.cache.put(shown, schema_name, raw, *cached)
        return cached

    def _checked_document(self, raw: bytes, shown: str, schema_name: str, problems: Problems) -> Document | None:
        document = load_bytes(raw, shown, problems)
        if document is None:
            return None
        for path in schema.check(document, schema_name, problems):
            if not path:
                if not isinstance(document.data, (dict, list)):
                    return None
                if isinstance(document.data, list) != (schema_name == "streams"):
                    return None
                continue
            _take_out(document.data, path)
        return document

    def _folder(self, name: str, schema_name: str) -> list[tuple[str, Document]]:
        """The documents of `data/<name>/`, each with its id (the file's stem)."""
        folder = self.root / "data" / name
        if not folder.is_dir():
            return []
        named: list[tuple[str, Path]] = []
        seen: dict[str, str] = {}
        for file in sorted(folder.iterdir()):
            shown = file.relative_to(self.root).as_posix()
            if file.suffix == ".yaml":
                self.problems.error(Position(shown), "data files end in .yml", f"rename it to {file.stem}.yml")
                continue
            if file.suffix != ".yml" or file.name.startswith("."):
                continue
            id_ = file.stem
            if not _is_id(id_):
                self.problems.error(
                    Position(shown),
                    f"the file name '{id_}' is not a valid id",
                    "use lower-case letters, digits and single hyphens, e.g. lijie-fang.yml",
                )
                continue
            folded = id_.casefold()
            if folded in seen:
                self.problems.error(Position(shown), f"id '{id_}' is used twice (also {seen[folded]})")
                continue
            seen[folded] = shown
            named.append((id_, file))
        documents = self._documents([file for _, file in named], schema_name)
        return [(id_, document) for (id_, _), document in zip(named, documents) if document is not None]

    # -- the conference ----------------------------------------------------------------

    def _conference(self) -> Conference | None:
        document = self._document(self.root / "data" / "conference.yml", "conference")
        if document is None:
            return None
        data = document.data
        zone = self._zone(document)
        language = self._language(document)
        date_format = data.get("date_format", DEFAULT_DATE_FORMAT)
        time_format = data.get("time_format", DEFAULT_TIME_FORMAT)
        for key, pattern in (("date_format", date_format), ("time_format", time_format)):
            self._check_pattern(document, key, pattern, language)
        start_date = self._date(document, ("start_date",))
        end_date = self._date(document, ("end_date",))
        if start_date and end_date and end_date < start_date:
            self.problems.error(
                document.position(("end_date",)),
                f"end_date {end_date} is before start_date {start_date}",
            )
        url = data.get("url")
        if zone is None or language is None or "name" not in data:
            return None
        return Conference(
            name=data["name"],
            zone=zone,
            language=language,
            date_format=date_format,
            time_format=time_format,
            short_name=data.get("short_name"),
            url=url if url is None or url.endswith("/") else url + "/",
            start_date=start_date,
            end_date=end_date,
            venue=Venue(**data.get("venue") or {}),
            default_duration=int(data.get("default_duration", 60)),
        )

    def _zone(self, document: Document) -> ZoneInfo | None:
        name = document.data.get("timezone")
        if name is None:
            return None  # reported by the schema check
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            close = difflib.get_close_matches(name, _zone_names(), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use an IANA name such as Australia/Sydney"
            self.problems.error(document.position(("timezone",)), f"unknown time zone '{name}'", hint)
            return None

    def _language(self, document: Document) -> str | None:
        language = document.data.get("language", DEFAULT_LANGUAGE)
        try:
            babel.Locale.parse(language, sep="-")
        except (ValueError, babel.UnknownLocaleError):
            self.problems.error(
                document.position(("language",)),
                f"unknown language '{language}'",
                "use a BCP 47 tag such as en-AU",
            )
            return None
        return language

    def _check_pattern(self, document: Document, key: str, pattern: str, language: str | None) -> None:
        if language is None or pattern == "short":
            return
        sample = dt.datetime(2019, 9, 10, 10, 55, tzinfo=dt.timezone.utc)
        try:
            babel.dates.format_datetime(sample, pattern, locale=language.replace("-", "_"))
        except Exception as error:  # Babel raises several types for a bad pattern
            self.problems.error(document.position((key,)), f"{key} is not a valid CLDR pattern: {error}")

    # -- streams and people ------------------------------------------------------------

    def _streams(self) -> dict[str, Stream]:
        file = self.root / "data" / "streams.yml"
        if not file.is_file():
            return {}
        document = self._document(file, "streams")
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
        for id_, document in self._folder("people", "person"):
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

    # -- sessions ------------------------------------------------------------------------

    def _sessions(
        self, conference: Conference | None, streams: dict[str, Stream], people: dict[str, Person]
    ) -> list[Session]:
        sessions = []
        for id_, document in self._folder("sessions", "session"):
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
        date = self._date(document, ("date",))
        start = _time(data.get("start"))
        end = _time(data.get("end"))
        self._check_times(document, date, start, end, conference)
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

    # -- clashes between sessions -----------------------------------------------------

    def _check_room_clashes(self, sessions: list[Session]) -> None:
        """Two sessions in one room at once is an error, unless they are papers of one slot."""
        by_room: dict[str, list[Session]] = {}
        for session in sessions:
            if session.room:
                by_room.setdefault(session.room, []).append(session)
        for room, in_room in by_room.items():
            for first, second in _overlapping_pairs(in_room):
                self.problems.error(
                    self.session_documents[second.id].position(("room",)),
                    f"room '{room}' is taken at {_span(second)} on {second.date} by"
                    f" {self.session_documents[first.id].path} ({_span(first)})",
                    "papers presented together need the same stream, date, start and end",
                )

    def _check_people_in_two_places(self, sessions: list[Session]) -> None:
        """A person in two sessions at once is probably a mistake, but may be a stand-in."""
        by_person: dict[str, list[Session]] = {}
        for session in sessions:
            for person_id in dict.fromkeys(a.person.id for a in session.people):
                by_person.setdefault(person_id, []).append(session)
        for person_id, theirs in by_person.items():
            for first, second in _overlapping_pairs(theirs):
                document = self.session_documents[second.id]
                name = next(a.person.name for a in second.people if a.person.id == person_id)
                self.problems.warning(
                    document.position(("people", _entry_index(document, person_id), "person")),
                    f"{name} is in two sessions at once: this one ({_span(second)}) and"
                    f" {self.session_documents[first.id].path} ({_span(first)}) on {second.date}",
                )

    def _reference(self, document: Document, at: tuple, known: dict, kind: str, where: str):
        value = _get(document.data, at)
        if value is None:
            return None
        if value in known:
            return known[value]
        close = difflib.get_close_matches(value, list(known), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"add it to {where}"
        self.problems.error(document.position(at), f"unknown {kind} '{value}'", hint)
        return None

    def _date(self, document: Document, at: tuple) -> dt.date | None:
        text = _get(document.data, at)
        if text is None:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.problems.error(document.position(at), f"{at[-1]} {text} is not a date on the calendar")
            return None

    def _check_times(
        self,
        document: Document,
        date: dt.date | None,
        start: dt.time | None,
        end: dt.time | None,
        conference: Conference | None,
    ) -> None:
        if end is not None and start is None:
            self.problems.error(document.position(("end",)), "end is given without start")
        if start is not None and end is not None and end <= start:
            self.problems.error(
                document.position(("end",)),
                f"end {end:%H:%M} is not after start {start:%H:%M}",
            )
        if start is not None and "date" not in document.data:
            self.problems.warning(
                document.position(("start",)),
                "start is given without date: the session is listed as to be announced",
            )
        if conference is None or date is None:
            return
        first, last = conference.start_date, conference.end_date
        if (first and date < first) or (last and date > last):
            self.problems.error(
                document.position(("date",)),
                f"date {date} is outside the conference ({first or '…'} to {last or '…'})",
            )
        for key, time in (("start", start), ("end", end)):
            if time is not None:
                self._check_local_time(document, key, dt.datetime.combine(date, time), conference.zone)

    def _check_local_time(self, document: Document, key: str, local: dt.datetime, zone: ZoneInfo) -> None:
        """A wall-clock time skipped or repeated by a daylight-saving change is no time at all."""
        early = local.replace(tzinfo=zone, fold=0)
        late = local.replace(tzinfo=zone, fold=1)
        if early.utcoffset() == late.utcoffset():
            return
        round_trip = early.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
        if round_trip != local:
            message = f"{key} {local:%H:%M} on {local:%Y-%m-%d} does not exist in {zone.key} (clocks go forward)"
        else:
            message = f"{key} {local:%H:%M} on {local:%Y-%m-%d} happens twice in {zone.key} (clocks go back)"
        self.problems.error(document.position((key,)), message)


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


def _take_out(data: dict | list, path: tuple) -> None:
    """Remove the value at fault: the list item that holds it, or else its top-level field."""
    first_index = next((i for i, part in enumerate(path) if isinstance(part, int)), None)
    cut = path[: first_index + 1] if first_index is not None else path[:1]
    parent = _get(data, cut[:-1]) if len(cut) > 1 else data
    if isinstance(parent, list) and isinstance(cut[-1], int) and cut[-1] < len(parent):
        parent[cut[-1]] = None  # keep the other items' indexes, which positions use
    elif isinstance(parent, dict):
        parent.pop(cut[-1], None)


def _entry_index(document: Document, person_id: str) -> int:
    """Where in the file's `people` list the person stands (first mention)."""
    for i, entry in enumerate(document.data.get("people", [])):
        if entry and entry.get("person") == person_id:
            return i
    return 0


def _get(data: dict, at: tuple):
    for part in at:
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _time(text: str | None) -> dt.time | None:
    if text is None:
        return None
    hours, minutes = text.split(":")  # the schema has checked the form
    return dt.time(int(hours), int(minutes))


def _is_id(text: str) -> bool:
    return bool(schema.ID_PATTERN.fullmatch(text))


def _zone_names() -> list[str]:
    return sorted(zoneinfo.available_timezones())
