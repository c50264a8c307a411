"""c3voc `schedule.json`, as pretalx, frab and the c3voc tools write it, and frab's `schedule.xml`.

Two JSON shapes: the classic one (days → rooms → events, persons inside each event)
and "schedule2" (events and persons listed apart, rooms by guid). frab's XML has the
classic shape as elements (frab_xml.py turns it into the same dictionaries). Every
event becomes a session; tracks become streams; the source's guids and ids are kept
(`guid`, `source_id`), so recordings still match.
"""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
import zoneinfo
from typing import TypeGuard
from zoneinfo import ZoneInfo

from .imported import Imported, Item, Ref, SourceError, kind_of, link_kind, prose, timing
from .nights import Nights, aware

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
# Links of the platform itself, not of the talk.
_PLATFORM_LINKS = {"origin", "feedback"}


def is_c3voc(data) -> bool:
    return isinstance(data, dict) and isinstance(data.get("schedule"), dict) and "conference" in data["schedule"]


def read(data: dict, timezone: str | None, source: str = "c3voc schedule.json") -> Imported:
    schedule = data["schedule"]
    conference = _mapping(schedule.get("conference"), "schedule.conference")
    zone = _zone(conference.get("time_zone_name"), timezone)
    base_url = schedule.get("base_url") if isinstance(schedule.get("base_url"), str) else None
    reader = _Reader(zone, base_url, _language(conference))
    if isinstance(schedule.get("events"), list):  # schedule2: events and persons listed apart
        reader.read_persons(schedule.get("persons") or [], "schedule.persons")
        reader.read_tracks(conference.get("tracks") or [])
        for index, event in enumerate(schedule["events"]):
            reader.event(_mapping(event, f"schedule.events[{index}]"), f"schedule.events[{index}]")
        shape = "schedule2"
    else:
        reader.read_tracks(conference.get("tracks") or [])
        days = conference.get("days")
        if not isinstance(days, list):
            raise SourceError("schedule.conference.days: missing, or not a list of days")
        nights = Nights(zone)
        for d, day in enumerate(days):
            day = _mapping(day, f"schedule.conference.days[{d}]")
            nights.day(day)
            for room, events in _mapping(day.get("rooms") or {}, f"schedule.conference.days[{d}].rooms").items():
                for index, event in enumerate(events or []):
                    where = f"schedule.conference.days[{d}].rooms[{room!r}][{index}]"
                    nights.event(day, reader.event(_mapping(event, where), where, room))
        shape = "classic"
        if "day_change" not in conference and (day_change := nights.day_change()):
            conference = {**conference, "day_change": day_change}
    reader.settle_language()
    rooms = reader.rooms(conference.get("rooms"))
    imported = Imported(
        source=f"{source} ({shape})",
        conference=_conference(conference, zone, reader.language),
        streams=list(reader.streams.values()),
        sessions=reader.sessions,
        people=list(reader.people.values()),
        rooms=rooms,
        notes=reader.notes,
    )
    reader.note_offsets(zone)
    return imported


