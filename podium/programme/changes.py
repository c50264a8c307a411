"""What changed from one publication of the programme to the next (history/ reads it from git).

Plain values, as the files held them (a date "2025-03-29", a start "10:00"), for the
pages and exports to put in the site's words: the Changes page, its Atom feed, the
calendars' SEQUENCE, a moved item's note, My programme's notices.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

# What can happen to a session or a paper between two publications, in the order a
# publication lists them.
KINDS = ("added", "cancelled", "reinstated", "moved", "room", "retitled", "presenters", "removed")
# The changes a calendar that imported the entry must take in (its SEQUENCE rises).
IN_CALENDARS = {"cancelled", "reinstated", "moved", "room", "retitled"}


@dataclass(frozen=True)
class When:
    """An item's date and times as its file gave them; all None while to be announced."""

    date: str | None = None
    start: str | None = None
    end: str | None = None  # or the end its duration gives


@dataclass(frozen=True)
class Change:
    item: str  # "session" or "paper"
    id: str  # its file's name, which is its page's address
    title: str  # as it is after the change (before it, for one removed)
    kind: str  # one of KINDS
    old: str | When | tuple[str, ...] | None = None  # a title, a room, a time, the presenters' names
    new: str | When | tuple[str, ...] | None = None


@dataclass(frozen=True)
class Publication:
    """One commit to the published branch that changed data/."""

    commit: str
    time: int  # seconds since the epoch, the commit's
    changes: tuple[Change, ...] = ()


@dataclass(frozen=True)
class History:
    """The publications, newest first; the oldest one read is the baseline, without changes."""

    publications: tuple[Publication, ...] = ()

    def sequence(self, item: str, id_: str) -> int:
        """How many publications since the baseline changed the item's calendar entry:
        its SEQUENCE, which tells calendars that imported it to take the new one."""
        return self._sequences.get((item, id_), 0)

    @cached_property
    def _sequences(self) -> dict[tuple[str, str], int]:
        counts: dict[tuple[str, str], int] = {}
        for publication in self.publications:
            for key in {(c.item, c.id) for c in publication.changes if c.kind in IN_CALENDARS}:
                counts[key] = counts.get(key, 0) + 1
        return counts

    @property
    def version(self) -> str | None:
        """The latest publication's number and commit: changes with every publication."""
        if not self.publications:
            return None
        return f"{len(self.publications)}.{self.publications[0].commit[:7]}"

    @property
    def published(self) -> str | None:
        """When the latest publication was made, in UTC (ISO 8601), for the browser to compare."""
        if not self.publications:
            return None
        moment = dt.datetime.fromtimestamp(self.publications[0].time, dt.UTC)
        return moment.isoformat().replace("+00:00", "Z")

    def latest(self, item: str, id_: str, kinds: set[str]) -> tuple[Publication, Change] | None:
        """The last publication that made a change of `kinds` to the item, and that change."""
        for publication in self.publications:
            for change in publication.changes:
                if change.item == item and change.id == id_ and change.kind in kinds:
                    return publication, change
        return None
