"""A day's timetable (timetable.py) as HTML: headed lists that CSS sets out as a grid.

Each start time is a `<section>` with a heading and the list of the sessions that
start then, by room: that is what a phone, a printer and a screen reader get. On a
wide screen podium.css makes the timetable a grid (a column for the times, one per
room) and each section, and its list, a subgrid of it; the inline `grid-row` and
`grid-column` below place each session. The room names above the columns are
hidden from screen readers: each session names its room.

now.js reads `data-podium-first` and each entry's `data-podium-when` to mark what
is on now, by the visitor's clock: the page itself is the same for everyone.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup, escape

from ..programme import addresses
from ..programme.model import Programme
from ..translations import _
from .fragments import href
from .lists import SessionLists
from .timetable import Placed, Start, Timetable, day_timetable

# The grid's first row holds the rooms' names; the timeline starts under it.
_HEADER_ROWS = 1
# Columns that fit a 1280 px screen at a readable width; more scroll sideways (podium.css).
FITTING_COLUMNS = 6


def timetable(programme: Programme, lists: SessionLists, sessions, page: str, level: int) -> Markup:
    """The timetable of one day's `sessions` for `page`, its time headings at `level`."""
    table = day_timetable(programme, sessions)
    parts = []
    if table.starts and table.first is not None:
        parts.append(_grid(programme, lists, table, table.first, page, level))
    if table.untimed:
        heading = escape(_("Time to be announced"))
        parts.append(f"<h{level}>{heading}</h{level}>")
        parts.append(lists.sessions(table.untimed, page))
    return Markup("\n".join(parts))


def _grid(programme: Programme, lists: SessionLists, table: Timetable, first: dt.datetime, page: str, level: int) -> str:
    opening = (
        f'<div class="podium-timetable{" podium-timetable--many" if table.grid_columns > FITTING_COLUMNS else ""}"'
        f' style="--podium-columns:{table.grid_columns};--podium-rows:{table.rows}"'
        f' data-podium-first="{first.isoformat()}" data-podium-zone="{escape(programme.conference.zone.key)}"'
        " data-search-exclude>"
    )
    parts = [opening]
    if table.columns:
        # Each name leads to its room's (or stream's) day as a list, as FOSDEM's devrooms do.
        day = table.starts[0].placed[0].session.programme_day(programme.conference.day_change)
        names = "".join(
            f'<li style="grid-column:{c.first} / span {c.span}">{_column_name(programme, table.column_kind, c.name, day, page)}</li>'
            for c in table.columns
        )
        label = _("Rooms") if table.column_kind == "room" else _("Streams")
        parts.append(f'<ol class="podium-tt-columns" aria-label="{escape(label)}">{names}</ol>')
    show_column = bool(table.columns)
    for start in table.starts:
        parts.append(_start(programme, lists, start, page, level, show_column=show_column, kind=table.column_kind))
    parts.append("</div>")
    return "\n".join(parts)


def _column_name(programme: Programme, kind: str, name: str, day: dt.date | None, page: str) -> str:
    """A column's name, linked to the day of its room or stream where it has a page."""
    if kind == "room":
        room = programme.room_named(name)
        target = addresses.room_page(room) if room is not None else None
    else:
        stream = next((s for s in programme.streams if s.name == name), None)
        target = addresses.stream_page(stream) if stream is not None else None
    if target is None:
        return str(escape(name))
    anchor = f"#day-{day.isoformat()}" if day else ""
    return f'<a href="{escape(href(page, target))}{anchor}">{escape(name)}</a>'


def _start(programme: Programme, lists: SessionLists, start: Start, page: str, level: int, show_column: bool, kind: str) -> str:
    zone = programme.conference.zone
    moment = start.placed[0].session.start_moment(zone)
    rows = f"{start.row + _HEADER_ROWS} / {start.end_row + _HEADER_ROWS}"
    heading = (
        f'<h{level} class="podium-tt-time" id="{start.anchor}">'
        f'<time datetime="{moment.isoformat()}">{escape(start.label)}</time></h{level}>'
    )
    # A stream column's name is already in each entry; a room's too.
    show_stream = kind != "stream" or not show_column
    # A room's column says the room of a block in it (not of one across columns, for everyone).
    in_room_column = kind == "room" and show_column
    items = [
        lists.items([p.session], page, show_stream, "clock", in_room_column and p.column is not None and p.span == 1)[0]
        for p in start.placed
    ]
    entries = "\n".join(_placed(item, placed, start, programme) for item, placed in zip(items, start.placed, strict=True))
    return (
        f'<section class="podium-tt-start" style="grid-row:{rows}" aria-labelledby="{start.anchor}">{heading}\n'
        f'<ul class="podium-sessions podium-tt-sessions">\n{entries}\n</ul></section>'
    )


def _placed(item: str, placed: Placed, start: Start, programme: Programme) -> str:
    """The entry's `<li>` with its place in the grid and its times for now.js."""
    zone = programme.conference.zone
    session = placed.session
    column = (
        "1 / -1" if placed.column is None else f"{placed.column} / span {placed.span}" if placed.span > 1 else str(placed.column)
    )
    rows = f"{placed.first_row - start.row + 1} / {placed.end_row - start.row + 1}"
    times = f"{session.start_moment(zone).isoformat()}/{session.end_moment(programme.conference).isoformat()}"
    colour = f";--podium-colour:{escape(session.stream.colour)}" if session.stream and session.stream.colour else ""
    return f'<li style="grid-column:{column};grid-row:{rows}{colour}" data-podium-when="{times}"' + item.removeprefix("<li")
