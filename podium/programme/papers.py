"""Papers: read from data/papers/, then placed in the session that lists them.

A paper takes its stream, room, day and times from its session, unless it gives its
own start (and end or duration): then those must lie within the session's, and no
two papers of a session may overlap. Poster boards are unique within a session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from dataclasses import dataclass

from .items import ItemReader
from .load import Document
from .model import Paper, Session
from .problems import Problems
from .times import Span, check_clock_times, read_span


@dataclass(frozen=True)
class PaperFile:
    """A paper as its file gives it, before a session places it."""

    paper: Paper
    span: Span  # its own times, if any
    document: Document


def read_paper(id_: str, document: Document, items: ItemReader) -> PaperFile | None:
    data = document.data
    before = len(items.problems.errors)
    stream = items.stream(document)
    people = items.appearances(document)
    links = items.links(document)
    language = items.language(document)
    span = read_span(document, items.problems)
    if len(items.problems.errors) > before:
        items.problems.mark_at_fault("papers", id_)
        return None
    paper = Paper(
        id=id_,
        title=data.get("title", ""),
        stream=stream,  # its own, where it has one; else its session's (place)
        subtitle=data.get("subtitle"),
        abstract=data.get("abstract"),
        description=data.get("description"),
        people=people,
        board=data.get("board"),
        doi=data.get("doi"),
        language=language,
        links=links,
        source_id=data.get("source_id"),
        recording=data.get("recording", True),
        cancelled=data.get("status") == "cancelled",
        code=data.get("code"),
    )
    return PaperFile(paper, span, document)


def place(session: Session, files: list[PaperFile], zone, problems: Problems) -> tuple[Paper, ...]:
    """The session's papers in order, each with its session's id, stream, room and times."""
    placed = []
    for position, file in enumerate(files, start=1):
        paper = dataclasses.replace(
            file.paper,
            session_id=session.id,
            position=position,
            stream=file.paper.stream or session.stream,
            room=session.room,
            cancelled=file.paper.cancelled or session.cancelled,  # a cancelled session's papers are not given either
        )
        placed.append(_timed(paper, file, session, zone, problems))
    _check_overlaps(session, files, placed, problems)
    _check_boards(session, files, problems)
    return tuple(placed)


def _timed(paper: Paper, file: PaperFile, session: Session, zone, problems: Problems) -> Paper:
    """The paper with its own times, checked against its session's, or with its session's times."""
    span = file.span
    same_as_session = dataclasses.replace(
        paper, date=session.date, start=session.start, end=session.end, ends_next_day=session.ends_next_day
    )
    if span.start is None:
        return same_as_session
    where = file.document.position(("start",))
    if session.date is None or session.start is None:
        problems.error(
            where, f"the paper has its own start, but its session, data/sessions/{session.id}.yml, has no date and start"
        )
        return same_as_session
    session_start = dt.datetime.combine(session.date, session.start)
    # A paper in a session that runs past midnight may start after midnight.
    date = session.date if span.start >= session.start else session.date + dt.timedelta(days=1)
    starts, ends = dt.datetime.combine(date, span.start), span.ends_on(date)
    session_ends_at = session.ends_at(zone)
    session_end = session_ends_at.replace(tzinfo=None) if session_ends_at is not None else None
    if starts < session_start or (session_end and (starts >= session_end or (ends and ends > session_end))):
        problems.error(
            where,
            f"the paper's time {_span_text(span)} is outside the time of its session,"
            f" data/sessions/{session.id}.yml ({_span_text(session)})",
        )
        return same_as_session
    check_clock_times(file.document, date, span, zone, problems)
    return dataclasses.replace(paper, own_time=True, date=date, start=span.start, end=span.end, ends_next_day=span.ends_next_day)


def _check_overlaps(session: Session, files: list[PaperFile], placed: list[Paper], problems: Problems) -> None:
    """Two papers of one session cannot have their own times at once, but posters, shown side by side."""
    if session.kind == "posters":
        return
    timed = sorted(
        (
            (starts, _ends_or_minute(p, starts), f)
            for p, f in zip(placed, files, strict=True)
            if p.own_time and not p.cancelled and (starts := p.starts_at(dt.UTC))
        ),
        key=lambda item: item[0],
    )
    for (_, first_end, first), (second_start, _, second) in itertools.pairwise(timed):
        if second_start < first_end:
            problems.error(
                second.document.position(("start",)),
                f"the paper's time {_span_text(second.span)} overlaps that of {first.document.path}"
                f" ({_span_text(first.span)}) in the same session, data/sessions/{session.id}.yml",
            )


def _check_boards(session: Session, files: list[PaperFile], problems: Problems) -> None:
    """Two posters of one session cannot share a board."""
    seen: dict[str, str] = {}
    for file in files:
        board = file.paper.board
        if board is None or file.paper.cancelled:  # a cancelled poster leaves its board free
            continue
        if board in seen:
            problems.error(
                file.document.position(("board",)),
                f"board {board} is taken by {seen[board]} in the same session, data/sessions/{session.id}.yml",
            )
        else:
            seen[board] = file.document.path


def _ends_or_minute(paper: Paper, starts: dt.datetime) -> dt.datetime:
    ends = paper.ends_at(dt.UTC)
    return ends if ends is not None else starts + dt.timedelta(minutes=1)


def _span_text(timed) -> str:
    text = f"{timed.start:%H:%M}"
    if timed.end is not None:
        text += "–" + ("24:00" if timed.ends_next_day and timed.end == dt.time(0) else f"{timed.end:%H:%M}")
    return text