class _Reader:
    def __init__(self, zone: ZoneInfo, base_url: str | None, language: str | None) -> None:
        self.zone = zone
        self.base_url = base_url
        self.language = language
        self.streams: dict[str, Item] = {}
        self.sessions: list[Item] = []
        self.people: dict[str, Item] = {}
        self.person_keys: dict[str, str] = {}  # a source's person guid or id → the person's key
        self.track_names: dict[str, str] = {}  # track slug → name
        self.notes: list[str] = []
        self.offsets_seen: set[dt.timedelta] = set()
        self.zone_offsets: set[dt.timedelta] = set()

    def read_tracks(self, tracks: list) -> None:
        for track in tracks:
            if isinstance(track, dict) and isinstance(track.get("name"), str):
                self.track_names[str(track.get("slug") or track["name"])] = track["name"]

    def read_persons(self, persons: list, where: str) -> None:
        for index, person in enumerate(persons):
            self._person(_mapping(person, f"{where}[{index}]"))

    def event(self, event: dict, where: str, room: str | None = None) -> dt.datetime:
        """Read one event as a session; its start."""
        where = event.get("__where__", where)  # an XML source's line, in place of a JSON path
        title = event.get("title")
        if not isinstance(title, str) or not title.strip():
            raise SourceError(f"{where}: an event without a title")
        starts, ends = self._times(event, where)
        fields: dict = {"title": _line(title)}
        if _text(event.get("subtitle")):
            fields["subtitle"] = _line(event["subtitle"])
        kind = kind_of(event.get("type") if isinstance(event.get("type"), str) else None)
        if kind:
            fields["kind"] = kind
        stream = self._stream(event.get("track"))
        if stream:
            fields["stream"] = stream
        fields.update(timing(starts, ends, self.zone))
        room_name = event.get("room")
        if isinstance(room_name, dict):
            room_name = room_name.get("name")
        room_name = room_name if isinstance(room_name, str) and room_name.strip() else room
        if room_name:
            fields["room"] = _line(room_name)
        for key in ("abstract", "description"):
            if _text(event.get(key)):
                fields[key] = prose(event[key])
        language = event.get("language")
        if isinstance(language, str) and _LANGUAGE.match(language) and language != self.language:
            fields["language"] = language
        people = self._people_of(event)
        if people:
            fields["people"] = people
        links = self._links(event)
        if links:
            fields["links"] = links
        guid = event.get("guid")
        if isinstance(guid, str) and _UUID.match(guid):
            fields["guid"] = guid.lower()
        source_id = event.get("code") or event.get("id")
        if source_id not in (None, ""):
            fields["source_id"] = str(source_id)
        # pretalx's do_not_record; frab XML's <recording><optout> (frab_xml.py) arrives as the same.
        if event.get("do_not_record") is True:
            fields["recording"] = False
        key = f"event:{guid or source_id or title}"
        self.sessions.append(Item(key, title, fields))
        return starts

    def rooms(self, listed) -> list[Item]:
        """The rooms the sessions use, in the order the schedule lists its rooms, with
        their descriptions and capacities; none when the schedule lists no rooms (its
        order would then be only the order of use, which Podium finds by itself)."""
        if not isinstance(listed, list) or not listed:
            return []
        used = list(dict.fromkeys(session.fields["room"] for session in self.sessions if "room" in session.fields))
        details: dict[str, dict] = {}
        for room in listed:
            if isinstance(room, dict) and isinstance(room.get("name"), str) and _line(room["name"]) in used:
                details.setdefault(_line(room["name"]), self._room_fields(room))
        ordered = list(details) + [name for name in used if name not in details]
        return [Item(f"room:{name}", name, details.get(name) or {"name": name}) for name in ordered]

    def _room_fields(self, room: dict) -> dict:
        fields = {"name": _line(room["name"])}
        description = room.get("description")
        if isinstance(description, dict):  # schedule2: by language
            description = description.get(self.language or "") or description.get("en") or next(iter(description.values()), None)
        if _text(description):
            fields["description"] = prose(description)
        capacity = room.get("capacity")
        if isinstance(capacity, int) and not isinstance(capacity, bool) and 0 < capacity < 1_000_000:
            fields["capacity"] = str(capacity)
        return fields

    def _times(self, event: dict, where: str) -> tuple[dt.datetime, dt.datetime | None]:
        text = event.get("date") or event.get("start")
        starts = _moment(text, f"{where}.date")
        offset, zone_offset = starts.utcoffset(), starts.astimezone(self.zone).utcoffset()
        if offset is not None and zone_offset is not None:
            self.offsets_seen.add(offset)
            self.zone_offsets.add(zone_offset)
        if isinstance(event.get("end"), str) and "T" in event["end"]:
            return starts, _moment(event["end"], f"{where}.end")
        duration = event.get("duration")
        if duration in (None, ""):
            return starts, None
        return starts, starts + _duration(duration, f"{where}.duration")

    def _stream(self, track) -> Ref | None:
        if isinstance(track, dict):
            slug = track.get("slug") or track.get("name")
            name = track.get("name") or self.track_names.get(str(slug)) or slug
        else:
            name = track
            # A track named in the conference's list has its slug there.
            slug = next((slug for slug, known in self.track_names.items() if known == track), track)
        if not isinstance(name, str) or not name.strip():
            return None
        key = f"track:{slug}"
        if key not in self.streams:
            # The source's slug, where it is an id already, else the name, makes the id.
            id_basis = slug if isinstance(slug, str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) else name
            self.streams[key] = Item(key, id_basis, {"name": _line(name)})
        return Ref("streams", key)

    def _people_of(self, event: dict) -> list[dict]:
        people = []
        for entry in event.get("persons") or event.get("participants") or []:
            if not isinstance(entry, dict):
                continue
            key = self._person(entry)
            if key is None:
                continue
            role = entry.get("role")
            people.append({"person": Ref("people", key), "role": _role(role)})
        return people

    def _person(self, entry: dict) -> str | None:
        """The key of the person `entry` names, recorded once; merged by id, else by name."""
        name = entry.get("public_name") or entry.get("name") or entry.get("full_public_name")
        if not isinstance(name, str) or not name.strip():
            return None
        ident = entry.get("guid") or entry.get("code") or entry.get("id")
        if ident not in (None, "") and str(ident) in self.person_keys:
            key = self.person_keys[str(ident)]
        else:
            key = f"person:{ident}" if ident not in (None, "") else f"person-name:{name.strip()}"
            if ident not in (None, ""):
                self.person_keys[str(ident)] = key
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Item(key, name, {"name": _line(name)})
            if ident not in (None, ""):
                person.fields["source_id"] = str(ident)
        bio = entry.get("biography")
        if _text(bio) and "bio" not in person.fields:
            person.fields["bio"] = prose(bio)
            person.fields = _ordered(person.fields, ("name", "bio", "source_id"))
        return key

    def _links(self, event: dict) -> list[dict]:
        links = []
        for group in ("links", "attachments"):
            for entry in event.get(group) or []:
                if isinstance(entry, str):
                    entry = {"url": entry}
                if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
                    continue
                kind_word = entry.get("type") if isinstance(entry.get("type"), str) else None
                if kind_word and kind_word.casefold() in _PLATFORM_LINKS:
                    continue
                url = self._absolute(entry["url"])
                if url is None:
                    self.notes.append(f"left out a link that is not a web address: {entry['url']!r}")
                    continue
                kind = link_kind(kind_word or (entry.get("title") if group == "attachments" else None), url)
                link = {"url": url, "kind": kind}
                if _text(entry.get("title")):
                    link["label"] = _line(entry["title"])
                links.append(link)
        return links

    def _absolute(self, url: str) -> str | None:
        url = url.strip()
        if not _URL.match(url) and self.base_url:
            url = urllib.parse.urljoin(self.base_url, url)
        return url if _URL.match(url) else None

    def settle_language(self) -> None:
        """Without a conference language, the one most events are in is the site's; the
        sessions in it need not say so."""
        if self.language is not None:
            return
        languages = [s.fields["language"] for s in self.sessions if "language" in s.fields]
        if not languages:
            return
        self.language = max(sorted(set(languages)), key=languages.count)
        for session in self.sessions:
            if session.fields.get("language") == self.language:
                del session.fields["language"]

    def note_offsets(self, zone: ZoneInfo) -> None:
        if self.offsets_seen and self.offsets_seen != self.zone_offsets:
            shown = ", ".join(sorted(_offset(o) for o in self.offsets_seen))
            self.notes.append(
                f"the schedule names the time zone {zone.key}, but its times are at {shown}: each time was kept"
                " as the moment it names; if the venue is elsewhere, import again with --timezone"
            )


