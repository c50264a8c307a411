"""`sessions.json`: the whole programme as Podium understands it, for anyone to build on.

Everything in the YAML, resolved: people and streams inside sessions, times with
their UTC offset, page and calendar addresses. Its shape is published as JSON Schema
in `schemas/sessions-json.schema.json`. Abstracts and bios are the organisers'
Markdown, as written.
"""

from __future__ import annotations

from ..programme import addresses
from ..programme.model import Appearance, Link, Paper, Programme, Session
from . import json_pieces

FORMAT_VERSION = 2  # 2: sessions hold papers


def sessions_json(programme: Programme) -> bytes:
    conference = programme.conference
    venue = conference.venue
    data = {
        "format": "podium-sessions",
        "format_version": FORMAT_VERSION,
        "conference": {
            "name": conference.name,
            "short_name": conference.short_name,
            "timezone": conference.zone.key,
            "language": conference.language,
            "url": conference.url,
            "start_date": _iso(conference.start_date),
            "end_date": _iso(conference.end_date),
            "venue": {"name": venue.name, "address": venue.address, "city": venue.city, "country": venue.country},
            "default_duration": conference.default_duration,
        },
        "streams": [
            {
                "id": s.id,
                "name": s.name,
                "description": s.description,
                "url": addresses.public_url(programme, addresses.stream_page(s)),
            }
            for s in programme.streams
        ],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "sort_name": p.sort_name,
                "affiliation": p.affiliation,
                "bio": p.bio,
                "website": p.url,
                "orcid": p.orcid,
                "source_id": p.source_id,
                "url": addresses.public_url(programme, addresses.person_page(p)),
            }
            for p in programme.people
        ],
        "sessions": [_session(programme, s) for s in programme.sessions],
        "papers": [_paper(programme, p) for p in programme.papers],
    }
    # Compact: Python's JSON encoder is written in C only for output without indent,
    # which is five times faster on a large programme, and smaller to download.
    # Written session by session and paper by paper (data, sessions).
    return json_pieces.dumps(data, depth=2, end=b"\n")


def _session(programme: Programme, session: Session) -> dict:
    zone = programme.conference.zone
    return {
        "id": session.id,
        "title": session.title,
        "subtitle": session.subtitle,
        "kind": session.kind,
        "for_everyone": session.is_for_everyone,
        "stream": session.stream.id if session.stream else None,
        "date": _iso(session.date),
        "start": _clock(session.start),
        "end": _clock(session.end),
        "ends_next_day": session.ends_next_day,
        "starts_at": _iso(session.starts_at(zone)),
        "ends_at": _iso(session.ends_at(zone)),
        "room": session.room,
        "abstract": session.abstract,
        "description": session.description,
        "language": session.language,
        "people": [_appearance(a) for a in session.people],
        "papers": [paper.id for paper in session.papers],
        "links": [_link(link) for link in session.links],
        "guid": session.guid,
        "status": "cancelled" if session.cancelled else "confirmed",
        "source_id": session.source_id,
        "url": addresses.public_url(programme, addresses.session_page(session)) if session.has_page else None,
        "calendar": addresses.public_url(programme, addresses.session_calendar(session)) if session.in_calendars else None,
    }


def _paper(programme: Programme, paper: Paper) -> dict:
    zone = programme.conference.zone
    return {
        "id": paper.id,
        "title": paper.title,
        "subtitle": paper.subtitle,
        "session": paper.session_id,
        "position": paper.position or None,
        "own_time": paper.own_time,
        "date": _iso(paper.date),
        "start": _clock(paper.start),
        "end": _clock(paper.end),
        "starts_at": _iso(paper.starts_at(zone)),
        "ends_at": _iso(paper.ends_at(zone)),
        "abstract": paper.abstract,
        "description": paper.description,
        "people": [_appearance(a) for a in paper.people],
        "board": paper.board,
        "doi": paper.doi,
        "language": paper.language,
        "links": [_link(link) for link in paper.links],
        "status": "cancelled" if paper.cancelled else "confirmed",
        "source_id": paper.source_id,
        "url": addresses.public_url(programme, addresses.paper_page(paper)),
        "calendar": _paper_calendar(programme, paper),
    }


def _paper_calendar(programme: Programme, paper: Paper) -> str | None:
    """A paper's own calendar when it has its own time, else its session's."""
    if paper.own_time:
        return addresses.public_url(programme, addresses.paper_calendar(paper))
    session = programme.session_of(paper)
    if session is not None and session.in_calendars:
        return addresses.public_url(programme, addresses.session_calendar(session))
    return None


def _appearance(appearance: Appearance) -> dict:
    person = appearance.person
    return {
        "person": person.id,
        "name": person.name,
        "role": appearance.role,
        "affiliation": appearance.affiliation,
        "presenting": appearance.presenting,
    }


def _link(link: Link) -> dict:
    return {"url": link.url, "kind": link.kind, "label": link.label}


def _clock(time) -> str | None:
    return f"{time:%H:%M}" if time is not None else None


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
