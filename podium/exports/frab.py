"""Schedule data for conference apps: frab `schedule.xml` and c3voc `schedule.json`.

Giggity, EventFahrplan, ConfClerk and the c3voc tools read these. Both are built from
one list of days, rooms and events, so they always agree; tests validate them against
the published XSD and JSON Schema. Streams are tracks; a session without a room goes
into a placeholder room; sessions without a date or start time are left out (an app
needs a time), and so are breaks; a session without an end lasts the conference's
`default_duration`.

A session is one event, its papers listed in its description and its presenting
authors among its persons; when every paper of a session has its own time, the
papers are the events instead (never two overlapping events for one session).
Links of kind slides and paper are attachments, the others links.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
from dataclasses import dataclass, field

from ..programme.model import Appearance, Link, Paper, Programme, Session, in_calendars
from ..text.uris import as_uri
from ..text.when import zone_name
from . import ids, json_pieces
from .indented_xml import IndentedXML

PLACEHOLDER_ROOM = "Room to be announced"
PAPER_TYPE = "paper"
# Podium's link kinds as the c3voc Reference types; slides and papers are attachments.
_REFERENCE_TYPES = {
    "slides": "slides", "paper": "paper", "video": "media", "livestream": "media",
    "code": "related", "website": "web", "other": "related",
}  # fmt: skip
_ATTACHMENT_KINDS = {"slides", "paper"}
JSON_SCHEMA_ID = "https://c3voc.de/schedule/schema.json"
# A frab track slug must start with a letter (pretalx's export fails the XSD there).
_XML_SLUG = re.compile(r"[a-z][a-z0-9-]+")


@dataclass
class Day:
    index: int  # from 1
    date: dt.date
    rooms: dict[str, list[Session | Paper]] = field(default_factory=dict)  # room name → events


def days(programme: Programme) -> list[Day]:
    """The events (scheduled sessions, or their papers) by day and room, in programme order."""
    result: dict[dt.date, Day] = {}
    # Cancelled sessions and papers are left out: conference apps (EventFahrplan, Giggity)
    # show what a new version of the schedule no longer has as cancelled, and neither
    # format has a word for it (c3voc's classic schema allows no other field).
    for session in (s for s in in_calendars(programme.sessions) if not s.cancelled):
        # A congress's day runs on past midnight (day_change), as frab's own days do; each
        # event keeps its real date and time.
        date = session.programme_day(programme.conference.day_change) or session.day
        day = result.setdefault(date, Day(len(result) + 1, date))
        day.rooms.setdefault(session.room or PLACEHOLDER_ROOM, []).extend(events_of(session))
    return list(result.values())


def events_of(session: Session) -> list[Session | Paper]:
    """The session as one event, or its papers when every one has its own time."""
    if session.papers and all(paper.own_time for paper in session.papers):
        return [paper for paper in session.papers if not paper.cancelled]
    return [session]


class Schedule:
    """`schedule.xml` and `schedule.json`, from one description of the conference.

    Each is made on demand, so that a build can write the one and let it go before
    making the other (at 5,000 sessions each is about 15 MB, and takes about twice
    that while written).
    `urls` maps session ids to page addresses.
    """

    def __init__(self, programme: Programme, urls: dict[str, str], paper_urls: dict[str, str]) -> None:
        self.programme = programme
        self.urls = urls
        self.paper_urls = paper_urls

    @functools.cached_property
    def _description(self) -> dict:
        return _conference(self.programme, self.urls, self.paper_urls)

    def xml(self) -> bytes:
        return schedule_xml(self.programme, self._description)

    def json(self) -> bytes:
        return schedule_json(self.programme, self._description)


def schedule_json(programme: Programme, conference: dict) -> bytes:
    """`schedule.json` in the c3voc format."""
    schedule: dict[str, object] = {"version": _version(programme, conference)}
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
        xml.leaf("version", _version(programme, conference))
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


def _conference(programme: Programme, urls: dict[str, str], paper_urls: dict[str, str]) -> dict:
    conference = programme.conference
    scheduled = days(programme)
    events = [event for day in scheduled for in_room in day.rooms.values() for event in in_room]
    keys = [_key(event) for event in events]
    numbers = ids.numeric_ids(conference, keys, {_key(e): e.source_id for e in events if e.source_id})
    json_days = []
    for day in scheduled:
        events = [e for in_room in day.rooms.values() for e in in_room]
        json_days.append({
            "index": day.index,
            "date": day.date.isoformat(),
            "day_start": min(e.start_moment(conference.zone) for e in events).isoformat(),
            "day_end": max(e.end_moment(conference) for e in events).isoformat(),
            "rooms": {
                room: [_event(programme, e, numbers[_key(e)], urls, paper_urls) for e in in_room]
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
        "time_zone_name": zone_name(conference.zone.key),
    }
    if conference.url:
        result["url"] = conference.url
    result["tracks"] = [{"name": s.name, "slug": s.id} for s in programme.streams]
    result["rooms"] = [{"name": room, "guid": _room_guid(programme, room)} for room in rooms]
    result["days"] = json_days
    return result


def _key(event: Session | Paper) -> tuple[str, str]:
    return ("paper" if isinstance(event, Paper) else "session", event.id)


def _event(programme: Programme, event: Session | Paper, number: int, urls: dict, paper_urls: dict) -> dict:
    conference = programme.conference
    starts_at = event.start_moment(conference.zone)
    ends_at = event.end_moment(conference)
    if isinstance(event, Paper):
        session = programme.session_holding(event)
        guid = ids.guid(conference, "paper", event.id)
        subtitle: str | None
        url, kind, subtitle = paper_urls[event.id], PAPER_TYPE, event.subtitle or session.title
        persons, description, language = event.presenters, event.description, event.language
        opted_out = not event.recording or not session.recording
    else:
        guid = event.guid or ids.guid(conference, "session", event.id)
        url, kind, subtitle = urls[event.id], event.kind, event.subtitle
        presenting = [a for paper in event.papers for a in paper.presenters]
        description = "\n\n".join(text for text in (event.description, _papers_text(event)) if text) or None
        persons, language = (*event.people, *presenting), event.language
        # One recording holds the whole session: a paper's presenters who said no make it a no.
        opted_out = not event.recording or any(not paper.recording for paper in event.papers)
    references = _references(programme, event)
    links = [(link, title) for link, title in references if link.kind not in _ATTACHMENT_KINDS]
    attachments = [(link, title) for link, title in references if link.kind in _ATTACHMENT_KINDS]
    recording = {"do_not_record": True} if opted_out else {}
    return {
        "guid": guid,
        "id": number,
        "date": starts_at.isoformat(),
        "start": f"{event.start:%H:%M}",
        "end": ends_at.isoformat(),
        "duration": _duration(ends_at - starts_at),
        "room": event.room or PLACEHOLDER_ROOM,
        "slug": f"{ids.acronym(conference)}-{event.id}",
        "url": url,
        "title": event.title,
        "subtitle": subtitle,
        "track": event.stream.name if event.stream else None,
        "type": kind,
        "language": language or conference.language,
        "abstract": event.abstract,
        "description": description,
        "persons": _persons(programme, persons),
        "links": [_reference(link, title) for link, title in links],
        "attachments": [_reference(link, title) for link, title in attachments],
        **recording,
    }


def _papers_text(session: Session) -> str | None:
    """The session's papers, one a line, for apps that show an event's description."""
    if not session.papers:
        return None
    lines = []
    for paper in session.papers:
        authors = ", ".join(a.person.name for a in paper.people)
        lines.append(f"{paper.position}. {paper.title}" + (f" ({authors})" if authors else ""))
    return "\n".join(lines)


def _persons(programme: Programme, appearances) -> list[dict]:
    """Each person once, in order of first mention."""
    seen: dict[str, dict] = {}
    for appearance in appearances:
        if appearance.person.id not in seen:
            seen[appearance.person.id] = _person(programme, appearance)
    return list(seen.values())


def _references(programme: Programme, event: Session | Paper) -> list[tuple[Link, str | None]]:
    """The event's links with their titles: a session's own and its papers' (titled by paper);
    a paper's own and its session's (a session's recording holds each paper's talk)."""
    if isinstance(event, Paper):
        session = programme.session_holding(event)
        return [(link, link.label) for link in (*event.links, *session.links)]
    own = [(link, link.label) for link in event.links]
    of_papers = [(link, f"{paper.title}: {link.label or link.kind}") for paper in event.papers for link in paper.links]
    return own + of_papers


def _reference(link: Link, title: str | None) -> dict:
    reference = {"type": _REFERENCE_TYPES[link.kind], "url": as_uri(link.url)}
    if title:
        reference["title"] = title
    return reference


def _person(programme: Programme, appearance: Appearance) -> dict:
    person = appearance.person
    result = {"name": person.name, "guid": ids.guid(programme.conference, "person", person.id)}
    if person.bio:
        result["biography"] = person.bio
    return result


def _xml_event(xml: IndentedXML, event: dict) -> None:
    with xml.element("event", {"guid": event["guid"], "id": str(event["id"])}):
        for key in ("room", "title"):
            xml.leaf(key, event[key])
        if event["subtitle"]:
            xml.leaf("subtitle", event["subtitle"])
        for key in ("type", "date", "start", "duration"):
            xml.leaf(key, event[key])
        xml.leaf("abstract", event["abstract"] or "")
        xml.leaf("track", event["track"] or "")
        xml.leaf("language", event["language"])
        if event["description"]:
            xml.leaf("description", event["description"])
        with xml.element("persons"):
            for person in event["persons"]:
                xml.leaf("person", person["name"], {"guid": person["guid"]})
        if event.get("do_not_record"):
            with xml.element("recording"):
                xml.leaf("license", "")
                xml.leaf("optout", "true")
        _xml_references(xml, "links", "link", event["links"])
        _xml_references(xml, "attachments", "attachment", event["attachments"])
        if event["url"].startswith(("https://", "http://")):
            xml.leaf("url", event["url"])


def _xml_references(xml: IndentedXML, name: str, item: str, references: list[dict]) -> None:
    if not references:
        if name == "links":
            xml.leaf("links")  # as before there were links: apps expect the element
        return
    with xml.element(name):
        for reference in references:
            xml.leaf(item, reference.get("title", ""), {"href": reference["url"], "type": reference["type"]})


def _duration(length: dt.timedelta) -> str:
    minutes = int(length.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _timeslot(programme: Programme) -> str:
    """The grid apps draw: the largest step (up to an hour) that every start and end fits."""
    step = 60
    times = [(s.start, s.end) for s in programme.sessions] + [(p.start, p.end) for p in programme.papers if p.own_time]
    for pair in times:
        for time in pair:
            if time is not None:
                step = math.gcd(step, time.hour * 60 + time.minute)
    return _duration(dt.timedelta(minutes=max(step, 1)))


def _room_guid(programme: Programme, room: str) -> str:
    return ids.guid(programme.conference, "room", room)


def _version(programme: Programme, conference: dict) -> str:
    """The publication's number and commit where git has the history, so that it changes
    with every publication; else a digest that changes exactly when the schedule does.
    Either way apps know when to refresh."""
    if programme.history.version:
        return programme.history.version
    canonical = hashlib.sha256()
    # The JSON of json.dumps(conference, sort_keys=True), hashed as it is written down to
    # each event (conference, days, day, rooms, room).
    json_pieces.write(conference, canonical.update, depth=5, separators=(", ", ": "), sort_keys=True)
    return canonical.hexdigest()[:12]