def _conference(conference: dict, zone: ZoneInfo, language: str | None) -> dict:
    title = conference.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SourceError("schedule.conference.title: the conference has no title")
    fields: dict = {"name": _line(title)}
    acronym = conference.get("acronym")
    if isinstance(acronym, str) and acronym.strip() and acronym.strip() != title.strip():
        fields["short_name"] = _line(acronym)
    fields["timezone"] = zone.key
    # Not the source's url or base_url: that is the schedule's own site, not the one Podium
    # publishes (every calendar and canonical link would point there). The publishing
    # workflow gives the site's address; conference.yml's url is for one of the organiser's.
    # frab and c3voc's day_change ("06:00:00"): a congress's nights belong to the day before.
    day_change = conference.get("day_change")
    if isinstance(day_change, str) and (found := re.fullmatch(r"\s*(\d{1,2}):(\d{2})(?::\d{2})?\s*", day_change)):
        if int(found[1]) < 24 and int(found[2]) < 60 and (int(found[1]), int(found[2])) != (0, 0):
            fields["day_change"] = f"{int(found[1]):02d}:{found[2]}"
    for key, field in (("start", "start_date"), ("end", "end_date")):
        value = conference.get(key)
        if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
            fields[field] = _local_date(value, zone)
    # A congress that ends at 06:00 ends with the night of its last day, not on the date after.
    ends = aware(conference.get("end"))
    if "day_change" in fields and ends is not None and "end_date" in fields:
        local = ends.astimezone(zone)
        if local.time() <= dt.time.fromisoformat(fields["day_change"]):
            fields["end_date"] = (local.date() - dt.timedelta(days=1)).isoformat()
    if language:
        fields["language"] = language
    return fields


