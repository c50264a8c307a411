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

from ..programme.model import Programme
from ..translations import _
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
        names = "".join(f'<li style="grid-column:{c.first} / span {c.span}">{escape(c.name)}</li>' for c in table.columns)
        parts.append(f'<ol class="podium-tt-columns" aria-hidden="true">{names}</ol>')
    show_column = bool(table.columns)
    for start in table.starts:
        parts.append(_start(programme, lists, start, page, level, show_column=show_column, kind=table.column_kind))
    parts.append("</div>")
    return "\n".join(parts)


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
