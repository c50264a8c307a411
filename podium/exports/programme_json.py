"""`sessions.json`: the whole programme as Podium understands it, for anyone to build on.

Everything in the YAML, resolved: people and streams inside sessions, times with
their UTC offset, page and calendar addresses. Its shape is published as JSON Schema
in `schemas/sessions-json.schema.json`. Abstracts and bios are the organisers'
Markdown, as written.
"""

from __future__ import annotations

from ..programme import addresses
from ..programme.model import Programme, Session
from . import json_pieces

FORMAT_VERSION = 1


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
                "url": addresses.public_url(programme, addresses.person_page(p)),
            }
            for p in programme.people
        ],
        "sessions": [_session(programme, s) for s in programme.sessions],
    }
    # Compact: Python's JSON encoder is written in C only for output without indent,
    # which is five times faster on a large programme, and smaller to download.
    # Written session by session (data, sessions).
    return json_pieces.dumps(data, depth=2, end=b"\n")


def _session(programme: Programme, session: Session) -> dict:
    zone = programme.conference.zone
    starts_at, ends_at = session.starts_at(zone), session.ends_at(zone)
    return {
        "id": session.id,
        "title": session.title,
        "stream": session.stream.id if session.stream else None,
        "date": _iso(session.date),
        "start": f"{session.start:%H:%M}" if session.start else None,
        "end": f"{session.end:%H:%M}" if session.end else None,
        "starts_at": _iso(starts_at),
        "ends_at": _iso(ends_at),
        "room": session.room,
        "abstract": session.abstract,
        "people": [
            {"person": a.person.id, "name": a.person.name, "role": a.role, "affiliation": a.affiliation}
            for a in session.people
        ],
        "url": addresses.public_url(programme, addresses.session_page(session)),
        "calendar": addresses.public_url(programme, addresses.session_calendar(session)) if session.is_timed else None,
    }


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None
