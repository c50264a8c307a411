"""The top of session and paper pages, as HTML: the facts at a glance, a session's papers, links.

Every value from the data is HTML-escaped here; links are relative to the page.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..programme import addresses
from ..programme.model import Link, Paper, Programme, Session, Timed
from ..text import when
from . import labels
from .fragments import href


def session_facts(programme: Programme, session: Session, page: str) -> Markup:
    """Kind, stream, date, time, room, and the people: by role for a session of papers."""
    rows: list[tuple[str, str]] = []  # (label, HTML)
    if labels.shows_kind(session):
        rows.append(("Kind", escape(labels.kind(session))))
    if session.stream:
        rows.append(("Stream", _stream(session, page)))
    rows += _when_and_where(programme, session, page)
    if session.papers or session.kind != "talk":
        for role, group in labels.roles(session.people):
            rows.append((escape(role), escape("; ".join(_with_affiliation(a) for a in group))))
    elif session.people:
        people = ", ".join(f"{a.person.name} ({a.role})" if a.role else a.person.name for a in session.people)
        rows.append(("People", escape(people)))
    if session.language:
        rows.append(("Language", escape(session.language)))
    return _facts(rows)


def paper_facts(programme: Programme, paper: Paper, page: str) -> Markup:
    """Stream, date, time (its own, else its session's), room, its session and place in it, board, DOI."""
    session = programme.session_of(paper)
    rows: list[tuple[str, str]] = []
    if paper.stream:
        rows.append(("Stream", _stream(paper, page)))
    rows += _when_and_where(programme, paper, page)
    if session is None:
        rows.append(("Session", "not yet scheduled"))
    else:
        link = f'<a href="{escape(href(page, addresses.session_page(session)))}">{escape(session.title)}</a>'
        chairs = [a for a in session.people if (a.role or "").casefold() == "chair"]
        chaired = f" (Chair: {escape(', '.join(a.person.name for a in chairs))})" if chairs else ""
        rows.append(("Session", link + chaired))
        rows.append(("Place", f"Paper {paper.position} of {len(session.papers)}"))
    if paper.board:
        rows.append(("Board", escape(paper.board)))
    if paper.doi:
        url = "https://doi.org/" + paper.doi
        rows.append(("DOI", f'<a href="{escape(url)}">{escape(paper.doi)}</a>'))
    if paper.language:
        rows.append(("Language", escape(paper.language)))
    return _facts(rows)


def neighbours(programme: Programme, paper: Paper, page: str) -> Markup:
    """Links to the papers before and after this one in its session."""
    before, after = programme.paper_neighbours(paper)
    links = []
    if before is not None:
        links.append(f'Previous: <a href="{escape(href(page, addresses.paper_page(before)))}" rel="prev">{escape(before.title)}</a>')
    if after is not None:
        links.append(f'Next: <a href="{escape(href(page, addresses.paper_page(after)))}" rel="next">{escape(after.title)}</a>')
    if not links:
        return Markup("")
    return Markup(
        '<nav class="podium-neighbours" aria-label="Papers of this session" data-search-exclude><p>'
        + " · ".join(links) + "</p></nav>"
    )  # fmt: skip


def papers_of(programme: Programme, session: Session, page: str) -> Markup:
    """A session's papers in order: title linked, own time or board, authors with affiliations."""
    items = []
    for paper in session.papers:
        lines = [f'<a href="{escape(href(page, addresses.paper_page(paper)))}">{escape(paper.title)}</a>']
        details = []
        if paper.own_time:
            details.append(when.time_range(programme.conference, paper))
        if paper.board:
            details.append(f"Board {paper.board}")
        if details:
            lines.append(escape(" · ".join(details)))
        if paper.people:
            lines.append(escape("; ".join(_author_with_affiliation(a) for a in paper.people)))
        items.append("<li>" + "<br>\n".join(lines) + "</li>")
    return Markup('<ol class="podium-papers">\n' + "\n".join(items) + "\n</ol>")


def links(items: tuple[Link, ...]) -> Markup:
    """Labelled buttons: Slides, Paper, Video..."""
    buttons = " ".join(
        f'<a class="md-button" href="{escape(link.url)}" rel="nofollow">{escape(labels.link(link))}</a>' for link in items
    )
    return Markup(f'<p class="podium-links">{buttons}</p>')


def cite(paper: Paper, page: str) -> Markup:
    """The paper's citation files, under a heading of their own (left out of print and search)."""
    bibtex = escape(href(page, addresses.paper_bibtex(paper)))
    csl = escape(href(page, addresses.paper_csl_json(paper)))
    return Markup(
        '<section class="podium-cite" data-search-exclude>\n<h2 id="cite">Cite this paper</h2>\n'
        f'<p>Download the citation as <a href="{bibtex}">BibTeX</a> or <a href="{csl}">CSL-JSON</a>'
        " (Zotero, Pandoc).</p>\n</section>"
    )


def _stream(item, page: str) -> str:
    return f'<a href="{escape(href(page, addresses.stream_page(item.stream)))}">{escape(item.stream.name)}</a>'


def _when_and_where(programme: Programme, timed: Timed, page: str) -> list[tuple[str, str]]:
    conference = programme.conference
    rows = [("Date", escape(when.day(conference, timed.date) if timed.date else "to be announced"))]
    if timed.date and timed.start:
        rows.append(("Time", _time(programme, timed)))
    room = programme.room_named(timed.room)
    if room is not None:
        rows.append(("Room", f'<a href="{escape(href(page, addresses.room_page(room)))}">{escape(room.name)}</a>'))
    elif timed.room:
        rows.append(("Room", escape(timed.room)))
    return rows


def _time(programme: Programme, timed: Timed) -> str:
    """The conference's time, in a <time> the visitor's-time script reads."""
    zone = programme.conference.zone
    end = timed.ends_at(zone)
    end_attribute = f' data-podium-end="{escape(end.isoformat())}"' if end else ""
    text = escape(when.time_range_with_zone(programme.conference, timed))
    return (
        f'<time datetime="{escape(timed.starts_at(zone).isoformat())}" data-podium-zone="{escape(zone.key)}"'
        f"{end_attribute}>{text}</time>"
    )


def _with_affiliation(appearance) -> str:
    name = appearance.person.name
    return f"{name}, {appearance.affiliation}" if appearance.affiliation else name


def _author_with_affiliation(appearance) -> str:
    text = labels.author(appearance)
    return f"{text}, {appearance.affiliation}" if appearance.affiliation else text


def _facts(rows: list[tuple[str, str]]) -> Markup:
    items = "\n".join(f"<li><strong>{label}:</strong> {value}</li>" for label, value in rows)
    return Markup(f'<ul class="podium-facts">\n{items}\n</ul>')
