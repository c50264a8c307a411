"""Schedule data for conference apps: frab `schedule.xml` and c3voc `schedule.json`.

Giggity, EventFahrplan, ConfClerk and the c3voc tools read these. Both are built from
one list of days, rooms and events, so they always agree; tests validate them against
the published XSD and JSON Schema. Streams are tracks; a session without a room goes
into a placeholder room; sessions without a date or start time are left out (an app
needs a time); a session without an end lasts the conference's `default_duration`.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from dataclasses import dataclass, field

from ..programme.model import Programme, Session
from . import ids, json_pieces
from .indented_xml import IndentedXML

PLACEHOLDER_ROOM = "Room to be announced"
EVENT_TYPE = "talk"  # the data has no session types yet; "talk" is what apps expect
JSON_SCHEMA_ID = "https://c3voc.de/schedule/schema.json"
# A frab track slug must start with a letter (pretalx's export fails the XSD there).
_XML_SLUG = re.compile(r"[a-z][a-z0-9-]+")


@dataclass
class Day:
    index: int  # from 1
    date: dt.date
    rooms: dict[str, list[Session]] = field(default_factory=dict)  # room name → sessions


def days(programme: Programme) -> list[Day]:
    """The scheduled sessions by day and room, in programme order."""
    result: dict[dt.date, Day] = {}
    for session in programme.sessions:
        if not session.is_timed:
            continue
        day = result.setdefault(session.date, Day(len(result) + 1, session.date))
        day.rooms.setdefault(session.room or PLACEHOLDER_ROOM, []).append(session)
    return list(result.values())


class Schedule:
    """`schedule.xml` and `schedule.json`, from one description of the conference.

    Each is made on demand, so that a build can write the one and let it go before
    making the other (at 5,000 sessions each is about 15 MB, and takes about twice
    that while written).
    `urls` maps session ids to page addresses.
    """

    def __init__(self, programme: Programme, urls: dict[str, str]) -> None:
        self.programme = programme
        self.urls = urls

    @functools.cached_property
    def _description(self) -> dict:
        return _conference(self.programme, self.urls)

    def xml(self) -> bytes:
        return schedule_xml(self.programme, self._description)

    def json(self) -> bytes:
        return schedule_json(self.programme, self._description)


def schedule_json(programme: Programme, conference: dict) -> bytes:
    """`schedule.json` in the c3voc format."""
    schedule = {"version": _version(conference)}
    if programme.conference.url:
        schedule["base_url"] = programme.conference.url
    schedule["conference"] = conference
    data = {"$schema": JSON_SCHEMA_ID, "generator": {"name": "Podium"}, "schedule": schedule}
    # Compact: Python's JSON encoder is written in C only for output without indent,
    # which is five times faster on a large programme, and smaller to download.
    # Written down to each event (data, schedule, conference, days, day, rooms, room).
    return json_pieces.dumps(data, depth=7, end=b"\n")


def schedule_xml(programme: Programme, conference: dict) -> bytes:
    """`schedule.xml` in the frab format, from the same data as `schedule.json`."""
    xml = IndentedXML()
    with xml.element("schedule"):
        xml.leaf("generator", attributes={"name": "Podium"})
        if programme.conference.url:
            xml.leaf("url", programme.conference.url + "schedule.xml")
        xml.leaf("version", _version(conference))
        with xml.element("conference"):
            for key in ("title", "acronym", "start", "end"):
                xml.leaf(key, conference[key])
            xml.leaf("days", str(conference["daysCount"]))
            xml.leaf("timeslot_duration", conference["timeslot_duration"])
            if programme.conference.url:
                xml.leaf("base_url", programme.conference.url)
                xml.leaf("url", programme.conference.url)
            xml.leaf("time_zone_name", conference["time_zone_name"])
            for track in conference["tracks"]:
                attributes = {"name": track["name"]}
                if _XML_SLUG.fullmatch(track["slug"]):
                    attributes["slug"] = track["slug"]
                xml.leaf("track", attributes=attributes)
        for day in conference["days"]:
            times = {"index": str(day["index"]), "date": day["date"], "start": day["day_start"], "end": day["day_end"]}
            with xml.element("day", times):
                for room_name, events in day["rooms"].items():
                    with xml.element("room", {"name": room_name, "guid": _room_guid(programme, room_name)}):
                        for event in events:
                            _xml_event(xml, event)
    return xml.bytes()


def _conference(programme: Programme, urls: dict[str, str]) -> dict:
    conference = programme.conference
    numbers = ids.numeric_ids(conference, [s.id for s in programme.sessions])
    scheduled = days(programme)
    json_days = []
    for day in scheduled:
        sessions = [s for in_room in day.rooms.values() for s in in_room]
        json_days.append({
            "index": day.index,
            "date": day.date.isoformat(),
            "day_start": min(s.starts_at(conference.zone) for s in sessions).isoformat(),
            "day_end": max(s.ends_at_or_default(conference) for s in sessions).isoformat(),
            "rooms": {
                room: [_event(programme, s, numbers[s.id], urls[s.id]) for s in in_room]
                for room, in_room in day.rooms.items()
            },
        })  # fmt: skip
    rooms = list(dict.fromkeys(room for day in scheduled for room in day.rooms))
    result = {
        "acronym": ids.acronym(conference),
        "title": conference.name,
        "start": (conference.start_date or scheduled[0].date).isoformat(),
        "end": (conference.end_date or scheduled[-1].date).isoformat(),
        "daysCount": len(scheduled),
        "timeslot_duration": _timeslot(programme),
        "time_zone_name": conference.zone.key,
    }
    if conference.url:
        result["url"] = conference.url
    result["tracks"] = [{"name": s.name, "slug": s.id} for s in programme.streams]
    result["rooms"] = [{"name": room, "guid": _room_guid(programme, room)} for room in rooms]
    result["days"] = json_days
    return result


def _event(programme: Programme, session: Session, number: int, url: str) -> dict:
    conference = programme.conference
    starts_at = session.starts_at(conference.zone)
    ends_at = session.ends_at_or_default(conference)
    return {
        "guid": ids.guid(conference, "session", session.id),
        "id": number,
        "date": starts_at.isoformat(),
        "start": f"{session.start:%H:%M}",
        "end": ends_at.isoformat(),
        "duration": _duration(ends_at - starts_at),
        "room": session.room or PLACEHOLDER_ROOM,
        "slug": f"{ids.acronym(conference)}-{session.id}",
        "url": url,
        "title": session.title,
        "subtitle": None,
        "track": session.stream.name if session.stream else None,
        "type": EVENT_TYPE,
        "language": conference.language,
        "abstract": session.abstract,
        "description": None,
        "persons": [_person(programme, a) for a in session.people],
        "links": [],
    }


def _person(programme: Programme, appearance) -> dict:
    person = appearance.person
    result = {"name": person.name, "guid": ids.guid(programme.conference, "person", person.id)}
    if person.bio:
        result["biography"] = person.bio
    return result


def _xml_event(xml: IndentedXML, event: dict) -> None:
    with xml.element("event", {"guid": event["guid"], "id": str(event["id"])}):
        for key in ("room", "title", "type", "date", "start", "duration"):
            xml.leaf(key, event[key])
        xml.leaf("abstract", event["abstract"] or "")
        xml.leaf("track", event["track"] or "")
        xml.leaf("language", event["language"])
        with xml.element("persons"):
            for person in event["persons"]:
                xml.leaf("person", person["name"], {"guid": person["guid"]})
        xml.leaf("links")
        if event["url"].startswith(("https://", "http://")):
            xml.leaf("url", event["url"])


def _duration(length: dt.timedelta) -> str:
    minutes = int(length.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _timeslot(programme: Programme) -> str:
    """The grid apps draw: the largest step (up to an hour) that every start and end fits."""
    step = 60
    for session in programme.sessions:
        for time in (session.start, session.end):
            if time is not None:
                step = math.gcd(step, time.hour * 60 + time.minute)
    return _duration(dt.timedelta(minutes=max(step, 1)))


def _room_guid(programme: Programme, room: str) -> str:
    return ids.guid(programme.conference, "room", room)


def _version(conference: dict) -> str:
    """Changes exactly when the schedule does, so apps know when to refresh."""
    canonical = hashlib.sha256()
    # The JSON of json.dumps(conference, sort_keys=True), hashed as it is written down to
    # each event (conference, days, day, rooms, room).
    json_pieces.write(conference, canonical.update, depth=5, separators=(", ", ": "), sort_keys=True)
    return canonical.hexdigest()[:12]
