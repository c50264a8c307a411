"""The programme in the standard forms other software reads.

`each_file()` lists every export of a programme with its path in the site:
calendars (iCalendar), schedule data for conference apps (frab XML, c3voc JSON) and
Podium's own `sessions.json`. Pages link to them in HTML, not Markdown, so MkDocs
need not see them. The schema.org markup for pages is in `jsonld.py`, the links to
web calendars in `calendar_links.py`.

Each export names the values it is made from (equal inputs make equal bytes) and is
made only when asked: which to remake, and when, is the caller's business.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Callable

from ..programme import addresses
from ..programme.model import Programme, any_timed
from .memo import Memo, make_now


@dataclass(frozen=True)
class Export:
    """One file: its path in the site, what it is made from, and how to make it."""

    path: str
    inputs: object
    make: Callable[[], bytes]


def files(programme: Programme, stamp: dt.datetime) -> dict[str, bytes]:
    """Every export, made, keyed by its path."""
    return {export.path: export.make() for export in each_file(programme, stamp)}


def each_file(programme: Programme, stamp: dt.datetime, memo: Memo = make_now) -> Iterator[Export]:
    """Every export, one at a time (a build makes each, writes it and lets it go).

    `memo` is handed the calendars' events, which many calendars share.
    """
    # Imported here, not with the package: pages use its small modules (jsonld.py,
    # calendar_links.py), and `check` and the build's main process need not spend the
    # 0.1 s that importing icalendar takes.
    from . import frab, ics
    from .programme_json import sessions_json

    conference = programme.conference
    urls = addresses.session_urls(programme)
    absolute = urls if conference.url else {}  # calendars link only to published pages
    name = conference.short_name or conference.name
    calendars = ics.CalendarWriter(programme, stamp, absolute, memo)

    def export(path: str, inputs, make: Callable[[], bytes]) -> Export:
        return Export(path, (stamp, inputs), make)

    # The whole-programme files first: they take the most memory while made, and a
    # build makes them while MkDocs' processes are still small.
    if any_timed(programme.sessions):
        schedule = frab.Schedule(programme, urls)
        yield export(addresses.SCHEDULE_XML, programme, schedule.xml)
        yield export(addresses.SCHEDULE_JSON, programme, schedule.json)
        del schedule
    yield export(addresses.SESSIONS_JSON, programme, functools.partial(sessions_json, programme))
    for session in programme.sessions:
        if session.is_timed:
            label = f"{session.title} ({name})"
            make = functools.partial(calendars.calendar, label, [session])
            yield export(addresses.session_calendar(session), (conference, session), make)
    # An iCalendar file needs at least one event: collections without a timed session get none.
    collections = [(addresses.stream_calendar(s), s.name, programme.sessions_of_stream(s)) for s in programme.streams]
    collections += [(addresses.person_calendar(p), p.name, programme.sessions_of_person(p)) for p in programme.people]
    collections.append((addresses.PROGRAMME_CALENDAR, conference.name, list(programme.sessions)))
    for path, title, sessions in collections:
        if any_timed(sessions):
            label = title if path == addresses.PROGRAMME_CALENDAR else f"{title} ({name})"
            yield export(path, (conference, label, sessions), functools.partial(calendars.calendar, label, sessions))
