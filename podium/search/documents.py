"""What search finds: one document for each session, paper, person and stream, and the About page.

Each text is in one document only (a bio in its person's, an abstract in its session's
or paper's); lists of sessions are in none, so a search for a title finds its page once.
A document's texts come in three weights: its title; the names around it (presenters
and their affiliations, a subtitle, its stream, room and session); and its prose.
A result shows the title, then `when` and `about` (stream, room, session; affiliation).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .. import translations
from ..programme import addresses
from ..programme.model import Paper, Programme, Session
from ..text import markup, when
from ..translations import _


@dataclass(frozen=True)
class Document:
    path: str  # the page's published path from the site's root: "papers/x/"
    title: str
    when: str | None = None  # the day and time: shown, not searched
    about: tuple[str, ...] = ()  # shown, and searched as names are
    names: tuple[str, ...] = ()
    prose: tuple[str, ...] = ()
    language: str | None = None  # the title's and text's own language (BCP 47), when the data gives one

    @property
    def summary(self) -> str:
        """The start of what the document says, for the result's excerpt."""
        return " · ".join([*self.names, *self.prose])


def documents(programme: Programme) -> Iterator[Document]:
    """A document for every page worth finding, in the programme's order."""
    translations.use(programme.conference.language)  # the words joining day and time
    for session in programme.sessions:
        if session.has_page:
            yield _session(programme, session)
    for paper in programme.papers:
        yield _paper(programme, paper)
    for person in programme.people:
        yield Document(
            addresses.published(addresses.person_page(person)), person.name,
            about=_present(person.affiliation), prose=_prose(person.bio),
        )  # fmt: skip
    for stream in programme.streams:
        yield Document(addresses.published(addresses.stream_page(stream)), stream.name, prose=_prose(stream.description))


def _session(programme: Programme, session: Session) -> Document:
    return Document(
        addresses.published(addresses.session_page(session)), session.title,
        when=_when(programme, session), about=_where(session),
        names=_present(session.code, session.subtitle, *(_appearance(a) for a in session.people)),
        prose=_prose(session.abstract, session.description),
        language=session.language,
    )  # fmt: skip


def _paper(programme: Programme, paper: Paper) -> Document:
    session = programme.session_of(paper)
    return Document(
        addresses.published(addresses.paper_page(paper)), paper.title,
        when=_when(programme, paper), about=(*_where(paper), *_present(session.title if session else None)),
        names=_present(paper.code, paper.subtitle, *(_appearance(a) for a in paper.people)),
        prose=_prose(paper.abstract, paper.description),
        language=paper.language,
    )  # fmt: skip


def _when(programme: Programme, item: Session | Paper) -> str | None:
    if not item.date:
        return None
    day = when.day(programme.conference, item.date)
    time = when.time_range_with_zone(programme.conference, item)
    return _("%(day)s, %(time)s", day=day, time=time) if time else day


def _where(item: Session | Paper) -> tuple[str, ...]:
    return _present(item.stream.name if item.stream else None, item.room)


def _appearance(appearance) -> str:
    return ", ".join(part for part in (appearance.person.name, appearance.affiliation) if part)


def _present(*texts: str | None) -> tuple[str, ...]:
    return tuple(text for text in texts if text)


def _prose(*texts: str | None) -> tuple[str, ...]:
    return tuple(markup.plain(text) for text in texts if text)
