"""A day of the programme as a timetable: rooms as columns, time running down.

The same placement serves every reader of a day page:
- on a wide screen, CSS grid sets each session in its room's column, from the row of
  its start to the row of its end (rows of five minutes), sessions for everyone
  across all columns (two at the same time share them, side by side);
- on a phone, in print and to a screen reader, the same HTML reads as headed lists:
  a heading per start time, under it the sessions that start then, by room.

Columns are the day's rooms in the programme's order of rooms (rooms.yml's, or the
order they are first used in, by time); a day without rooms has its streams as
columns instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..programme.model import Conference, Programme, Session
from ..text import when
from ..translations import _

STEP_MINUTES = 5
# A time when nothing runs is at most this many rows (a quarter of an hour) high.
GAP_ROWS = 3


@dataclass(frozen=True)
class Placed:
    """A session in the grid: its first column and how many it spans (column None: across
    all), and its rows, as grid lines."""

    session: Session
    column: int | None
    first_row: int
    end_row: int
    span: int = 1


@dataclass(frozen=True)
class Start:
    """The sessions that start at one time, by column."""

    time: dt.time
    label: str
    anchor: str
    row: int
    end_row: int
    placed: list[Placed]


@dataclass(frozen=True)
class Column:
    """A room (or stream) over the grid: its name, first grid column (1-based) and how many
    it spans: one more for each session it holds at the same time as another."""

    name: str
    first: int
    span: int


@dataclass(frozen=True)
class Timetable:
    columns: list[Column]
    grid_columns: int
    column_kind: str  # "room" or "stream"
    starts: list[Start]
    untimed: list[Session]  # dated, time to be announced
    first: dt.datetime | None  # the instant of the grid's first row
    rows: int


def room_order(programme: Programme) -> list[str]:
    """Every room's name: in rooms.yml's order, or the order the programme first uses them in."""
    return [room.name for room in programme.rooms]


def day_timetable(programme: Programme, sessions: list[Session]) -> Timetable:
    """The timetable of one day's `sessions` (in programme order)."""
    conference = programme.conference
    timed = [s for s in sessions if s.start is not None]
    untimed = [s for s in sessions if s.start is None]
    names, column_kind, name_of = _columns(programme, timed)
    if not timed:
        return Timetable([], 1, column_kind, [], untimed, None, 0)
    first = _floor(min(s.start_moment(conference.zone) for s in timed))
    spans = {s.id: _steps(conference, s, first) for s in timed}
    row_of = _rows(spans.values())
    columns, column_of = _lanes(names, [s for s in timed if name_of(s) is not None], name_of, spans)
    grid_columns = sum(c.span for c in columns) or 1
    if grid_columns < 2:
        columns, column_of = [], {}
    together = _for_everyone_at_once([s for s in timed if name_of(s) is None], spans)
    # Sessions for everyone at the same time as one another need a column each at least.
    grid_columns = max(grid_columns, *(lanes for _, lanes, _ in together.values()), 1)
    by_start: dict[dt.time, list[Placed]] = {}
    for session in timed:
        begin, end = spans[session.id]
        column, span = column_of.get(session.id), 1
        if session.id in together:
            column, span = _shared_columns(*together[session.id], column_of, spans, grid_columns)
        elif column is None and columns:
            column, span = _free_columns((begin, end), spans, column_of, grid_columns)
        by_start.setdefault(session.start_moment(conference.zone).time(), []).append(
            Placed(session, column, row_of[begin], row_of[end], span)
        )
    starts = []
    # In the order of the day's grid: a night's 01:00 after its 23:00, not before its morning.
    for time, at_once in sorted(by_start.items(), key=lambda item: min(p.first_row for p in item[1])):
        at_once.sort(key=lambda p: (p.column is not None, p.column or 0))
        label = when.clock(conference, time)
        row = at_once[0].first_row
        starts.append(Start(time, label, f"at-{time.strftime('%H%M')}", row, max(p.end_row for p in at_once), at_once))
    rows = max(start.end_row for start in starts) - 1
    return Timetable(columns, grid_columns, column_kind, starts, untimed, first, rows)


def _columns(programme: Programme, sessions: list[Session]):
    """(column names, "room" or "stream", a session's column name: None across all)."""
    placed = [s for s in sessions if not s.is_for_everyone]
    if any(s.room for s in placed):
        used = {s.room for s in placed if s.room}
        names = [room for room in room_order(programme) if room in used]
        unplaced = _("Room to be announced")
        if any(not s.room for s in placed):
            names.append(unplaced)
        kind, key = "room", lambda s: s.room or unplaced
    else:
        used_streams = {s.stream.id for s in placed if s.stream}
        names = [stream.name for stream in programme.streams if stream.id in used_streams]
        others = _("Other sessions")
        if any(not s.stream for s in placed):
            names.append(others)
        kind, key = "stream", lambda s: s.stream.name if s.stream else others
    return names, kind, lambda session: None if session.is_for_everyone else key(session)


