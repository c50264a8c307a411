"""Stable identifiers for exports: the same session keeps its ids from build to build.

Calendar apps and conference apps recognise an event by its id; if a rebuild changed
it, attendees would see every session twice. Every id here is derived from the
conference's key and the session's (or person's, or room's) id in the data, and from
nothing that changes when other sessions are added.
"""

from __future__ import annotations

import re
import uuid

from ..programme.model import Conference

# A fixed namespace for Podium's name-based UUIDs (uuid5 of Podium's name in the URL namespace).
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://podium.invalid/ids")


def conference_key(conference: Conference) -> str:
    """A slug of the conference's short name (or name): `aspc-2019`."""
    name = conference.short_name or conference.name
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "conference"


def acronym(conference: Conference) -> str:
    """The frab/c3voc acronym: lower-case letters, digits and underscores, 4 or more."""
    key = conference_key(conference).replace("-", "_")
    return key if len(key) >= 4 else (key + "_conf")[:4].ljust(4, "_")


def guid(conference: Conference, kind: str, id_: str) -> str:
    """A UUID for a session, person or room, derived from the conference and its id."""
    return str(uuid.uuid5(NAMESPACE, f"{conference_key(conference)}/{kind}/{id_}"))


def numeric_ids(
    conference: Conference, keys: list[tuple[str, str]], kept: dict[tuple[str, str], str] | None = None
) -> dict[tuple[str, str], int]:
    """Positive 31-bit integers for the frab `id`, stable for each (kind, id): ("session", "x").

    An item imported from frab or pretalx keeps its number there (`kept`: its
    `source_id`, when that is a number no other item has), so that recordings still
    match. The others are derived from the item's UUID; a collision (rare) is resolved
    by taking the next free number, visiting items in order of their keys so the
    result is deterministic.
    """
    taken: set[int] = set()
    result: dict[tuple[str, str], int] = {}
    wanted = [(key, int(number)) for key, number in (kept or {}).items() if number.isdigit() and 0 < int(number) < 2**31]
    counts: dict[int, int] = {}
    for _, number in wanted:
        counts[number] = counts.get(number, 0) + 1
    for key, number in sorted(wanted):
        if counts[number] == 1 and key in keys:
            result[key] = number
            taken.add(number)
    for kind, id_ in sorted(set(keys) - set(result)):
        number = uuid.UUID(guid(conference, kind, id_)).int % (2**31 - 1) + 1
        while number in taken:
            number = number % (2**31 - 1) + 1
        taken.add(number)
        result[(kind, id_)] = number
    return result
