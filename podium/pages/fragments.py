"""Pieces of pages written as HTML rather than Markdown: blocks, links, buttons, filters.

Written as HTML (raw blocks that MkDocs passes through), they cost Markdown's parser
nothing and can carry the data attributes the programme's filters read. Every value
from the data is HTML-escaped here (this is HTML, not Markdown), and links are the
addresses MkDocs gives pages (`sessions/x.md` is published at `sessions/x/`). The
lists of sessions are in lists.py, the facts at the top of a page in facts.py.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..programme import addresses
from ..programme.model import Programme, Session
from ..text import when


# Lines around each block of HTML in a generated page. Podium's MkDocs hook
# (engine/mkdocs_hooks.py) lifts the blocks out before Markdown parses the page and puts
# them back after, verbatim: Python-Markdown would otherwise parse every tag of them
# only to pass them through, a third of its time on a large programme. Without the
# hook the markers are HTML comments, and the blocks raw HTML, which Markdown keeps.
BLOCK_START = "<!--podium-html-->"
BLOCK_END = "<!--/podium-html-->"


def html_block(html: str) -> Markup:
    """`html` (already safe) as a block of a generated page that Markdown leaves alone."""
    if not html:
        return Markup("")
    return Markup(f"{BLOCK_START}\n{html}\n{BLOCK_END}")


def href(page: str, target: str) -> str:
    """The relative address from the published `page` to the published `target`.

    Every page is published as a folder (`sessions/x/`, or "" for the home page), so
    a link to another page ends in `/` and a link to a file does not.
    """
    destination = addresses.published(target)
    relative = relative_path(destination, addresses.published(page))
    is_page = destination == "" or destination.endswith("/")
    return relative + "/" if is_page else relative


def relative_path(destination: str, start: str) -> str:
    """posixpath.relpath for the site's own relative paths ("" is the root).

    relpath makes both paths absolute against the working folder first; on the
    programme pages of a large conference that was a tenth of Podium's time.
    """
    to = [part for part in destination.split("/") if part]
    here = [part for part in start.split("/") if part]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def calendar_links(page: str, calendar_file: str, label: str, extra: list[tuple[str, str]] = ()) -> Markup:
    """The "Add to calendar" button, and links to web calendars where given (not searched)."""
    button = f'<a class="md-button" href="{escape(href(page, calendar_file))}">{escape(label)}</a>'
    if not extra:
        return Markup(f'<p class="podium-calendar" data-search-exclude>{button}</p>')
    others = " · ".join(f'<a href="{escape(url)}" rel="nofollow">{escape(name)}</a>' for name, url in extra)
    return Markup(f'<p class="podium-calendar" data-search-exclude>{button} or add it to {others}</p>')


def people_list(programme: Programme, people: list, page: str) -> Markup:
    """`<ul>` of people: name linked to their page, then their affiliation."""
    items = []
    for person in people:
        link = f'<a href="{escape(href(page, addresses.person_page(person)))}">{escape(person.name)}</a>'
        affiliation = f", {escape(person.affiliation)}" if person.affiliation else ""
        items.append(f"<li>{link}{affiliation}</li>")
    return Markup('<ul class="podium-people">\n' + "\n".join(items) + "\n</ul>")


def jump_bar(targets: list[tuple], label: str) -> Markup:
    """A line of links to the page's sections: [(text, anchor id, ...)]."""
    links = " · ".join(f'<a href="#{escape(anchor)}">{escape(text)}</a>' for text, anchor, *_ in targets)
    return Markup(f'<nav class="podium-jump" aria-label="{escape(label)}" data-search-exclude><p>{links}</p></nav>')


def filters(programme: Programme, sessions: list[Session]) -> Markup:
    """Stream, room and day filters for a list of sessions, shown only when JavaScript runs.

    Without JavaScript the form stays hidden and the full list is there: nothing to
    click that does nothing.
    """
    conference = programme.conference
    listed_streams = {s.stream.id for s in sessions if s.stream}
    choices = {
        "stream": ("Stream", "All streams", [(s.id, s.name) for s in programme.streams if s.id in listed_streams]),
        "room": ("Room", "All rooms", [(room, room) for room in sorted({s.room for s in sessions if s.room})]),
        "day": ("Day", "All days", [(d.isoformat(), when.day(conference, d)) for d in sorted({s.date for s in sessions if s.date})]),
    }  # fmt: skip
    fields = []
    for name, (label, everything, options) in choices.items():
        if len(options) < 2:
            continue
        rendered = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
        fields.append(
            f'<label>{label} <select name="{name}"><option value="">{everything}</option>{rendered}</select></label>'
        )
    if not fields:
        return Markup("")
    return Markup(
        '<form class="podium-filters" hidden data-search-exclude>' + " ".join(fields)
        + '<p class="podium-filter-count" aria-live="polite"></p></form>'
    )
