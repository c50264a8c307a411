"""The top of session and paper pages, as HTML: the facts at a glance, a session's papers, links.

Every value from the data is HTML-escaped here; links are relative to the page.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..programme import addresses
from ..programme.model import Link, Paper, Programme, Session, Timed
from ..text import when
from ..translations import _, translated_html
from . import bylines, labels
from .fragments import href, lang_attribute


def session_facts(programme: Programme, session: Session, page: str) -> Markup:
    """Kind, stream, date, time, room, and the people: by role for a session of papers."""
    rows: list[tuple[str, str]] = []  # (label, HTML)
    if labels.shows_kind(session):
        rows.append((_("Kind"), escape(labels.kind(session))))
    if session.stream:
        rows.append((_("Stream"), _stream(session, page)))
    rows += _when_and_where(programme, session, page)
    if session.papers or session.kind != "talk":
        for role, group in labels.roles(session.people):
            rows.append((role, escape("; ".join(_with_affiliation(a) for a in group))))
    elif session.people:
        people = ", ".join(f"{a.person.name} ({a.role})" if a.role else a.person.name for a in session.people)
        rows.append((_("People"), escape(people)))
    if session.language:
        rows.append((_("Language"), _language(session.language, programme)))
    if not session.recording:
        rows.append(_not_recorded())
    return _facts(rows)


def paper_facts(programme: Programme, paper: Paper, page: str) -> Markup:
    """Stream, date, time (its own, else its session's), room, its session and place in it, board, DOI."""
    session = programme.session_of(paper)
    rows: list[tuple[str, str]] = []
    if paper.stream:
        rows.append((_("Stream"), _stream(paper, page)))
    rows += _when_and_where(programme, paper, page)
    if session is None:
        rows.append((_("Session"), escape(_("not yet scheduled"))))
    else:
        link = f'<a href="{escape(href(page, addresses.session_page(session)))}"{lang_attribute(session)}>{escape(session.title)}</a>'
        chairs = [a for a in session.people if (a.role or "").casefold() == "chair"]
        chaired = " " + str(escape(_("(Chair: %(names)s)", names=", ".join(a.person.name for a in chairs)))) if chairs else ""
        rows.append((_("Session"), link + chaired))
        rows.append(
            (_("Place"), escape(_("Paper %(position)s of %(count)s", position=paper.position, count=len(session.papers))))
        )
    if paper.board:
        rows.append((_("Board"), escape(paper.board)))
    if paper.doi:
        url = "https://doi.org/" + paper.doi
        rows.append((_("DOI"), f'<a href="{escape(url)}">{escape(paper.doi)}</a>'))
    if paper.language:
        rows.append((_("Language"), _language(paper.language, programme)))
    if not paper.recording or (session is not None and not session.recording):
        rows.append(_not_recorded())
    return _facts(rows)


def _not_recorded() -> tuple[str, str]:
    """The row of an item whose presenters opted out of recording: video teams and attendees
    with cameras read it on the page."""
    return (_("Recording"), escape(_("not recorded or streamed, at the presenters' request")))


def neighbours(programme: Programme, paper: Paper, page: str) -> Markup:
    """Links to the papers before and after this one in its session."""
    before, after = programme.paper_neighbours(paper)
    links = []
    if before is not None:
        link = f'<a href="{escape(href(page, addresses.paper_page(before)))}" rel="prev"{lang_attribute(before)}>{escape(before.title)}</a>'
        links.append(str(escape(_("Previous:"))) + " " + link)
    if after is not None:
        link = f'<a href="{escape(href(page, addresses.paper_page(after)))}" rel="next"{lang_attribute(after)}>{escape(after.title)}</a>'
        links.append(str(escape(_("Next:"))) + " " + link)
    if not links:
        return Markup("")
    label = escape(_("Papers of this session"))
    return Markup(
        f'<nav class="podium-neighbours" aria-label="{label}" data-search-exclude><p>'
        + " · ".join(links) + "</p></nav>"
    )  # fmt: skip


def papers_of(programme: Programme, session: Session, page: str) -> Markup:
    """A session's papers in order: title linked, own time or board, authors as programmes
    print them (bylines.py)."""
    items = []
    for paper in session.papers:
        lines = [f'<a href="{escape(href(page, addresses.paper_page(paper)))}"{lang_attribute(paper)}>{escape(paper.title)}</a>']
        details = []
        if paper.own_time:
            details.append(when.time_range(programme.conference, paper))
        if paper.board:
            details.append(_("Board %(board)s", board=paper.board))
        if details:
            lines.append(escape(" · ".join(details)))
        lines += bylines.byline(paper.people)
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
    heading = escape(_("Cite this paper"))
    text = translated_html(
        "Download the citation as %(bibtex)s or %(csl)s (Zotero, Pandoc).",
        bibtex=Markup(f'<a href="{bibtex}">BibTeX</a>'),
        csl=Markup(f'<a href="{csl}">CSL-JSON</a>'),
    )
    return Markup(f'<section class="podium-cite" data-search-exclude>\n<h2 id="cite">{heading}</h2>\n<p>{text}</p>\n</section>')


def _stream(item, page: str) -> str:
    return f'<a href="{escape(href(page, addresses.stream_page(item.stream)))}">{escape(item.stream.name)}</a>'


def _when_and_where(programme: Programme, timed: Session | Paper, page: str) -> list[tuple[str, str]]:
    conference = programme.conference
    rows: list[tuple[str, str]] = [(_("Date"), escape(when.day(conference, timed.date) if timed.date else _("to be announced")))]
    if timed.date and timed.start:
        rows.append((_("Time"), _time(programme, timed)))
    room = programme.room_named(timed.room)
    if room is not None:
        rows.append((_("Room"), f'<a href="{escape(href(page, addresses.room_page(room)))}">{escape(room.name)}</a>'))
    elif timed.room:
        rows.append((_("Room"), escape(timed.room)))
    return rows


def _time(programme: Programme, timed: Timed) -> str:
    """The conference's time, in a <time> the visitor's-time script reads."""
    zone = programme.conference.zone
    end = timed.ends_at(zone)
    end_attribute = f' data-podium-end="{escape(end.isoformat())}"' if end else ""
    text = escape(when.time_range_with_zone(programme.conference, timed))
    return (
        f'<time datetime="{escape(timed.start_moment(zone).isoformat())}" data-podium-zone="{escape(zone.key)}"'
        f"{end_attribute}>{text}</time>"
    )


def _language(tag: str, programme: Programme) -> str:
    """The language's name in the site's language: German, Deutsch, 德语."""
    return escape(labels.language(tag, programme.conference.locale))


def _with_affiliation(appearance) -> str:
    name = appearance.person.name
    return f"{name}, {appearance.affiliation}" if appearance.affiliation else name


def _facts(rows: list[tuple[str, str]]) -> Markup:
    # "Date:", or "Date :" in French: the colon is the language's.
    labelled = [(escape(_("%(label)s:", label=label)), value) for label, value in rows]
    items = "\n".join(f"<li><strong>{label}</strong> {value}</li>" for label, value in labelled)
    return Markup(f'<ul class="podium-facts">\n{items}\n</ul>')
