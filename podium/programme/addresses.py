"""Where each generated file lives in the site, and its public address.

Paths are relative to the MkDocs docs folder (`sessions/<id>.md`); MkDocs publishes
a page `x/y.md` at `x/y/`. Addresses are absolute when the site's address is known
(`url` in conference.yml, or PODIUM_SITE_URL from the publishing workflow), and
relative to the site's root otherwise.
"""

from __future__ import annotations

import datetime as dt

from .changes import Change
from .model import Paper, Person, Programme, Room, Session, Stream

HOME = "index.md"
PROGRAMME = "programme.md"
STREAMS = "streams/index.md"
PEOPLE = "people/index.md"
ROOMS = "rooms/index.md"
PROGRAMME_CALENDAR = "programme.ics"
SCHEDULE_XML = "schedule.xml"
SCHEDULE_JSON = "schedule.json"
SESSIONS_JSON = "sessions.json"
MY_PROGRAMME = "my-programme.md"
ABOUT = "about.md"
MY_PROGRAMME_DATA = "my-programme.json"
OFFLINE = "offline.md"
CHANGES = "changes.md"
CHANGES_FEED = "changes.xml"
WEB_APP_MANIFEST = "manifest.webmanifest"
ICONS = "icons"


def icon(size: int) -> str:
    """The conference's icon, `size` pixels square, for phones' home screens."""
    return f"{ICONS}/icon-{size}.png"


def programme_day(date: dt.date) -> str:
    """One day of a programme too large for one page."""
    return f"programme/{date.isoformat()}.md"


def session_page(session: Session) -> str:
    return f"sessions/{session.id}.md"


def session_calendar(session: Session) -> str:
    return f"sessions/{session.id}.ics"


def paper_page(paper: Paper) -> str:
    return f"papers/{paper.id}.md"


def paper_calendar(paper: Paper) -> str:
    """Only a paper with a time of its own has one; the others are in their session's."""
    return f"papers/{paper.id}.ics"


def paper_bibtex(paper: Paper) -> str:
    """The paper's citation as BibTeX."""
    return f"papers/{paper.id}.bib"


def paper_csl_json(paper: Paper) -> str:
    """The paper's citation as CSL-JSON (what Zotero and citeproc read)."""
    return f"papers/{paper.id}.csl.json"


def stream_page(stream: Stream) -> str:
    return f"streams/{stream.id}.md"


def stream_calendar(stream: Stream) -> str:
    return f"streams/{stream.id}.ics"


def room_page(room: Room) -> str:
    return f"rooms/{room.id}.md"


def person_page(person: Person) -> str:
    return f"people/{person.id}.md"


def person_calendar(person: Person) -> str:
    return f"people/{person.id}.ics"


def published(path: str) -> str:
    """The site-relative address MkDocs gives a file: `sessions/x.md` → `sessions/x/`."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def public_url(programme: Programme, path: str) -> str:
    """The address of a page or file: absolute when the site's address is known."""
    return (programme.conference.url or "") + published(path)


def absolute_url(programme: Programme, path: str) -> str | None:
    """The absolute address, or None when the site's address is not known."""
    return public_url(programme, path) if programme.conference.url else None


def session_urls(programme: Programme) -> dict[str, str]:
    """Every session's page address (breaks have none), for the exports."""
    return {s.id: public_url(programme, session_page(s)) for s in programme.sessions if s.has_page}


def paper_urls(programme: Programme) -> dict[str, str]:
    """Every paper's page address, for the exports."""
    return {p.id: public_url(programme, paper_page(p)) for p in programme.papers}


def changed_page(programme: Programme, change: Change) -> str | None:
    """The page of a changed item, while it has one (not once removed)."""
    if change.kind == "removed":
        return None
    if change.item == "paper":
        paper = next((p for p in programme.papers if p.id == change.id), None)
        return paper_page(paper) if paper is not None else None
    session = next((s for s in programme.sessions if s.id == change.id), None)
    return session_page(session) if session is not None and session.has_page else None
