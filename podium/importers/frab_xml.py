"""frab `schedule.xml`: read with lxml (no entities resolved, nothing fetched), then imported as
the classic c3voc schedule it mirrors (c3voc.py). Places in messages are the XML's lines."""

from __future__ import annotations

from lxml import etree

from . import c3voc
from .imported import Imported, SourceError

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)


def read(raw: bytes, timezone: str | None) -> Imported:
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as error:
        line, column = error.position
        raise SourceError(f"schedule.xml line {line}, column {column}: not well-formed XML: {error.msg}") from None
    if root.tag != "schedule" or root.find("conference") is None:
        raise SourceError(f"schedule.xml line {root.sourceline}: not a frab schedule (no <schedule> with a <conference>)")
    return c3voc.read({"schedule": _schedule(root)}, timezone, source="frab schedule.xml")


def _schedule(root) -> dict:
    conference_element = root.find("conference")
    conference = {
        child.tag: (child.text or "").strip() for child in conference_element if len(child) == 0 and child.tag != "track"
    }
    conference["tracks"] = [
        {"name": track.get("name"), "slug": track.get("slug") or track.get("name")}
        for track in conference_element.iter("track")
        if track.get("name")
    ]
    # A day's <room name> elements, not the <room> inside each event, which names it again.
    conference["days"] = [
        {
            "date": day.get("date"),
            "day_end": day.get("end"),
            "rooms": {room.get("name") or "": [_event(event) for event in room.iter("event")] for room in day.findall("room")},
        }
        for day in root.iter("day")
    ]
    # The rooms in the order the schedule lists them, day by day: the timetable's columns.
    names = dict.fromkeys(room.get("name") for day in root.iter("day") for room in day.findall("room") if room.get("name"))
    conference["rooms"] = [{"name": name} for name in names]
    schedule: dict[str, object] = {"conference": conference}
    base_url = conference.get("base_url")
    if base_url:
        schedule["base_url"] = base_url
    return schedule


def _event(element) -> dict:
    event: dict = {"guid": element.get("guid"), "id": element.get("id") or element.get("code")}
    for child in element:
        if child.tag == "persons":
            event["persons"] = [
                {"name": (person.text or "").strip(), "id": person.get("id"), "guid": person.get("guid")}
                for person in child.iter("person")
            ]
        elif child.tag == "recording":
            event["do_not_record"] = (child.findtext("optout") or "").strip().casefold() in ("true", "1")
        elif child.tag in ("links", "attachments"):
            event[child.tag] = [
                {"url": item.get("href"), "title": (item.text or "").strip(), "type": item.get("type")}
                for item in child
                if item.get("href")
            ]
        elif len(child) == 0:
            event[child.tag] = child.text or ""
    event["__where__"] = f"schedule.xml line {element.sourceline}"
    return event
