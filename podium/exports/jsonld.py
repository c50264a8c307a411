"""schema.org `Event` markup (JSON-LD) for a session page, for search engines.

Google's required properties for an event (name, startDate, location) are there
whenever the data has them; nothing is invented where it does not.
"""

from __future__ import annotations

import json

from ..text import markup
from ..programme.model import Conference, Programme, Session


def session_event(programme: Programme, session: Session, url: str | None) -> dict:
    conference = programme.conference
    event: dict = {"@context": "https://schema.org", "@type": "Event", "name": session.title}
    starts_at = session.starts_at(conference.zone)
    if starts_at is not None:
        event["startDate"] = starts_at.isoformat()
        ends_at = session.ends_at(conference.zone)
        if ends_at is not None:
            event["endDate"] = ends_at.isoformat()
    event["eventStatus"] = "https://schema.org/EventScheduled"
    event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    location = _place(conference, session.room)
    if location:
        event["location"] = location
    if session.abstract:
        event["description"] = markup.plain(session.abstract)
    performers = [_person(a) for a in session.people if (a.role or "").casefold() != "chair"]
    chairs = [_person(a) for a in session.people if (a.role or "").casefold() == "chair"]
    if performers:
        event["performer"] = performers
    if chairs:
        event["organizer"] = chairs
    event["superEvent"] = _conference_event(conference)
    if url:
        event["url"] = url
    if session.stream:
        event["about"] = session.stream.name
    event["inLanguage"] = conference.language
    return event


def script_text(data: dict) -> str:
    """JSON for inside <script>: no `<`, `>` or `&` can close the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _place(conference: Conference, room: str | None) -> dict | None:
    venue = conference.venue
    if not (venue.parts() or room):
        return None
    place: dict = {"@type": "Place", "name": ", ".join(([room] if room else []) + ([venue.name] if venue.name else []))}
    address = {
        key: value
        for key, value in (
            ("streetAddress", venue.address),
            ("addressLocality", venue.city),
            ("addressCountry", venue.country),
        )
        if value
    }
    if address:
        place["address"] = {"@type": "PostalAddress", **address}
    return place


def _person(appearance) -> dict:
    person: dict = {"@type": "Person", "name": appearance.person.name}
    if appearance.affiliation:
        person["affiliation"] = {"@type": "Organization", "name": appearance.affiliation}
    if appearance.person.url:
        person["url"] = appearance.person.url
    return person


def _conference_event(conference: Conference) -> dict:
    event: dict = {"@type": "Event", "name": conference.name}
    if conference.start_date:
        event["startDate"] = conference.start_date.isoformat()
    if conference.end_date:
        event["endDate"] = conference.end_date.isoformat()
    location = _place(conference, None)
    if location:
        event["location"] = location
    if conference.url:
        event["url"] = conference.url
    return event
