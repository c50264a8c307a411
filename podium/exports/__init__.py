"""The programme in the standard forms other software reads.

`files()` returns every export of a programme, keyed by its path in the site:
calendars (iCalendar), schedule data for conference apps (frab XML, c3voc JSON) and
Podium's own `sessions.json`. Pages link to them in HTML, not Markdown, so MkDocs
need not see them: `build` makes them while MkDocs renders the pages. The
schema.org markup for pages is in `jsonld.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import paths
from ..model import Programme, any_timed
from ..reuse import Fresh


def files(programme: Programme, stamp: dt.datetime, reuse: Fresh = Fresh()) -> dict[str, bytes]:
    """Every export, keyed by its path."""
    return dict(each_file(programme, stamp, reuse))


def each_file(programme: Programme, stamp: dt.datetime, reuse: Fresh = Fresh()) -> Iterator[tuple[str, bytes]]:
    """Every export with its path, one at a time (a build writes each and lets it go).

    Each names the values it is made from (see reuse.py).
    """
    # Imported here, not with the package: pages use its small modules (jsonld.py,
    # calendar_links.py), and `check` and the build's main process need not spend the
    # 0.1 s that importing icalendar takes.
    from . import frab, ics
    from .programme_json import sessions_json

    conference = programme.conference
    urls = paths.session_urls(programme)
    absolute = urls if conference.url else {}  # calendars link only to published pages
    name = conference.short_name or conference.name
    calendars = ics.CalendarWriter(programme, stamp, absolute, reuse)

    def made(path: str, inputs, make) -> tuple[str, bytes]:
        return path, reuse.made(path, (stamp, inputs), make)

    # The whole-programme files first: they take the most memory while made, and a
    # build makes them while MkDocs' processes are still small.
    if any_timed(programme.sessions):
        schedule = frab.Schedule(programme, urls)
        yield made(paths.SCHEDULE_XML, programme, schedule.xml)
        yield made(paths.SCHEDULE_JSON, programme, schedule.json)
        del schedule
    yield made(paths.SESSIONS_JSON, programme, lambda: sessions_json(programme))
    for session in programme.sessions:
        if session.is_timed:
            label = f"{session.title} ({name})"
            yield made(paths.session_calendar(session), (conference, session), lambda: calendars.calendar(label, [session]))
    # An iCalendar file needs at least one event: collections without a timed session get none.
    collections = [(paths.stream_calendar(s), s.name, programme.sessions_of_stream(s)) for s in programme.streams]
    collections += [(paths.person_calendar(p), p.name, programme.sessions_of_person(p)) for p in programme.people]
    collections.append((paths.PROGRAMME_CALENDAR, conference.name, list(programme.sessions)))
    for path, title, sessions in collections:
        if any_timed(sessions):
            label = title if path == paths.PROGRAMME_CALENDAR else f"{title} ({name})"
            yield made(path, (conference, label, sessions), lambda: calendars.calendar(label, sessions))