def _language(conference: dict) -> str | None:
    defaults, languages = conference.get("defaults"), conference.get("languages")
    defaults = defaults if isinstance(defaults, dict) else {}
    languages = languages if isinstance(languages, list) else []
    for candidate in (defaults.get("language"), *(languages[:1])):
        if isinstance(candidate, str) and _LANGUAGE.match(candidate):
            return candidate
    return None


def _zone(named, given: str | None) -> ZoneInfo:
    name = given or named
    if not isinstance(name, str) or not name.strip():
        raise SourceError(
            "the schedule names no time zone (schedule.conference.time_zone_name):"
            " give the venue's with --timezone, such as --timezone Europe/Berlin"
        )
    try:
        return ZoneInfo(name.strip())
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        where = "--timezone" if given else "schedule.conference.time_zone_name"
        raise SourceError(f"{where}: unknown time zone {name!r}; use an IANA name such as Europe/Berlin") from None


def _moment(text, where: str) -> dt.datetime:
    if not isinstance(text, str):
        raise SourceError(f"{where}: the event has no start time")
    try:
        return dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise SourceError(f"{where}: {text!r} is not a date and time") from None


def _duration(text, where: str) -> dt.timedelta:
    if isinstance(text, (int, float)):
        return dt.timedelta(minutes=text)
    match = re.fullmatch(r"(\d{1,3}):(\d{2})(?::(\d{2}))?", str(text).strip())
    if not match:
        raise SourceError(f"{where}: {text!r} is not a duration as HH:MM")
    return dt.timedelta(hours=int(match[1]), minutes=int(match[2]), seconds=int(match[3] or 0))


def _local_date(text: str, zone: ZoneInfo) -> str:
    try:
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text[:10]
    return (moment.astimezone(zone) if moment.tzinfo else moment).date().isoformat()


def _offset(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _role(role) -> str:
    """The source's role word as Podium shows it: SPEAKER → Speaker."""
    if isinstance(role, str) and role.strip():
        return role.strip().replace("_", " ").capitalize() if role.isupper() else role.strip()
    return "Speaker"


def _mapping(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise SourceError(f"{where}: expected an object, found {type(value).__name__}")
    return value


def _text(value) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip())


def _line(text: str) -> str:
    """One line of text: titles and names with line breaks or tabs folded into spaces."""
    return " ".join(str(text).split())


def _ordered(fields: dict, order: tuple[str, ...]) -> dict:
    return {key: fields[key] for key in (*order, *fields) if key in fields}
