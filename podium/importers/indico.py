"""Indico's event export (`/export/event/<id>.json?detail=sessions`): sessions holding papers.

Each session (or session slot) becomes a Podium session of papers, its conveners its
chairs, its contributions its papers at their own times, with speakers presenting and
the other authors not; a contribution outside any session becomes a session of its
own. Tracks become streams: a session takes the track most of its papers are in.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from zoneinfo import ZoneInfo

from .imported import Imported, Item, Ref, SourceError, prose, timing


def is_indico(data) -> bool:
    results = data.get("results") if isinstance(data, dict) else None
    return (
        isinstance(results, list)
        and bool(results)
        and isinstance(results[0], dict)
        and (results[0].get("_type") in ("Conference", "Event") or "contributions" in results[0])
    )


def read(data: dict, timezone: str | None) -> Imported:
    event = data["results"][0]
    zone = _zone(event, timezone)
    reader = _Reader(zone)
    for index, entry in enumerate(event.get("sessions") or []):
        reader.session(_mapping(entry, f"results[0].sessions[{index}]"), f"results[0].sessions[{index}]")
    for index, contribution in enumerate(event.get("contributions") or []):
        where = f"results[0].contributions[{index}]"
        reader.contribution_alone(_mapping(contribution, where), where)
    title = event.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SourceError("results[0].title: the event has no title")
    conference: dict = {"name": " ".join(title.split()), "timezone": zone.key}
    for key, field in (("startDate", "start_date"), ("endDate", "end_date")):
        if isinstance(event.get(key), dict):
            conference[field] = _moment(event[key], f"results[0].{key}", zone).astimezone(zone).date().isoformat()
    # Not the event's url: that is the Indico page, not the site Podium publishes (c3voc.py says why).
    if isinstance(event.get("location"), str) and event["location"].strip():
        conference["venue"] = {"name": " ".join(event["location"].split())}
    return Imported(
        source="Indico event export",
        conference=conference,
        streams=list(reader.streams.values()),
        sessions=reader.sessions,
        papers=reader.papers,
        people=list(reader.people.values()),
        notes=reader.notes,
    )


class _Reader:
    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self.streams: dict[str, Item] = {}
        self.sessions: list[Item] = []
        self.papers: list[Item] = []
        self.people: dict[str, Item] = {}
        self._aliases: dict[str, str] = {}  # an e-mail's hash, or a name with its affiliation → the person's key
        self.notes: list[str] = []

    def session(self, entry: dict, where: str) -> None:
        inner = entry.get("session")
        inner = inner if isinstance(inner, dict) else {}
        title = entry.get("title") or inner.get("title")
        if not isinstance(title, str) or not title.strip():
            raise SourceError(f"{where}: a session without a title")
        contributions = [c for c in entry.get("contributions") or [] if isinstance(c, dict)]
        fields: dict = {"title": " ".join(title.split()), **_code(entry), **_code(inner)}
        if entry.get("isPoster") or inner.get("isPoster"):
            fields["kind"] = "posters"
        tracks: list[str] = [c["track"] for c in contributions if isinstance(c.get("track"), str) and c["track"].strip()]
        majority = max(sorted(set(tracks)), key=tracks.count) if tracks else None
        if majority:
            fields["stream"] = self._stream(majority)
        starts = (
            _moment(entry["startDate"], f"{where}.startDate", self.zone) if isinstance(entry.get("startDate"), dict) else None
        )
        ends = _moment(entry["endDate"], f"{where}.endDate", self.zone) if isinstance(entry.get("endDate"), dict) else None
        if starts is None and contributions:
            moments = [_moment(c["startDate"], where, self.zone) for c in contributions if isinstance(c.get("startDate"), dict)]
            starts = min(moments) if moments else None
        if ends is None and contributions:
            moments = [_moment(c["endDate"], where, self.zone) for c in contributions if isinstance(c.get("endDate"), dict)]
            ends = max(moments) if moments else None
        if starts is not None:
            fields.update(timing(starts, ends, self.zone))
        session_times = {key: fields[key] for key in ("start", "end", "duration") if key in fields}
        # In the order they are presented: by their own start (Indico lists them as they were
        # created), those without a time after, each kept where it stands in the export.
        placed = sorted(enumerate(contributions), key=lambda pair: self._start_key(pair[1], f"{where}.contributions[{pair[0]}]"))
        papers = [self._paper(c, f"{where}.contributions[{i}]", session_times, majority) for i, c in placed]
        room = entry.get("room") or inner.get("room")
        if isinstance(room, str) and room.strip():
            fields["room"] = " ".join(room.split())
        description = entry.get("description") or inner.get("description")
        if isinstance(description, str) and description.strip():
            fields["abstract"] = prose(description)
        conveners = [
            {"person": Ref("people", key), "role": "Convener"}
            for key in (self._person(p) for p in entry.get("sessionConveners") or entry.get("conveners") or [])
            if key
        ]
        if conveners:
            fields["people"] = conveners
        if papers:
            fields["papers"] = [Ref("papers", key) for key in papers]
        ident = entry.get("id") or inner.get("id")
        if ident not in (None, ""):
            fields["source_id"] = str(ident)
        self.sessions.append(Item(f"session:{ident if ident not in (None, '') else title}", title, fields))

    def contribution_alone(self, contribution: dict, where: str) -> None:
        """A contribution in no session: a session (talk) of its own."""
        title = contribution.get("title")
        if not isinstance(title, str) or not title.strip():
            raise SourceError(f"{where}: a contribution without a title")
        fields: dict = {"title": " ".join(title.split()), **_code(contribution)}
        if isinstance(contribution.get("track"), str) and contribution["track"].strip():
            fields["stream"] = self._stream(contribution["track"])
        fields.update(self._times(contribution, where))
        if isinstance(contribution.get("room"), str) and contribution["room"].strip():
            fields["room"] = " ".join(contribution["room"].split())
        if isinstance(contribution.get("description"), str) and contribution["description"].strip():
            fields["abstract"] = prose(contribution["description"])
        people = self._authors(contribution)
        if people:
            fields["people"] = [{k: v for k, v in p.items() if k != "presenting"} for p in people if p.get("presenting", True)]
            if not fields["people"]:
                del fields["people"]
        ident = contribution.get("id")
        if ident not in (None, ""):
            fields["source_id"] = str(ident)
        self.sessions.append(Item(f"contribution:{ident if ident not in (None, '') else title}", title, fields))

    def _paper(self, contribution: dict, where: str, session_times: dict, session_track: str | None) -> str:
        title = contribution.get("title")
        if not isinstance(title, str) or not title.strip():
            raise SourceError(f"{where}: a contribution without a title")
        fields: dict = {"title": " ".join(title.split()), **_code(contribution)}
        track = contribution.get("track")
        if isinstance(track, str) and track.strip() and track != session_track:
            fields["stream"] = self._stream(track)  # its own, in a session that mixes tracks
        if isinstance(contribution.get("description"), str) and contribution["description"].strip():
            fields["abstract"] = prose(contribution["description"])
        people = self._authors(contribution)
        if people:
            fields["people"] = people
        own = {key: value for key, value in self._times(contribution, where).items() if key != "date"}
        if own != session_times:  # a paper for the whole session (a poster) has no time of its own
            fields.update(own)
        if isinstance(contribution.get("board_number"), (str, int)) and str(contribution["board_number"]).strip():
            fields["board"] = str(contribution["board_number"])
        ident = contribution.get("id")
        if ident not in (None, ""):
            fields["source_id"] = str(ident)
        key = f"contribution:{ident if ident not in (None, '') else title}"
        self.papers.append(Item(key, title, fields))
        return key

    def _start_key(self, contribution: dict, where: str) -> tuple:
        if not isinstance(contribution.get("startDate"), dict):
            return (1, "")
        return (0, _moment(contribution["startDate"], f"{where}.startDate", self.zone).isoformat())

    def _times(self, contribution: dict, where: str) -> dict:
        if not isinstance(contribution.get("startDate"), dict):
            return {}
        starts = _moment(contribution["startDate"], f"{where}.startDate", self.zone)
        ends = (
            _moment(contribution["endDate"], f"{where}.endDate", self.zone)
            if isinstance(contribution.get("endDate"), dict)
            else None
        )
        if ends is None and isinstance(contribution.get("duration"), (int, float)):
            ends = starts + dt.timedelta(minutes=contribution["duration"])
        return timing(starts, ends, self.zone)

    def _authors(self, contribution: dict) -> list[dict]:
        """The authors in the paper's order (primary authors, then co-authors), those who
        speak marked presenting; a speaker who is no author after them. Each once."""
        speaking = {key for key in map(self._person, contribution.get("speakers") or []) if key}
        entries: list[dict] = []
        seen: set[str] = set()
        for group in ("primaryauthors", "coauthors", "speakers"):
            for person in contribution.get(group) or []:
                key = self._person(person)
                if key is None or key in seen:
                    continue
                seen.add(key)
                presenting = key in speaking
                entry: dict[str, object] = {"person": Ref("people", key), "role": "Speaker" if presenting else "Author"}
                if not presenting:
                    entry["presenting"] = False
                entries.append(entry)
        return entries

    def _person(self, person) -> str | None:
        if not isinstance(person, dict):
            return None
        # First and last name where Indico gives both: its fullName is often "Last, First".
        name = " ".join(
            part.strip() for part in (person.get("first_name"), person.get("last_name")) if isinstance(part, str) and part.strip()
        ) if all(isinstance(person.get(k), str) and person[k].strip() for k in ("first_name", "last_name")) else (
            person.get("fullName") or person.get("full_name")
        )  # fmt: skip
        if not isinstance(name, str) or not name.strip():
            return None
        name = " ".join(name.split())
        affiliation = person.get("affiliation")
        affiliation = affiliation if isinstance(affiliation, str) else ""
        ident = person.get("person_id") or person.get("db_id") or person.get("id")
        key = f"person:{ident}" if ident not in (None, "") else f"person-name:{name}|{affiliation.strip()}"
        # Indico may give one person several ids (one per contribution): the same e-mail's
        # hash, or the same name with the same affiliation, is the person met before.
        email = person.get("emailHash")
        sames = [f"email:{email}"] if isinstance(email, str) and _HASH.fullmatch(email) else []
        sames.append(f"name:{name.casefold()}|{' '.join(affiliation.split()).casefold()}")
        known = next((self._aliases[same] for same in sames if same in self._aliases), None)
        if known is not None:
            return known
        for same in sames:
            self._aliases[same] = key
        if key not in self.people:
            fields: dict = {"name": name}
            last, first = person.get("last_name"), person.get("first_name")
            if isinstance(last, str) and last.strip() and isinstance(first, str) and first.strip():
                fields["sort_name"] = f"{last.strip()}, {first.strip()}"
            if affiliation.strip():
                fields["affiliation"] = " ".join(affiliation.split())
            if ident not in (None, ""):
                fields["source_id"] = str(ident)
            self.people[key] = Item(key, name, fields)
        return key

    def _stream(self, track: str) -> Ref:
        key = f"track:{track}"
        if key not in self.streams:
            self.streams[key] = Item(key, track, {"name": " ".join(track.split())})
        return Ref("streams", key)


def _zone(event: dict, given: str | None) -> ZoneInfo:
    name = given or event.get("timezone") or (event.get("startDate") or {}).get("tz")
    if not isinstance(name, str) or not name.strip():
        raise SourceError("results[0].timezone: the event names no time zone: give it with --timezone")
    try:
        return ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SourceError(f"results[0].timezone: unknown time zone {name!r}") from None


def _moment(value: dict, where: str, zone: ZoneInfo) -> dt.datetime:
    try:
        local = dt.datetime.fromisoformat(f"{value['date']}T{value.get('time') or '00:00:00'}")
        return local.replace(tzinfo=ZoneInfo(value["tz"]) if value.get("tz") else zone)
    except (KeyError, TypeError, ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise SourceError(f"{where}: {value!r} is not a date and time") from None


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise SourceError(f"{where}: expected an object, found {type(value).__name__}")
    return value


_HASH = re.compile(r"[0-9a-f]{16,}")


def _code(entry: dict) -> dict:
    """The programme code Indico gives a session or contribution (`MOP23`), as `code`."""
    code = entry.get("code")
    return {"code": " ".join(code.split())} if isinstance(code, str) and code.strip() else {}
