"""How pages group the programme: by day and time slot, people by initial, days on pages of their own."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from dataclasses import dataclass

from markupsafe import Markup

from ..programme.model import Programme, Session
from ..text import when
from ..translations import _


@dataclass(frozen=True)
class Slot:
    """Sessions that share a start and end time on one day."""

    label: str
    sessions: list[Session]


@dataclass(frozen=True)
class Day:
    """One day of a programme; `date` None holds the sessions still to be announced."""

    date: dt.date | None
    label: str
    slots: list[Slot]

    @property
    def anchor(self) -> Markup:
        """The id of the day's heading, for the jump list of days."""
        return Markup(f"day-{self.date.isoformat()}" if self.date else "to-be-announced")

    @property
    def target(self) -> tuple[str, Markup]:
        return (self.label, self.anchor)


def days(programme: Programme, sessions: list[Session]) -> list[Day]:
    """Group sessions (already in programme order) by day, then by time slot."""
    conference = programme.conference
    result = []
    for date, of_day in itertools.groupby(sessions, key=lambda s: s.programme_day(conference.day_change)):
        slots = []
        for _times, of_slot in itertools.groupby(of_day, key=lambda s: (s.start, s.end)):
            group = list(of_slot)
            label = when.time_range_with_zone(conference, group[0]) if date else ""
            slots.append(Slot(label or _("Time to be announced"), group))
        label = when.day(conference, date) if date else _("To be announced")
        result.append(Day(date, label, slots))
    return result


def people_by_initial(people) -> list[tuple[str, str, list]]:
    """People grouped by the initial of their sort name: [(letter, anchor id, people)].

    Accents are set aside for grouping (Ørsted and Ó Briain under O); a name in a
    script without case (方) groups under its first character.
    """
    groups: dict[str, list] = {}
    for person in people:
        first = unicodedata.normalize("NFKD", person.sort_name.strip() or "?")[0].upper()
        groups.setdefault(first, []).append(person)
    return [(letter, Markup(f"initial-{i + 1}"), members) for i, (letter, members) in enumerate(groups.items())]


def has_day_pages(programme: Programme) -> bool:
    """A programme of more than one day gets a page per day; its programme page lists the days."""
    days = {s.programme_day(programme.conference.day_change) for s in programme.sessions}
    return len(days - {None}) > 1
