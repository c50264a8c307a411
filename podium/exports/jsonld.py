"""schema.org markup (JSON-LD) for session and paper pages, for search engines.

A session is an `Event`, its papers its `subEvent`s; a paper's page is the `Event`
of its presentation, whose `workPerformed` is the paper (`ScholarlyArticle`).

Google's required properties for an event (name, startDate, location) are there
whenever the data has them; nothing is invented where it does not.
"""

from __future__ import annotations

import json

from ..programme import addresses
from ..programme.model import Conference, Link, Paper, Programme, Session, Timed
from ..text import markup

# What each kind of link is, as schema.org types: the works about the event.
_LINK_TYPES = {
    "slides": "PresentationDigitalDocument", "paper": "ScholarlyArticle", "video": "VideoObject",
    "livestream": "VideoObject", "code": "SoftwareSourceCode", "website": "WebPage", "other": "CreativeWork",
}  # fmt: skip


def session_event(programme: Programme, session: Session, url: str | None) -> dict:
    conference = programme.conference
    event = _in_person_event(conference, session)
    if text := session.abstract or session.description:
        event["description"] = markup.without_tags(markup.plain(text))
    presenting = [a for paper in session.papers for a in paper.presenters]
    performers = [_person(a) for a in [*session.people, *presenting] if not _is_chair(a)]
    chairs = [_person(a) for a in session.people if _is_chair(a)]
    if performers:
        event["performer"] = _unique(performers)
    if chairs:
        event["organizer"] = chairs
    if session.papers:
        event["subEvent"] = [_paper_as_sub_event(programme, paper) for paper in session.papers]
    if session.links:
        event["subjectOf"] = [_link(link) for link in session.links]
    event["superEvent"] = _conference_event(conference)
    if url:
        event["url"] = url
    if session.stream:
        event["about"] = session.stream.name
    event["inLanguage"] = session.language or conference.language
    return event


def paper_event(programme: Programme, paper: Paper, url: str | None) -> dict:
    """The presentation of a paper: when and where, by whom, and the work itself."""
    conference = programme.conference
    event = _in_person_event(conference, paper)
    if paper.presenters:
        event["performer"] = [_person(a) for a in paper.presenters]
    event["workPerformed"] = _work(paper, url)
    if paper.links:
        event["subjectOf"] = [_link(link) for link in paper.links]
    session = programme.session_of(paper)
    if session is not None:
        event["superEvent"] = {"@type": "Event", "name": session.title}
        session_url = addresses.absolute_url(programme, addresses.session_page(session))
        if session_url:
            event["superEvent"]["url"] = session_url
    else:
        event["superEvent"] = _conference_event(conference)
    if url:
        event["url"] = url
    event["inLanguage"] = paper.language or conference.language
    return event


def _in_person_event(conference: Conference, item: Session | Paper) -> dict:
    """What every event of the programme says: its name, times, that it takes place, and where."""
    event: dict = {"@context": "https://schema.org", "@type": "Event", "name": item.title}
    event.update(_times(conference, item))
    event["eventStatus"] = f"https://schema.org/{'EventCancelled' if item.cancelled else 'EventScheduled'}"
    event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    location = _place(conference, item.room)
    if location:
        event["location"] = location
    return event


def _paper_as_sub_event(programme: Programme, paper: Paper) -> dict:
    event: dict = {"@type": "Event", "name": paper.title}
    if paper.own_time:
        event.update(_times(programme.conference, paper))
    url = addresses.absolute_url(programme, addresses.paper_page(paper))
    if url:
        event["url"] = url
    event["workPerformed"] = _work(paper, url)
    return event


def _work(paper: Paper, url: str | None) -> dict:
    work: dict = {"@type": "ScholarlyArticle", "name": paper.title}
    if paper.people:
        work["author"] = [_person(a) for a in paper.people]
    if paper.doi:
        work["sameAs"] = "https://doi.org/" + paper.doi
    if paper.abstract:
        work["abstract"] = markup.without_tags(markup.plain(paper.abstract))
    if url:
        work["url"] = url
    return work


def _link(link: Link) -> dict:
    work = {"@type": _LINK_TYPES[link.kind], "url": link.url}
    if link.label:
        work["name"] = link.label
    return work


def _times(conference: Conference, timed: Timed) -> dict:
    times = {}
    starts_at = timed.starts_at(conference.zone)
    if starts_at is not None:
        times["startDate"] = starts_at.isoformat()
        ends_at = timed.ends_at(conference.zone)
        if ends_at is not None:
            times["endDate"] = ends_at.isoformat()
    return times


def _is_chair(appearance) -> bool:
    return (appearance.role or "").casefold() == "chair"


def _unique(people: list[dict]) -> list[dict]:
    seen, unique = set(), []
    for person in people:
        key = json.dumps(person, sort_keys=True)
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return unique


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
