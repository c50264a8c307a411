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
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .. import translations
from ..programme import addresses
from ..programme.model import Paper, Programme, Session, in_calendars
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
    translations.use(programme.conference.language)  # the words in calendar files
    # Imported here, not with the package: pages use its small modules (jsonld.py,
    # calendar_links.py), and `check` and the build's main process need not spend the
    # 0.1 s that importing icalendar takes.
    from . import changes_feed, frab, ics, scholarly, web_app
    from .my_programme import my_programme_json
    from .programme_json import sessions_json

    conference = programme.conference
    urls = addresses.session_urls(programme)
    paper_urls = addresses.paper_urls(programme)
    event_urls = {f"session {id_}": url for id_, url in urls.items()} | {f"paper {id_}": url for id_, url in paper_urls.items()}
    absolute = event_urls if conference.url else {}  # calendars link only to published pages
    name = conference.short_name or conference.name
    calendars = ics.CalendarWriter(programme, stamp, absolute, memo)

    def export(path: str, inputs, make: Callable[[], bytes]) -> Export:
        return Export(path, (stamp, inputs), make)

    # The whole-programme files first: they take the most memory while made, and a
    # build makes them while MkDocs' processes are still small.
    if in_calendars(programme.sessions):
        schedule = frab.Schedule(programme, urls, paper_urls)
        yield export(addresses.SCHEDULE_XML, programme, schedule.xml)
        yield export(addresses.SCHEDULE_JSON, programme, schedule.json)
        del schedule
    yield export(addresses.SESSIONS_JSON, programme, functools.partial(sessions_json, programme))
    yield export(addresses.CHANGES_FEED, programme, functools.partial(changes_feed.feed, programme, stamp))
    yield export(addresses.MY_PROGRAMME_DATA, programme, functools.partial(my_programme_json, programme, calendars))
    yield export(addresses.WEB_APP_MANIFEST, conference, functools.partial(web_app.manifest, conference))
    for size in web_app.ICON_SIZES:
        yield export(addresses.icon(size), (conference, size), functools.partial(web_app.icon, conference, size))
    for session in in_calendars(programme.sessions):
        label = f"{session.title} ({name})"
        yield export(
            addresses.session_calendar(session), (conference, session), functools.partial(calendars.calendar, label, [session])
        )
    for paper in programme.papers:
        holding = programme.session_of(paper)
        # A paper at its session's time is in the session's calendar; one with a time of
        # its own has a calendar of its own.
        if paper.own_time:
            label = f"{paper.title} ({name})"
            make = functools.partial(calendars.calendar, label, [paper])
            yield export(addresses.paper_calendar(paper), (conference, paper, holding), make)
        url = absolute.get(f"paper {paper.id}")
        inputs = (conference, paper, url)
        yield export(addresses.paper_bibtex(paper), inputs, functools.partial(scholarly.bibtex, programme, paper, url))
        yield export(addresses.paper_csl_json(paper), inputs, functools.partial(scholarly.csl_json, programme, paper, url))
    # An iCalendar file needs at least one event: collections without a timed session get none.
    collections = [(addresses.stream_calendar(s), s.name, _stream_items(programme, s)) for s in programme.streams]
    collections += [(addresses.person_calendar(p), p.name, programme.calendar_items_of(p)) for p in programme.people]
    collections.append((addresses.PROGRAMME_CALENDAR, conference.name, in_calendars(programme.sessions)))
    for path, title, items in collections:
        if items:
            label = title if path == addresses.PROGRAMME_CALENDAR else f"{title} ({name})"
            sessions = [programme.session_of(i) for i in items if isinstance(i, Paper)]
            yield export(path, (conference, label, items, sessions), functools.partial(calendars.calendar, label, items))


def _stream_items(programme: Programme, stream) -> list:
    """A stream's calendar: its sessions, and its papers in sessions of other streams (as
    themselves at a time of their own, else as their session)."""
    items: list[Session | Paper] = list(in_calendars(programme.sessions_of_stream(stream)))
    for paper in programme.papers_of_stream(stream):
        if paper.own_time:
            if paper not in items:
                items.append(paper)
            continue
        session = programme.session_of(paper)
        if session is not None and session not in items and session.in_calendars:
            items.append(session)
    return items
