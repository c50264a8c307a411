"""The programme in the standard forms other software reads.

`files()` returns every export of a programme, keyed by its path in the site:
calendars (iCalendar), schedule data for conference apps (frab XML, c3voc JSON) and
Podium's own `sessions.json`. Pages link to them in HTML, not Markdown, so MkDocs
need not see them: `build` makes them while MkDocs renders the pages. The
schema.org markup for pages is in `jsonld.py`.
"""

from __future__ import annotations

import datetime as dt

from .. import paths
from ..model import Programme
from ..reuse import Fresh
from . import frab, ics
from .programme_json import sessions_json


def files(programme: Programme, stamp: dt.datetime, reuse: Fresh = Fresh()) -> dict[str, bytes]:
    """Every export, keyed by its path; each names the values it is made from (see reuse.py)."""
    conference = programme.conference
    urls = paths.session_urls(programme)
    absolute = urls if conference.url else {}  # calendars link only to published pages
    name = conference.short_name or conference.name
    result: dict[str, bytes] = {}
    calendars = ics.CalendarWriter(programme, stamp, absolute, reuse)

    def add(path: str, inputs, make) -> None:
        result[path] = reuse.made(path, (stamp, inputs), make)

    for session in programme.sessions:
        if ics.is_in_calendars(session):
            label = f"{session.title} ({name})"
            add(paths.session_calendar(session), (conference, session), lambda: calendars.calendar(label, [session]))
    # An iCalendar file needs at least one event: collections without a timed session get none.
    collections = [(paths.stream_calendar(s), s.name, programme.sessions_of_stream(s)) for s in programme.streams]
    collections += [(paths.person_calendar(p), p.name, programme.sessions_of_person(p)) for p in programme.people]
    collections.append((paths.PROGRAMME_CALENDAR, conference.name, list(programme.sessions)))
    for path, title, sessions in collections:
        if ics.has_timed(sessions):
            label = title if path == paths.PROGRAMME_CALENDAR else f"{title} ({name})"
            add(path, (conference, label, sessions), lambda: calendars.calendar(label, sessions))
    if frab.has_schedule(programme):
        schedule = reuse.made("schedule", (stamp, programme), lambda: frab.schedule_files(programme, urls))
        result[paths.SCHEDULE_XML], result[paths.SCHEDULE_JSON] = schedule
    add(paths.SESSIONS_JSON, programme, lambda: sessions_json(programme))
    return result
