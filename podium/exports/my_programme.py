"""`my-programme.json`: what the My programme page needs of every session and paper a visitor may star.

The page reads it only when opened (a visitor's selection lives in their browser, never
on a server): titles, day and time as the site prints them, instants for clashes, room,
stream, address, and the session's or paper's own calendar file. The page builds a
personal calendar from those files' events between this file's calendar opening and
closing lines, so the events are the site's own, byte for byte, with the same UIDs: a
calendar that imported them before updates them instead of doubling them. Sessions
for everyone (keynotes, breaks) are listed as the day's context. Each item has a short
code for share links, derived from its key and stable from build to build, so that 30
sessions fit a QR code. Addresses are relative to the site's root; empty fields are
left out: at 5,000 sessions every byte is downloaded by every visitor who opens the page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from ..programme import addresses
from ..programme.model import Paper, Programme, Session
from ..programme.timed import programme_days
from ..text import changes, when
from ..translations import _
from .ics import CalendarWriter

FORMAT_VERSION = 1
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def my_programme_json(programme: Programme, calendars: CalendarWriter) -> bytes:
    conference = programme.conference
    sessions = [s for s in programme.sessions if s.has_page or s.is_for_everyone]
    items = [_session(programme, s) for s in sessions] + [_paper(programme, p) for p in programme.papers]
    codes = short_codes([item["key"] for item in items if "page" in item])
    changed = _latest_changes(programme)
    for item in items:
        if item["key"] in codes:
            item["code"] = codes[item["key"]]
        if item["key"] in changed:
            item["changed"] = changed[item["key"]]
    dates = programme_days([*sessions, *programme.papers], conference.day_change)
    name = _("My programme (%(conference)s)", conference=conference.short_name or conference.name)
    opening, closing = calendars.frame(name, [*sessions, *programme.papers])
    data = {
        "format_version": FORMAT_VERSION,
        "conference": conference.name,
        "calendar": {"opening": opening.decode("utf-8"), "closing": closing.decode("utf-8")},
        "days": {date.isoformat(): when.day(conference, date) for date in dates},
        "items": [{k: v for k, v in item.items() if v not in (None, False, "")} for item in items],
    }
    if published := programme.history.published:
        data["published"] = published  # My programme flags what changed after the publication a visitor saw
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def _latest_changes(programme: Programme) -> dict[str, dict]:
    """{item key: {"at": when, "what": the change, in the site's words}} of each item's
    latest change that a visitor who starred it should hear of."""
    names = changes.labels()
    found: dict[str, dict] = {}
    for publication in programme.history.publications:  # newest first: the first found is the latest
        for change in publication.changes:
            key = ("p:" if change.item == "paper" else "s:") + change.id
            if change.kind != "added" and key not in found:
                found[key] = {"at": _utc(publication.time), "what": names[change.kind]}
    return found


def _utc(seconds: int) -> str:
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat().replace("+00:00", "Z")


def short_codes(keys: list[str]) -> dict[str, str]:
    """A code for each key from a digest of it: 4 base-36 characters, or more for keys whose 4 are shared.

    Keys that share a code all get longer ones, so a share link made before a new
    session took a colliding code never opens the wrong session (at worst, it leaves
    that one out).
    """
    digests = {key: int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:12], "big") for key in keys}
    codes: dict[str, str] = {}
    pending, length = sorted(digests), 4
    while pending:
        groups: dict[str, list[str]] = {}
        for key in pending:
            groups.setdefault(_base36(digests[key] % 36**length).rjust(length, "0"), []).append(key)
        pending = []
        for code, group in groups.items():
            if len(group) == 1:
                codes[group[0]] = code
            else:
                pending += group
        length += 1
    return codes


def _session(programme: Programme, session: Session) -> dict:
    item = _timed(programme, session, f"s:{session.id}")
    item["kind"] = session.kind
    item["everyone"] = session.is_for_everyone
    if session.has_page:
        item["page"] = addresses.published(addresses.session_page(session))
    if session.in_calendars:
        item["ics"] = addresses.session_calendar(session)
    return item


def _paper(programme: Programme, paper: Paper) -> dict:
    session = programme.session_of(paper)
    item = _timed(programme, paper, f"p:{paper.id}")
    item["kind"] = "paper"
    item["page"] = addresses.published(addresses.paper_page(paper))
    item["session"] = f"s:{session.id}" if session else None
    if paper.own_time:
        item["ics"] = addresses.paper_calendar(paper) if paper.is_timed else None
    elif session is not None and session.in_calendars:
        item["ics"] = addresses.session_calendar(session)  # the paper's time is its session's
    return item


def _timed(programme: Programme, item: Session | Paper, key: str) -> dict:
    conference = programme.conference
    starts = item.starts_at(conference.zone)
    ends = item.ends_at_or_default(conference) if starts else None
    day = item.programme_day(conference.day_change)  # My programme lists a night's 01:00 on the day before
    return {
        "key": key,
        "title": item.title,
        "date": day.isoformat() if day else None,
        "time": when.time_range_with_zone(conference, item) if item.date and item.start else None,
        "start": starts.isoformat() if starts else None,
        "end": ends.isoformat() if ends else None,
        "room": item.room,
        "stream": item.stream.name if item.stream else None,
        "cancelled": item.cancelled,  # left out when False
    }


def _base36(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = _ALPHABET[remainder] + digits
    return digits or "0"
