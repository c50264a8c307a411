"""A change of the programme in the site's words: its kind, when it was published, its
old and new values (a time, a room, a title, the presenters). The Changes page and its
feed (pages/changes.py, exports/changes_feed.py) say them alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import escape

from ..programme import addresses
from ..programme.changes import Change, Publication, When
from ..programme.model import Conference, Programme
from ..translations import _
from . import when


def labels() -> dict[str, str]:
    """Each kind of change as a list names it, in the site's language."""
    return {
        "added": _("Added"),
        "cancelled": _("Cancelled"),
        "reinstated": _("Back on the programme"),
        "moved": _("Moved"),
        "room": _("Room"),
        "retitled": _("Retitled"),
        "presenters": _("Presenters"),
        "removed": _("Removed"),
    }


def published_on(conference: Conference, publication: Publication) -> str:
    """When a publication was made, in the venue's time: "Saturday 29 March 2025, 10:00"."""
    moment = dt.datetime.fromtimestamp(publication.time, conference.zone)
    return f"{when.day(conference, moment.date())}, {when.clock(conference, moment.time())}"


def values(conference: Conference, change: Change) -> str:
    if change.kind in ("cancelled", "reinstated", "removed"):
        return ""
    if change.kind == "added":
        return f" ({escape(shown(conference, change.new))})"
    old, new = shown(conference, change.old), shown(conference, change.new)
    return " " + str(escape(_("from %(old)s to %(new)s", old=old, new=new)))


def shown(conference: Conference, value) -> str:
    """A changed value in the site's words: a time, a room, a title, the presenters."""
    if isinstance(value, When):
        return _when(conference, value)
    if isinstance(value, tuple):
        return ", ".join(value) if value else _("nobody")
    if value is None:
        return _("to be announced")
    return str(value)


def _when(conference: Conference, value: When) -> str:
    try:
        date = dt.date.fromisoformat(value.date) if value.date else None
        start = dt.time.fromisoformat(_padded(value.start)) if value.start else None
        end = dt.time.fromisoformat(_padded(value.end)) if value.end else None
    except ValueError:
        return " ".join(part for part in (value.date, value.start, value.end) if part)
    if date is None:
        return _("to be announced")
    text = when.day(conference, date)
    if start is not None:
        text += ", " + when.clock(conference, start) + (f"–{when.clock(conference, end)}" if end is not None else "")
    return text


def _padded(clock: str) -> str:
    """ "9:00" as ISO's "09:00"."""
    return clock.zfill(5)


def change_items(programme: Programme, publication: Publication, address: Callable[[str], str | None]) -> list[str]:
    """A publication's changes as `<li>`s: kind, the item (linked where `address` gives its
    page's address; a removed item has none), old and new values. The Changes page and its
    feed list them alike, with relative and absolute addresses."""
    names = labels()
    items = []
    for change in publication.changes:
        target = addresses.changed_page(programme, change)
        href = address(target) if target is not None else None
        title = escape(change.title)
        what = f'<a href="{escape(href)}">{title}</a>' if href is not None else str(title)
        items.append(f"<li><strong>{escape(names[change.kind])}:</strong> {what}{values(programme.conference, change)}</li>")
    return items
