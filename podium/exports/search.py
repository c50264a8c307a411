"""What search finds: one small HTML document for each session, paper, person and stream.

Pagefind indexes these (engine/search_index.py), not the built pages: each text is
in one document only (a bio on its person's, an abstract on its session's or
paper's), lists of sessions are in none, so a search for a title finds its page once.
The title is the document's heading, which Pagefind weighs most; the day, time,
stream and room are metadata that results show beside the title.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from ..programme import addresses
from ..programme.model import Paper, Person, Programme, Session, Stream
from ..text import markup, when
from .. import translations
from ..translations import _


def documents(programme: Programme) -> Iterator[tuple[str, str]]:
    """(the page's published path, the document Pagefind reads), for every page worth finding."""
    translations.use(programme.conference.language)  # the words joining day and time
    for session in programme.sessions:
        if session.has_page:
            yield addresses.published(addresses.session_page(session)), _session(programme, session)
    for paper in programme.papers:
        yield addresses.published(addresses.paper_page(paper)), _paper(programme, paper)
    for person in programme.people:
        yield addresses.published(addresses.person_page(person)), _person(programme, person)
    for stream in programme.streams:
        yield addresses.published(addresses.stream_page(stream)), _stream(programme, stream)


def document(language: str, title: str, meta: dict[str, str | None], texts: list[str | None]) -> str:
    """The HTML Pagefind reads: the title as the heading, metadata, and the texts to search."""
    # The metadata is searchable too (a stream's name, a room), after the texts, so that
    # an excerpt shows the texts first.
    metadata = " · ".join(
        f'<span data-pagefind-meta="{key}">{html.escape(value)}</span>' for key, value in meta.items() if value
    )
    body = "".join(f"<p>{html.escape(text)}</p>" for text in texts if text)
    return (
        f'<!doctype html><html lang="{html.escape(language)}"><head><title>{html.escape(title)}</title></head>'
        f"<body data-pagefind-body><h1>{html.escape(title)}</h1>{body}<p>{metadata}</p></body></html>"
    )


def _session(programme: Programme, session: Session) -> str:
    people = [_appearance(a) for a in session.people]
    texts = [session.subtitle, *people, *_prose(session.abstract, session.description)]
    return document(programme.conference.language, session.title, _where_and_when(programme, session), texts)


def _paper(programme: Programme, paper: Paper) -> str:
    session = programme.session_of(paper)
    meta = _where_and_when(programme, paper)
    meta["session"] = session.title if session else None
    texts = [paper.subtitle, *(_appearance(a) for a in paper.people), *_prose(paper.abstract, paper.description)]
    return document(programme.conference.language, paper.title, meta, texts)


def _person(programme: Programme, person: Person) -> str:
    return document(programme.conference.language, person.name, {"affiliation": person.affiliation}, [*_prose(person.bio)])


def _stream(programme: Programme, stream: Stream) -> str:
    return document(programme.conference.language, stream.name, {}, [*_prose(stream.description)])


def _where_and_when(programme: Programme, item: Session | Paper) -> dict[str, str | None]:
    conference = programme.conference
    day = when.day(conference, item.date) if item.date else None
    time = when.time_range_with_zone(conference, item) if item.date else None
    return {
        "when": _("%(day)s, %(time)s", day=day, time=time) if time else day,
        "stream": item.stream.name if item.stream else None,
        "room": item.room,
    }


def _appearance(appearance) -> str:
    parts = [appearance.person.name, appearance.affiliation]
    return ", ".join(part for part in parts if part)


def _prose(*texts: str | None) -> list[str]:
    return [markup.plain(text) for text in texts if text]