def _lanes(names: list[str], sessions: list[Session], name_of, spans) -> tuple[list[Column], dict[str, int]]:
    """Each name's columns, and each session's grid column: sessions of one room at the
    same time go side by side, each in a lane of its own (the first lane free at its start)."""
    lanes_of: dict[str, list[int]] = {name: [] for name in names}  # each lane's last end
    lane_of: dict[str, tuple[str, int]] = {}
    for session in sorted(sessions, key=lambda s: spans[s.id]):
        begin, end = spans[session.id]
        lanes = lanes_of[name_of(session)]
        lane = next((i for i, last in enumerate(lanes) if last <= begin), len(lanes))
        if lane == len(lanes):
            lanes.append(end)
        else:
            lanes[lane] = end
        lane_of[session.id] = (name_of(session), lane)
    columns, first = [], 1
    for name in names:
        span = max(1, len(lanes_of[name]))
        columns.append(Column(name, first, span))
        first += span
    starts = {column.name: column.first for column in columns}
    return columns, {sid: starts[name] + lane for sid, (name, lane) in lane_of.items()}


def _for_everyone_at_once(sessions: list[Session], spans) -> dict[str, tuple[int, int, tuple[int, int]]]:
    """Sessions for everyone that run at the same time as another one (two plenaries in two
    halls): each one's lane, how many lanes its group needs, and the group's time."""
    found: dict[str, tuple[int, int, tuple[int, int]]] = {}
    for group in _overlapping(sorted(sessions, key=lambda s: spans[s.id]), spans):
        lanes: list[int] = []  # each lane's last end
        lane_of: dict[str, int] = {}
        for session in group:
            begin, end = spans[session.id]
            lane = next((i for i, last in enumerate(lanes) if last <= begin), len(lanes))
            lanes[lane : lane + 1] = [end]
            lane_of[session.id] = lane
        if len(lanes) > 1:
            window = (spans[group[0].id][0], max(spans[s.id][1] for s in group))
            found.update({sid: (lane, len(lanes), window) for sid, lane in lane_of.items()})
    return found


def _overlapping(sessions: list[Session], spans) -> list[list[Session]]:
    """`sessions` (by start) in groups, each running without a break from its first start to its last end."""
    groups: list[list[Session]] = []
    end = None
    for session in sessions:
        begin, finish = spans[session.id]
        if end is None or begin >= end:
            groups.append([])
            end = finish
        groups[-1].append(session)
        end = max(end, finish)
    return groups


def _shared_columns(lane: int, lanes: int, window: tuple[int, int], column_of, spans, grid_columns: int) -> tuple[int, int]:
    """A session for everyone's share of the columns free during its group's time: the
    `lane`-th of `lanes` equal parts (the last takes what is left over)."""
    first, width = _free_columns(window, spans, column_of, grid_columns)
    if first is None or width < lanes:  # all free, or too few free: share them all
        first, width = 1, grid_columns
    share = width // lanes
    return first + lane * share, share if lane < lanes - 1 else width - lane * share


def _free_columns(window: tuple[int, int], spans, column_of: dict[str, int], grid_columns: int) -> tuple[int | None, int]:
    """For a session for everyone: across all columns, or, where a room's session runs
    meanwhile (a workshop through lunch), across the widest run of columns free then."""
    begin, end = window
    busy = {column for other, column in column_of.items() if spans[other][0] < end and begin < spans[other][1]}
    if not busy:
        return None, 1
    runs: list[list[int]] = []
    run: list[int] = []
    for column in range(1, grid_columns + 1):
        if column in busy:
            runs.append(run)
            run = []
        else:
            run.append(column)
    runs.append(run)
    widest = max(runs, key=len)
    return (widest[0], len(widest)) if widest else (None, 1)


def _floor(moment: dt.datetime) -> dt.datetime:
    return moment.replace(minute=moment.minute - moment.minute % STEP_MINUTES, second=0, microsecond=0)


def _steps(conference: Conference, session: Session, first: dt.datetime) -> tuple[int, int]:
    """The five-minute steps from `first` a session runs between: at least one."""
    step = dt.timedelta(minutes=STEP_MINUTES)
    start = session.start_moment(conference.zone).astimezone(dt.UTC)
    end = session.end_moment(conference).astimezone(dt.UTC)
    begin = int((start - first.astimezone(dt.UTC)) // step)
    return begin, begin + max(1, int(-(-(end - start) // step)))


def _rows(spans) -> dict[int, int]:
    """Each step's grid line (1-based): a step in a session is a row; a gap when nothing
    runs keeps at most GAP_ROWS rows, so an evening event does not leave a screen of
    empty grid below the afternoon."""
    spans = list(spans)
    last = max(end for _, end in spans)
    busy = [False] * last
    for begin, end in spans:
        for index in range(begin, end):
            busy[index] = True
    row_of, row, gap = {}, 1, 0
    for index in range(last):
        row_of[index] = row
        gap = 0 if busy[index] else gap + 1
        if busy[index] or gap <= GAP_ROWS:
            row += 1
    row_of[last] = row
    return row_of
