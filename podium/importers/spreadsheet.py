"""Spreadsheets, CSV and XLSX: one row a talk or paper, read with a mapping file (mapping.py).

The cells come from table.py (XLSX with openpyxl, CSV with the csv module). Dates and times may be the
spreadsheet's own, or text. Rows that share a `session` become the papers of one
session. People are merged by name, and told apart by affiliation: the same name
with two different affiliations is two people. Every message names the row and the
column.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from .imported import Imported, Item, Ref, SourceError, kind_of, link_kind, prose, timing
from .mapping import Mapping, load_mapping
from .table import Formula, Table, as_text, csv_rows, refs, xlsx_rows

_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


def read(path: Path, raw: bytes, mapping_file: Path | None, timezone: str | None) -> Imported:
    if mapping_file is None:
        raise SourceError(
            f"{path.name}: a spreadsheet needs a mapping of its columns: --mapping FILE"
            " (see examples/mappings/ and the organisers' page)"
        )
    mapping = load_mapping(mapping_file)
    rows = xlsx_rows(path, raw, mapping) if raw.startswith(b"PK\x03\x04") else csv_rows(path, raw)
    table = Table(path.name, rows, mapping)
    zone = _zone(timezone or mapping.conference.get("timezone"), path.name)
    reader = _Reader(table, mapping, zone)
    for row in range(mapping.header_rows, len(rows)):
        if any(cell not in (None, "") for cell in rows[row]):
            reader.row(row)
    conference = {key: value for key, value in mapping.conference.items() if key != "timezone"}
    conference = {"name": conference.pop("name"), "timezone": zone.key, **conference}
    return Imported(
        source=f"spreadsheet ({'XLSX' if raw.startswith(b'PK') else 'CSV'}, {len(reader.keys)} rows)",
        conference=conference,
        streams=list(reader.streams.values()),
        sessions=reader.finished_sessions(),
        papers=reader.papers,
        people=reader.people_items(),
        notes=reader.notes,
    )


class _Reader:
    def __init__(self, table: Table, mapping: Mapping, zone: ZoneInfo) -> None:
        self.table = table
        self.mapping = mapping
        self.zone = zone
        self.columns = {field: refs(table, ref) for field, ref in mapping.columns.items()}
        self.streams: dict[str, Item] = {}
        self.sessions: dict[str, Item] = {}
        self.papers: list[Item] = []
        self.people: dict[tuple[str, str], dict] = {}  # (name, affiliation) → fields
        self.keys: set[str] = set()
        self.notes: list[str] = []

    def value(self, row: int, field: str, index: int = 0):
        columns = self.columns.get(field)
        if not columns or index >= len(columns):
            return None
        cells = self.table.rows[row]
        column = columns[index]
        value = cells[column] if column < len(cells) else None
        if isinstance(value, Formula):
            raise SourceError(
                f"{self.table.place(row, column)}: a formula without a saved value: open the file in a"
                " spreadsheet program and save it"
            )
        if isinstance(value, str):
            value = value.strip()
            value = None if value.casefold() in _MISSING else value
        return value

    def text(self, row: int, field: str) -> str | None:
        value = self.value(row, field)
        return None if value is None else as_text(value)

    def row(self, row: int) -> None:
        title = self.text(row, "title")
        if not title:
            raise SourceError(f"{self.table.place(row, self.columns['title'][0])}: a row without a title")
        row_id = self.text(row, "id")
        key = f"row:{row_id}" if row_id else f"row:{title}|{self.text(row, 'date')}|{self.text(row, 'start')}"
        if key in self.keys:
            key = f"{key}#{row + 1}"
        self.keys.add(key)
        times = self._times(row)
        people = self._people(row)
        session_key = self.text(row, "session")
        if session_key:
            self._paper_row(row, key, title, row_id, times, people, session_key)
        else:
            self._talk_row(row, key, title, row_id, times, people)

    def _talk_row(self, row, key, title, row_id, times, people) -> None:
        fields: dict = {"title": _line(title), **self._code(row)}
        for field in ("subtitle",):
            if text := self.text(row, field):
                fields[field] = _line(text)
        kind = kind_of(self.text(row, "kind"))
        if kind:
            fields["kind"] = kind
        stream = self._stream(row)
        if stream:
            fields["stream"] = stream
        fields.update(times)
        if text := self.text(row, "room"):
            fields["room"] = _line(text)
        self._prose_fields(row, fields)
        roles = self._session_roles(row) + [{"person": Ref("people", p), "role": "Speaker"} for p, _ in people]
        if roles:
            fields["people"] = roles
        self._links_and_id(row, fields, row_id)
        self.sessions[key] = Item(key, title, fields)

    def _paper_row(self, row, key, title, row_id, times, people, session_key) -> None:
        fields: dict = {"title": _line(title), **self._code(row)}
        if text := self.text(row, "subtitle"):
            fields["subtitle"] = _line(text)
        self._prose_fields(row, fields)
        presenter = self.text(row, "presenter")
        authors = []
        for person, name in people:
            entry: dict = {"person": Ref("people", person)}
            if presenter and name != presenter:
                entry["presenting"] = False
            authors.append(entry)
        if authors:
            fields["people"] = authors
        fields.update({k: v for k, v in times.items() if k != "date"})
        self._links_and_id(row, fields, row_id)
        self.papers.append(Item(key, title, fields))
        session = self.sessions.get(f"session:{session_key}")
        if session is None:
            session_title = self.text(row, "session_title") or session_key
            session = self.sessions[f"session:{session_key}"] = Item(
                f"session:{session_key}", session_title, {"title": _line(session_title), "papers": [], "_times": []}
            )
            kind = kind_of(self.text(row, "kind"))
            if kind:
                session.fields["kind"] = kind
            stream = self._stream(row)
            if stream:
                session.fields["stream"] = stream
            if text := self.text(row, "room"):
                session.fields["room"] = _line(text)
            roles = self._session_roles(row)
            if roles:
                session.fields["people"] = roles
        session.fields["papers"].append(Ref("papers", key))
        session.fields["_times"].append(times)

    def finished_sessions(self) -> list[Item]:
        """The sessions, those of papers timed from their first paper's start to their last's end."""
        for session in self.sessions.values():
            spans = session.fields.pop("_times", None)
            if spans is None:
                continue
            timed = [s for s in spans if "date" in s and "start" in s]
            if timed:
                first = min(timed, key=lambda s: (s["date"], s["start"]))
                ends = [s for s in timed if "end" in s]
                fields = {"date": first["date"], "start": first["start"]}
                if ends:
                    fields["end"] = max(ends, key=lambda s: s["end"])["end"]
                ordered = {k: v for k, v in session.fields.items() if k in ("title", "kind", "stream")}
                session.fields = {**ordered, **fields, **{k: v for k, v in session.fields.items() if k not in ordered}}
                # Papers at the session's very time have no time of their own.
                for paper in self.papers:
                    if Ref("papers", paper.key) in session.fields["papers"]:
                        own = {k: paper.fields.get(k) for k in ("start", "end")}
                        if own == {"start": fields["start"], "end": fields.get("end")}:
                            for k in ("start", "end"):
                                paper.fields.pop(k, None)
        return list(self.sessions.values())

    def people_items(self) -> list[Item]:
        return [Item(f"person:{name}|{affiliation}", name, fields) for (name, affiliation), fields in self.people.items()]

    def _times(self, row: int) -> dict:
        date = self._date(row)
        span = self._time_range(row)
        start = span[0] if span else self._time(row, "start")
        if date is None or start is None:
            if start is not None:
                self.notes.append(f"{self.table.place(row, self.columns['start'][0])}: a time without a date: left out")
            return {"date": date.isoformat()} if date else {}
        starts = dt.datetime.combine(date, start)
        end = span[1] if span and self.value(row, "end") is None else self._time(row, "end")
        duration = self._duration(row)
        ends = None
        if end is not None:
            ends = dt.datetime.combine(date, end)
            if ends <= starts:
                ends += dt.timedelta(days=1)  # past midnight
        elif duration is not None:
            ends = starts + duration
        return timing(starts, ends, self.zone)

    def _time_range(self, row: int) -> tuple[dt.time, dt.time] | None:
        """Start and end written in the start column together: `14:00-15:30 Uhr`, `9.30–11`."""
        value = self.value(row, "start")
        if not isinstance(value, str):
            return None
        match = _TIME_RANGE.fullmatch(value.casefold())
        if match is None or not all(int(h) < 24 and int(m or 0) < 60 for h, m in (match.group(1, 2), match.group(3, 4))):
            return None
        return _clock(match[1], match[2]), _clock(match[3], match[4])

    def _date(self, row: int) -> dt.date | None:
        value = self.value(row, "date")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = as_text(value)
        patterns = [("%Y-%m-%d", text[:10])] + ([(self.mapping.date_format, text)] if self.mapping.date_format else [])
        for pattern, written in patterns:
            try:
                return dt.datetime.strptime(written, pattern).date()
            except ValueError:
                continue
        raise SourceError(
            f"{self.table.place(row, self.columns['date'][0])}: {text!r} is not a date"
            " (write 2016-10-27, or give date_format in the mapping)"
        )

    def _time(self, row: int, field: str) -> dt.time | None:
        value = self.value(row, field)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.time().replace(second=0, microsecond=0)
        if isinstance(value, dt.time):
            return value.replace(second=0, microsecond=0)
        if isinstance(value, (int, float)) and 0 <= value < 1:  # a day's fraction, as spreadsheets keep times
            minutes = round(value * 24 * 60)
            return dt.time(minutes // 60, minutes % 60)
        text = as_text(value).casefold().replace(" ", "")
        match = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?(?::\d{2})?(am|pm)?", text)
        if match:
            hours, minutes = int(match[1]), int(match[2] or 0)
            if match[3] == "pm" and hours < 12:
                hours += 12
            if match[3] == "am" and hours == 12:
                hours = 0
            if hours < 24 and minutes < 60:
                return dt.time(hours, minutes)
        raise SourceError(f"{self.table.place(row, self.columns[field][0])}: {as_text(value)!r} is not a time")

    def _duration(self, row: int) -> dt.timedelta | None:
        value = self.value(row, "duration")
        if value is None:
            return None
        if isinstance(value, dt.time):
            return dt.timedelta(hours=value.hour, minutes=value.minute)
        if isinstance(value, dt.timedelta):
            return value
        if isinstance(value, (int, float)):
            return dt.timedelta(days=value) if 0 < value < 1 else dt.timedelta(minutes=value)
        match = re.fullmatch(r"(\d{1,2}):(\d{2})|(\d{1,4})", as_text(value))
        if match:
            return dt.timedelta(hours=int(match[1]), minutes=int(match[2])) if match[1] else dt.timedelta(minutes=int(match[3]))
        raise SourceError(f"{self.table.place(row, self.columns['duration'][0])}: {as_text(value)!r} is not a length")

    def _people(self, row: int) -> list[tuple[str, str]]:
        """The row's people as (person key, name), each "Name, affiliation" or a name."""
        found = []
        affiliations = self.columns.get("affiliations") or []
        for index in range(len(self.columns.get("people") or [])):
            value = self.value(row, "people", index)
            text = None if value is None else as_text(value)
            if not text:
                continue
            parts = text.split(self.mapping.people_separator) if self.mapping.people_separator else [text]
            for part in parts:
                name, _, affiliation = part.partition(",")
                if index < len(affiliations) and not affiliation.strip():
                    affiliation = as_text(self.value(row, "affiliations", index) or "")
                if name.strip():
                    found.append((self._person(name, affiliation), " ".join(name.split())))
        return found

    def _code(self, row: int) -> dict:
        code = self.text(row, "code")
        return {"code": _line(code)} if code else {}

    def _session_roles(self, row: int) -> list[dict]:
        """The session's chairs and discussants, several in a cell between `people_separator`s,
        each "Name, affiliation" or a name."""
        roles = []
        for field, role in (("chair", "Chair"), ("discussant", "Discussant")):
            text = self.text(row, field)
            parts = text.split(self.mapping.people_separator) if text and self.mapping.people_separator else [text]
            for part in filter(None, (part.strip() if part else part for part in parts)):
                name, _, affiliation = part.partition(",")
                roles.append({"person": Ref("people", self._person(name, affiliation)), "role": role})
        return roles

    def _person(self, name: str, affiliation: str) -> str:
        """The key of a person: one name is one person, unless given with two affiliations."""
        name, affiliation = " ".join(name.split()), " ".join(affiliation.split())
        same_name = [a for (n, a) in self.people if n == name]
        if not affiliation and same_name:
            affiliation = same_name[0]
        elif affiliation and "" in same_name:
            # Seen before without an affiliation: that was this person.
            fields = self.people.pop((name, ""))
            fields["affiliation"] = affiliation
            self.people[(name, affiliation)] = fields
            self._rename_person((name, ""), (name, affiliation))
        if (name, affiliation) not in self.people:
            fields = {"name": name}
            if affiliation:
                fields["affiliation"] = affiliation
            self.people[(name, affiliation)] = fields
        return f"person:{name}|{affiliation}"

    def _rename_person(self, old: tuple[str, str], new: tuple[str, str]) -> None:
        before, after = Ref("people", f"person:{old[0]}|{old[1]}"), Ref("people", f"person:{new[0]}|{new[1]}")
        for item in [*self.sessions.values(), *self.papers]:
            for entry in item.fields.get("people", []):
                if entry["person"] == before:
                    entry["person"] = after

    def _stream(self, row: int) -> Ref | None:
        name = self.text(row, "stream")
        if not name:
            return None
        key = f"stream:{name}"
        if key not in self.streams:
            self.streams[key] = Item(key, name, {"name": _line(name)})
        return Ref("streams", key)

    def _prose_fields(self, row: int, fields: dict) -> None:
        for field in ("abstract", "description"):
            text = self.text(row, field)
            if text:
                fields[field] = prose(text)
        language = self.text(row, "language")
        if language and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", language):
            fields["language"] = language

    def _links_and_id(self, row: int, fields: dict, row_id: str | None) -> None:
        links = []
        for index, column in enumerate(self.columns.get("links") or []):
            url = as_text(self.value(row, "links", index) or "")
            if _URL.match(url):
                # The column's header says what its links are: "Slides", "Video", "Paper".
                header = self.table.headers[column] if column < len(self.table.headers) else None
                links.append({"url": url, "kind": link_kind(as_text(header) if header else None, url)})
            elif url:
                self.notes.append(f"{self.table.place(row, self.columns['links'][index])}: not a web address: left out")
        if links:
            fields["links"] = links
        if row_id:
            fields["source_id"] = row_id


# What spreadsheets and R write for a value that is not there: never a person called NA.
_MISSING = {"na", "n/a", "#n/a", "nan", "null", "none", "-", "–", "—"}
# `14:00-15:30`, `14.00 – 15.30 Uhr`, `9h30-11h`: two clock times, a dash between, words after.
_TIME_RANGE = re.compile(r"\s*(\d{1,2})(?:[:.h](\d{2}))?\s*[-–—]\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(?:uhr|h|hrs?|o'clock)?\s*")


def _clock(hours: str, minutes: str | None) -> dt.time:
    return dt.time(int(hours), int(minutes or 0))


def _zone(name, where: str) -> ZoneInfo:
    if not isinstance(name, str) or not name.strip():
        raise SourceError(f"{where}: no time zone: give it in the mapping's conference (timezone) or with --timezone")
    try:
        return ZoneInfo(name.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SourceError(f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin") from None


def _line(text: str) -> str:
    return " ".join(str(text).split())
